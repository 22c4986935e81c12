#include "checkoutflow.h"

#include "checkoutflow_p.h"

#include <QAbstractTransition>
#include <QCoreApplication>
#include <QEvent>
#include <QRegularExpression>
#include <QState>
#include <QStateMachine>

#include <utility>

namespace fd {

namespace {
const QEvent::Type kStepEventType = static_cast<QEvent::Type>(QEvent::registerEventType());

struct StepEvent final : QEvent {
    explicit StepEvent(int s)
        : QEvent(kStepEventType)
        , step(s) {}
    int step;
};

// " (desk "front-2", process 4711; …released at 10:42:07)" for a lease holder, so the agent
// knows where the booking is open. Owner ids are "<desk>/<pid>-<random>" (the desk is
// FLIGHTDESK_DESK_ID or the host name); `self` is this desk's own id.
QString leaseHolderDescription(const QString &holder, const QDateTime &until, const QString &self) {
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("(.{1,64})/([0-9]{1,10})-[0-9a-f]+")));
    const auto m = re.match(holder);
    if (!m.hasMatch())
        return {};
    const QString desk = m.captured(1);
    const QString where =
        self.startsWith(desk + QLatin1Char('/'))
            ? CheckoutFlow::tr("on this desk, process %1").arg(m.captured(2))
            : CheckoutFlow::tr("desk \"%1\", process %2").arg(desk, m.captured(2));
    if (!until.isValid())
        return QStringLiteral(" (%1)").arg(where);
    //: %1 where the booking is open; %2 a local time, e.g. 10:42:07.
    return CheckoutFlow::tr(" (%1; if it has stopped, the booking is released at %2)")
        .arg(where, until.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
}
} // namespace

// A transition taken when the flow posts one particular step.
class CheckoutFlow::StepTransition final : public QAbstractTransition {
public:
    explicit StepTransition(Step step)
        : m_step(static_cast<int>(step)) {}

protected:
    bool eventTest(QEvent *e) override {
        return e->type() == kStepEventType && static_cast<StepEvent *>(e)->step == m_step;
    }
    void onTransition(QEvent *) override {}

private:
    int m_step;
};

CheckoutFlow::CheckoutFlow(Deps deps, qint64 intentId, QObject *parent)
    : QObject(parent)
    , m_d(std::move(deps))
    , m_intentId(intentId)
    , m_machine(std::make_unique<QStateMachine>()) {
    buildMachine();
    load();
}

CheckoutFlow::~CheckoutFlow() {
    ++m_generation;
    m_machine->stop();
    releaseLease();
}

