// `flightdesk checkout`, `resume` and `orders` run as real processes, against the embedded demo
// sandbox or a `flightdesk-sandbox` process, including a kill -9 in the middle of a create.
#include <QCoreApplication>
#include <QFile>
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
#include "testjournal.h"

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
    // A developer's own agency journal must not stand in for a missing --journal.
    // Under FLIGHTDESK_TEST_JOURNAL=postgres its password is in PGPASSWORD, never in argv.
    QProcessEnvironment env =
        fd::test::withJournalPassword(QProcessEnvironment::systemEnvironment());
    env.remove(QStringLiteral("FLIGHTDESK_JOURNAL"));
    const fd::test::ProcessRun p =
        fd::test::runProcess(QStringLiteral(FLIGHTDESK_BINARY), args, env, timeoutMs);
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

// What differs between the providers' sandboxes, for one test body run against both.
struct ProviderFacts {
    QString apiKey;          // the sandbox's default key
    const char *create;      // the create's endpoint name in the ledger
    const char *bookings;    // the ledger's table of bookings
    QString slowCreate;      // a scenario whose first create takes 0.8 s
    QStringList sandboxArgs; // flightdesk-sandbox arguments that pick the provider
};
ProviderFacts facts(const QString &provider) {
    if (provider == QLatin1String("travomatrix"))
        return {QStringLiteral("tmx_sandbox_demo"),
                "create_booking",
                "bookings",
                kData + QStringLiteral("tmx-slow-create.json"),
                {QStringLiteral("--provider"), QStringLiteral("travomatrix")}};
    return {QStringLiteral("tb_sandbox_demo"),
            "create_order",
            "orders",
            kData + QStringLiteral("slow-create.json"),
            {}};
}

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
    // A new journal file, or a new PostgreSQL database (FLIGHTDESK_TEST_JOURNAL=postgres).
    QString journal() {
        return fd::test::freshJournalLocation(
            m_dir, QStringLiteral("journal-%1.sqlite").arg(++m_journals));
    }
    // The environment of a child `flightdesk` that opens journal()'s location.
    static QProcessEnvironment deskEnvironment() {
        return fd::test::withJournalPassword(QProcessEnvironment::systemEnvironment());
    }

    // `flightdesk checkout` of one international adult on LOS-LHR with `connection`, started
    // (not waited for).
    static void startAdultCheckout(QProcess &desk, const QStringList &connection) {
        desk.setProcessEnvironment(deskEnvironment());
        desk.start(QStringLiteral(FLIGHTDESK_BINARY),
                   QStringList{QStringLiteral("checkout"), QStringLiteral("--search"),
                               QStringLiteral("LOS-LHR"), QStringLiteral("--passengers"),
                               kData + QStringLiteral("adult-international.json")} +
                       connection);
    }

    // Starts a checkout with `connection`, waits until its create is executing on the server
    // and kills the desk without warning (SIGKILL).
    void killMidCreate(SandboxProcess &sandbox, const ProviderFacts &p,
                       const QStringList &connection) {
        QProcess desk;
        startAdultCheckout(desk, connection);
        QTRY_VERIFY_WITH_TIMEOUT(
            !rows(sandbox.ledger(), "requests", "endpoint", p.create).isEmpty(), 20000);
        desk.kill();
        QVERIFY(desk.waitForFinished());
        QCOMPARE(desk.exitStatus(), QProcess::CrashExit);
    }

    // One intent as `flightdesk orders` prints it.
    static QJsonObject orderOf(const QString &path, qint64 intentId) {
        const fd::test::ProcessRun p = fd::test::runProcess(
            QStringLiteral(FLIGHTDESK_BINARY),
            {QStringLiteral("orders"), QStringLiteral("--journal"), path}, deskEnvironment());
        for (const QJsonValue &v :
             QJsonDocument::fromJson(p.out).object().value(QStringLiteral("intents")).toArray())
            if (v.toObject().value(QStringLiteral("intent_id")).toInteger() == intentId)
                return v.toObject();
        return {};
    }

