// The HTTP transport both gateways share, driven by a provider description of the test's own
// (neither Travelbase's nor Travomatrix's), over real HTTP on 127.0.0.1. Time is a ManualClock
// and a ManualScheduler: retries and timeouts happen when the test moves time, never by sleeping.
#include "api/httptransport.h"
#include "core/clock.h"
#include "core/scheduler.h"
#include "rawhttpserver.h"

#include <QJsonArray>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace fd;
using namespace fd::test;
using namespace std::chrono_literals;
using Kind = GatewayFailure::Kind;

namespace {

QByteArray answer(int status, const QByteArray &body, const QByteArray &extraHeaders = {}) {
    return QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(status) +
           QByteArrayLiteral(" X\r\nContent-Type: application/json\r\nContent-Length: ") +
           QByteArray::number(body.size()) + QByteArrayLiteral("\r\n") + extraHeaders +
           QByteArrayLiteral("Connection: close\r\n\r\n") + body;
}

// Accepts connections and never answers: only our own timeout ends a request to it.
class SilentServer final : public QObject {
public:
    SilentServer() {
        if (!m_server.listen(QHostAddress::LocalHost, 0))
            qFatal("SilentServer: cannot listen on 127.0.0.1");
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                s->setParent(this);
                ++m_connections;
            }
        });
    }
    QString origin() const {
        return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
    }
    int connections() const { return m_connections; }

private:
    QTcpServer m_server;
    int m_connections = 0;
};

struct Outcome {
    QList<QJsonObject> log;
    std::optional<GatewayResult<QJsonObject>> result;
    AttemptLog logger() {
        return [this](const QJsonObject &entry) {
            log.append(entry);
        };
    }
    std::function<void(GatewayResult<QJsonObject>)> sink() {
        return [this](GatewayResult<QJsonObject> r) {
            result = std::move(r);
        };
    }
    const GatewayFailure *failure() const {
        return result ? std::get_if<GatewayFailure>(&*result) : nullptr;
    }
    const QJsonObject *object() const {
        return result ? std::get_if<QJsonObject>(&*result) : nullptr;
    }
};

} // namespace

class TestHttpTransport final : public QObject {
    Q_OBJECT

    ManualClock m_clock{QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC)};
    ManualScheduler m_scheduler{&m_clock};
    QList<ApiError> m_classified; // what the provider's classify was asked

    // A made-up contract: "X-Test-Auth", a {"result": ...} wrapper, {"why": ...} errors that are
    // retryable on 503 only, and "X-Was-Replayed".
    HttpProvider provider(const QString &origin) {
        HttpProvider p;
        p.baseUrl = QUrl(origin + QStringLiteral("/base/"));
        p.pathPrefix = QStringLiteral("/v9");
        p.authHeader = QByteArrayLiteral("X-Test-Auth");
        p.authValue = QByteArrayLiteral("tok_123");
        p.replayHeader = QByteArrayLiteral("X-Was-Replayed");
        p.requestTimeout = 1000ms;
        p.minKeyedTimeout = 5000ms;
        p.readSuccess = [](int status, const QByteArray &body) {
            auto read = HttpTransport::jsonObject(status, body, QStringLiteral("not an object"));
            if (const auto *o = std::get_if<QJsonObject>(&read))
                return std::variant<QJsonObject, ApiError>(
                    o->value(QLatin1String("result")).toObject());
            return read;
        };
        p.readError = [](int status, const QByteArray &body, const QByteArray &,
                         const QDateTime &) {
            ApiError e;
            e.kind = ApiError::Kind::Envelope;
            e.httpStatus = status;
            e.code = QStringLiteral("T_%1").arg(status);
            e.message = QString::fromUtf8(body);
            e.retryable = status == 503;
            e.fault = status >= 500 ? ApiError::Fault::Server : ApiError::Fault::Client;
            return e;
        };
        p.classify = [this](const ApiError &e) {
            m_classified.append(e);
            GatewayFailure f;
            f.kind = e.httpStatus == 400 ? Kind::Rejected : Kind::OutcomeUnknown;
            f.code = e.code;
            f.httpStatus = e.httpStatus;
            f.message = e.describe();
            return f;
        };
        return p;
    }
    std::unique_ptr<HttpTransport> transportFor(const QString &origin) {
        return std::make_unique<HttpTransport>(provider(origin), RetryPolicy([] { return 0.5; }),
                                               &m_clock, &m_scheduler);
    }

    // GET /wallet, without body or key, answered by `server`.
    std::unique_ptr<Outcome> readWallet(RawHttpServer &server) {
        auto transport = transportFor(server.origin());
        QObject context;
        auto out = std::make_unique<Outcome>();
        transport->send("GET", QStringLiteral("/wallet"), {}, {}, &context, out->logger(),
                        out->sink());
        if (!QTest::qWaitFor([&] { return out->result.has_value(); }))
            qWarning("GET /wallet got no answer");
        return out;
    }

