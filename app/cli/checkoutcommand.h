#pragma once

#include <QStringList>
#include <QTextStream>

namespace fd::cli {

// flightdesk checkout (--offer ID | --search FROM-TO[/DATE]) --passengers FILE --journal PATH
//                     (--api-base URL [--api-key KEY] | --demo [--scenario NAME])
//                     [--webhook-listen HOST:PORT --webhook-secret S]
//                     [--timing-scale F] [--request-timeout SECONDS]
// flightdesk resume   (same connection flags, no --offer/--passengers)
// JSON lines on stdout: one {"type":"state",...} per state entered, then one
// {"type":"outcome",...}. Exit: 0 ticketed, 1 error, 2 invalid input, 3 failed, 4 offer
// unavailable,
//       5 insufficient funds, 6 unresolved, 7 interrupted.
int runCheckout(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runResume(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace fd::cli
