#include "ordersmodel.h"

#include "checkouttext.h"
#include "localtime.h"

#include "desk/providers.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace fd::ui {
namespace {

QJsonObject offerObject(const QJsonObject &offer) {
    const QJsonValue data = offer.value(QLatin1String("data"));
    return data.isObject() ? data.toObject() : offer;
}

// "LOS → LHR → LOS"; a break in the chain (open jaw) starts a new leg after a comma.
QString routeOf(const QJsonObject &offer) {
    QString route;
    QString last;
    for (const QJsonValue &v : offerObject(offer).value(QLatin1String("slices")).toArray()) {
        const QJsonObject slice = v.toObject();
        const QString from = slice.value(QLatin1String("origin"))
                                 .toObject()
                                 .value(QLatin1String("iata_code"))
                                 .toString();
        const QString to = slice.value(QLatin1String("destination"))
                               .toObject()
                               .value(QLatin1String("iata_code"))
                               .toString();
        if (from.isEmpty() || to.isEmpty())
            continue;
        if (from != last)
            route += (route.isEmpty() ? QString() : QStringLiteral(", ")) + from;
        route += QStringLiteral(" → ") + to;
        last = to;
    }
    return route;
}

QString nameOf(const QJsonObject &passenger) {
    return QStringList{passenger.value(QLatin1String("given_name")).toString(),
                       passenger.value(QLatin1String("family_name")).toString()}
        .join(QLatin1Char(' '))
        .trimmed();
}

} // namespace

OrderStatus orderStatus(CheckoutState state) {
    if (state == CheckoutState::Ticketed)
        return OrderStatus::Ticketed;
    // An error is final (nothing is sent again) but is support's to settle: it needs attention.
    if (state::needsAttention(state))
        return OrderStatus::NeedsAttention;
    return state::isFinal(state) ? OrderStatus::Failed : OrderStatus::InProgress;
}

QString stateText(CheckoutState state) {
    return QCoreApplication::translate("fd::CheckoutState", state::label(state));
}

QString stateText(const QString &name) {
    if (name.isEmpty())
        return stateText(CheckoutState::Draft);
    if (const auto s = state::checkoutStateNamed(name))
        return stateText(*s);
    if (const auto p = state::providerStatusNamed(name))
        return QCoreApplication::translate("fd::ProviderStatus", state::label(*p));
    return name;
}

QString eventKindText(JournalEvent::Kind kind) {
    switch (kind) {
    case JournalEvent::Kind::State:
        //: Timeline event kind: the checkout entered a new state.
        return OrdersModel::tr("State");
    case JournalEvent::Kind::Attempt:
        //: Timeline event kind: one HTTP request to the provider.
        return OrdersModel::tr("Attempt");
    case JournalEvent::Kind::Webhook:
        //: Timeline event kind: a notification pushed by the provider.
        return OrdersModel::tr("Webhook");
    case JournalEvent::Kind::Note:
        return OrdersModel::tr("Note");
    }
    return OrdersModel::tr("Note");
}

