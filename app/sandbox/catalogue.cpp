#include "catalogue.h"

#include "jsonfields.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTime>

namespace fd::sandbox {

namespace {

constexpr int kMaxPassengers = 9;

// Percent of the adult fare by passenger type, and of the economy fare by cabin.
int typePercent(const QString &type) {
    if (type == QLatin1String("child"))
        return 75;
    if (type == QLatin1String("infant_without_seat"))
        return 10;
    return 100;
}

int cabinPercent(const QString &cabin) {
    if (cabin == QLatin1String("premium_economy"))
        return 170;
    if (cabin == QLatin1String("business"))
        return 320;
    if (cabin == QLatin1String("first"))
        return 550;
    return 100;
}

QString isoTime(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODate);
}

} // namespace

Result<Catalogue> Catalogue::load(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("catalogue_unreadable"),
                     QStringLiteral("Cannot read the demo catalogue %1").arg(path)};
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject())
        return Error{
            QStringLiteral("catalogue_invalid"),
            QStringLiteral("The demo catalogue is not JSON: %1").arg(parseError.errorString())};
    const auto root = doc.object();
    Catalogue c;
    c.m_currency = root.value(QLatin1String("currency")).toString();
    for (const auto &v : root.value(QLatin1String("airports")).toArray()) {
        const auto o = v.toObject();
        const Airport a{o.value(QLatin1String("iata_code")).toString(),
                        o.value(QLatin1String("country_code")).toString(),
                        o.value(QLatin1String("city_name")).toString()};
        c.m_airports.insert(a.code, a);
    }
    for (const auto &v : root.value(QLatin1String("carriers")).toArray()) {
        const auto o = v.toObject();
        c.m_carriers.insert(o.value(QLatin1String("iata_code")).toString(),
                            {o.value(QLatin1String("name")).toString(),
                             o.value(QLatin1String("ticket_prefix")).toString()});
    }
    for (const auto &v : root.value(QLatin1String("routes")).toArray()) {
        const auto o = v.toObject();
        Route r{o.value(QLatin1String("origin")).toString(),
                o.value(QLatin1String("destination")).toString(),
                o.value(QLatin1String("duration_minutes")).toInt(),
                {}};
        for (const auto &fv : o.value(QLatin1String("flights")).toArray()) {
            const auto f = fv.toObject();
            const auto fare = Money::parse(f.value(QLatin1String("fare")).toString(), c.m_currency);
            const auto departs =
                QTime::fromString(f.value(QLatin1String("departs")).toString(), u"HH:mm");
            const auto carrier = f.value(QLatin1String("carrier")).toString();
            if (!fare || !departs.isValid() || !c.m_carriers.contains(carrier))
                return Error{QStringLiteral("catalogue_invalid"),
                             QStringLiteral("Bad flight on %1-%2 in the demo catalogue")
                                 .arg(r.origin, r.destination)};
            r.flights.append({carrier, f.value(QLatin1String("number")).toInt(),
                              departs.msecsSinceStartOfDay() / 60000, fare->minorUnits()});
        }
        if (!c.m_airports.contains(r.origin) || !c.m_airports.contains(r.destination))
            return Error{QStringLiteral("catalogue_invalid"),
                         QStringLiteral("Route %1-%2 names an unknown airport")
                             .arg(r.origin, r.destination)};
        c.m_routes.append(r);
    }
    return c;
}

QList<Catalogue::Leg> Catalogue::legsFor(const QString &origin, const QString &destination,
                                         const QDate &date) const {
    QList<Leg> legs;
    for (const auto &route : m_routes) {
        const bool forward = route.origin == origin && route.destination == destination;
        const bool reverse = route.origin == destination && route.destination == origin;
        if (!forward && !reverse)
            continue;
        for (auto flight : route.flights) {
            if (reverse) {
                // The way back leaves after the aircraft's turnaround: arrival plus 90 minutes.
                flight.number += 1;
                flight.departsMinutes =
                    (flight.departsMinutes + route.durationMinutes + 90) % (24 * 60);
            }
            legs.append({&route, reverse, flight, date});
        }
    }
    return legs;
}

QJsonObject Catalogue::airportJson(const QString &code) const {
    const auto &a = m_airports[code];
    return {{QStringLiteral("iata_code"), a.code},
            {QStringLiteral("country_code"), a.country},
            {QStringLiteral("city_name"), a.city}};
}

