#pragma once

// Lookups only tests need: the desk reaches an intent by id (the flow, a tab, a command) or by
// order id inside one webhook transaction, never by key from outside.

#include "storage/orderjournal.h"

#include <functional>

#include <optional>

namespace fd::test {

inline std::optional<Intent> intentWhere(const OrderJournal &journal,
                                         const std::function<bool(const Intent &)> &match) {
    const auto all = journal.all();
    if (!all)
        qFatal("journal unreadable: %s", qPrintable(all.error().message));
    for (const Intent &i : *all)
        if (match(i))
            return i;
    return std::nullopt;
}

inline std::optional<Intent> intentByKey(const OrderJournal &journal, const QString &key) {
    return intentWhere(journal, [&](const Intent &i) { return i.idempotencyKey == key; });
}

inline std::optional<Intent> intentByOrderId(const OrderJournal &journal, const QString &orderId) {
    return intentWhere(journal, [&](const Intent &i) { return i.orderId == orderId; });
}

} // namespace fd::test
