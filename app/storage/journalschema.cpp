#include "journalschema.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>

#include <functional>

namespace fd::journalschema {
namespace {

using sql::Status;

Error corrupt(const QString &path, const QString &why) {
    // SQLite's integrity report spans lines ("*** in database main ***\nPage 2: ..."); the
    // message is shown in one line (a status bar, a dialog, the CLI's single stderr line).
    QString oneLine = why.simplified();
    oneLine.remove(QStringLiteral("*** in database main *** "));
    return sql::error(QStringLiteral("FD_JOURNAL_CORRUPT"),
                      QStringLiteral("The order journal %1 is damaged or not a journal (%2). "
                                     "It was left untouched; restore it from a backup or move "
                                     "it aside.")
                          .arg(path, oneLine));
}

// Each step is a list of statements; a step is never edited once released, only appended.
QStringList stepStatements(int toVersion) {
    switch (toVersion) {
    case 1:
        return {
            QStringLiteral(
                "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)"),
            QStringLiteral("INSERT INTO meta (key, value) VALUES ('schema_version', '0')"),
            QStringLiteral("CREATE TABLE intents ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " idempotency_key TEXT NOT NULL UNIQUE,"
                           " superseded_key TEXT,"
                           " offer_id TEXT NOT NULL,"
                           " offer_json TEXT NOT NULL,"
                           " passengers_json TEXT NOT NULL,"
                           " request_body BLOB,"
                           " state TEXT NOT NULL,"
                           " order_id TEXT,"
                           " booking_reference TEXT,"
                           " ticket_key TEXT,"
                           " e_tickets_json TEXT,"
                           " outcome TEXT,"
                           " outcome_message TEXT,"
                           " created_at TEXT NOT NULL,"
                           " updated_at TEXT NOT NULL)"),
        };
    case 2:
        return {
            QStringLiteral("ALTER TABLE intents ADD COLUMN lease_owner TEXT"),
            QStringLiteral(
                "ALTER TABLE intents ADD COLUMN lease_expires_ms INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE INDEX intents_by_order ON intents (order_id)"),
        };
    case 3:
        return {
            QStringLiteral(
                "CREATE TABLE events ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " intent_id INTEGER REFERENCES intents (id) ON DELETE CASCADE,"
                " order_id TEXT,"
                " kind TEXT NOT NULL CHECK (kind IN ('state', 'attempt', 'webhook', 'note')),"
                " at TEXT NOT NULL,"
                " detail_json TEXT NOT NULL,"
                " webhook_event_id TEXT UNIQUE,"
                " webhook_state TEXT,"
                " CHECK ((kind = 'webhook') = (webhook_event_id IS NOT NULL)),"
                " CHECK (intent_id IS NOT NULL OR kind = 'webhook'))"),
            QStringLiteral("CREATE INDEX events_by_intent ON events (intent_id, id)"),
            QStringLiteral("CREATE INDEX events_by_order ON events (order_id)"),
        };
    case 4:
        // When an agent (or a command's output) was shown the intent's outcome. Outcomes
        // reached before this version count as shown: nobody can tell any more.
        return {
            QStringLiteral("ALTER TABLE intents ADD COLUMN outcome_shown_at TEXT"),
            QStringLiteral("UPDATE intents SET outcome_shown_at = updated_at WHERE state IN "
                           "('ticketed', 'failed', 'error')"),
        };
    case 5:
        // The provider's order status gets its own column; the state column keeps only the
        // checkout's own states. A "pending" checkout had its order id and was about to ask for
        // ticketing (resume does that from "creating" with an order id); "in_progress" was
        // waiting for the outcome, as "processing" is.
        return {
            QStringLiteral("ALTER TABLE intents ADD COLUMN provider_status TEXT"),
            QStringLiteral("UPDATE intents SET provider_status = state WHERE state IN "
                           "('pending', 'in_progress', 'ticketed', 'failed', 'cancelled')"),
            QStringLiteral("UPDATE intents SET state = 'creating' WHERE state = 'pending'"),
            QStringLiteral("UPDATE intents SET state = 'processing' WHERE state = 'in_progress'"),
        };
    case 6:
        // Which provider sold the intent's offer (and so which one books, reads and resumes
        // it). Every journal before this version knew only Travelbase.
        return {
            QStringLiteral(
                "ALTER TABLE intents ADD COLUMN provider TEXT NOT NULL DEFAULT 'travelbase'"),
        };
    case 7:
        // An order id is unique per provider (two providers may both issue "ord_0001"), and a
        // webhook is matched to an order of its own provider. Recorded ids were unique.
        return {
            QStringLiteral("DROP INDEX intents_by_order"),
            QStringLiteral(
                "CREATE UNIQUE INDEX intents_order_per_provider ON intents (provider, order_id)"),
            QStringLiteral("ALTER TABLE events ADD COLUMN provider TEXT"),
            QStringLiteral("UPDATE events SET provider = 'travelbase' WHERE kind = 'webhook'"),
            // Start-up asks for the unfinished intents and the outcomes not shown: an index,
            // not a scan of the whole history.
            QStringLiteral("CREATE INDEX intents_by_state ON intents (state)"),
        };
    case 8:
        // Cancellations: each quote with the Idempotency-Key its confirm is sent with, stored
        // before the confirm. At most one per order whose confirm may be outstanding. Portable
        // SQL: the same step runs on SQLite and PostgreSQL (whose journals start at 7).
        return {
            QStringLiteral("CREATE TABLE cancellations ("
                           " idempotency_key TEXT PRIMARY KEY NOT NULL,"
                           " intent_id BIGINT REFERENCES intents (id) ON DELETE CASCADE,"
                           " provider TEXT NOT NULL,"
                           " order_id TEXT NOT NULL,"
                           " quote_id TEXT NOT NULL,"
                           " refund_amount TEXT NOT NULL,"
                           " refund_currency TEXT NOT NULL,"
                           " expires_at TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " message TEXT,"
                           " created_at TEXT NOT NULL,"
                           " updated_at TEXT NOT NULL)"),
            QStringLiteral("CREATE UNIQUE INDEX cancellations_open_per_order ON cancellations "
                           "(provider, order_id) WHERE state IN ('quoted', 'confirming', "
                           "'unresolved')"),
            QStringLiteral("CREATE INDEX cancellations_by_state ON cancellations (state)"),
            // The schedule-change queue: one row per order version whose flight times changed
            // (the id names provider, order and version, so a redelivered event is one row);
            // acknowledged_at NULL = still in the agent's queue. Slices only, no passenger data.
            QStringLiteral("CREATE TABLE schedule_changes ("
                           " id TEXT PRIMARY KEY NOT NULL,"
                           " provider TEXT NOT NULL,"
                           " order_id TEXT NOT NULL,"
                           " order_version BIGINT NOT NULL,"
                           " intent_id BIGINT REFERENCES intents (id) ON DELETE CASCADE,"
                           " event_id TEXT,"
                           " old_json TEXT NOT NULL,"
                           " new_json TEXT NOT NULL,"
                           " received_at TEXT NOT NULL,"
                           " acknowledged_at TEXT,"
                           " acknowledged_by TEXT)"),
            QStringLiteral("CREATE INDEX schedule_changes_queue ON schedule_changes "
                           "(acknowledged_at, received_at)"),
            QStringLiteral("CREATE INDEX schedule_changes_by_order ON schedule_changes "
                           "(provider, order_id, order_version)"),
        };
    default:
        return {};
    }
}

// PostgreSQL journals start at version 7, created whole: there never was an earlier one. The
// same tables, columns and constraints as SQLite's after step 7, in PostgreSQL's types.
QStringList postgresSchema() {
    return {
        QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)"),
        QStringLiteral("INSERT INTO meta (key, value) VALUES ('schema_version', '0')"),
        QStringLiteral("CREATE TABLE intents ("
                       " id BIGSERIAL PRIMARY KEY,"
                       " idempotency_key TEXT NOT NULL UNIQUE,"
                       " superseded_key TEXT,"
                       " offer_id TEXT NOT NULL,"
                       " offer_json TEXT NOT NULL,"
                       " passengers_json TEXT NOT NULL,"
                       " request_body BYTEA,"
                       " state TEXT NOT NULL,"
                       " order_id TEXT,"
                       " booking_reference TEXT,"
                       " ticket_key TEXT,"
                       " e_tickets_json TEXT,"
                       " outcome TEXT,"
                       " outcome_message TEXT,"
                       " created_at TEXT NOT NULL,"
                       " updated_at TEXT NOT NULL,"
                       " lease_owner TEXT,"
                       " lease_expires_ms BIGINT NOT NULL DEFAULT 0,"
                       " outcome_shown_at TEXT,"
                       " provider_status TEXT,"
                       " provider TEXT NOT NULL DEFAULT 'travelbase')"),
        QStringLiteral(
            "CREATE UNIQUE INDEX intents_order_per_provider ON intents (provider, order_id)"),
        QStringLiteral(
            "CREATE TABLE events ("
            " id BIGSERIAL PRIMARY KEY,"
            " intent_id BIGINT REFERENCES intents (id) ON DELETE CASCADE,"
            " order_id TEXT,"
            " kind TEXT NOT NULL CHECK (kind IN ('state', 'attempt', 'webhook', 'note')),"
            " at TEXT NOT NULL,"
            " detail_json TEXT NOT NULL,"
            " webhook_event_id TEXT UNIQUE,"
            " webhook_state TEXT,"
            " provider TEXT,"
            " CHECK ((kind = 'webhook') = (webhook_event_id IS NOT NULL)),"
            " CHECK (intent_id IS NOT NULL OR kind = 'webhook'))"),
        QStringLiteral("CREATE INDEX events_by_intent ON events (intent_id, id)"),
        QStringLiteral("CREATE INDEX events_by_order ON events (order_id)"),
        QStringLiteral("CREATE INDEX intents_by_state ON intents (state)"),
    };
}
constexpr int kPostgresFirstVersion = 7;

} // namespace