void CheckoutFlow::buildMachine() {
    using St = CheckoutState;
    const auto makeState = [this](CheckoutState which) {
        auto *s = new QState(m_machine.get());
        s->setObjectName(state::name(which));
        return s;
    };
    QState *editing = makeState(St::Editing);
    QState *validating = makeState(St::Validating);
    QState *invalidInput = makeState(St::InvalidInput);
    QState *creating = makeState(St::Creating);
    QState *ticketing = makeState(St::Ticketing);
    QState *processing = makeState(St::Processing);
    QState *ticketed = makeState(St::Ticketed);
    QState *failed = makeState(St::Failed);
    QState *offerUnavailable = makeState(St::OfferUnavailable);
    QState *insufficientFunds = makeState(St::InsufficientFunds);
    QState *interrupted = makeState(St::Interrupted);
    QState *unresolved = makeState(St::Unresolved);
    QState *error = makeState(St::Error);

    const auto on = [](QState *from, Step step, QAbstractState *to) {
        auto *t = new StepTransition(step);
        t->setTargetState(to);
        from->addTransition(t);
    };
    on(editing, Step::Submit, validating);
    on(editing, Step::ResumeValidate, validating);
    on(editing, Step::ResumeCreate, creating);
    on(editing, Step::ResumeTicket, ticketing);
    on(editing, Step::ResumeProcess, processing);
    on(invalidInput, Step::Submit, validating);
    on(validating, Step::LocalInvalid, invalidInput);
    on(validating, Step::Validated, creating);
    for (QState *s : {validating, creating}) {
        on(s, Step::OfferGone, offerUnavailable);
        on(s, Step::FundsShort, insufficientFunds);
    }
    on(creating, Step::Created, ticketing);
    on(creating, Step::CreatedAwaitingOutcome, processing);
    on(creating, Step::Rejected, invalidInput);
    on(creating, Step::Unresolved, unresolved); // an order the journal could not record
    on(ticketing, Step::TicketAccepted, processing);
    on(ticketing, Step::Unresolved, unresolved);
    on(processing, Step::Unresolved, unresolved);
    on(insufficientFunds, Step::ResumeValidate, validating);
    on(interrupted, Step::ResumeValidate, validating);
    on(interrupted, Step::ResumeCreate, creating);
    on(interrupted, Step::ResumeTicket, ticketing);
    on(interrupted, Step::ResumeProcess, processing);
    for (QState *s : {validating, creating, ticketing, processing})
        on(s, Step::Interrupt, interrupted);
    // Every state that can be busy can be told to stop: a refused lease, a journal that cannot
    // be read. (A fatal step from processing was once dropped, and a refused resume hung.)
    for (QState *s : {editing, validating, creating, ticketing, processing, interrupted,
                      insufficientFunds, unresolved})
        on(s, Step::Fatal, error);
    // The outcome can arrive at any moment after a create was sent, even before its response.
    for (QState *s : {editing, creating, ticketing, processing, unresolved, interrupted, error}) {
        on(s, Step::OrderTicketed, ticketed);
        on(s, Step::OrderFailed, failed);
    }

    // The network steps write to the journal only while this flow holds the intent's lease:
    // a second window or process on the same intent stops here and touches nothing. The
    // intent's provider and the lease are one journal call; the step runs when it answers.
    const auto networkStep = [this](QState *busyState, CheckoutState which,
                                    void (CheckoutFlow::*step)()) {
        connect(busyState, &QState::entered, this, [this, which, step] {
            const quint64 entry = ++m_generation; // answers for the state left are stale now
            m_moving = true;                      // until the state is entered
            struct Claim {
                QString provider;
                bool ours = false;
                bool granted = false;
                QString holder;      // who holds it when refused ("<desk>/<pid>-<random>")
                QDateTime heldUntil; // when that lease lapses unless renewed
            };
            const qint64 id = m_intentId;
            const QString owner = m_d.leaseOwner;
            const QDateTime now = m_d.clock->now();
            const auto ttl = leaseTtl();
            const bool held = m_leaseHeld;
            const QString gatewayProvider = m_d.gateway->providerId();
            ask<Claim>(
                [=](CheckoutJournal &j) {
                    Claim c;
                    const auto intent = j.intent(id);
                    c.provider = intent ? intent->provider : QString();
                    // Booked with another provider than this flow's gateway: never sent here,
                    // and nothing written, so the desk connected to it can still finish it.
                    c.ours = c.provider.isEmpty() || c.provider == gatewayProvider;
                    if (c.ours && held) {
                        c.granted = true;
                    } else if (c.ours) {
                        const auto r = j.acquireLease(id, owner, now, ttl);
                        c.granted = r.ok() && *r == LeaseResult::Granted;
                        if (!c.granted)
                            if (const auto holding = j.intent(id)) {
                                c.holder = holding->leaseOwner;
                                c.heldUntil = holding->leaseExpiresAt;
                            }
                    }
                    return c;
                },
                [this, entry, which, step](const Claim &c) {
                    if (c.granted)
                        holdLease(); // kept, and released at the outcome, even if moved on
                    if (entry != m_generation)
                        return; // the outcome came meanwhile (a webhook)
                    const bool mine = c.ours && c.granted;
                    m_busyElsewhere = !mine;
                    enter(which);
                    if (!c.ours) {
                        m_outcomeMessage =
                            tr("This booking belongs to %1, not %2; it is not sent from "
                               "here. Open it where FlightDesk is connected to %1.")
                                .arg(c.provider, m_d.gateway->providerId());
                        return post(Step::Fatal);
                    }
                    if (!mine) {
                        m_outcomeMessage =
                            tr("This booking is already being handled by another "
                               "window or process%1; it will not be sent twice.")
                                .arg(leaseHolderDescription(c.holder, c.heldUntil, m_d.leaseOwner));
                        return post(Step::Fatal);
                    }
                    (this->*step)();
                });
        });
    };
    networkStep(validating, St::Validating, &CheckoutFlow::onValidating);
    networkStep(creating, St::Creating, &CheckoutFlow::onCreating);
    networkStep(ticketing, St::Ticketing, &CheckoutFlow::onTicketing);
    networkStep(processing, St::Processing, &CheckoutFlow::onProcessing);
    connect(editing, &QState::entered, this, [this] {
        m_state = CheckoutState::Editing;
        m_shownState = CheckoutState::Editing;
        Q_EMIT stateEntered(CheckoutState::Editing, {});
    });
    connect(invalidInput, &QState::entered, this, [this] {
        conclude(Outcome::InvalidInput, tr("Some passenger details need fixing; nothing was sent."),
                 {{QStringLiteral("errors"), static_cast<int>(m_report.errors.size())}});
    });
    connect(ticketed, &QState::entered, this, [this] {
        conclude(Outcome::Ticketed, tr("Ticketed. Booking reference %1.").arg(bookingReference()));
    });
    connect(failed, &QState::entered, this, [this] {
        conclude(Outcome::Failed, tr("The airline did not confirm the booking; no charge was "
                                     "applied. Search again for this route."));
    });
    connect(offerUnavailable, &QState::entered, this,
            [this] { conclude(Outcome::OfferUnavailable, m_outcomeMessage); });
    connect(insufficientFunds, &QState::entered, this,
            [this] { conclude(Outcome::InsufficientFunds, m_outcomeMessage); });
    connect(interrupted, &QState::entered, this, [this] {
        conclude(Outcome::Interrupted, m_outcomeMessage,
                 {{QStringLiteral("step"), state::name(m_interruptedStep)}});
    });
    connect(unresolved, &QState::entered, this, [this] {
        // From ticketing, the ticket action was refused (or the journal failed); from creating,
        // the order id could not be recorded: that step left its own words, with the reason.
        // From processing, the airline has not answered in time.
        const bool refused =
            current() == CheckoutState::Ticketing || current() == CheckoutState::Creating;
        conclude(Outcome::Unresolved,
                 refused ? m_outcomeMessage
                         : tr("The airline has not answered for order %1. Contact support with "
                              "this order id; do not book again.")
                               .arg(orderId()));
        if (orderId().isEmpty())
            return; // nothing to read back; resume sends the same create with the same key
        const quint64 generation = m_generation;
        m_d.scheduler->after(m_d.timing.scaled(m_d.timing.pollInterval), this,
                             [this, generation] { poll(generation); });
    });
    connect(error, &QState::entered, this, [this] { conclude(Outcome::Error, m_outcomeMessage); });
    m_machine->setInitialState(editing);
}

