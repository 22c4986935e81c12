// The PostgreSQL test harness (tests/support/pgserver.h): a real private server on 127.0.0.1
// with real password authentication, that keeps its data across a restart and is gone after
// stop().

#include "pgserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

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

    void stopLeavesNothingRunning() {
        const int port = m_server.port();
        const QByteArray dataDir = m_server.dataDir().toUtf8();
        QVERIFY(acceptsConnections(port));
        m_server.stop();
        QVERIFY(!m_server.isRunning());
        QVERIFY(!acceptsConnections(port));
        QVERIFY(!QFileInfo::exists(QString::fromUtf8(dataDir)));
        for (QByteArray argv : procFiles("cmdline"))
            QVERIFY2(!argv.contains(dataDir), argv.replace('\0', ' ').constData());
        m_server.stop(); // again: nothing to do
        QVERIFY(m_server.dataDir().isEmpty());
    }

    void cleanupTestCase() { m_server.stop(); }

private:
    PgServer m_server;
};

QTEST_GUILESS_MAIN(TestPgServer)
#include "tst_pgserver.moc"
