// `flightdesk checkout`, `resume` and `orders` run as real processes, against the embedded demo
// sandbox or a `flightdesk-sandbox` process, including a kill -9 in the middle of a create.
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "checkoutstates.h"
#include "core/clock.h"
#include "processrun.h"
#include "storage/orderjournal.h"

namespace {
const QString kData = QStringLiteral(FLIGHTDESK_TEST_DATA "/cli/");

struct Run {
    int exitCode = -1;
    QList<QJsonObject> lines;
    QByteArray err;
    QJsonObject outcome() const { return lines.isEmpty() ? QJsonObject() : lines.last(); }
    QStringList states() const {
        QStringList s;
        for (const QJsonObject &l : lines)
            if (l.value(QLatin1String("type")).toString() == QLatin1String("state"))
                s << l.value(QLatin1String("state")).toString();
        return s;
    }
};

QList<QJsonObject> parseLines(const QByteArray &out) {
    QList<QJsonObject> lines;
    for (const QByteArray &line : out.split('\n'))
        if (!line.trimmed().isEmpty())
            lines << QJsonDocument::fromJson(line).object();
    return lines;
}

Run flightdesk(const QStringList &args, int timeoutMs = 60000) {
    const fd::test::ProcessRun p =
        fd::test::runProcess(QStringLiteral(FLIGHTDESK_BINARY), args,
                             QProcessEnvironment::systemEnvironment(), timeoutMs);
    Run r;
    r.exitCode = p.exitCode;
    r.lines = parseLines(p.out);
    r.err = p.err;
    return r;
}

// A `flightdesk-sandbox` process: it outlives the desk processes a test kills.
struct SandboxProcess : fd::test::SandboxProcess {
    explicit SandboxProcess(const QStringList &args)
        : fd::test::SandboxProcess(QStringLiteral(FLIGHTDESK_SANDBOX_BINARY), args) {}
};

QList<QJsonObject> rows(const QJsonObject &ledger, const char *table, const char *key = nullptr,
                        const char *value = nullptr) {
    QList<QJsonObject> out;
    for (const QJsonValue &v : ledger.value(QLatin1String(table)).toArray()) {
        const QJsonObject o = v.toObject();
        if (!key || o.value(QLatin1String(key)).toString() == QLatin1String(value))
            out << o;
    }
    return out;
}
} // namespace

class TestCliCheckout final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_journals = 0;
    QString journal() {
        return m_dir.filePath(QStringLiteral("journal-%1.sqlite").arg(++m_journals));
    }

