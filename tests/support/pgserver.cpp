#include "pgserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QMutexLocker>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QUuid>
#include <QVersionNumber>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <mutex>

#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fd::test {

namespace {

const QString kDirPrefix = QStringLiteral("flightdesk-pg-");
const QString kOwnerFile = QStringLiteral("owner"); // the pid of the test process
const QString kLogFile = QStringLiteral("log");

bool hasTools(const QString &dir) {
    return !dir.isEmpty() && QFileInfo(dir + QStringLiteral("/initdb")).isExecutable() &&
           QFileInfo(dir + QStringLiteral("/pg_ctl")).isExecutable();
}

bool isRoot() {
    return geteuid() == 0;
}

// The system user that runs initdb and the server when the tests run as root.
const passwd *postgresUser() {
    return getpwnam("postgres");
}

QString runuserPath() {
    return QStandardPaths::findExecutable(QStringLiteral("runuser"),
                                          {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"),
                                           QStringLiteral("/usr/bin"), QStringLiteral("/bin")});
}

// As root, /tmp: $TMPDIR may be a directory the postgres user cannot enter.
QString tempRoot() {
    return isRoot() ? QStringLiteral("/tmp") : QDir::tempPath();
}

// Runs one of the server's programs (as postgres when root) in `workDir` and waits for it.
bool runPg(const QString &bin, const QString &workDir, const QString &tool, const QStringList &args,
           QString *error, int timeoutMs) {
    QString program = bin + QLatin1Char('/') + tool;
    QStringList argv = args;
    if (isRoot()) {
        argv = QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                           program} +
               args;
        program = runuserPath();
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"PGDATA", "PGHOST", "PGHOSTADDR", "PGPORT", "PGUSER", "PGPASSWORD",
                             "PGPASSFILE", "PGDATABASE", "PGOPTIONS", "PGSERVICE"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C")); // English messages in the log
    QProcess p;
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(workDir); // the caller's may be closed to the postgres user
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, argv);
    if (!p.waitForStarted(10000)) {
        if (error)
            *error = QStringLiteral("%1 did not start: %2").arg(program, p.errorString());
        return false;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        if (error)
            *error = QStringLiteral("%1 did not finish within %2 ms").arg(tool).arg(timeoutMs);
        return false;
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error =
                QStringLiteral("%1 failed (exit %2): %3")
                    .arg(tool == QLatin1String("pg_ctl") ? tool + QLatin1Char(' ') + args.last()
                                                         : tool,
                         QString::number(p.exitCode()),
                         QString::fromLocal8Bit(p.readAll()).trimmed());
        return false;
    }
    return true;
}

// Servers started and not yet stopped, for the std::atexit handler.
QMutex registryMutex;
QList<PgServer *> registry;

void stopAllAtExit() {
    QList<PgServer *> live;
    {
        QMutexLocker lock(&registryMutex);
        live = registry;
    }
    for (PgServer *server : live)
        server->stop();
}

void enroll(PgServer *server) {
    static std::once_flag once;
    std::call_once(once, [] { std::atexit(stopAllAtExit); });
    QMutexLocker lock(&registryMutex);
    registry.append(server);
}

void unenroll(PgServer *server) {
    QMutexLocker lock(&registryMutex);
    registry.removeAll(server);
}

bool ownerIsGone(const QString &dir) {
    QFile owner(dir + QLatin1Char('/') + kOwnerFile);
    // No owner file: a directory being set up right now, or left empty by a crash; leave it.
    if (QFileInfo(owner).ownerId() != geteuid() || !owner.open(QIODevice::ReadOnly))
        return false;
    bool ok = false;
    const pid_t pid = owner.readAll().trimmed().toInt(&ok);
    if (!ok || pid <= 0)
        return false;
    if (pid == getpid()) // this process's own pid, recycled: ours only while it is enrolled
        return true;     // (the caller skips enrolled ones)
    return kill(pid, 0) != 0 && errno == ESRCH;
}

