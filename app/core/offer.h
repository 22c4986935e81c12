#pragma once

#include "money.h"
#include "result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fd {

struct Place {
    QString iataCode;
    QString countryCode;
    QString cityName;
    QString timeZone; // IANA ("Africa/Lagos"); empty when not given or unknown: shown as UTC
    // From the places endpoint (the completer): "Murtala Muhammed International Airport", and
    // "airport" or "city" (a city groups its airports, e.g. LON).
    QString name;
    QString type;
};

struct Slice {
    Place origin;
    Place destination;
    QDateTime departingAt;
    QDateTime arrivingAt;
    int segmentCount = 0;
};

struct OfferPassenger {
    QString id;
    QString type;
};

// What passenger validation needs to know about the journey.
struct Trip {
    bool international = false;
    std::optional<QDate> firstDeparture;
    std::optional<QDate> lastArrival;
    QStringList passengerTypes; // the offer's passengers in order; empty when unknown
};

struct Offer {
    QString id;
    QString provider; // who sells it ("travelbase"): the checkout books with that provider
    QDateTime expiresAt;
    Money total;
    std::optional<QDateTime> priceGuaranteeExpiresAt;
    bool requiresInstantPayment = false;
    QString ownerIata;
    QString ownerName;
    QList<Slice> slices;
    QList<OfferPassenger> passengers;
    bool identityDocumentsRequired = false;
    QJsonObject raw; // as received, for the journal

    // International when any slice crosses a border, or the provider asks for documents.
    bool isInternational() const;
    Trip trip() const;
};

struct Wallet {
    Money available;
};

// RFC 3339 in UTC as the contract writes it ("2026-12-10T08:00:00Z"); invalid when it is not.
QDateTime parseApiTime(const QString &text);
// An airport's IANA time zone as the contracts write it ("Europe/London"); empty when it is
// missing, too long, not shaped like an IANA name, or unknown to the system's tz database.
QString parseTimeZone(const QString &text);

} // namespace fd
