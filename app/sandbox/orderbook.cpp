#include "orderbook.h"

#include "jsonfields.h"
#include "ordervalidation.h"

namespace fd::sandbox {

namespace {

QString iso(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODate);
}
QJsonValue orNull(const QString &s) {
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

// A cancellation quote stays confirmable for this long; a ticketed order keeps 90 % back.
constexpr qint64 kQuoteSeconds = 15 * 60;
constexpr int kRefundPercent = 90;

} // namespace

OrderBook::OrderBook(Catalogue catalogue, const Clock *clock, Ledger *ledger)
    : m_catalogue(std::move(catalogue))
    , m_clock(clock)
    , m_ledger(ledger)
    , m_balance(Money::parse(QStringLiteral("5000.00"), QStringLiteral("EUR")).value()) {}

QJsonObject OrderBook::Order::json() const {
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("version"), version},
                  {QStringLiteral("booking_reference"), bookingReference},
                  {QStringLiteral("offer_id"), offerId},
                  {QStringLiteral("total_amount"), total.amount()},
                  {QStringLiteral("total_currency"), total.currency()},
                  {QStringLiteral("passengers"), passengers},
                  {QStringLiteral("email"), email},
                  {QStringLiteral("phone_number"), phone},
                  {QStringLiteral("created_at"), iso(createdAt)},
                  {QStringLiteral("documents"), documents},
                  {QStringLiteral("payment_reversed"), paymentReversed},
                  {QStringLiteral("failure_reason"), orNull(failureReason)}};
    // The contract's Order has no itinerary; after a schedule change it carries the new one
    // (see README.md, "Schedule changes"), so a desk can tell what changed.
    if (scheduleChanged)
        o.insert(QStringLiteral("slices"), slices);
    return o;
}

QJsonObject OrderBook::Cancellation::json() const {
    return {{QStringLiteral("id"), id},
            {QStringLiteral("order_id"), orderId},
            {QStringLiteral("refund_amount"), refund.amount()},
            {QStringLiteral("refund_currency"), refund.currency()},
            {QStringLiteral("expires_at"), iso(expiresAt)},
            {QStringLiteral("confirmed_at"),
             confirmedAt.isValid() ? QJsonValue(iso(confirmedAt)) : QJsonValue()}};
}

void OrderBook::move(const QString &type, const QString &orderId, const Money &amount) {
    m_ledger->recordMovement(
        {type, orderId, amount.amount(), amount.currency(), m_balance.amount(), m_clock->now()});
}

QString OrderBook::bookingReference(qint64 number) {
    // Deterministic but not sequential-looking, like a real PNR. Not an identity: the order id
    // is, so the reference may keep only the low 32 bits of a large (demo run) number.
    quint32 x = quint32(quint64(number)) * 2654435761u + 12345u;
    QString ref;
    for (int i = 0; i < 6; ++i) {
        ref.append(QLatin1Char(char('A' + x % 26)));
        x = x / 26 + quint32(i) * 7919u;
    }
    return ref;
}

ApiResult<QJsonObject> OrderBook::search(const QJsonObject &data, const OfferTerms &terms) {
    auto offers = m_catalogue.search(data, m_clock->now(), terms, &m_nextOffer);
    if (!offers.ok())
        return offers.error();
    QJsonArray list;
    for (const auto &o : offers.value()) {
        m_offers.insert(o.id, o);
        list.append(o.json);
    }
    const QString id = QStringLiteral("orq_%1").arg(m_nextRequest++, 4, 10, QLatin1Char('0'));
    return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("offers"), list}};
}

ApiResult<QJsonObject> OrderBook::offer(const QString &id) const {
    const auto it = m_offers.constFind(id);
    if (it == m_offers.cend())
        return ApiError::notFound(QStringLiteral("Offer %1 not found").arg(id));
    return it->json;
}

QJsonObject OrderBook::wallet() const {
    return {{QStringLiteral("available_balance"), m_balance.amount()},
            {QStringLiteral("currency"), m_balance.currency()}};
}

void OrderBook::setBalance(const Money &balance) {
    m_balance = balance;
}

ApiResult<QJsonObject> OrderBook::topUp(const QJsonObject &data) {
    FieldErrors errors;
    const QString amount = requireString(data, QStringLiteral("amount"), errors);
    const QString currency = optionalString(data, QStringLiteral("currency"), errors);
    if (!currency.isEmpty() && currency != m_balance.currency())
        errors.add(QStringLiteral("currency"),
                   QStringLiteral("must be the wallet's currency %1").arg(m_balance.currency()));
    if (!errors.isEmpty())
        return ApiError::validation(errors.list);
    const auto money = Money::parse(amount, m_balance.currency());
    if (!money)
        return ApiError::validation(QStringLiteral("amount"), money.error().message);
    if (money->minorUnits() <= 0)
        return ApiError::validation(QStringLiteral("amount"), QStringLiteral("must be positive"));
    const auto sum = m_balance.plus(*money);
    if (!sum)
        return ApiError::validation(QStringLiteral("amount"), sum.error().message);
    m_balance = *sum;
    move(QStringLiteral("top_up"), {}, *money);
    return wallet();
}

