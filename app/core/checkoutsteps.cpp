// What each state of the checkout flow does when it is entered, and the flow's inputs.
#include "checkoutflow_p.h"
#include "offerchecks.h"
#include "passengervalidation.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>

namespace fd {
namespace {

Result<QList<Passenger>> passengersOf(const Intent &intent) {
    auto list = passengersFromJson(intent.passengers);
    if (!list)
        return list.error();
    return list->passengers;
}

// "passengers[0].phone_number" → passenger 0, field "phone_number".
Issue issueFromProvider(const QString &field, const QString &message) {
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("passengers\\[([0-9]+)\\]\\.(.+)")));
    const auto m = re.match(field);
    if (m.hasMatch())
        return {m.captured(1).toInt(), m.captured(2), QStringLiteral("rejected_by_provider"),
                message};
    return {-1, field, QStringLiteral("rejected_by_provider"), message};
}

// The agent's words when the provider's answer ends a checkout in `error` (the GUI shows only
// "The booking stopped" above them; the CLI prints them alone): what the provider said, whether
// anything may have been booked, and who acts next. `key` is empty until a create was sent.
QString stopMessage(const GatewayFailure &f, const QString &key) {
    using K = GatewayFailure::Kind;
    if (f.kind == K::KeyReused) // something was stored under the key: a request with it ran
        return CheckoutFlow::tr("The provider says key %2 was already used for a different "
                                "request (%1), so a request with it may have booked. Contact "
                                "support with this key; do not book again until support answers.")
            .arg(f.message, key);
    if (f.kind == K::Unauthorized) // refused before anything ran (and only a first send gets here)
        return CheckoutFlow::tr("The provider refused the API key (%1). Nothing was booked. Check "
                                "the API key in Settings, then start this checkout again.")
            .arg(f.message);
    if (key.isEmpty())
        return CheckoutFlow::tr("The provider could not check the offer and the wallet (%1). "
                                "Nothing was booked. Contact support if it happens again.")
            .arg(f.message);
    return CheckoutFlow::tr("The provider refused this booking and it is not retried (%1). "
                            "Contact support with key %2 before booking this trip again.")
        .arg(f.message, key);
}

} // namespace

bool CheckoutFlow::setPassengers(const QList<Passenger> &passengers) {
    if (isBusy() || m_frozen)
        return false;
    const QJsonArray json = passengersToJournalJson(passengers);
    // Queued before anything the agent does next (the validating step reads them back); the
    // journal itself refuses it once the body is frozen (by another window meanwhile).
    const qint64 id = m_intentId;
    m_d.journal->write([id, json](CheckoutJournal &j) { j.updatePassengers(id, json); });
    return true;
}

bool CheckoutFlow::submit() {
    if (!m_loaded && !m_moving) { // decided once the journal has told what was sent
        m_submitWhenLoaded = true;
        m_moving = true;
        return true;
    }
    if ((m_frozen || !m_orderId.isEmpty()) && !isBusy()) {
        // The create was sent (maybe from another window): only resume() may continue it, with
        // the same key and bytes.
        Q_EMIT submitIgnored(tr("This booking was already sent; it continues where it left off "
                                "and will not be sent twice."));
        return false;
    }
    if (!m_moving && !m_machine->isRunning() && !m_state) {
        connect(
            m_machine.get(), &QStateMachine::started, this, [this] { post(Step::Submit); },
            Qt::SingleShotConnection);
        if (!m_starting)
            start();
        m_moving = true;
        return true;
    }
    if (m_moving ||
        (current() != CheckoutState::Editing && current() != CheckoutState::InvalidInput)) {
        Q_EMIT submitIgnored(isBusy() ? tr("This booking is already being processed; it will not "
                                           "be sent twice.")
                                      : tr("This checkout has already finished."));
        return false;
    }
    m_moving = true; // a second press before the machine moves is ignored
    post(Step::Submit);
    return true;
}

bool CheckoutFlow::retryAfterTopUp() {
    if (m_moving || current() != CheckoutState::InsufficientFunds)
        return false;
    m_moving = true;
    post(Step::ResumeValidate);
    return true;
}

bool CheckoutFlow::retrySafely() {
    if (m_moving || current() != CheckoutState::Interrupted)
        return false;
    m_moving = true;
    post(m_interruptedStep == CheckoutState::Validating   ? Step::ResumeValidate
         : m_interruptedStep == CheckoutState::Ticketing  ? Step::ResumeTicket
         : m_interruptedStep == CheckoutState::Processing ? Step::ResumeProcess
                                                          : Step::ResumeCreate);
    return true;
}

