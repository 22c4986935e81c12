// Opening, migrating and refusing journal files.

#include "../support/journallookup.h"
#include "checkoutstates.h"
#include "storage/orderjournal.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using fd::CheckoutState;
using fd::OrderJournal;
using fd::ProviderStatus;

namespace {

QByteArray fileBytes(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// Raw SQL on a file, outside the journal: how fixtures are built and results inspected.
class RawDb {
public:
    explicit RawDb(const QString &path)
        : m_name(QStringLiteral("raw-") + QUuid::createUuid().toString(QUuid::WithoutBraces)) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_ok = db.open();
    }
    ~RawDb() {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool ok() const { return m_ok; }
    bool exec(const QString &sql) {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            return false;
        }
        return true;
    }
    QVariant scalar(const QString &sql) {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }

private:
    QString m_name;
    bool m_ok = false;
};

// The v1 schema exactly as FlightDesk 0.1 wrote it, kept here independent of the library.
bool writeV1Fixture(const QString &path) {
    RawDb db(path);
    return db.ok() &&
           db.exec(QStringLiteral(
               "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")) &&
           db.exec(QStringLiteral("INSERT INTO meta VALUES ('schema_version', '1')")) &&
           db.exec(QStringLiteral(
               "CREATE TABLE intents (id INTEGER PRIMARY KEY AUTOINCREMENT, idempotency_key TEXT "
               "NOT NULL UNIQUE, superseded_key TEXT, offer_id TEXT NOT NULL, offer_json TEXT NOT "
               "NULL, passengers_json TEXT NOT NULL, request_body BLOB, state TEXT NOT NULL, "
               "order_id TEXT, booking_reference TEXT, ticket_key TEXT, e_tickets_json TEXT, "
               "outcome TEXT, outcome_message TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT "
               "NULL)")) &&
           db.exec(QStringLiteral(
               "INSERT INTO intents (idempotency_key, offer_id, offer_json, passengers_json, "
               "request_body, state, order_id, created_at, updated_at) VALUES "
               "('3b241101-e2bb-4255-8caf-4136c566a962', 'off_0001', '{\"id\":\"off_0001\"}', "
               "'[{\"id\":\"pas_1\",\"given_name\":\"Ada\"}]', X'7B7D', 'pending', 'ord_0001', "
               "'2026-12-01T10:00:00.000Z', '2026-12-01T10:00:00.000Z')"));
}

} // namespace

