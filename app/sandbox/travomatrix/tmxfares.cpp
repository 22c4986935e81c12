#include "tmxfares.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace fd::sandbox::tmx {

namespace {

constexpr int kMaxTravellers = 9;

struct NamedCabin {
    const char *name;
    Cabin cabin;
};
constexpr NamedCabin kCabins[] = {{"ECONOMY", Cabin::Economy},
                                  {"PREMIUM_ECONOMY", Cabin::PremiumEconomy},
                                  {"BUSINESS", Cabin::Business},
                                  {"FIRST", Cabin::First}};

QString isoTime(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODate);
}

QString typeName(PaxType type) {
    switch (type) {
    case PaxType::Child:
        return QStringLiteral("CHD");
    case PaxType::Infant:
        return QStringLiteral("INF");
    case PaxType::Adult:
        break;
    }
    return QStringLiteral("ADT");
}

QJsonObject placeJson(const Catalogue &catalogue, const QString &code) {
    const auto a = catalogue.airport(code);
    return {{QStringLiteral("code"), a.code},
            {QStringLiteral("country"), a.country},
            {QStringLiteral("time_zone"), a.timeZone}};
}

} // namespace

QString travellerTypeForAge(int age) {
    if (age >= 12)
        return QStringLiteral("ADT");
    if (age >= 2)
        return QStringLiteral("CHD");
    return QStringLiteral("INF");
}

Outcome<QJsonObject> parseObject(const QByteArray &body) {
    if (body.trimmed().isEmpty())
        return Error::validation(QStringLiteral("body"), QStringLiteral("is empty"));
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return Error::validation(QStringLiteral("body"),
                                 QStringLiteral("is not valid JSON: %1 at offset %2")
                                     .arg(error.errorString())
                                     .arg(error.offset));
    if (!doc.isObject())
        return Error::validation(QStringLiteral("body"), QStringLiteral("must be a JSON object"));
    return doc.object();
}

std::optional<qint64> readInteger(const QJsonObject &o, const QString &key, FieldErrors &errors,
                                  qint64 min, qint64 max, bool required, const QString &prefix) {
    const QString at = fieldPath(prefix, key);
    const auto v = o.value(key);
    if (v.isUndefined()) {
        if (required)
            errors.add(at, QStringLiteral("is required"));
        return std::nullopt;
    }
    // JSON numbers are doubles; a whole number in this range is exact.
    const double d = v.toDouble();
    if (!v.isDouble() || std::trunc(d) != d) {
        errors.add(at, QStringLiteral("must be a whole number"));
        return std::nullopt;
    }
    if (d < double(min) || d > double(max)) {
        errors.add(at, QStringLiteral("must be from %1 to %2").arg(min).arg(max));
        return std::nullopt;
    }
    return qint64(d);
}