private Q_SLOTS:
    void initTestCase() { FD_SKIP_UNLESS_TEST_JOURNAL_RUNS(); }

    void demoBookingEndsTicketed_data() {
        QTest::addColumn<QString>("provider");
        QTest::newRow("travelbase") << QStringLiteral("travelbase");
        QTest::newRow("travomatrix") << QStringLiteral("travomatrix");
    }
    void demoBookingEndsTicketed() {
        QFETCH(QString, provider);
        const Run r = flightdesk(
            {QStringLiteral("checkout"), QStringLiteral("--demo"), QStringLiteral("--provider"),
             provider, QStringLiteral("--search"), QStringLiteral("LOS-LHR"),
             QStringLiteral("--passengers"), kData + QStringLiteral("adult-international.json"),
             QStringLiteral("--journal"), journal(), QStringLiteral("--timing-scale"),
             QStringLiteral("0.01")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = r.outcome();
        if (provider == QLatin1String("travelbase")) {
            QCOMPARE(r.states(),
                     (QStringList{QStringLiteral("editing"), QStringLiteral("validating"),
                                  QStringLiteral("creating"), QStringLiteral("ticketing"),
                                  QStringLiteral("processing"), QStringLiteral("ticketed")}));
            QVERIFY(
                o.value(QStringLiteral("order_id")).toString().startsWith(QStringLiteral("ord_")));
        } else {
            // Booking is synchronous: the create answers for the tickets; no ticket action.
            const QStringList states = r.states();
            QCOMPARE(states.mid(0, 3),
                     (QStringList{QStringLiteral("editing"), QStringLiteral("validating"),
                                  QStringLiteral("creating")}));
            QCOMPARE(states.last(), QStringLiteral("ticketed"));
            QVERIFY(!states.contains(QStringLiteral("ticketing")));
            // The PNR is both the order id and the booking reference.
            QCOMPARE(o.value(QStringLiteral("order_id")),
                     o.value(QStringLiteral("booking_reference")));
        }
        QCOMPARE(o.value(QStringLiteral("type")).toString(), QStringLiteral("outcome"));
        QCOMPARE(o.value(QStringLiteral("outcome")).toString(), QStringLiteral("ticketed"));
        QCOMPARE(o.value(QStringLiteral("provider")).toString(), provider);
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

    // The demo journal outlives its runs and refuses an order id it has recorded: each demo
    // run's sandbox starts its ids above every earlier run's, as a real provider never
    // reissues one. Both providers' runs share the journal, as the desk's demo journal does.
    void demoRunsShareAJournal() {
        const QString path = journal();
        QStringList ids;
        for (const char *provider : {"travelbase", "travomatrix"})
            for (int run = 0; run < 2; ++run) {
                const Run r =
                    flightdesk({QStringLiteral("checkout"), QStringLiteral("--demo"),
                                QStringLiteral("--provider"), QString::fromLatin1(provider),
                                QStringLiteral("--search"), QStringLiteral("LOS-LHR"),
                                QStringLiteral("--passengers"),
                                kData + QStringLiteral("adult-international.json"),
                                QStringLiteral("--journal"), path, QStringLiteral("--timing-scale"),
                                QStringLiteral("0.01")});
                QVERIFY2(r.exitCode == 0, r.err.constData());
                QCOMPARE(r.outcome().value(QStringLiteral("outcome")).toString(),
                         QStringLiteral("ticketed"));
                const QString id = r.outcome().value(QStringLiteral("order_id")).toString();
                QVERIFY2(!ids.contains(id), qPrintable(id));
                ids << id;
            }
        QVERIFY(ids[0].startsWith(QStringLiteral("ord_")));
        QCOMPARE(ids[2].size(), 6); // a PNR
    }

    // One test body, two providers: the same scenario names, outcomes and exit codes.
    void demoOutcomesAndExitCodes_data() {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<int>("exitCode");
        for (const QString &provider :
             {QStringLiteral("travelbase"), QStringLiteral("travomatrix")}) {
            const auto row = [&](const char *name) {
                return &(
                    QTest::newRow(qPrintable(provider + QStringLiteral(": ") + QLatin1String(name)))
                    << provider);
            };
            *row("airline rejects") << "airline_rejects"
                                    << "failed" << 3;
            *row("wallet too low") << "wallet_too_low"
                                   << "insufficient_funds" << 5;
            *row("never resolves") << "never_resolves"
                                   << "unresolved" << 6;
            *row("flaky network") << "flaky_network"
                                  << "ticketed" << 0;
            *row("slow airline") << "slow_airline"
                                 << "ticketed" << 0;
        }
    }
    void demoOutcomesAndExitCodes() {
        QFETCH(QString, provider);
        QFETCH(QString, scenario);
        QFETCH(QString, outcome);
        QFETCH(int, exitCode);
        const Run r = flightdesk(
            {QStringLiteral("checkout"), QStringLiteral("--demo"), QStringLiteral("--provider"),
             provider, QStringLiteral("--scenario"), scenario, QStringLiteral("--search"),
             QStringLiteral("LOS-LHR"), QStringLiteral("--passengers"),
             kData + QStringLiteral("adult-international.json"), QStringLiteral("--journal"),
             journal(), QStringLiteral("--timing-scale"), QStringLiteral("0.01")});
        QVERIFY2(r.outcome().value(QStringLiteral("outcome")).toString() == outcome,
                 r.err.constData());
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(r.outcome().value(QStringLiteral("provider")).toString(), provider);
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

    void killedMidCreateThenResumedBooksOnce_data() {
        QTest::addColumn<QString>("provider");
        QTest::newRow("travelbase") << QStringLiteral("travelbase");
        QTest::newRow("travomatrix") << QStringLiteral("travomatrix");
    }
    void killedMidCreateThenResumedBooksOnce() {
        QFETCH(QString, provider);
        const ProviderFacts p = facts(provider);
        SandboxProcess sandbox(p.sandboxArgs +
                               QStringList{QStringLiteral("--scenario"), p.slowCreate});
        const QString path = journal();
        const QStringList connection{QStringLiteral("--provider"),     provider,
                                     QStringLiteral("--api-base"),     sandbox.url,
                                     QStringLiteral("--api-key"),      p.apiKey,
                                     QStringLiteral("--journal"),      path,
                                     QStringLiteral("--timing-scale"), QStringLiteral("0.15")};
        killMidCreate(sandbox, p, connection);
        if (QTest::currentTestFailed())
            return;

        const Run r = flightdesk(QStringList{QStringLiteral("resume")} + connection);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.outcome().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("ticketed"));
        QCOMPARE(r.outcome().value(QStringLiteral("provider")).toString(), provider);

        const QJsonObject ledger = sandbox.ledger();
        const auto creates = rows(ledger, "requests", "endpoint", p.create);
        QVERIFY(creates.size() >= 2); // the killed one and the resumed one(s)
        const QString key = creates.first().value(QStringLiteral("idempotency_key")).toString();
        QCOMPARE(r.outcome().value(QStringLiteral("idempotency_key")).toString(), key);
        for (const QJsonObject &c : creates) {
            QCOMPARE(c.value(QStringLiteral("idempotency_key")).toString(), key);
            QCOMPARE(c.value(QStringLiteral("body_sha256")),
                     creates.first().value(QStringLiteral("body_sha256")));
        }
        QCOMPARE(ledger.value(QLatin1String(p.bookings)).toArray().size(), 1);
        QCOMPARE(rows(ledger, "wallet_movements", "type", "debit").size(), 1);

        // The journal shows it all, without passport numbers or full birth dates.
        const Run orders =
            flightdesk({QStringLiteral("orders"), QStringLiteral("--journal"), path});
        QCOMPARE(orders.exitCode, 0);
        QProcess proc;
        proc.setProcessEnvironment(deskEnvironment());
        proc.start(QStringLiteral(FLIGHTDESK_BINARY),
                   {QStringLiteral("orders"), QStringLiteral("--journal"), path});
        QVERIFY(proc.waitForFinished());
        const QByteArray text = proc.readAllStandardOutput();
        QVERIFY(text.contains(key.toLatin1()));
        QVERIFY(!text.contains("A87654321"));
        QVERIFY(!text.contains("1985-09-30"));
        const QJsonArray intents =
            QJsonDocument::fromJson(text).object().value(QStringLiteral("intents")).toArray();
        QCOMPARE(intents.size(), 1);
        const QJsonObject intent = intents.first().toObject();
        QCOMPARE(intent.value(QStringLiteral("state")).toString(), QStringLiteral("ticketed"));
        QCOMPARE(intent.value(QStringLiteral("provider")).toString(), provider);
        QCOMPARE(intent.value(QStringLiteral("idempotency_key")).toString(), key);
    }

    // kill -9 at every state of a Travelbase checkout, then `resume`: the journal keeps what
    // matters (the key; from `creating` the frozen body; from `ticketing` the order id and the
    // ticket key) and the resume books and tickets once, with the same keys. Each row holds the
    // desk in its state with the sandbox: a slow endpoint (`held`), or a long ticketing delay
    // without webhooks (`processing`: the desk has polled once and waits to poll again).
    void killedAtEveryStateThenResumedBooksOnce_data() {
        QTest::addColumn<QString>("state");       // the journal state the desk is killed in
        QTest::addColumn<QByteArray>("held");     // the slow endpoint, empty for none
        QTest::addColumn<QByteArray>("scenario"); // the sandbox's scenario (JSON)
        // Ticketed after `delayMs` (real milliseconds: the sandbox runs unscaled), plus `more`.
        const auto scenario = [](int delayMs, QJsonObject more) {
            more.insert(QStringLiteral("ticketing"),
                        QJsonObject{{QStringLiteral("outcome"), QStringLiteral("ticketed")},
                                    {QStringLiteral("delay_ms"), delayMs}});
            return QJsonDocument(more).toJson(QJsonDocument::Compact);
        };
        const auto slow = [&](const char *endpoint) {
            const QJsonObject fault{{QStringLiteral("endpoint"), QLatin1String(endpoint)},
                                    {QStringLiteral("attempts"), QJsonArray{1}},
                                    {QStringLiteral("kind"), QStringLiteral("slow")},
                                    {QStringLiteral("delay_ms"), 4000}};
            return scenario(200, QJsonObject{{QStringLiteral("faults"), QJsonArray{fault}}});
        };
        QTest::newRow("validating: the offer read held")
            << QStringLiteral("validating") << QByteArray("get_offer") << slow("get_offer");
        QTest::newRow("validating: the wallet read held")
            << QStringLiteral("validating") << QByteArray("get_wallet") << slow("get_wallet");
        QTest::newRow("creating: the create held")
            << QStringLiteral("creating") << QByteArray("create_order") << slow("create_order");
        QTest::newRow("ticketing: the ticket action held")
            << QStringLiteral("ticketing") << QByteArray("ticket_order") << slow("ticket_order");
        QTest::newRow("processing: ticketing takes 8 s, no webhook, polled")
            << QStringLiteral("processing") << QByteArray()
            << scenario(
                   8000,
                   QJsonObject{{QStringLiteral("webhooks"),
                                QJsonObject{{QStringLiteral("mode"), QStringLiteral("dropped")}}}});
    }
    void killedAtEveryStateThenResumedBooksOnce() {
        QFETCH(QString, state);
        QFETCH(QByteArray, held);
        QFETCH(QByteArray, scenario);
        const ProviderFacts p = facts(QStringLiteral("travelbase"));
        const QString scenarioFile = m_dir.filePath(QStringLiteral("kill-%1.json").arg(m_journals));
        {
            QFile f(scenarioFile);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(f.write(scenario), scenario.size());
        }
        SandboxProcess sandbox({QStringLiteral("--scenario"), scenarioFile});
        const QString path = journal();
        const QStringList connection{QStringLiteral("--api-base"),     sandbox.url,
                                     QStringLiteral("--api-key"),      p.apiKey,
                                     QStringLiteral("--journal"),      path,
                                     QStringLiteral("--timing-scale"), QStringLiteral("0.1")};
        const auto heldRequests = [&] {
            return held.isEmpty()
                       ? QList<QJsonObject>()
                       : rows(sandbox.ledger(), "requests", "endpoint", held.constData());
        };

        // The test's read side of the journal, opened (its schema made) before the desk starts.
        fd::Intent before;
        {
            fd::OrderJournal watcher;
            watcher.setPassword(fd::test::journalPassword());
            QVERIFY(watcher.open(path).ok());
            const auto only = [&]() -> std::optional<fd::Intent> {
                const auto all = watcher.all();
                if (!all || all->size() != 1)
                    return std::nullopt;
                return all->first();
            };
            // In the state, and the request it waits on sent: the held one, or a poll.
            const auto reached = [&] {
                const auto i = only();
                if (!i || fd::state::name(i->state) != state)
                    return false;
                before = *i;
                return !rows(sandbox.ledger(), "requests", "endpoint",
                             held.isEmpty() ? "get_order" : held.constData())
                            .isEmpty();
            };

            QProcess desk;
            startAdultCheckout(desk, connection);
            QTRY_VERIFY2_WITH_TIMEOUT(reached(), desk.readAllStandardError().constData(), 30000);
            desk.kill();
            QVERIFY(desk.waitForFinished());
            QCOMPARE(desk.exitStatus(), QProcess::CrashExit);
        }
        QVERIFY(!before.idempotencyKey.isEmpty());

        // What the killed desk left: read again, from a new connection.
        {
            fd::OrderJournal j;
            j.setPassword(fd::test::journalPassword());
            QVERIFY(j.open(path).ok());
            const auto all = j.all();
            QVERIFY(all.ok());
            QCOMPARE(all->size(), 1);
            const fd::Intent &after = all->first();
            QCOMPARE(QString(fd::state::name(after.state)), state);
            QCOMPARE(after.idempotencyKey, before.idempotencyKey);
            QCOMPARE(after.offerId, before.offerId);
            if (state != QLatin1String("validating")) {
                QVERIFY(after.isFrozen());
                QCOMPARE(after.requestBody, before.requestBody);
            }
            if (state == QLatin1String("ticketing") || state == QLatin1String("processing")) {
                QVERIFY(!after.orderId.isEmpty());
                QCOMPARE(after.orderId, before.orderId);
                QVERIFY(!after.ticketKey.isEmpty());
                QCOMPARE(after.ticketKey, before.ticketKey);
            }
        }
        // The held request ends on the sandbox (its answer goes nowhere) before the resume.
        if (!held.isEmpty())
            QTRY_VERIFY_WITH_TIMEOUT(
                !heldRequests().first().value(QStringLiteral("outcome")).toString().isEmpty(),
                30000);

        const Run r = flightdesk(QStringList{QStringLiteral("resume")} + connection);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.outcome().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("ticketed"));
        QCOMPARE(r.outcome().value(QStringLiteral("idempotency_key")).toString(),
                 before.idempotencyKey);

        // One order, one debit, one ticket action executed; every create and ticket action
        // carries the journal's keys.
        const QJsonObject ledger = sandbox.ledger();
        const QList<QJsonObject> orders = rows(ledger, "orders");
        QCOMPARE(orders.size(), 1);
        QCOMPARE(orders.first().value(QStringLiteral("status")).toString(),
                 QStringLiteral("ticketed"));
        QCOMPARE(rows(ledger, "wallet_movements", "type", "debit").size(), 1);
        QCOMPARE(rows(ledger, "wallet_movements", "type", "reversal").size(), 0);
        const auto creates = rows(ledger, "requests", "endpoint", p.create);
        QVERIFY(!creates.isEmpty());
        for (const QJsonObject &c : creates) {
            QCOMPARE(c.value(QStringLiteral("idempotency_key")).toString(), before.idempotencyKey);
            QCOMPARE(c.value(QStringLiteral("body_sha256")),
                     creates.first().value(QStringLiteral("body_sha256")));
        }
        fd::OrderJournal j;
        j.setPassword(fd::test::journalPassword());
        QVERIFY(j.open(path).ok());
        const auto done = j.intent(before.id);
        QVERIFY(done.ok());
        QCOMPARE(done->state, fd::CheckoutState::Ticketed);
        QVERIFY(!done->ticketKey.isEmpty());
        if (!before.ticketKey.isEmpty())
            QCOMPARE(done->ticketKey, before.ticketKey);
        const auto tickets = rows(ledger, "requests", "endpoint", "ticket_order");
        int ticketEffects = 0;
        for (const QJsonObject &t : tickets) {
            QCOMPARE(t.value(QStringLiteral("idempotency_key")).toString(), done->ticketKey);
            if (t.value(QStringLiteral("outcome")).toString().startsWith(QLatin1String("executed")))
                ++ticketEffects;
        }
        QCOMPARE(ticketEffects, 1);
    }

    // Travomatrix over real HTTP: a `flightdesk-sandbox --provider travomatrix` process, and
    // what its ledger says about each outcome the desk printed.
    void travomatrixOutcomesOverHttp_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<int>("creates"); // booking/create requests in the ledger
        QTest::newRow("happy path: TICKETED from the create") << "happy_path"
                                                              << "ticketed" << 0 << 1;
        QTest::newRow("airline rejects: no charge") << "airline_rejects"
                                                    << "failed" << 3 << 1;
        QTest::newRow("wallet too low: refused by the balance check")
            << "wallet_too_low"
            << "insufficient_funds" << 5 << -1;
        QTest::newRow("slow airline: PENDING, polled") << "slow_airline"
                                                       << "ticketed" << 0 << 1;
        QTest::newRow("flaky network: 503, reset after commit") << "flaky_network"
                                                                << "ticketed" << 0 << 3;
        QTest::newRow("500, reset before and after commit, a hung fare check")
            << kData + QStringLiteral("tmx-create-faults.json") << "ticketed" << 0 << 4;
    }
    void travomatrixOutcomesOverHttp() {
        QFETCH(QString, scenario);
        QFETCH(QString, outcome);
        QFETCH(int, exitCode);
        QFETCH(int, creates);
        SandboxProcess sandbox({QStringLiteral("--provider"), QStringLiteral("travomatrix"),
                                QStringLiteral("--scenario"), scenario,
                                QStringLiteral("--timing-scale"), QStringLiteral("0.01")});
        const qint64 before = sandbox.ledger()
                                  .value(QStringLiteral("wallet"))
                                  .toObject()
                                  .value(QStringLiteral("available"))
                                  .toInteger();
        const Run r = flightdesk(
            {QStringLiteral("checkout"), QStringLiteral("--provider"),
             QStringLiteral("travomatrix"), QStringLiteral("--api-base"), sandbox.url,
             QStringLiteral("--api-key"), QStringLiteral("tmx_sandbox_demo"),
             QStringLiteral("--search"), QStringLiteral("LOS-LHR"), QStringLiteral("--passengers"),
             kData + QStringLiteral("adult-international.json"), QStringLiteral("--journal"),
             journal(), QStringLiteral("--timing-scale"), QStringLiteral("0.01"),
             QStringLiteral("--request-timeout"), QStringLiteral("1")});
        const QJsonObject o = r.outcome();
        QVERIFY2(o.value(QStringLiteral("outcome")).toString() == outcome, r.err.constData());
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(o.value(QStringLiteral("provider")).toString(), QStringLiteral("travomatrix"));
        QVERIFY(!r.states().contains(QStringLiteral("ticketing")));

        const QJsonObject ledger = sandbox.ledger();
        const auto sent = rows(ledger, "requests", "endpoint", "create_booking");
        const QJsonArray bookings = ledger.value(QStringLiteral("bookings")).toArray();
        const qint64 after = ledger.value(QStringLiteral("wallet"))
                                 .toObject()
                                 .value(QStringLiteral("available"))
                                 .toInteger();
        if (creates < 0) { // refused before or at the create: nothing booked, nothing charged
            QCOMPARE(bookings.size(), 0);
            QCOMPARE(after, before);
            return;
        }
        QCOMPARE(sent.size(), creates);
        // Every attempt: the intent's key, the same bytes; exactly one booking.
        for (const QJsonObject &c : sent) {
            QCOMPARE(c.value(QStringLiteral("idempotency_key")),
                     o.value(QStringLiteral("idempotency_key")));
            QCOMPARE(c.value(QStringLiteral("body_sha256")),
                     sent.first().value(QStringLiteral("body_sha256")));
        }
        QCOMPARE(bookings.size(), 1);
        const QJsonObject booking = bookings.first().toObject();
        // The PNR is the order id and the booking reference.
        QCOMPARE(o.value(QStringLiteral("order_id")).toString(),
                 booking.value(QStringLiteral("pnr")).toString());
        QCOMPARE(o.value(QStringLiteral("booking_reference")).toString(),
                 booking.value(QStringLiteral("pnr")).toString());
        QCOMPARE(rows(ledger, "wallet_movements", "type", "debit").size(), 1);
        if (outcome == QLatin1String("failed")) {
            QCOMPARE(booking.value(QStringLiteral("status")).toString(),
                     QStringLiteral("REJECTED"));
            QCOMPARE(rows(ledger, "wallet_movements", "type", "reversal").size(), 1);
            QCOMPARE(after, before); // no charge
            QCOMPARE(o.value(QStringLiteral("tickets")).toArray().size(), 0);
            return;
        }
        QCOMPARE(booking.value(QStringLiteral("status")).toString(), QStringLiteral("TICKETED"));
        QCOMPARE(rows(ledger, "wallet_movements", "type", "reversal").size(), 0);
        // The tickets are the booking's ticket numbers.
        QStringList numbers, printed;
        for (const QJsonValue &t : booking.value(QStringLiteral("tickets")).toArray())
            numbers << t.toObject().value(QStringLiteral("number")).toString();
        for (const QJsonValue &t : o.value(QStringLiteral("tickets")).toArray())
            printed << t.toObject().value(QStringLiteral("unique_identifier")).toString();
        QVERIFY(!numbers.isEmpty());
        QCOMPARE(printed, numbers);
        if (scenario == QLatin1String("slow_airline")) {
            QVERIFY(r.states().contains(QStringLiteral("processing")));
            QVERIFY(!rows(ledger, "requests", "endpoint", "get_booking").isEmpty());
        }
    }

    // A fare booked already answers 410 FARE_SOLD_OUT to the re-check before booking: the
    // desk says the offer is gone (exit 4) and sends no create.
    void travomatrixFareGoneIsOfferUnavailable() {
        SandboxProcess sandbox({QStringLiteral("--provider"), QStringLiteral("travomatrix"),
                                QStringLiteral("--timing-scale"), QStringLiteral("0.01")});
        const QStringList connection{
            QStringLiteral("--provider"),     QStringLiteral("travomatrix"),
            QStringLiteral("--api-base"),     sandbox.url,
            QStringLiteral("--api-key"),      QStringLiteral("tmx_sandbox_demo"),
            QStringLiteral("--passengers"),   kData + QStringLiteral("adult-international.json"),
            QStringLiteral("--timing-scale"), QStringLiteral("0.01")};
        const Run first = flightdesk(
            QStringList{QStringLiteral("checkout"), QStringLiteral("--search"),
                        QStringLiteral("LOS-LHR"), QStringLiteral("--journal"), journal()} +
            connection);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QString fare;
        for (const QJsonObject &l : first.lines)
            if (l.value(QStringLiteral("type")).toString() == QLatin1String("offer"))
                fare = l.value(QStringLiteral("offer_id")).toString();
        QVERIFY(!fare.isEmpty());

        const Run again =
            flightdesk(QStringList{QStringLiteral("checkout"), QStringLiteral("--offer"), fare,
                                   QStringLiteral("--journal"), journal()} +
                       connection);
        QCOMPARE(again.outcome().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("offer_unavailable"));
        QCOMPARE(again.exitCode, 4);
        const QJsonObject ledger = sandbox.ledger();
        const auto checks = rows(ledger, "requests", "endpoint", "get_fare");
        QVERIFY(!checks.isEmpty());
        QCOMPARE(checks.last().value(QStringLiteral("status")).toInt(), 410);
        QCOMPARE(rows(ledger, "requests", "endpoint", "create_booking").size(), 1);
        QCOMPARE(ledger.value(QStringLiteral("bookings")).toArray().size(), 1);
    }

    // The desk's balance check passes, then another booking spends the money before the
    // create executes: the create's 402 INSUFFICIENT_FUNDS ends the checkout with exit 5.
    void travomatrixCreateAnswered402IsInsufficientFunds() {
        SandboxProcess sandbox({QStringLiteral("--provider"), QStringLiteral("travomatrix"),
                                QStringLiteral("--scenario"),
                                kData + QStringLiteral("tmx-drained-wallet.json")});
        const QStringList connection{
            QStringLiteral("--provider"),     QStringLiteral("travomatrix"),
            QStringLiteral("--api-base"),     sandbox.url,
            QStringLiteral("--api-key"),      QStringLiteral("tmx_sandbox_demo"),
            QStringLiteral("--passengers"),   kData + QStringLiteral("adult-international.json"),
            QStringLiteral("--timing-scale"), QStringLiteral("0.01")};
        QProcess held; // LOS-LHR, 394.90 EUR: its create is held 4 s by the sandbox
        held.setProcessEnvironment(deskEnvironment());
        held.start(QStringLiteral(FLIGHTDESK_BINARY),
                   QStringList{QStringLiteral("checkout"), QStringLiteral("--search"),
                               QStringLiteral("LOS-LHR"), QStringLiteral("--journal"), journal()} +
                       connection);
        QTRY_VERIFY_WITH_TIMEOUT(
            !rows(sandbox.ledger(), "requests", "endpoint", "create_booking").isEmpty(), 20000);
        // Meanwhile LOS-ACC (180.00 EUR) is booked: 270.00 EUR are left.
        const Run other = flightdesk(
            QStringList{QStringLiteral("checkout"), QStringLiteral("--search"),
                        QStringLiteral("LOS-ACC"), QStringLiteral("--journal"), journal()} +
            connection);
        QVERIFY2(other.exitCode == 0, other.err.constData());

        const fd::test::ProcessRun p = fd::test::finishProcess(held);
        const QList<QJsonObject> lines = parseLines(p.out);
        QVERIFY(!lines.isEmpty());
        QCOMPARE(lines.last().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("insufficient_funds"));
        QCOMPARE(p.exitCode, 5);
        const QJsonObject ledger = sandbox.ledger();
        const auto creates = rows(ledger, "requests", "endpoint", "create_booking");
        QCOMPARE(creates.size(), 2);
        QCOMPARE(creates.first().value(QStringLiteral("idempotency_key")),
                 lines.last().value(QStringLiteral("idempotency_key")));
        QCOMPARE(creates.first().value(QStringLiteral("status")).toInt(), 402);
        QCOMPARE(ledger.value(QStringLiteral("bookings")).toArray().size(), 1); // the other one
        QCOMPARE(rows(ledger, "wallet_movements", "type", "debit").size(), 1);
    }

    // `resume --provider travomatrix` continues the Travomatrix intent, and leaves a Travelbase
    // one of the same journal exactly as it was, with a notice naming its provider.
    void resumeRoutesEachIntentToItsProvider() {
        const ProviderFacts p = facts(QStringLiteral("travomatrix"));
        SandboxProcess sandbox(p.sandboxArgs +
                               QStringList{QStringLiteral("--scenario"), p.slowCreate});
        const QString path = journal();
        qint64 travelbaseId = 0;
        {
            fd::OrderJournal j;
            j.setPassword(fd::test::journalPassword());
            QVERIFY(j.open(path).ok());
            const auto intent =
                j.createIntent(QStringLiteral("off_0001"), {}, {}, QStringLiteral("travelbase"));
            QVERIFY(intent.ok());
            travelbaseId = intent->id;
            QVERIFY(j.freezeBody(travelbaseId, QByteArrayLiteral("{\"data\":{}}")).ok());
            QVERIFY(j.recordCreateResponse(travelbaseId, QStringLiteral("ord_0009"),
                                           QStringLiteral("RZPVAC"))
                        .ok());
            QVERIFY(j.setState(travelbaseId, fd::CheckoutState::Processing).ok());
        }
        const QStringList connection{
            QStringLiteral("--provider"),     QStringLiteral("travomatrix"),
            QStringLiteral("--api-base"),     sandbox.url,
            QStringLiteral("--api-key"),      p.apiKey,
            QStringLiteral("--journal"),      path,
            QStringLiteral("--timing-scale"), QStringLiteral("0.15")};
        killMidCreate(sandbox, p, connection);
        if (QTest::currentTestFailed())
            return;
        const QJsonObject travelbaseBefore = orderOf(path, travelbaseId);
        QCOMPARE(travelbaseBefore.value(QStringLiteral("provider")).toString(),
                 QStringLiteral("travelbase"));

        const Run r = flightdesk(QStringList{QStringLiteral("resume")} + connection);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        bool noticed = false;
        for (const QJsonObject &l : r.lines) {
            if (l.value(QStringLiteral("type")).toString() != QLatin1String("notice"))
                continue;
            QCOMPARE(l.value(QStringLiteral("intent_id")).toInteger(), travelbaseId);
            QCOMPARE(l.value(QStringLiteral("provider")).toString(), QStringLiteral("travelbase"));
            QVERIFY(l.value(QStringLiteral("message"))
                        .toString()
                        .contains(QStringLiteral("resume --provider travelbase")));
            noticed = true;
        }
        QVERIFY(noticed);
        for (const QJsonObject &l : r.lines)
            if (l.value(QStringLiteral("type")).toString() == QLatin1String("state"))
                QVERIFY(l.value(QStringLiteral("intent_id")).toInteger() != travelbaseId);
        const QJsonObject o = r.outcome();
        QCOMPARE(o.value(QStringLiteral("outcome")).toString(), QStringLiteral("ticketed"));
        QCOMPARE(o.value(QStringLiteral("provider")).toString(), QStringLiteral("travomatrix"));
        const QJsonObject ledger = sandbox.ledger();
        QCOMPARE(ledger.value(QStringLiteral("bookings")).toArray().size(), 1);
        for (const QJsonObject &c : rows(ledger, "requests", "endpoint", p.create))
            QCOMPARE(c.value(QStringLiteral("idempotency_key")),
                     o.value(QStringLiteral("idempotency_key")));

        // The Travelbase intent's journal row did not move; `orders` names both providers.
        QCOMPARE(orderOf(path, travelbaseId), travelbaseBefore);
        const QJsonObject travomatrix =
            orderOf(path, o.value(QStringLiteral("intent_id")).toInteger());
        QCOMPARE(travomatrix.value(QStringLiteral("provider")).toString(),
                 QStringLiteral("travomatrix"));
        QCOMPARE(travomatrix.value(QStringLiteral("state")).toString(), QStringLiteral("ticketed"));
        QCOMPARE(travomatrix.value(QStringLiteral("order_id")),
                 o.value(QStringLiteral("order_id")));
    }

    // Without --webhook-secret, --webhook-listen would be a usage error for Travelbase: for
    // Travomatrix the webhook options are dropped, with one note, and the booking goes on.
    void webhookOptionsAreIgnoredForTravomatrix() {
        const Run r = flightdesk(
            {QStringLiteral("checkout"), QStringLiteral("--demo"), QStringLiteral("--provider"),
             QStringLiteral("travomatrix"), QStringLiteral("--webhook-listen"),
             QStringLiteral("127.0.0.1:0"), QStringLiteral("--search"), QStringLiteral("LOS-LHR"),
             QStringLiteral("--passengers"), kData + QStringLiteral("adult-international.json"),
             QStringLiteral("--journal"), journal(), QStringLiteral("--timing-scale"),
             QStringLiteral("0.01")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.outcome().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("ticketed"));
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("flightdesk checkout: --webhook-* options are ignored with "
                                "--provider travomatrix"),
                 r.err.constData());
    }

    void unknownProviderIsAUsageError_data() {
        QTest::addColumn<QString>("command");
        QTest::newRow("checkout") << QStringLiteral("checkout");
        QTest::newRow("resume") << QStringLiteral("resume");
    }
    void unknownProviderIsAUsageError() {
        QFETCH(QString, command);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("j.sqlite"));
        QStringList args{command,
                         QStringLiteral("--demo"),
                         QStringLiteral("--provider"),
                         QStringLiteral("nope"),
                         QStringLiteral("--journal"),
                         path};
        if (command == QLatin1String("checkout"))
            args << QStringLiteral("--search") << QStringLiteral("LOS-LHR")
                 << QStringLiteral("--passengers")
                 << kData + QStringLiteral("adult-international.json");
        const Run r = flightdesk(args);
        QCOMPARE(r.exitCode, 1); // README: exit 1 is a usage error
        QVERIFY(r.lines.isEmpty());
        QVERIFY2(
            r.err.startsWith(QByteArray("flightdesk " + command.toLatin1() +
                                        ": --provider must be one of: travelbase, travomatrix")),
            r.err.constData());
        QVERIFY(!QFileInfo::exists(path));
    }

    // Issue 9.10: killed after the journal wrote `ticketed` but before the outcome was printed,
    // the next resume said "Nothing to resume." and an agent who saw the crash might book again.
    void outcomeNeverShownIsReportedByTheNextResume() {
        const QString path = journal();
        qint64 id = 0;
        {
            fd::OrderJournal j;
            j.setPassword(fd::test::journalPassword());
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
        j.setPassword(fd::test::journalPassword());
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
        QTest::newRow("orders without a journal") << QStringList{QStringLiteral("orders")};
        QTest::newRow("orders without journal file")
            << QStringList{QStringLiteral("orders"), QStringLiteral("--journal"),
                           QStringLiteral("/nonexistent/j.sqlite")};
    }
    // Issue 12: `orders` streams the journal a page at a time; the document is still the one
    // QJsonDocument would write for the whole history, byte for byte, and --jsonl has one
    // intent per line.
    void ordersStreamsALongJournal() {
        const QString path = journal();
        {
            fd::ManualClock clock(QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC));
            fd::OrderJournal j(&clock);
            j.setPassword(fd::test::journalPassword());
            QVERIFY(j.open(path));
            const auto empty =
                flightdesk({QStringLiteral("orders"), QStringLiteral("--journal"), path});
            QCOMPARE(empty.exitCode, 0);
            for (int n = 0; n < 1000; ++n) {
                const QString offerId = QStringLiteral("off_%1").arg(n);
                const auto i =
                    j.createIntent(offerId, {{QStringLiteral("id"), offerId}},
                                   QJsonArray{QJsonObject{
                                       {QStringLiteral("given_name"), QStringLiteral("Ada")},
                                       {QStringLiteral("born_on"), QStringLiteral("1990-01-02")}}});
                QVERIFY(i);
                if (n % 100 == 0) { // some with a body, an attempt and a note
                    QVERIFY(j.freezeBody(i->id, "{\"n\":" + QByteArray::number(n) + "}"));
                    QVERIFY(j.recordAttempt(i->id, {{QStringLiteral("status"), 201}}));
                    QVERIFY(j.addNote(i->id, QStringLiteral("line \"one\"\nline two")));
                }
                clock.advance(1000);
            }
        }
        const fd::test::ProcessRun doc =
            fd::test::runProcess(QStringLiteral(FLIGHTDESK_BINARY),
                                 {QStringLiteral("orders"), QStringLiteral("--journal"), path},
                                 deskEnvironment(), 60000);
        QCOMPARE(doc.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(doc.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(parsed.toJson(QJsonDocument::Indented), doc.out); // as written before streaming
        const QJsonArray intents = parsed.object().value(QStringLiteral("intents")).toArray();
        QCOMPARE(intents.size(), 1000);
        QCOMPARE(parsed.object().value(QStringLiteral("journal")).toString(), path);
        for (qsizetype k = 0; k < intents.size(); ++k) // newest first, every one once
            QCOMPARE(intents.at(k).toObject().value(QStringLiteral("intent_id")).toInteger(),
                     1000 - k);
        QVERIFY(!doc.out.contains("1990-01-02"));
        const QJsonObject noted = intents.at(999).toObject(); // the first intent, n = 0
        QCOMPARE(noted.value(QStringLiteral("events")).toArray().size(), 3); // draft, attempt, note
        QVERIFY(!noted.value(QStringLiteral("request_sha256")).toString().isEmpty());

        const fd::test::ProcessRun jsonl =
            fd::test::runProcess(QStringLiteral(FLIGHTDESK_BINARY),
                                 {QStringLiteral("orders"), QStringLiteral("--journal"), path,
                                  QStringLiteral("--jsonl")},
                                 deskEnvironment(), 60000);
        QCOMPARE(jsonl.exitCode, 0);
        const QList<QByteArray> lines = jsonl.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1000);
        for (qsizetype k = 0; k < lines.size(); ++k)
            QCOMPARE(QJsonDocument::fromJson(lines.at(k)).object(), intents.at(k).toObject());
    }

    void ordersOfAnEmptyJournal() {
        const QString path = journal();
        {
            fd::OrderJournal j;
            j.setPassword(fd::test::journalPassword());
            QVERIFY(j.open(path));
        }
        const fd::test::ProcessRun doc =
            fd::test::runProcess(QStringLiteral(FLIGHTDESK_BINARY),
                                 {QStringLiteral("orders"), QStringLiteral("--journal"), path},
                                 deskEnvironment(), 60000);
        QCOMPARE(doc.exitCode, 0);
        QCOMPARE(doc.out, QJsonDocument(QJsonObject{{QStringLiteral("journal"), path},
                                                    {QStringLiteral("intents"), QJsonArray()}})
                              .toJson(QJsonDocument::Indented));
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
