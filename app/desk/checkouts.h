#pragma once

// CheckoutFlow is the one engine object handed out: the window and the commands observe its
// signals and press its buttons (submit, retry, resume); everything else here is values.
#include "core/checkoutflow.h"
#include "core/intent.h"
#include "core/passenger.h"
#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <variant>

namespace fd::desk {

// Checkout intents: opening a new one, continuing one from the journal, and the outcomes
// nobody has seen yet.
class Checkouts {
public:
    virtual ~Checkouts() = default;

    // A new checkout intent, booked with `provider` (the offer's; empty = the desk's first):
    // its Idempotency-Key is minted and stored before any call. The flow has no parent; the
    // caller owns it (deleting it releases its lease, the journal keeps the intent).
    virtual Result<CheckoutFlow *> open(const QString &provider, const QString &offerId,
                                        const QJsonObject &offer,
                                        const QList<Passenger> &passengers) = 0;
    // A flow for an intent already in the journal (resume, or a second window); owned as above.
    virtual CheckoutFlow *flowFor(qint64 intentId) = 0;
    // The same for an intent just read (no second read).
    virtual CheckoutFlow *flowForIntent(const Intent &intent) { return flowFor(intent.id); }
    virtual Result<Intent> intent(qint64 intentId) const = 0;

    // What the window uses: the same, off its thread. The journal's work runs where it cannot
    // freeze the window (a slow disk, an agency database that stopped answering), and `done`
    // comes back on `context`'s thread — never once `context` is gone (then no flow is made).
    // A journal that cannot store the key refuses, so nothing is ever sent without it.
    virtual void openLater(const QString &provider, const QString &offerId,
                           const QJsonObject &offer, const QList<Passenger> &passengers,
                           QObject *context, std::function<void(Result<CheckoutFlow *>)> done) {
        auto flow = open(provider, offerId, offer, passengers);
        QTimer::singleShot(0, context, [done = std::move(done), flow] { done(flow); });
    }
    virtual void readIntent(qint64 intentId, QObject *context,
                            std::function<void(Result<Intent>)> done) {
        auto read = intent(intentId);
        QTimer::singleShot(0, context, [done = std::move(done), read] { done(read); });
    }
    // What the last session left open, as a window reads it when it starts: both lists in one
    // read, off the window's thread on the desk (the first frame waits for neither), `done` on
    // `context`'s thread unless it is gone.
    struct LeftOpen {
        QList<Intent> outcomesNotShown;
        QList<Intent> unfinished;
    };
    virtual void readLeftOpen(QObject *context, std::function<void(Result<LeftOpen>)> done) {
        Result<LeftOpen> read = leftOpen(outcomesNotShown(), unfinished());
        QTimer::singleShot(0, context, [done = std::move(done), read] { done(read); });
    }
    static Result<LeftOpen> leftOpen(Result<QList<Intent>> notShown,
                                     Result<QList<Intent>> unfinished) {
        if (!notShown)
            return notShown.error();
        if (!unfinished)
            return unfinished.error();
        return LeftOpen{std::move(notShown).value(), std::move(unfinished).value()};
    }
    // Oldest first; Intent::isResumable() tells which of them resume continues.
    virtual Result<QList<Intent>> unfinished() const = 0;
    // Outcomes recorded while nobody was watching (the desk or a command died in between).
    virtual Result<QList<Intent>> outcomesNotShown() const = 0;
    // The outcome is on a screen or printed: never report it as unseen again. (The desk queues
    // it behind the journal's other writes; a refusal only means it may be reported again.)
    virtual Result<std::monostate> markOutcomeShown(qint64 intentId) = 0;
};

} // namespace fd::desk
