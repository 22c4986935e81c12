// Scenario faults, per endpoint and attempt, as a client sees them over real HTTP.
#include "sandboxharness.h"

#include <QElapsedTimer>

using namespace fd::sandbox;
using namespace fd::sandbox::test;

namespace {
QString fixture(const char *name) {
    return QStringLiteral(FLIGHTDESK_TEST_DATA "/sandbox/") + QLatin1String(name);
}
} // namespace

class TestSandboxFaults final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void answerFaults() {
        Fixture f;
        QCOMPARE(f.sandbox->setScenario(fixture("wallet_faults.json")).ok(), true);
        struct Expect {
            int status;
            const char *code;
            bool retryable;
            const char *fault;
            QByteArray retryAfter;
        };
        const QList<Expect> expected{
            {503, "TB_UNAVAILABLE", true, "server", "3"},
            {503, "TB_UNAVAILABLE", true, "server", ""},
            {500, "TB_INTERNAL", true, "server", ""},
            {429, "TB_RATE_LIMITED", true, "client", "1"},
            {429, "TB_RATE_LIMITED", true, "client", ""},
            {500, "TB_INTERNAL_FATAL", false, "server", ""},
            {409, "TB_IDEMPOTENCY_IN_FLIGHT", true, "client", "2"},
        };
        for (const auto &e : expected) {
            const auto r = f.client->call("GET", QStringLiteral("/v1/wallet"));
            QCOMPARE(r.status, e.status);
            QCOMPARE(r.errorCode(), QLatin1String(e.code));
            QCOMPARE(r.json.value(QLatin1String("retryable")).toBool(), e.retryable);
            QCOMPARE(r.json.value(QLatin1String("fault")).toString(), QLatin1String(e.fault));
            QCOMPARE(r.json.value(QLatin1String("environment")).toString(),
                     QStringLiteral("sandbox"));
            QCOMPARE(r.json.value(QLatin1String("apiVersion")).toString(), QStringLiteral("1.0.0"));
            QCOMPARE(r.header("Retry-After"), e.retryAfter);
        }
        const auto html = f.client->call("GET", QStringLiteral("/v1/wallet"));
        QCOMPARE(html.status, 502);
        QVERIFY(html.header("Content-Type").startsWith("text/html"));
        QVERIFY(QJsonDocument::fromJson(html.body).isNull());
        QCOMPARE(f.client->call("GET", QStringLiteral("/v1/wallet")).status, 200);
        const auto requests = f.sandbox->ledger().requests();
        QCOMPARE(requests.size(), qsizetype(9));
        QCOMPARE(requests[5].outcome, QStringLiteral("fault:internal_fatal"));
        QCOMPARE(requests[8].attempt, 9);
    }

    void resetBeforeCommit() {
        Fixture f;
        QVERIFY(f.sandbox->setScenario(fixture("reset_before_commit.json")).ok());
        const auto offer = f.firstOffer();
        // Qt re-sends a POST whose connection closed before any answer, so the client may
        // never see the reset; if it does, it retries with the same key, as the contract says.
        auto r = f.createOrder(offer, "k");
        if (r.status == 0)
            r = f.createOrder(offer, "k");
        QCOMPARE(r.status, 201);
        QVERIFY(r.header("Idempotent-Replayed").isEmpty()); // nothing had executed before
        const auto &requests = f.sandbox->ledger().requests();
        QCOMPARE(requests[1].outcome, QStringLiteral("fault:reset_before_commit"));
        QCOMPARE(requests[1].status, 0);
        QCOMPARE(requests.last().outcome, QStringLiteral("executed"));
        QCOMPARE(requests.last().attempt, 2);
        QCOMPARE(f.sandbox->ledger().movements().size(), qsizetype(1));
    }

    void resetAfterCommit() {
        Fixture f;
        QVERIFY(f.sandbox->setScenario(fixture("reset_after_commit.json")).ok());
        const auto offer = f.firstOffer();
        auto r = f.createOrder(offer, "k");
        if (r.status == 0)
            r = f.createOrder(offer, "k");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.header("Idempotent-Replayed"), QByteArray("true"));
        const auto &requests = f.sandbox->ledger().requests();
        QCOMPARE(requests[1].outcome, QStringLiteral("executed;fault:reset_after_commit"));
        QCOMPARE(requests.last().outcome, QStringLiteral("replayed"));
        const auto ledger = fetchLedger(*f.client);
        QCOMPARE(ledger.value(QLatin1String("orders")).toArray().size(), 1);
        QCOMPARE(countWhere(ledger.value(QLatin1String("wallet_movements")).toArray(),
                            QStringLiteral("type"), QStringLiteral("debit")),
                 1);
    }

    void hangAfterCommit() {
        Fixture f;
        QVERIFY(f.sandbox->setScenario(fixture("hang_after_commit.json")).ok());
        const auto offer = f.firstOffer();
        const QByteArray body = QJsonDocument(orderBody(offer)).toJson(QJsonDocument::Compact);
        const auto hung = Client::finish(
            f.client->start("POST", QStringLiteral("/v1/air/orders"), body, "k", 300));
        QCOMPARE(hung.status, 0);
        QVERIFY(hung.error != QNetworkReply::NoError);
        QCOMPARE(f.sandbox->ledgerJson().value(QLatin1String("orders")).toArray().size(), 1);
        // The desk's retry with the same key learns the outcome without a second order.
        const auto retry = f.client->raw("POST", QStringLiteral("/v1/air/orders"), body, "k");
        QCOMPARE(retry.status, 201);
        QCOMPARE(retry.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(f.sandbox->ledger().movements().size(), qsizetype(1));
        // The sandbox still serves everyone else.
        QCOMPARE(f.client->call("GET", QStringLiteral("/v1/wallet")).status, 200);
    }

    void slowCreate() {
        Fixture f;
        QVERIFY(f.sandbox->setScenario(fixture("slow_create.json")).ok());
        const auto offer = f.firstOffer();
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *slow =
            f.client->start("POST", QStringLiteral("/v1/air/orders"),
                            QJsonDocument(orderBody(offer)).toJson(QJsonDocument::Compact), "k");
        // Other requests are answered while the create executes.
        QCOMPARE(f.client->call("GET", QStringLiteral("/v1/wallet")).status, 200);
        QVERIFY(!slow->isFinished());
        const auto r = Client::finish(slow);
        QCOMPARE(r.status, 201);
        QVERIFY(timer.elapsed() >= 150); // 20 s at the test's 0.01 timing scale
    }

    void flakyNetworkBuiltIn() {
        // The trainer's scenario end to end, with a client that follows the retry rules.
        Fixture f;
        QVERIFY(f.sandbox->setScenario(QStringLiteral("flaky_network")).ok());
        const auto offer = f.firstOffer();
        auto r = f.createOrder(offer, "intent");
        QCOMPARE(r.status, 503);
        QCOMPARE(r.header("Retry-After"), QByteArray("1"));
        r = f.createOrder(offer, "intent"); // attempt 2 commits, then the connection drops
        if (r.status == 0)
            r = f.createOrder(offer, "intent");
        QCOMPARE(r.status, 201);
        const QString id = r.data().value(QLatin1String("id")).toString();
        const QString ticket = QStringLiteral("/v1/air/orders/%1/actions/ticket").arg(id);
        QCOMPARE(f.client->call("POST", ticket, {}, "t").status, 429);
        QCOMPARE(f.client->call("POST", ticket, {}, "t").status, 202);
        QCOMPARE(f.client->call("GET", QStringLiteral("/v1/air/orders/") + id).status, 500);
        QTRY_COMPARE(f.client->call("GET", QStringLiteral("/v1/air/orders/") + id)
                         .data()
                         .value(QLatin1String("status"))
                         .toString(),
                     QStringLiteral("ticketed"));
        QCOMPARE(f.sandbox->ledger().movements().size(), qsizetype(1));
        QCOMPARE(f.sandbox->ledgerJson().value(QLatin1String("orders")).toArray().size(), 1);
    }

    void builtInsLoad() {
        for (const auto &name : Scenario::builtInNames()) {
            const auto s = Scenario::builtIn(name);
            QVERIFY2(s.has_value(), qPrintable(name));
            QCOMPARE(s->name, name);
            QVERIFY(!s->description.isEmpty());
        }
        QVERIFY(!Scenario::builtIn(QStringLiteral("nope")));
    }

    void badScenarioFile() {
        const auto s = Scenario::fromFile(fixture("bad_scenario.json"));
        QVERIFY(!s.ok());
        QVERIFY(s.error().message.contains(QLatin1String("meteor_strike")));
        QVERIFY(!Scenario::resolve(QStringLiteral("/no/such/file.json")).ok());
    }

    // Found by the scenario fuzzer: negative or huge waits were taken as they came.
    void faultWaitsAreBounded_data() {
        QTest::addColumn<QByteArray>("fault");
        QTest::newRow("negative delay") << QByteArray(R"("delay_ms": -5)");
        QTest::newRow("delay over a day") << QByteArray(R"("delay_ms": 2000000000)");
        QTest::newRow("negative retry_after") << QByteArray(R"("retry_after": -1)");
        QTest::newRow("retry_after over a day") << QByteArray(R"("retry_after": 999999999)");
    }
    void faultWaitsAreBounded() {
        QFETCH(QByteArray, fault);
        const QByteArray json = R"({"name": "x", "faults": [{"endpoint": "create_order",
            "kind": "rate_limited", )" +
                                fault + "}]}";
        const auto s = Scenario::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!s.ok());
        QVERIFY(s.error().message.contains(QLatin1String("between 0 and one day")));
    }

    void walletTooLowAndAboutToExpire() {
        fd::ManualClock clock(QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC));
        Fixture f(&clock);
        QVERIFY(f.sandbox->setScenario(QStringLiteral("wallet_too_low")).ok());
        QCOMPARE(f.createOrder(f.firstOffer(), "k").status, 402);
        QVERIFY(f.sandbox->setScenario(QStringLiteral("offer_about_to_expire")).ok());
        f.sandbox->setWalletBalance(
            fd::Money::parse(QStringLiteral("5000.00"), QStringLiteral("EUR")).value());
        const auto offer = f.firstOffer();
        QCOMPARE(offer.value(QLatin1String("expires_at")).toString(),
                 QStringLiteral("2026-12-01T10:01:10Z"));
        clock.advance(71 * 1000);
        QCOMPARE(f.createOrder(offer, "k2").errorCode(), QStringLiteral("TB_OFFER_EXPIRED"));
    }

    void switchOverHttp() {
        Fixture f;
        auto r =
            f.client->call("POST", QStringLiteral("/__sandbox/scenario"),
                           wrap({{QStringLiteral("name"), QStringLiteral("airline_rejects")}}));
        QCOMPARE(r.status, 200);
        QCOMPARE(f.sandbox->scenario().outcome, TicketingOutcome::Failed);
        r = f.client->call(
            "POST", QStringLiteral("/__sandbox/scenario"),
            wrap({{QStringLiteral("scenario"),
                   QJsonObject{
                       {QStringLiteral("name"), QStringLiteral("inline")},
                       {QStringLiteral("faults"),
                        QJsonArray{QJsonObject{
                            {QStringLiteral("endpoint"), QStringLiteral("get_wallet")},
                            {QStringLiteral("kind"), QStringLiteral("internal_fatal")}}}}}}}));
        QCOMPARE(r.status, 200);
        QCOMPARE(f.client->call("GET", QStringLiteral("/v1/wallet")).errorCode(),
                 QStringLiteral("TB_INTERNAL_FATAL"));
        r = f.client->call("POST", QStringLiteral("/__sandbox/scenario"),
                           wrap({{QStringLiteral("name"), QStringLiteral("no_such_scenario")}}));
        QCOMPARE(r.status, 400);
        QCOMPARE(f.sandbox->scenario().name, QStringLiteral("inline"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_sandbox_faults.moc"
