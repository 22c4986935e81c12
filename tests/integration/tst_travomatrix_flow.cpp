// The checkout flow end to end with Travomatrix: CheckoutFlow + TravomatrixGateway +
// OrderJournal + the Travomatrix sandbox over real HTTP. The create answers for the booking,
// so no ticket action is ever sent; a PENDING booking is polled by PNR until it is ticketed.
#include "checkoutstates.h"
#include "storage/orderjournal.h"
#include "testjournal.h"
#include "tmxgatewayfixture.h"

#include <QTemporaryDir>

using namespace fd;
using namespace fd::test;
using Outcome = CheckoutFlow::Outcome;

namespace {

constexpr int kWait = 15000; // generous under sanitizers; a healthy run needs about 1 s

struct TmxEngine : TmxEnv {
    // The sandbox at 0.005: slow_airline's 75 s is 375 ms.
    TmxEngine()
        : TmxEnv(0.005) {
        gateway = makeGateway(gatewayOptions(0.005));
        journal.setPassword(journalPassword());
        const auto opened =
            journal.open(freshJournalLocation(dir, QStringLiteral("journal.sqlite")));
        if (!opened)
            qFatal("journal did not open: %s", qPrintable(opened.error().message));
    }
    static QJsonArray familyJson() { return readTestJson("passengers/family-valid.json").array(); }

    qint64 newIntent(const Offer &offer) {
        const auto i =
            journal.createIntent(offer.id, offer.raw, familyJson(), gateway->providerId());
        return i ? i->id : 0;
    }
    Intent intent(qint64 id) const { return journal.intent(id).value_or(Intent{}); }

    // The contract's polling (5 s, then every 10 s; 60 s still processing; 5 min support) at
    // 0.005: 25 ms, 50 ms, 300 ms, 1.5 s.
    std::unique_ptr<CheckoutFlow> makeFlow(qint64 intentId) {
        CheckoutFlow::Deps d;
        d.gateway = gateway.get();
        d.journal = &journalQueue;
        d.clock = &clock;
        d.scheduler = &scheduler;
        d.timing.scale = 0.005;
        d.timing.firstPoll = std::chrono::milliseconds(5000);
        d.timing.pollInterval = std::chrono::milliseconds(10000);
        d.leaseOwner = QStringLiteral("window-1");
        return std::make_unique<CheckoutFlow>(d, intentId);
    }

    QTemporaryDir dir;
    OrderJournal journal{&clock};
    JournalQueue journalQueue{&journal};
};

} // namespace

class TestTravomatrixFlow final : public QObject {
    Q_OBJECT

    static void expectOneBooking(const TmxEngine &env, qint64 id, const Offer &offer) {
        const Intent i = env.intent(id);
        QCOMPARE(i.provider, QStringLiteral("travomatrix"));
        QVERIFY(!i.orderId.isEmpty());
        QCOMPARE(i.bookingReference, i.orderId);
        QCOMPARE(env.creates(), 1);
        QCOMPARE(env.createKeys(), QSet<QString>{i.idempotencyKey});
        QCOMPARE(env.createBodies(), QSet<QString>{sha256Hex(fd::travomatrix::createBody(
                                         offer, passengersFrom(TmxEngine::familyJson())))});
        QCOMPARE(env.bookings().size(), 1);
        QCOMPARE(env.bookings().first().toObject().value(QLatin1String("pnr")).toString(),
                 i.orderId);
        QCOMPARE(env.movements(QStringLiteral("debit")), 1);
        QCOMPARE(i.eTickets.size(), 3);
    }

private Q_SLOTS:
    void initTestCase() { FD_SKIP_UNLESS_TEST_JOURNAL_RUNS(); }
    void ticketedByTheCreateItself() {
        TmxEngine env;
        const auto offer = env.searchFirstOffer({QStringLiteral("adult"), QStringLiteral("child"),
                                                 QStringLiteral("infant_without_seat")});
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        QVERIFY(id > 0);
        auto flow = env.makeFlow(id);
        QSignalSpy states(flow.get(), &CheckoutFlow::stateEntered);
        flow->start();
        QVERIFY(flow->submit());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::Ticketed, kWait);
        QVERIFY(flow->outcome() == Outcome::Ticketed);
        QVERIFY(!stateNames(states).contains(QStringLiteral("ticketing")));
        expectOneBooking(env, id, *offer);
        QCOMPARE(env.requestsTo(QStringLiteral("get_booking")).size(), 0);
        QVERIFY(env.intent(id).ticketKey.isEmpty()); // no ticket action, no ticket key
    }

    void pendingIsPolledUntilTicketed() {
        TmxEngine env;
        QVERIFY(env.sandbox->setScenario(QStringLiteral("slow_airline")));
        const auto offer = env.searchFirstOffer({QStringLiteral("adult"), QStringLiteral("child"),
                                                 QStringLiteral("infant_without_seat")});
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        auto flow = env.makeFlow(id);
        QSignalSpy states(flow.get(), &CheckoutFlow::stateEntered);
        flow->start();
        QVERIFY(flow->submit());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::Ticketed, kWait);
        QVERIFY(flow->outcome() == Outcome::Ticketed);
        QVERIFY(stateNames(states).contains(QStringLiteral("processing")));
        QVERIFY(!stateNames(states).contains(QStringLiteral("ticketing")));
        expectOneBooking(env, id, *offer);
        QVERIFY(env.requestsTo(QStringLiteral("get_booking")).size() >= 1);
    }
};

QTEST_GUILESS_MAIN(TestTravomatrixFlow)
#include "tst_travomatrix_flow.moc"
