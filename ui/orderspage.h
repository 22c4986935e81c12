#pragma once

#include "core/clock.h"
#include "desk/cancellations.h"
#include "desk/contacts.h"
#include "desk/orders.h"

#include <QWidget>

#include <memory>

class QPushButton;

namespace Ui {
class OrdersPage;
}

namespace fd::ui {

class OrdersModel;
class OrdersFilterModel;

// The order history from the journal: a filterable, sortable table; for the selected order
// its key facts (copyable order id and idempotency key, for support) and the timeline of its
// states, attempts and webhooks; and Resume for a checkout that stopped after its create was
// sent. Passport numbers and birth dates are never shown: the model does not even hold them.
//
// Nothing is read while the page is built: the first page of the history is read once the page
// is first shown (after that frame) or refreshed, older pages as the table is scrolled to the
// end. Sorting, the status filter and the search box work on the rows read so far; a filter
// that leaves the table short makes the view read older pages until it is full or the history
// ends, so a search still reaches old orders.
class OrdersPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrdersPage)

public:
    // `orders` is not owned and must outlive the page.
    explicit OrdersPage(fd::desk::Orders *orders, QWidget *parent = nullptr);
    ~OrdersPage() override;

    // What the page's booking actions (Cancel booking…, Change contact details…) reach; without
    // them (the default) those buttons stay disabled. Not owned; they must outlive the page.
    struct BookingServices {
        fd::desk::Cancellations *cancellations = nullptr;
        fd::desk::Contacts *contacts = nullptr;
        const fd::Clock *clock = nullptr;
    };
    void setBookingServices(const BookingServices &services);

    qint64 selectedIntentId() const; // 0 when nothing is selected
    void selectIntent(qint64 intentId);
    OrdersModel *model() const { return m_model; }
    OrdersFilterModel *filterModel() const { return m_filter; }

public Q_SLOTS:
    // Re-reads the loaded part of the journal (from the newest, at least one page); the
    // selection stays where it was.
    void refresh();

Q_SIGNALS:
    void resumeRequested(qint64 intentId);
    // A cancellation ended (refunded or not): the provider's wallet is worth reading again.
    void walletChanged(const QString &provider);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showSelected();
    void showTimeline(qint64 intentId);
    void fillTimeline(qint64 intentId, const Result<QList<JournalEvent>> &events);
    void updateMessage();
    void copy(QPushButton *button, const QString &text);
    // The booking actions (orderspagebooking.cpp).
    void updateBookingActions(qint64 intentId);
    void openCancelDialog();
    void openContactDialog();
    void readCancellationsInProgress();

    std::unique_ptr<Ui::OrdersPage> m_ui;
    fd::desk::Orders *m_orders;
    BookingServices m_services;
    OrdersModel *m_model;
    OrdersFilterModel *m_filter;
    QString m_journalError;
    qint64 m_shownTimeline = 0;
    qint64 m_timelineWanted = 0; // the one asked of the journal last
    int m_shownEvents = -1;
    bool m_loadQueued = false;
};

} // namespace fd::ui