private Q_SLOTS:
    void init() { m_classified.clear(); }

    // The provider's base path, prefix, credentials and replay header; the transport's own
    // headers; the 2xx body through readSuccess; one log entry with the contract's fields.
    void sendsWhatTheProviderDescribes() {
        RawHttpServer server(answer(201, R"({"result":{"id":"r1"}})", "X-Was-Replayed: true\r\n"));
        auto transport = transportFor(server.origin());
        QObject context;
        Outcome out;
        transport->send("POST", QStringLiteral("/things/a%2Fb"), R"({"n":1})",
                        QStringLiteral("key-1"), &context, out.logger(), out.sink());
        QTRY_VERIFY(out.result.has_value());

        QVERIFY(out.object());
        QCOMPARE(*out.object(), (QJsonObject{{QStringLiteral("id"), QStringLiteral("r1")}}));
        QCOMPARE(server.requests().size(), 1);
        const QByteArray request = server.requests().first();
        QVERIFY2(request.startsWith("POST /base/v9/things/a%2Fb HTTP/1.1\r\n"),
                 request.constData());
        QVERIFY(request.contains("\r\nX-Test-Auth: tok_123\r\n"));
        QVERIFY(request.contains("\r\nAccept: application/json\r\n"));
        QVERIFY(request.contains("\r\nUser-Agent: FlightDesk/"));
        QVERIFY(request.contains("\r\nContent-Type: application/json\r\n"));
        QVERIFY(request.contains("\r\nIdempotency-Key: key-1\r\n"));
        QVERIFY(request.endsWith("\r\n\r\n{\"n\":1}"));

        QCOMPARE(out.log.size(), 1);
        const QJsonObject entry = out.log.first();
        QCOMPARE(entry.value(QLatin1String("attempt")).toInt(), 1);
        QCOMPARE(entry.value(QLatin1String("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(entry.value(QLatin1String("path")).toString(), QStringLiteral("/v9/things/a%2Fb"));
        QCOMPARE(entry.value(QLatin1String("status")).toInt(), 201);
        QCOMPARE(entry.value(QLatin1String("at")).toString(),
                 m_clock.now().toString(Qt::ISODateWithMs));
        QCOMPARE(entry.value(QLatin1String("idempotency_key")).toString(), QStringLiteral("key-1"));
        QCOMPARE(entry.value(QLatin1String("replayed")).toBool(), true);
        QVERIFY(!entry.contains(QLatin1String("error")));
    }

    // No body: no Content-Type. No key: no Idempotency-Key (and none in the log).
    void aReadCarriesNoBodyHeadersAndNoKey() {
        RawHttpServer server(answer(200, R"({"result":{}})"));
        const auto outcome = readWallet(server);
        const Outcome &out = *outcome;
        QVERIFY(out.object());
        const QByteArray request = server.requests().first();
        QVERIFY2(request.startsWith("GET /base/v9/wallet HTTP/1.1\r\n"), request.constData());
        QVERIFY(!request.contains("Content-Type"));
        QVERIFY(!request.contains("Idempotency-Key"));
        QVERIFY(!out.log.first().contains(QLatin1String("idempotency_key")));
        QVERIFY(!out.log.first().contains(QLatin1String("replayed")));
    }

    // A retryable answer is retried after the policy's wait with the very same request, byte for
    // byte; the log says why, and the later success reaches `done`.
    void aRetryResendsTheSameBytesWithTheSameKey() {
        RawHttpServer server(answer(503, "busy"));
        auto transport = transportFor(server.origin());
        QObject context;
        Outcome out;
        transport->send("POST", QStringLiteral("/orders"), R"({"passport":"A1"})",
                        QStringLiteral("key-7"), &context, out.logger(), out.sink());
        QTRY_COMPARE(out.log.size(), 1);
        const QJsonObject first = out.log.first();
        QCOMPARE(first.value(QLatin1String("status")).toInt(), 503);
        QCOMPARE(first.value(QLatin1String("decision")).toString(),
                 actionName(RetryDecision::Retry));
        QVERIFY(first.value(QLatin1String("error")).toString().contains(QLatin1String("T_503")));
        const qint64 wait = first.value(QLatin1String("wait_ms")).toInteger();
        QVERIFY(wait > 0);
        QVERIFY(!out.result.has_value());

        server.setAnswer(answer(200, R"({"result":{"ok":true}})"));
        m_scheduler.advance(wait - 1);
        QCOMPARE(server.requests().size(), 1); // not before the wait
        m_scheduler.advance(1);
        QTRY_VERIFY(out.result.has_value());
        QVERIFY(out.object());
        QCOMPARE(server.requests().size(), 2);
        QCOMPARE(server.requests().at(1), server.requests().at(0));
        QCOMPARE(out.log.size(), 2);
        QCOMPARE(out.log.at(1).value(QLatin1String("attempt")).toInt(), 2);
        QCOMPARE(out.log.at(1).value(QLatin1String("idempotency_key")).toString(),
                 QStringLiteral("key-7"));
        QVERIFY(m_classified.isEmpty());
    }

    // A definitive refusal goes through the provider's classify; after a retried 5xx the failure
    // says an earlier attempt may have executed.
    void aFinalErrorIsTheProvidersClassification() {
        RawHttpServer server(answer(503, "busy"));
        auto transport = transportFor(server.origin());
        QObject context;
        Outcome out;
        transport->send("POST", QStringLiteral("/orders"), "{}", QStringLiteral("key-8"), &context,
                        out.logger(), out.sink());
        QTRY_COMPARE(out.log.size(), 1);
        server.setAnswer(answer(400, "bad passport"));
        m_scheduler.advance(out.log.first().value(QLatin1String("wait_ms")).toInteger());
        QTRY_VERIFY(out.result.has_value());
        const GatewayFailure *f = out.failure();
        QVERIFY(f);
        QCOMPARE(f->kind, Kind::Rejected);
        QCOMPARE(f->code, QStringLiteral("T_400"));
        QVERIFY(f->earlierAttemptMayHaveExecuted);
        QCOMPARE(m_classified.size(), 1);
        QCOMPARE(m_classified.first().message, QStringLiteral("bad passport"));
        QCOMPARE(out.log.at(1).value(QLatin1String("decision")).toString(),
                 actionName(RetryDecision::GiveUp));
    }

    // An unreadable 2xx goes through readSuccess's error, then the retry policy and classify.
    void anUnreadableSuccessIsABadBody() {
        RawHttpServer server(answer(200, "[1,2]"));
        const auto outcome = readWallet(server);
        const Outcome &out = *outcome;
        QVERIFY(out.failure());
        QCOMPARE(m_classified.size(), 1);
        QCOMPARE(m_classified.first().kind, ApiError::Kind::BadBody);
        QCOMPARE(m_classified.first().message, QStringLiteral("not an object"));
        QCOMPARE(out.failure()->kind, Kind::OutcomeUnknown);
        QVERIFY2(out.failure()->message.startsWith(
                     QLatin1String("No definitive answer after 1 attempt(s); the last was ")),
                 qPrintable(out.failure()->message));
    }

    // A request without a key times out after requestTimeout; one with a key gets at least
    // minKeyedTimeout. Each attempt's timeout is the provider's, read on the scheduler.
    void aKeyedRequestGetsTheLongerTimeout_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("timeoutMs");
        QTest::newRow("no key") << QString() << 1000;
        QTest::newRow("keyed") << QStringLiteral("key-9") << 5000;
    }
    void aKeyedRequestGetsTheLongerTimeout() {
        QFETCH(QString, key);
        QFETCH(int, timeoutMs);
        SilentServer server;
        auto transport = transportFor(server.origin());
        QObject context;
        Outcome out;
        transport->send("POST", QStringLiteral("/orders"), "{}", key, &context, out.logger(),
                        out.sink());
        QTRY_COMPARE(server.connections(), 1);
        m_scheduler.advance(timeoutMs - 1);
        QTest::qWait(0);
        QVERIFY(out.log.isEmpty());
        m_scheduler.advance(1);
        QTRY_COMPARE(out.log.size(), 1);
        const QJsonObject entry = out.log.first();
        QCOMPARE(entry.value(QLatin1String("status")).toInt(), 0);
        QVERIFY2(entry.value(QLatin1String("error"))
                     .toString()
                     .contains(QStringLiteral("No answer within %1 s").arg(timeoutMs / 1000)),
                 qPrintable(entry.value(QLatin1String("error")).toString()));
        QCOMPARE(entry.value(QLatin1String("decision")).toString(),
                 actionName(RetryDecision::Retry));
    }

    // The transport rule holds for every URL: plain http off loopback is never sent, and the
    // refusal is the provider's classification, delivered later (never inside send()).
    void plainHttpOffLoopbackIsRefusedWithoutSending() {
        HttpProvider p = provider(QStringLiteral("http://api.example.invalid"));
        HttpTransport transport(p, RetryPolicy([] { return 0.5; }), &m_clock, &m_scheduler);
        QObject context;
        Outcome out;
        transport.send("GET", QStringLiteral("/wallet"), {}, {}, &context, out.logger(),
                       out.sink());
        QVERIFY(!out.result.has_value());
        m_scheduler.advance(0);
        QVERIFY(out.failure());
        QCOMPARE(out.failure()->code, QStringLiteral("FD_INSECURE_URL"));
        QCOMPARE(m_classified.size(), 1);
        QVERIFY(out.log.isEmpty());
        QVERIFY(!HttpTransport::checkBaseUrl(QUrl(QStringLiteral("http://api.example.invalid"))));
        QVERIFY(HttpTransport::checkBaseUrl(QUrl(QStringLiteral("http://localhost:1"))));
        QVERIFY(HttpTransport::checkBaseUrl(QUrl(QStringLiteral("https://api.example.invalid"))));
    }

    // Once the caller is gone, neither the log nor `done` hears of the call, and no retry is sent.
    void nothingReachesAGoneCaller() {
        RawHttpServer server(answer(503, "busy"));
        auto transport = transportFor(server.origin());
        auto context = std::make_unique<QObject>();
        Outcome out;
        transport->send("POST", QStringLiteral("/orders"), "{}", QStringLiteral("key-10"),
                        context.get(), out.logger(), out.sink());
        QTRY_COMPARE(out.log.size(), 1);
        const qint64 wait = out.log.first().value(QLatin1String("wait_ms")).toInteger();
        context.reset();
        m_scheduler.advance(wait + 60'000);
        QTest::qWait(0);
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(out.log.size(), 1);
        QVERIFY(!out.result.has_value());
    }
};

QTEST_GUILESS_MAIN(TestHttpTransport)
#include "tst_http_transport.moc"