void CheckoutFlow::resume() {
    // QStateMachine starts asynchronously and takes events only once it runs.
    if (!m_machine->isRunning()) {
        connect(m_machine.get(), &QStateMachine::started, this, &CheckoutFlow::resume,
                Qt::SingleShotConnection);
        if (!m_starting)
            start();
        return;
    }
    const qint64 id = m_intentId;
    ask<Result<Intent>>(
        [id](CheckoutJournal &j) { return j.intent(id); },
        [this](const Result<Intent> &intent) {
            if (!intent) {
                m_outcomeMessage = intent.error().message;
                post(Step::Fatal);
                return;
            }
            remember(*intent);
            using St = CheckoutState;
            const CheckoutState s = intent->state;
            if (s == St::Error) {
                // The provider said "do not retry" (fatal error, key reused): support decides, not
                // us.
                m_outcomeMessage = intent->outcomeMessage.isEmpty()
                                       ? tr("This booking needs support.")
                                       : intent->outcomeMessage;
                post(Step::Fatal);
            } else if (s == St::Ticketed) {
                post(Step::OrderTicketed);
            } else if (s == St::Failed) {
                post(Step::OrderFailed);
            } else if (intent->isFinal()) {
                ; // finished without an order (offer gone, superseded): nothing is ever sent again
            } else if (!intent->isFrozen()) {
                // Nothing was sent. A draft stays with the agent; a checkout the agent submitted
                // and that was cut short while checking the offer and wallet (or waiting for a
                // top-up) validates again, and only then freezes and sends, with the same key.
                if (intent->isResumable()) // the same rule `resume` uses to pick intents
                    post(Step::ResumeValidate);
            } else if (intent->orderId.isEmpty()) {
                // 402 executed nothing, so re-check the wallet; otherwise the create may have run:
                // resend the same bytes with the same key and let the provider replay its answer.
                post(s == St::InsufficientFunds ? Step::ResumeValidate : Step::ResumeCreate);
            } else if (!m_d.gateway->ticketsSeparately() ||
                       state::rank(s) >= state::rank(St::Processing) ||
                       (intent->providerStatus && state::rank(*intent->providerStatus) >=
                                                      state::rank(ProviderStatus::InProgress))) {
                // Ticketing was asked for (or is under way): never ask again.
                post(Step::ResumeProcess);
            } else {
                post(Step::ResumeTicket);
            }
        });
}

AttemptLog CheckoutFlow::attemptLog(const QString &call) {
    return [this, call](const QJsonObject &attempt) {
        QJsonObject detail = attempt;
        detail.insert(QStringLiteral("call"), call);
        const qint64 id = m_intentId;
        m_d.journal->write([id, detail](CheckoutJournal &j) { j.recordAttempt(id, detail); });
    };
}

std::chrono::milliseconds CheckoutFlow::leaseTtl() const {
    return m_d.timing.scaled(m_d.timing.leaseTtl);
}

void CheckoutFlow::holdLease() {
    if (m_leaseHeld)
        return;
    m_leaseHeld = true;
    m_leaseRenewedAt = m_d.clock->now();
    m_d.scheduler->after(leaseTtl() / 3, this, [this] { renewLease(); });
}

// Keeps the lease while a network step is under way; a crashed process simply stops renewing.
// A lease this desk no longer holds — another desk took the intent over after it ran out, or
// the journal has not granted a renewal for as long as the lease lasts (a desk that lost the
// agency database, or one whose database stopped answering) — stops the checkout here: from
// now on another desk may be sending it, and only one may. The intent is left to that desk
// (nothing is written); resume picks it up, same key. The check runs on this desk's own timer,
// so a journal that never answers cannot keep a lost lease alive.
void CheckoutFlow::renewLease() {
    if (!m_leaseHeld || !isBusy())
        return;
    const QDateTime now = m_d.clock->now();
    const auto ttl = leaseTtl();
    if (m_leaseRenewedAt.msecsTo(now) >= qint64(ttl.count()))
        return loseLease(tr("the journal did not answer"));
    if (!m_renewing) {
        m_renewing = true;
        const qint64 id = m_intentId;
        const QString owner = m_d.leaseOwner;
        ask<Result<LeaseResult>>(
            [id, owner, now, ttl](CheckoutJournal &j) { return j.renewLease(id, owner, now, ttl); },
            [this, now, ttl](const Result<LeaseResult> &r) {
                m_renewing = false;
                if (!m_leaseHeld)
                    return; // released (or lost) meanwhile
                if (r.ok() && *r == LeaseResult::Granted)
                    m_leaseRenewedAt = now;
                else if (r.ok())
                    loseLease({});
                else if (m_leaseRenewedAt.msecsTo(m_d.clock->now()) >= qint64(ttl.count()))
                    loseLease(r.error().message);
            });
    }
    m_d.scheduler->after(ttl / 3, this, [this] { renewLease(); });
}