Result<int> readVersion(QSqlDatabase &db) {
    QSqlQuery q(db);
    const QString hasMeta =
        sql::isPostgres(db)
            ? QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_schema "
                             "= current_schema() AND table_name = 'meta'")
            : QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                             "name = 'meta'");
    if (!q.exec(hasMeta) || !q.next())
        return sql::queryError(QStringLiteral("reading the schema"), q);
    if (q.value(0).toInt() == 0)
        return 0;
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'")))
        return sql::queryError(QStringLiteral("reading the schema version"), q);
    if (!q.next())
        return sql::error(QStringLiteral("FD_JOURNAL_CORRUPT"),
                          QStringLiteral("the journal has no schema version"));
    bool ok = false;
    const int v = q.value(0).toString().toInt(&ok);
    if (!ok || v < 0)
        return sql::error(QStringLiteral("FD_JOURNAL_CORRUPT"),
                          QStringLiteral("the journal's schema version is not a number"));
    return v;
}

namespace {

// Every page read; the first problems SQLite names, on one line.
Result<std::monostate> quickCheck(QSqlDatabase &db, const QString &path) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA quick_check")))
        return corrupt(path, q.lastError().text());
    QStringList problems;
    while (q.next() && problems.size() < 3)
        problems << q.value(0).toString();
    if (problems != QStringList{QStringLiteral("ok")})
        return corrupt(path, problems.join(QStringLiteral("; ")).left(300));
    return std::monostate{};
}

