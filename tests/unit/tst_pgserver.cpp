// The PostgreSQL test harness (tests/support/pgserver.h): a real private server on 127.0.0.1
// with real password authentication, that keeps its data across a restart and is gone after
// stop().

#include "pgserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <pwd.h>
#include <unistd.h>

using fd::test::PgServer;

namespace {

// The NUL-separated argv (or environment) of every process this user may read.
QList<QByteArray> procFiles(const char *name) {
    QList<QByteArray> contents;
    const QStringList pids =
        QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")}, QDir::Dirs);
    for (const QString &pid : pids) {
        QFile f(QStringLiteral("/proc/%1/%2").arg(pid, QLatin1String(name)));
        if (f.open(QIODevice::ReadOnly))
            contents.append(f.readAll());
    }
    return contents;
}

// This binary again, as a test process that starts a server and then exits without stopping
// it (`exit`), or waits to be killed (`hold`). Its first line: the data directory and port.
struct Child {
    QString dataDir;
    int port = 0;
};

Child startChild(QProcess &p, const char *mode) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FD_PGSERVER_CHILD"), QString::fromLatin1(mode));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QCoreApplication::applicationFilePath(), QStringList{});
    Child child;
    if (!p.waitForReadyRead(90000))
        return child;
    const QStringList fields = QString::fromUtf8(p.readLine()).trimmed().split(QLatin1Char(' '));
    child.dataDir = fields.value(0);
    child.port = fields.value(1).toInt();
    return child;
}

// Never deleted: as if the test forgot it, or was killed. Held here, not in a local, so that
// LeakSanitizer (the asan preset) sees it as reachable.
PgServer *childServer = nullptr;

