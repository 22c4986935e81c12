// Redirects are never followed: the next hop would receive the API key, the Idempotency-Key
// and, on 307/308, the whole create body with passport numbers. Real HTTP on 127.0.0.1: a fake
// provider answers with a 3xx pointing at a second server, which must never hear from us.
#include "api/travelbasegateway.h"
#include "core/clock.h"
#include "core/scheduler.h"
#include "rawhttpserver.h"

#include <QTest>

using namespace fd;
using namespace fd::test;
using Kind = GatewayFailure::Kind;

namespace {

QByteArray redirectTo(int status, const QString &location) {
    return QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(status) +
           QByteArrayLiteral(" Moved\r\nLocation: ") + location.toLatin1() +
           QByteArrayLiteral("\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
}

const QByteArray kCreated = QByteArrayLiteral(
    "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 61\r\n"
    "Connection: "
    "close\r\n\r\n{\"data\":{\"id\":\"ord_1\",\"status\":\"pending\",\"booking_reference\":1}}");

} // namespace

class TestGatewayRedirects final : public QObject {
    Q_OBJECT

    ManualClock m_clock{QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC)};
    QtScheduler m_scheduler;

    std::unique_ptr<TravelbaseGateway> gatewayFor(const QString &base) {
        TravelbaseGateway::Options o;
        o.baseUrl = QUrl(base);
        o.apiKey = QStringLiteral("sk_secret_do_not_leak");
        o.timing.scale = 0.001;
        o.random = [] {
            return 0.5;
        };
        auto g = TravelbaseGateway::create(o, &m_clock, &m_scheduler);
        if (!g)
            qFatal("%s", qPrintable(g.error().message));
        return std::move(g).value();
    }

private Q_SLOTS:
    void createIsNeverRedirected_data() {
        QTest::addColumn<int>("status");
        QTest::newRow("301") << 301;
        QTest::newRow("302") << 302;
        QTest::newRow("303") << 303;
        QTest::newRow("307 (would resend the body)") << 307;
        QTest::newRow("308 (would resend the body)") << 308;
    }
    void createIsNeverRedirected() {
        QFETCH(int, status);
        RawHttpServer elsewhere(kCreated);
        RawHttpServer provider(
            redirectTo(status, elsewhere.origin() + QStringLiteral("/v1/air/orders")));
        auto gateway = gatewayFor(provider.origin());

        QObject context;
        std::optional<GatewayResult<OrderSnapshot>> answer;
        int calls = 0;
        const QByteArray body =
            R"({"data":{"passengers":[{"identity_documents":[{"unique_identifier":"A12345678"}]}]}})";
        gateway->createOrder(body, QStringLiteral("8a3c5c2e-0b7e-4a55-9d8e-2f1f6f6f0a01"), &context,
                             {}, [&](GatewayResult<OrderSnapshot> r) {
                                 ++calls;
                                 answer = std::move(r);
                             });
        QTRY_COMPARE(calls, 1);
        QCOMPARE(provider.requests().size(), 1); // one attempt: a redirect is never retried
        QVERIFY(provider.requests().first().contains("sk_secret_do_not_leak"));
        QCOMPARE(elsewhere.requests().size(), 0); // the key and passports went nowhere else

        const auto *f = std::get_if<GatewayFailure>(&*answer);
        QVERIFY(f);
        QCOMPARE(f->kind, Kind::Fatal); // not "outcome unknown": nothing was booked there
        QCOMPARE(f->httpStatus, status);
        QCOMPARE(f->code, QStringLiteral("FD_REDIRECT"));
        QVERIFY2(f->message.contains(QStringLiteral("redirect to 127.0.0.1")),
                 qPrintable(f->message));
        QVERIFY2(f->message.contains(QStringLiteral("check the API base URL")),
                 qPrintable(f->message));
        QVERIFY(!f->message.contains(QStringLiteral("/v1/air/orders")));
    }

    // A plain-http hop off loopback is refused even for a read, and even if it came from a
    // server's answer: the rule holds for the URL a request would actually go to.
    void readRedirectedToPlainHttpIsNotFollowed() {
        RawHttpServer provider(redirectTo(302, QStringLiteral("http://example.invalid/v1/wallet")));
        auto gateway = gatewayFor(provider.origin());
        QObject context;
        std::optional<GatewayResult<Wallet>> answer;
        gateway->fetchWallet(&context, {}, [&](GatewayResult<Wallet> r) { answer = std::move(r); });
        QTRY_VERIFY(answer.has_value());
        const auto *f = std::get_if<GatewayFailure>(&*answer);
        QVERIFY(f);
        QCOMPARE(f->code, QStringLiteral("FD_REDIRECT"));
        QVERIFY2(f->message.contains(QStringLiteral("example.invalid")), qPrintable(f->message));
        QCOMPARE(provider.requests().size(), 1);
    }

    void plainHttpOffLoopbackIsNeverSent() {
        // The configured URL is checked at creation; a gateway cannot even be made for it.
        TravelbaseGateway::Options o;
        o.baseUrl = QUrl(QStringLiteral("http://api.example.invalid"));
        o.apiKey = QStringLiteral("k");
        QVERIFY(!TravelbaseGateway::create(o, &m_clock, &m_scheduler));
    }
};

QTEST_GUILESS_MAIN(TestGatewayRedirects)
#include "tst_gateway_redirects.moc"
