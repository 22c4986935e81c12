#pragma once

#include "bookinggateway.h"
#include "cancellation.h"
#include "clock.h"
#include "journalqueue.h"

#include <QObject>
#include <QString>

namespace fd {

// One cancellation of a booking:
//
//   quote → (agent says yes) → confirming → cancelled | not_cancellable | quote_expired
//                                         → unresolved (retries spent; resume asks again)
//         → (agent says no)  → abandoned
//
// The quote and a freshly minted Idempotency-Key are journaled together before the agent is
// asked; `confirming` is journaled (durably) before the confirm's first byte, and every retry
// — the gateway's own, a resume after a crash — sends the same key for the same quote, so the
// provider refunds once whatever the network does. While a confirm of an order may have been
// sent, asking to cancel it again continues that confirm instead of asking for a second quote.
// The journal is reached through the JournalQueue's thread: the window never waits on it.
class CancellationFlow final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CancellationFlow)

public:
    struct Deps {
        BookingGateway *gateway = nullptr;
        JournalQueue *queue = nullptr;          // must outlive the flow
        CancellationJournal *journal = nullptr; // reached only on the queue's thread
        const Clock *clock = nullptr;
    };

    explicit CancellationFlow(Deps deps, QObject *parent = nullptr);
    ~CancellationFlow() override;

    // Asks `gateway`'s provider to quote cancelling `orderId` and journals the quote with a new
    // key (then `quoted`), or — when a confirm of that order may already have been sent —
    // continues that confirm with its own key (`quoted` with resumed = true, then the outcome).
    void requestQuote(const QString &orderId);
    // The agent said yes. An expired quote (by the clock) ends quote_expired with nothing sent.
    void confirm();
    // The agent said no (or closed the dialog): the quote is closed, nothing was sent.
    void decline();
    // Continues a journaled cancellation whose confirm may have been sent (confirming,
    // unresolved): the confirm again, with the same key. Never a second quote.
    void resume(const CancellationRecord &record);

    const CancellationRecord &record() const { return m_record; }
    // True between a confirm being journaled and its outcome.
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    // The quote is journaled with its key; `resumed` means a confirm of it may already have
    // been sent and it is being finished without asking.
    void quoted(const fd::CancellationRecord &record, bool resumed);
    void stateEntered(fd::CancellationState state);
    // Where it stopped: a final state, `unresolved`, or `confirming` when the journal could not
    // record the answer (interrupted: resume finishes it). `message` is for people.
    void finished(fd::CancellationState state, const QString &message);

private:
    void confirmStored();
    void sendConfirm();
    void onConfirmed(const GatewayResult<Cancellation> &r);
    void conclude(CancellationState state, const QString &message);
    AttemptLog attemptLog();

    Deps m_d;
    CancellationRecord m_record;
    bool m_busy = false;
    bool m_done = false;
};

} // namespace fd
