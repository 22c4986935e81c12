#include "tmxbook.h"

#include "tmxbookingcheck.h"

namespace fd::sandbox::tmx {

namespace {

QString iso(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODate);
}

QJsonObject moneyJson(const Money &m) {
    return {{QStringLiteral("amount"), m.minorUnits()}, {QStringLiteral("currency"), m.currency()}};
}

// A quote stays confirmable for this long; a ticketed booking keeps 10 % back.
constexpr qint64 kQuoteSeconds = 15 * 60;
constexpr int kRefundPercent = 90;

} // namespace

QString statusName(BookingStatus status) {
    switch (status) {
    case BookingStatus::Pending:
        return QStringLiteral("PENDING");
    case BookingStatus::Ticketed:
        return QStringLiteral("TICKETED");
    case BookingStatus::Rejected:
        return QStringLiteral("REJECTED");
    case BookingStatus::Cancelled:
        return QStringLiteral("CANCELLED");
    }
    return {};
}

Book::Book(Catalogue catalogue, const Clock *clock, Ledger *ledger)
    : m_catalogue(std::move(catalogue))
    , m_clock(clock)
    , m_ledger(ledger)
    , m_balance(Money::fromMinor(500000, QStringLiteral("EUR")).value()) {}

QJsonObject Book::Booking::json() const {
    return {{QStringLiteral("pnr"), pnr},
            {QStringLiteral("status"), statusName(status)},
            {QStringLiteral("fare_id"), fareId},
            {QStringLiteral("total"), moneyJson(total)},
            {QStringLiteral("tickets"), tickets},
            {QStringLiteral("created_at"), iso(createdAt)},
            {QStringLiteral("failure_reason"),
             failureReason.isEmpty() ? QJsonValue() : QJsonValue(failureReason)}};
}

void Book::move(const QString &type, const QString &pnr, const Money &amount) {
    m_ledger->recordMovement(
        {type, pnr, amount.amount(), amount.currency(), m_balance.amount(), m_clock->now()});
}

QString Book::pnrFor(qint64 number) {
    // Deterministic but not sequential-looking, like a real PNR; no 0/O or 1/I to misread.
    // 6 characters of a 32-letter alphabet hold exactly 30 bits, and every step below is
    // invertible modulo 2^30 (an odd multiplier, an addition, a right xorshift), so the PNR
    // is a bijection of the number's low 30 bits: consecutive numbers within a run, and the
    // numbers of runs started less than 2^30 ticks apart (providerlinks.cpp), never collide.
    static const char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    constexpr quint32 kMask = (1u << 30) - 1;
    quint32 x = quint32(quint64(number)) & kMask;
    x = (x * 2246822519u + 0x9E3779B9u) & kMask;
    x ^= x >> 15;
    x = (x * 2654435761u) & kMask;
    x ^= x >> 13;
    QString pnr;
    for (int i = 0; i < 6; ++i, x >>= 5)
        pnr.append(QLatin1Char(kAlphabet[x & 31]));
    return pnr;
}

Outcome<QJsonObject> Book::search(const QJsonObject &body, qint64 fareTtlSeconds) {
    const QDateTime now = m_clock->now().toUTC();
    const auto query = parseSearch(body, m_catalogue, now.date());
    if (!query.ok())
        return query.error();
    QJsonArray fares;
    for (const auto &trip : m_catalogue.trips(query.value())) {
        const QString id = QStringLiteral("TMX-%1%2-%3")
                               .arg(trip.legs.first().from, trip.legs.first().to)
                               .arg(m_nextFare++, 4, 10, QLatin1Char('0'));
        const Fare fare =
            makeFare(trip, query.value(), m_catalogue, id, now.addSecs(fareTtlSeconds));
        m_fares.insert(fare.id, fare);
        fares.append(fare.json);
    }
    const QString id = QStringLiteral("tms_%1").arg(m_nextSearch++, 4, 10, QLatin1Char('0'));
    return QJsonObject{{QStringLiteral("search_id"), id}, {QStringLiteral("fares"), fares}};
}

Outcome<QJsonObject> Book::fare(const QString &id) const {
    const auto it = m_fares.constFind(id);
    if (it == m_fares.cend())
        return Error::notFound(QStringLiteral("Fare %1 not found").arg(id));
    if (m_soldFares.contains(id))
        return Error::fareSoldOut(
            QStringLiteral("Fare %1 was booked already; search again").arg(id));
    if (m_clock->now() >= it->validUntil)
        return Error::fareExpired(
            QStringLiteral("Fare %1 expired at %2; search again").arg(id, iso(it->validUntil)));
    return it->json;
}

QJsonObject Book::balanceJson() const {
    return {{QStringLiteral("available"), m_balance.minorUnits()},
            {QStringLiteral("currency"), m_balance.currency()}};
}

std::optional<Error> Book::checkCreate(const QJsonObject &body) const {
    const auto fareId = bookingFareId(body);
    if (!fareId.ok())
        return fareId.error();
    const auto bookable = fare(fareId.value());
    if (!bookable.ok())
        return bookable.error();
    const Fare &f = m_fares[fareId.value()];
    const auto problems = validateBookingCreate(body, f);
    if (!problems.isEmpty())
        return Error::validation(problems);
    const auto cmp = m_balance.compare(f.price);
    if (!cmp.ok() || *cmp < 0)
        return Error::insufficientFunds(
            QStringLiteral("Balance %1 is below %2").arg(m_balance.toString(), f.price.toString()));
    return std::nullopt;
}