// `why` is empty when another desk holds the lease now; otherwise why it could not be renewed.
void CheckoutFlow::loseLease(const QString &why) {
    m_leaseHeld = false;
    m_busyElsewhere = true; // the journal is the other desk's now
    m_interruptedStep = current();
    m_outcomeMessage =
        why.isEmpty()
            ? tr("Another desk took over this booking after this desk stopped renewing its "
                 "claim; it continues there, with the same key. Nothing more is sent from here.")
            : tr("The order journal could not be reached for longer than this desk's claim "
                 "on the booking lasts (%1), so another desk may now continue it; nothing "
                 "more is sent from here. Resume it once the journal is back: the same key "
                 "is used, so it cannot book twice.")
                  .arg(why);
    post(Step::Interrupt);
}

void CheckoutFlow::releaseLease() {
    if (m_leaseHeld) {
        const qint64 id = m_intentId;
        const QString owner = m_d.leaseOwner;
        m_d.journal->write([id, owner](CheckoutJournal &j) { j.releaseLease(id, owner); });
    }
    m_leaseHeld = false;
}

void CheckoutFlow::onValidating() {
    withIntent(&CheckoutFlow::validate);
}

void CheckoutFlow::withIntent(void (CheckoutFlow::*step)(const Intent &, quint64)) {
    const quint64 generation = m_generation;
    const qint64 id = m_intentId;
    ask<Result<Intent>>([id](CheckoutJournal &j) { return j.intent(id); },
                        [this, generation, step](const Result<Intent> &intent) {
                            if (stale(generation))
                                return;
                            if (!intent) {
                                m_outcomeMessage = intent.error().message;
                                return post(Step::Fatal);
                            }
                            remember(*intent);
                            (this->*step)(*intent, generation);
                        });
}

void CheckoutFlow::validate(const Intent &intent, quint64 generation) {
    auto passengers = passengersOf(intent);
    if (!passengers) {
        m_outcomeMessage = passengers.error().message;
        return post(Step::Fatal);
    }
    const QDate today = m_d.clock->now().toLocalTime().date();
    // Bad passenger data is caught before any call at all: against the saved offer when there
    // is one, field by field otherwise (the fresh offer then adds ages and passports).
    Trip trip;
    if (!intent.offer.isEmpty()) {
        const auto stored = m_d.gateway->offerFromJson(intent.offer);
        if (!stored) {
            m_outcomeMessage = stored.error().message;
            return post(Step::Fatal);
        }
        trip = stored->trip();
    }
    m_report = validatePassengers(*passengers, trip, today);
    if (!m_report.valid())
        return post(Step::LocalInvalid);

    const QString offerId = intent.offerId;
    m_d.gateway->fetchOffer(
        offerId, this, attemptLog(QStringLiteral("get_offer")),
        [this, generation, passengers = *passengers](GatewayResult<Offer> r) {
            if (generation != m_generation)
                return;
            if (auto *f = std::get_if<GatewayFailure>(&r)) {
                m_outcomeMessage = f->message;
                if (f->kind == GatewayFailure::Kind::OfferUnavailable ||
                    f->kind == GatewayFailure::Kind::NotFound)
                    return post(Step::OfferGone);
                m_interruptedStep = CheckoutState::Validating;
                if (f->kind == GatewayFailure::Kind::OutcomeUnknown ||
                    f->kind == GatewayFailure::Kind::Cancelled)
                    return post(Step::Interrupt);
                m_outcomeMessage = stopMessage(*f, {});
                return post(Step::Fatal);
            }
            m_freshOffer = std::get<Offer>(r);
            m_report = validatePassengers(passengers, m_freshOffer->trip(),
                                          m_d.clock->now().toLocalTime().date());
            if (!m_report.valid())
                return post(Step::LocalInvalid);
            m_d.gateway->fetchWallet(
                this, attemptLog(QStringLiteral("get_wallet")),
                [this, generation](GatewayResult<Wallet> w) {
                    if (generation != m_generation)
                        return;
                    if (auto *f = std::get_if<GatewayFailure>(&w)) {
                        m_outcomeMessage = f->message;
                        m_interruptedStep = CheckoutState::Validating;
                        if (f->kind == GatewayFailure::Kind::OutcomeUnknown ||
                            f->kind == GatewayFailure::Kind::Cancelled)
                            return post(Step::Interrupt);
                        m_outcomeMessage = stopMessage(*f, {});
                        return post(Step::Fatal);
                    }
                    const QList<Issue> problems =
                        checkOffer(*m_freshOffer, std::get<Wallet>(w), m_d.clock->now());
                    for (const Issue &i : problems) {
                        m_outcomeMessage = i.message;
                        if (i.field != QLatin1String("wallet"))
                            return post(Step::OfferGone);
                    }
                    post(problems.isEmpty() ? Step::Validated : Step::FundsShort);
                });
        });
}

