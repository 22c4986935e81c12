#pragma once

#include "core/schedulechange.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QString>

namespace fd::ui {

// The schedule-change queue as a table: one row per change, its re-timed flights one per line,
// old and new times side by side in each airport's local time. Read-only; the page replaces the
// rows after every read of the queue.
class ScheduleQueueModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleQueueModel)

public:
    enum Column { Booking, Flight, Was, Now, Received, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1, // what sorting compares: QString or QDateTime (UTC)
        ChangeIdRole,                    // QString: the change's id, on every column
        IntentIdRole,                    // qint64: the booking's intent (0: unknown)
    };

    explicit ScheduleQueueModel(QObject *parent = nullptr);

    void setChanges(const QList<ScheduleChange> &changes);
    int rowOf(const QString &changeId) const; // -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString id;
        qint64 intentId = 0;
        QString booking, flights, was, now;
        QDateTime oldDeparture, newDeparture, received;
    };
    static Row rowFor(const ScheduleChange &change);

    QList<Row> m_rows;
};

} // namespace fd::ui
