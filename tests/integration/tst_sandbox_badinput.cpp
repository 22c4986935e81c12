// Bad input never hurts the sandbox: every mistake gets the contract's envelope with a precise
// message, and the server keeps serving other clients.
#include "sandboxharness.h"

#include <QTcpSocket>
#include <QTemporaryDir>

using namespace fd::sandbox;
using namespace fd::sandbox::test;

namespace {

void verifyEnvelope(const HttpResult &r, int status, const QString &code) {
    QCOMPARE(r.status, status);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    const QStringList keys{QStringLiteral("success"),         QStringLiteral("statusCode"),
                           QStringLiteral("errorCode"),       QStringLiteral("message"),
                           QStringLiteral("fault"),           QStringLiteral("retryable"),
                           QStringLiteral("suggestedAction"), QStringLiteral("environment"),
                           QStringLiteral("apiVersion")};
    for (const auto &k : keys)
        QVERIFY2(r.json.contains(k), qPrintable(k));
    QCOMPARE(r.json.value(QLatin1String("success")).toBool(true), false);
    QCOMPARE(r.json.value(QLatin1String("statusCode")).toInt(), status);
    QCOMPARE(r.errorCode(), code);
    QVERIFY(!r.json.value(QLatin1String("message")).toString().isEmpty());
}

struct RawAnswer {
    int status = 0;      // 0: no HTTP answer
    qint64 bodySent = 0; // how much of the body was written when the answer was complete
    QByteArray head;
    QJsonObject json;
    QString errorCode() const { return json.value(QLatin1String("errorCode")).toString(); }
};

// One request written on its own connection, as bytes (so the Host header and the declared
// length are exactly what a test says); the event loop runs meanwhile, the sandbox lives in
// this thread. `body` is written in chunks while the answer is awaited, so a server that answers
// early is seen answering early.
RawAnswer rawExchange(quint16 port, const QByteArray &head, const QByteArray &body = {}) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    RawAnswer a;
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000))
        return a;
    socket.write(head);
    qsizetype sent = 0;
    QByteArray raw;
    const auto answered = [&] {
        raw += socket.readAll();
        const qsizetype end = raw.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QByteArray h = raw.left(end).toLower();
        const qsizetype at = h.indexOf("content-length:");
        const qsizetype length =
            at < 0 ? 0 : h.mid(at + 15, h.indexOf('\r', at) - at - 15).trimmed().toLongLong();
        return raw.size() >= end + 4 + length;
    };
    const bool done = QTest::qWaitFor(
        [&] {
            if (sent < body.size() && socket.bytesToWrite() < 256 * 1024 &&
                socket.state() == QAbstractSocket::ConnectedState) {
                const QByteArray chunk = body.mid(sent, 64 * 1024);
                socket.write(chunk);
                sent += chunk.size();
            }
            return answered() || socket.state() == QAbstractSocket::UnconnectedState;
        },
        10000);
    if (!done)
        qWarning("no complete answer within 10 s");
    a.bodySent = sent;
    raw += socket.readAll();
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (!raw.startsWith("HTTP/1.1 ") || end < 0)
        return a;
    a.status = raw.mid(9, 3).toInt();
    a.head = raw.left(end);
    a.json = QJsonDocument::fromJson(raw.mid(end + 4)).object();
    return a;
}

} // namespace