void CheckoutFlow::onCreating() {
    withIntent(&CheckoutFlow::create);
}

void CheckoutFlow::create(const Intent &intent, quint64 generation) {
    // Frozen before this step: a create with these bytes and this key was sent before (by a
    // process that died, or before a safe retry), and may have executed.
    if (intent.isFrozen())
        return sendCreate(*intent.requestBody, true, generation); // byte-identical retry
    const auto offer =
        m_freshOffer ? Result<Offer>(*m_freshOffer) : m_d.gateway->offerFromJson(intent.offer);
    const auto passengers = passengersOf(intent);
    if (!offer || !passengers) {
        m_outcomeMessage = tr("The saved checkout cannot be read.");
        return post(Step::Fatal);
    }
    const QByteArray body = m_d.gateway->createBody(*offer, *passengers);
    // The offer as booked, for the orders page and the itinerary (a checkout started from the
    // CLI knows only the offer's id until now), and the body, stored before it is sent: after a
    // crash, resume sends these exact bytes again.
    const qint64 id = m_intentId;
    const std::optional<Offer> fresh = m_freshOffer;
    ask<CheckoutJournal::Status>(
        [id, fresh, body](CheckoutJournal &j) {
            if (fresh)
                j.updateOffer(id, fresh->id, fresh->raw);
            return j.freezeBody(id, body);
        },
        [this, generation, body](const CheckoutJournal::Status &frozen) {
            if (stale(generation))
                return;
            if (!frozen) {
                m_outcomeMessage = frozen.error().message;
                return post(Step::Fatal);
            }
            m_frozen = true;
            sendCreate(body, false, generation);
        });
}

void CheckoutFlow::sendCreate(const QByteArray &body, bool sentBefore, quint64 generation) {
    m_d.gateway->createOrder(
        body, m_key, this, attemptLog(QStringLiteral("create_order")),
        [this, generation, sentBefore](GatewayResult<OrderSnapshot> r) {
            if (generation != m_generation)
                return;
            if (auto *f = std::get_if<GatewayFailure>(&r)) {
                GatewayFailure failure = *f;
                failure.earlierAttemptMayHaveExecuted =
                    failure.earlierAttemptMayHaveExecuted || sentBefore;
                return onCreateFailed(failure);
            }
            const OrderSnapshot order = std::get<OrderSnapshot>(r);
            // The flow never goes on with a value it could not store: a refused order id (a
            // constraint, a full disk, a lost database) would leave an order nobody can find.
            const qint64 id = m_intentId;
            const bool mintTicketKey = m_d.gateway->ticketsSeparately();
            ask<Result<Intent>>(
                [id, order, mintTicketKey](CheckoutJournal &j) -> Result<Intent> {
                    const auto stored =
                        j.recordCreateResponse(id, order.id, order.bookingReference, mintTicketKey);
                    if (!stored)
                        return stored.error();
                    return j.intent(id);
                },
                [this, generation, order](const Result<Intent> &stored) {
                    if (!stored) {
                        m_outcomeMessage =
                            tr("The provider created order %1, but the journal could not record "
                               "it (%2). Do not book again; contact support with order %1 and "
                               "key %3.")
                                .arg(order.id, stored.error().message, m_key);
                        return post(Step::Unresolved);
                    }
                    remember(*stored);
                    if (generation != m_generation)
                        return;
                    noteProviderStatus(order);
                    // A webhook may have told the outcome before this response came.
                    if (moveIfFinal(*stored))
                        return;
                    if (m_d.gateway->ticketsSeparately())
                        return post(Step::Created);
                    // The provider answered for the booking itself (ticketed, failed) or left
                    // it pending: the answer is its own word on the order, and a pending one is
                    // polled.
                    applyRead(order);
                    if (!order.status || !state::isFinal(*order.status))
                        post(Step::CreatedAwaitingOutcome);
                });
        });
}