// Directories (and postmasters) of this user's test processes that were killed before
// they could stop their server.
void sweepStale(const QString &bin) {
    QStringList enrolled;
    {
        QMutexLocker lock(&registryMutex);
        for (const PgServer *server : registry)
            enrolled.append(QFileInfo(server->dataDir()).absolutePath());
    }
    const QDir root(tempRoot());
    const auto dirs = root.entryInfoList({kDirPrefix + QLatin1Char('*')},
                                         QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QFileInfo &info : dirs) {
        const QString dir = info.absoluteFilePath();
        if (info.isSymLink() || enrolled.contains(dir) || !ownerIsGone(dir))
            continue;
        const QString data = dir + QStringLiteral("/data");
        if (QFileInfo::exists(data + QStringLiteral("/postmaster.pid")))
            runPg(bin, dir, QStringLiteral("pg_ctl"),
                  {QStringLiteral("-D"), data, QStringLiteral("-m"), QStringLiteral("immediate"),
                   QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"),
                   QStringLiteral("stop")},
                  nullptr, 40000);
        QDir(dir).removeRecursively();
    }
}

int freeLoopbackPort() {
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const int port = probe.serverPort();
    probe.close();
    return port;
}

QString randomPassword() {
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    QString password;
    for (int i = 0; i < 32; ++i)
        password.append(
            QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]));
    return password;
}

// 0600, created new (never through a link), owned by the postgres user when root.
bool writePasswordFile(const QString &path, const QString &password, QString *error) {
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                          S_IRUSR | S_IWUSR);
    if (fd < 0) {
        *error = QStringLiteral("cannot create %1: %2").arg(path, qt_error_string(errno));
        return false;
    }
    const QByteArray line = password.toUtf8() + '\n';
    bool ok = ::write(fd, line.constData(), size_t(line.size())) == line.size();
    if (ok && isRoot()) {
        const passwd *pg = postgresUser();
        ok = pg && ::fchown(fd, pg->pw_uid, pg->pw_gid) == 0;
    }
    ::close(fd);
    if (!ok)
        *error = QStringLiteral("cannot write %1: %2").arg(path, qt_error_string(errno));
    return ok;
}

} // namespace

PgServer::PgServer() = default;

PgServer::~PgServer() {
    stop();
}

QString PgServer::binDir() {
    const QString configured = qEnvironmentVariable("FLIGHTDESK_PG_BINDIR");
    if (!configured.isEmpty())
        return hasTools(configured) ? configured : QString();

    const QString pgConfig = QStandardPaths::findExecutable(QStringLiteral("pg_config"));
    if (!pgConfig.isEmpty()) {
        QProcess p;
        p.start(pgConfig, {QStringLiteral("--bindir")});
        if (p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit &&
            p.exitCode() == 0) {
            const QString dir = QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
            if (hasTools(dir))
                return dir;
        }
    }

    const QString debian15 = QStringLiteral("/usr/lib/postgresql/15/bin");
    if (hasTools(debian15))
        return debian15;

    QStringList versions =
        QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) {
        return QVersionNumber::fromString(a) > QVersionNumber::fromString(b);
    });
    for (const QString &version : versions) {
        const QString dir = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(version);
        if (hasTools(dir))
            return dir;
    }
    return {};
}

void PgServer::sweepLeftovers() {
    const QString bin = binDir();
    if (!bin.isEmpty())
        sweepStale(bin);
}

QString PgServer::skipReason() {
    if (binDir().isEmpty())
        return QStringLiteral("PostgreSQL server binaries not found (install postgresql-15; "
                              "packaging/deps.sh does)");
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return QStringLiteral("Qt's PostgreSQL driver QPSQL is not available (install "
                              "libqt6sql6-psql; packaging/deps.sh does)");
    if (isRoot() && !postgresUser())
        return QStringLiteral("running as root, and there is no 'postgres' user to run the "
                              "server as (initdb refuses root; postgresql-15 creates the user)");
    if (isRoot() && runuserPath().isEmpty())
        return QStringLiteral("running as root, and runuser (util-linux) is missing");
    return {};
}

