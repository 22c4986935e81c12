// flightdesk-sandbox as a process: it prints its URL when ready and serves the contract there,
// Travelbase's by default, Travomatrix's with --provider travomatrix.
#include "sandboxharness.h"
#include "travomatrixharness.h"

#include <QProcess>

using namespace fd::sandbox::test;

class TestSandboxExecutable final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void printsUrlAndServes() {
        QProcess p;
        p.start(QStringLiteral(FLIGHTDESK_SANDBOX_BINARY),
                {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--scenario"),
                 QStringLiteral("airline_rejects"), QStringLiteral("--api-key"),
                 QStringLiteral("tb_custom"), QStringLiteral("--timing-scale"),
                 QStringLiteral("0.01")});
        QVERIFY(p.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 10000);
        const QString line = QString::fromUtf8(p.readLine()).trimmed();
        QVERIFY2(line.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(line));
        const QUrl url(line);
        QVERIFY(url.port() > 0);
        Client client(url, QStringLiteral("tb_custom"));
        const auto r = client.call("GET", QStringLiteral("/v1/wallet"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(QLatin1String("currency")).toString(), QStringLiteral("EUR"));
        Client wrongKey(url);
        QCOMPARE(wrongKey.call("GET", QStringLiteral("/v1/wallet")).status, 401);
        const QByteArray logs = p.readAllStandardError();
        QVERIFY(!logs.contains("tb_custom")); // the key is never printed
        p.terminate();
        QVERIFY(p.waitForFinished(5000));
    }

    void travomatrixProvider() {
        QProcess p;
        p.start(QStringLiteral(FLIGHTDESK_SANDBOX_BINARY),
                {QStringLiteral("--provider"), QStringLiteral("travomatrix"),
                 QStringLiteral("--scenario"), QStringLiteral("wallet_too_low")});
        QVERIFY(p.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 10000);
        const QUrl url(QString::fromUtf8(p.readLine()).trimmed());
        QVERIFY(url.port() > 0);
        fd::sandbox::tmxtest::TmxClient client(url); // X-Api-Key: tmx_sandbox_demo
        const auto r = client.call("GET", QStringLiteral("/api/v1/account/balance"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("available")).toInteger(), 10000);
        // The Travelbase API is not served there.
        QCOMPARE(Client(url).call("GET", QStringLiteral("/v1/wallet")).status, 404);
        p.terminate();
        QVERIFY(p.waitForFinished(5000));
    }

    void rejectsBadArguments_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown scenario")
            << QStringList{QStringLiteral("--scenario"), QStringLiteral("nope")};
        QTest::newRow("bad port") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")};
        QTest::newRow("webhook without secret")
            << QStringList{QStringLiteral("--webhook-url"), QStringLiteral("http://127.0.0.1:9/h")};
        QTest::newRow("unknown provider")
            << QStringList{QStringLiteral("--provider"), QStringLiteral("duffel")};
        QTest::newRow("Travelbase scenario for Travomatrix")
            << QStringList{QStringLiteral("--provider"), QStringLiteral("travomatrix"),
                           QStringLiteral("--scenario"), QStringLiteral("lost_webhook")};
        QTest::newRow("webhooks for Travomatrix") << QStringList{
            QStringLiteral("--provider"),       QStringLiteral("travomatrix"),
            QStringLiteral("--webhook-url"),    QStringLiteral("http://127.0.0.1:9/h"),
            QStringLiteral("--webhook-secret"), QStringLiteral("s")};
    }
    void rejectsBadArguments() {
        QFETCH(QStringList, args);
        QProcess p;
        p.start(QStringLiteral(FLIGHTDESK_SANDBOX_BINARY), args);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardOutput().isEmpty());
        QVERIFY(p.readAllStandardError().startsWith("flightdesk-sandbox: "));
    }
};

QTEST_GUILESS_MAIN(TestSandboxExecutable)
#include "tst_sandbox_executable.moc"
