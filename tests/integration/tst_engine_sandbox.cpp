// The checkout engine end to end over real HTTP: CheckoutFlow + TravelbaseGateway +
// OrderJournal + the sandbox, with real timers at a small timing scale. Each test asserts
// through the sandbox's ledger that an intent made at most one order and one debit, that all
// its creates carried its one key and the same bytes, and that the outcome is the right one.
#include "checkoutstates.h"
#include "enginefixture.h"

using namespace fd;
using namespace fd::test;
using Outcome = CheckoutFlow::Outcome;

namespace {
constexpr int kWait = 15000; // generous under sanitizers; a healthy run needs well under 1 s

Money eur(const char *amount) {
    return Money::parse(QLatin1String(amount), QStringLiteral("EUR")).value();
}
} // namespace

class TestEngineSandbox final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { FD_SKIP_UNLESS_TEST_JOURNAL_RUNS(); }
    void happyPathIsTicketedByPolling() {
        EngineEnv env; // no receiver: the webhook never reaches the desk, the T+30 s poll does
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        QVERIFY(id > 0);
        const QString key = env.intent(id).idempotencyKey;
        QVERIFY(!key.isEmpty()); // minted and stored before any network call
        QCOMPARE(env.countOf(QStringLiteral("create_order")), 0);

        auto flow = env.makeFlow(id);
        QSignalSpy states(flow.get(), &CheckoutFlow::stateEntered);
        flow->start();
        QVERIFY(flow->submit());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::Ticketed, kWait);
        QVERIFY(flow->outcome() == Outcome::Ticketed);
        QCOMPARE(stateNames(states),
                 (QStringList{QStringLiteral("editing"), QStringLiteral("validating"),
                              QStringLiteral("creating"), QStringLiteral("ticketing"),
                              QStringLiteral("processing"), QStringLiteral("ticketed")}));

        expectOneOrderFor(env, id, *offer);
        const Intent done = env.intent(id);
        QCOMPARE(env.countOf(QStringLiteral("create_order")), 1);
        QCOMPARE(env.requestsTo(QStringLiteral("create_order")).first().outcome,
                 QStringLiteral("executed"));
        // The ticket action carries a key of its own, stored with the intent.
        QCOMPARE(env.keysOf(QStringLiteral("ticket_order")), QSet<QString>{done.ticketKey});
        QVERIFY(!done.ticketKey.isEmpty() && done.ticketKey != key);
        QVERIFY(env.countOf(QStringLiteral("get_order")) >= 1);
        QCOMPARE(env.orders().first().toObject().value(QLatin1String("status")).toString(),
                 QStringLiteral("ticketed"));
        QCOMPARE(env.movements(QStringLiteral("reversal")).size(), 0);
        QCOMPARE(env.sandbox->walletBalance().toString(),
                 eur("5000.00").minus(offer->total).value().toString());

        // The journal: order id, booking reference and e-tickets, and no passport numbers or
        // birth dates left once final.
        QCOMPARE(done.state, CheckoutState::Ticketed);
        QCOMPARE(done.outcome, QStringLiteral("ticketed"));
        QCOMPARE(
            done.bookingReference,
            env.orders().first().toObject().value(QLatin1String("booking_reference")).toString());
        QVERIFY(flow->outcomeMessage().contains(done.bookingReference));
        QCOMPARE(done.eTickets.size(), 3);
        const QByteArray stored = QJsonDocument(done.passengers).toJson();
        QVERIFY(!stored.contains("A12345678"));
        QVERIFY(!stored.contains("1988-04-17"));
        QVERIFY(!done.requestBody.value_or(QByteArray()).contains("A12345678"));
    }

    void happyPathIsTicketedByWebhook() {
        EngineEnv env(true);
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        auto flow = env.makeFlow(id, hourLongWaits());
        flow->start();
        QVERIFY(flow->submit());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::Ticketed, kWait);
        expectOneOrderFor(env, id, *offer);
        QCOMPARE(env.countOf(QStringLiteral("create_order")), 1);
        QCOMPARE(env.countOf(QStringLiteral("get_order")), 0);
        // The flow moves as soon as the receiver has recorded the event; the sandbox logs the
        // delivery when the receiver's answer reaches it, a moment later.
        QTRY_VERIFY_WITH_TIMEOUT(!env.sandbox->ledger().deliveries().isEmpty(), kWait);
        const auto deliveries = env.sandbox->ledger().deliveries();
        QCOMPARE(deliveries.first().eventType, QStringLiteral("order.ticketed"));
        QCOMPARE(deliveries.first().status, 200);
        QCOMPARE(env.intent(id).eTickets.size(), 3);
    }

    // The event reaches the desk before the ticket action's own HTTP response does.
    void earlyWebhookBeforeTheTicketResponse() {
        EngineEnv env(true);
        QVERIFY(env.setScenarioJson(
            {{QStringLiteral("name"), QStringLiteral("early")},
             {QStringLiteral("webhooks"),
              QJsonObject{{QStringLiteral("mode"), QStringLiteral("early")}}}}));
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        auto flow = env.makeFlow(id, hourLongWaits());
        flow->start();
        QVERIFY(flow->submit());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::Ticketed, kWait);
        expectOneOrderFor(env, id, *offer);
        QCOMPARE(env.countOf(QStringLiteral("ticket_order")), 1);
        QCOMPARE(env.countOf(QStringLiteral("get_order")), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!env.sandbox->ledger().deliveries().isEmpty(), kWait);
        QCOMPARE(env.sandbox->ledger().deliveries().first().status, 200);
        QCOMPARE(env.intent(id).eTickets.size(), 3);
    }

    // The receiver refuses a badly signed delivery; the provider's retry gets through.
    void badlySignedFirstDeliveryIsRetried() {
        EngineEnv env(true);
        QVERIFY(env.setScenarioJson(
            {{QStringLiteral("name"), QStringLiteral("bad_signature")},
             {QStringLiteral("webhooks"),
              QJsonObject{{QStringLiteral("mode"), QStringLiteral("bad_signature_first")}}}}));
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        auto flow = env.makeFlow(id, hourLongWaits());
        flow->start();
        QVERIFY(flow->submit());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::Ticketed, kWait);
        expectOneOrderFor(env, id, *offer);
        QCOMPARE(env.countOf(QStringLiteral("get_order")), 0);
        QTRY_VERIFY_WITH_TIMEOUT(env.sandbox->ledger().deliveries().size() >= 2, kWait);
        const auto deliveries = env.sandbox->ledger().deliveries();
        QCOMPARE(deliveries.first().signatureValid, false);
        QCOMPARE(deliveries.first().status, 400);
        QCOMPARE(deliveries.last().signatureValid, true);
        QCOMPARE(deliveries.last().status, 200);
    }

    void lostWebhookIsFoundByThePoll() {
        EngineEnv env(true);
        QVERIFY(env.setScenario(QStringLiteral("lost_webhook")));
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        auto flow = env.makeFlow(id);
        flow->start();
        QVERIFY(flow->submit());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::Ticketed, kWait);
        expectOneOrderFor(env, id, *offer);
        QCOMPARE(env.countOf(QStringLiteral("create_order")), 1);
        QVERIFY(env.countOf(QStringLiteral("get_order")) >= 1);
        QVERIFY(!env.sandbox->ledger().deliveries().isEmpty());
        for (const auto &d : env.sandbox->ledger().deliveries())
            QCOMPARE(d.error, QStringLiteral("dropped"));
        QCOMPARE(env.intent(id).eTickets.size(), 3);
    }

    void airlineRejectsAndTheDebitIsReversed() {
        EngineEnv env;
        QVERIFY(env.setScenario(QStringLiteral("airline_rejects")));
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        auto flow = env.makeFlow(id);
        flow->start();
        QVERIFY(flow->submit());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::Failed, kWait);
        QVERIFY(flow->outcome() == Outcome::Failed);
        QVERIFY(!flow->outcomeMessage().isEmpty());
        expectOneOrderFor(env, id, *offer);
        const QJsonObject order = env.orders().first().toObject();
        QCOMPARE(order.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(order.value(QLatin1String("payment_reversed")).toBool(), true);
        const auto reversals = env.movements(QStringLiteral("reversal"));
        QCOMPARE(reversals.size(), 1);
        QCOMPARE(reversals.first().orderId, env.intent(id).orderId);
        QCOMPARE(reversals.first().amount, offer->total.amount());
        QCOMPARE(env.sandbox->walletBalance().toString(), eur("5000.00").toString());
        QCOMPARE(env.intent(id).state, CheckoutState::Failed);
    }

    // The desk's own wallet check stops it before any create; after a top-up, the same intent
    // (the same key) books.
    void walletTooLowThenTopUp() {
        EngineEnv env;
        QVERIFY(env.setScenario(QStringLiteral("wallet_too_low")));
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        const QString key = env.intent(id).idempotencyKey;
        auto flow = env.makeFlow(id);
        flow->start();
        QVERIFY(flow->submit());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::InsufficientFunds, kWait);
        QVERIFY(flow->outcome() == Outcome::InsufficientFunds);
        QCOMPARE(env.countOf(QStringLiteral("create_order")), 0);
        QCOMPARE(env.orders().size(), 0);

        Answer<Wallet> topped;
        env.gateway->topUp(offer->total, &env.context, topped.sink());
        QVERIFY(topped.wait());
        QVERIFY2(topped.value(), qPrintable(topped.why()));
        QVERIFY(flow->retryAfterTopUp());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::Ticketed, kWait);
        QCOMPARE(env.intent(id).idempotencyKey, key);
        expectOneOrderFor(env, id, *offer);
        QCOMPARE(env.countOf(QStringLiteral("create_order")), 1);
        QCOMPARE(env.movements(QStringLiteral("top_up")).size(), 1);
    }

    // The wallet drops between the check and the create: 402 executes nothing, and after the
    // top-up the very same bytes go out again under the same key.
    void paymentRequiredAtCreateThenTopUp() {
        EngineEnv env;
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        auto flow = env.makeFlow(id);
        bool drained = false;
        connect(flow.get(), &CheckoutFlow::stateEntered, &env.context, [&](CheckoutState state) {
            if (state == CheckoutState::Creating && !drained) {
                drained = true; // another desk of the agency spent the money just now
                env.sandbox->setWalletBalance(eur("10.00"));
            }
        });
        flow->start();
        QVERIFY(flow->submit());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::InsufficientFunds, kWait);
        const auto first = env.requestsTo(QStringLiteral("create_order"));
        QCOMPARE(first.size(), 1);
        QCOMPARE(first.first().status, 402);
        QCOMPARE(env.orders().size(), 0);

        env.sandbox->setWalletBalance(eur("5000.00"));
        QVERIFY(flow->retryAfterTopUp());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::Ticketed, kWait);
        QCOMPARE(env.countOf(QStringLiteral("create_order")), 2);
        QCOMPARE(env.outcomesOf(QStringLiteral("create_order")).last(), QStringLiteral("executed"));
        expectOneOrderFor(env, id, *offer);
    }

    // 70 s left on the offer when the search ran; 15 s later it is inside the 60 s margin.
    void offerAboutToExpireSendsNoCreate() {
        EngineEnv env;
        QVERIFY(env.setScenario(QStringLiteral("offer_about_to_expire")));
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        QCOMPARE(env.clock.now().secsTo(offer->expiresAt), 70);
        const qint64 id = env.newIntent(*offer);
        env.clock.advance(15'000);
        auto flow = env.makeFlow(id);
        flow->start();
        QVERIFY(flow->submit());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::OfferUnavailable, kWait);
        QVERIFY(flow->outcome() == Outcome::OfferUnavailable);
        QCOMPARE(env.countOf(QStringLiteral("create_order")), 0);
        QCOMPARE(env.orders().size(), 0);
        QCOMPARE(env.sandbox->ledger().movements().size(), 0);
        QCOMPARE(env.intent(id).state, CheckoutState::OfferUnavailable);
    }

    // The offer expires between validation and the create: 422, nothing booked, never retried.
    void offerGoneAtCreateIs422() {
        EngineEnv env;
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        auto flow = env.makeFlow(id);
        connect(flow.get(), &CheckoutFlow::stateEntered, &env.context, [&](CheckoutState state) {
            if (state == CheckoutState::Creating)
                env.clock.advance(31 * 60 * 1000);
        });
        flow->start();
        QVERIFY(flow->submit());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::OfferUnavailable, kWait);
        QVERIFY(flow->outcome() == Outcome::OfferUnavailable);
        const auto creates = env.requestsTo(QStringLiteral("create_order"));
        QCOMPARE(creates.size(), 1);
        QCOMPARE(creates.first().status, 422);
        QCOMPARE(creates.first().idempotencyKey, env.intent(id).idempotencyKey);
        QCOMPARE(env.orders().size(), 0);
        QCOMPARE(env.sandbox->ledger().movements().size(), 0);
    }

    void fatalServerErrorStopsAfterOneCreate() {
        EngineEnv env;
        QVERIFY(env.setScenarioJson(
            QJsonObject{{QStringLiteral("name"), QStringLiteral("fatal_create")},
                        {QStringLiteral("faults"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("endpoint"), QStringLiteral("create_order")},
                             {QStringLiteral("kind"), QStringLiteral("internal_fatal")}}}}}));
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        auto flow = env.makeFlow(id);
        flow->start();
        QVERIFY(flow->submit());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::Error, kWait);
        QVERIFY(flow->outcome() == Outcome::Error);
        QVERIFY(flow->outcomeMessage().contains(QLatin1String("TB_INTERNAL_FATAL")));
        const auto creates = env.requestsTo(QStringLiteral("create_order"));
        QCOMPARE(creates.size(), 1);
        QCOMPARE(creates.first().status, 500);
        QCOMPARE(env.orders().size(), 0);
        QCOMPARE(env.sandbox->ledger().movements().size(), 0);
        QCOMPARE(env.journalAttempts(id, QStringLiteral("create_order")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestEngineSandbox)
#include "tst_engine_sandbox.moc"
