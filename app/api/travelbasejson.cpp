// Travelbase's JSON (travelbase-v1.md) in the desk's own terms, and the desk's booking in
// Travelbase's terms: the only place that knows the shape of its offers, wallet and orders.
#include "travelbasejson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace fd::travelbase {
namespace {

// Qualified calls (Text::tr) so that lupdate files each string under this context, whatever
// function it is in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(fd::Offer)
};

Error shapeError(const QString &what) {
    return {QStringLiteral("wrong_shape"), Text::tr("The offer is not usable: %1.").arg(what)};
}

Place placeFrom(const QJsonValue &v) {
    const QJsonObject o = v.toObject();
    Place p;
    p.iataCode = o.value(QLatin1String("iata_code")).toString();
    p.countryCode = o.value(QLatin1String("country_code")).toString();
    p.cityName = o.value(QLatin1String("city_name")).toString();
    p.timeZone = parseTimeZone(o.value(QLatin1String("time_zone")).toString());
    return p;
}

} // namespace

Result<Offer> parseOffer(const QJsonObject &json) {
    const QJsonObject o = json.contains(QLatin1String("data")) && json.size() == 1
                              ? json.value(QLatin1String("data")).toObject()
                              : json;
    Offer offer;
    offer.raw = o;
    offer.id = o.value(QLatin1String("id")).toString();
    if (offer.id.isEmpty())
        return shapeError(Text::tr("it has no \"id\""));
    offer.expiresAt = parseApiTime(o.value(QLatin1String("expires_at")).toString());
    if (!offer.expiresAt.isValid())
        return shapeError(Text::tr("\"expires_at\" is not an RFC 3339 UTC time"));
    auto total = Money::parse(o.value(QLatin1String("total_amount")).toString(),
                              o.value(QLatin1String("total_currency")).toString());
    if (!total)
        return shapeError(total.error().message);
    offer.total = *total;

    const QJsonObject pay = o.value(QLatin1String("payment_requirements")).toObject();
    const QJsonValue guarantee = pay.value(QLatin1String("price_guarantee_expires_at"));
    if (guarantee.isString()) {
        offer.priceGuaranteeExpiresAt = parseApiTime(guarantee.toString());
        if (!offer.priceGuaranteeExpiresAt->isValid())
            return shapeError(
                Text::tr("\"price_guarantee_expires_at\" is not an RFC 3339 UTC time"));
    }
    offer.requiresInstantPayment = pay.value(QLatin1String("requires_instant_payment")).toBool();

    const QJsonObject owner = o.value(QLatin1String("owner")).toObject();
    offer.ownerIata = owner.value(QLatin1String("iata_code")).toString();
    offer.ownerName = owner.value(QLatin1String("name")).toString();

    const QJsonArray slices = o.value(QLatin1String("slices")).toArray();
    if (slices.isEmpty())
        return shapeError(Text::tr("it has no slices"));
    for (const QJsonValue &v : slices) {
        const QJsonObject s = v.toObject();
        Slice slice{placeFrom(s.value(QLatin1String("origin"))),
                    placeFrom(s.value(QLatin1String("destination"))),
                    parseApiTime(s.value(QLatin1String("departing_at")).toString()),
                    parseApiTime(s.value(QLatin1String("arriving_at")).toString()),
                    static_cast<int>(s.value(QLatin1String("segments")).toArray().size())};
        if (!slice.departingAt.isValid() || !slice.arrivingAt.isValid())
            return shapeError(Text::tr("a slice has no valid departure or arrival time"));
        offer.slices.append(slice);
    }
    const QJsonArray passengers = o.value(QLatin1String("passengers")).toArray();
    if (passengers.isEmpty())
        return shapeError(Text::tr("it has no passengers"));
    for (const QJsonValue &v : passengers) {
        const QJsonObject p = v.toObject();
        offer.passengers.append(
            {p.value(QLatin1String("id")).toString(), p.value(QLatin1String("type")).toString()});
    }
    offer.identityDocumentsRequired =
        o.value(QLatin1String("passenger_identity_documents_required")).toBool();
    return offer;
}

