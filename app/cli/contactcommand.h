#pragma once

#include <QStringList>
#include <QTextStream>

namespace fd::cli {

// flightdesk contact --order ID [--email E] [--phone P] [--on-conflict mine|theirs]
//                    (connection flags as for checkout: --provider, --api-base, --api-key-file,
//                     --journal, --timing-scale, --request-timeout, --demo)
// Changes a booked order's contact details (desk/contacts.h). JSON lines on stdout: one
// {"type":"attempt",...} per HTTP attempt, then {"type":"outcome","outcome":"changed"|
// "conflict"|"invalid_input"|"error","order_id","version","message",...}; a conflict names
// both values ("conflicts":[{"field","mine","theirs"}]), invalid input its field "errors".
// Exit: 0 changed (or, with --on-conflict theirs, theirs kept) · 1 error · 2 invalid input or
// usage (nothing sent) · 8 someone else changed the same field and no --on-conflict was given.
int runContact(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace fd::cli