private Q_SLOTS:
    void demoBookingEndsTicketed() {
        const Run r = flightdesk(
            {QStringLiteral("checkout"), QStringLiteral("--demo"), QStringLiteral("--search"),
             QStringLiteral("LOS-LHR"), QStringLiteral("--passengers"),
             kData + QStringLiteral("adult-international.json"), QStringLiteral("--journal"),
             journal(), QStringLiteral("--timing-scale"), QStringLiteral("0.01")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.states(),
                 (QStringList{QStringLiteral("editing"), QStringLiteral("validating"),
                              QStringLiteral("creating"), QStringLiteral("ticketing"),
                              QStringLiteral("processing"), QStringLiteral("ticketed")}));
        const QJsonObject o = r.outcome();
        QCOMPARE(o.value(QStringLiteral("type")).toString(), QStringLiteral("outcome"));
        QCOMPARE(o.value(QStringLiteral("outcome")).toString(), QStringLiteral("ticketed"));
        QVERIFY(o.value(QStringLiteral("order_id")).toString().startsWith(QStringLiteral("ord_")));
        QCOMPARE(o.value(QStringLiteral("booking_reference")).toString().size(), 6);
        QVERIFY(QRegularExpression(
                    QStringLiteral(
                        "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"))
                    .match(o.value(QStringLiteral("idempotency_key")).toString())
                    .hasMatch());
        const QJsonArray tickets = o.value(QStringLiteral("tickets")).toArray();
        QCOMPARE(tickets.size(), 1);
        QCOMPARE(
            tickets.first().toObject().value(QStringLiteral("unique_identifier")).toString().size(),
            13);
    }

    void demoOutcomesAndExitCodes_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("airline rejects") << "airline_rejects"
                                         << "failed" << 3;
        QTest::newRow("wallet too low") << "wallet_too_low"
                                        << "insufficient_funds" << 5;
        QTest::newRow("never resolves") << "never_resolves"
                                        << "unresolved" << 6;
        QTest::newRow("flaky network") << "flaky_network"
                                       << "ticketed" << 0;
    }
    void demoOutcomesAndExitCodes() {
        QFETCH(QString, scenario);
        QFETCH(QString, outcome);
        QFETCH(int, exitCode);
        const Run r = flightdesk(
            {QStringLiteral("checkout"), QStringLiteral("--demo"), QStringLiteral("--scenario"),
             scenario, QStringLiteral("--search"), QStringLiteral("LOS-LHR"),
             QStringLiteral("--passengers"), kData + QStringLiteral("adult-international.json"),
             QStringLiteral("--journal"), journal(), QStringLiteral("--timing-scale"),
             QStringLiteral("0.01")});
        QCOMPARE(r.outcome().value(QStringLiteral("outcome")).toString(), outcome);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(!r.outcome().value(QStringLiteral("message")).toString().isEmpty());
    }

    void invalidPassengersSendNothing() {
        SandboxProcess sandbox({});
        const Run r = flightdesk({QStringLiteral("checkout"), QStringLiteral("--api-base"),
                                  sandbox.url, QStringLiteral("--api-key"),
                                  QStringLiteral("tb_sandbox_demo"), QStringLiteral("--offer"),
                                  QStringLiteral("off_anything"), QStringLiteral("--passengers"),
                                  kData + QStringLiteral("adult-bad-phone.json"),
                                  QStringLiteral("--journal"), journal()});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.outcome().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("invalid_input"));
        const QJsonObject error =
            r.outcome().value(QStringLiteral("errors")).toArray().first().toObject();
        QCOMPARE(error.value(QStringLiteral("field")).toString(), QStringLiteral("phone_number"));
        QCOMPARE(rows(sandbox.ledger(), "requests", "endpoint", "create_order").size(), 0);
    }

    void killedMidCreateThenResumedBooksOnce() {
        SandboxProcess sandbox(
            {QStringLiteral("--scenario"), kData + QStringLiteral("slow-create.json")});
        const QString path = journal();
        const QStringList connection{
            QStringLiteral("--api-base"),     sandbox.url,
            QStringLiteral("--api-key"),      QStringLiteral("tb_sandbox_demo"),
            QStringLiteral("--journal"),      path,
            QStringLiteral("--timing-scale"), QStringLiteral("0.15")};
        QProcess desk;
        desk.start(QStringLiteral(FLIGHTDESK_BINARY),
                   QStringList{QStringLiteral("checkout"), QStringLiteral("--search"),
                               QStringLiteral("LOS-LHR"), QStringLiteral("--passengers"),
                               kData + QStringLiteral("adult-international.json")} +
                       connection);
        // Wait until the create is executing on the server, then kill the desk without warning.
        QTRY_VERIFY_WITH_TIMEOUT(
            !rows(sandbox.ledger(), "requests", "endpoint", "create_order").isEmpty(), 20000);
        desk.kill();
        QVERIFY(desk.waitForFinished());
        QCOMPARE(desk.exitStatus(), QProcess::CrashExit);

        const Run r = flightdesk(QStringList{QStringLiteral("resume")} + connection);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.outcome().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("ticketed"));

        const QJsonObject ledger = sandbox.ledger();
        const auto creates = rows(ledger, "requests", "endpoint", "create_order");
        QVERIFY(creates.size() >= 2); // the killed one and the resumed one(s)
        const QString key = creates.first().value(QStringLiteral("idempotency_key")).toString();
        QCOMPARE(r.outcome().value(QStringLiteral("idempotency_key")).toString(), key);
        for (const QJsonObject &c : creates) {
            QCOMPARE(c.value(QStringLiteral("idempotency_key")).toString(), key);
            QCOMPARE(c.value(QStringLiteral("body_sha256")),
                     creates.first().value(QStringLiteral("body_sha256")));
        }
        QCOMPARE(ledger.value(QStringLiteral("orders")).toArray().size(), 1);
        QCOMPARE(rows(ledger, "wallet_movements", "type", "debit").size(), 1);

        // The journal shows it all, without passport numbers or full birth dates.
        const Run orders =
            flightdesk({QStringLiteral("orders"), QStringLiteral("--journal"), path});
        QCOMPARE(orders.exitCode, 0);
        QProcess p;
        p.start(QStringLiteral(FLIGHTDESK_BINARY),
                {QStringLiteral("orders"), QStringLiteral("--journal"), path});
        QVERIFY(p.waitForFinished());
        const QByteArray text = p.readAllStandardOutput();
        QVERIFY(text.contains(key.toLatin1()));
        QVERIFY(!text.contains("A87654321"));
        QVERIFY(!text.contains("1985-09-30"));
        const QJsonArray intents =
            QJsonDocument::fromJson(text).object().value(QStringLiteral("intents")).toArray();
        QCOMPARE(intents.size(), 1);
        QCOMPARE(intents.first().toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("ticketed"));
    }

    // Issue 9.10: killed after the journal wrote `ticketed` but before the outcome was printed,
    // the next resume said "Nothing to resume." and an agent who saw the crash might book again.
    void outcomeNeverShownIsReportedByTheNextResume() {
        const QString path = journal();
        qint64 id = 0;
        {
            fd::OrderJournal j;
            QVERIFY(j.open(path).ok());
            const auto intent = j.createIntent(QStringLiteral("off_0001"), {}, {});
            QVERIFY(intent.ok());
            id = intent->id;
            QVERIFY(j.freezeBody(id, QByteArrayLiteral("{\"data\":{}}")).ok());
            QVERIFY(j.recordCreateResponse(id, QStringLiteral("ord_0007"), QStringLiteral("RZPVAB"))
                        .ok());
            QVERIFY(j.setState(id, fd::CheckoutState::Processing).ok());
            QVERIFY(j.setState(id, fd::CheckoutState::Ticketed).ok()); // ...and the desk died
        }
        const QStringList resume{QStringLiteral("resume"), QStringLiteral("--demo"),
                                 QStringLiteral("--journal"), path};
        const Run r = flightdesk(resume, 30000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.lines.size() >= 2);
        QCOMPARE(r.lines.first().value(QStringLiteral("type")).toString(),
                 QStringLiteral("notice"));
        QVERIFY(r.lines.first()
                    .value(QStringLiteral("message"))
                    .toString()
                    .startsWith(QStringLiteral(
                        "Booked while FlightDesk was closed: order ord_0007, booking reference "
                        "RZPVAB")));
        QCOMPARE(r.outcome().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("ticketed"));
        QCOMPARE(r.outcome().value(QStringLiteral("order_id")).toString(),
                 QStringLiteral("ord_0007"));
        // Shown once: the next resume has nothing to say.
        const Run again = flightdesk(resume, 30000);
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.outcome().value(QStringLiteral("message")).toString(),
                 QStringLiteral("Nothing to resume."));
    }

    // Issue 9.9: a resume refused the lease on a `processing` intent printed `processing` and
    // never exited.
    void refusedResumeExitsAtOnce() {
        const QString path = journal();
        fd::OrderJournal j;
        QVERIFY(j.open(path).ok());
        const auto intent = j.createIntent(QStringLiteral("off_0001"), {}, {});
        QVERIFY(intent.ok());
        QVERIFY(j.freezeBody(intent->id, QByteArrayLiteral("{\"data\":{}}")).ok());
        QVERIFY(j.recordCreateResponse(intent->id, QStringLiteral("ord_0008"), {}).ok());
        QVERIFY(j.setState(intent->id, fd::CheckoutState::Processing).ok());
        // This (live) test process holds the intent, as another desk would.
        QCOMPARE(j.acquireLease(intent->id, fd::OrderJournal::makeOwnerId(),
                                QDateTime::currentDateTimeUtc(), std::chrono::minutes(10))
                     .value(),
                 fd::LeaseResult::Granted);
        const Run r = flightdesk(
            {QStringLiteral("resume"), QStringLiteral("--demo"), QStringLiteral("--journal"), path},
            30000);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.outcome().value(QStringLiteral("outcome")).toString(), QStringLiteral("error"));
        QVERIFY(
            r.outcome()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("already being handled by another window or process")));
        QCOMPARE(j.intent(intent->id)->state, fd::CheckoutState::Processing); // untouched
    }

    // A device or a huge file as --passengers is refused at once, before any journal or
    // session exists (README: "Input sizes FlightDesk refuses").
    void oversizedPassengersFileRefusedUnread() {
        QTemporaryDir dir;
        const QString journal = dir.filePath(QStringLiteral("j.sqlite"));
        const Run r = flightdesk({QStringLiteral("checkout"), QStringLiteral("--demo"),
                                  QStringLiteral("--search"), QStringLiteral("LOS-LHR"),
                                  QStringLiteral("--journal"), journal,
                                  QStringLiteral("--passengers"), QStringLiteral("/dev/zero")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.lines.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("the passengers file /dev/zero is larger than 1 MiB"),
                 r.err.constData());
        QVERIFY(!QFileInfo::exists(journal));
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no journal") << QStringList{
            QStringLiteral("checkout"),     QStringLiteral("--demo"),
            QStringLiteral("--offer"),      QStringLiteral("x"),
            QStringLiteral("--passengers"), kData + QStringLiteral("adult-international.json")};
        QTest::newRow("no api base")
            << QStringList{QStringLiteral("checkout"),
                           QStringLiteral("--journal"),
                           QStringLiteral("/tmp/x.sqlite"),
                           QStringLiteral("--offer"),
                           QStringLiteral("x"),
                           QStringLiteral("--passengers"),
                           kData + QStringLiteral("adult-international.json")};
        QTest::newRow("plain http to another host")
            << QStringList{QStringLiteral("checkout"),
                           QStringLiteral("--api-base"),
                           QStringLiteral("http://api.example.com"),
                           QStringLiteral("--api-key"),
                           QStringLiteral("k"),
                           QStringLiteral("--journal"),
                           QStringLiteral("/tmp/fd-never.sqlite"),
                           QStringLiteral("--offer"),
                           QStringLiteral("x"),
                           QStringLiteral("--passengers"),
                           kData + QStringLiteral("adult-international.json")};
        QTest::newRow("orders without journal file")
            << QStringList{QStringLiteral("orders"), QStringLiteral("--journal"),
                           QStringLiteral("/nonexistent/j.sqlite")};
    }
    void usageErrors() {
        QFETCH(QStringList, args);
        const Run r = flightdesk(args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.lines.isEmpty());
        QVERIFY(r.err.startsWith("flightdesk "));
    }
};

QTEST_GUILESS_MAIN(TestCliCheckout)
#include "tst_cli_checkout.moc"