void CheckoutFlow::start() {
    if (m_starting || m_machine->isRunning())
        return;
    m_starting = true;
    m_machine->start();
}

void CheckoutFlow::post(Step step) {
    m_machine->postEvent(new StepEvent(static_cast<int>(step)));
}

void CheckoutFlow::load() {
    const qint64 id = m_intentId;
    ask<Result<Intent>>([id](CheckoutJournal &j) { return j.intent(id); },
                        [this](const Result<Intent> &intent) {
                            if (intent)
                                remember(*intent);
                            m_loaded = true;
                            if (std::exchange(m_submitWhenLoaded, false)) {
                                m_moving = false;
                                submit();
                            }
                        });
}

void CheckoutFlow::remember(const Intent &intent) {
    m_key = intent.idempotencyKey;
    m_orderId = intent.orderId;
    m_bookingReference = intent.bookingReference;
    m_frozen = intent.isFrozen();
}

void CheckoutFlow::enter(CheckoutState next, const QJsonObject &detail) {
    ++m_generation;
    m_state = next;
    m_moving = false;
    const qint64 id = m_intentId;
    const bool write = !m_busyElsewhere;
    ask<bool>(
        [id, next, detail, write](CheckoutJournal &j) {
            if (write)
                j.setState(id, next, detail);
            return true;
        },
        [this, next, detail](bool) {
            m_shownState = next;
            m_outcome.reset();
            Q_EMIT stateEntered(next, detail);
        });
}

void CheckoutFlow::conclude(Outcome outcome, const QString &message, const QJsonObject &detail) {
    const CheckoutState next = outcomeState(outcome);
    ++m_generation;
    m_state = next;
    m_moving = false;
    m_outcomeMessage = message;
    const qint64 id = m_intentId;
    const QString owner = m_d.leaseOwner;
    const bool write = !m_busyElsewhere;
    const bool release = write && m_leaseHeld;
    if (release)
        m_leaseHeld = false;
    ask<bool>(
        [id, owner, next, detail, message, write, release](CheckoutJournal &j) {
            if (write) {
                j.setState(id, next, detail);
                j.setOutcome(id, next, message);
            }
            if (release)
                j.releaseLease(id, owner);
            return true;
        },
        [this, next, detail, outcome, message](bool) {
            m_shownState = next;
            m_outcome.reset();
            Q_EMIT stateEntered(next, detail);
            m_outcome = outcome;
            m_shownMessage = message;
            Q_EMIT outcomeReached(outcome, message);
        });
}

QString CheckoutFlow::outcomeName(Outcome outcome) {
    return state::name(outcomeState(outcome));
}

CheckoutState CheckoutFlow::outcomeState(Outcome outcome) {
    switch (outcome) {
    case Outcome::Ticketed:
        return CheckoutState::Ticketed;
    case Outcome::Failed:
        return CheckoutState::Failed;
    case Outcome::OfferUnavailable:
        return CheckoutState::OfferUnavailable;
    case Outcome::InsufficientFunds:
        return CheckoutState::InsufficientFunds;
    case Outcome::Interrupted:
        return CheckoutState::Interrupted;
    case Outcome::Unresolved:
        return CheckoutState::Unresolved;
    case Outcome::InvalidInput:
        return CheckoutState::InvalidInput;
    case Outcome::Error:
        return CheckoutState::Error;
    }
    return CheckoutState::Error;
}

bool CheckoutFlow::isBusy() const {
    return m_moving || m_submitWhenLoaded || (m_state && state::isBusy(*m_state));
}

} // namespace fd
