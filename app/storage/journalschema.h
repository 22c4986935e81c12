#pragma once

#include "sqlutil.h"

#include <QSqlDatabase>
#include <QString>

namespace fd::journalschema {

// v1 intents and meta; v2 adds the lease; v3 adds the event log; … v7 makes order ids unique
// per provider. A PostgreSQL journal is created at v7 in one step.
inline constexpr int kCurrentVersion = 8;

// Looks at an existing file WITHOUT writing to it (read-only connection): it must be a SQLite
// database that passes `PRAGMA quick_check`, be a FlightDesk journal (or empty), and not be
// newer than this build. Returns its schema version, 0 for an empty file or database.
// With Integrity::Later the whole-file check is left to checkIntegrity() (the header, the
// schema and its version are still checked): the desk starts without reading every page.
enum class Integrity { Now, Later };
Result<int> inspect(const QString &path, Integrity integrity = Integrity::Now);

// `PRAGMA quick_check` over a read-only connection: reads every page, writes nothing. Error
// FD_JOURNAL_CORRUPT (one line, "left untouched") when it finds damage.
Result<std::monostate> checkIntegrity(const QString &path);

// The version recorded in `meta`, 0 when there is no `meta` table yet.
Result<int> readVersion(QSqlDatabase &db);

// Brings a read-write connection (SQLite or PostgreSQL) to kCurrentVersion one step at a time, each
// step in its own write transaction that re-reads the version first (another process may be
// migrating too).
sql::Status migrate(QSqlDatabase &db);

} // namespace fd::journalschema
