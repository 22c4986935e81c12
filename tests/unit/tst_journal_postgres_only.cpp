// What only the agency journal (PostgreSQL) has: a server that goes away and comes back, a
// password that must never travel in the URL or an error, and a schema created in one step.
// The operations themselves are tst_journal's contract, run on both engines.

#include "core/clock.h"
#include "journalengine.h"
#include "storage/orderjournal.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using fd::Intent;
using fd::OrderJournal;
using fd::test::JournalEngine;

namespace {

const QDateTime kT0(QDate(2026, 12, 1), QTime(10, 0, 0), Qt::UTC);

QJsonArray passengers() {
    return {QJsonObject{{QStringLiteral("id"), QStringLiteral("pas_1")},
                        {QStringLiteral("given_name"), QStringLiteral("Adebayo")}}};
}

QJsonObject offer() {
    return {{QStringLiteral("id"), QStringLiteral("off_0001")}};
}

// PGPASSWORD set for one scope, the previous state restored after.
class PasswordEnv {
public:
    explicit PasswordEnv(const QByteArray &value)
        : m_had(qEnvironmentVariableIsSet("PGPASSWORD"))
        , m_old(qgetenv("PGPASSWORD")) {
        qputenv("PGPASSWORD", value);
    }
    ~PasswordEnv() {
        if (m_had)
            qputenv("PGPASSWORD", m_old);
        else
            qunsetenv("PGPASSWORD");
    }
    PasswordEnv(const PasswordEnv &) = delete;
    PasswordEnv &operator=(const PasswordEnv &) = delete;

private:
    bool m_had;
    QByteArray m_old;
};

} // namespace

class TestJournalPostgresOnly final : public QObject {
    Q_OBJECT

    JournalEngine m_engine{JournalEngine::Kind::Postgres};
    fd::ManualClock m_clock{kT0};

    // A fingerprint of everything in the current database's journal tables and of which
    // tables exist: equal before and after means nothing was written.
    QString fingerprint() {
        QString all = m_engine
                          .rawScalar(QStringLiteral(
                              "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM "
                              "information_schema.tables WHERE table_schema = 'public'"))
                          .toString();
        for (const char *table : {"meta", "intents", "events"})
            all += QLatin1Char('|') +
                   m_engine
                       .rawScalar(QStringLiteral("SELECT coalesce(md5(string_agg(t::text, ',' "
                                                 "ORDER BY t::text)), '-') FROM %1 t")
                                      .arg(QLatin1String(table)))
                       .toString();
        return all;
    }

private Q_SLOTS:
    void initTestCase() {
        QString skip;
        QString error;
        QVERIFY2(m_engine.setUp(&skip, &error), qPrintable(error));
        if (!skip.isEmpty())
            QSKIP(qPrintable(skip));
    }
    void cleanupTestCase() { m_engine.tearDown(); }
    void init() { QVERIFY(!m_engine.freshLocation(QString()).isEmpty()); }

    void emptyDatabaseIsCreatedAtCurrentVersion() {
        OrderJournal j(&m_clock);
        const auto opened = m_engine.open(j);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        QVERIFY(j.isPostgres());
        QCOMPARE(j.path(), m_engine.location());
        QCOMPARE(j.schemaVersion().value(), fd::journalschema::kCurrentVersion);
        QCOMPARE(
            m_engine
                .rawScalar(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'"))
                .toString(),
            QString::number(fd::journalschema::kCurrentVersion));
        QCOMPARE(m_engine
                     .rawScalar(QStringLiteral("SELECT string_agg(table_name, ',' ORDER BY "
                                               "table_name) FROM information_schema.tables "
                                               "WHERE table_schema = 'public'"))
                     .toString(),
                 QStringLiteral("cancellations,events,intents,meta,schedule_changes"));
        // v7's rule is the database's, not only the journal's.
        QCOMPARE(m_engine
                     .rawScalar(QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname "
                                               "= 'intents_order_per_provider'"))
                     .toInt(),
                 1);
        QVERIFY(j.createIntent(QStringLiteral("off_0001"), offer(), passengers()).ok());
    }

    void openingTwiceIsIdempotent() {
        OrderJournal first(&m_clock);
        QVERIFY(m_engine.open(first).ok());
        const auto created = first.createIntent(QStringLiteral("off_0001"), offer(), passengers());
        QVERIFY(created.ok());
        first.close();
        const QString before = fingerprint();
        OrderJournal second(&m_clock);
        QVERIFY(m_engine.open(second).ok());
        OrderJournal third(&m_clock); // while `second` is open, as a second desk would
        QVERIFY(m_engine.open(third).ok());
        QCOMPARE(fingerprint(), before); // nothing migrated, nothing rewritten
        QCOMPARE(third.schemaVersion().value(), fd::journalschema::kCurrentVersion);
        QCOMPARE(second.intent(created->id)->idempotencyKey, created->idempotencyKey);
        QCOMPARE(m_engine
                     .rawScalar(QStringLiteral("SELECT count(*) FROM meta WHERE key = "
                                               "'schema_version'"))
                     .toInt(),
                 1);
    }

