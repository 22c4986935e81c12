#pragma once

#include "apierror.h"
#include "core/money.h"
#include "core/result.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace fd::sandbox {

struct OfferPassenger {
    QString id;
    QString type; // adult, child, infant_without_seat
};

// One bookable offer as the sandbox stores it: the contract's JSON plus the facts that order
// validation needs without re-reading the JSON.
struct Offer {
    QString id;
    QDateTime expiresAt;
    QDateTime priceGuaranteeExpiresAt;
    Money total = Money::fromMinor(0, QStringLiteral("EUR")).value();
    QList<OfferPassenger> passengers;
    bool international = false;
    QDate firstDeparture;
    QDate lastDeparture;
    QString ticketPrefix; // the owner's 3-digit airline code for e-ticket numbers
    QJsonObject json;
};

// How long a fresh offer lives, from the sandbox clock.
struct OfferTerms {
    qint64 ttlSeconds = 30 * 60;
    qint64 priceGuaranteeSeconds = 20 * 60;
};

// A search in no provider's words: what both sandboxes ask the catalogue.
enum class PaxType { Adult, Child, Infant }; // an infant flies on a lap
enum class Cabin { Economy, PremiumEconomy, Business, First };
struct TripQuery {
    struct Slice {
        QString origin, destination;
        QDate date;
    };
    QList<Slice> slices; // one, or two for a return
    QList<PaxType> passengers;
    Cabin cabin = Cabin::Economy;
};

// One flight of a trip, times in UTC.
struct TripLeg {
    QString carrier;
    QString flightNumber; // "BA75"
    QString from, to;     // airport codes
    QDateTime departs, arrives;
    bool international = false;
};

// What the catalogue sells for a query: one leg per slice on one carrier, and its price for
// the query's passengers and cabin (fares, child and infant shares, taxes per seat and leg).
struct Trip {
    QList<TripLeg> legs;
    QString owner; // the carrier's code
    bool international = false;
    Money total = Money::fromMinor(0, QStringLiteral("EUR")).value();
};

// The deterministic demo catalogue (resources/demo/catalogue.json): the same search at the same
// clock time always yields the same offers, so demos and tests are repeatable.
class Catalogue {
public:
    struct Airport {
        QString code, country, city, timeZone, name;
    };
    struct Carrier {
        QString name, ticketPrefix;
    };

    static Result<Catalogue> load(const QString &path);

    // Every trip for a valid query (known airports, 1-2 slices, 1-9 passengers), in catalogue
    // order: one per outbound flight, paired on a return with the same carrier's way back. An
    // unserved pair of known airports yields none, as a real provider answers when nothing flies.
    QList<Trip> trips(const TripQuery &query) const;

    // Validates a Travelbase search body ({"data": {...}}) and builds its offers, numbering
    // them from *nextOfferNumber.
    ApiResult<QList<Offer>> search(const QJsonObject &data, const QDateTime &now,
                                   const OfferTerms &terms, int *nextOfferNumber) const;

    bool hasAirport(const QString &code) const { return m_airports.contains(code); }
    // GET /v1/places/suggestions: up to `limit` airports whose code, city or name matches
    // `query` (case- and accent-insensitive), best first: the code itself, then a code, city or
    // name word starting with it, then any part of the city or name; ties by code.
    QList<Airport> suggest(const QString &query, int limit = 20) const;
    static QJsonObject placeJson(const Airport &airport);
    Airport airport(const QString &code) const { return m_airports.value(code); }
    Carrier carrier(const QString &code) const { return m_carriers.value(code); }
    const QString &currency() const { return m_currency; }

private:
    struct Flight {
        QString carrier;
        int number = 0;
        int departsMinutes = 0;
        qint64 fareMinor = 0;
    };
    struct Route {
        QString origin, destination;
        int durationMinutes = 0;
        QList<Flight> flights;
    };
    struct Priced {
        TripLeg leg;
        qint64 fareMinor = 0;
    };

    QList<Priced> legsFor(const QString &origin, const QString &destination,
                          const QDate &date) const;
    QJsonObject sliceJson(const TripLeg &leg) const;
    QJsonObject airportJson(const QString &code) const;

    QString m_currency;
    QHash<QString, Airport> m_airports;
    QHash<QString, Carrier> m_carriers;
    QList<Route> m_routes;
};

} // namespace fd::sandbox
