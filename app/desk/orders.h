#pragma once

#include "core/cancellation.h"
#include "core/intent.h"
#include "core/result.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <utility>
#include <variant>

namespace fd {
class JournalQueue;
class OrderJournal;
} // namespace fd

namespace fd::desk {

// One page of the order history, newest first.
struct IntentPage {
    QList<Intent> intents;
    qint64 nextBeforeId = 0; // where the next page starts; 0 = this was the last page
};

// The order history, read from the journal a page at a time (never all of it at once, so a
// long history costs neither the window's first frame nor a command's memory), and one
// intent's timeline.
class Orders {
public:
    virtual ~Orders() = default;

    // Up to `limit` intents older than `beforeId` (0 = from the newest), newest first.
    virtual Result<IntentPage> page(qint64 beforeId, int limit) const = 0;
    virtual Result<qint64> count() const = 0;
    // Every intent, newest first, holding one page at a time; `visit` returning false stops.
    virtual Result<std::monostate>
    forEach(const std::function<bool(const Intent &)> &visit) const = 0;
    virtual Result<QList<JournalEvent>> events(qint64 intentId) const = 0;
    // The cancellations of a booking, newest first (quotes nobody confirmed included).
    virtual Result<QList<CancellationRecord>> cancellations(const Intent &intent) const = 0;
    // Cancellations whose confirm may have been sent and whose outcome is unknown.
    virtual Result<QList<CancellationRecord>> unfinishedCancellations() const = 0;
    // The intents whose schedule changed and nobody acknowledged it yet (the queue).
    virtual Result<QSet<qint64>> scheduleChangesWaiting() const = 0;
    // What the window uses: the same reads, on the journal's own thread when the desk has one
    // (a slow disk or a database that stopped answering never freezes the window). `done` runs
    // on `context`'s thread, never once it is gone; a source that has the answer at hand (a
    // test's fake) may call it before returning.
    virtual void readPage(qint64 beforeId, int limit, QObject *context,
                          std::function<void(Result<IntentPage>)> done) const {
        Q_UNUSED(context);
        const auto answer = std::move(done);
        answer(page(beforeId, limit));
    }
    virtual void readEvents(qint64 intentId, QObject *context,
                            std::function<void(Result<QList<JournalEvent>>)> done) const {
        Q_UNUSED(context);
        const auto answer = std::move(done);
        answer(events(intentId));
    }
    // The journal file could be read by others when it was opened, and is private now: say so
    // once.
    virtual bool tightenedOnOpen() const = 0;
    virtual QString journalPath() const = 0;
};

// The journal at `location` (a file path, or a postgresql:// URL), opened for reading the history
// (`flightdesk orders`). A file must exist; an agency database is opened as it is.
// `password`: the agency database's, when the caller has it (savedAgencyPassword).
Result<std::unique_ptr<Orders>> openOrders(const QString &location, const QString &password = {});
// `location` checked before anything is opened, with one clear message when it cannot be used (a
// URL with a password, a malformed URL): what a command says about its --journal.
Result<std::monostate> checkJournalLocation(const QString &location);
// Where a command's journal is: --journal when given, else the FLIGHTDESK_JOURNAL environment
// variable (the agency's database URL, set once per desk); empty when neither is.
QString journalOrEnvironment(const QString &journalOption);
// Over a journal that someone else opened and keeps open (the session, tests).
std::unique_ptr<Orders> makeOrders(OrderJournal &journal);
// The same, reading for the window on `queue`'s thread (which must outlive the Orders).
std::unique_ptr<Orders> makeOrders(OrderJournal &journal, JournalQueue &queue);

} // namespace fd::desk
