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
int typePercent(PaxType type) {
    switch (type) {
    case PaxType::Child:
        return 75;
    case PaxType::Infant:
        return 10;
    case PaxType::Adult:
        break;
    }
    return 100;
}

int cabinPercent(Cabin cabin) {
    switch (cabin) {
    case Cabin::PremiumEconomy:
        return 170;
    case Cabin::Business:
        return 320;
    case Cabin::First:
        return 550;
    case Cabin::Economy:
        break;
    }
    return 100;
}

// Travelbase's words for passenger types and cabins.
std::optional<PaxType> travelbaseType(const QString &type) {
    if (type == QLatin1String("adult"))
        return PaxType::Adult;
    if (type == QLatin1String("child"))
        return PaxType::Child;
    if (type == QLatin1String("infant_without_seat"))
        return PaxType::Infant;
    return std::nullopt;
}

std::optional<Cabin> travelbaseCabin(const QString &cabin) {
    if (cabin == QLatin1String("economy"))
        return Cabin::Economy;
    if (cabin == QLatin1String("premium_economy"))
        return Cabin::PremiumEconomy;
    if (cabin == QLatin1String("business"))
        return Cabin::Business;
    if (cabin == QLatin1String("first"))
        return Cabin::First;
    return std::nullopt;
}

QString isoTime(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODate);
}

// Lower case without accents: "São Tomé" matches "sao tome".
QString folded(const QString &s) {
    const QString decomposed = s.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed)
        if (c.category() != QChar::Mark_NonSpacing)
            out += c.toLower();
    return out;
}

// 0 the code itself, 1 a code or word that starts with the query, 2 anywhere; -1 no match.
int rank(const Catalogue::Airport &a, const QString &q) {
    const QString code = a.code.toLower();
    if (code == q)
        return 0;
    if (code.startsWith(q))
        return 1;
    int best = -1;
    for (const QString &text : {folded(a.city), folded(a.name)}) {
        const qsizetype at = text.indexOf(q);
        if (at < 0)
            continue;
        const bool wordStart = at == 0 || !text.at(at - 1).isLetterOrNumber();
        const int r = wordStart ? 1 : 2;
        best = best < 0 ? r : qMin(best, r);
    }
    return best;
}

} // namespace

QList<Catalogue::Airport> Catalogue::suggest(const QString &query, int limit) const {
    const QString q = folded(query.trimmed());
    QList<std::pair<int, Airport>> found;
    if (q.isEmpty())
        return {};
    for (const Airport &a : m_airports)
        if (const int r = rank(a, q); r >= 0)
            found.append({r, a});
    std::sort(found.begin(), found.end(), [](const auto &x, const auto &y) {
        return x.first != y.first ? x.first < y.first : x.second.code < y.second.code;
    });
    QList<Airport> out;
    for (qsizetype i = 0; i < found.size() && i < limit; ++i)
        out.append(found.at(i).second);
    return out;
}

QJsonObject Catalogue::placeJson(const Airport &a) {
    return {{QStringLiteral("type"), QStringLiteral("airport")},
            {QStringLiteral("iata_code"), a.code},
            {QStringLiteral("name"), a.name},
            {QStringLiteral("city_name"), a.city},
            {QStringLiteral("country_code"), a.country},
            {QStringLiteral("time_zone"), a.timeZone}};
}

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
                        o.value(QLatin1String("city_name")).toString(),
                        o.value(QLatin1String("time_zone")).toString(),
                        o.value(QLatin1String("name")).toString()};
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

QList<Catalogue::Priced> Catalogue::legsFor(const QString &origin, const QString &destination,
                                            const QDate &date) const {
    QList<Priced> legs;
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
            TripLeg leg;
            leg.carrier = flight.carrier;
            leg.flightNumber = flight.carrier + QString::number(flight.number);
            leg.from = reverse ? route.destination : route.origin;
            leg.to = reverse ? route.origin : route.destination;
            leg.departs =
                QDateTime(date, QTime(0, 0), Qt::UTC).addSecs(qint64(flight.departsMinutes) * 60);
            leg.arrives = leg.departs.addSecs(qint64(route.durationMinutes) * 60);
            leg.international = m_airports[leg.from].country != m_airports[leg.to].country;
            legs.append({leg, flight.fareMinor});
        }
    }
    return legs;
}

QList<Trip> Catalogue::trips(const TripQuery &query) const {
    QList<Trip> trips;
    if (query.slices.isEmpty())
        return trips;
    const auto &out = query.slices.first();
    for (const auto &first : legsFor(out.origin, out.destination, out.date)) {
        QList<Priced> legs{first};
        if (query.slices.size() == 2) {
            const auto &in = query.slices[1];
            const auto backs = legsFor(in.origin, in.destination, in.date);
            const auto same = std::find_if(backs.begin(), backs.end(), [&](const Priced &p) {
                return p.leg.carrier == first.leg.carrier;
            });
            if (same == backs.end())
                continue;
            legs.append(*same);
        }
        Trip trip;
        trip.owner = first.leg.carrier;
        qint64 totalMinor = 0;
        for (const auto &p : legs) {
            trip.legs.append(p.leg);
            trip.international = trip.international || p.leg.international;
            // Taxes per seat and leg: flat, higher abroad; a lap infant pays none.
            const qint64 taxMinor = p.leg.international ? 3500 : 1200;
            for (const PaxType type : query.passengers) {
                totalMinor += p.fareMinor * typePercent(type) * cabinPercent(query.cabin) / 10000;
                if (type != PaxType::Infant)
                    totalMinor += taxMinor;
            }
        }
        trip.total = Money::fromMinor(totalMinor, m_currency).value();
        trips.append(trip);
    }
    return trips;
}

