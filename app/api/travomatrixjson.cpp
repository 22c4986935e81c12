// Travomatrix's JSON (travomatrix-v1.md) in the desk's own terms, and the desk's booking in
// Travomatrix's terms: the only place that knows the shape of its fares, balance and bookings.
#include "travomatrixjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace fd::travomatrix {
namespace {

// Qualified calls (Text::tr) so that lupdate files each string under this context, whatever
// function it is in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(fd::Offer)
};

Error shapeError(const QString &what) {
    return {QStringLiteral("wrong_shape"), Text::tr("The fare is not usable: %1.").arg(what)};
}

Place placeFrom(const QJsonValue &v) {
    const QJsonObject o = v.toObject();
    Place p;
    p.iataCode = o.value(QLatin1String("code")).toString();
    p.countryCode = o.value(QLatin1String("country")).toString();
    p.timeZone = parseTimeZone(o.value(QLatin1String("time_zone")).toString());
    return p;
}

Result<Money> moneyFrom(const QJsonValue &amount, const QJsonValue &currency) {
    // Minor units are a whole number: 398.5 is not an amount, and doubles beyond 2^53 are not.
    const double minor = amount.toDouble(-1);
    if (!amount.isDouble() || minor < 0 || minor > 9.0e15 || minor != double(qint64(minor)))
        return Error{QStringLiteral("wrong_shape"),
                     Text::tr("the amount is not a whole number of minor units")};
    return Money::fromMinor(qint64(minor), currency.toString());
}

// The desk's passenger data in the contract's words: "mr" -> "MR", "m" -> "M".
QString upper(const QString &s) {
    return s.trimmed().toUpper();
}

// Travomatrix requires a title; the desk's passengers may leave it out (children usually do).
QString titleOf(const Passenger &p, const QString &deskType) {
    if (!p.title.trimmed().isEmpty())
        return upper(p.title);
    if (upper(p.gender) == QLatin1String("F"))
        return deskType == QLatin1String("adult") ? QStringLiteral("MS") : QStringLiteral("MISS");
    return QStringLiteral("MR");
}

} // namespace

QString deskPassengerType(const QString &travellerType) {
    if (travellerType == QLatin1String("ADT"))
        return QStringLiteral("adult");
    if (travellerType == QLatin1String("CHD"))
        return QStringLiteral("child");
    if (travellerType == QLatin1String("INF"))
        return QStringLiteral("infant_without_seat");
    return {};
}

Result<Offer> parseFare(const QJsonObject &o) {
    Offer offer;
    offer.raw = o;
    offer.id = o.value(QLatin1String("fare_id")).toString();
    if (offer.id.isEmpty())
        return shapeError(Text::tr("it has no \"fare_id\""));
    offer.expiresAt = parseApiTime(o.value(QLatin1String("valid_until")).toString());
    if (!offer.expiresAt.isValid())
        return shapeError(Text::tr("\"valid_until\" is not an RFC 3339 UTC time"));
    const QJsonObject price = o.value(QLatin1String("price")).toObject();
    auto total =
        moneyFrom(price.value(QLatin1String("amount")), price.value(QLatin1String("currency")));
    if (!total)
        return shapeError(total.error().message);
    offer.total = *total;
    // The price holds until valid_until; the wallet pays at once.
    offer.requiresInstantPayment = true;

    const QJsonObject carrier = o.value(QLatin1String("validating_carrier")).toObject();
    offer.ownerIata = carrier.value(QLatin1String("code")).toString();
    offer.ownerName = carrier.value(QLatin1String("name")).toString();

    const QJsonArray itineraries = o.value(QLatin1String("itineraries")).toArray();
    if (itineraries.isEmpty())
        return shapeError(Text::tr("it has no itineraries"));
    for (const QJsonValue &v : itineraries) {
        const QJsonArray segments = v.toObject().value(QLatin1String("segments")).toArray();
        if (segments.isEmpty())
            return shapeError(Text::tr("an itinerary has no segments"));
        const QJsonObject first = segments.first().toObject();
        const QJsonObject last = segments.last().toObject();
        Slice slice{placeFrom(first.value(QLatin1String("from"))),
                    placeFrom(last.value(QLatin1String("to"))),
                    parseApiTime(first.value(QLatin1String("departs_at")).toString()),
                    parseApiTime(last.value(QLatin1String("arrives_at")).toString()),
                    static_cast<int>(segments.size())};
        if (!slice.departingAt.isValid() || !slice.arrivingAt.isValid())
            return shapeError(Text::tr("an itinerary has no valid departure or arrival time"));
        offer.slices.append(slice);
    }
    const QJsonArray travellers = o.value(QLatin1String("travellers")).toArray();
    if (travellers.isEmpty())
        return shapeError(Text::tr("it has no travellers"));
    for (const QJsonValue &v : travellers) {
        const QJsonObject t = v.toObject();
        const QString ref = t.value(QLatin1String("ref")).toString();
        const QString type = deskPassengerType(t.value(QLatin1String("type")).toString());
        if (ref.isEmpty() || type.isEmpty())
            return shapeError(Text::tr("a traveller has no \"ref\" or no known \"type\""));
        offer.passengers.append({ref, type});
    }
    offer.identityDocumentsRequired = o.value(QLatin1String("passport_required")).toBool();
    return offer;
}

