// Schedule changes seen when an order is re-read (issue 13, item 3), with the webhooks lost: the
// whole demo desk (Session, its gateways and journal thread) against its embedded sandbox on
// 127.0.0.1. The airline re-times the flight, the signed event never arrives, and the next read
// of the order by any part of the desk — a contact change, a checkout's poll — queues the
// change once; the queue's watchers hear of it, and it is still there after a restart.
#include "deskoffers.h"
#include "testdata.h"
#include "testjournal.h"

#include "desk/contacts.h"
#include "desk/desk.h"
#include "desk/schedulechanges.h"
#include "desk/session.h"
#include "sandbox/ledger.h"
#include "sandbox/scenario.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fd;

namespace {

constexpr int kWait = 20000;

struct OpenDesk {
    std::unique_ptr<Session> session;
    std::unique_ptr<desk::Desk> desk;
};

OpenDesk openDemo(const QString &journal) {
    SessionOptions o;
    o.demo = true;
    o.journalPath = journal;
    o.journalPassword = test::journalPassword();
    o.timingScale = 0.01;
    auto session = Session::open(o);
    if (!session)
        qFatal("%s", qPrintable(session.error().message));
    OpenDesk d;
    d.session = std::move(session).value();
    d.desk = desk::makeDesk(*d.session);
    return d;
}

void useScenario(Session &session, const QString &ticketing) {
    const auto s = sandbox::Scenario::fromJson(
        {{QStringLiteral("name"), QStringLiteral("webhooks-lost")},
         {QStringLiteral("ticketing"), QJsonObject{{QStringLiteral("outcome"), ticketing}}},
         {QStringLiteral("webhooks"),
          QJsonObject{{QStringLiteral("mode"), QStringLiteral("dropped")}}}});
    if (!s)
        qFatal("%s", qPrintable(s.error().message));
    session.sandbox()->setScenario(*s);
}

int droppedScheduleEvents(Session &session) {
    int n = 0;
    for (const auto &d : session.sandbox()->ledger().deliveries())
        n += d.eventType == QLatin1String("order.schedule_changed");
    return n;
}

} // namespace

class TestScheduleReread final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    // A booking of this desk, under `ticketing`, with no webhook ever arriving: the checkout
    // learns its outcome by polling alone.
    static CheckoutFlow *book(OpenDesk &d, const Offer &offer) {
        auto flow = d.desk->checkouts().open(QStringLiteral("travelbase"), offer.id, offer.raw,
                                             test::testPassengers("provider-example"));
        if (!flow)
            return nullptr;
        (*flow)->start();
        if (!(*flow)->submit())
            return nullptr;
        return *flow;
    }