int runChild(const QByteArray &mode) {
    PgServer *server = childServer = new PgServer;
    QString error;
    if (!server->start(&error)) {
        std::fprintf(stderr, "child: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("%s %d\n", qPrintable(server->dataDir()), server->port());
    std::fflush(stdout);
    if (mode == "exit")
        std::exit(0); // the std::atexit handler must stop the server
    std::getchar();   // `hold`: until the parent kills this process
    return 0;
}

// Whether a live process has `dataDir` in its argv (a zombie has an empty one).
bool runsFrom(const QString &dataDir) {
    const QByteArray needle = dataDir.toUtf8();
    const auto all = procFiles("cmdline");
    return std::any_of(all.begin(), all.end(),
                       [&](const QByteArray &argv) { return argv.contains(needle); });
}

bool acceptsConnections(int port) {
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
    return socket.waitForConnected(3000);
}

} // namespace

class TestPgServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        const QString reason = PgServer::skipReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        // libpq must not find a password anywhere but in setPassword().
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", "/nonexistent/flightdesk-tests.pgpass"); // no ~/.pgpass
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void describesItself() {
        QCOMPARE(m_server.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(m_server.port() > 0);
        QCOMPARE(m_server.user(), QStringLiteral("flightdesk"));
        QCOMPARE(m_server.database(), QStringLiteral("flightdesk"));
        QCOMPARE(
            m_server.url(),
            QStringLiteral("postgresql://flightdesk@127.0.0.1:%1/flightdesk").arg(m_server.port()));
        QVERIFY(m_server.password().size() >= 24);
        QVERIFY(!m_server.url().contains(m_server.password()));
        QVERIFY(QFileInfo::exists(m_server.dataDir() + QStringLiteral("/PG_VERSION")));
        // initdb's password file is gone; the server keeps only the SCRAM verifier.
        QVERIFY(!QFileInfo::exists(QFileInfo(m_server.dataDir()).absolutePath() +
                                   QStringLiteral("/pwfile")));
        // Private: 0700, and the server's own user's when the tests run as root.
        const QFileInfo dir(QFileInfo(m_server.dataDir()).absolutePath());
        const auto others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                            QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        QVERIFY(!(dir.permissions() & others));
        if (geteuid() == 0)
            QCOMPARE(dir.ownerId(), getpwnam("postgres")->pw_uid);
        else
            QCOMPARE(dir.ownerId(), geteuid());
        QVERIFY(m_server.logTail().contains(QLatin1String("ready to accept connections")));
        QCOMPARE(PgServer::binDir().isEmpty(), false);
    }

    void storesAndReadsRows() {
        {
            QSqlDatabase db = m_server.connect(QStringLiteral("rows"));
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text() + m_server.logTail()));
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral("CREATE TABLE orders (id serial PRIMARY KEY, "
                                           "ref text NOT NULL, total numeric(12,2))")),
                     qPrintable(q.lastError().text()));
            QVERIFY(q.prepare(QStringLiteral("INSERT INTO orders (ref, total) VALUES (?, ?)")));
            q.addBindValue(QStringLiteral("FD-ÅÉ-1"));
            q.addBindValue(QStringLiteral("1234.50"));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            QVERIFY(q.exec(QStringLiteral("SELECT ref, total::text, current_user, "
                                          "current_database(), host(inet_server_addr()) "
                                          "FROM orders")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("FD-ÅÉ-1"));
            QCOMPARE(q.value(1).toString(), QStringLiteral("1234.50"));
            QCOMPARE(q.value(2).toString(), QStringLiteral("flightdesk"));
            QCOMPARE(q.value(3).toString(), QStringLiteral("flightdesk"));
            QCOMPARE(q.value(4).toString(), QStringLiteral("127.0.0.1"));
            QVERIFY(!q.next());
            QVERIFY(q.exec(QStringLiteral("SHOW listen_addresses")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("127.0.0.1"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("rows"));
    }

    void passwordIsInNoProcessArguments() {
        const QByteArray password = m_server.password().toUtf8();
        const QByteArray dataDir = m_server.dataDir().toUtf8();
        int serverProcesses = 0;
        for (QByteArray argv : procFiles("cmdline")) {
            QVERIFY2(!argv.contains(password), argv.replace('\0', ' ').constData());
            if (argv.contains(dataDir))
                ++serverProcesses;
        }
        QVERIFY2(serverProcesses >= 1, "the postmaster is not visible in /proc: scan broken?");
        // Nor in any environment this user can read (the server's own included).
        for (const QByteArray &environment : procFiles("environ"))
            QVERIFY(!environment.contains(password));
    }

    void refusesWrongOrMissingPassword() {
        for (const QString &password : {QString(), QStringLiteral("not-the-password")}) {
            {
                QSqlDatabase db =
                    QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("anon"));
                db.setHostName(m_server.host());
                db.setPort(m_server.port());
                db.setUserName(m_server.user());
                db.setDatabaseName(m_server.database());
                if (!password.isNull())
                    db.setPassword(password);
                QVERIFY2(!db.open(), qPrintable(password));
                QVERIFY2(db.lastError().text().contains(QLatin1String("password")),
                         qPrintable(db.lastError().text()));
            }
            QSqlDatabase::removeDatabase(QStringLiteral("anon"));
        }
    }

    void keepsDataAcrossServerRestart() {
        {
            QSqlDatabase db = m_server.connect(QStringLiteral("before"));
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE kept (note text)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO kept VALUES ('survives a restart')")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("before"));

        const int port = m_server.port();
        QString error;
        QVERIFY2(m_server.stopServer(&error), qPrintable(error));
        QVERIFY(!m_server.isRunning());
        QVERIFY(!acceptsConnections(port));
        {
            QSqlDatabase db = m_server.connect(QStringLiteral("down"));
            QVERIFY(!db.isOpen());
        }
        QSqlDatabase::removeDatabase(QStringLiteral("down"));

        QVERIFY2(m_server.startServer(&error), qPrintable(error + m_server.logTail()));
        QCOMPARE(m_server.port(), port);
        {
            QSqlDatabase db = m_server.connect(QStringLiteral("after"));
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT note FROM kept")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("survives a restart"));
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM orders")) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("after"));
    }

    // A test process that ends with exit() (or returns from main) leaves nothing running.
    void exitStopsServersLeftRunning() {
        QProcess p;
        const Child child = startChild(p, "exit");
        QVERIFY2(child.port > 0, "the child did not start its server");
        QVERIFY(p.waitForFinished(90000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(!QFileInfo::exists(child.dataDir));
        QVERIFY(!acceptsConnections(child.port));
        QVERIFY(!runsFrom(child.dataDir));
    }

    // A test process killed outright leaves its server running; the next start() (which
    // calls sweepLeftovers()) removes it.
    void sweepRemovesWhatAKilledTestLeft() {
        QProcess p;
        const Child child = startChild(p, "hold");
        QVERIFY2(child.port > 0, "the child did not start its server");
        PgServer::sweepLeftovers(); // leaves live processes' servers, and this one's, alone
        QVERIFY(acceptsConnections(child.port));
        QVERIFY(acceptsConnections(m_server.port()));
        p.kill();
        QVERIFY(p.waitForFinished(10000));
        QVERIFY(QFileInfo::exists(child.dataDir));
        QVERIFY(acceptsConnections(child.port));

        PgServer::sweepLeftovers();
        QVERIFY(!QFileInfo::exists(QFileInfo(child.dataDir).absolutePath()));
        QVERIFY(!acceptsConnections(child.port));
        QVERIFY(!runsFrom(child.dataDir));
        QVERIFY(acceptsConnections(m_server.port()));
    }

    void stopLeavesNothingRunning() {
        const int port = m_server.port();
        const QByteArray dataDir = m_server.dataDir().toUtf8();
        QVERIFY(acceptsConnections(port));
        m_server.stop();
        QVERIFY(!m_server.isRunning());
        QVERIFY(!acceptsConnections(port));
        QVERIFY(!QFileInfo::exists(QString::fromUtf8(dataDir)));
        QVERIFY(!runsFrom(QString::fromUtf8(dataDir)));
        m_server.stop(); // again: nothing to do
        QVERIFY(m_server.dataDir().isEmpty());
    }

    void cleanupTestCase() { m_server.stop(); }

private:
    PgServer m_server;
};

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QByteArray child = qgetenv("FD_PGSERVER_CHILD");
    if (!child.isEmpty())
        return runChild(child);
    TestPgServer test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_pgserver.moc"
