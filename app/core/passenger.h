#pragma once

#include "issue.h"
#include "result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace fd {

// Field names and values exactly as in the Travelbase contract.
struct IdentityDocument {
    QString type; // only "passport" is accepted
    QString uniqueIdentifier;
    QString issuingCountryCode;
    QString expiresOn;

    friend bool operator==(const IdentityDocument &, const IdentityDocument &) = default;
};

struct Passenger {
    QString id;   // the offer's passenger id ("pas_1"); empty until matched to an offer
    QString type; // "adult", "child", "infant_without_seat"; empty when unknown
    QString title;
    QString givenName;
    QString familyName;
    QString bornOn;
    QString gender;
    QString email;
    QString phoneNumber;
    QList<IdentityDocument> identityDocuments;

    // The request shape of POST /v1/air/orders (no "type": the offer's passenger id carries it).
    QJsonObject toJson() const;

    friend bool operator==(const Passenger &, const Passenger &) = default;
};

struct PassengerList {
    QList<Passenger> passengers;
    Report typeIssues; // fields present with the wrong JSON type
};

// Reads passengers in the API's shape. A value that is not an array of objects is unusable
// input (an Error); a field of the wrong JSON type becomes a field-level issue instead.
Result<PassengerList> passengersFromJson(const QJsonValue &value);
// The journal's shape: the request shape plus each passenger's "type" when known, so a saved
// draft is read back (passengersFromJson) with its types.
QJsonArray passengersToJournalJson(const QList<Passenger> &passengers);

} // namespace fd