bool PgServer::start(QString *error) {
    QString ignored;
    QString &why = error ? *error : ignored;
    if (m_dir) {
        why = QStringLiteral("PgServer::start: already started");
        return false;
    }
    const QString reason = skipReason();
    if (!reason.isEmpty()) {
        why = reason;
        return false;
    }
    m_bin = binDir();
    sweepStale(m_bin);

    m_dir = std::make_unique<QTemporaryDir>(tempRoot() + QLatin1Char('/') + kDirPrefix +
                                            QStringLiteral("XXXXXX"));
    if (!m_dir->isValid()) {
        why = QStringLiteral("cannot create a temporary directory: %1").arg(m_dir->errorString());
        m_dir.reset();
        return false;
    }
    enroll(this);
    const QString dir = m_dir->path();
    {
        QFile owner(dir + QLatin1Char('/') + kOwnerFile);
        if (owner.open(QIODevice::WriteOnly))
            owner.write(QByteArray::number(qint64(getpid())) + '\n');
    }
    if (isRoot()) {
        // The server's user owns the directory (it writes the data, the log and its socket
        // there); it stays 0700, so nobody else can enter it.
        const passwd *pg = postgresUser();
        if (::chown(QFile::encodeName(dir).constData(), pg->pw_uid, pg->pw_gid) != 0) {
            why = QStringLiteral("cannot give %1 to the postgres user: %2")
                      .arg(dir, qt_error_string(errno));
            stop();
            return false;
        }
    }

    m_password = randomPassword();
    const QString pwfile = dir + QStringLiteral("/pwfile");
    if (!writePasswordFile(pwfile, m_password, &why)) {
        stop();
        return false;
    }
    const bool initialised =
        runTool(QStringLiteral("initdb"),
                {QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), user(),
                 QStringLiteral("--auth=scram-sha-256"), QStringLiteral("--pwfile=") + pwfile,
                 QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--no-sync"),
                 QStringLiteral("--locale=C")},
                &why);
    QFile::remove(pwfile); // the server keeps only the SCRAM verifier
    if (!initialised || !launch(&why) || !createDatabase(&why)) {
        const QString log = logTail();
        if (!log.isEmpty())
            why += QStringLiteral("\nserver log:\n") + log;
        stop();
        return false;
    }
    return true;
}

bool PgServer::launch(QString *error) {
    // A free port may be taken between the probe and the server's bind: try another.
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freeLoopbackPort();
        if (m_port == 0) {
            *error = QStringLiteral("no free port on 127.0.0.1");
            return false;
        }
        QFile logFile(m_dir->path() + QLatin1Char('/') + kLogFile);
        const qint64 before = logFile.size(); // this attempt's lines come after
        if (startServer(error))
            return true;
        stopNow(); // in case pg_ctl gave up waiting on a postmaster that is still starting
        QString log;
        if (logFile.open(QIODevice::ReadOnly) && logFile.seek(before))
            log = QString::fromUtf8(logFile.readAll());
        if (!log.contains(QLatin1String("could not bind")) &&
            !log.contains(QLatin1String("could not create any TCP/IP sockets")))
            return false;
    }
    return false;
}

bool PgServer::startServer(QString *error) {
    QString ignored;
    QString &why = error ? *error : ignored;
    if (!m_dir || m_running) {
        why = QStringLiteral("PgServer::startServer: not initialised, or already running");
        return false;
    }
    const QString options =
        QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -c unix_socket_directories='%2' "
                       "-c fsync=off -c max_connections=100")
            .arg(m_port)
            .arg(m_dir->path());
    if (!runTool(QStringLiteral("pg_ctl"),
                 {QStringLiteral("-D"), dataDir(), QStringLiteral("-l"),
                  m_dir->path() + QLatin1Char('/') + kLogFile, QStringLiteral("-w"),
                  QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-o"), options,
                  QStringLiteral("start")},
                 &why))
        return false;
    m_running = true;
    return true;
}

bool PgServer::stopServer(QString *error) {
    resume();
    QString ignored;
    QString &why = error ? *error : ignored;
    if (!m_dir || !m_running) {
        why = QStringLiteral("PgServer::stopServer: not running");
        return false;
    }
    if (!runTool(QStringLiteral("pg_ctl"),
                 {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), QStringLiteral("fast"),
                  QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                  QStringLiteral("stop")},
                 &why))
        return false;
    m_running = false;
    return true;
}

