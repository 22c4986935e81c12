// Two desks, one agency journal on PostgreSQL (issue 12): `flightdesk` processes, each with its
// own HOME, share a real private PostgreSQL server (tests/support/pgserver.h) through
// `--journal postgresql://…` or FLIGHTDESK_JOURNAL, and book against one `flightdesk-sandbox`
// process both reach over HTTP. The database password reaches them only through PGPASSWORD.
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include "deskprocess.h"
#include "fakekeychains.h"
#include "pgserver.h"
#include "processrun.h"
#include "storage/orderjournal.h"
#include "storage/settingsstore.h"

namespace {
const QString kData = QStringLiteral(FLIGHTDESK_TEST_DATA "/cli/");
const QString kApiKey = QStringLiteral("tb_sandbox_demo");
// Bounds on how long one desk may run before it counts as hung (killed and reported).
constexpr int kDeskBoundMs = 30000;

// The sandbox's first create takes 5 s (long enough for a second desk to try it while the first
// waits), its second 1.5 s (the desk is killed while it is in flight); the rest are quick.
const QByteArray kScenario = R"({"name": "two_desks",
 "description": "slow first and second creates",
 "ticketing": {"outcome": "ticketed", "delay_ms": 100},
 "faults": [{"endpoint": "create_order", "attempts": [1], "kind": "slow", "delay_ms": 5000},
            {"endpoint": "create_order", "attempts": [2], "kind": "slow", "delay_ms": 1500}]})";

QList<QJsonObject> rows(const QJsonObject &ledger, const char *table, const char *key = nullptr,
                        const QString &value = {}) {
    QList<QJsonObject> out;
    for (const QJsonValue &v : ledger.value(QLatin1String(table)).toArray()) {
        const QJsonObject o = v.toObject();
        if (!key || o.value(QLatin1String(key)).toString() == value)
            out << o;
    }
    return out;
}

QString outcomeOf(const fd::faults::DeskProcess &d) {
    const auto outcomes = d.ofType("outcome");
    return outcomes.isEmpty() ? QString()
                              : outcomes.last().value(QLatin1String("outcome")).toString();
}
} // namespace

class TestCliJournalPostgres final : public QObject {
    Q_OBJECT

    fd::test::PgServer m_pg;
    QString m_skip;
    QTemporaryDir m_dir;
    std::unique_ptr<fd::test::SandboxProcess> m_sandbox;
    int m_homes = 0;

    // A desk of its own: a fresh HOME, the password in PGPASSWORD (never in argv), and none of
    // the developer's FLIGHTDESK_* settings. `vars` adds to it.
    QProcessEnvironment desk(const QMap<QString, QString> &vars = {}) {
        const QString home = m_dir.filePath(QStringLiteral("home-%1").arg(++m_homes));
        QDir().mkpath(home);
        QProcessEnvironment env = fd::test::environmentWithoutSecrets(
            {{QStringLiteral("HOME"), home}, {QStringLiteral("PGPASSWORD"), m_pg.password()}});
        env.remove(QStringLiteral("FLIGHTDESK_JOURNAL"));
        env.remove(QStringLiteral("FLIGHTDESK_DESK_ID"));
        env.remove(QStringLiteral("PGPASSFILE"));
        for (auto it = vars.begin(); it != vars.end(); ++it)
            env.insert(it.key(), it.value());
        return env;
    }
    // `checkout`/`resume` against the shared sandbox process, on the shared journal.
    QStringList connection(const QString &timingScale) const {
        return {QStringLiteral("--api-base"),     m_sandbox->url,
                QStringLiteral("--api-key-file"), m_dir.filePath(QStringLiteral("api.key")),
                QStringLiteral("--journal"),      m_pg.url(),
                QStringLiteral("--timing-scale"), timingScale};
    }
    QStringList checkoutArgs(const QString &timingScale) const {
        return QStringList{QStringLiteral("checkout"), QStringLiteral("--search"),
                           QStringLiteral("LOS-LHR"), QStringLiteral("--passengers"),
                           kData + QStringLiteral("adult-international.json")} +
               connection(timingScale);
    }
    // The create requests the sandbox process has received so far.
    qsizetype creates() {
        return rows(m_sandbox->ledger(), "requests", "endpoint", QStringLiteral("create_order"))
            .size();
    }

