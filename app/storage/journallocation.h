#pragma once

#include "core/result.h"

#include <QString>

namespace fd {

// Where the order journal lives: a SQLite file for one desk (the default), or the agency's
// PostgreSQL database that many desks share, named by a URL without a password:
//     postgresql://USER@HOST[:PORT]/DATABASE[?sslmode=verify-full&sslrootcert=PATH...]
// The password comes from libpq's own sources (PGPASSWORD, ~/.pgpass, a service file) or the
// desk's keychain, never from argv: a URL with a password is refused.
struct JournalLocation {
    enum class Kind { Sqlite, Postgres };
    Kind kind = Kind::Sqlite;
    QString path; // Sqlite

    QString host = QStringLiteral("localhost"); // Postgres
    int port = 5432;
    QString user;
    QString database;
    QString options; // libpq keywords for QPSQL's connect options, "k=v;k=v"

    bool isPostgres() const { return kind == Kind::Postgres; }
    // For messages and the Settings dialog: the path, or the URL as given (no password).
    QString display() const;

    static bool looksLikeUrl(const QString &text); // postgresql:// or postgres://
    // Anything that is not a URL is a file path. Every input is capped and checked here, so a
    // bad --journal or FLIGHTDESK_JOURNAL gets one clear message before anything is opened.
    static Result<JournalLocation> parse(const QString &text);
};

} // namespace fd
