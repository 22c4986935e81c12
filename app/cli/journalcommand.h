#pragma once

#include <QStringList>
#include <QTextStream>

namespace fd::cli {

// flightdesk journal migrate --from PATH --to URL|PATH: copies a desk's journal into the
// agency's database (OrderJournal::importFrom), idempotently; prints one JSON line
// {"type": "migrated", "from", "to", "copied", "already_there", "events", "conflicts"}.
// Exit: 0 copied (conflicts listed, nothing lost) · 1 error · 2 usage.
int runJournal(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace fd::cli
