#pragma once

// CancellationFlow is handed out like CheckoutFlow: the window and the commands observe its
// signals and press its buttons (confirm, decline); everything else here is values.
#include "core/cancellationflow.h"
#include "core/result.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace fd::desk {

// Cancelling bookings: a flow per cancellation, and the ones a crash or a lost answer left
// unfinished.
class Cancellations {
public:
    virtual ~Cancellations() = default;

    // A flow that cancels bookings of `provider` (a connected provider's id). It has no parent;
    // the caller owns it. Deleting it while a confirm is under way leaves that cancellation
    // `confirming` in the journal, for resume.
    virtual Result<CancellationFlow *> open(const QString &provider) = 0;
    // Cancellations whose confirm may have been sent and whose outcome is unknown, oldest first.
    virtual Result<QList<CancellationRecord>> unfinished() const = 0;
    // The same, off the caller's thread; `done` on `context`'s thread unless it is gone.
    virtual void readUnfinished(QObject *context,
                                std::function<void(Result<QList<CancellationRecord>>)> done) {
        auto read = unfinished();
        QTimer::singleShot(0, context, [done = std::move(done), read] { done(read); });
    }
};

} // namespace fd::desk