QString eventSummary(const JournalEvent &event) {
    const QJsonObject &d = event.detail;
    switch (event.kind) {
    case JournalEvent::Kind::State: {
        const QString to = d.value(QLatin1String("to")).toString();
        const QString from = d.value(QLatin1String("from")).toString();
        //: %1 is the new state, e.g. "Ticketed".
        QString text = OrdersModel::tr("Entered “%1”").arg(stateText(to));
        if (!from.isEmpty() && from != to)
            //: %1 is the previous state.
            text += OrdersModel::tr(" (was “%1”)").arg(stateText(from));
        if (d.value(QLatin1String("cause")).toString() == QLatin1String("webhook"))
            //: %1 is a webhook event id, e.g. evt_0003.
            text +=
                OrdersModel::tr(", by webhook %1").arg(d.value(QLatin1String("event")).toString());
        if (d.contains(QLatin1String("supersedes")))
            text += OrdersModel::tr(", replacing intent #%1")
                        .arg(d.value(QLatin1String("supersedes")).toInteger());
        if (d.contains(QLatin1String("step")))
            text += OrdersModel::tr(", during %1").arg(d.value(QLatin1String("step")).toString());
        return text;
    }
    case JournalEvent::Kind::Attempt: {
        const int status = d.value(QLatin1String("status")).toInt();
        const QString call = d.value(QLatin1String("call")).toString();
        //: One HTTP attempt: %1 attempt number, %2 method, %3 path, %4 HTTP status or "no answer".
        QString text = OrdersModel::tr("#%1 %2 %3 → %4")
                           .arg(d.value(QLatin1String("attempt")).toInt())
                           .arg(d.value(QLatin1String("method")).toString(),
                                d.value(QLatin1String("path")).toString(),
                                status ? QString::number(status) : OrdersModel::tr("no answer"));
        if (!call.isEmpty())
            text = call + QStringLiteral(": ") + text;
        if (d.value(QLatin1String("replayed")).toBool())
            text += OrdersModel::tr(" (replayed by the provider)");
        if (d.contains(QLatin1String("error")))
            text += QStringLiteral(" · ") + d.value(QLatin1String("error")).toString();
        const QString decision = d.value(QLatin1String("decision")).toString();
        if (decision == QLatin1String("retry"))
            //: %1 is a number of seconds, e.g. 1.5.
            text +=
                OrdersModel::tr(" · retry in %1 s")
                    .arg(double(d.value(QLatin1String("wait_ms")).toInteger()) / 1000.0, 0, 'g', 3);
        else if (!decision.isEmpty())
            text += QStringLiteral(" · ") + decision;
        return text;
    }
    case JournalEvent::Kind::Webhook: {
        const QString type = event.detail.value(QLatin1String("type")).toString();
        const QString status = event.detail.value(QLatin1String("data"))
                                   .toObject()
                                   .value(QLatin1String("object"))
                                   .toObject()
                                   .value(QLatin1String("status"))
                                   .toString();
        //: %1 is the webhook event id, e.g. evt_0003.
        QString text = OrdersModel::tr("Event %1").arg(event.webhookEventId);
        if (!type.isEmpty())
            text += QStringLiteral(": ") + type;
        if (!status.isEmpty())
            //: %1 is the order status the webhook reported.
            text += OrdersModel::tr(" (order %1)").arg(stateText(status).toLower());
        return text;
    }
    case JournalEvent::Kind::Note:
        return d.value(QLatin1String("text")).toString();
    }
    return {};
}

OrdersModel::OrdersModel(QObject *parent)
    : QAbstractTableModel(parent) {}

OrdersModel::Row OrdersModel::rowFrom(const Intent &intent) {
    Row r;
    r.id = intent.id;
    r.createdAt = intent.createdAt;
    r.state = intent.state;
    r.outcome = intent.outcome;
    r.outcomeMessage = intent.outcomeMessage;
    r.status = orderStatus(intent.state);
    r.provider = intent.provider;
    r.bookingReference = intent.bookingReference;
    r.orderId = intent.orderId;
    r.idempotencyKey = intent.idempotencyKey;
    r.supersededKey = intent.supersededKey;
    QHash<QString, QString> names; // passenger id -> name, for the e-tickets
    for (const QJsonValue &v : intent.passengers) {
        const QJsonObject p = v.toObject();
        const QString name = nameOf(p);
        if (!name.isEmpty())
            r.passengerNames << name;
        names.insert(p.value(QLatin1String("id")).toString(), name);
        if (r.contact.email.isEmpty() && r.contact.phone.isEmpty())
            r.contact = {p.value(QLatin1String("email")).toString(),
                         p.value(QLatin1String("phone_number")).toString()};
    }
    r.route = routeOf(intent.offer);
    // The offer as the provider's parser reads it: the flights with their airports' zones.
    if (const auto offer = desk::offerFromJson(intent.provider, intent.offer);
        offer && !offer->slices.isEmpty()) {
        const Slice &out = offer->slices.first();
        r.departsAt = out.departingAt;
        r.departsText = localTime(out.departingAt, out.origin.timeZone);
        for (const Slice &s : offer->slices)
            //: One flight of a booking: %1 origin code, %2 destination code, %3 its local
            //: date, times and duration ("Thu 10 Dec 2026 · 09:00 WAT → 14:30 GMT · …").
            r.flights << OrdersModel::tr("%1 → %2 · %3")
                             .arg(s.origin.iataCode, s.destination.iataCode,
                                  checkouttext::times(s));
    }
    const QJsonObject offer = offerObject(intent.offer);
    const QString amount = offer.value(QLatin1String("total_amount")).toString();
    const QString currency = offer.value(QLatin1String("total_currency")).toString();
    if (!amount.isEmpty()) {
        r.totalText =
            QString(checkouttext::groupedAmount(amount) + QLatin1Char(' ') + currency).trimmed();
        QString digits = amount;
        r.totalMinor = digits.remove(QLatin1Char('.')).toLongLong();
        if (auto total = Money::parse(amount, currency))
            r.total = *total;
    }
    for (const QJsonValue &v : intent.eTickets) {
        const QJsonObject t = v.toObject();
        const QString number = t.value(QLatin1String("unique_identifier")).toString();
        const QString name = names.value(t.value(QLatin1String("passenger_id")).toString());
        r.eTickets << (name.isEmpty() ? number : QStringLiteral("%1 (%2)").arg(number, name));
    }
    r.frozen = intent.isFrozen();
    r.finished = intent.isFinal();
    return r;
}

