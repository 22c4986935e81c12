#pragma once

#include <QStringList>
#include <QTextStream>

namespace fd::cli {

// flightdesk validate --passengers FILE [--offer-file OFFER.json | --international]
//                     [--departure-date YYYY-MM-DD]
// Prints one JSON object {"valid", "errors", "warnings"}; exit 0 valid, 2 invalid, 1 unusable
// input.
int runValidate(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace fd::cli
