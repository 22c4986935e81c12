#pragma once

#include "issue.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

// Pure checks of single passenger fields. Each returns the findings for that field (errors and
// warnings), with `passenger` and `field` left for the caller to fill in.
namespace fd::rules {

QList<Issue> name(const QString &value);
// A name written only with letters a passport's machine-readable zone can carry (A–Z), or the
// closest such spelling (ICAO 9303 transliteration, keeping case: "Müller" → "Mueller", "José" →
// "Jose").
QString mrzSpelling(const QString &name);

// Strict YYYY-MM-DD and a real calendar date; nullopt when it is not.
std::optional<QDate> isoDate(const QString &value);
QList<Issue> bornOn(const QString &value, const QDate &today);
QList<Issue> gender(const QString &value);
QList<Issue> title(const QString &value);
QList<Issue> email(const QString &value);
QList<Issue> phoneNumber(const QString &value);
// The phone rule's two ways to the same verdict, for its equivalence test: libphonenumber's
// Parse (the reference, with every leniency: a trunk prefix after the country code, an Italian
// leading zero), and the common case's short cut (an E.164 number whose country code and
// national number need no parsing), which only ever answers "valid" (nullopt: ask Parse).
enum class PhoneVerdict { Valid, NotValidForRegion, NotPossible };
PhoneVerdict phoneVerdictByParse(const QString &e164);
std::optional<PhoneVerdict> phoneVerdictShortCut(const QString &e164);

QList<Issue> passportNumber(const QString &value);
QList<Issue> issuingCountry(const QString &value);
// expiresOn must fall after the trip's last arrival; under six months after the first departure
// is a warning (many countries refuse entry then).
QList<Issue> passportExpiry(const QString &value, const QDate &firstDeparture,
                            const QDate &lastArrival);

// Completed years on `on` (a 29 February birthday counts on 1 March in common years).
int ageOn(const QDate &born, const QDate &on);

} // namespace fd::rules
