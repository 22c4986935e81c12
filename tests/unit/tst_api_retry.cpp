#include "api/retrypolicy.h"
#include "core/clock.h"

#include <QTest>

#include <deque>

using fd::ApiError;
using fd::RetryDecision;
using fd::RetryPolicy;
using std::chrono::milliseconds;

Q_DECLARE_METATYPE(ApiError)
Q_DECLARE_METATYPE(RetryDecision::Action)

namespace fd {
char *toString(RetryDecision::Action a) {
    return qstrdup(qPrintable(actionName(a)));
}
} // namespace fd

namespace {

const QDateTime kStart(QDate(2026, 12, 1), QTime(10, 5, 0), Qt::UTC);

ApiError env(int status, const char *code, bool retryable, const char *fault,
             const QByteArray &retryAfter = {}) {
    const QByteArray body = QByteArray(R"({"success": false, "statusCode": )") +
                            QByteArray::number(status) + R"(, "errorCode": ")" + code +
                            R"(", "message": "m", "fault": ")" + fault + R"(", "retryable": )" +
                            (retryable ? "true" : "false") + "}";
    return fd::parseError(status, body, retryAfter, kStart);
}

ApiError raw(int status, const QByteArray &body, const QByteArray &retryAfter = {}) {
    return fd::parseError(status, body, retryAfter, kStart);
}

// Deterministic jitter: a fixed value, or a queue of values.
RetryPolicy::RandomSource fixed(double r) {
    return [r] {
        return r;
    };
}

} // namespace

class TestApiRetry final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void contractDecisions_data() {
        QTest::addColumn<ApiError>("error");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<RetryDecision::Action>("action");
        QTest::addColumn<qint64>("waitMs"); // with jitter fixed at 0.5 (500 ms)

        const auto R = RetryDecision::Retry;
        const auto G = RetryDecision::GiveUp;
        const QByteArray conflict =
            R"({"success": false, "error": {"code": "CONFLICT", "detail": "Resource version mismatch."}})";

