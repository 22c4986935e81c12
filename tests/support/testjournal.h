#pragma once

// The journal of the engine, checkout, resume and desk tests: a SQLite file in the test's
// temporary directory, or, with FLIGHTDESK_TEST_JOURNAL=postgres in the environment, a fresh
// database of its own on one private PostgreSQL server (PgServer) per test process. The server
// starts on the first fresh location asked for and stops when the process exits (PgServer's
// std::atexit handler). Without the variable nothing changes: the same file paths as before.
//
// The `<name>_postgres` CTest entries (label `postgres`) run the existing suites this way.
// The password goes to a journal through setPassword() (or SessionOptions::journalPassword)
// and to a child `flightdesk` through PGPASSWORD in its environment, never through argv.

#include "journalengine.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

namespace fd::test {

// Whether this process runs its journals on PostgreSQL (FLIGHTDESK_TEST_JOURNAL=postgres).
inline bool testJournalOnPostgres() {
    static const bool on = qEnvironmentVariable("FLIGHTDESK_TEST_JOURNAL")
                               .compare(QStringLiteral("postgres"), Qt::CaseInsensitive) == 0;
    return on;
}

// Why the switch cannot be honoured here (no PostgreSQL binaries or QPSQL driver), or empty.
inline QString testJournalSkipReason() {
    if (!testJournalOnPostgres())
        return {};
    const QString reason = PgServer::skipReason();
    return reason.isEmpty() ? QString()
                            : QStringLiteral("FLIGHTDESK_TEST_JOURNAL=postgres: ") + reason;
}

namespace detail {
// The process's one engine, started on first use; never destroyed (the atexit handler of
// PgServer stops the server and removes its directory).
inline JournalEngine &testJournalEngine() {
    static JournalEngine *engine = [] {
        auto *e = new JournalEngine(JournalEngine::Kind::Postgres);
        QString skip, error;
        if (!e->setUp(&skip, &error) || !skip.isEmpty())
            qFatal("FLIGHTDESK_TEST_JOURNAL=postgres: no private PostgreSQL server: %s",
                   qPrintable(skip.isEmpty() ? error : skip));
        return e;
    }();
    return *engine;
}
} // namespace detail

// A journal location nobody has used: `dir`/`name` (SQLite, exactly as before), or under the
// switch the URL of a new empty database (no password in it).
inline QString freshJournalLocation(const QTemporaryDir &dir, const QString &name) {
    if (!testJournalOnPostgres())
        return dir.filePath(name);
    QString hint = name;
    hint.remove(QStringLiteral(".sqlite"));
    const QString url = detail::testJournalEngine().freshLocation(hint);
    if (url.isEmpty())
        qFatal("FLIGHTDESK_TEST_JOURNAL=postgres: CREATE DATABASE failed");
    return url;
}

// The password of the journals freshJournalLocation() gives; empty on SQLite.
inline QString journalPassword() {
    return testJournalOnPostgres() ? detail::testJournalEngine().server()->password() : QString();
}

// `env` for a child process that opens a journal of freshJournalLocation(): PGPASSWORD added
// under the switch.
inline QProcessEnvironment withJournalPassword(QProcessEnvironment env) {
    if (testJournalOnPostgres())
        env.insert(QStringLiteral("PGPASSWORD"), journalPassword());
    return env;
}

// Under the switch: whether `needle` is stored in any intent or event row of the database
// freshJournalLocation() gave last, read with raw SQL (JournalEngine::stored()).
inline bool latestTestJournalStores(const QByteArray &needle) {
    return detail::testJournalEngine().stored(needle);
}

} // namespace fd::test

// In initTestCase() (or a test): skips when the switch is on and PostgreSQL cannot run here.
#define FD_SKIP_UNLESS_TEST_JOURNAL_RUNS()                                                         \
    do {                                                                                           \
        if (const QString fdSkipReason = fd::test::testJournalSkipReason();                        \
            !fdSkipReason.isEmpty())                                                               \
            QSKIP(qPrintable(fdSkipReason));                                                       \
    } while (false)

// Skips the current test (or row) under the switch: it inspects SQLite itself.
#define FD_SKIP_ON_TEST_POSTGRES(why)                                                              \
    do {                                                                                           \
        if (fd::test::testJournalOnPostgres())                                                     \
            QSKIP("SQLite only, skipped under FLIGHTDESK_TEST_JOURNAL=postgres: " why);            \
    } while (false)