class TestJournalMigrations final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void freshJournalIsCurrentAndWal() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
        OrderJournal j;
        const auto opened = j.open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        QCOMPARE(j.schemaVersion().value(), fd::journalschema::kCurrentVersion);
        QCOMPARE(j.pragma(QStringLiteral("journal_mode")).value(), QStringLiteral("wal"));
        QCOMPARE(j.pragma(QStringLiteral("synchronous")).value(), QStringLiteral("2")); // FULL
        QCOMPARE(j.pragma(QStringLiteral("foreign_keys")).value(), QStringLiteral("1"));
        QCOMPARE(j.pragma(QStringLiteral("secure_delete")).value(), QStringLiteral("1"));
        QVERIFY(!j.pragma(QStringLiteral("user_version; DROP TABLE intents")).ok());
        QVERIFY(j.createIntent(QStringLiteral("off_1"), {}, {}).ok());
        QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
        // WAL is a property of the file: another connection sees it too.
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(raw.scalar(QStringLiteral("SELECT value FROM meta WHERE key='schema_version'"))
                     .toString(),
                 QString::number(fd::journalschema::kCurrentVersion));
    }

    void reopenKeepsData() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("j.sqlite"));
        QString key;
        {
            OrderJournal j;
            QVERIFY(j.open(path).ok());
            key = j.createIntent(QStringLiteral("off_1"), {}, {}).value().idempotencyKey;
        }
        OrderJournal j;
        QVERIFY(j.open(path).ok());
        QVERIFY(fd::test::intentByKey(j, key).has_value());
    }

    void migratesFromV1() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
        QVERIFY(writeV1Fixture(path));
        OrderJournal j;
        const auto opened = j.open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        QCOMPARE(j.schemaVersion().value(), fd::journalschema::kCurrentVersion);
        const auto found =
            fd::test::intentByKey(j, QStringLiteral("3b241101-e2bb-4255-8caf-4136c566a962"));
        QVERIFY(found.has_value());
        QCOMPARE(found->orderId, QStringLiteral("ord_0001"));
        QCOMPARE(found->state, CheckoutState::Creating); // v5: the status has its own field
        QCOMPARE(found->providerStatus, std::optional(ProviderStatus::Pending));
        QCOMPARE(found->requestBody, std::optional(QByteArray("{}")));
        QVERIFY(found->leaseOwner.isEmpty()); // v2 columns with their defaults
        // v2 (lease) and v3 (events) work on the migrated row.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(
            j.acquireLease(found->id, QStringLiteral("a"), now, std::chrono::seconds(30)).value(),
            fd::LeaseResult::Granted);
        QCOMPARE(j.applyWebhook(QStringLiteral("evt_1"), QStringLiteral("ord_0001"),
                                ProviderStatus::Ticketed, {})
                     .value(),
                 fd::WebhookResult::Applied);
        QCOMPARE(j.intent(found->id).value().state, CheckoutState::Ticketed);
        QVERIFY(!j.events(found->id).value().isEmpty());
        QCOMPARE(j.pragma(QStringLiteral("journal_mode")).value(), QStringLiteral("wal"));
    }

    // v5: the state column held the provider's statuses too; they move to their own field.
    void migratesProviderStatusesOutOfTheStateColumn() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
        QVERIFY(writeV1Fixture(path));
        {
            RawDb raw(path);
            int n = 0;
            for (const char *state : {"in_progress", "ticketed", "cancelled", "unresolved"})
                QVERIFY(raw.exec(
                    QStringLiteral("INSERT INTO intents (idempotency_key, offer_id, offer_json, "
                                   "passengers_json, state, order_id, created_at, updated_at) "
                                   "VALUES ('key-%1', 'off_0001', '{}', '[]', '%2', 'ord_1%1', "
                                   "'2026-12-01T10:00:00.000Z', '2026-12-01T10:00:00.000Z')")
                        .arg(++n)
                        .arg(QLatin1String(state))));
        }
        OrderJournal j;
        QVERIFY(j.open(path).ok());
        const auto expect = [&](const char *key, CheckoutState state,
                                std::optional<ProviderStatus> status) {
            const auto found = fd::test::intentByKey(j, QLatin1String(key));
            QVERIFY2(found.has_value(), key);
            QCOMPARE(found->state, state);
            QCOMPARE(found->providerStatus, status);
        };
        expect("3b241101-e2bb-4255-8caf-4136c566a962", CheckoutState::Creating,
               ProviderStatus::Pending);
        expect("key-1", CheckoutState::Processing, ProviderStatus::InProgress);
        expect("key-2", CheckoutState::Ticketed, ProviderStatus::Ticketed);
        expect("key-3", CheckoutState::Cancelled, ProviderStatus::Cancelled);
        expect("key-4", CheckoutState::Unresolved, std::nullopt);
        // v6: every intent of an older journal was booked with Travelbase.
        const QList<fd::Intent> all = j.all().value();
        QCOMPARE(all.size(), 5);
        for (const fd::Intent &i : all)
            QCOMPARE(i.provider, QStringLiteral("travelbase"));
        // Still unfinished, so resume picks them up: the formerly pending and in_progress ones
        // and the unresolved one.
        QCOMPARE(j.unfinished().value().size(), 3);
    }

    void emptyFileBecomesJournal() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("empty.sqlite"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        OrderJournal j;
        QVERIFY(j.open(path).ok());
        QCOMPARE(j.schemaVersion().value(), fd::journalschema::kCurrentVersion);
    }

    void refusesNewerSchema() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("newer.sqlite"));
        {
            OrderJournal j;
            QVERIFY(j.open(path).ok());
            QVERIFY(j.createIntent(QStringLiteral("off_1"), {}, {}).ok());
        }
        {
            RawDb raw(path);
            QVERIFY(
                raw.exec(QStringLiteral("UPDATE meta SET value='99' WHERE key='schema_version'")));
            QVERIFY(raw.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        const QByteArray before = fileBytes(path);
        OrderJournal j;
        const auto opened = j.open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("FD_JOURNAL_TOO_NEW"));
        QVERIFY(opened.error().message.contains(QStringLiteral("newer")));
        QVERIFY(opened.error().message.contains(QStringLiteral("99")));
        QVERIFY(!j.isOpen());
        QVERIFY(!j.createIntent(QStringLiteral("off_1"), {}, {}).ok());
        QCOMPARE(fileBytes(path), before);
    }

    // Integrity::Later (the desk: the whole-file check runs off the first frame's path) may
    // open a damaged file, but then refuses every write, and the bytes stay as they were.
    void refusesCorrupt_data() {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<bool>("later");
        for (const bool later : {false, true}) {
            const char *when = later ? "checked later" : "checked at open";
            QTest::addRow("random bytes, %s", when) << "random" << later;
            QTest::addRow("text file, %s", when) << "text" << later;
            QTest::addRow("header only, truncated, %s", when) << "truncate" << later;
            QTest::addRow("damaged b-tree page, %s", when) << "page" << later;
            QTest::addRow("damaged last page, %s", when) << "lastpage" << later;
            QTest::addRow("another program's database, %s", when) << "foreign" << later;
            QTest::addRow("meta without version, %s", when) << "noversion" << later;
        }
    }

    void refusesCorrupt() {
        QFETCH(QString, damage);
        QFETCH(bool, later);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.sqlite"));
        auto writeBytes = [&](const QByteArray &b) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(b);
        };
        auto makeJournal = [&] {
            OrderJournal j;
            QVERIFY(j.open(path).ok());
            for (int i = 0; i < 50; ++i)
                QVERIFY(j.createIntent(QStringLiteral("off_%1").arg(i), {}, {}).ok());
            j.close(); // the WAL stays (no flushes on close); copy it into the main file
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        };
        if (damage == QLatin1String("random")) {
            QByteArray b;
            for (int i = 0; i < 8192; ++i)
                b += char((i * 7919) % 251);
            writeBytes(b);
        } else if (damage == QLatin1String("text")) {
            writeBytes("this is not a database\n");
        } else if (damage == QLatin1String("truncate")) {
            makeJournal();
            writeBytes(fileBytes(path).left(100));
        } else if (damage == QLatin1String("page")) {
            makeJournal();
            QByteArray b = fileBytes(path);
            QVERIFY(b.size() > 3 * 4096);
            for (int i = 4096; i < 4096 + 64; ++i) // the header of page 2, a b-tree page
                b[i] = char(0xA5);
            writeBytes(b);
        } else if (damage == QLatin1String("lastpage")) {
            // A page of the intents' rows: opening reads the schema and meta, never this one.
            makeJournal();
            QByteArray b = fileBytes(path);
            QVERIFY(b.size() > 3 * 4096 && b.size() % 4096 == 0);
            for (qsizetype i = b.size() - 4096; i < b.size() - 4096 + 64; ++i)
                b[i] = char(0xA5);
            writeBytes(b);
        } else if (damage == QLatin1String("foreign")) {
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE songs (title TEXT)")));
        } else if (damage == QLatin1String("noversion")) {
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE meta (key TEXT, value TEXT)")));
        }
        const QByteArray before = fileBytes(path);
        QVERIFY(!before.isEmpty());
        OrderJournal j;
        auto opened = j.open(path, later ? fd::journalschema::Integrity::Later
                                         : fd::journalschema::Integrity::Now);
        if (later && damage == QLatin1String("lastpage")) // what only the whole-file check sees
            QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        if (later && opened.ok()) {
            // Only damage that the whole-file check finds gets this far.
            QCOMPARE(damage, QStringLiteral("lastpage"));
            const auto created = j.createIntent(QStringLiteral("off_x"), {}, {});
            QVERIFY(!created.ok());
            QCOMPARE(created.error().code, QStringLiteral("FD_JOURNAL_CORRUPT"));
            const auto marked = j.markOutcomeShown(1);
            QVERIFY(!marked.ok());
            QCOMPARE(marked.error().code, QStringLiteral("FD_JOURNAL_CORRUPT"));
            opened = j.verify();
            QVERIFY(!opened.ok());
            j.close();
        }
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("FD_JOURNAL_CORRUPT"));
        QVERIFY2(opened.error().message.contains(QStringLiteral("left untouched")),
                 qPrintable(opened.error().message));
        // One line: it is shown in a message box, a status bar and a CLI's one-line stderr.
        QVERIFY2(!opened.error().message.contains(QLatin1Char('\n')) &&
                     !opened.error().message.contains(QLatin1Char('\r')),
                 qPrintable(opened.error().message));
        QVERIFY(!j.isOpen());
        QCOMPARE(fileBytes(path), before);
    }

    // A sound file opened with the check left for later is written as usual once it passes,
    // and an older one is checked (and migrated) at open.
    void soundFileCheckedLaterIsWritten() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("j.sqlite"));
        {
            OrderJournal j;
            QVERIFY(j.open(path).ok());
            QVERIFY(j.createIntent(QStringLiteral("off_1"), {}, {}).ok());
        }
        OrderJournal j;
        QVERIFY(j.open(path, fd::journalschema::Integrity::Later).ok());
        QVERIFY(j.createIntent(QStringLiteral("off_2"), {}, {}).ok());
        QVERIFY(j.verify().ok());
        QCOMPARE(j.all().value().size(), 2);

        const QString old = dir.filePath(QStringLiteral("v1.sqlite"));
        QVERIFY(writeV1Fixture(old));
        OrderJournal migrated;
        QVERIFY(migrated.open(old, fd::journalschema::Integrity::Later).ok());
        QCOMPARE(migrated.schemaVersion().value(), fd::journalschema::kCurrentVersion);
    }

    void missingDirectoryIsAnError() {
        QTemporaryDir dir;
        OrderJournal j;
        const auto opened = j.open(dir.filePath(QStringLiteral("no/such/dir/j.sqlite")));
        QVERIFY(!opened.ok());
        QVERIFY(!j.isOpen());
    }

    void twoJournalsMigrateOneFileSafely() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
        QVERIFY(writeV1Fixture(path));
        OrderJournal a, b;
        QVERIFY(a.open(path).ok());
        QVERIFY(b.open(path).ok()); // finds v3, nothing left to do
        QCOMPARE(b.schemaVersion().value(), fd::journalschema::kCurrentVersion);
        QCOMPARE(b.all().value().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestJournalMigrations)
#include "tst_journal_migrations.moc"
