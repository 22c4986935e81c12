// The schedule-change queue over real HTTP (issue 13, item 3): a booking made by the real
// engine against the sandbox on 127.0.0.1, the airline re-times the flight (the sandbox's
// control endpoint, POST /__sandbox/schedule_change), the signed order.schedule_changed event
// reaches the desk's receiver — delivered twice — and the change is queued once; a restart
// (another journal open, and the real `flightdesk queue` binary) still lists it;
// `flightdesk queue --ack` clears it, once.
#include "enginefixture.h"
#include "processrun.h"
#include "rawhttpclient.h"

using namespace fd;
using namespace fd::test;

namespace {

constexpr int kWait = 15000;

QStringList run(const QStringList &args, int *exitCode) {
    const auto r = runProcess(QStringLiteral(FLIGHTDESK_BINARY), args,
                              withJournalPassword(environmentWithoutSecrets({})), 60000);
    *exitCode = r.exitCode;
    QStringList lines;
    for (const QByteArray &l : r.out.split('\n'))
        if (!l.isEmpty())
            lines << QString::fromUtf8(l);
    if (r.exitCode != 0)
        qWarning("flightdesk %s: %s", qPrintable(args.join(QLatin1Char(' '))), r.err.constData());
    return lines;
}

} // namespace

class TestScheduleQueue final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void scheduleChangeQueuedSurvivesRestartAcknowledged() {
        EngineEnv env(true);
        // Every event delivered twice with the same id: at least once, as the contract says.
        QVERIFY(env.setScenarioJson(
            {{QStringLiteral("name"), QStringLiteral("duplicated")},
             {QStringLiteral("webhooks"),
              QJsonObject{{QStringLiteral("mode"), QStringLiteral("duplicated")}}}}));
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        auto flow = env.makeFlow(id, hourLongWaits());
        flow->start();
        QVERIFY(flow->submit());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::Ticketed, kWait);
        const QString orderId = env.intent(id).orderId;
        QCOMPARE(env.journal.scheduleQueueCount().value(), 0); // a booking alone queues nothing

        // The airline moves the flight 95 minutes later, through the sandbox's HTTP control.
        QSignalSpy queued(env.receiver.get(), &WebhookReceiver::scheduleChangeQueued);
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("data"),
                                       QJsonObject{{QStringLiteral("order_id"), orderId},
                                                   {QStringLiteral("shift_minutes"), 95}}}})
                .toJson(QJsonDocument::Compact);
        RawRequest change(
            env.sandbox->port(),
            RawRequest::build("POST", "/__sandbox/schedule_change", env.sandbox->port(), body,
                              "Authorization: Bearer " + env.sandbox->apiKey().toUtf8() + "\r\n"));
        QVERIFY(change.wait());
        QCOMPARE(change.answer().status, 200);
        const QJsonObject changed = change.answer().json.value(QLatin1String("data")).toObject();
        QVERIFY(changed.contains(QLatin1String("slices")));
        QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 1, kWait);
        // Both deliveries of the event answered 200; still one item.
        QTRY_COMPARE_WITH_TIMEOUT(
            [&env] {
                int n = 0;
                for (const auto &d : env.sandbox->ledger().deliveries())
                    n += d.eventType == QLatin1String("order.schedule_changed") && d.status == 200;
                return n;
            }(),
            2, kWait);
        QCOMPARE(queued.size(), 1);
        QCOMPARE(env.journal.scheduleQueueCount().value(), 1);
        const ScheduleChange item = env.journal.scheduleQueue(10).value().first();
        QCOMPARE(item.orderId, orderId);
        QCOMPARE(item.intentId, id);
        QCOMPARE(item.oldSlices, offer->raw.value(QLatin1String("slices")).toArray());
        QCOMPARE(item.newSlices, changed.value(QLatin1String("slices")).toArray());
        const QDateTime booked = offer->slices.first().departingAt;
        const QDateTime now = QDateTime::fromString(
            item.newSlices.first().toObject().value(QLatin1String("departing_at")).toString(),
            Qt::ISODate);
        QCOMPARE(booked.secsTo(now), 95 * 60);

        // Re-reading the order shows the same change: GET carries the slices now, and the
        // journal knows that version already.
        Answer<OrderSnapshot> read;
        env.gateway->fetchOrder(orderId, &env.context, {}, read.sink());
        QVERIFY(read.wait());
        QVERIFY(read.value());
        QCOMPARE(read.value()->raw.value(QLatin1String("slices")).toArray(), item.newSlices);
        QCOMPARE(env.journal.recordScheduleChange(QStringLiteral("travelbase"), read.value()->raw)
                     .value(),
                 false);

        // A restart: the journal opened again, and by the real binary.
        const QString path = env.journal.path();
        {
            OrderJournal again(&env.clock);
            again.setPassword(journalPassword());
            QVERIFY(again.open(path).ok());
            QCOMPARE(again.scheduleQueueCount().value(), 1);
        }
        int code = -1;
        const QStringList listed =
            run({QStringLiteral("queue"), QStringLiteral("--journal"), path}, &code);
        QCOMPARE(code, 0);
        QCOMPARE(listed.size(), 1);
        const QJsonObject line = QJsonDocument::fromJson(listed.first().toUtf8()).object();
        QCOMPARE(line.value(QLatin1String("id")).toString(), item.id);
        QCOMPARE(line.value(QLatin1String("order_id")).toString(), orderId);
        const QJsonObject flight =
            line.value(QLatin1String("flights")).toArray().first().toObject();
        QCOMPARE(flight.value(QLatin1String("origin_time_zone")).toString(),
                 QStringLiteral("Africa/Lagos"));
        QVERIFY(flight.value(QLatin1String("changed")).toBool());

        // Support's list of what needs someone names this booking, for its schedule change.
        const QStringList attention{QStringLiteral("orders"), QStringLiteral("--journal"), path,
                                    QStringLiteral("--jsonl"), QStringLiteral("--needs-attention")};
        const QStringList waiting = run(attention, &code);
        QCOMPARE(code, 0);
        QCOMPARE(waiting.size(), 1);
        const QJsonObject booking = QJsonDocument::fromJson(waiting.first().toUtf8()).object();
        QCOMPARE(booking.value(QLatin1String("order_id")).toString(), orderId);
        QCOMPARE(booking.value(QLatin1String("needs_attention")).toString(),
                 QStringLiteral("schedule_changed"));

        const QStringList ack = run({QStringLiteral("queue"), QStringLiteral("--journal"), path,
                                     QStringLiteral("--ack"), item.id, QStringLiteral("--by"),
                                     QStringLiteral("agent-7")},
                                    &code);
        QCOMPARE(code, 0);
        QCOMPARE(ack, QStringList{QStringLiteral("{\"acknowledged\":true,\"id\":\"") + item.id +
                                  QStringLiteral("\"}")});
        const QStringList again = run({QStringLiteral("queue"), QStringLiteral("--journal"), path,
                                       QStringLiteral("--ack"), item.id},
                                      &code);
        QCOMPARE(code, 0); // harmless
        QVERIFY(again.value(0).contains(QStringLiteral("\"acknowledged\":false")));
        QCOMPARE(env.journal.scheduleQueueCount().value(), 0);
        QCOMPARE(env.journal.scheduleChange(item.id)->acknowledgedBy, QStringLiteral("agent-7"));
        QVERIFY(run({QStringLiteral("queue"), QStringLiteral("--journal"), path}, &code).isEmpty());
        QCOMPARE(code, 0);
        QVERIFY(run(attention, &code).isEmpty()); // acknowledged: nothing waits
        QCOMPARE(code, 0);
    }

    // The sandbox's stale_after mode replays an older Order as order.schedule_changed: it has
    // no slices, so it queues nothing (and still never moves the booking backwards).
    void staleReplayIsNotAScheduleChange() {
        EngineEnv env(true);
        QVERIFY(env.setScenarioJson(
            {{QStringLiteral("name"), QStringLiteral("stale")},
             {QStringLiteral("webhooks"),
              QJsonObject{{QStringLiteral("mode"), QStringLiteral("stale_after")}}}}));
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        auto flow = env.makeFlow(id, hourLongWaits());
        flow->start();
        QVERIFY(flow->submit());
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), CheckoutState::Ticketed, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&env] {
                for (const auto &d : env.sandbox->ledger().deliveries())
                    if (d.eventType == QLatin1String("order.schedule_changed") && d.status == 200)
                        return true;
                return false;
            }(),
            kWait);
        QCOMPARE(env.journal.scheduleQueueCount().value(), 0);
        QCOMPARE(env.intent(id).state, CheckoutState::Ticketed);
    }
};

QTEST_GUILESS_MAIN(TestScheduleQueue)
#include "tst_schedule_queue.moc"