QJsonObject Catalogue::sliceJson(const Leg &leg) const {
    const QString from = leg.reverse ? leg.route->destination : leg.route->origin;
    const QString to = leg.reverse ? leg.route->origin : leg.route->destination;
    const QDateTime departs =
        QDateTime(leg.date, QTime(0, 0), Qt::UTC).addSecs(qint64(leg.flight.departsMinutes) * 60);
    const QDateTime arrives = departs.addSecs(qint64(leg.route->durationMinutes) * 60);
    const QString flightNumber = leg.flight.carrier + QString::number(leg.flight.number);
    const QJsonObject segment{{QStringLiteral("marketing_carrier"), leg.flight.carrier},
                              {QStringLiteral("flight_number"), flightNumber},
                              {QStringLiteral("origin"), from},
                              {QStringLiteral("destination"), to},
                              {QStringLiteral("departing_at"), isoTime(departs)},
                              {QStringLiteral("arriving_at"), isoTime(arrives)}};
    return {{QStringLiteral("origin"), airportJson(from)},
            {QStringLiteral("destination"), airportJson(to)},
            {QStringLiteral("departing_at"), isoTime(departs)},
            {QStringLiteral("arriving_at"), isoTime(arrives)},
            {QStringLiteral("segments"), QJsonArray{segment}}};
}