Outcome<TripQuery> parseSearch(const QJsonObject &body, const Catalogue &catalogue,
                               const QDate &today) {
    FieldErrors errors;
    TripQuery::Slice out;
    for (const auto *key : {"origin", "destination"}) {
        const QString field = QLatin1String(key);
        const QString code = requireString(body, field, errors);
        if (!code.isEmpty() && !catalogue.hasAirport(code))
            errors.add(field, QStringLiteral("unknown airport \"%1\"").arg(code));
        (field == QLatin1String("origin") ? out.origin : out.destination) = code;
    }
    if (!out.origin.isEmpty() && out.origin == out.destination)
        errors.add(QStringLiteral("destination"), QStringLiteral("must differ from origin"));
    out.date = requireDate(body, QStringLiteral("departure_date"), errors);
    if (out.date.isValid() && out.date < today)
        errors.add(QStringLiteral("departure_date"), QStringLiteral("is in the past"));
    TripQuery query;
    query.slices.append(out);
    const auto back = body.value(QLatin1String("return_date"));
    if (!back.isUndefined() && !back.isNull()) {
        const QDate date = requireDate(body, QStringLiteral("return_date"), errors);
        if (date.isValid() && out.date.isValid() && date < out.date)
            errors.add(QStringLiteral("return_date"),
                       QStringLiteral("must not be before departure_date"));
        query.slices.append({out.destination, out.origin, date});
    }
    const auto adults =
        readInteger(body, QStringLiteral("adults"), errors, 1, kMaxTravellers, true);
    const auto children =
        readInteger(body, QStringLiteral("children"), errors, 0, kMaxTravellers, false);
    const auto infants =
        readInteger(body, QStringLiteral("infants"), errors, 0, kMaxTravellers, false);
    const qint64 a = adults.value_or(0), c = children.value_or(0), i = infants.value_or(0);
    if (a + c + i > kMaxTravellers)
        errors.add(QStringLiteral("adults"),
                   QStringLiteral("adults, children and infants together must be at most %1")
                       .arg(kMaxTravellers));
    if (adults && i > a)
        errors.add(QStringLiteral("infants"),
                   QStringLiteral("must not outnumber adults (one lap each)"));
    const auto cabin = body.value(QLatin1String("cabin"));
    if (!cabin.isUndefined() && !cabin.isNull()) {
        const auto named = std::find_if(std::begin(kCabins), std::end(kCabins), [&](auto n) {
            return cabin.toString() == QLatin1String(n.name);
        });
        if (named == std::end(kCabins))
            errors.add(QStringLiteral("cabin"),
                       QStringLiteral("must be ECONOMY, PREMIUM_ECONOMY, BUSINESS or FIRST"));
        else
            query.cabin = named->cabin;
    }
    if (!errors.isEmpty())
        return Error::validation(errors.list);
    for (qint64 n = 0; n < a; ++n)
        query.passengers.append(PaxType::Adult);
    for (qint64 n = 0; n < c; ++n)
        query.passengers.append(PaxType::Child);
    for (qint64 n = 0; n < i; ++n)
        query.passengers.append(PaxType::Infant);
    return query;
}

Fare makeFare(const Trip &trip, const TripQuery &query, const Catalogue &catalogue,
              const QString &id, const QDateTime &validUntil) {
    Fare fare;
    fare.id = id;
    fare.validUntil = validUntil.toUTC();
    fare.price = trip.total;
    fare.passportRequired = trip.international;
    fare.firstDeparture = trip.legs.first().departs.date();
    fare.lastDeparture = trip.legs.last().departs.date();
    fare.ticketPrefix = catalogue.carrier(trip.owner).ticketPrefix;
    QJsonArray itineraries;
    for (const auto &leg : trip.legs) {
        const QJsonObject segment{{QStringLiteral("carrier"), leg.carrier},
                                  {QStringLiteral("flight_number"), leg.flightNumber},
                                  {QStringLiteral("from"), placeJson(catalogue, leg.from)},
                                  {QStringLiteral("to"), placeJson(catalogue, leg.to)},
                                  {QStringLiteral("departs_at"), isoTime(leg.departs)},
                                  {QStringLiteral("arrives_at"), isoTime(leg.arrives)}};
        itineraries.append(QJsonObject{{QStringLiteral("segments"), QJsonArray{segment}}});
    }
    QJsonArray travellers;
    for (qsizetype n = 0; n < query.passengers.size(); ++n) {
        fare.travellers.append({QStringLiteral("T%1").arg(n + 1), typeName(query.passengers[n])});
        travellers.append(QJsonObject{{QStringLiteral("ref"), fare.travellers.last().ref},
                                      {QStringLiteral("type"), fare.travellers.last().type}});
    }
    fare.json = QJsonObject{
        {QStringLiteral("fare_id"), fare.id},
        {QStringLiteral("valid_until"), isoTime(fare.validUntil)},
        {QStringLiteral("price"), QJsonObject{{QStringLiteral("amount"), fare.price.minorUnits()},
                                              {QStringLiteral("currency"), fare.price.currency()}}},
        {QStringLiteral("validating_carrier"),
         QJsonObject{{QStringLiteral("code"), trip.owner},
                     {QStringLiteral("name"), catalogue.carrier(trip.owner).name}}},
        {QStringLiteral("itineraries"), itineraries},
        {QStringLiteral("travellers"), travellers},
        {QStringLiteral("passport_required"), fare.passportRequired}};
    return fare;
}

} // namespace fd::sandbox::tmx
