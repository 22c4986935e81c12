#pragma once

#include "passenger.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace fd {

// A returning traveller as the agency keeps them: what a passenger card needs to be filled
// again. The passport is kept only when the agent asked for it, and only sealed (the store
// encrypts it with a key from the system keychain); `passport` is empty when none was saved
// or when the key is not at hand (`hasPassport` still says one is stored).
struct TravellerProfile {
    QString id; // "prf_" and a UUID; empty until stored
    QString title;
    QString givenName;
    QString familyName;
    QString bornOn; // YYYY-MM-DD
    QString gender; // "m", "f", or empty
    QString email;
    QString phoneNumber; // E.164
    std::optional<IdentityDocument> passport;
    bool hasPassport = false;
    QDateTime updatedAt; // UTC

    QString displayName() const; // "Adaeze Okafor"

    friend bool operator==(const TravellerProfile &, const TravellerProfile &) = default;
};

namespace profiles {

// The profile a booked passenger gives; the passport (the first passport document) only when
// `withPassport`.
TravellerProfile fromPassenger(const Passenger &passenger, bool withPassport);

// `card` filled from the profile: its offer id and type stay; every field the profile has
// replaces the card's (a card's passport stays when the profile has none at hand).
Passenger fill(Passenger card, const TravellerProfile &profile);

// Whether the profile is the same person as `other`: same names (case and accents aside) and
// the same date of birth. Saving such a passenger again updates the profile.
bool samePerson(const TravellerProfile &profile, const TravellerProfile &other);

// Whether what the agent typed names this profile: every word of it starts a word of the
// given or family names, case and accents aside ("ada", "Okaf Ad", "adaeze o"). Blank: no.
bool matchesName(const TravellerProfile &profile, const QString &typed);

// Those of `all` that `typed` names, best first: the given name's start before the family
// name's, then by name; at most `limit`.
QList<TravellerProfile> matching(const QList<TravellerProfile> &all, const QString &typed,
                                 int limit = 8);

// The agency's export: one object per profile, the contract's field names; the passport (number,
// issuing country, expiry) only when `withPassports` and at hand.
QJsonObject exportJson(const QList<TravellerProfile> &profiles, bool withPassports);

// A name folded for matching: lower case, accents taken off ("Adaézé" -> "adaeze").
QString fold(const QString &text);

} // namespace profiles
} // namespace fd