Result<Wallet> parseBalance(const QJsonObject &o) {
    auto balance =
        moneyFrom(o.value(QLatin1String("available")), o.value(QLatin1String("currency")));
    if (!balance)
        return Error{QStringLiteral("wrong_shape"),
                     Text::tr("The wallet is not usable: %1").arg(balance.error().message)};
    return Wallet{*balance};
}

Result<Cancellation> parseCancellationQuote(const QJsonObject &o) {
    Cancellation c;
    c.quoteId = o.value(QLatin1String("quote_id")).toString().left(120);
    c.orderId = o.value(QLatin1String("pnr")).toString().left(120);
    const QJsonObject refund = o.value(QLatin1String("refund")).toObject();
    auto amount =
        moneyFrom(refund.value(QLatin1String("amount")), refund.value(QLatin1String("currency")));
    if (c.quoteId.isEmpty() || c.orderId.isEmpty() || !amount)
        return Error{QStringLiteral("wrong_shape"),
                     Text::tr("The cancellation quote has no quote_id, pnr or refund.")};
    c.refund = *amount;
    c.expiresAt = parseApiTime(o.value(QLatin1String("valid_until")).toString());
    return c;
}

Result<OrderSnapshot> parseBooking(const QJsonObject &o) {
    OrderSnapshot s;
    s.raw = o;
    s.id = o.value(QLatin1String("pnr")).toString();
    const QString status = o.value(QLatin1String("status")).toString();
    if (s.id.isEmpty() || status.isEmpty())
        return Error{
            QStringLiteral("wrong_shape"),
            QCoreApplication::translate("fd::Order", "The booking has no \"pnr\" or \"status\".")};
    s.bookingReference = s.id;
    s.statusName = status.left(40);
    if (status == QLatin1String("PENDING"))
        s.status = ProviderStatus::Pending;
    else if (status == QLatin1String("TICKETED"))
        s.status = ProviderStatus::Ticketed;
    else if (status == QLatin1String("REJECTED"))
        s.status = ProviderStatus::Failed;
    else if (status == QLatin1String("CANCELLED"))
        s.status = ProviderStatus::Cancelled;
    // Anything else: the booking exists but its state is unknown (kept, polled, never final).
    // A rejected booking's debit is reversed by the contract.
    s.paymentReversed = status == QLatin1String("REJECTED");
    s.failureReason = o.value(QLatin1String("failure_reason")).toString();
    const QJsonObject contact = o.value(QLatin1String("contact")).toObject();
    s.email = contact.value(QLatin1String("email")).toString();
    s.phone = contact.value(QLatin1String("phone")).toString();
    for (const QJsonValue &v : o.value(QLatin1String("tickets")).toArray()) {
        const QJsonObject t = v.toObject();
        s.tickets.append({t.value(QLatin1String("traveller_ref")).toString(),
                          t.value(QLatin1String("number")).toString()});
    }
    return s;
}

