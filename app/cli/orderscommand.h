#pragma once

#include <QStringList>
#include <QTextStream>

namespace fd::cli {

// flightdesk orders --journal PATH: the journal as JSON for support — every intent with its
// key, order id, booking reference, state, outcome and event log. Passport numbers and birth
// dates are masked; request bodies appear only as a SHA-256 hash.
int runOrders(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace fd::cli
