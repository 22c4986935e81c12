#pragma once

#include "desk/schedulechanges.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace fd::ui {

class ScheduleQueueModel;

// The schedule-change queue, worked the way GDS agents work theirs: every flight the airline
// re-timed after booking, old and new times side by side in the airports' local times, until an
// agent acknowledges it (having told the passenger). The journal keeps unacknowledged changes
// across restarts; the page reads them off the window's thread, when shown, when a change
// arrives and after each acknowledgement.
class ScheduleQueuePage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleQueuePage)

public:
    // `changes` is not owned and must outlive the page.
    explicit ScheduleQueuePage(desk::ScheduleChanges *changes, QWidget *parent = nullptr);
    ~ScheduleQueuePage() override;

    qint64 total() const { return m_total; }
    QString selectedId() const; // empty when nothing is selected
    ScheduleQueueModel *model() const { return m_model; }

public Q_SLOTS:
    void refresh();
    void acknowledgeSelected();

Q_SIGNALS:
    // How many changes wait in the queue, after every read (for the tab's title).
    void totalChanged(qint64 total);
    // The bookings (intent ids) whose changes are in the queue as read (the orders page's
    // "Needs attention").
    void bookingsWaiting(const QSet<qint64> &intentIds);

private:
    void present(const desk::ScheduleChanges::Queue &queue);

    desk::ScheduleChanges *m_changes;
    QLabel *m_summaryLabel;
    ScheduleQueueModel *m_model;
    QTableView *m_table;
    QPushButton *m_acknowledgeButton;
    qint64 m_total = 0;
    bool m_reading = false;
    bool m_readAgain = false;
};

} // namespace fd::ui
