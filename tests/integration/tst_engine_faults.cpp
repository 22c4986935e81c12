// The checkout engine against the sandbox's misbehaviours, over real HTTP: a flaky network, an
// airline that never answers, a retry budget spent on 503s, a desk that dies mid-create, and a
// second window on the same intent. However it goes, an intent makes at most one order and one
// debit, and every create it sends carries its one key and the same bytes.
#include "checkoutstates.h"
#include "enginefixture.h"

using namespace fd;
using namespace fd::test;
using Outcome = CheckoutFlow::Outcome;

namespace {
constexpr int kWait = 15000; // generous under sanitizers; a healthy run needs well under 2 s

QJsonObject createFaults(const QJsonObject &fault) {
    QJsonObject f = fault;
    f.insert(QStringLiteral("endpoint"), QStringLiteral("create_order"));
    return {{QStringLiteral("name"), QStringLiteral("engine_faults")},
            {QStringLiteral("faults"), QJsonArray{f}}};
}
} // namespace

class TestEngineFaults final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { FD_SKIP_UNLESS_TEST_JOURNAL_RUNS(); }
    // 503 with Retry-After, then a reset after the commit on create; 429 on ticket; 500 on
    // the first read; every webhook twice.
    void flakyNetworkIsTicketedOnce() {
        EngineEnv env(true);
        QVERIFY(env.setScenario(QStringLiteral("flaky_network")));
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        auto flow = env.makeFlow(id);
        flow->start();
        QVERIFY(flow->submit());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::Ticketed, kWait);
        QVERIFY(flow->outcome() == Outcome::Ticketed);
        expectOneOrderFor(env, id, *offer);

        const QStringList creates = env.outcomesOf(QStringLiteral("create_order"));
        QCOMPARE(creates.size(), 3);
        QCOMPARE(creates.at(0), QStringLiteral("fault:unavailable"));
        QCOMPARE(creates.at(1), QStringLiteral("executed;fault:reset_after_commit"));
        QCOMPARE(creates.at(2), QStringLiteral("replayed"));
        const Intent done = env.intent(id);
        QCOMPARE(env.keysOf(QStringLiteral("ticket_order")), QSet<QString>{done.ticketKey});
        QCOMPARE(env.outcomesOf(QStringLiteral("ticket_order")),
                 (QStringList{QStringLiteral("fault:rate_limited"), QStringLiteral("executed")}));
        QCOMPARE(env.movements(QStringLiteral("reversal")).size(), 0);
        QCOMPARE(done.eTickets.size(), 3);
    }

    // No outcome ever: the poll at T+30 s, "still processing" at T+60 s, unresolved at T+5 min
    // with the order id, and polling goes on; never a second create.
    void neverResolvesEndsUnresolvedWithTheOrderId() {
        EngineEnv env;
        QVERIFY(env.setScenario(QStringLiteral("never_resolves")));
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        // Poll at 150 ms, "still processing" at 300 ms, unresolved at 1.5 s.
        auto flow = env.makeFlow(id);
        int readsAtProcessing = -1;
        int readsAtStillProcessing = -1;
        std::optional<CheckoutState> stateAtStillProcessing;
        connect(flow.get(), &CheckoutFlow::stateEntered, &env.context, [&](CheckoutState s) {
            if (s == CheckoutState::Processing)
                readsAtProcessing = env.countOf(QStringLiteral("get_order"));
        });
        connect(flow.get(), &CheckoutFlow::stillProcessing, &env.context, [&] {
            readsAtStillProcessing = env.countOf(QStringLiteral("get_order"));
            stateAtStillProcessing = flow->state();
        });
        QSignalSpy still(flow.get(), &CheckoutFlow::stillProcessing);
        flow->start();
        QVERIFY(flow->submit());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::Unresolved, kWait);
        QVERIFY(flow->outcome() == Outcome::Unresolved);
        QCOMPARE(readsAtProcessing, 0);
        QCOMPARE(still.size(), 1);
        QVERIFY(readsAtStillProcessing >= 1); // the T+30 s poll came before the T+60 s notice
        QCOMPARE(stateAtStillProcessing, std::optional(CheckoutState::Processing));

        const Intent i = env.intent(id);
        QVERIFY(!i.orderId.isEmpty());
        QVERIFY2(flow->outcomeMessage().contains(i.orderId), qPrintable(flow->outcomeMessage()));
        QCOMPARE(i.state, CheckoutState::Unresolved);

        // It keeps asking about the same order, and never books again.
        const int reads = env.countOf(QStringLiteral("get_order"));
        QTRY_VERIFY_WITH_TIMEOUT(env.countOf(QStringLiteral("get_order")) >= reads + 2, kWait);
        for (const auto &r : env.requestsTo(QStringLiteral("get_order")))
            QVERIFY(r.path.endsWith(i.orderId));
        QCOMPARE(env.countOf(QStringLiteral("create_order")), 1);
        QCOMPARE(env.countOf(QStringLiteral("ticket_order")), 1);
        expectOneOrderFor(env, id, *offer);
        QCOMPARE(env.orders().first().toObject().value(QLatin1String("status")).toString(),
                 QStringLiteral("in_progress"));
    }

    // Every create answers 503 until the budget is spent: interrupted, resumable. Once the
    // provider is back, retrySafely() sends the same bytes under the same key.
    void interruptedThenRetrySafely() {
        EngineEnv env;
        QVERIFY(env.setScenarioJson(
            createFaults({{QStringLiteral("kind"), QStringLiteral("unavailable")}})));
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        auto flow = env.makeFlow(id);
        flow->start();
        QVERIFY(flow->submit());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::Interrupted, kWait);
        QVERIFY(flow->outcome() == Outcome::Interrupted);
        QCOMPARE(env.countOf(QStringLiteral("create_order")), RetryPolicy::kMaxAttempts);
        QCOMPARE(env.orders().size(), 0);
        const Intent cut = env.intent(id);
        QVERIFY(cut.isFrozen());
        QVERIFY(cut.orderId.isEmpty());
        QCOMPARE(sha256Hex(*cut.requestBody), expectedBodySha(*offer));
        QCOMPARE(env.journalAttempts(id, QStringLiteral("create_order")).size(),
                 RetryPolicy::kMaxAttempts);

        QVERIFY(env.setScenario(QStringLiteral("happy_path")));
        QVERIFY(flow->retrySafely());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::Ticketed, kWait);
        QCOMPARE(env.countOf(QStringLiteral("create_order")), RetryPolicy::kMaxAttempts + 1);
        QCOMPARE(env.outcomesOf(QStringLiteral("create_order")).last(), QStringLiteral("executed"));
        QCOMPARE(env.intent(id).idempotencyKey, cut.idempotencyKey);
        expectOneOrderFor(env, id, *offer);
    }

    // The order exists but every ticket action answers 503: interrupted at ticketing. The
    // retry sends the ticket action again under its own stored key, and never a create.
    void ticketingInterruptedThenRetrySafely() {
        EngineEnv env;
        QVERIFY(env.setScenarioJson(
            {{QStringLiteral("name"), QStringLiteral("ticket_down")},
             {QStringLiteral("faults"),
              QJsonArray{QJsonObject{{QStringLiteral("endpoint"), QStringLiteral("ticket_order")},
                                     {QStringLiteral("kind"), QStringLiteral("unavailable")}}}}}));
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        auto flow = env.makeFlow(id);
        flow->start();
        QVERIFY(flow->submit());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::Interrupted, kWait);
        QCOMPARE(env.countOf(QStringLiteral("ticket_order")), RetryPolicy::kMaxAttempts);
        const QString ticketKey = env.intent(id).ticketKey;
        QVERIFY(!ticketKey.isEmpty());
        QCOMPARE(env.keysOf(QStringLiteral("ticket_order")), QSet<QString>{ticketKey});

        QVERIFY(env.setScenario(QStringLiteral("happy_path")));
        QVERIFY(flow->retrySafely());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::Ticketed, kWait);
        QCOMPARE(env.countOf(QStringLiteral("create_order")), 1);
        QCOMPARE(env.countOf(QStringLiteral("ticket_order")), RetryPolicy::kMaxAttempts + 1);
        QCOMPARE(env.keysOf(QStringLiteral("ticket_order")), QSet<QString>{ticketKey});
        expectOneOrderFor(env, id, *offer);
    }

    // The desk dies while its create hangs after the provider committed it. Another process
    // must wait for the dead one's lease, then resume: the same key and bytes replay the one
    // order instead of booking a second.
    void crashMidCreateThenResume() {
        EngineEnv env;
        QVERIFY(env.setScenarioJson(
            createFaults({{QStringLiteral("kind"), QStringLiteral("hang_after_commit")},
                          {QStringLiteral("attempts"), QJsonArray{1}}})));
        env.gateway = env.makeGateway(env.gatewayOptions(0.01, std::chrono::milliseconds(60'000)));
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        const TimingPolicy t = EngineEnv::timing();

        auto first = env.makeFlow(id, t, QStringLiteral("process-1"));
        first->start();
        QVERIFY(first->submit());
        QTRY_COMPARE_WITH_TIMEOUT(env.orders().size(), 1, kWait); // committed, never answered
        QCOMPARE(first->state(), CheckoutState::Creating);
        QVERIFY(env.intent(id).orderId.isEmpty()); // the desk cannot know
        first.reset();
        QVERIFY(env.journalQueue.waitUntilIdle(std::chrono::seconds(30))); // its release is done
        // A killed process never releases its lease: hold it as process-1 did.
        const auto held = env.journal.acquireLease(id, QStringLiteral("process-1"), env.clock.now(),
                                                   t.scaled(t.leaseTtl));
        QVERIFY(held.ok() && *held == LeaseResult::Granted);

        auto early = env.makeFlow(id, t, QStringLiteral("process-2"));
        early->resume();
        QTRY_COMPARE_WITH_TIMEOUT(early->state(), CheckoutState::Error, kWait);
        QVERIFY2(early->outcomeMessage().contains(QLatin1String("another window or process")),
                 qPrintable(early->outcomeMessage()));
        QCOMPARE(env.countOf(QStringLiteral("create_order")), 1);
        early.reset();

        env.clock.advance(t.scaled(t.leaseTtl).count() + 1); // the dead lease lapses
        auto resumed = env.makeFlow(id, t, QStringLiteral("process-3"));
        resumed->resume();
        QTRY_COMPARE_WITH_TIMEOUT(resumed->state(), CheckoutState::Ticketed, kWait);
        QCOMPARE(env.outcomesOf(QStringLiteral("create_order")),
                 (QStringList{QStringLiteral("executed;fault:hang_after_commit"),
                              QStringLiteral("replayed")}));
        expectOneOrderFor(env, id, *offer);
    }

    // Two windows submit the same intent at the same moment.
    void twoWindowsSubmittingTogetherMakeOneOrder() {
        EngineEnv env;
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        auto a = env.makeFlow(id, EngineEnv::timing(), QStringLiteral("window-a"));
        auto b = env.makeFlow(id, EngineEnv::timing(), QStringLiteral("window-b"));
        a->start();
        b->start();
        QVERIFY(a->submit());
        QVERIFY(b->submit());
        const auto ticketed = [](const CheckoutFlow &f) {
            return f.outcome() == Outcome::Ticketed;
        };
        QTRY_VERIFY_WITH_TIMEOUT(a->outcome() && b->outcome() && (ticketed(*a) || ticketed(*b)),
                                 kWait);
        QVERIFY(env.roundTrip()); // a late straggler has shown itself in the ledger
        for (const CheckoutFlow *f : {a.get(), b.get()})
            if (!ticketed(*f))
                QVERIFY2(f->outcome() == Outcome::Error &&
                             f->outcomeMessage().contains(QLatin1String("another window")),
                         qPrintable(f->outcomeMessage()));
        QVERIFY(env.countOf(QStringLiteral("create_order")) >= 1);
        expectOneOrderFor(env, id, *offer);
        QCOMPARE(env.intent(id).state, CheckoutState::Ticketed);
    }

    // A second window opens the intent while its create is still executing at the provider.
    void secondWindowWhileTheCreateRunsIsRefused() {
        EngineEnv env;
        // The create executes 500 ms after it arrives (50 s at the sandbox's scale).
        QVERIFY(env.setScenarioJson(createFaults({{QStringLiteral("kind"), QStringLiteral("slow")},
                                                  {QStringLiteral("attempts"), QJsonArray{1}},
                                                  {QStringLiteral("delay_ms"), 50000}})));
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        auto a = env.makeFlow(id, EngineEnv::timing(), QStringLiteral("window-a"));
        a->start();
        QVERIFY(a->submit());
        QTRY_COMPARE_WITH_TIMEOUT(env.countOf(QStringLiteral("create_order")), 1, kWait);

        auto b = env.makeFlow(id, EngineEnv::timing(), QStringLiteral("window-b"));
        QSignalSpy ignored(b.get(), &CheckoutFlow::submitIgnored);
        b->start();
        b->submit(); // the create was sent: refused once b has read its intent, and it says why
        QTRY_COMPARE_WITH_TIMEOUT(ignored.size(), 1, kWait);
        QVERIFY(ignored.first().first().toString().contains(QLatin1String("not be sent twice")));
        b->resume(); // even resuming it is refused while window A holds the lease
        QTRY_COMPARE_WITH_TIMEOUT(b->state(), CheckoutState::Error, kWait);
        QVERIFY2(b->outcomeMessage().contains(QLatin1String("another window")),
                 qPrintable(b->outcomeMessage()));
        QCOMPARE(env.countOf(QStringLiteral("create_order")), 1); // b sent nothing

        QTRY_COMPARE_WITH_TIMEOUT(a->state(), CheckoutState::Ticketed, kWait);
        QCOMPARE(env.countOf(QStringLiteral("create_order")), 1);
        expectOneOrderFor(env, id, *offer);
    }

    // A second window on an intent whose order already exists, while the first one waits for
    // the airline. It must neither book nor rewrite what the journal knows about the order.
    void secondWindowAfterTheOrderExistsLeavesTheJournalAlone() {
        EngineEnv env;
        QVERIFY(env.setScenario(QStringLiteral("never_resolves")));
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        auto a = env.makeFlow(id, hourLongWaits(), QStringLiteral("window-a"));
        a->start();
        QVERIFY(a->submit());
        QTRY_COMPARE_WITH_TIMEOUT(a->state(), CheckoutState::Processing, kWait);
        QCOMPARE(env.intent(id).state, CheckoutState::Processing);

        auto b = env.makeFlow(id, hourLongWaits(), QStringLiteral("window-b"));
        QSignalSpy ignored(b.get(), &CheckoutFlow::submitIgnored);
        b->start();
        b->submit();
        QTRY_VERIFY_WITH_TIMEOUT(!ignored.isEmpty() || b->outcome().has_value(), kWait);
        QVERIFY(env.roundTrip()); // anything b sent has reached the ledger
        QCOMPARE(env.countOf(QStringLiteral("create_order")), 1);
        expectOneOrderFor(env, id, *offer);
        QCOMPARE(a->state(), CheckoutState::Processing);
        // The second window neither re-validates a sent intent nor journals anything for it.
        QCOMPARE(env.intent(id).state, CheckoutState::Processing);
    }

    // The same, half an hour later: the offer has expired, the order and its debit have not.
    void secondWindowAfterOfferExpiryDoesNotCloseABookedIntent() {
        EngineEnv env;
        QVERIFY(env.setScenario(QStringLiteral("never_resolves")));
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        auto a = env.makeFlow(id, hourLongWaits(), QStringLiteral("window-a"));
        a->start();
        QVERIFY(a->submit());
        QTRY_COMPARE_WITH_TIMEOUT(a->state(), CheckoutState::Processing, kWait);
        env.clock.advance(31 * 60 * 1000);

        auto b = env.makeFlow(id, hourLongWaits(), QStringLiteral("window-b"));
        QSignalSpy ignored(b.get(), &CheckoutFlow::submitIgnored);
        b->start();
        b->submit();
        QTRY_VERIFY_WITH_TIMEOUT(!ignored.isEmpty() || b->outcome().has_value(), kWait);
        QVERIFY(env.roundTrip()); // anything b sent has reached the ledger
        QCOMPARE(env.countOf(QStringLiteral("create_order")), 1);
        expectOneOrderFor(env, id, *offer);
        const Intent after = env.intent(id);
        // An expired offer must never close an intent whose order exists and was paid for.
        QVERIFY(!after.isFinal());
        QVERIFY(after.outcome != QLatin1String("offer_unavailable"));
    }
};

QTEST_GUILESS_MAIN(TestEngineFaults)
#include "tst_engine_faults.moc"
