// The idempotency rules of the contract, checked from the outside through the ledger.
#include "sandboxharness.h"

using namespace fd::sandbox;
using namespace fd::sandbox::test;

namespace {

Scenario slowCreate(int delayMs) {
    Scenario s;
    s.name = QStringLiteral("slow_create");
    s.faults.append(Fault{QStringLiteral("create_order"), {}, FaultKind::Slow, {}, delayMs});
    return s;
}

} // namespace

class TestSandboxIdempotency final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void replaySameBody() {
        Fixture f;
        const auto offer = f.firstOffer();
        const auto first = f.createOrder(offer, "intent-1");
        QCOMPARE(first.status, 201);
        QVERIFY(first.header("Idempotent-Replayed").isEmpty());
        const auto second = f.createOrder(offer, "intent-1");
        QCOMPARE(second.status, 201);
        QCOMPARE(second.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(second.body, first.body);
        // Whitespace and key order do not make it another payload.
        const auto pretty = QJsonDocument(orderBody(offer)).toJson(QJsonDocument::Indented);
        const auto third =
            f.client->raw("POST", QStringLiteral("/v1/air/orders"), pretty, "intent-1");
        QCOMPARE(third.status, 201);
        QCOMPARE(third.header("Idempotent-Replayed"), QByteArray("true"));

        const auto ledger = fetchLedger(*f.client);
        QCOMPARE(ledger.value(QLatin1String("orders")).toArray().size(), 1);
        const auto moves = ledger.value(QLatin1String("wallet_movements")).toArray();
        QCOMPARE(countWhere(moves, QStringLiteral("type"), QStringLiteral("debit")), 1);
        const auto requests = ledger.value(QLatin1String("requests")).toArray();
        QCOMPARE(
            countWhere(requests, QStringLiteral("idempotency_key"), QStringLiteral("intent-1")), 3);
        QCOMPARE(countWhere(requests, QStringLiteral("outcome"), QStringLiteral("replayed")), 2);
    }