        QTest::newRow("400 validation")
            << env(400, "TB_VALIDATION_FAILED", false, "client") << 1 << G << qint64(0);
        QTest::newRow("400 key missing")
            << env(400, "TB_IDEMPOTENCY_KEY_MISSING", false, "client") << 1 << G << qint64(0);
        QTest::newRow("401 auth") << env(401, "TB_AUTH_101", false, "client") << 1 << G
                                  << qint64(0);
        QTest::newRow("402 balance")
            << env(402, "TB_INSUFFICIENT_BALANCE", false, "client") << 1 << G << qint64(0);
        QTest::newRow("404 not found")
            << env(404, "TB_NOT_FOUND", false, "client") << 1 << G << qint64(0);
        QTest::newRow("409 in flight, Retry-After 2")
            << env(409, "TB_IDEMPOTENCY_IN_FLIGHT", true, "client", "2") << 1 << R << qint64(2500);
        QTest::newRow("409 in flight, no Retry-After")
            << env(409, "TB_IDEMPOTENCY_IN_FLIGHT", true, "client") << 1 << R << qint64(2500);
        QTest::newRow("409 in flight, 3rd attempt stays 2-3 s")
            << env(409, "TB_IDEMPOTENCY_IN_FLIGHT", true, "client") << 3 << R << qint64(2500);
        QTest::newRow("409 in flight, Retry-After 5 honoured")
            << env(409, "TB_IDEMPOTENCY_IN_FLIGHT", true, "client", "5") << 1 << R << qint64(5500);
        QTest::newRow("409 key reused")
            << env(409, "TB_IDEMPOTENCY_KEY_REUSED", false, "client") << 1 << G << qint64(0);
        // A stale version (seed 002): the same bytes cannot succeed, so the gateway never
        // resends them; re-fetching and re-applying belongs to a caller that sends a version.
        QTest::newRow("409 conflict shape") << raw(409, conflict) << 1 << G << qint64(0);
        QTest::newRow("409 conflict shape, attempts spent")
            << raw(409, conflict) << 5 << G << qint64(0);
        QTest::newRow("422 offer expired")
            << env(422, "TB_OFFER_EXPIRED", false, "client") << 1 << G << qint64(0);
        QTest::newRow("422 offer unavailable")
            << env(422, "TB_OFFER_UNAVAILABLE", false, "client") << 1 << G << qint64(0);
        QTest::newRow("429 Retry-After 7")
            << env(429, "TB_RATE_LIMITED", true, "client", "7") << 1 << R << qint64(7500);
        QTest::newRow("429 Retry-After date +10 s")
            << env(429, "TB_RATE_LIMITED", true, "client", "Tue, 01 Dec 2026 10:05:10 GMT") << 1
            << R << qint64(10500);
        QTest::newRow("429 Retry-After garbage: backoff")
            << env(429, "TB_RATE_LIMITED", true, "client", "soon") << 1 << R << qint64(2500);
        QTest::newRow("429 no Retry-After: backoff")
            << env(429, "TB_RATE_LIMITED", true, "client") << 2 << R << qint64(4500);
        QTest::newRow("429 Retry-After beyond ceiling")
            << env(429, "TB_RATE_LIMITED", true, "client", "45") << 1 << G << qint64(0);
        QTest::newRow("500 internal")
            << env(500, "TB_INTERNAL", true, "server") << 1 << R << qint64(2500);
        QTest::newRow("500 internal fatal")
            << env(500, "TB_INTERNAL_FATAL", false, "server") << 1 << G << qint64(0);
        QTest::newRow("503 Retry-After 3")
            << env(503, "TB_UNAVAILABLE", true, "server", "3") << 1 << R << qint64(3500);
        QTest::newRow("503 no Retry-After")
            << env(503, "TB_UNAVAILABLE", true, "server") << 3 << R << qint64(8500);
        QTest::newRow("400 with retryable true (field wins)")
            << env(400, "TB_AUTH_101", true, "client") << 1 << R << qint64(2500);
        QTest::newRow("503 with retryable false (field wins)")
            << env(503, "TB_UNAVAILABLE", false, "server") << 1 << G << qint64(0);
        QTest::newRow("502 html body")
            << raw(502, "<html>Bad gateway</html>") << 1 << R << qint64(2500);
        QTest::newRow("500 empty body") << raw(500, "") << 2 << R << qint64(4500);
        QTest::newRow("503 plain text, Retry-After 4")
            << raw(503, "busy", "4") << 1 << R << qint64(4500);
        QTest::newRow("500 truncated json")
            << raw(500, "{\"errorCode\": \"TB_INT") << 1 << R << qint64(2500);
        QTest::newRow("404 html body") << raw(404, "<html>not here</html>") << 1 << G << qint64(0);
        QTest::newRow("429 plain text") << raw(429, "slow down", "1") << 1 << G << qint64(0);
        QTest::newRow("400 array body") << raw(400, "[1,2]") << 1 << G << qint64(0);
        QTest::newRow("timeout") << ApiError::timeout(QStringLiteral("30 s")) << 1 << R
                                 << qint64(2500);
        QTest::newRow("timeout 4th attempt")
            << ApiError::timeout(QStringLiteral("30 s")) << 4 << R << qint64(16500);
        QTest::newRow("timeout 5th attempt")
            << ApiError::timeout(QStringLiteral("30 s")) << 5 << G << qint64(0);
        QTest::newRow("connection reset")
            << ApiError::network(QStringLiteral("reset")) << 1 << R << qint64(2500);
        QTest::newRow("cancelled") << ApiError::cancelled() << 1 << G << qint64(0);
        QTest::newRow("tls") << ApiError::tls(QStringLiteral("self-signed")) << 1 << G << qint64(0);
    }

    void contractDecisions() {
        QFETCH(ApiError, error);
        QFETCH(int, attempts);
        QFETCH(RetryDecision::Action, action);
        QFETCH(qint64, waitMs);
        const RetryPolicy policy(fixed(0.5));
        const RetryDecision d = policy.decide(error, attempts, kStart, kStart.addMSecs(300));
        QCOMPARE(fd::actionName(d.action), fd::actionName(action));
        QCOMPARE(d.wait.count(), waitMs);
        QVERIFY(!d.reason.isEmpty());
    }

    void backoffBounds_data() {
        QTest::addColumn<int>("attempt");
        QTest::addColumn<double>("jitter");
        for (int n = 1; n < RetryPolicy::kMaxAttempts; ++n) {
            for (double j : {0.0, 0.25, 0.999999, 1.0, -3.0, 7.0}) // out-of-range sources clamp
                QTest::addRow("attempt %d jitter %g", n, j) << n << j;
        }
    }

    void backoffBounds() {
        QFETCH(int, attempt);
        QFETCH(double, jitter);
        const RetryPolicy policy(fixed(jitter));
        const RetryDecision d =
            policy.decide(ApiError::timeout(QStringLiteral("t")), attempt, kStart, kStart);
        QCOMPARE(d.action, RetryDecision::Retry);
        const qint64 base = qint64(1000) << attempt;
        QVERIFY2(d.wait.count() >= qMin<qint64>(base, 30000),
                 qPrintable(QString::number(d.wait.count())));
        QVERIFY2(d.wait.count() < qMin<qint64>(base + 1000, 30001),
                 qPrintable(QString::number(d.wait.count())));
    }

    void nanJitterIsSafe() {
        const RetryPolicy policy([] { return std::numeric_limits<double>::quiet_NaN(); });
        const RetryDecision d = policy.decide(ApiError::timeout({}), 1, kStart, kStart);
        QCOMPARE(d.wait, milliseconds(2000));
    }

    void defaultRandomStaysInBounds() {
        const RetryPolicy policy;
        for (int i = 0; i < 200; ++i) {
            const RetryDecision d = policy.decide(ApiError::network({}), 2, kStart, kStart);
            QVERIFY(d.wait >= milliseconds(4000) && d.wait < milliseconds(5000));
        }
    }

    void ceilingOf30Seconds() {
        const RetryPolicy policy(fixed(0.9));
        const auto d30 =
            policy.decide(env(503, "TB_UNAVAILABLE", true, "server", "30"), 1, kStart, kStart);
        QCOMPARE(d30.action, RetryDecision::Retry);
        QCOMPARE(d30.wait, milliseconds(30000));
        const auto d29 =
            policy.decide(env(503, "TB_UNAVAILABLE", true, "server", "29"), 1, kStart, kStart);
        QCOMPARE(d29.wait, milliseconds(29900));
        const auto d31 =
            policy.decide(env(503, "TB_UNAVAILABLE", true, "server", "31"), 1, kStart, kStart);
        QCOMPARE(d31.action, RetryDecision::GiveUp);
        QVERIFY(d31.reason.contains(QStringLiteral("ceiling")));
    }

    void attemptCap() {
        const RetryPolicy policy(fixed(0.0));
        for (int n = 0; n < 4; ++n) // 0 is read as 1: the first attempt just failed
            QCOMPARE(policy.decide(ApiError::timeout({}), n, kStart, kStart).action,
                     RetryDecision::Retry);
        for (int n : {5, 6, 100})
            QCOMPARE(policy.decide(ApiError::timeout({}), n, kStart, kStart).action,
                     RetryDecision::GiveUp);
    }

    void totalBudget_data() {
        QTest::addColumn<ApiError>("error");
        QTest::addColumn<qint64>("elapsedMs");
        QTest::addColumn<bool>("retry");
        const ApiError ra20 = env(503, "TB_UNAVAILABLE", true, "server", "20");
        QTest::newRow("fits") << ra20 << qint64(99'000) << true;            // 99 + 20.5 = 119.5
        QTest::newRow("would overrun") << ra20 << qint64(100'000) << false; // 100 + 20.5
        QTest::newRow("backoff fits") << ApiError::timeout({}) << qint64(117'500) << true;
        QTest::newRow("backoff overruns") << ApiError::timeout({}) << qint64(117'501) << false;
        QTest::newRow("budget spent") << ApiError::timeout({}) << qint64(120'000) << false;
        QTest::newRow("long spent") << ApiError::timeout({}) << qint64(3'600'000) << false;
    }

    // The conflict shape is its own give-up, whatever the attempt count or the budget left.
    void conflictIsNeverResent() {
        const RetryPolicy policy(fixed(0.5));
        const ApiError conflict = raw(409, R"({"success":false,"error":{"code":"CONFLICT"}})");
        for (int attempts : {1, 2, 5}) {
            for (qint64 elapsedMs : {0, 60'000, 120'000}) {
                const RetryDecision d =
                    policy.decide(conflict, attempts, kStart, kStart.addMSecs(elapsedMs));
                QCOMPARE(d.action, RetryDecision::GiveUp);
                QCOMPARE(d.wait, milliseconds(0));
                QVERIFY2(d.reason.startsWith(QStringLiteral("version conflict")),
                         qPrintable(d.reason));
            }
        }
    }

    void totalBudget() {
        QFETCH(ApiError, error);
        QFETCH(qint64, elapsedMs);
        QFETCH(bool, retry);
        const RetryPolicy policy(fixed(0.5));
        const RetryDecision d = policy.decide(error, 1, kStart, kStart.addMSecs(elapsedMs));
        QCOMPARE(d.action != RetryDecision::GiveUp, retry);
        if (!retry)
            QVERIFY(d.reason.contains(QStringLiteral("budget")));
    }

    // The loop a gateway would run, on a manual clock: every request takes 5 s and the server
    // keeps asking for 30 s. The budget, not the attempt cap, ends it.
    void simulatedRunStopsAtBudget() {
        fd::ManualClock clock(kStart);
        const RetryPolicy policy(fixed(0.5));
        const QDateTime first = clock.now();
        int attempts = 0;
        RetryDecision d;
        qint64 waited = 0;
        for (;;) {
            clock.advance(5000);
            ++attempts;
            d = policy.decide(env(503, "TB_UNAVAILABLE", true, "server", "30"), attempts, first,
                              clock.now());
            if (d.action != RetryDecision::Retry)
                break;
            waited += d.wait.count();
            clock.advance(d.wait.count());
            QVERIFY(first.msecsTo(clock.now()) <= 120'000);
        }
        QCOMPARE(attempts, 4);
        QCOMPARE(waited, qint64(90'000));
        QVERIFY(d.reason.contains(QStringLiteral("budget")));
    }

    // Timeouts only: the attempt cap ends it after 5 requests, waits 2,4,8,16 s + jitter.
    void simulatedRunStopsAtAttemptCap() {
        std::deque<double> jitters = {0.1, 0.2, 0.3, 0.4};
        const RetryPolicy policy([&jitters] {
            const double r = jitters.front();
            jitters.pop_front();
            return r;
        });
        fd::ManualClock clock(kStart);
        const QDateTime first = clock.now();
        QList<qint64> waits;
        int attempts = 0;
        for (;;) {
            ++attempts;
            const auto d = policy.decide(ApiError::timeout({}), attempts, first, clock.now());
            if (d.action != RetryDecision::Retry)
                break;
            waits << d.wait.count();
            clock.advance(d.wait.count());
        }
        QCOMPARE(attempts, RetryPolicy::kMaxAttempts);
        QCOMPARE(waits, (QList<qint64>{2100, 4200, 8300, 16400}));
    }

    // A scaled policy takes the same decisions as a real one, in scaled time.
    void timeScale() {
        const RetryPolicy real(fixed(0.5));
        const RetryPolicy fast(fixed(0.5), 0.01);
        QCOMPARE(fast.timeScale(), 0.01);
        const ApiError e = env(503, "TB_UNAVAILABLE", true, "server"); // the desk's own backoff
        const auto dr = real.decide(e, 3, kStart, kStart.addMSecs(103'000));
        const auto df = fast.decide(e, 3, kStart, kStart.addMSecs(1030));
        QCOMPARE(dr.action, RetryDecision::Retry);
        QCOMPARE(df.action, RetryDecision::Retry);
        QCOMPARE(dr.wait, milliseconds(8500));
        QCOMPARE(df.wait, milliseconds(85));
        QCOMPARE(fast.decide(e, 3, kStart, kStart.addMSecs(1120)).action, RetryDecision::GiveUp);
        const auto inFlight =
            fast.decide(env(409, "TB_IDEMPOTENCY_IN_FLIGHT", true, "client"), 1, kStart, kStart);
        QCOMPARE(inFlight.wait, milliseconds(25));
        for (double bad : {0.0, -1.0, std::numeric_limits<double>::infinity(),
                           std::numeric_limits<double>::quiet_NaN()})
            QCOMPARE(RetryPolicy(fixed(0.5), bad).timeScale(), 1.0);
    }

    // --timing-scale shortens the desk's own waits only. A server's Retry-After is an
    // instruction: a scaled desk waits at least that long, never a hundredth of it.
    void serverRetryAfterIsNeverScaled_data() {
        QTest::addColumn<ApiError>("error");
        QTest::addColumn<qint64>("realMs"); // scale 1, jitter 500 ms
        QTest::addColumn<qint64>("fastMs"); // scale 0.01
        QTest::newRow("503 Retry-After 20")
            << env(503, "TB_UNAVAILABLE", true, "server", "20") << qint64(20500) << qint64(20000);
        QTest::newRow("429 Retry-After 3")
            << env(429, "TB_RATE_LIMITED", true, "client", "3") << qint64(3500) << qint64(3000);
        QTest::newRow("in flight Retry-After 5")
            << env(409, "TB_IDEMPOTENCY_IN_FLIGHT", true, "client", "5") << qint64(5500)
            << qint64(5000);
        QTest::newRow("503 without Retry-After: the desk's own wait scales")
            << env(503, "TB_UNAVAILABLE", true, "server") << qint64(2500) << qint64(25);
        QTest::newRow("in flight without Retry-After")
            << env(409, "TB_IDEMPOTENCY_IN_FLIGHT", true, "client") << qint64(2500) << qint64(25);
    }
    void serverRetryAfterIsNeverScaled() {
        QFETCH(ApiError, error);
        QFETCH(qint64, realMs);
        QFETCH(qint64, fastMs);
        const RetryPolicy real(fixed(0.5));
        const RetryPolicy fast(fixed(0.5), 0.01);
        const auto dr = real.decide(error, 1, kStart, kStart);
        const auto df = fast.decide(error, 1, kStart, kStart);
        QCOMPARE(dr.action, RetryDecision::Retry);
        QCOMPARE(df.action, RetryDecision::Retry);
        QCOMPARE(dr.wait.count(), realMs);
        QCOMPARE(df.wait.count(), fastMs);
        if (error.retryAfter)
            QVERIFY(df.wait >= *error.retryAfter);
    }

    void clockSkewIsNotNegativeTime() {
        const RetryPolicy policy(fixed(0.0));
        const auto d = policy.decide(ApiError::timeout({}), 1, kStart, kStart.addSecs(-600));
        QCOMPARE(d.action, RetryDecision::Retry);
        QCOMPARE(d.wait, milliseconds(2000));
    }
};

QTEST_GUILESS_MAIN(TestApiRetry)
#include "tst_api_retry.moc"