QByteArray createBody(const Offer &offer, const QList<Passenger> &passengers) {
    QJsonArray travellers;
    for (qsizetype i = 0; i < passengers.size(); ++i) {
        const Passenger &p = passengers.at(i);
        const OfferPassenger slot = offer.passengers.value(i);
        QJsonObject t{{QStringLiteral("ref"), slot.id},
                      {QStringLiteral("title"), titleOf(p, slot.type)},
                      {QStringLiteral("first_name"), p.givenName},
                      {QStringLiteral("last_name"), p.familyName},
                      {QStringLiteral("date_of_birth"), p.bornOn},
                      {QStringLiteral("gender"), upper(p.gender)}};
        if (offer.identityDocumentsRequired && !p.identityDocuments.isEmpty()) {
            const IdentityDocument &d = p.identityDocuments.first();
            t.insert(QStringLiteral("passport"),
                     QJsonObject{{QStringLiteral("number"), d.uniqueIdentifier},
                                 {QStringLiteral("issuing_country"), d.issuingCountryCode},
                                 {QStringLiteral("expiry_date"), d.expiresOn}});
        }
        travellers.append(t);
    }
    const Passenger lead = passengers.value(0);
    const QJsonObject body{
        {QStringLiteral("fare_id"), offer.id},
        {QStringLiteral("travellers"), travellers},
        {QStringLiteral("contact"), QJsonObject{{QStringLiteral("email"), lead.email},
                                                {QStringLiteral("phone"), lead.phoneNumber}}},
        {QStringLiteral("payment"),
         QJsonObject{{QStringLiteral("method"), QStringLiteral("WALLET")},
                     {QStringLiteral("amount"), offer.total.minorUnits()},
                     {QStringLiteral("currency"), offer.total.currency()}}}};
    // QJsonObject keeps its keys sorted, so the bytes depend on the data only.
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

Result<QByteArray> searchBody(const QJsonObject &request) {
    const QJsonArray slices = request.value(QLatin1String("slices")).toArray();
    if (slices.isEmpty() || slices.size() > 2)
        return Error{QStringLiteral("bad_search"),
                     QStringLiteral("Travomatrix searches one-way or return journeys only")};
    const QJsonObject out = slices.first().toObject();
    int adults = 0, children = 0, infants = 0;
    for (const QJsonValue &v : request.value(QLatin1String("passengers")).toArray()) {
        const QString type = v.toObject().value(QLatin1String("type")).toString();
        if (type == QLatin1String("adult"))
            ++adults;
        else if (type == QLatin1String("child"))
            ++children;
        else if (type == QLatin1String("infant_without_seat"))
            ++infants;
        else
            return Error{QStringLiteral("bad_search"),
                         QStringLiteral("Unknown passenger type \"%1\"").arg(type.left(40))};
    }
    const QString cabin = request.value(QLatin1String("cabin_class")).toString();
    const QJsonObject body{
        {QStringLiteral("origin"), out.value(QLatin1String("origin"))},
        {QStringLiteral("destination"), out.value(QLatin1String("destination"))},
        {QStringLiteral("departure_date"), out.value(QLatin1String("departure_date"))},
        {QStringLiteral("return_date"),
         slices.size() == 2 ? slices.at(1).toObject().value(QLatin1String("departure_date"))
                            : QJsonValue()},
        {QStringLiteral("adults"), adults},
        {QStringLiteral("children"), children},
        {QStringLiteral("infants"), infants},
        {QStringLiteral("cabin"), cabin.isEmpty() ? QStringLiteral("ECONOMY") : cabin.toUpper()}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace fd::travomatrix
