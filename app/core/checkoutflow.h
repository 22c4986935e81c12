#pragma once

#include "bookinggateway.h"
#include "checkoutjournal.h"
#include "clock.h"
#include "issue.h"
#include "journalqueue.h"
#include "offer.h"
#include "passenger.h"
#include "scheduler.h"
#include "timingpolicy.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QAbstractState;
class QState;
class QStateMachine;

namespace fd {

// One checkout, from offer to ticket, as a QStateMachine with named states:
//
//   editing → validating → creating → ticketing → processing → ticketed | failed
//
// and the detours invalid_input, offer_unavailable, insufficient_funds, interrupted,
// unresolved and error. Every state entered is written to the journal before it is announced;
// the Idempotency-Key was minted when the intent was created and is reused on every retry.
// The journal is reached through a JournalQueue (its own thread): the flow never waits on a disk
// or a database server, it continues when the journal answers, and it sends nothing that
// needs a stored value (the frozen body, the order id, the ticket key) before it is stored.
class CheckoutFlow final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckoutFlow)

public:
    enum class Outcome {
        Ticketed,
        Failed,
        OfferUnavailable,
        InsufficientFunds,
        Interrupted,
        Unresolved,
        InvalidInput,
        Error,
    };
    Q_ENUM(Outcome)

    struct Deps {
        BookingGateway *gateway = nullptr;
        JournalQueue *journal = nullptr; // must outlive the flow
        const Clock *clock = nullptr;
        Scheduler *scheduler = nullptr;
        TimingPolicy timing;
        QString leaseOwner; // unique per process run
    };

    // The intent must exist in the journal (its key is already stored).
    CheckoutFlow(Deps deps, qint64 intentId, QObject *parent = nullptr);
    ~CheckoutFlow() override;

    // Starts in `editing` for a new intent, or where a saved one left off (see resume()).
    void start();
    // Continues an intent from the journal: an unknown create outcome is retried with the same
    // key and bytes; a known order is ticketed or polled; nothing ever makes a second order.
    void resume();

    // Editing only, and only before a create was sent; the key stays the same.
    bool setPassengers(const QList<Passenger> &passengers);
    // editing/invalid_input → validating. Anywhere else it does nothing and says why
    // (submitIgnored). Before the flow has read its intent the decision waits for the journal:
    // true then means "taken", and a refusal still comes as submitIgnored.
    bool submit();
    // insufficient_funds → validating, once the wallet was topped up.
    bool retryAfterTopUp();
    // interrupted → the step that was cut short, with the same key.
    bool retrySafely();
    // A webhook said something about our order. A failure is believed only once a by-id read
    // of the order agrees (a forged or mistaken "failed" must never tell the agent "no
    // charge"); if the read disagrees, the read wins and the event is noted as disputed.
    void orderUpdated(const OrderSnapshot &order);

    // The last state announced (stateEntered), and so already in the journal. Draft until the
    // flow has entered its first state.
    CheckoutState state() const { return m_shownState.value_or(CheckoutState::Draft); }
    qint64 intentId() const { return m_intentId; }
    // As the journal last told this flow (empty until it has read the intent).
    QString idempotencyKey() const { return m_key; }
    QString orderId() const { return m_orderId; }
    QString bookingReference() const { return m_bookingReference; }
    // A create was stored to be sent (and so may have booked), or an order exists.
    bool wasSent() const { return m_frozen || !m_orderId.isEmpty(); }
    // The last outcome announced (outcomeReached), already in the journal.
    std::optional<Outcome> outcome() const { return m_outcome; }
    QString outcomeMessage() const { return m_shownMessage; }
    const Report &validationReport() const { return m_report; }
    bool isBusy() const; // past editing and not at an outcome

    // The state an outcome leaves the checkout in (its name is the CLI's "outcome").
    static CheckoutState outcomeState(Outcome outcome);
    static QString outcomeName(Outcome outcome);

