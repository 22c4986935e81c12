#pragma once

// Small helpers shared by the journal's .cpp files; not part of the public API.

#include "core/result.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <variant>

namespace fd::sql {

using Status = Result<std::monostate>;
inline Status ok() {
    return std::monostate{};
}

inline Error error(const QString &code, const QString &message) {
    return Error{code, message};
}

// The driver's own text never contains bound values, so it is safe to show and to log.
// PostgreSQL adds DETAIL (a failing row, whole: passengers included), CONTEXT and the
// statement's LINE; only the first sentence is kept. One line: a driver's text may span several.
inline Error sqlError(const QString &what, const QSqlError &e) {
    QString text = e.text();
    for (const QLatin1String marker : {QLatin1String("DETAIL:"), QLatin1String("CONTEXT:"),
                                       QLatin1String("HINT:"), QLatin1String("\nLINE ")})
        if (const qsizetype at = text.indexOf(marker); at >= 0)
            text.truncate(at);
    return Error{QStringLiteral("FD_JOURNAL_SQL"), what + QStringLiteral(": ") + text.simplified()};
}

// A query's error. When it broke the PostgreSQL session (server restarted, network gone), the
// driver has closed the connection (the next call opens it again): the journal is unreachable,
// the same code as when that reconnection fails, not a fault in the SQL.
inline Error queryError(const QString &what, const QSqlQuery &q) {
    Error e = sqlError(what, q.lastError());
    if (const QSqlDriver *driver = q.driver();
        driver && driver->dbmsType() == QSqlDriver::PostgreSQL && !driver->isOpen())
        e.code = QStringLiteral("FD_JOURNAL_UNREACHABLE");
    return e;
}

inline Status exec(QSqlQuery &q, const QString &what) {
    if (!q.exec())
        return queryError(what, q);
    return ok();
}

inline Status execSql(QSqlDatabase &db, const QString &sql) {
    QSqlQuery q(db);
    if (!q.exec(sql))
        return queryError(sql.left(60), q);
    return ok();
}

inline bool isPostgres(const QSqlDatabase &db) {
    return db.driverName() == QLatin1String("QPSQL");
}

// Whether a write must be on disk when its call returns. The key and frozen body before the
// first byte is sent, an order id and an outcome before they are shown, a webhook before it is
// acknowledged: Durable. Attempt rows, intermediate states, leases: Batched, on disk with the
// next durable write (SQLite's WAL and PostgreSQL's WAL are each one sequential log, so a
// flush covers every commit before it). A crash of the process loses neither; only a power
// cut or an OS crash can lose a batched write, and then nothing was sent on its account.
enum class Durability { Durable, Batched };

// A write transaction. SQLite: BEGIN IMMEDIATE takes the write lock up front, so two
// processes never both read-then-write (which deadlocks in WAL mode); the busy timeout queues
// them. PostgreSQL: the same exclusion, across machines, with a transaction-scoped advisory
// lock (released by COMMIT, ROLLBACK or a lost session), so every operation's read-then-write
// is as serial as on SQLite.
class WriteTx {
public:
    explicit WriteTx(const QSqlDatabase &db, Durability durability = Durability::Durable)
        : m_db(db) // QSqlDatabase has no move constructor
        , m_durability(durability) {}
    ~WriteTx() {
        if (m_open) {
            QSqlQuery q(m_db);
            q.exec(QStringLiteral("ROLLBACK"));
        }
    }
    WriteTx(const WriteTx &) = delete;
    WriteTx &operator=(const WriteTx &) = delete;

    Status begin() {
        const bool batched = m_durability == Durability::Batched;
        if (isPostgres(m_db)) {
            auto s = execSql(m_db, QStringLiteral("BEGIN"));
            m_open = s.ok();
            if (!s)
                return s;
            if (batched)
                if (auto b = execSql(m_db, QStringLiteral("SET LOCAL synchronous_commit = off"));
                    !b)
                    return b;
            // 0x46444a4e: "FDJN", the journal's one lock.
            return execSql(m_db, QStringLiteral("SELECT pg_advisory_xact_lock(1178880590)"));
        }
        // Outside a transaction only. FULL syncs the WAL at commit. OFF commits without a sync
        // and, unlike NORMAL, does not sync a new WAL header either (after an erasure's
        // checkpoint reset the log, NORMAL would flush at the next attempt row). It is safe
        // here because the journal never checkpoints under it (wal_autocheckpoint is off and
        // every checkpoint it runs is under FULL, OrderJournal::scrubWal): the main file is
        // synced before the log restarts, and a torn log after a power cut is recognised by
        // its checksums and dropped — losing only batched writes, as designed.
        if (auto p = execSql(m_db, batched ? QStringLiteral("PRAGMA synchronous=OFF")
                                           : QStringLiteral("PRAGMA synchronous=FULL"));
            !p)
            return p;
        auto s = execSql(m_db, QStringLiteral("BEGIN IMMEDIATE"));
        m_open = s.ok();
        return s;
    }
    Status commit() {
        auto s = execSql(m_db, QStringLiteral("COMMIT"));
        m_open = !s.ok();
        if (s.ok() && m_durability == Durability::Durable && !isPostgres(m_db))
            checkpointIfLarge();
        return s;
    }
    QSqlDatabase &db() { return m_db; }

private:
    // SQLite's automatic checkpoint is off (it would run under a batched write's OFF); the log
    // is kept small here instead, after a durable commit (under FULL), and by every erasure.
    void checkpointIfLarge() {
        constexpr qint64 kLargeWal = 4 * 1024 * 1024;
        if (QFileInfo(m_db.databaseName() + QStringLiteral("-wal")).size() > kLargeWal) {
            QSqlQuery q(m_db);
            q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
        }
    }

    QSqlDatabase m_db;
    Durability m_durability;
    bool m_open = false;
};

// Runs body inside one write transaction; any error rolls everything back.
template <typename T, typename F>
Result<T> inTx(Result<QSqlDatabase> db, Durability durability, F &&body) {
    if (!db)
        return db.error();
    WriteTx tx(*db, durability);
    if (auto s = tx.begin(); !s)
        return s.error();
    Result<T> r = body(*db);
    if (!r)
        return r;
    if (auto s = tx.commit(); !s)
        return s.error();
    return r;
}

} // namespace fd::sql
