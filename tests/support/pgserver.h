#pragma once

// A real, private PostgreSQL server for one test: `initdb` into a temporary directory and
// `pg_ctl start` on a free port of 127.0.0.1 (no other address), with a database `flightdesk`
// owned by the user `flightdesk`, whose random password exists only in this object (initdb
// reads it from a 0600 file that is deleted straight after; it is never in a process's argv).
//
// As root (CI), initdb and the server refuse to run: they are run as the `postgres` system
// user (`runuser -u postgres --`, the user Debian's postgresql-15 creates), and the temporary
// directory is created under /tmp, 0700 and owned by that user.
//
// Clean-up: stop() and the destructor stop the server (`pg_ctl -m immediate`) and remove the
// directory; servers still running when the process exits normally (exit(), return from
// main) are stopped by a std::atexit handler. A test binary that is killed (kill -9, abort,
// qFatal) leaves its directory and a running postmaster behind; the next PgServer::start()
// (or sweepLeftovers()) by the same user stops and removes such leftovers (their recorded
// owner process is gone),
// and a postmaster whose directory is removed shuts itself down within a minute anyway (it
// rechecks its postmaster.pid).
#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace fd::test {

class PgServer {
public:
    PgServer();
    ~PgServer();
    PgServer(const PgServer &) = delete;
    PgServer &operator=(const PgServer &) = delete;

    // The directory with initdb and pg_ctl: $FLIGHTDESK_PG_BINDIR when set (used as given),
    // else `pg_config --bindir`, else /usr/lib/postgresql/15/bin, else the newest
    // /usr/lib/postgresql/*/bin. Empty when none has both programs.
    static QString binDir();
    // Why the tests cannot run here (for QSKIP), or empty: no server binaries, no QPSQL
    // driver, or root without a `postgres` user or runuser.
    static QString skipReason();

    // Stops and removes what this user's killed test processes left (start() does it first).
    static void sweepLeftovers();

    // initdb, start on a free port, CREATE DATABASE flightdesk. False with *error (including
    // the end of the server log) when any step fails; nothing is left running then.
    bool start(QString *error = nullptr);
    // Stops the server at once (-m immediate) and removes its directory. Safe to repeat.
    void stop();

    // A server that goes down and comes back: a fast shutdown keeping the data, and a start
    // on the same port. For tests of what the journal does while the database is away.
    bool stopServer(QString *error = nullptr);
    bool startServer(QString *error = nullptr);

    // Freezes the server (SIGSTOP to the postmaster and every backend): open connections stay
    // open and every query waits, new ones are not answered — a database host that stopped
    // answering. resume() lets everything go on where it was; stop() resumes first.
    bool pause(QString *error = nullptr);
    bool resume();

    bool isRunning() const { return m_running; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString user() const { return QStringLiteral("flightdesk"); }
    QString password() const { return m_password; }
    QString database() const { return QStringLiteral("flightdesk"); }
    // postgresql://flightdesk@127.0.0.1:PORT/flightdesk (never with the password).
    QString url() const;
    QString dataDir() const;
    // The last `lines` lines of the server log, for failure messages.
    QString logTail(int lines = 30) const;

    // A QPSQL connection to the database, the password given with setPassword(), already
    // opened: check isOpen() / lastError(). Remove it with QSqlDatabase::removeDatabase().
    QSqlDatabase connect(const QString &connectionName,
                         const QString &databaseName = QString()) const;

private:
    bool runTool(const QString &tool, const QStringList &args, QString *error,
                 int timeoutMs = 90000) const;
    bool launch(QString *error);
    bool createDatabase(QString *error);
    void stopNow();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_bin;
    QString m_password;
    int m_port = 0;
    bool m_running = false;
    bool m_paused = false;
};

} // namespace fd::test
