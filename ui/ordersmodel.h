#pragma once

#include "core/contactmerge.h"
#include "core/intent.h"
#include "core/money.h"
#include "desk/orders.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <functional>
#include <optional>

namespace fd::ui {

// The four groups of the status filter. Needs attention: the checkout stopped and waits for the
// agent (interrupted, unresolved, error, insufficient funds). Failed: final without a ticket.
enum class OrderStatus { InProgress, Ticketed, Failed, NeedsAttention };

OrderStatus orderStatus(fd::CheckoutState state);
QString stateText(fd::CheckoutState state); // processing -> "Processing"
// A state or provider status by the name the journal's history holds ("in_progress" ->
// "Ticketing in progress"); a name from a newer FlightDesk is shown as it is.
QString stateText(const QString &name);

// One timeline line of an intent's journal event, for people.
QString eventKindText(JournalEvent::Kind kind);
QString eventSummary(const JournalEvent &event);

// The journal's intents as a table, newest first. Rows keep only what the table shows: no
// passport number or birth date is ever copied into the model.
//
// Over a desk's Orders (setSource) it reads the history a page at a time: nothing until
// reload(), then kPageSize rows, then one more page whenever a view scrolls near the end
// (canFetchMore/fetchMore, which QSortFilterProxyModel passes through). A long history so never
// costs the window's first frame, and each read on the GUI thread stays one small query.
class OrdersModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrdersModel)

public:
    enum Column {
        Created,
        Status,
        BookingReference,
        OrderId,
        Passengers,
        Route,
        Departs, // the first flight's departure, in its airport's local time
        Total,
        Provider,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        RawValueRole = Qt::UserRole + 1, // what sorting compares: QDateTime, qint64, QString
        IntentIdRole,                    // qint64, on every column
        StatusRole,                      // int(OrderStatus), on every column
        SearchTextRole,                  // reference, order id, key and names, lower case
    };

    struct Row {
        qint64 id = 0;
        QDateTime createdAt;
        fd::CheckoutState state = fd::CheckoutState::Draft;
        QString outcome;
        QString outcomeMessage;
        OrderStatus status = OrderStatus::InProgress;
        QString provider; // the provider's id ("travomatrix"); shown by its name
        QString bookingReference;
        QString orderId;
        QString idempotencyKey;
        QString supersededKey;
        QStringList passengerNames;
        QString route;
        QDateTime departsAt; // the first flight's departure (UTC); invalid when unknown
        QString departsText; // the same in its airport's local time: "Thu 10 Dec 09:00 WAT"
        QStringList flights; // one line per flight, local times: "LOS → LHR · Thu 10 Dec …"
        QString totalText;
        qint64 totalMinor = 0;
        std::optional<fd::Money> total; // the offer's total, when it reads as money
        fd::ContactValues contact;      // the first passenger's e-mail and phone, as booked
        QStringList eTickets;           // "1259876543210 (Adebayo Okafor)"
        bool frozen = false;            // the create body was sent at least once
        bool finished = false;
    };

    explicit OrdersModel(QObject *parent = nullptr);

    // Replaces the rows. When the same intents come back (the usual refresh) the rows are
    // updated in place, so views keep their selection and scroll position.
    void setIntents(const QList<fd::Intent> &intents);

    static constexpr int kPageSize = 200;
    // `orders` is not owned and must outlive the model; nullptr reads nothing.
    void setSource(const fd::desk::Orders *orders);
    // Reads the newest rows again, as many as are loaded (at least one page): a new booking
    // appears at the top, changed intents are updated. On an error the rows stay as they were.
    // The read runs where the source reads (the journal's thread); `done` follows the rows.
    void reload(std::function<void(const Result<std::monostate> &)> done = {});
    bool loaded() const { return m_loaded; } // reload() succeeded at least once
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override; // the next older page
    const Row *row(int row) const;
    const Row *rowForIntent(qint64 intentId) const;
    int rowOf(qint64 intentId) const; // -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static Row rowFrom(const fd::Intent &intent);

Q_SIGNALS:
    // fetchMore could not read the next page; fetching stops until the next reload().
    void fetchFailed(const QString &message);

private:
    QList<Row> m_rows;
    const fd::desk::Orders *m_source = nullptr;
    qint64 m_nextBeforeId = 0; // the next older page starts below this id; 0 = no more
    bool m_loaded = false;
    bool m_fetchFailed = false;
    bool m_fetching = false;  // a fetchMore read is with the journal
    quint64 m_readSerial = 0; // a reload makes older fetchMore answers stale
};

// The status filter and the search box over OrdersModel; sorts by RawValueRole.
class OrdersFilterModel final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrdersFilterModel)

public:
    explicit OrdersFilterModel(QObject *parent = nullptr);
    void setStatus(std::optional<OrderStatus> status); // nullopt: all
    void setSearchText(const QString &text);           // substring, any case
    // Intents that need the agent for a reason of their own, beside their checkout state (a
    // cancellation in progress, a schedule change): "Needs attention" shows them too. Each
    // source (`reason`) replaces its own set; an empty set removes it.
    void setNeedsAttention(const QString &reason, const QSet<qint64> &intentIds);
    bool needsAttention(qint64 intentId) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<OrderStatus> m_status;
    QString m_search;
    QHash<QString, QSet<qint64>> m_attention; // by reason
};

} // namespace fd::ui
