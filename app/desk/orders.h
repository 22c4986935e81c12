#pragma once

#include "core/intent.h"
#include "core/result.h"

#include <QList>
#include <QString>

#include <memory>

namespace fd {
class OrderJournal;
}

namespace fd::desk {

// The order history, read from the journal: every intent and one intent's timeline.
class Orders {
public:
    virtual ~Orders() = default;

    virtual Result<QList<Intent>> all() const = 0; // newest first
    virtual Result<QList<JournalEvent>> events(qint64 intentId) const = 0;
    // The journal file could be read by others when it was opened, and is private now: say so
    // once.
    virtual bool tightenedOnOpen() const = 0;
    virtual QString journalPath() const = 0;
};

// The journal at `path`, opened for reading the history (`flightdesk orders`); it must exist.
Result<std::unique_ptr<Orders>> openOrders(const QString &path);
// Over a journal that someone else opened and keeps open (the session, tests).
std::unique_ptr<Orders> makeOrders(OrderJournal &journal);

} // namespace fd::desk