void OrdersModel::setIntents(const QList<Intent> &intents) {
    QList<Row> rows;
    rows.reserve(intents.size());
    for (const Intent &i : intents)
        rows.append(rowFrom(i));
    bool sameIds = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameIds && i < rows.size(); ++i)
        sameIds = rows.at(i).id == m_rows.at(i).id;
    if (sameIds) {
        m_rows = std::move(rows);
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void OrdersModel::setSource(const desk::Orders *orders) {
    m_source = orders;
}

void OrdersModel::reload(std::function<void(const Result<std::monostate> &)> done) {
    if (!m_source) {
        m_loaded = true;
        if (done)
            done(std::monostate{});
        return;
    }
    const quint64 serial = ++m_readSerial;
    // One query from the newest, as deep as the agent has scrolled: rows keep their places
    // when nothing was added, so the view keeps its selection and scroll position.
    m_source->readPage(
        0, std::max(kPageSize, rowCount()), this,
        [this, serial, done = std::move(done)](const Result<desk::IntentPage> &page) {
            if (page && serial == m_readSerial) {
                m_loaded = true;
                m_fetchFailed = false;
                m_fetching = false;
                // Before the rows change: views ask canFetchMore then.
                m_nextBeforeId = page->nextBeforeId;
                setIntents(page->intents);
            }
            if (done)
                done(page ? Result<std::monostate>(std::monostate{})
                          : Result<std::monostate>(page.error()));
        });
}

bool OrdersModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && m_source && m_loaded && !m_fetchFailed && !m_fetching &&
           m_nextBeforeId > 0;
}

void OrdersModel::fetchMore(const QModelIndex &parent) {
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    const quint64 serial = m_readSerial;
    m_source->readPage(m_nextBeforeId, kPageSize, this,
                       [this, serial](const Result<desk::IntentPage> &page) {
                           if (serial != m_readSerial)
                               return; // a reload came meanwhile: its rows stand
                           m_fetching = false;
                           if (!page) {
                               // A view would otherwise ask again at once, and again.
                               m_fetchFailed = true;
                               Q_EMIT fetchFailed(page.error().message);
                               return;
                           }
                           m_nextBeforeId = page->nextBeforeId;
                           if (page->intents.isEmpty())
                               return;
                           const int first = rowCount();
                           beginInsertRows({}, first, first + int(page->intents.size()) - 1);
                           for (const Intent &i : page->intents)
                               m_rows.append(rowFrom(i));
                           endInsertRows();
                       });
}

const OrdersModel::Row *OrdersModel::row(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int OrdersModel::rowOf(qint64 intentId) const {
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == intentId)
            return int(i);
    return -1;
}

const OrdersModel::Row *OrdersModel::rowForIntent(qint64 intentId) const {
    return row(rowOf(intentId));
}

int OrdersModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OrdersModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrdersModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case IntentIdRole:
        return r.id;
    case StatusRole:
        return int(r.status);
    case SearchTextRole:
        return QStringList{r.bookingReference, r.orderId, r.idempotencyKey,
                           r.passengerNames.join(QLatin1Char('\n')),
                           r.provider.isEmpty() ? QString() : desk::providerName(r.provider)}
            .join(QLatin1Char('\n'))
            .toLower();
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case Created:
            return QLocale().toString(r.createdAt.toLocalTime(),
                                      QStringLiteral("yyyy-MM-dd HH:mm"));
        case Status:
            if (role == Qt::ToolTipRole && !r.outcomeMessage.isEmpty())
                return r.outcomeMessage;
            return stateText(r.state);
        case BookingReference:
            return r.bookingReference;
        case OrderId:
            return r.orderId;
        case Passengers:
            return r.passengerNames.join(QStringLiteral(", "));
        case Route:
        case Departs:
            if (role == Qt::ToolTipRole && !r.flights.isEmpty())
                return r.flights.join(QLatin1Char('\n'));
            return index.column() == Route ? r.route : r.departsText;
        case Total:
            return r.totalText;
        case Provider:
            return r.provider.isEmpty() ? QString() : desk::providerName(r.provider);
        case ColumnCount:
            break;
        }
        return {};
    case RawValueRole:
        switch (Column(index.column())) {
        case Created:
            return r.createdAt;
        case Status:
            // Grouped by what the agent has to do, then by state.
            return QStringLiteral("%1 %2").arg(int(r.status)).arg(state::name(r.state));
        case BookingReference:
            return r.bookingReference;
        case OrderId:
            return r.orderId;
        case Passengers:
            return r.passengerNames.join(QStringLiteral(", ")).toLower();
        case Route:
            return r.route;
        case Departs:
            return r.departsAt;
        case Total:
            return r.totalMinor;
        case Provider:
            return r.provider.isEmpty() ? QString() : desk::providerName(r.provider);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Total)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == Status && !r.outcomeMessage.isEmpty())
            return QString(stateText(r.state) + QStringLiteral(". ") + r.outcomeMessage);
        if (index.column() == Provider && !r.provider.isEmpty())
            //: Spoken: the provider the order was booked with.
            return OrdersModel::tr("booked with %1").arg(desk::providerName(r.provider));
        return {};
    default:
        return {};
    }
}

QVariant OrdersModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && section == Provider && role == Qt::AccessibleTextRole)
        //: Spoken name of the orders table's Provider column.
        return OrdersModel::tr("Booking provider");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Created:
        //: Orders table column: when the checkout started.
        return OrdersModel::tr("Created");
    case Status:
        return OrdersModel::tr("Status");
    case BookingReference:
        //: Orders table column: the airline booking reference (PNR), e.g. RZPVAB.
        return OrdersModel::tr("Reference");
    case OrderId:
        return OrdersModel::tr("Order id");
    case Passengers:
        return OrdersModel::tr("Passengers");
    case Route:
        return OrdersModel::tr("Route");
    case Departs:
        //: Orders table column: the first flight's departure, in its airport's local time.
        return OrdersModel::tr("Departs");
    case Total:
        return OrdersModel::tr("Total");
    case Provider:
        //: Orders table column: the booking provider (Travelbase, Travomatrix).
        return OrdersModel::tr("Provider");
    case ColumnCount:
        break;
    }
    return {};
}

OrdersFilterModel::OrdersFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(OrdersModel::RawValueRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void OrdersFilterModel::setStatus(std::optional<OrderStatus> status) {
    if (m_status == status)
        return;
    m_status = status;
    invalidateFilter();
}

void OrdersFilterModel::setSearchText(const QString &text) {
    const QString search = text.trimmed().toLower();
    if (m_search == search)
        return;
    m_search = search;
    invalidateFilter();
}

bool OrdersFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_status && index.data(OrdersModel::StatusRole).toInt() != int(*m_status) &&
        !(*m_status == OrderStatus::NeedsAttention &&
          needsAttention(index.data(OrdersModel::IntentIdRole).toLongLong())))
        return false;
    return m_search.isEmpty() ||
           index.data(OrdersModel::SearchTextRole).toString().contains(m_search);
}

void OrdersFilterModel::setNeedsAttention(const QString &reason, const QSet<qint64> &intentIds) {
    if (m_attention.value(reason) == intentIds)
        return;
    if (intentIds.isEmpty())
        m_attention.remove(reason);
    else
        m_attention.insert(reason, intentIds);
    invalidateFilter();
}

bool OrdersFilterModel::needsAttention(qint64 intentId) const {
    for (const QSet<qint64> &ids : m_attention)
        if (ids.contains(intentId))
            return true;
    return false;
}

} // namespace fd::ui
