#pragma once

#include <QStringList>
#include <QTextStream>

namespace fd::desk {
class Orders;
}

namespace fd::cli {

// One line on stderr when opening the journal took group/other permissions off it.
void noteTightenedJournal(QTextStream &err, const QString &command, const desk::Orders &orders);

// flightdesk orders --journal PATH: the journal as JSON for support — every intent with its
// key, order id, booking reference, state, outcome and event log. Passport numbers and birth
// dates are masked; request bodies appear only as a SHA-256 hash. Streamed a journal page at a
// time (memory does not grow with the history); --jsonl writes one intent per line instead of
// one document.
int runOrders(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace fd::cli