private Q_SLOTS:
    void initTestCase() {
        FD_SKIP_UNLESS_TEST_JOURNAL_RUNS();
        QVERIFY(m_dir.isValid());
    }

    // A ticketed booking; the change arrives with no webhook, and a contact change re-reads the
    // order: the change joins the queue once, whoever reads the order next.
    void aContactChangeReadsTheChangeIntoTheQueue() {
        const QString journal = test::freshJournalLocation(m_dir, QStringLiteral("contact"));
        QString orderId;
        QJsonArray newSlices;
        {
            OpenDesk d = openDemo(journal);
            useScenario(*d.session, QStringLiteral("ticketed"));
            const auto offer = test::firstDeskOffer(*d.desk);
            QVERIFY(offer);
            CheckoutFlow *flow = book(d, *offer);
            QVERIFY(flow);
            QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::Ticketed, kWait);
            orderId = d.desk->checkouts().intent(flow->intentId())->orderId;
            QVERIFY(!orderId.isEmpty());

            int heard = 0;
            QObject watcher;
            d.desk->scheduleChanges().watch(&watcher, [&heard] { ++heard; });

            const auto changed = d.session->sandbox()->changeSchedule(orderId, 95);
            QVERIFY(changed);
            newSlices = changed->value(QLatin1String("slices")).toArray();
            QTRY_COMPARE_WITH_TIMEOUT(droppedScheduleEvents(*d.session), 1, kWait);
            QCOMPARE(d.desk->scheduleChanges().queue(10)->total, 0); // the event was lost

            std::optional<desk::ContactOutcome> outcome;
            desk::ContactRequest request;
            request.orderId = orderId;
            request.change.email = QStringLiteral("new.address@example.org");
            QObject context;
            d.desk->contacts().change(request, &context,
                                      [&outcome](desk::ContactOutcome o) { outcome = o; });
            QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), kWait);
            QCOMPARE(outcome->kind, desk::ContactOutcome::Kind::Changed);
            QTRY_COMPARE_WITH_TIMEOUT(heard, 1, kWait);
            const auto queue = d.desk->scheduleChanges().queue(10);
            QVERIFY(queue);
            QCOMPARE(queue->total, 1);
            const ScheduleChange &item = queue->changes.first();
            QCOMPARE(item.orderId, orderId);
            QCOMPARE(item.intentId, flow->intentId());
            QVERIFY(item.eventId.isEmpty()); // seen by a read, not brought by an event
            QCOMPARE(item.oldSlices, offer->raw.value(QLatin1String("slices")).toArray());
            QCOMPARE(item.newSlices, newSlices);

            // The contact change made a new version with the same times: reading it again
            // (any reader: here the gateway itself) queues nothing more.
            bool read = false;
            d.session->link(QStringLiteral("travelbase"))
                ->gateway()
                .fetchOrder(orderId, &context, {},
                            [&read](const GatewayResult<OrderSnapshot> &) { read = true; });
            QTRY_VERIFY_WITH_TIMEOUT(read, kWait);
            // In order on the journal's thread: a read queued after the recording sees it.
            std::optional<Result<desk::ScheduleChanges::Queue>> after;
            d.desk->scheduleChanges().readQueue(
                10, &context, [&after](Result<desk::ScheduleChanges::Queue> q) { after = q; });
            QTRY_VERIFY_WITH_TIMEOUT(after.has_value(), kWait);
            QCOMPARE(after->value().total, 1);
            QCOMPARE(heard, 1);
        }
        // A restart finds it waiting.
        OpenDesk again = openDemo(journal);
        const auto queue = again.desk->scheduleChanges().queue(10);
        QVERIFY(queue);
        QCOMPARE(queue->total, 1);
        QCOMPARE(queue->changes.first().orderId, orderId);
        QCOMPARE(queue->changes.first().newSlices, newSlices);
    }

    // An order still being ticketed when the airline re-times it: the checkout's own poll
    // brings the change into the queue, and the checkout carries on as before.
    void aCheckoutPollReadsTheChangeIntoTheQueue() {
        OpenDesk d = openDemo(test::freshJournalLocation(m_dir, QStringLiteral("poll")));
        useScenario(*d.session, QStringLiteral("never"));
        const auto offer = test::firstDeskOffer(*d.desk);
        QVERIFY(offer);
        CheckoutFlow *flow = book(d, *offer);
        QVERIFY(flow);
        QTRY_VERIFY_WITH_TIMEOUT(!d.desk->checkouts().intent(flow->intentId())->orderId.isEmpty(),
                                 kWait);
        const QString orderId = d.desk->checkouts().intent(flow->intentId())->orderId;
        QSignalSpy queued(d.session.get(), &Session::scheduleChangeQueued);
        QVERIFY(d.session->sandbox()->changeSchedule(orderId, -40));
        QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 1, kWait);
        QCOMPARE(queued.first().first().toString(), orderId);
        const auto queue = d.desk->scheduleChanges().queue(10);
        QVERIFY(queue);
        QCOMPARE(queue->total, 1);
        QCOMPARE(queue->changes.first().intentId, flow->intentId());
        QVERIFY(flow->state() != CheckoutState::Ticketed);
        QVERIFY(flow->state() != CheckoutState::Failed);
    }
};

QTEST_GUILESS_MAIN(TestScheduleReread)
#include "tst_schedule_reread.moc"
