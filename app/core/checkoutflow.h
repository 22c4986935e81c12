#pragma once

#include "bookinggateway.h"
#include "checkoutjournal.h"
#include "clock.h"
#include "issue.h"
#include "offer.h"
#include "passenger.h"
#include "scheduler.h"
#include "timingpolicy.h"

#include <QHash>
#include <QObject>
#include <QString>

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
// unresolved and error. Every state entered is written to the journal first; the
// Idempotency-Key was minted when the intent was created and is reused on every retry.
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
        CheckoutJournal *journal = nullptr;
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
    // editing/invalid_input → validating. Anywhere else it does nothing and says why.
    bool submit();
    // insufficient_funds → validating, once the wallet was topped up.
    bool retryAfterTopUp();
    // interrupted → the step that was cut short, with the same key.
    bool retrySafely();
    // A webhook said something about our order. A failure is believed only once a by-id read
    // of the order agrees (a forged or mistaken "failed" must never tell the agent "no
    // charge"); if the read disagrees, the read wins and the event is noted as disputed.
    void orderUpdated(const OrderSnapshot &order);

    // Draft until the flow has entered its first state.
    CheckoutState state() const { return m_state.value_or(CheckoutState::Draft); }
    qint64 intentId() const { return m_intentId; }
    QString idempotencyKey() const;
    QString orderId() const;
    QString bookingReference() const;
    std::optional<Outcome> outcome() const { return m_outcome; }
    QString outcomeMessage() const { return m_outcomeMessage; }
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
    void enter(CheckoutState state, const QJsonObject &detail = {});
    void noteProviderStatus(const OrderSnapshot &order);
    void finish(Outcome outcome, const QString &message);
    AttemptLog attemptLog(const QString &call);
    bool acquireLease();
    void renewLease();
    void releaseLease();

    void onValidating();
    void onCreating();
    void onTicketing();
    void onProcessing();
    void poll(quint64 generation);
    // What the provider itself answered about our order (a by-id read, the ticket call).
    void applyRead(const OrderSnapshot &order);
    void confirmFailure(const OrderSnapshot &claimed);
    void onCreateFailed(const GatewayFailure &failure);
    void applyIfFinal();

    Deps m_d;
    qint64 m_intentId;
    std::unique_ptr<QStateMachine> m_machine;
    std::optional<CheckoutState> m_state; // empty until the first state is entered
    bool m_moving = false; // a step was posted and its state not entered yet: a press is ignored
    CheckoutState m_interruptedStep = CheckoutState::Creating; // what `retrySafely` resumes
    quint64 m_generation = 0; // bumps on every state entry: stale timers and replies are ignored
    bool m_starting = false;
    bool m_leaseHeld = false;
    QDateTime m_leaseRenewedAt;   // the last time the journal granted or renewed the lease
    bool m_busyElsewhere = false; // another window or process holds this intent: write nothing
    bool m_confirming = false;    // a by-id read checking a webhook's "failed" is under way
    std::optional<Outcome> m_outcome;
    QString m_outcomeMessage;
    Report m_report;
    std::optional<Offer> m_freshOffer;
};

} // namespace fd
