#pragma once

#include "tmxerror.h"

#include "sandbox/catalogue.h"
#include "sandbox/jsonfields.h"

#include "core/money.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace fd::sandbox::tmx {

// One traveller a fare was priced for: "T1" and ADT, CHD or INF.
struct FareTraveller {
    QString ref;
    QString type;
};

// A fare as the sandbox stores it: the contract's JSON plus what booking checks need.
struct Fare {
    QString id;
    QDateTime validUntil;
    Money price = Money::fromMinor(0, QStringLiteral("EUR")).value();
    QList<FareTraveller> travellers;
    bool passportRequired = false;
    QDate firstDeparture;
    QDate lastDeparture;
    QString ticketPrefix; // the validating carrier's 3-digit code for ticket numbers
    QJsonObject json;
};

// The contract's traveller type for an age on the first departure: ADT 12+, CHD 2-11, INF.
QString travellerTypeForAge(int age);

// The body as a JSON object, or a VALIDATION_ERROR on "body" that says what is wrong.
Outcome<QJsonObject> parseObject(const QByteArray &body);

// A whole number in [min, max]; records a precise issue and returns nullopt otherwise. Absent
// is an issue only when `required`.
std::optional<qint64> readInteger(const QJsonObject &o, const QString &key, FieldErrors &errors,
                                  qint64 min, qint64 max, bool required,
                                  const QString &prefix = {});

// Validates a search body (origin, destination, dates, adults/children/infants, cabin) against
// the catalogue's airports and the sandbox's today. Pure.
Outcome<TripQuery> parseSearch(const QJsonObject &body, const Catalogue &catalogue,
                               const QDate &today);

// The fare the contract shows for one trip of the catalogue.
Fare makeFare(const Trip &trip, const TripQuery &query, const Catalogue &catalogue,
              const QString &id, const QDateTime &validUntil);

} // namespace fd::sandbox::tmx