std::optional<ApiError> OrderBook::checkCreate(const QJsonObject &data) const {
    const auto offerId = selectedOfferId(data);
    if (!offerId.ok())
        return offerId.error();
    const auto it = m_offers.constFind(offerId.value());
    if (it == m_offers.cend())
        return ApiError::offerUnavailable(
            QStringLiteral("Offer %1 does not exist or is no longer available")
                .arg(offerId.value()));
    if (m_bookedOffers.contains(it->id))
        return ApiError::offerUnavailable(
            QStringLiteral("Offer %1 was already booked; search again").arg(it->id));
    if (m_clock->now() >= it->expiresAt)
        return ApiError::offerExpired(
            QStringLiteral("Offer %1 expired at %2").arg(it->id, iso(it->expiresAt)));
    const auto errors = validateOrderCreate(data, *it);
    if (!errors.isEmpty())
        return ApiError::validation(errors);
    const auto cmp = m_balance.compare(it->total);
    if (!cmp.ok() || *cmp < 0)
        return ApiError::insufficientBalance(
            QStringLiteral("The wallet holds %1 but the order costs %2")
                .arg(m_balance.toString(), it->total.toString()));
    return std::nullopt;
}

ApiResult<QJsonObject> OrderBook::createOrder(const QJsonObject &data) {
    if (const auto rejected = checkCreate(data))
        return *rejected;
    const Offer &offer = m_offers[selectedOfferId(data).value()];
    Order o;
    o.number = m_nextOrder++;
    o.id = QStringLiteral("ord_%1").arg(o.number, 4, 10, QLatin1Char('0'));
    o.status = QStringLiteral("pending");
    o.bookingReference = bookingReference(o.number);
    o.offerId = offer.id;
    o.total = offer.total;
    o.passengers = data.value(QLatin1String("passengers")).toArray();
    const auto lead = o.passengers.first().toObject();
    o.email = lead.value(QLatin1String("email")).toString();
    o.phone = lead.value(QLatin1String("phone_number")).toString();
    o.createdAt = m_clock->now();
    o.ticketPrefix = offer.ticketPrefix;
    o.slices = offer.json.value(QLatin1String("slices")).toArray();
    m_balance = m_balance.minus(offer.total).value();
    m_bookedOffers.insert(offer.id, o.id);
    m_orders.insert(o.id, o);
    move(QStringLiteral("debit"), o.id, offer.total);
    return o.json();
}

ApiResult<OrderBook::TicketStart> OrderBook::startTicketing(const QString &id) {
    const auto it = m_orders.find(id);
    if (it == m_orders.end())
        return ApiError::notFound(QStringLiteral("Order %1 not found").arg(id));
    if (it->status == QLatin1String("failed") || it->status == QLatin1String("cancelled"))
        return ApiError::unprocessable(
            QStringLiteral("TB_ORDER_NOT_TICKETABLE"),
            QStringLiteral("Order %1 is %2 and cannot be ticketed").arg(id, it->status),
            QStringLiteral("search again and book a new offer"));
    if (it->status != QLatin1String("pending"))
        return TicketStart{it->json(), false};
    it->status = QStringLiteral("in_progress");
    ++it->version;
    return TicketStart{it->json(), true};
}

std::optional<QJsonObject> OrderBook::resolveTicketing(const QString &id, bool ticketed) {
    const auto it = m_orders.find(id);
    if (it == m_orders.end() || it->status != QLatin1String("in_progress"))
        return std::nullopt;
    ++it->version;
    if (ticketed) {
        it->status = QStringLiteral("ticketed");
        for (qsizetype i = 0; i < it->passengers.size(); ++i) {
            // 3-digit airline code + 10-digit serial: 13 digits, like a real e-ticket, whatever
            // the order's number (a demo run's are large).
            const qint64 serial = 2000000000LL + (it->number * 10 + i) % 1000000000LL;
            it->documents.append(
                QJsonObject{{QStringLiteral("type"), QStringLiteral("electronic_ticket")},
                            {QStringLiteral("unique_identifier"),
                             QString(it->ticketPrefix + QString::number(serial))},
                            {QStringLiteral("passenger_id"),
                             it->passengers[i].toObject().value(QLatin1String("id")).toString()}});
        }
    } else {
        it->status = QStringLiteral("failed");
        it->failureReason = QStringLiteral("airline_rejected");
        it->paymentReversed = true;
        m_balance = m_balance.plus(it->total).value();
        move(QStringLiteral("reversal"), it->id, it->total);
    }
    return it->json();
}