Result<Cancellation> parseCancellation(const QJsonObject &json) {
    const QJsonObject o =
        json.contains(QLatin1String("data")) ? json.value(QLatin1String("data")).toObject() : json;
    Cancellation c;
    c.quoteId = o.value(QLatin1String("id")).toString().left(120);
    c.orderId = o.value(QLatin1String("order_id")).toString().left(120);
    auto refund = Money::parse(o.value(QLatin1String("refund_amount")).toString(),
                               o.value(QLatin1String("refund_currency")).toString());
    if (c.quoteId.isEmpty() || c.orderId.isEmpty() || !refund)
        return Error{QStringLiteral("wrong_shape"),
                     Text::tr("The cancellation quote has no id, order or refund.")};
    c.refund = *refund;
    c.expiresAt = parseApiTime(o.value(QLatin1String("expires_at")).toString());
    c.confirmed = o.value(QLatin1String("confirmed_at")).isString();
    return c;
}

Result<Wallet> parseWallet(const QJsonObject &json) {
    const QJsonObject o =
        json.contains(QLatin1String("data")) ? json.value(QLatin1String("data")).toObject() : json;
    auto balance = Money::parse(o.value(QLatin1String("available_balance")).toString(),
                                o.value(QLatin1String("currency")).toString());
    if (!balance)
        return Error{QStringLiteral("wrong_shape"),
                     Text::tr("The wallet is not usable: %1").arg(balance.error().message)};
    return Wallet{*balance};
}

Result<OrderSnapshot> parseOrder(const QJsonObject &json) {
    const QJsonObject o = json.size() == 1 && json.contains(QLatin1String("data"))
                              ? json.value(QLatin1String("data")).toObject()
                              : json;
    OrderSnapshot s;
    s.raw = o;
    s.id = o.value(QLatin1String("id")).toString();
    const QString status = o.value(QLatin1String("status")).toString();
    if (s.id.isEmpty() || status.isEmpty())
        return Error{
            QStringLiteral("wrong_shape"),
            QCoreApplication::translate("fd::Order", "The order has no \"id\" or \"status\".")};
    s.status = state::providerStatusNamed(status);
    s.statusName = status.left(40);
    s.version = o.value(QLatin1String("version")).toInt();
    s.bookingReference = o.value(QLatin1String("booking_reference")).toString();
    s.paymentReversed = o.value(QLatin1String("payment_reversed")).toBool();
    s.failureReason = o.value(QLatin1String("failure_reason")).toString();
    s.email = o.value(QLatin1String("email")).toString();
    s.phone = o.value(QLatin1String("phone_number")).toString();
    for (const QJsonValue &v : o.value(QLatin1String("documents")).toArray()) {
        const QJsonObject d = v.toObject();
        if (d.value(QLatin1String("type")).toString() == QLatin1String("electronic_ticket"))
            s.tickets.append({d.value(QLatin1String("passenger_id")).toString(),
                              d.value(QLatin1String("unique_identifier")).toString()});
    }
    return s;
}

QByteArray createBody(const Offer &offer, const QList<Passenger> &passengers) {
    QJsonArray people;
    for (qsizetype i = 0; i < passengers.size(); ++i) {
        Passenger p = passengers.at(i);
        p.id = offer.passengers.value(i).id;
        people.append(p.toJson());
    }
    const QJsonObject data{
        {QStringLiteral("selected_offers"), QJsonArray{offer.id}},
        {QStringLiteral("passengers"), people},
        {QStringLiteral("payments"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("balance")},
                                {QStringLiteral("amount"), offer.total.amount()},
                                {QStringLiteral("currency"), offer.total.currency()}}}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

} // namespace fd::travelbase
