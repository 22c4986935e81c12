#pragma once

#include <QStringList>
#include <QTextStream>

namespace fd::cli {

// flightdesk queue --journal PATH|URL [--limit N] [--ack ID [--by NAME]]: the schedule-change
// queue. Without --ack, one JSON line per unacknowledged change, oldest first: its id, order,
// booking reference and each flight's old and new times (UTC, with the airports' IANA zones).
// With --ack, takes that change off the queue and prints one line saying whether this call did
// (a second acknowledge is harmless: "acknowledged": false, exit 0); an unknown id exits 1.
// A command of its own, not an `orders` flag: the queue is a worklist with an action, where
// `orders` is a read-only history whose output support tools already parse.
int runQueue(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace fd::cli