ApiResult<QList<Offer>> Catalogue::search(const QJsonObject &data, const QDateTime &now,
                                          const OfferTerms &terms, int *nextOfferNumber) const {
    FieldErrors errors;
    struct SliceQuery {
        QString origin, destination;
        QDate date;
    };
    QList<SliceQuery> slices;
    const auto slicesJson = requireArray(data, QStringLiteral("slices"), errors, 1, 2);
    for (qsizetype i = 0; i < slicesJson.size(); ++i) {
        const QString at = QStringLiteral("slices[%1]").arg(i);
        if (!slicesJson[i].isObject()) {
            errors.add(at, QStringLiteral("must be an object"));
            continue;
        }
        const auto s = slicesJson[i].toObject();
        SliceQuery q;
        for (const auto *key : {"origin", "destination"}) {
            const QString field = QLatin1String(key);
            const QString code = requireString(s, field, errors, at);
            if (!code.isEmpty() && !m_airports.contains(code))
                errors.add(at + QLatin1Char('.') + field,
                           QStringLiteral("unknown airport \"%1\"").arg(code));
            (field == QLatin1String("origin") ? q.origin : q.destination) = code;
        }
        if (!q.origin.isEmpty() && q.origin == q.destination)
            errors.add(at + QStringLiteral(".destination"),
                       QStringLiteral("must differ from origin"));
        q.date = requireDate(s, QStringLiteral("departure_date"), errors, at);
        if (q.date.isValid() && q.date < now.toUTC().date())
            errors.add(at + QStringLiteral(".departure_date"), QStringLiteral("is in the past"));
        if (!slices.isEmpty() && q.date.isValid() && slices.last().date.isValid() &&
            q.date < slices.last().date)
            errors.add(at + QStringLiteral(".departure_date"),
                       QStringLiteral("must not be before the previous slice"));
        slices.append(q);
    }
    QStringList types;
    const auto passengersJson =
        requireArray(data, QStringLiteral("passengers"), errors, 1, kMaxPassengers);
    for (qsizetype i = 0; i < passengersJson.size(); ++i) {
        const QString at = QStringLiteral("passengers[%1]").arg(i);
        const QString type =
            requireString(passengersJson[i].toObject(), QStringLiteral("type"), errors, at);
        if (!type.isEmpty() && type != QLatin1String("adult") && type != QLatin1String("child") &&
            type != QLatin1String("infant_without_seat"))
            errors.add(at + QStringLiteral(".type"),
                       QStringLiteral("must be adult, child or infant_without_seat"));
        types.append(type);
    }
    const auto adults = types.count(QStringLiteral("adult"));
    if (!types.isEmpty() && adults == 0)
        errors.add(QStringLiteral("passengers"), QStringLiteral("need at least one adult"));
    if (types.count(QStringLiteral("infant_without_seat")) > adults)
        errors.add(QStringLiteral("passengers"),
                   QStringLiteral("each infant_without_seat needs an adult's lap"));
    QString cabin = QStringLiteral("economy");
    if (data.contains(QLatin1String("cabin_class"))) {
        cabin = data.value(QLatin1String("cabin_class")).toString();
        if (cabinPercent(cabin) == 100 && cabin != QLatin1String("economy"))
            errors.add(QStringLiteral("cabin_class"),
                       QStringLiteral("must be economy, premium_economy, business or first"));
    }
    if (!errors.isEmpty())
        return ApiError::validation(errors.list);

    // One offer per outbound flight; a return pairs it with the same carrier's way back.
    QList<QList<Leg>> itineraries;
    for (const auto &out : legsFor(slices[0].origin, slices[0].destination, slices[0].date)) {
        QList<Leg> itinerary{out};
        if (slices.size() == 2) {
            const auto backs = legsFor(slices[1].origin, slices[1].destination, slices[1].date);
            const auto same = std::find_if(backs.begin(), backs.end(), [&](const Leg &l) {
                return l.flight.carrier == out.flight.carrier;
            });
            if (same == backs.end())
                continue;
            itinerary.append(*same);
        }
        itineraries.append(itinerary);
    }

    QList<Offer> offers;
    for (const auto &itinerary : itineraries) {
        Offer offer;
        offer.id = QStringLiteral("off_%1").arg((*nextOfferNumber)++, 4, 10, QLatin1Char('0'));
        offer.expiresAt = now.toUTC().addSecs(terms.ttlSeconds);
        offer.priceGuaranteeExpiresAt = now.toUTC().addSecs(terms.priceGuaranteeSeconds);
        offer.firstDeparture = itinerary.first().date;
        offer.lastDeparture = itinerary.last().date;
        const QString owner = itinerary.first().flight.carrier;
        offer.ticketPrefix = m_carriers[owner].ticketPrefix;
        qint64 totalMinor = 0;
        QJsonArray sliceArray;
        for (const auto &leg : itinerary) {
            const auto slice = sliceJson(leg);
            const auto country = [&](const char *end) {
                return slice.value(QLatin1String(end))
                    .toObject()
                    .value(QLatin1String("country_code"))
                    .toString();
            };
            const bool intl = country("origin") != country("destination");
            offer.international = offer.international || intl;
            // Taxes per seat and slice: flat, higher abroad; a lap infant pays none.
            const qint64 taxMinor = intl ? 3500 : 1200;
            for (const auto &type : types) {
                totalMinor +=
                    leg.flight.fareMinor * typePercent(type) * cabinPercent(cabin) / 10000;
                if (type != QLatin1String("infant_without_seat"))
                    totalMinor += taxMinor;
            }
            sliceArray.append(slice);
        }
        offer.total = Money::fromMinor(totalMinor, m_currency).value();
        QJsonArray passengerArray;
        for (qsizetype i = 0; i < types.size(); ++i) {
            offer.passengers.append({QStringLiteral("pas_%1").arg(i + 1), types[i]});
            passengerArray.append(QJsonObject{{QStringLiteral("id"), offer.passengers.last().id},
                                              {QStringLiteral("type"), types[i]}});
        }
        offer.json = QJsonObject{
            {QStringLiteral("id"), offer.id},
            {QStringLiteral("expires_at"), isoTime(offer.expiresAt)},
            {QStringLiteral("total_amount"), offer.total.amount()},
            {QStringLiteral("total_currency"), offer.total.currency()},
            {QStringLiteral("cabin_class"), cabin},
            {QStringLiteral("payment_requirements"),
             QJsonObject{{QStringLiteral("price_guarantee_expires_at"),
                          isoTime(offer.priceGuaranteeExpiresAt)},
                         {QStringLiteral("requires_instant_payment"), false}}},
            {QStringLiteral("owner"),
             QJsonObject{{QStringLiteral("iata_code"), owner},
                         {QStringLiteral("name"), m_carriers[owner].name}}},
            {QStringLiteral("slices"), sliceArray},
            {QStringLiteral("passengers"), passengerArray},
            {QStringLiteral("passenger_identity_documents_required"), offer.international}};
        offers.append(offer);
    }
    return offers;
}

} // namespace fd::sandbox