Q_SIGNALS:
    void stateEntered(fd::CheckoutState state, const QJsonObject &detail);
    void outcomeReached(fd::CheckoutFlow::Outcome outcome, const QString &message);
    void stillProcessing();
    void submitIgnored(const QString &reason);
    void intentReplaced(qint64 oldIntentId, qint64 newIntentId); // after a definitive rejection

private:
    enum class Step;
    class StepTransition;

    void buildMachine();
    void post(Step step);
    // Runs `job` on the journal's thread; `then` comes back here (never after this flow is gone).
    template <class R>
    void ask(std::function<R(CheckoutJournal &)> job, std::function<void(R)> then) {
        m_d.journal->ask<R>(this, std::move(job), std::move(then));
    }
    void load();
    void remember(const Intent &intent);
    // The flow's own state, which may be ahead of state() while the journal writes it.
    CheckoutState current() const { return m_state.value_or(CheckoutState::Draft); }
    // A journal answer that gates a send arrived after the flow moved on, or after this desk
    // lost the intent to another one: it must not send.
    bool stale(quint64 generation) const { return generation != m_generation || m_busyElsewhere; }
    void enter(CheckoutState state, const QJsonObject &detail = {});
    // Enters the outcome's state and ends the checkout there (state, outcome and the lease's
    // release in one journal call), announced once written.
    void conclude(Outcome outcome, const QString &message, const QJsonObject &detail = {});
    void noteProviderStatus(const OrderSnapshot &order);
    AttemptLog attemptLog(const QString &call);
    std::chrono::milliseconds leaseTtl() const;
    void holdLease();
    void renewLease();
    void loseLease(const QString &why);
    void releaseLease();

    // Reads the intent on the journal's thread, then runs `step` with it unless the flow moved
    // on meanwhile; an unreadable intent stops the checkout (Fatal).
    void withIntent(void (CheckoutFlow::*step)(const Intent &, quint64));
    void onValidating();
    void validate(const Intent &intent, quint64 generation);
    void onCreating();
    void create(const Intent &intent, quint64 generation);
    void sendCreate(const QByteArray &body, bool sentBefore, quint64 generation);
    void onTicketing();
    void onProcessing();
    void poll(quint64 generation);
    // What the provider itself answered about our order (a by-id read, the ticket call).
    void applyRead(const OrderSnapshot &order);
    void confirmFailure(const OrderSnapshot &claimed);
    void onCreateFailed(const GatewayFailure &failure);
    void applyIfFinal();
    // Ticketed or failed already (a webhook told it first): moves there.
    bool moveIfFinal(const Intent &intent);

    Deps m_d;
    qint64 m_intentId;
    std::unique_ptr<QStateMachine> m_machine;
    std::optional<CheckoutState> m_state;      // empty until the first state is entered
    std::optional<CheckoutState> m_shownState; // the last one written and announced
    bool m_moving = false; // a step was posted and its state not entered yet: a press is ignored
    CheckoutState m_interruptedStep = CheckoutState::Creating; // what `retrySafely` resumes
    quint64 m_generation = 0; // bumps on every state entry: stale timers and replies are ignored
    bool m_starting = false;
    bool m_loaded = false;           // the intent was read once (the cached key and order id)
    bool m_submitWhenLoaded = false; // submit() came first: it is decided once read
    QString m_key;
    QString m_orderId;
    QString m_bookingReference;
    bool m_frozen = false; // the create body is stored: it may have been sent
    bool m_leaseHeld = false;
    bool m_renewing = false;      // a renewal is with the journal
    QDateTime m_leaseRenewedAt;   // the last time the journal granted or renewed the lease
    bool m_busyElsewhere = false; // another window or process holds this intent: write nothing
    bool m_confirming = false;    // a by-id read checking a webhook's "failed" is under way
    std::optional<Outcome> m_outcome;
    QString m_outcomeMessage; // the words for the outcome the flow is heading to
    QString m_shownMessage;   // the announced outcome's
    Report m_report;
    std::optional<Offer> m_freshOffer;
};

} // namespace fd