void CheckoutFlow::onCreateFailed(const GatewayFailure &f) {
    using K = GatewayFailure::Kind;
    // A refusal of this attempt says nothing about an earlier send of the same key that may
    // have booked: "do not retry" is about this answer, the API key and the body size are checked
    // before the key is looked up, and a proxy's 4xx never reaches the provider. Then the
    // booking's fate is unknown: never close the intent nor mint a new key; resume later resends
    // the same bytes with the same key and the provider replays what it did. (A 402 keeps the
    // key and bytes anyway; a reused key is for support whatever came before.)
    if (f.earlierAttemptMayHaveExecuted &&
        (f.kind == K::OfferUnavailable || f.kind == K::Rejected || f.kind == K::Unauthorized ||
         f.kind == K::NotFound || f.kind == K::Fatal)) {
        m_outcomeMessage =
            tr("The provider refused a retry (%1), but an earlier attempt may have booked. "
               "Resume later: the same key is sent, so it cannot book twice. If it is refused "
               "again, contact support with key %2; do not book again.")
                .arg(f.message, idempotencyKey());
        m_interruptedStep = CheckoutState::Creating;
        return post(Step::Interrupt);
    }
    m_outcomeMessage = f.message;
    switch (f.kind) {
    case K::OfferUnavailable:
        return post(Step::OfferGone);
    case K::InsufficientFunds:
        return post(Step::FundsShort);
    case K::Rejected: {
        // Definitively refused without executing: the agent may fix the data, under a new key.
        m_report = {};
        for (const auto &[field, message] : f.fieldErrors)
            m_report.add(issueFromProvider(field, message));
        if (m_report.errors.isEmpty())
            m_report.add({-1, QString(), f.code, f.message});
        const qint64 id = m_intentId;
        ask<Result<Intent>>([id](CheckoutJournal &j) { return j.supersede(id); },
                            [this](const Result<Intent> &next) {
                                if (!next) {
                                    m_outcomeMessage = next.error().message;
                                    return post(Step::Fatal);
                                }
                                releaseLease();
                                const qint64 old = m_intentId;
                                m_intentId = next->id;
                                remember(*next);
                                Q_EMIT intentReplaced(old, m_intentId);
                                post(Step::Rejected);
                            });
        return;
    }
    case K::OutcomeUnknown:
    case K::Cancelled:
        m_interruptedStep = CheckoutState::Creating;
        return post(Step::Interrupt);
    case K::Fatal:
    case K::Unauthorized:
    case K::NotFound:
    case K::KeyReused:
    case K::Conflict: // a create sends no version: a provider that says so is not the contract's
        m_outcomeMessage = stopMessage(f, idempotencyKey());
        return post(Step::Fatal);
    }
}

void CheckoutFlow::onTicketing() {
    const quint64 generation = m_generation;
    const qint64 id = m_intentId;
    struct Ticketing {
        Result<Intent> intent;
        Result<QString> key;
    };
    ask<Ticketing>(
        [id](CheckoutJournal &j) {
            return Ticketing{j.intent(id), j.recordTicketKey(id)};
        },
        [this, generation](const Ticketing &t) {
            if (stale(generation))
                return;
            if (!t.intent || !t.key) {
                m_outcomeMessage = tr("The saved checkout cannot be read, so ticketing was not "
                                      "asked for. Contact support; do not book again.");
                return post(Step::Unresolved);
            }
            remember(*t.intent);
            m_d.gateway->ticketOrder(
                t.intent->orderId, *t.key, this, attemptLog(QStringLiteral("ticket")),
                [this, generation](GatewayResult<OrderSnapshot> r) {
                    if (generation != m_generation)
                        return;
                    if (auto *f = std::get_if<GatewayFailure>(&r)) {
                        m_outcomeMessage = f->message;
                        m_interruptedStep = CheckoutState::Ticketing;
                        if (f->kind == GatewayFailure::Kind::OutcomeUnknown ||
                            f->kind == GatewayFailure::Kind::Cancelled)
                            return post(Step::Interrupt);
                        // The order exists: a definitive refusal here is for support, never a
                        // new order.
                        m_outcomeMessage = tr("The provider refused to ticket order %1 (%2). "
                                              "Contact support with this order id; do not book "
                                              "again.")
                                               .arg(orderId(), f->message);
                        return post(Step::Unresolved);
                    }
                    applyRead(std::get<OrderSnapshot>(r));
                    if (current() == CheckoutState::Ticketing)
                        post(Step::TicketAccepted);
                });
        });
}