    // The journal as a test reads it (the password from the test, not the environment).
    std::unique_ptr<fd::OrderJournal> openJournal() {
        auto j = std::make_unique<fd::OrderJournal>();
        j->setPassword(m_pg.password());
        if (!j->open(m_pg.url()).ok())
            return nullptr;
        return j;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_skip = fd::test::PgServer::skipReason();
        if (!m_skip.isEmpty())
            return; // the tests that need the server skip; the others run
        QString error;
        QVERIFY2(m_pg.start(&error), qPrintable(error));
        const QString scenario = m_dir.filePath(QStringLiteral("two-desks.json"));
        QFile f(scenario);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kScenario);
        f.close();
        QFile key(m_dir.filePath(QStringLiteral("api.key")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(kApiKey.toLatin1());
        key.close();
        key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        m_sandbox = std::make_unique<fd::test::SandboxProcess>(
            QStringLiteral(FLIGHTDESK_SANDBOX_BINARY),
            QStringList{QStringLiteral("--scenario"), scenario});
    }
    void cleanupTestCase() {
        m_sandbox.reset();
        m_pg.stop();
    }

    // The password never goes on a command line: a URL with one is a usage error that names
    // where the password goes instead, and never echoes it.
    void passwordInTheUrlIsRefused_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("fromEnvironment");
        const QString url = QStringLiteral("postgresql://desk:s3cr3tpw@127.0.0.1:1/flightdesk");
        QTest::newRow("orders --journal")
            << QStringList{QStringLiteral("orders"), QStringLiteral("--journal"), url} << false;
        QTest::newRow("checkout --journal")
            << QStringList{QStringLiteral("checkout"),
                           QStringLiteral("--demo"),
                           QStringLiteral("--search"),
                           QStringLiteral("LOS-LHR"),
                           QStringLiteral("--passengers"),
                           kData + QStringLiteral("adult-international.json"),
                           QStringLiteral("--journal"),
                           url}
            << false;
        QTest::newRow("resume, FLIGHTDESK_JOURNAL")
            << QStringList{QStringLiteral("resume"), QStringLiteral("--demo")} << true;
        QTest::newRow("orders, FLIGHTDESK_JOURNAL")
            << QStringList{QStringLiteral("orders")} << true;
    }
    void passwordInTheUrlIsRefused() {
        QFETCH(QStringList, args);
        QFETCH(bool, fromEnvironment);
        QProcessEnvironment env = desk();
        if (fromEnvironment)
            env.insert(QStringLiteral("FLIGHTDESK_JOURNAL"),
                       QStringLiteral("postgresql://desk:s3cr3tpw@127.0.0.1:1/flightdesk"));
        const auto r = fd::test::runProcess(QStringLiteral(FLIGHTDESK_BINARY), args, env, 30000);
        QCOMPARE(r.exitCode, 1); // a usage error, like every other bad option
        QVERIFY2(r.err.contains("contains a password") && r.err.contains("PGPASSWORD"),
                 r.err.constData());
        QVERIFY(!r.err.contains("s3cr3tpw"));
        QVERIFY(r.out.isEmpty());
    }

