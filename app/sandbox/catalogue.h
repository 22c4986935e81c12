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

// The deterministic demo catalogue (resources/demo/catalogue.json): the same search at the same
// clock time always yields the same offers, so demos and tests are repeatable.
class Catalogue {
public:
    static Result<Catalogue> load(const QString &path);

    // Validates a search body ({"data": {...}}) and builds its offers, numbering them from
    // *nextOfferNumber. An unserved pair of known airports yields an empty list, as a real
    // provider answers when nothing flies.
    ApiResult<QList<Offer>> search(const QJsonObject &data, const QDateTime &now,
                                   const OfferTerms &terms, int *nextOfferNumber) const;

    bool hasAirport(const QString &code) const { return m_airports.contains(code); }

private:
    struct Airport {
        QString code, country, city;
    };
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
    struct Carrier {
        QString name, ticketPrefix;
    };
    struct Leg {
        const Route *route = nullptr;
        bool reverse = false;
        Flight flight;
        QDate date;
    };

    QList<Leg> legsFor(const QString &origin, const QString &destination, const QDate &date) const;
    QJsonObject sliceJson(const Leg &leg) const;
    QJsonObject airportJson(const QString &code) const;

    QString m_currency;
    QHash<QString, Airport> m_airports;
    QHash<QString, Carrier> m_carriers;
    QList<Route> m_routes;
};

} // namespace fd::sandbox