class TestSandboxBadInput final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void malformedBodies_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const QByteArray broken = "{\"data\": {";
        for (const char *path : {"/v1/air/offer_requests", "/v1/wallet/top_ups", "/v1/air/orders",
                                 "/v1/air/order_cancellations", "/__sandbox/scenario"}) {
            QTest::addRow("broken json %s", path)
                << QString::fromLatin1(path) << QByteArray("POST") << broken << "body"
                << "not valid JSON";
            QTest::addRow("array %s", path)
                << QString::fromLatin1(path) << QByteArray("POST") << QByteArray("[1,2]") << "body"
                << "JSON object";
            QTest::addRow("no data %s", path) << QString::fromLatin1(path) << QByteArray("POST")
                                              << QByteArray("{\"slices\": []}") << "data"
                                              << "is required";
            QTest::addRow("empty %s", path)
                << QString::fromLatin1(path) << QByteArray("POST") << QByteArray() << "body"
                << "is empty";
        }
        QTest::newRow("patch data string") << "/v1/air/orders/ord_0001" << QByteArray("PATCH")
                                           << QByteArray("{\"data\": \"x\"}") << "data"
                                           << "must be an object, not a string";
        QTest::newRow("passengers string")
            << "/v1/air/offer_requests" << QByteArray("POST")
            << QByteArray(
                   R"({"data":{"slices":[{"origin":"LOS","destination":"LHR","departure_date":"2027-12-10"}],"passengers":"two"}})")
            << "passengers"
            << "must be an array, not a string";
        QTest::newRow("origin number")
            << "/v1/air/offer_requests" << QByteArray("POST")
            << QByteArray(
                   R"({"data":{"slices":[{"origin":5,"destination":"LHR","departure_date":"2027-12-10"}],"passengers":[{"type":"adult"}]}})")
            << "slices[0].origin"
            << "must be a string, not a number";
        QTest::newRow("bad date")
            << "/v1/air/offer_requests" << QByteArray("POST")
            << QByteArray(
                   R"({"data":{"slices":[{"origin":"LOS","destination":"LHR","departure_date":"10/12/2027"}],"passengers":[{"type":"adult"}]}})")
            << "slices[0].departure_date"
            << "YYYY-MM-DD";
        QTest::newRow("amount number") << "/v1/wallet/top_ups" << QByteArray("POST")
                                       << QByteArray(R"({"data":{"amount":500}})") << "amount"
                                       << "must be a string, not a number";
        QTest::newRow("selected_offers missing")
            << "/v1/air/orders" << QByteArray("POST") << QByteArray(R"({"data":{}})")
            << "selected_offers"
            << "is required";
        QTest::newRow("selected_offers number")
            << "/v1/air/orders" << QByteArray("POST")
            << QByteArray(R"({"data":{"selected_offers":[7]}})") << "selected_offers[0]"
            << "offer id";
        QTest::newRow("order_id missing") << "/v1/air/order_cancellations" << QByteArray("POST")
                                          << QByteArray(R"({"data":{"order":"x"}})") << "order_id"
                                          << "is required";
    }
    void malformedBodies() {
        QFETCH(QString, path);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        QFETCH(QString, message);
        Fixture f;
        f.createOrder(f.firstOffer(false), "setup"); // so ord_0001 exists for PATCH
        const auto r = f.client->raw(method, path, body, "bad-input-key");
        verifyEnvelope(r, 400, QStringLiteral("TB_VALIDATION_FAILED"));
        const auto errors = r.json.value(QLatin1String("errors")).toArray();
        QVERIFY2(!errors.isEmpty(), r.body.constData());
        const auto first = errors.first().toObject();
        QCOMPARE(first.value(QLatin1String("field")).toString(), field);
        QVERIFY2(first.value(QLatin1String("message")).toString().contains(message),
                 r.body.constData());
        // Rejected before execution: the key is free for a corrected request.
        QCOMPARE(f.client->call("GET", QStringLiteral("/v1/wallet")).status, 200);
    }

    // The provider refuses what the desk must never send: a value with an invisible line break,
    // tab or no-break space at either end (PCRE's `$` once let "1988-04-17\n" through).
    void strayWhitespaceRefused_data() {
        QTest::addColumn<QString>("field"); // in passengers[0], or a top-level path
        QTest::addColumn<QString>("value");
        for (const char *field : {"born_on", "phone_number", "given_name", "email", "gender",
                                  "title", "identity_documents[0].unique_identifier",
                                  "identity_documents[0].issuing_country_code",
                                  "identity_documents[0].expires_on", "payments[0].amount"}) {
            QTest::addRow("%s LF", field) << QString::fromLatin1(field) << QStringLiteral("%1\n");
            QTest::addRow("%s CR", field) << QString::fromLatin1(field) << QStringLiteral("%1\r");
            QTest::addRow("%s leading tab", field)
                << QString::fromLatin1(field) << QStringLiteral("\t%1");
            QTest::addRow("%s NBSP", field)
                << QString::fromLatin1(field) << QStringLiteral("%1\u00A0");
        }
    }
    void strayWhitespaceRefused() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        Fixture f;
        const QJsonObject offer = f.firstOffer(true);
        QJsonObject body = orderBody(offer);
        QJsonObject data = body.value(QLatin1String("data")).toObject();
        QString path;
        if (field.startsWith(QLatin1String("payments"))) {
            QJsonArray payments = data.value(QLatin1String("payments")).toArray();
            QJsonObject pay = payments.first().toObject();
            pay.insert(QStringLiteral("amount"),
                       value.arg(pay.value(QLatin1String("amount")).toString()));
            payments[0] = pay;
            data.insert(QStringLiteral("payments"), payments);
            path = field;
        } else {
            QJsonArray passengers = data.value(QLatin1String("passengers")).toArray();
            QJsonObject pax = passengers.first().toObject();
            if (field.startsWith(QLatin1String("identity_documents"))) {
                QJsonArray docs = pax.value(QLatin1String("identity_documents")).toArray();
                QJsonObject doc = docs.first().toObject();
                const QString key = field.section(QLatin1Char('.'), 1);
                doc.insert(key, value.arg(doc.value(key).toString()));
                docs[0] = doc;
                pax.insert(QStringLiteral("identity_documents"), docs);
            } else {
                pax.insert(field, value.arg(pax.value(field).toString()));
            }
            passengers[0] = pax;
            data.insert(QStringLiteral("passengers"), passengers);
            path = QStringLiteral("passengers[0].") + field;
        }
        const auto r = f.client->call("POST", QStringLiteral("/v1/air/orders"), wrap(data),
                                      "stray-whitespace");
        verifyEnvelope(r, 400, QStringLiteral("TB_VALIDATION_FAILED"));
        QStringList fields;
        for (const auto &e : r.json.value(QLatin1String("errors")).toArray())
            fields << e.toObject().value(QLatin1String("field")).toString();
        QVERIFY2(fields.contains(path), r.body.constData());
        // Nothing was booked: the wallet has no debit.
        QCOMPARE(
            countWhere(fetchLedger(*f.client).value(QLatin1String("wallet_movements")).toArray(),
                       QStringLiteral("type"), QStringLiteral("debit")),
            0);
    }

    void unknownRoutes_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::newRow("unknown path") << QByteArray("GET") << "/v1/air/nothing";
        QTest::newRow("no version") << QByteArray("GET") << "/air/orders";
        QTest::newRow("wrong method") << QByteArray("PUT") << "/v1/wallet";
        QTest::newRow("delete order") << QByteArray("DELETE") << "/v1/air/orders/ord_0001";
        QTest::newRow("trailing slash") << QByteArray("GET") << "/v1/wallet/";
        QTest::newRow("root") << QByteArray("GET") << "/";
    }
    void unknownRoutes() {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        Fixture f;
        const auto r = f.client->raw(method, path, {});
        verifyEnvelope(r, 404, QStringLiteral("TB_NOT_FOUND"));
        QVERIFY(r.json.value(QLatin1String("message")).toString().contains(path));
    }

    void tooLarge() {
        Fixture f;
        QByteArray big(2 * 1024 * 1024, 'x');
        big.prepend("{\"data\":{\"pad\":\"");
        big.append("\"}}");
        const auto r = f.client->raw("POST", QStringLiteral("/v1/air/orders"), big, "big");
        verifyEnvelope(r, 413, QStringLiteral("TB_PAYLOAD_TOO_LARGE"));
        QVERIFY(
            r.json.value(QLatin1String("message")).toString().contains(QLatin1String("1048576")));
        // Just under the limit is parsed (and refused on its merits).
        QByteArray fits(1024 * 1024 - 64, ' ');
        fits.append("{\"data\":{}}");
        QCOMPARE(f.client->raw("POST", QStringLiteral("/v1/air/orders"), fits, "fits").status, 400);
        QCOMPARE(f.client->call("GET", QStringLiteral("/v1/wallet")).status, 200);
    }

    // DNS rebinding: a web page's name resolved to 127.0.0.1 keeps its own Host. Like the
    // webhook receiver, the sandbox serves only 127.0.0.1, localhost and [::1] with its port.
    void hosts_data() {
        QTest::addColumn<QByteArray>("hosts"); // %P% = the sandbox's port; "|" separates headers
        QTest::addColumn<int>("status");
        QTest::newRow("127.0.0.1") << QByteArray("127.0.0.1:%P%") << 200;
        QTest::newRow("localhost") << QByteArray("localhost:%P%") << 200;
        QTest::newRow("LOCALHOST") << QByteArray("LOCALHOST:%P%") << 200;
        QTest::newRow("[::1]") << QByteArray("[::1]:%P%") << 200;
        QTest::newRow("rebound name") << QByteArray("evil.example:%P%") << 403;
        QTest::newRow("suffix trick") << QByteArray("127.0.0.1.evil.example:%P%") << 403;
        QTest::newRow("other port") << QByteArray("127.0.0.1:1") << 403;
        QTest::newRow("no port") << QByteArray("localhost") << 403;
        QTest::newRow("no Host") << QByteArray() << 403;
        QTest::newRow("two Hosts") << QByteArray("127.0.0.1:%P%|evil.example") << 403;
    }
    void hosts() {
        QFETCH(QByteArray, hosts);
        QFETCH(int, status);
        Fixture f;
        hosts.replace("%P%", QByteArray::number(f.sandbox->port()));
        QByteArray head = "GET /v1/wallet HTTP/1.1\r\nAuthorization: Bearer " +
                          Sandbox::defaultApiKey().toLatin1() + "\r\nConnection: close\r\n";
        if (!hosts.isEmpty())
            for (const QByteArray &h : hosts.split('|'))
                head += "Host: " + h + "\r\n";
        const RawAnswer a = rawExchange(f.sandbox->port(), head + "\r\n");
        QCOMPARE(a.status, status);
        if (status == 403)
            QCOMPARE(a.errorCode(), QStringLiteral("TB_HOST_REFUSED"));
        // Unknown paths are refused the same way before anything else is said about them.
        const RawAnswer missing =
            rawExchange(f.sandbox->port(), head.replace("/v1/wallet", "/v1/nothing") + "\r\n");
        QCOMPARE(missing.status, status == 200 ? 404 : 403);
    }

    // Qt HttpServer 6.4 would buffer a whole request (and copy it) before any handler runs;
    // the sandbox answers a body it will refuse anyway before reading it.
    void hugeBodyRefusedBeforeItIsRead_data() {
        QTest::addColumn<bool>("declared"); // Content-Length sent, or chunked without one
        QTest::newRow("Content-Length 5 MB") << true;
        QTest::newRow("chunked 5 MB") << false;
    }
    void hugeBodyRefusedBeforeItIsRead() {
        QFETCH(bool, declared);
        Fixture f;
        const QByteArray port = QByteArray::number(f.sandbox->port());
        QByteArray body(5 * 1000 * 1000, 'x');
        if (!declared) {
            QByteArray chunked;
            for (qsizetype at = 0; at < body.size(); at += 8192)
                chunked += QByteArray::number(qMin<qsizetype>(8192, body.size() - at), 16) +
                           "\r\n" + body.mid(at, 8192) + "\r\n";
            body = chunked + "0\r\n\r\n";
        }
        const QByteArray head = "POST /v1/air/orders HTTP/1.1\r\nHost: 127.0.0.1:" + port +
                                "\r\nAuthorization: Bearer " + Sandbox::defaultApiKey().toLatin1() +
                                "\r\nIdempotency-Key: big\r\nContent-Type: application/json\r\n" +
                                (declared ? "Content-Length: " + QByteArray::number(body.size())
                                          : QByteArray("Transfer-Encoding: chunked")) +
                                "\r\n\r\n";
        const RawAnswer a = rawExchange(f.sandbox->port(), head, body);
        QCOMPARE(a.status, 413);
        QCOMPARE(a.errorCode(), QStringLiteral("TB_PAYLOAD_TOO_LARGE"));
        QVERIFY2(a.bodySent < body.size() / 2, qPrintable(QString::number(a.bodySent)));
        QCOMPARE(f.client->call("GET", QStringLiteral("/v1/wallet")).status, 200); // still serving
    }

    void scenarioFileOverTheCap_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("2 MiB file") << QStringLiteral("big");
        QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero");
    }
    void scenarioFileOverTheCap() {
        QFETCH(QString, file);
        QTemporaryDir dir;
        if (file == QLatin1String("big")) {
            file = dir.filePath(QStringLiteral("big.json"));
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("{\"name\": \"big\"" + QByteArray(2 * 1024 * 1024, ' ') + "}");
        }
        const auto s = Scenario::resolve(file);
        QVERIFY(!s);
        QVERIFY2(s.error().message.contains(QLatin1String("larger than 1 MiB")),
                 qPrintable(s.error().message));
    }

    void authentication_data() {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << QByteArray() << "Missing Authorization header";
        QTest::newRow("not bearer")
            << QByteArray("Basic dXNlcjpwYXNz") << "Malformed Authorization";
        QTest::newRow("wrong key") << QByteArray("Bearer tb_live_wrong") << "Invalid API key";
        QTest::newRow("empty bearer") << QByteArray("Bearer ") << "Empty API key";
    }
    void authentication() {
        QFETCH(QByteArray, header);
        QFETCH(QString, message);
        Fixture f;
        QUrl url = f.sandbox->baseUrl();
        url.setPath(QStringLiteral("/v1/wallet"));
        QNetworkRequest request(url);
        if (!header.isEmpty())
            request.setRawHeader("Authorization", header);
        const auto r = Client::finish(f.client->nam.get(request));
        verifyEnvelope(r, 401, QStringLiteral("TB_AUTH_101"));
        QVERIFY(r.json.value(QLatin1String("message")).toString().startsWith(message));
        QVERIFY(!r.body.contains("tb_live_wrong")); // never echo a key
    }

    void garbageOnTheWire() {
        Fixture f;
        QTcpSocket garbage;
        garbage.connectToHost(QHostAddress::LocalHost, f.sandbox->port());
        QVERIFY(garbage.waitForConnected(2000));
        garbage.write("THIS IS NOT HTTP\r\n\x01\x02\x03\r\n\r\n");
        QTRY_VERIFY(garbage.state() != QAbstractSocket::ConnectedState ||
                    garbage.bytesAvailable() > 0);
        // A half-sent request that never completes must not block anyone.
        QTcpSocket half;
        half.connectToHost(QHostAddress::LocalHost, f.sandbox->port());
        QVERIFY(half.waitForConnected(2000));
        half.write("POST /v1/air/orders HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"da");
        QVERIFY(half.waitForBytesWritten(2000));
        QCOMPARE(f.client->call("GET", QStringLiteral("/v1/wallet")).status, 200);
        half.abort();
        QCOMPARE(f.client->call("GET", QStringLiteral("/v1/wallet")).status, 200);
    }

    void clientHangsUpDuringSlowCreate() {
        Fixture f;
        Scenario s;
        s.faults.append(Fault{QStringLiteral("create_order"), {}, FaultKind::Slow, {}, 10000});
        f.sandbox->setScenario(s);
        const auto offer = f.firstOffer();
        QNetworkReply *reply =
            f.client->start("POST", QStringLiteral("/v1/air/orders"),
                            QJsonDocument(orderBody(offer)).toJson(QJsonDocument::Compact), "k");
        QTRY_COMPARE(f.sandbox->ledger().requests().size(), qsizetype(2));
        reply->abort();
        reply->deleteLater();
        // The create still completes server-side (the answer has nowhere to go) and a retry
        // with the key replays it.
        QTRY_COMPARE(f.sandbox->ledger().movements().size(), qsizetype(1));
        const auto r = f.createOrder(offer, "k");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.header("Idempotent-Replayed"), QByteArray("true"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxBadInput)
#include "tst_sandbox_badinput.moc"
