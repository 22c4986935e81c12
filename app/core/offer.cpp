#include "offer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace fd {
namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("fd::Offer", text);
}

Error shapeError(const QString &what) {
    return {QStringLiteral("wrong_shape"), tr("The offer is not usable: %1.").arg(what)};
}

Place placeFrom(const QJsonValue &v) {
    const QJsonObject o = v.toObject();
    return {o.value(QLatin1String("iata_code")).toString(),
            o.value(QLatin1String("country_code")).toString(),
            o.value(QLatin1String("city_name")).toString()};
}

} // namespace

QDateTime parseApiTime(const QString &text) {
    static const QRegularExpression re(QRegularExpression::anchoredPattern(
        QStringLiteral("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z")));
    if (!re.match(text).hasMatch())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

bool Offer::isInternational() const {
    if (identityDocumentsRequired)
        return true;
    for (const Slice &s : slices)
        if (s.origin.countryCode != s.destination.countryCode)
            return true;
    return false;
}

Trip Offer::trip() const {
    Trip t;
    t.international = isInternational();
    if (!slices.isEmpty()) {
        t.firstDeparture = slices.first().departingAt.date();
        t.lastArrival = slices.last().arrivingAt.date();
    }
    for (const OfferPassenger &p : passengers)
        t.passengerTypes.append(p.type);
    return t;
}

Result<Offer> Offer::fromJson(const QJsonObject &json) {
    const QJsonObject o = json.contains(QLatin1String("data")) && json.size() == 1
                              ? json.value(QLatin1String("data")).toObject()
                              : json;
    Offer offer;
    offer.raw = o;
    offer.id = o.value(QLatin1String("id")).toString();
    if (offer.id.isEmpty())
        return shapeError(tr("it has no \"id\""));
    offer.expiresAt = parseApiTime(o.value(QLatin1String("expires_at")).toString());
    if (!offer.expiresAt.isValid())
        return shapeError(tr("\"expires_at\" is not an RFC 3339 UTC time"));
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
            return shapeError(tr("\"price_guarantee_expires_at\" is not an RFC 3339 UTC time"));
    }
    offer.requiresInstantPayment = pay.value(QLatin1String("requires_instant_payment")).toBool();

    const QJsonObject owner = o.value(QLatin1String("owner")).toObject();
    offer.ownerIata = owner.value(QLatin1String("iata_code")).toString();
    offer.ownerName = owner.value(QLatin1String("name")).toString();

    const QJsonArray slices = o.value(QLatin1String("slices")).toArray();
    if (slices.isEmpty())
        return shapeError(tr("it has no slices"));
    for (const QJsonValue &v : slices) {
        const QJsonObject s = v.toObject();
        Slice slice{placeFrom(s.value(QLatin1String("origin"))),
                    placeFrom(s.value(QLatin1String("destination"))),
                    parseApiTime(s.value(QLatin1String("departing_at")).toString()),
                    parseApiTime(s.value(QLatin1String("arriving_at")).toString()),
                    static_cast<int>(s.value(QLatin1String("segments")).toArray().size())};
        if (!slice.departingAt.isValid() || !slice.arrivingAt.isValid())
            return shapeError(tr("a slice has no valid departure or arrival time"));
        offer.slices.append(slice);
    }
    const QJsonArray passengers = o.value(QLatin1String("passengers")).toArray();
    if (passengers.isEmpty())
        return shapeError(tr("it has no passengers"));
    for (const QJsonValue &v : passengers) {
        const QJsonObject p = v.toObject();
        offer.passengers.append(
            {p.value(QLatin1String("id")).toString(), p.value(QLatin1String("type")).toString()});
    }
    offer.identityDocumentsRequired =
        o.value(QLatin1String("passenger_identity_documents_required")).toBool();
    return offer;
}

Result<Wallet> Wallet::fromJson(const QJsonObject &json) {
    const QJsonObject o =
        json.contains(QLatin1String("data")) ? json.value(QLatin1String("data")).toObject() : json;
    auto balance = Money::parse(o.value(QLatin1String("available_balance")).toString(),
                                o.value(QLatin1String("currency")).toString());
    if (!balance)
        return Error{QStringLiteral("wrong_shape"),
                     tr("The wallet is not usable: %1").arg(balance.error().message)};
    return Wallet{*balance};
}

} // namespace fd