namespace {
// The postmaster and its children (backends, checkpointer, …), from /proc.
QList<pid_t> serverProcesses(pid_t postmaster) {
    QList<pid_t> pids{postmaster};
    const auto entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const pid_t pid = entry.toInt(&numeric);
        if (!numeric || pid == postmaster)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')'); // the name may hold spaces
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toInt() == postmaster)
            pids.append(pid);
    }
    return pids;
}
} // namespace

bool PgServer::pause(QString *error) {
    QFile pidFile(dataDir() + QStringLiteral("/postmaster.pid"));
    const pid_t postmaster =
        pidFile.open(QIODevice::ReadOnly) ? pid_t(pidFile.readLine().trimmed().toInt()) : 0;
    if (!m_running || postmaster <= 0) {
        if (error)
            *error = QStringLiteral("PgServer::pause: not running");
        return false;
    }
    m_paused = true;
    for (const pid_t pid : serverProcesses(postmaster))
        ::kill(pid, SIGSTOP);
    return true;
}

bool PgServer::resume() {
    if (!m_paused)
        return true;
    QFile pidFile(dataDir() + QStringLiteral("/postmaster.pid"));
    const pid_t postmaster =
        pidFile.open(QIODevice::ReadOnly) ? pid_t(pidFile.readLine().trimmed().toInt()) : 0;
    if (postmaster <= 0)
        return false;
    for (const pid_t pid : serverProcesses(postmaster))
        ::kill(pid, SIGCONT);
    m_paused = false;
    return true;
}

void PgServer::stopNow() {
    if (!m_dir)
        return;
    resume(); // a stopped process would not hear pg_ctl
    if (m_running || QFileInfo::exists(dataDir() + QStringLiteral("/postmaster.pid"))) {
        QString error;
        if (!runTool(QStringLiteral("pg_ctl"),
                     {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"),
                      QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("-t"),
                      QStringLiteral("60"), QStringLiteral("stop")},
                     &error) &&
            m_running)
            qWarning("PgServer: %s", qPrintable(error));
    }
    m_running = false;
}

void PgServer::stop() {
    if (!m_dir)
        return;
    stopNow();
    unenroll(this);
    m_dir.reset(); // removes the directory
    m_password.clear();
}

bool PgServer::createDatabase(QString *error) {
    const QString name = QStringLiteral("fd-pgserver-setup-") + QUuid::createUuid().toString();
    bool ok = false;
    {
        QSqlDatabase db = connect(name, QStringLiteral("postgres"));
        if (!db.isOpen()) {
            *error =
                QStringLiteral("cannot connect to the new server: %1").arg(db.lastError().text());
        } else {
            QSqlQuery query(db);
            ok = query.exec(QStringLiteral("CREATE DATABASE flightdesk"));
            if (!ok)
                *error =
                    QStringLiteral("CREATE DATABASE flightdesk: %1").arg(query.lastError().text());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QSqlDatabase PgServer::connect(const QString &connectionName, const QString &databaseName) const {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(host());
    db.setPort(m_port);
    db.setUserName(user());
    db.setPassword(m_password);
    db.setDatabaseName(databaseName.isEmpty() ? database() : databaseName);
    db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    db.open();
    return db;
}

QString PgServer::url() const {
    return QStringLiteral("postgresql://%1@%2:%3/%4")
        .arg(user(), host())
        .arg(m_port)
        .arg(database());
}

QString PgServer::dataDir() const {
    return m_dir ? m_dir->path() + QStringLiteral("/data") : QString();
}

QString PgServer::logTail(int lines) const {
    if (!m_dir)
        return {};
    QFile log(m_dir->path() + QLatin1Char('/') + kLogFile);
    if (!log.open(QIODevice::ReadOnly))
        return {};
    QStringList all = QString::fromUtf8(log.readAll()).split(QLatin1Char('\n'));
    while (!all.isEmpty() && all.last().isEmpty())
        all.removeLast();
    return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(QLatin1Char('\n'));
}

bool PgServer::runTool(const QString &tool, const QStringList &args, QString *error,
                       int timeoutMs) const {
    return runPg(m_bin, m_dir->path(), tool, args, error, timeoutMs);
}

} // namespace fd::test