    // The CLI on a desk whose Settings keep the agency journal's password (here in the
    // owner-only file the agent agreed to; the keychain is read the same way): no PGPASSWORD,
    // no ~/.pgpass, and `orders` still reads the agency journal. The same password is never
    // offered to a database the Settings do not name.
    void commandsUseThePasswordTheDeskSaved() {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        QProcessEnvironment env = desk();
        env.remove(QStringLiteral("PGPASSWORD"));
        const QString home = env.value(QStringLiteral("HOME"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
        {
            fd::test::UnavailableKeychain keychain;
            fd::SettingsStore::Options o;
            o.settingsFile = home + QStringLiteral("/.config/FlightDesk/FlightDesk.ini");
            o.keychain = &keychain;
            fd::SettingsStore store(o);
            fd::DeskSettings saved;
            saved.journal = fd::JournalKind::Agency;
            saved.agencyUrl = m_pg.url();
            QVERIFY(store.save(saved));
            std::optional<fd::Result<fd::SecretBackend>> stored;
            store.storeSecret(fd::SecretRef::journalPassword(), m_pg.password(),
                              fd::AllowFileFallback::Yes, &store,
                              [&stored](fd::Result<fd::SecretBackend> r) { stored = r; });
            QTRY_VERIFY(stored.has_value());
            QVERIFY(stored->ok());
        }
        const auto listed = fd::test::runProcess(
            QStringLiteral(FLIGHTDESK_BINARY),
            {QStringLiteral("orders"), QStringLiteral("--journal"), m_pg.url()}, env, 30000);
        QVERIFY2(listed.exitCode == 0, listed.err.constData());
        QCOMPARE(
            QJsonDocument::fromJson(listed.out).object().value(QLatin1String("journal")).toString(),
            m_pg.url());
        QVERIFY(!listed.out.contains(m_pg.password().toUtf8()));
        QVERIFY(!listed.err.contains(m_pg.password().toUtf8()));

        // Another database on the same server: not the saved agency journal, so no password.
        const QString other = QStringLiteral("postgresql://%1@%2:%3/postgres")
                                  .arg(m_pg.user(), m_pg.host())
                                  .arg(m_pg.port());
        const auto refused = fd::test::runProcess(
            QStringLiteral(FLIGHTDESK_BINARY),
            {QStringLiteral("orders"), QStringLiteral("--journal"), other}, env, 30000);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("no password supplied"), refused.err.constData());
    }

    // (a) What one desk books, the other sees: desk A books in demo mode, desk B lists the
    // agency journal (named by FLIGHTDESK_JOURNAL alone) and finds A's order, key and id.
    void twoDesksSeeEachOthersOrders() {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        // Travomatrix's embedded sandbox: its PNRs cannot collide with the Travelbase sandbox
        // process's order ids the other cases book in the same journal.
        fd::faults::DeskProcess a(
            QStringLiteral("desk A"),
            {QStringLiteral("checkout"), QStringLiteral("--demo"), QStringLiteral("--provider"),
             QStringLiteral("travomatrix"), QStringLiteral("--search"), QStringLiteral("LOS-LHR"),
             QStringLiteral("--passengers"), kData + QStringLiteral("adult-international.json"),
             QStringLiteral("--journal"), m_pg.url(), QStringLiteral("--timing-scale"),
             QStringLiteral("0.01")},
            desk());
        a.start();
        a.wait(kDeskBoundMs);
        QVERIFY2(a.exitCode == 0, qPrintable(a.transcript()));
        QCOMPARE(outcomeOf(a), QStringLiteral("ticketed"));
        const QJsonObject booked = a.ofType("outcome").last();
        const QString key = booked.value(QLatin1String("idempotency_key")).toString();
        const QString orderId = booked.value(QLatin1String("order_id")).toString();
        QVERIFY(!key.isEmpty() && !orderId.isEmpty());

        fd::faults::DeskProcess b(QStringLiteral("desk B"), {QStringLiteral("orders")},
                                  desk({{QStringLiteral("FLIGHTDESK_JOURNAL"), m_pg.url()}}));
        b.start();
        b.wait(kDeskBoundMs);
        QVERIFY2(b.exitCode == 0, qPrintable(b.transcript()));
        const QJsonObject doc = QJsonDocument::fromJson(b.out).object();
        QCOMPARE(doc.value(QLatin1String("journal")).toString(), m_pg.url());
        QVERIFY(!b.out.contains(m_pg.password().toUtf8()));
        bool found = false;
        for (const QJsonValue &v : doc.value(QLatin1String("intents")).toArray()) {
            const QJsonObject i = v.toObject();
            if (i.value(QLatin1String("intent_id")) != booked.value(QLatin1String("intent_id")))
                continue;
            found = true;
            QCOMPARE(i.value(QLatin1String("idempotency_key")).toString(), key);
            QCOMPARE(i.value(QLatin1String("order_id")).toString(), orderId);
            QCOMPARE(i.value(QLatin1String("state")).toString(), QStringLiteral("ticketed"));
            QCOMPARE(i.value(QLatin1String("provider")).toString(), QStringLiteral("travomatrix"));
        }
        QVERIFY2(found, b.out.constData());
    }

    // (b) An intent desk A is sending is not desk B's to send: B's resume, while A's create is
    // in flight, says it is being handled elsewhere and sends nothing; A books it once.
    void deskCannotSendAnIntentAnotherDeskHolds() {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        const qsizetype before = creates();
        fd::faults::DeskProcess a(QStringLiteral("desk A"), checkoutArgs(QStringLiteral("0.05")),
                                  desk());
        a.start();
        // A's create is on the server (5 s before it answers): the key and body are journaled.
        QTRY_VERIFY_WITH_TIMEOUT(creates() == before + 1 || a.finished(), 20000);
        QVERIFY2(!a.finished(), qPrintable(a.transcript()));

        fd::faults::DeskProcess b(
            QStringLiteral("desk B"),
            QStringList{QStringLiteral("resume")} + connection(QStringLiteral("0.05")), desk());
        b.start();
        b.wait(kDeskBoundMs);
        QVERIFY2(!a.finished(), "desk A finished before desk B tried: the test proves nothing");
        QVERIFY2(b.exitCode == 1, qPrintable(b.transcript()));
        QCOMPARE(outcomeOf(b), QStringLiteral("error"));
        const QString refused =
            b.ofType("outcome").last().value(QLatin1String("message")).toString();
        QVERIFY2(refused.contains(QStringLiteral("already being handled by another")),
                 qPrintable(b.transcript()));
        QVERIFY2(refused.contains(QStringLiteral("on this desk, process ")), qPrintable(refused));
        QCOMPARE(creates(), before + 1); // B sent nothing

        a.wait(kDeskBoundMs);
        QVERIFY2(a.exitCode == 0, qPrintable(a.transcript()));
        QCOMPARE(outcomeOf(a), QStringLiteral("ticketed"));
        QCOMPARE(creates(), before + 1);
    }

    // (c) Desk A, on another machine as far as the journal can tell (FLIGHTDESK_DESK_ID), is
    // killed with its create in flight. Desk B must wait for A's lease to expire (it cannot see
    // whether a process elsewhere is alive); then its resume books it: one order, one key.
    void killedDeskIsResumedElsewhereAfterItsLeaseExpires() {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        const qsizetype ordersBefore =
            m_sandbox->ledger().value(QLatin1String("orders")).toArray().size();
        const qsizetype before = creates();
        // Scale 0.05: the lease lives 6 s instead of 120 s.
        QProcess a;
        a.setProcessEnvironment(
            desk({{QStringLiteral("FLIGHTDESK_DESK_ID"), QStringLiteral("desk-a.elsewhere")}}));
        a.start(QStringLiteral(FLIGHTDESK_BINARY), checkoutArgs(QStringLiteral("0.05")));
        QTRY_VERIFY_WITH_TIMEOUT(creates() == before + 1 || a.state() == QProcess::NotRunning,
                                 20000);
        QVERIFY2(a.state() != QProcess::NotRunning, a.readAllStandardError().constData());
        a.kill(); // SIGKILL: no release of the lease, no last word in the journal
        QVERIFY(a.waitForFinished());
        QCOMPARE(a.exitStatus(), QProcess::CrashExit);

        const QJsonObject create =
            rows(m_sandbox->ledger(), "requests", "endpoint", QStringLiteral("create_order"))
                .last();
        const QString key = create.value(QLatin1String("idempotency_key")).toString();
        QVERIFY(!key.isEmpty());
        auto journal = openJournal();
        QVERIFY(journal);
        const auto unfinished = journal->unfinished();
        QVERIFY(unfinished.ok());
        qint64 intentId = 0;
        for (const fd::Intent &i : *unfinished)
            if (i.idempotencyKey == key)
                intentId = i.id;
        QVERIFY2(intentId != 0, "the killed desk's intent is not in the journal");
        const auto held = journal->intent(intentId);
        QVERIFY(held.ok());
        QVERIFY2(held->leaseOwner.startsWith(QStringLiteral("desk-a.elsewhere/")),
                 qPrintable(held->leaseOwner));

        // While the lease lasts, B sends nothing.
        const QStringList resume =
            QStringList{QStringLiteral("resume")} + connection(QStringLiteral("0.05"));
        {
            fd::faults::DeskProcess b(QStringLiteral("desk B, lease held"), resume, desk());
            b.start();
            b.wait(kDeskBoundMs);
            const auto now = QDateTime::currentDateTimeUtc();
            QVERIFY2(now < journal->intent(intentId)->leaseExpiresAt,
                     "desk B ran after the lease expired: the test proves nothing");
            QVERIFY2(b.exitCode == 1, qPrintable(b.transcript()));
            const QString refused =
                b.ofType("outcome").last().value(QLatin1String("message")).toString();
            QVERIFY2(refused.contains(QStringLiteral("already being handled by another")),
                     qPrintable(b.transcript()));
            // Where it is open, and until when at most.
            QVERIFY2(refused.contains(QStringLiteral("desk \"desk-a.elsewhere\", process ")),
                     qPrintable(refused));
            QVERIFY2(refused.contains(
                         QStringLiteral("released at %1")
                             .arg(journal->intent(intentId)->leaseExpiresAt.toLocalTime().toString(
                                 QStringLiteral("HH:mm:ss")))),
                     qPrintable(refused));
            QCOMPARE(creates(), before + 1);
        }

        // Once it has expired, B takes over with the same key and body.
        const QDateTime expires = journal->intent(intentId)->leaseExpiresAt;
        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTimeUtc() > expires, 15000);
        fd::faults::DeskProcess b(QStringLiteral("desk B, lease expired"), resume, desk());
        b.start();
        b.wait(kDeskBoundMs);
        QVERIFY2(b.exitCode == 0, qPrintable(b.transcript()));
        QCOMPARE(outcomeOf(b), QStringLiteral("ticketed"));
        QCOMPARE(b.ofType("outcome").last().value(QLatin1String("idempotency_key")).toString(),
                 key);

        const QJsonObject ledger = m_sandbox->ledger();
        const auto sameKey = rows(ledger, "requests", "idempotency_key", key);
        const auto keyedCreates =
            rows(ledger, "requests", "endpoint", QStringLiteral("create_order"));
        qsizetype withKey = 0;
        for (const QJsonObject &c : keyedCreates)
            if (c.value(QLatin1String("idempotency_key")).toString() == key) {
                ++withKey;
                QCOMPARE(c.value(QLatin1String("body_sha256")),
                         create.value(QLatin1String("body_sha256")));
            }
        QVERIFY(!sameKey.isEmpty());
        QCOMPARE(withKey, keyedCreates.size() - before); // every create since A's carried A's key
        QVERIFY(withKey >= 2);                           // A's, and B's after the expiry
        QCOMPARE(ledger.value(QLatin1String("orders")).toArray().size(), ordersBefore + 1);
        QCOMPARE(journal->intent(intentId)->state, fd::CheckoutState::Ticketed);
    }

