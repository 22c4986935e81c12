#pragma once

// Where a journal contract test keeps its journal: a SQLite file in a temporary directory, or a
// database of its own on one private PostgreSQL server (PgServer) started once per test binary.
// The same test bodies run against both (tests/unit/tst_journal.cpp).
//
// On PostgreSQL every fresh location is a new database (`CREATE DATABASE t_<n>`, copied from
// template1 in a few milliseconds), so a test never sees another's rows and the schema is
// created by the journal's own open(). The password reaches the journal through setPassword()
// and a child process through PGPASSWORD in its environment, never through argv; libpq is kept
// from finding one anywhere else (no PGPASSWORD, no ~/.pgpass).

#include "pgserver.h"
#include "storage/orderjournal.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <memory>

namespace fd::test {

class JournalEngine {
public:
    enum class Kind { Sqlite, Postgres };

    explicit JournalEngine(Kind kind)
        : m_kind(kind) {}
    JournalEngine(const JournalEngine &) = delete;
    JournalEngine &operator=(const JournalEngine &) = delete;

    Kind kind() const { return m_kind; }
    bool isPostgres() const { return m_kind == Kind::Postgres; }
    const char *name() const { return isPostgres() ? "PostgreSQL" : "SQLite"; }
    PgServer *server() const { return m_server.get(); }
    const QTemporaryDir &dir() const { return m_dir; }

    // Once per binary (initTestCase). *skip is set when PostgreSQL cannot run here.
    bool setUp(QString *skip, QString *error) {
        if (!m_dir.isValid())
            return *error = QStringLiteral("no temporary directory"), false;
        if (!isPostgres())
            return true;
        *skip = PgServer::skipReason();
        if (!skip->isEmpty())
            return true;
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", "/nonexistent/flightdesk-tests.pgpass");
        m_server = std::make_unique<PgServer>();
        return m_server->start(error);
    }
    void tearDown() {
        if (m_server)
            m_server->stop();
    }

    // A location nobody has used: a new file path, or a new empty database's URL.
    QString freshLocation(const QString &hint) {
        ++m_serial;
        if (!isPostgres())
            return m_location =
                       m_dir.filePath(QStringLiteral("%1-%2.sqlite").arg(hint).arg(m_serial));
        const QString database = QStringLiteral("t_%1").arg(m_serial);
        if (!rawExec(QStringLiteral("CREATE DATABASE ") + database, m_server->database()))
            return m_location = QString();
        m_database = database;
        return m_location = url(database);
    }
    QString location() const { return m_location; }
    QString url(const QString &database) const {
        return QStringLiteral("postgresql://%1@%2:%3/%4")
            .arg(m_server->user(), m_server->host())
            .arg(m_server->port())
            .arg(database);
    }

    // Opens `journal` on `location` (the current one by default) the way a desk does.
    OrderJournal::Status open(OrderJournal &journal, const QString &location = QString()) const {
        if (isPostgres())
            journal.setPassword(m_server->password());
        return journal.open(location.isEmpty() ? m_location : location);
    }

    // The environment of a child process that opens the same location.
    QProcessEnvironment childEnvironment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (isPostgres())
            env.insert(QStringLiteral("PGPASSWORD"), m_server->password());
        return env;
    }

    // Whether `needle` is still stored anywhere in the current journal: in the SQLite file
    // and its -wal/-shm as bytes on disk; on PostgreSQL in any column of any intent or event
    // row (the bytea body searched as bytes), read with raw SQL, not through the journal.
    bool stored(const QByteArray &needle) const {
        if (!isPostgres()) {
            QByteArray all;
            for (const QString &suffix :
                 {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
                QFile f(m_location + suffix);
                if (f.open(QIODevice::ReadOnly))
                    all += f.readAll();
            }
            return all.contains(needle);
        }
        const QString n = QString::fromLatin1(needle); // test data: plain ASCII
        const QVariant hits = rawScalar(
            QStringLiteral("SELECT (SELECT count(*) FROM intents i WHERE strpos(i::text, '%1') > 0 "
                           "OR strpos(encode(coalesce(i.request_body, ''::bytea), 'escape'), "
                           "'%1') > 0) + (SELECT count(*) FROM events e WHERE "
                           "strpos(e::text, '%1') > 0)")
                .arg(n));
        if (!hits.isValid())
            qFatal("raw SELECT failed");
        return hits.toLongLong() > 0;
    }

    // Raw SQL on the current PostgreSQL database (or `database`), outside the journal.
    bool rawExec(const QString &sql, const QString &database = QString()) const {
        bool ok = false;
        withRaw(database, [&](QSqlQuery &q) {
            ok = q.exec(sql);
            if (!ok)
                qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        });
        return ok;
    }
    QVariant rawScalar(const QString &sql, const QString &database = QString()) const {
        QVariant value;
        withRaw(database, [&](QSqlQuery &q) {
            if (q.exec(sql) && q.next())
                value = q.value(0);
            else
                qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        });
        return value;
    }

private:
    template <typename F> void withRaw(const QString &database, F &&use) const {
        const QString name =
            QStringLiteral("raw-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        {
            QSqlDatabase db = m_server->connect(name, database.isEmpty() ? m_database : database);
            if (!db.isOpen()) {
                qWarning("raw connection: %s", qPrintable(db.lastError().text()));
            } else {
                QSqlQuery q(db);
                use(q);
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    Kind m_kind;
    QTemporaryDir m_dir;
    std::unique_ptr<PgServer> m_server;
    QString m_location;
    QString m_database;
    int m_serial = 0;
};

} // namespace fd::test