    void differentBodyIsReuse() {
        Fixture f;
        const auto offer = f.firstOffer();
        QCOMPARE(f.createOrder(offer, "intent-2").status, 201);
        const auto r = f.client->call("POST", QStringLiteral("/v1/air/orders"),
                                      orderBody(offer, QStringLiteral("Chinedu")), "intent-2");
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("TB_IDEMPOTENCY_KEY_REUSED"));
        QCOMPARE(r.json.value(QLatin1String("retryable")).toBool(), false);
        QCOMPARE(r.json.value(QLatin1String("fault")).toString(), QStringLiteral("client"));
        QCOMPARE(f.sandbox->ledgerJson().value(QLatin1String("orders")).toArray().size(), 1);
    }

    void keyMissing_data() {
        QTest::addColumn<QString>("path");
        QTest::newRow("create") << "/v1/air/orders";
        QTest::newRow("ticket") << "/v1/air/orders/ord_0001/actions/ticket";
        QTest::newRow("confirm") << "/v1/air/order_cancellations/ore_0001/actions/confirm";
    }
    void keyMissing() {
        QFETCH(QString, path);
        Fixture f;
        QCOMPARE(f.createOrder(f.firstOffer(false), "setup").status, 201);
        const auto r = f.client->call("POST", path, {}, {});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("TB_IDEMPOTENCY_KEY_MISSING"));
    }

    void rejectedStoresNothing() {
        Fixture f;
        const auto offer = f.firstOffer();
        f.sandbox->setWalletBalance(
            fd::Money::parse(QStringLiteral("1.00"), QStringLiteral("EUR")).value());
        QCOMPARE(f.createOrder(offer, "intent-3").status, 402);
        // An invalid body under the same key is judged afresh, not as a reuse.
        auto bad = orderBody(offer).value(QLatin1String("data")).toObject();
        bad.remove(QStringLiteral("payments"));
        auto r = f.client->call("POST", QStringLiteral("/v1/air/orders"), wrap(bad), "intent-3");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("TB_VALIDATION_FAILED"));
        // Wrong API key: rejected before anything, stores nothing either.
        Client stranger(f.sandbox->baseUrl(), QStringLiteral("tb_wrong"));
        QCOMPARE(
            stranger.call("POST", QStringLiteral("/v1/air/orders"), orderBody(offer), "intent-3")
                .status,
            401);
        f.sandbox->setWalletBalance(
            fd::Money::parse(QStringLiteral("5000.00"), QStringLiteral("EUR")).value());
        r = f.createOrder(offer, "intent-3");
        QCOMPARE(r.status, 201);
        QVERIFY(r.header("Idempotent-Replayed").isEmpty());
    }

    void concurrentDuplicates() {
        Fixture f;
        const auto offer = f.firstOffer();
        f.sandbox->setScenario(slowCreate(30000)); // 300 ms at the test's timing scale
        const QByteArray body = QJsonDocument(orderBody(offer)).toJson(QJsonDocument::Compact);
        QNetworkReply *a = f.client->start("POST", QStringLiteral("/v1/air/orders"), body, "same");
        // The second is sent once the first is in the sandbox, both on their own connection.
        QTRY_COMPARE(f.sandbox->ledger().requests().size(), qsizetype(2));
        QNetworkReply *b = f.client->start("POST", QStringLiteral("/v1/air/orders"), body, "same");
        const auto second = Client::finish(b);
        QVERIFY(!a->isFinished()); // truly concurrent: the first is still executing
        const auto first = Client::finish(a);
        QCOMPARE(first.status, 201);
        QCOMPARE(second.status, 409);
        QCOMPARE(second.errorCode(), QStringLiteral("TB_IDEMPOTENCY_IN_FLIGHT"));
        QCOMPARE(second.json.value(QLatin1String("retryable")).toBool(), true);
        QCOMPARE(second.header("Retry-After"), QByteArray("2"));
        // Retrying later with the same key replays the original.
        const auto retry = f.client->raw("POST", QStringLiteral("/v1/air/orders"), body, "same");
        QCOMPARE(retry.status, 201);
        QCOMPARE(retry.body, first.body);
        const auto ledger = fetchLedger(*f.client);
        QCOMPARE(ledger.value(QLatin1String("orders")).toArray().size(), 1);
        QCOMPARE(countWhere(ledger.value(QLatin1String("wallet_movements")).toArray(),
                            QStringLiteral("type"), QStringLiteral("debit")),
                 1);
    }

    void concurrentDifferentKeysBookOnce() {
        // Two intents racing for the same offer: one order, the other is told it is gone.
        Fixture f;
        const auto offer = f.firstOffer();
        f.sandbox->setScenario(slowCreate(20000));
        const QByteArray body = QJsonDocument(orderBody(offer)).toJson(QJsonDocument::Compact);
        QNetworkReply *a = f.client->start("POST", QStringLiteral("/v1/air/orders"), body, "k-a");
        QNetworkReply *b = f.client->start("POST", QStringLiteral("/v1/air/orders"), body, "k-b");
        const auto ra = Client::finish(a), rb = Client::finish(b);
        QCOMPARE(QList<int>({ra.status, rb.status}).count(201), 1);
        QCOMPARE(QList<int>({ra.status, rb.status}).count(422), 1);
        QCOMPARE(f.sandbox->ledger().movements().size(), qsizetype(1));
    }

    void ticketReplay() {
        Fixture f;
        const QString id =
            f.createOrder(f.firstOffer(), "c").data().value(QLatin1String("id")).toString();
        const QString path = QStringLiteral("/v1/air/orders/%1/actions/ticket").arg(id);
        const auto first = f.client->call("POST", path, {}, "t-1");
        QCOMPARE(first.status, 202);
        QTRY_COMPARE(f.client->call("GET", QStringLiteral("/v1/air/orders/") + id)
                         .data()
                         .value(QLatin1String("status"))
                         .toString(),
                     QStringLiteral("ticketed"));
        const auto again = f.client->call("POST", path, {}, "t-1");
        QCOMPARE(again.status, 202);
        QCOMPARE(again.body, first.body); // the original in_progress answer, not today's state
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
    }

    void debitReversedOnFailure() {
        Fixture f;
        f.sandbox->setScenario(*Scenario::builtIn(QStringLiteral("airline_rejects")));
        const auto offer = f.firstOffer();
        const QString id = f.createOrder(offer, "c").data().value(QLatin1String("id")).toString();
        QCOMPARE(
            f.client
                ->call("POST", QStringLiteral("/v1/air/orders/%1/actions/ticket").arg(id), {}, "t")
                .status,
            202);
        QTRY_COMPARE(f.sandbox->ledger().movements().size(), qsizetype(2));
        const auto order = f.client->call("GET", QStringLiteral("/v1/air/orders/") + id).data();
        QCOMPARE(order.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(order.value(QLatin1String("payment_reversed")).toBool(), true);
        QCOMPARE(order.value(QLatin1String("failure_reason")).toString(),
                 QStringLiteral("airline_rejected"));
        const auto &moves = f.sandbox->ledger().movements();
        QCOMPARE(moves[0].type, QStringLiteral("debit"));
        QCOMPARE(moves[1].type, QStringLiteral("reversal"));
        QCOMPARE(moves[0].amount, moves[1].amount);
        QCOMPARE(f.sandbox->walletBalance().amount(), QStringLiteral("5000.00"));
        // Ticketing a failed order again does not debit or reverse anything more.
        QCOMPARE(
            f.client
                ->call("POST", QStringLiteral("/v1/air/orders/%1/actions/ticket").arg(id), {}, "t2")
                .status,
            422);
        QCOMPARE(f.sandbox->ledger().movements().size(), qsizetype(2));
    }

    void keysExpireAfter24Hours() {
        fd::ManualClock clock(QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC));
        Fixture f(&clock);
        const auto body = wrap({{QStringLiteral("amount"), QStringLiteral("10.00")}});
        QCOMPARE(f.client->call("POST", QStringLiteral("/v1/wallet/top_ups"), body, "top").status,
                 201);
        clock.advance((24 * 3600 - 1) * 1000LL);
        auto r = f.client->call("POST", QStringLiteral("/v1/wallet/top_ups"), body, "top");
        QCOMPARE(r.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(f.sandbox->walletBalance().amount(), QStringLiteral("5010.00"));
        clock.advance(1000);
        r = f.client->call("POST", QStringLiteral("/v1/wallet/top_ups"), body, "top");
        QCOMPARE(r.status, 201);
        QVERIFY(r.header("Idempotent-Replayed").isEmpty());
        QCOMPARE(f.sandbox->walletBalance().amount(), QStringLiteral("5020.00"));
    }

    void keysScopedToApiKey() {
        Sandbox::Options options;
        options.extraApiKeys = {QStringLiteral("tb_other_agency")};
        Fixture f(nullptr, options);
        Client other(f.sandbox->baseUrl(), QStringLiteral("tb_other_agency"));
        const auto body = wrap({{QStringLiteral("amount"), QStringLiteral("10.00")}});
        QCOMPARE(
            f.client->call("POST", QStringLiteral("/v1/wallet/top_ups"), body, "shared").status,
            201);
        const auto r =
            other.call("POST", QStringLiteral("/v1/wallet/top_ups"),
                       wrap({{QStringLiteral("amount"), QStringLiteral("20.00")}}), "shared");
        QCOMPARE(r.status, 201); // another agency's key space: not a reuse
        QVERIFY(r.header("Idempotent-Replayed").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSandboxIdempotency)
#include "tst_sandbox_idempotency.moc"