Outcome<QJsonObject> Book::createBooking(const QJsonObject &body) {
    if (const auto rejected = checkCreate(body))
        return *rejected;
    const Fare &f = m_fares[bookingFareId(body).value()];
    Booking b;
    b.number = m_nextBooking++;
    b.pnr = pnrFor(b.number);
    b.fareId = f.id;
    b.total = f.price;
    b.ticketPrefix = f.ticketPrefix;
    for (const auto &t : f.travellers)
        b.travellerRefs.append(t.ref);
    b.createdAt = m_clock->now();
    m_balance = m_balance.minus(f.price).value();
    m_soldFares.insert(f.id, b.pnr);
    m_bookings.insert(b.pnr, b);
    move(QStringLiteral("debit"), b.pnr, f.price);
    return b.json();
}

std::optional<QJsonObject> Book::resolve(const QString &pnr, bool ticketed, const QString &reason) {
    const auto it = m_bookings.find(pnr);
    if (it == m_bookings.end() || it->status != BookingStatus::Pending)
        return std::nullopt;
    if (ticketed) {
        it->status = BookingStatus::Ticketed;
        for (qsizetype i = 0; i < it->travellerRefs.size(); ++i) {
            // 3-digit airline code + 10-digit serial: 13 digits, like a real e-ticket, whatever
            // the booking's number (a demo run's are large).
            const qint64 serial = 3000000000LL + (it->number * 10 + i) % 1000000000LL;
            it->tickets.append(QJsonObject{
                {QStringLiteral("traveller_ref"), it->travellerRefs[i]},
                {QStringLiteral("number"), QString(it->ticketPrefix + QString::number(serial))}});
        }
    } else {
        it->status = BookingStatus::Rejected;
        it->failureReason = reason;
        m_balance = m_balance.plus(it->total).value();
        move(QStringLiteral("reversal"), it->pnr, it->total);
    }
    return it->json();
}

Outcome<QJsonObject> Book::booking(const QString &pnr) const {
    const auto it = m_bookings.constFind(pnr);
    if (it == m_bookings.cend())
        return Error::notFound(QStringLiteral("Booking %1 not found").arg(pnr));
    return it->json();
}

Outcome<QJsonObject> Book::quoteCancellation(const QJsonObject &body) {
    FieldErrors errors;
    const QString pnr = requireString(body, QStringLiteral("pnr"), errors);
    if (!errors.isEmpty())
        return Error::validation(errors.list);
    const auto it = m_bookings.constFind(pnr);
    if (it == m_bookings.cend())
        return Error::notFound(QStringLiteral("Booking %1 not found").arg(pnr));
    if (it->status != BookingStatus::Pending && it->status != BookingStatus::Ticketed)
        return Error::notCancellable(QStringLiteral("Booking %1 is %2 and cannot be cancelled")
                                         .arg(pnr, statusName(it->status)));
    Quote q;
    q.id = QStringLiteral("CQ-%1").arg(m_nextQuote++, 4, 10, QLatin1Char('0'));
    q.pnr = pnr;
    // Nothing was issued yet for a pending booking, so it refunds in full.
    const qint64 refund = it->status == BookingStatus::Ticketed
                              ? it->total.minorUnits() * kRefundPercent / 100
                              : it->total.minorUnits();
    q.refund = Money::fromMinor(refund, it->total.currency()).value();
    q.validUntil = m_clock->now().toUTC().addSecs(kQuoteSeconds);
    m_quotes.insert(q.id, q);
    return QJsonObject{{QStringLiteral("quote_id"), q.id},
                       {QStringLiteral("pnr"), q.pnr},
                       {QStringLiteral("refund"), moneyJson(q.refund)},
                       {QStringLiteral("valid_until"), iso(q.validUntil)}};
}

std::optional<Error> Book::checkConfirm(const QJsonObject &body) const {
    FieldErrors errors;
    const QString id = requireString(body, QStringLiteral("quote_id"), errors);
    if (!errors.isEmpty())
        return Error::validation(errors.list);
    const auto q = m_quotes.constFind(id);
    if (q == m_quotes.cend())
        return Error::notFound(QStringLiteral("Cancellation quote %1 not found").arg(id));
    if (q->confirmed)
        return std::nullopt; // confirmed once already: answered again, refunded once
    if (m_clock->now() >= q->validUntil)
        return Error::quoteExpired(QStringLiteral("Cancellation quote %1 expired at %2; ask for "
                                                  "a new quote")
                                       .arg(id, iso(q->validUntil)));
    const auto &b = m_bookings[q->pnr];
    if (b.status != BookingStatus::Pending && b.status != BookingStatus::Ticketed)
        return Error::notCancellable(QStringLiteral("Booking %1 is %2 and cannot be cancelled")
                                         .arg(b.pnr, statusName(b.status)));
    return std::nullopt;
}

Outcome<QJsonObject> Book::confirmCancellation(const QJsonObject &body, bool *cancelled) {
    if (const auto rejected = checkConfirm(body))
        return *rejected;
    auto &q = m_quotes[body.value(QLatin1String("quote_id")).toString()];
    auto &b = m_bookings[q.pnr];
    if (q.confirmed)
        return b.json();
    q.confirmed = true;
    b.status = BookingStatus::Cancelled;
    m_balance = m_balance.plus(q.refund).value();
    move(QStringLiteral("refund"), b.pnr, q.refund);
    if (cancelled)
        *cancelled = true;
    return b.json();
}

QJsonArray Book::bookingsJson() const {
    QJsonArray a;
    for (const auto &b : m_bookings)
        a.append(b.json());
    return a;
}

} // namespace fd::sandbox::tmx
