#pragma once

#include <QString>

namespace fd::iso {

// Backed by Debian's iso-codes JSON, embedded at build time (see app/core/CMakeLists.txt).
bool isCountry(const QString &alpha2);      // ISO 3166-1 alpha-2, upper case
QString countryName(const QString &alpha2); // empty when unknown
bool isCurrency(const QString &alpha3);     // ISO 4217 alphabetic code, upper case

} // namespace fd::iso
