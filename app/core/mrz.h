#pragma once

#include "issue.h"
#include "result.h"

#include <QDate>
#include <QList>
#include <QString>

// The machine-readable zone of a passport's photo page (ICAO 9303 part 4, TD3: two lines of 44
// characters), read into the fields of a booking.
namespace fd::mrz {

struct Passport {
    QString documentType;           // "P", or "P" plus the issuer's subtype letter ("PD")
    QString issuingState;           // as printed: ICAO three-letter code ("UTO", "NGA", "D")
    QString issuingCountryCode;     // ISO 3166-1 alpha-2 ("NG"); empty when the code has none
    QString familyName;             // "ERIKSSON" (filler '<' read as a space)
    QString givenNames;             // "ANNA MARIA"
    QString documentNumber;         // "L898902C3"
    QString nationality;            // ICAO three-letter code
    QString nationalityCountryCode; // ISO 3166-1 alpha-2, empty when none
    QDate birthDate;                // null when the zone does not give a whole date
    QString gender;                 // "m", "f", or empty when the passport says neither
    QDate expiryDate;
    QString personalNumber; // optional data, empty when absent

    // Findings that still let the fields be used, each with its own code and the API's field
    // name: a failed check digit (document_number_check, birth_date_check, expiry_date_check,
    // personal_number_check, composite_check — errors), an issuing state or nationality with no
    // ISO 3166 country (unknown_issuing_state, unknown_nationality), a name that may be cut
    // short (name_truncated), no m/f (gender_unspecified) — warnings.
    QList<Issue> issues;

    bool checkDigitsOk() const;
};

// Accepts what an agent pastes: surrounding whitespace, CRLF, lower case, or both lines run
// together. Text that is not a TD3 passport zone at all is an Error (codes: empty,
// wrong_line_count, wrong_line_length, invalid_characters, not_a_passport). `today` settles the
// century of two-digit years.
Result<Passport> parse(const QString &text, const QDate &today);

// Whether pasted text is meant as a machine-readable zone (right or wrong): filler "<<", and
// nothing but A–Z, 0–9, '<' and line breaks, 30 to 200 characters. What a form uses to tell a
// pasted zone from a pasted name or e-mail address.
bool looksLikeZone(const QString &text);

// ICAO 9303 check digit (weights 7, 3, 1; '<' counts 0, A–Z count 10–35); -1 when `field`
// has a character outside 0–9, A–Z and '<'.
int checkDigit(QStringView field);

} // namespace fd::mrz