    void newerDatabaseIsRefusedUntouched() {
        {
            OrderJournal j(&m_clock);
            QVERIFY(m_engine.open(j).ok());
            QVERIFY(j.createIntent(QStringLiteral("off_0001"), offer(), passengers()).ok());
        }
        QVERIFY(m_engine.rawExec(
            QStringLiteral("UPDATE meta SET value = '99' WHERE key = 'schema_version'")));
        const QString before = fingerprint();
        OrderJournal j(&m_clock);
        const auto opened = m_engine.open(j);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("FD_JOURNAL_TOO_NEW"));
        QVERIFY2(opened.error().message.contains(QLatin1String("99")),
                 qPrintable(opened.error().message));
        QVERIFY(!j.isOpen());
        QCOMPARE(j.createIntent(QStringLiteral("o"), {}, {}).error().code,
                 QStringLiteral("FD_JOURNAL_NOT_OPEN"));
        QCOMPARE(fingerprint(), before);
    }

    // A database that only has a newer FlightDesk's meta row: nothing is created beside it.
    void newerEmptyDatabaseGetsNoTables() {
        QVERIFY(m_engine.rawExec(QStringLiteral(
            "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")));
        QVERIFY(
            m_engine.rawExec(QStringLiteral("INSERT INTO meta VALUES ('schema_version', '99')")));
        OrderJournal j(&m_clock);
        QCOMPARE(m_engine.open(j).error().code, QStringLiteral("FD_JOURNAL_TOO_NEW"));
        QCOMPARE(m_engine
                     .rawScalar(QStringLiteral("SELECT count(*) FROM information_schema.tables "
                                               "WHERE table_schema = 'public'"))
                     .toInt(),
                 1);
    }

    void passwordInUrlIsRefused() {
        fd::test::PgServer &server = *m_engine.server();
        const QString url = m_engine.location();
        const QString withPassword = QString(url).replace(
            QStringLiteral("flightdesk@"), QStringLiteral("flightdesk:%1@").arg(server.password()));
        QVERIFY(withPassword != url);
        OrderJournal j(&m_clock);
        const auto opened = j.open(withPassword);
        QVERIFY(!opened.ok());
        QVERIFY(!j.isOpen());
        const QString message = opened.error().message;
        QVERIFY2(message.contains(QLatin1String("PGPASSWORD")) &&
                     message.contains(QLatin1String("~/.pgpass")) &&
                     message.contains(QLatin1String("keychain")),
                 qPrintable(message));
        QVERIFY(!message.contains(server.password()));
    }

    void wrongPasswordIsAClearErrorWithoutThePassword() {
        const QByteArray wrong = "wrong-" + m_engine.server()->password().toLatin1().left(12);
        {
            const PasswordEnv env(wrong);
            OrderJournal j(&m_clock);
            QElapsedTimer timer;
            timer.start();
            const auto opened = j.open(m_engine.location()); // libpq takes PGPASSWORD
            QVERIFY(!opened.ok());
            QVERIFY(timer.elapsed() < 10000);
            QCOMPARE(opened.error().code, QStringLiteral("FD_JOURNAL_UNREACHABLE"));
            const QString message = opened.error().message;
            QVERIFY2(message.contains(QLatin1String("password authentication failed")),
                     qPrintable(message));
            QVERIFY2(message.contains(m_engine.location()), qPrintable(message)); // which one
            QVERIFY(!message.contains(QString::fromLatin1(wrong)));
            QVERIFY(!message.contains(m_engine.server()->password()));
            QVERIFY(!j.isOpen());
            // The keychain's password wins over the environment's.
            j.setPassword(m_engine.server()->password());
            QVERIFY(j.open(m_engine.location()).ok());
        }
        QVERIFY(!qEnvironmentVariableIsSet("PGPASSWORD"));
        {
            // And the right one in PGPASSWORD is enough on its own.
            const PasswordEnv env(m_engine.server()->password().toLatin1());
            OrderJournal j(&m_clock);
            QVERIFY(j.open(m_engine.location()).ok());
        }
        OrderJournal none(&m_clock); // no password anywhere
        const auto opened = none.open(m_engine.location());
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("FD_JOURNAL_UNREACHABLE"));
    }

    // The database goes down mid-session: calls fail at once with an error (no crash, no
    // hang), and once it is back the same journal object carries on with its data intact.
    void serverDownAndBack() {
        OrderJournal j(&m_clock);
        QVERIFY(m_engine.open(j).ok());
        const auto before = j.createIntent(QStringLiteral("off_0001"), offer(), passengers());
        QVERIFY(before.ok());
        QVERIFY(j.freezeBody(before->id, "{\"data\":{}}").ok());

        QString error;
        QVERIFY2(m_engine.server()->stopServer(&error), qPrintable(error));
        QElapsedTimer timer;
        timer.start();
        const auto write = j.createIntent(QStringLiteral("off_0002"), offer(), passengers());
        QVERIFY(!write.ok());
        const auto read = j.intent(before->id);
        QVERIFY(!read.ok());
        const auto again = j.setState(before->id, fd::CheckoutState::Creating);
        QVERIFY(!again.ok());
        QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
        for (const fd::Error &e : {write.error(), read.error(), again.error()}) {
            QVERIFY2(e.code == QLatin1String("FD_JOURNAL_UNREACHABLE"),
                     qPrintable(e.code + QStringLiteral(": ") + e.message));
            QVERIFY(!e.message.contains(m_engine.server()->password()));
        }
        QVERIFY(j.isOpen()); // still this journal; it reconnects by itself

        QVERIFY2(m_engine.server()->startServer(&error), qPrintable(error));
        const auto after = j.createIntent(QStringLiteral("off_0003"), offer(), passengers());
        QVERIFY2(after.ok(), qPrintable(after.ok() ? QString() : after.error().message));
        const Intent kept = j.intent(before->id).value();
        QCOMPARE(kept.idempotencyKey, before->idempotencyKey);
        QCOMPARE(kept.requestBody, std::optional(QByteArray("{\"data\":{}}")));
        QCOMPARE(kept.state, fd::CheckoutState::Draft); // the failed move did not happen
        QCOMPARE(j.count().value(), 2);                 // the write while down did not half-happen
        QVERIFY(j.setState(before->id, fd::CheckoutState::Creating).ok());
    }
};

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    TestJournalPostgresOnly test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_journal_postgres_only.moc"
