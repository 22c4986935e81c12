#pragma once

#include <QList>
#include <QString>

namespace fd::iso {

// One ISO 3166-1 entry as Debian's iso-codes has it.
struct Country {
    QString alpha2;     // "NG"
    QString alpha3;     // "NGA"
    QString name;       // "Nigeria"
    QString commonName; // "Bolivia" for "Bolivia, Plurinational State of"; often empty
};

// Backed by Debian's iso-codes JSON, embedded at build time (see app/core/CMakeLists.txt).
// Each file is parsed once, on first use, from any thread.
const QList<Country> &countries();          // every ISO 3166-1 entry, in the file's order
bool isCountry(const QString &alpha2);      // ISO 3166-1 alpha-2, upper case
QString countryName(const QString &alpha2); // empty when unknown
bool isCurrency(const QString &alpha3);     // ISO 4217 alphabetic code, upper case

} // namespace fd::iso
