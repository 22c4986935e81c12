#pragma once

#include <QStringList>
#include <QTextStream>

#include <functional>

namespace fd {
class CancellationFlow;
}

namespace fd::cli {

// flightdesk cancel --order ORDER_ID [--quote-only] [--yes] (connection flags as for checkout)
// JSON lines on stdout: {"type":"quote",...}, one {"type":"state",...} per state entered, then
// {"type":"outcome","outcome":"cancelled"|"not_cancellable"|"quote_expired"|"unresolved"|
// "interrupted"|"not_confirmed"|"error",...}. Without --yes it asks on a terminal, and sends
// nothing when there is none. Exit: 0 cancelled (or the quote shown, --quote-only) · 1 error ·
// 2 usage or not confirmed (nothing sent) · 3 not cancellable · 4 quote expired · 6 unresolved ·
// 7 interrupted (`resume` finishes it with the same key).
int runCancel(const QStringList &arguments, QTextStream &out, QTextStream &err);

// Prints `flow`'s states and its outcome line (resume uses it for the cancellations it
// finishes); calls `done(exit code)` once.
void followCancellation(CancellationFlow *flow, QTextStream &out,
                        const std::function<void(int)> &done);

} // namespace fd::cli