void CheckoutFlow::onProcessing() {
    const quint64 generation = m_generation;
    applyIfFinal();
    const TimingPolicy &t = m_d.timing;
    m_d.scheduler->after(t.scaled(t.firstPoll), this, [this, generation] { poll(generation); });
    m_d.scheduler->after(t.scaled(t.stillProcessing), this, [this, generation] {
        if (generation == m_generation)
            Q_EMIT stillProcessing();
    });
    m_d.scheduler->after(t.scaled(t.unresolvedAfter), this, [this, generation] {
        if (generation == m_generation)
            post(Step::Unresolved);
    });
}

void CheckoutFlow::poll(quint64 generation) {
    if (generation != m_generation)
        return;
    m_d.gateway->fetchOrder(orderId(), this, attemptLog(QStringLiteral("get_order")),
                            [this, generation](GatewayResult<OrderSnapshot> r) {
                                if (generation != m_generation)
                                    return;
                                if (auto *order = std::get_if<OrderSnapshot>(&r))
                                    applyRead(*order);
                                if (generation == m_generation) // still waiting: ask again later
                                    m_d.scheduler->after(m_d.timing.scaled(m_d.timing.pollInterval),
                                                         this,
                                                         [this, generation] { poll(generation); });
                            });
}

void CheckoutFlow::orderUpdated(const OrderSnapshot &order) {
    if (order.id.isEmpty() || order.id != orderId())
        return;
    if (order.isFailed())
        return confirmFailure(order);
    applyRead(order);
}

void CheckoutFlow::confirmFailure(const OrderSnapshot &claimed) {
    if (m_confirming || m_busyElsewhere)
        return;
    m_confirming = true;
    m_d.gateway->fetchOrder(
        claimed.id, this, attemptLog(QStringLiteral("confirm_failure")),
        [this, claimed](GatewayResult<OrderSnapshot> r) {
            m_confirming = false;
            const auto *order = std::get_if<OrderSnapshot>(&r);
            if (!order)
                return; // not confirmed: say nothing yet; the processing poll reads again
            if (!order->isFailed()) {
                const qint64 id = m_intentId;
                const QString note =
                    QStringLiteral("Disputed: a webhook said order %1 failed; reading the order "
                                   "by id says \"%2\". The read wins.")
                        .arg(claimed.id, order->statusName);
                m_d.journal->write([id, note](CheckoutJournal &j) { j.addNote(id, note); });
            }
            applyRead(*order);
        });
}

void CheckoutFlow::applyRead(const OrderSnapshot &order) {
    if (order.id.isEmpty() || order.id != orderId())
        return;
    noteProviderStatus(order);
    if (order.isTicketed()) {
        const qint64 id = m_intentId;
        const QJsonArray tickets = order.ticketsJson();
        // Queued before the state it leads to: stored before "ticketed" is announced.
        m_d.journal->write([id, tickets](CheckoutJournal &j) { j.recordETickets(id, tickets); });
        post(Step::OrderTicketed);
    } else if (order.isFailed()) {
        post(Step::OrderFailed);
    }
}

void CheckoutFlow::applyIfFinal() {
    const qint64 id = m_intentId;
    ask<Result<Intent>>([id](CheckoutJournal &j) { return j.intent(id); },
                        [this](const Result<Intent> &intent) {
                            if (intent)
                                moveIfFinal(*intent);
                        });
}

bool CheckoutFlow::moveIfFinal(const Intent &intent) {
    if (intent.state == CheckoutState::Ticketed)
        post(Step::OrderTicketed);
    else if (intent.state == CheckoutState::Failed)
        post(Step::OrderFailed);
    else
        return false;
    return true;
}

// What the provider answered about the order, in its own field; the journal keeps the highest.
void CheckoutFlow::noteProviderStatus(const OrderSnapshot &order) {
    if (!m_busyElsewhere && order.status) {
        const qint64 id = m_intentId;
        const ProviderStatus status = *order.status;
        m_d.journal->write(
            [id, status](CheckoutJournal &j) { j.recordProviderStatus(id, status); });
    }
}

} // namespace fd
