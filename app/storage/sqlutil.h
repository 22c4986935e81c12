#pragma once

// Small helpers shared by the journal's .cpp files; not part of the public API.

#include "core/result.h"

#include <QSqlDatabase>
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

// SQLite's own text never contains bound values, so it is safe to show and to log.
inline Error sqlError(const QString &what, const QSqlError &e) {
    // One line: a driver's text may span several.
    return Error{QStringLiteral("FD_JOURNAL_SQL"),
                 what + QStringLiteral(": ") + e.text().simplified()};
}

inline Status exec(QSqlQuery &q, const QString &what) {
    if (!q.exec())
        return sqlError(what, q.lastError());
    return ok();
}

inline Status execSql(QSqlDatabase &db, const QString &sql) {
    QSqlQuery q(db);
    if (!q.exec(sql))
        return sqlError(sql.left(60), q.lastError());
    return ok();
}

// A write transaction. BEGIN IMMEDIATE takes SQLite's write lock up front, so two processes
// never both read-then-write (which deadlocks in WAL mode); the busy timeout queues them.
class WriteTx {
public:
    explicit WriteTx(const QSqlDatabase &db) // QSqlDatabase has no move constructor
        : m_db(db) {}
    ~WriteTx() {
        if (m_open) {
            QSqlQuery q(m_db);
            q.exec(QStringLiteral("ROLLBACK"));
        }
    }
    WriteTx(const WriteTx &) = delete;
    WriteTx &operator=(const WriteTx &) = delete;

    Status begin() {
        auto s = execSql(m_db, QStringLiteral("BEGIN IMMEDIATE"));
        m_open = s.ok();
        return s;
    }
    Status commit() {
        auto s = execSql(m_db, QStringLiteral("COMMIT"));
        m_open = !s.ok();
        return s;
    }
    QSqlDatabase &db() { return m_db; }

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

// Runs body inside one write transaction; any error rolls everything back.
template <typename T, typename F> Result<T> inTx(Result<QSqlDatabase> db, F &&body) {
    if (!db)
        return db.error();
    WriteTx tx(*db);
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