ApiResult<QJsonObject> OrderBook::order(const QString &id) const {
    const auto it = m_orders.constFind(id);
    if (it == m_orders.cend())
        return ApiError::notFound(QStringLiteral("Order %1 not found").arg(id));
    return it->json();
}

ApiResult<QJsonObject> OrderBook::patchOrder(const QString &id, const QJsonObject &data) {
    const auto it = m_orders.find(id);
    if (it == m_orders.end())
        return ApiError::notFound(QStringLiteral("Order %1 not found").arg(id));
    FieldErrors errors;
    const auto version = data.value(QLatin1String("version"));
    if (version.isUndefined())
        errors.add(QStringLiteral("version"), QStringLiteral("is required"));
    else if (!version.isDouble() || version.toDouble() != double(version.toInt()))
        errors.add(QStringLiteral("version"), QStringLiteral("must be an integer"));
    const QString email = optionalString(data, QStringLiteral("email"), errors);
    const QString phone = optionalString(data, QStringLiteral("phone_number"), errors);
    if (!email.isEmpty() && !looksLikeEmail(email))
        errors.add(QStringLiteral("email"), QStringLiteral("must be an email address"));
    if (!phone.isEmpty() && !isE164(phone))
        errors.add(QStringLiteral("phone_number"), QStringLiteral("must be E.164"));
    if (errors.isEmpty() && email.isEmpty() && phone.isEmpty())
        errors.add(QStringLiteral("data"), QStringLiteral("must change email or phone_number"));
    if (!errors.isEmpty())
        return ApiError::validation(errors.list);
    if (version.toInt() != it->version)
        return ApiError::conflict();
    if (!email.isEmpty())
        it->email = email;
    if (!phone.isEmpty())
        it->phone = phone;
    ++it->version;
    return it->json();
}

ApiResult<QJsonObject> OrderBook::quoteCancellation(const QJsonObject &data) {
    FieldErrors errors;
    const QString orderId = requireString(data, QStringLiteral("order_id"), errors);
    if (!errors.isEmpty())
        return ApiError::validation(errors.list);
    const auto it = m_orders.constFind(orderId);
    if (it == m_orders.cend())
        return ApiError::notFound(QStringLiteral("Order %1 not found").arg(orderId));
    if (it->status != QLatin1String("pending") && it->status != QLatin1String("ticketed"))
        return ApiError::unprocessable(
            QStringLiteral("TB_ORDER_NOT_CANCELLABLE"),
            QStringLiteral("Order %1 is %2 and cannot be cancelled").arg(orderId, it->status),
            QStringLiteral("check the order's status"));
    Cancellation c;
    c.id = QStringLiteral("ore_%1").arg(m_nextCancellation++, 4, 10, QLatin1Char('0'));
    c.orderId = orderId;
    // Nothing was issued yet for a pending order, so it refunds in full.
    const qint64 refund = it->status == QLatin1String("ticketed")
                              ? it->total.minorUnits() * kRefundPercent / 100
                              : it->total.minorUnits();
    c.refund = Money::fromMinor(refund, it->total.currency()).value();
    c.expiresAt = m_clock->now().addSecs(kQuoteSeconds);
    m_cancellations.insert(c.id, c);
    return c.json();
}

ApiResult<QJsonObject> OrderBook::confirmCancellation(const QString &id,
                                                      QJsonObject *cancelledOrder) {
    const auto it = m_cancellations.find(id);
    if (it == m_cancellations.end())
        return ApiError::notFound(QStringLiteral("Cancellation %1 not found").arg(id));
    if (it->confirmedAt.isValid())
        return it->json(); // confirmed once already: no second refund
    if (m_clock->now() >= it->expiresAt)
        return ApiError::unprocessable(
            QStringLiteral("TB_QUOTE_EXPIRED"),
            QStringLiteral("Cancellation %1 expired at %2").arg(id, iso(it->expiresAt)),
            QStringLiteral("request a new cancellation quote"));
    auto order = m_orders.find(it->orderId);
    if (order->status != QLatin1String("pending") && order->status != QLatin1String("ticketed"))
        return ApiError::unprocessable(
            QStringLiteral("TB_ORDER_NOT_CANCELLABLE"),
            QStringLiteral("Order %1 is %2 and cannot be cancelled").arg(order->id, order->status),
            QStringLiteral("check the order's status"));
    it->confirmedAt = m_clock->now();
    order->status = QStringLiteral("cancelled");
    ++order->version;
    m_balance = m_balance.plus(it->refund).value();
    move(QStringLiteral("refund"), order->id, it->refund);
    if (cancelledOrder)
        *cancelledOrder = order->json();
    return it->json();
}

QJsonArray OrderBook::ordersJson() const {
    QJsonArray a;
    for (const auto &o : m_orders)
        a.append(o.json());
    return a;
}

} // namespace fd::sandbox