// A read-only connection of its own to `path` for `use`, removed afterwards.
template <class T>
Result<T> readOnly(const QString &path, const std::function<Result<T>(QSqlDatabase &)> &use) {
    const QString name =
        QStringLiteral("fd-journal-inspect-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<T> result = Error{};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        result = db.open() ? use(db) : Result<T>(corrupt(path, db.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

Result<std::monostate> checkIntegrity(const QString &path) {
    return readOnly<std::monostate>(path,
                                    [&path](QSqlDatabase &db) { return quickCheck(db, path); });
}

Result<int> inspect(const QString &path, Integrity integrity) {
    QFile f(path);
    if (!f.exists() || f.size() == 0)
        return 0;
    if (!f.open(QIODevice::ReadOnly))
        return sql::error(
            QStringLiteral("FD_JOURNAL_IO"),
            QStringLiteral("Cannot read the order journal %1: %2").arg(path, f.errorString()));
    static const QByteArray kMagic("SQLite format 3\0", 16);
    if (f.read(16) != kMagic)
        return corrupt(path, QStringLiteral("not a SQLite database"));
    f.close();

    return readOnly<int>(path, [&path, integrity](QSqlDatabase &db) -> Result<int> {
        if (integrity == Integrity::Now)
            if (auto whole = quickCheck(db, path); !whole)
                return whole.error();
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next())
            return corrupt(path, q.lastError().text());
        const bool empty = q.value(0).toInt() == 0;
        q.finish();
        const auto version = readVersion(db);
        if (!version)
            return corrupt(path, version.error().message);
        if (*version == 0 && !empty)
            return corrupt(path, QStringLiteral("a SQLite database of another program"));
        if (*version > kCurrentVersion)
            return sql::error(QStringLiteral("FD_JOURNAL_TOO_NEW"),
                              QStringLiteral("The order journal %1 was written by a newer "
                                             "FlightDesk (schema version %2; this version reads "
                                             "up to %3). It was left untouched; update "
                                             "FlightDesk to open it.")
                                  .arg(path)
                                  .arg(*version)
                                  .arg(kCurrentVersion));
        return *version;
    });
}

Status migrate(QSqlDatabase &db) {
    // Every step in one transaction: a journal is at its old version or at the current one,
    // never between. A new SQLite journal's schema is written without a flush of its own (part
    // of what the desk does before its first frame): nothing in it can be lost yet — a power
    // cut drops the torn log and the next start creates the tables again — and the first
    // durable write (an intent's key, before any byte is sent) flushes the log, schema
    // included, and the folder that holds it.
    const auto before = sql::isPostgres(db) ? Result<int>(-1) : readVersion(db);
    sql::WriteTx tx(db,
                    before && *before == 0 ? sql::Durability::Batched : sql::Durability::Durable);
    if (auto s = tx.begin(); !s)
        return s;
    const auto version = readVersion(db);
    if (!version)
        return version.error();
    if (*version == kCurrentVersion)
        return tx.commit();
    if (*version > kCurrentVersion)
        return sql::error(QStringLiteral("FD_JOURNAL_TOO_NEW"),
                          QStringLiteral("a newer FlightDesk migrated the journal meanwhile "
                                         "(schema version %1)")
                              .arg(*version));
    int at = *version;
    while (at < kCurrentVersion) {
        const bool createPostgres = sql::isPostgres(db) && at == 0;
        const int next = createPostgres ? kPostgresFirstVersion : at + 1;
        for (const QString &statement : createPostgres ? postgresSchema() : stepStatements(next)) {
            if (auto s = sql::execSql(db, statement); !s)
                return sql::error(s.error().code, QStringLiteral("migrating the journal to v%1: %2")
                                                      .arg(next)
                                                      .arg(s.error().message));
        }
        at = next;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE meta SET value = :v WHERE key = 'schema_version'"));
    q.bindValue(QStringLiteral(":v"), QString::number(at));
    if (auto s = sql::exec(q, QStringLiteral("recording schema v%1").arg(at)); !s)
        return s;
    if (auto s = tx.commit(); !s)
        return s;
    // The connection's default stays FULL for anything not in a WriteTx of its own.
    return sql::isPostgres(db) ? sql::ok()
                               : sql::execSql(db, QStringLiteral("PRAGMA synchronous=FULL"));
}

} // namespace fd::journalschema