QJsonObject Catalogue::airportJson(const QString &code) const {
    const auto &a = m_airports[code];
    return {{QStringLiteral("iata_code"), a.code},
            {QStringLiteral("name"), a.name},
            {QStringLiteral("country_code"), a.country},
            {QStringLiteral("city_name"), a.city},
            {QStringLiteral("time_zone"), a.timeZone}};
}

QJsonObject Catalogue::sliceJson(const TripLeg &leg) const {
    const QJsonObject segment{{QStringLiteral("marketing_carrier"), leg.carrier},
                              {QStringLiteral("flight_number"), leg.flightNumber},
                              {QStringLiteral("origin"), leg.from},
                              {QStringLiteral("destination"), leg.to},
                              {QStringLiteral("departing_at"), isoTime(leg.departs)},
                              {QStringLiteral("arriving_at"), isoTime(leg.arrives)}};
    return {{QStringLiteral("origin"), airportJson(leg.from)},
            {QStringLiteral("destination"), airportJson(leg.to)},
            {QStringLiteral("departing_at"), isoTime(leg.departs)},
            {QStringLiteral("arriving_at"), isoTime(leg.arrives)},
            {QStringLiteral("segments"), QJsonArray{segment}}};
}

ApiResult<QList<Offer>> Catalogue::search(const QJsonObject &data, const QDateTime &now,
                                          const OfferTerms &terms, int *nextOfferNumber) const {
    FieldErrors errors;
    TripQuery query;
    const auto slicesJson = requireArray(data, QStringLiteral("slices"), errors, 1, 2);
    for (qsizetype i = 0; i < slicesJson.size(); ++i) {
        const QString at = QStringLiteral("slices[%1]").arg(i);
        if (!slicesJson[i].isObject()) {
            errors.add(at, QStringLiteral("must be an object"));
            continue;
        }
        const auto s = slicesJson[i].toObject();
        TripQuery::Slice q;
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
        if (!query.slices.isEmpty() && q.date.isValid() && query.slices.last().date.isValid() &&
            q.date < query.slices.last().date)
            errors.add(at + QStringLiteral(".departure_date"),
                       QStringLiteral("must not be before the previous slice"));
        query.slices.append(q);
    }
    QStringList types;
    const auto passengersJson =
        requireArray(data, QStringLiteral("passengers"), errors, 1, kMaxPassengers);
    for (qsizetype i = 0; i < passengersJson.size(); ++i) {
        const QString at = QStringLiteral("passengers[%1]").arg(i);
        const QString type =
            requireString(passengersJson[i].toObject(), QStringLiteral("type"), errors, at);
        const auto known = travelbaseType(type);
        if (!type.isEmpty() && !known)
            errors.add(at + QStringLiteral(".type"),
                       QStringLiteral("must be adult, child or infant_without_seat"));
        types.append(type);
        if (known)
            query.passengers.append(*known);
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
        if (const auto known = travelbaseCabin(cabin))
            query.cabin = *known;
        else
            errors.add(QStringLiteral("cabin_class"),
                       QStringLiteral("must be economy, premium_economy, business or first"));
    }
    if (!errors.isEmpty())
        return ApiError::validation(errors.list);

    QList<Offer> offers;
    for (const auto &trip : trips(query)) {
        Offer offer;
        offer.id = QStringLiteral("off_%1").arg((*nextOfferNumber)++, 4, 10, QLatin1Char('0'));
        offer.expiresAt = now.toUTC().addSecs(terms.ttlSeconds);
        offer.priceGuaranteeExpiresAt = now.toUTC().addSecs(terms.priceGuaranteeSeconds);
        offer.firstDeparture = trip.legs.first().departs.date();
        offer.lastDeparture = trip.legs.last().departs.date();
        offer.ticketPrefix = m_carriers[trip.owner].ticketPrefix;
        offer.international = trip.international;
        offer.total = trip.total;
        QJsonArray sliceArray;
        for (const auto &leg : trip.legs)
            sliceArray.append(sliceJson(leg));
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
             QJsonObject{{QStringLiteral("iata_code"), trip.owner},
                         {QStringLiteral("name"), m_carriers[trip.owner].name}}},
            {QStringLiteral("slices"), sliceArray},
            {QStringLiteral("passengers"), passengerArray},
            {QStringLiteral("passenger_identity_documents_required"), offer.international}};
        offers.append(offer);
    }
    return offers;
}

} // namespace fd::sandbox