    // (d) The database is down: `orders` says so in one line naming the URL (never the
    // password), within the URL's connect_timeout, and exits non-zero.
    void serverDownIsOneClearLine() {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        QString error;
        QVERIFY2(m_pg.stopServer(&error), qPrintable(error));
        const QString url = m_pg.url() + QStringLiteral("?connect_timeout=2");
        fd::faults::DeskProcess b(QStringLiteral("desk B"),
                                  {QStringLiteral("orders"), QStringLiteral("--journal"), url},
                                  desk());
        b.start();
        b.wait(kDeskBoundMs);
        QVERIFY2(m_pg.startServer(&error), qPrintable(error));
        QVERIFY2(!b.hung, qPrintable(b.transcript()));
        QVERIFY2(b.exitCode == 1, qPrintable(b.transcript()));
        QVERIFY2(b.elapsedMs < 10000, qPrintable(QString::number(b.elapsedMs)));
        QVERIFY(b.out.isEmpty());
        const QList<QByteArray> lines = b.err.trimmed().split('\n');
        QVERIFY2(lines.size() == 1, b.err.constData());
        QVERIFY2(lines.first().startsWith("flightdesk orders: "), b.err.constData());
        QVERIFY2(lines.first().contains(m_pg.url().toUtf8()), b.err.constData());
        QVERIFY(!b.err.contains(m_pg.password().toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestCliJournalPostgres)
#include "tst_cli_journal_postgres.moc"
