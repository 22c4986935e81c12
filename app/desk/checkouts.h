#pragma once

// CheckoutFlow is the one engine object handed out: the window and the commands observe its
// signals and press its buttons (submit, retry, resume); everything else here is values.
#include "core/checkoutflow.h"
#include "core/intent.h"
#include "core/passenger.h"
#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

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

    virtual Result<Intent> intent(qint64 intentId) const = 0;
    // Oldest first; Intent::isResumable() tells which of them resume continues.
    virtual Result<QList<Intent>> unfinished() const = 0;
    // Outcomes recorded while nobody was watching (the desk or a command died in between).
    virtual Result<QList<Intent>> outcomesNotShown() const = 0;
    // The outcome is on a screen or printed: never report it as unseen again.
    virtual Result<std::monostate> markOutcomeShown(qint64 intentId) = 0;
};

} // namespace fd::desk
