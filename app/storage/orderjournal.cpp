#include "orderjournal.h"

#include <QFile>
#include <QRegularExpression>
#include <QSysInfo>

#include <cerrno>
#include <csignal>

#include "journalrows.h"
#include "journalschema.h"
#include "privatefiles.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlDriver>

#include <QMutexLocker>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <sqlite3.h>

#include <atomic>

namespace fd {

using namespace journalrows;

namespace {

std::atomic<quint64> s_nextInstance{1};
std::atomic<quint64> s_nextThread{1};

// Thread ids can be reused; a counter taken once per thread cannot.
quint64 threadSerial() {
    thread_local const quint64 serial = s_nextThread.fetch_add(1);
    return serial;
}

Error notOpen() {
    return sql::error(QStringLiteral("FD_JOURNAL_NOT_OPEN"),
                      QStringLiteral("The journal is not open"));
}

QString newKey() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

OrderJournal::OrderJournal(const Clock *clock)
    : m_clock(clock)
    , m_instance(s_nextInstance.fetch_add(1)) {
    if (!m_clock) {
        m_ownClock = std::make_unique<SystemClock>();
        m_clock = m_ownClock.get();
    }
}

OrderJournal::~OrderJournal() {
    close();
}

QDateTime OrderJournal::now() const {
    return m_clock->now().toUTC();
}

void OrderJournal::close() {
    if (m_scrubPending && !m_path.isEmpty())
        scrubWal();
    QMutexLocker lock(&m_mutex);
    for (const Connection &c : std::as_const(m_connections)) {
        // A connection may only be touched from its own thread; others are just dropped.
        if (c.thread == QThread::currentThread()) {
            QSqlDatabase db = QSqlDatabase::database(c.name, false);
            if (db.isValid())
                db.close();
        }
        QSqlDatabase::removeDatabase(c.name);
    }
    m_connections.clear();
    m_path.clear();
    m_scrubPending = false;
    lock.unlock();
    QMutexLocker verifyLock(&m_verifyMutex);
    m_verified.reset();
}

OrderJournal::Status OrderJournal::verify() const {
    if (m_location.isPostgres())
        return sql::ok();              // the server checks its own pages
    QMutexLocker lock(&m_verifyMutex); // one check; a writer on another thread waits for it
    if (m_path.isEmpty())
        return notOpen();
    if (!m_verified)
        m_verified = journalschema::checkIntegrity(m_path);
    return *m_verified;
}

Result<QSqlDatabase> OrderJournal::writable() const {
    if (auto whole = verify(); !whole)
        return whole.error();
    return connection();
}

void OrderJournal::closeThreadConnection() {
    QMutexLocker lock(&m_mutex);
    for (qsizetype i = 0; i < m_connections.size(); ++i) {
        if (m_connections[i].thread != QThread::currentThread())
            continue;
        const QString name = m_connections[i].name;
        m_connections.removeAt(i);
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isValid())
                db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return;
    }
}

Result<QSqlDatabase> OrderJournal::connection() const {
    if (m_path.isEmpty())
        return notOpen();
    const QString name = QStringLiteral("fd-journal-%1-t%2").arg(m_instance).arg(threadSerial());
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        // A PostgreSQL session that broke (server restarted, network gone) is opened again on
        // the next call; what was in flight was rolled back by the server.
        if (m_location.isPostgres() && !db.isOpen() && !db.open())
            return sql::error(QStringLiteral("FD_JOURNAL_UNREACHABLE"),
                              QStringLiteral("The agency journal %1 cannot be reached: %2")
                                  .arg(m_path, db.lastError().text().simplified().left(300)));
        return db;
    }
    if (m_location.isPostgres())
        return postgresConnection(name);

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    auto fail = [&](const QString &why) -> Error {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return sql::error(QStringLiteral("FD_JOURNAL_OPEN"),
                          QStringLiteral("Cannot open the order journal %1: %2").arg(m_path, why));
    };
    if (!db.open())
        return fail(db.lastError().text());
    // The WAL stays when the last connection closes: closing would checkpoint it, two more
    // flushes for nothing (the next open reads it). Erasures checkpoint it themselves.
    if (const QVariant handle = db.driver()->handle();
        handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        if (auto *h = *static_cast<sqlite3 *const *>(handle.data()))
            sqlite3_db_config(h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    // WAL lets the receiver record a webhook while the flow reads; FULL makes a committed
    // intent survive power loss (sql::WriteTx lowers it to NORMAL for a batched write);
    // secure_delete zeroes erased passport numbers on disk.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next() ||
        q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return fail(QStringLiteral("WAL mode is not available"));
    for (const char *pragma : {"PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                               "PRAGMA secure_delete=ON", "PRAGMA wal_autocheckpoint=0"}) {
        if (!q.exec(QString::fromLatin1(pragma)))
            return fail(q.lastError().text());
    }
    q.finish();
    QMutexLocker lock(&m_mutex);
    m_connections.append({name, QThread::currentThread()});
    return db;
}

Result<QSqlDatabase> OrderJournal::postgresConnection(const QString &name) const {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(name);
        return sql::error(QStringLiteral("FD_JOURNAL_OPEN"),
                          QStringLiteral("The agency journal needs Qt's PostgreSQL driver "
                                         "(Debian package libqt6sql6-psql), which is not "
                                         "installed"));
    }
    db.setHostName(m_location.host);
    db.setPort(m_location.port);
    db.setUserName(m_location.user);
    db.setDatabaseName(m_location.database);
    if (!m_password.isEmpty())
        db.setPassword(m_password);
    db.setConnectOptions(m_location.options);
    auto fail = [&](const QString &why) -> Error {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return sql::error(QStringLiteral("FD_JOURNAL_UNREACHABLE"),
                          QStringLiteral("The agency journal %1 cannot be reached: %2")
                              .arg(m_path, why.simplified().left(300)));
    };
    if (!db.open())
        return fail(db.lastError().text());
    // A desk never waits on another longer than SQLite's busy timeout would make it wait.
    QSqlQuery q(db);
    for (const char *setting : {"SET lock_timeout = '10s'", "SET statement_timeout = '30s'",
                                "SET idle_in_transaction_session_timeout = '60s'"}) {
        if (!q.exec(QString::fromLatin1(setting)))
            return fail(q.lastError().text());
    }
    q.finish();
    QMutexLocker lock(&m_mutex);
    m_connections.append({name, QThread::currentThread()});
    return db;
}

OrderJournal::Status OrderJournal::open(const QString &location,
                                        journalschema::Integrity integrity) {
    close();
    m_tightened = false;
    auto where = JournalLocation::parse(location);
    if (!where)
        return sql::error(QStringLiteral("FD_JOURNAL_OPEN"), where.error().message);
    m_location = *where;
    if (m_location.isPostgres()) {
        m_path = m_location.display();
        auto db = connection();
        if (!db) {
            m_path.clear();
            return db.error();
        }
        // A database a newer FlightDesk migrated is refused before anything is written.
        if (auto v = journalschema::readVersion(*db); !v || *v > journalschema::kCurrentVersion) {
            const QString why =
                !v ? v.error().message
                   : QStringLiteral("The agency journal %1 was written by a newer FlightDesk "
                                    "(schema version %2; this version reads up to %3). It was "
                                    "left untouched; update FlightDesk to open it.")
                         .arg(m_path)
                         .arg(*v)
                         .arg(journalschema::kCurrentVersion);
            *db = QSqlDatabase(); // let go of the connection close() removes
            close();
            return sql::error(!v ? v.error().code : QStringLiteral("FD_JOURNAL_TOO_NEW"), why);
        }
        if (auto s = journalschema::migrate(*db); !s) {
            *db = QSqlDatabase();
            close();
            return s;
        }
        return sql::ok();
    }
    const QString path = m_location.path;
    const auto openError = [&path](const Error &e) {
        return sql::error(
            QStringLiteral("FD_JOURNAL_OPEN"),
            QStringLiteral("Cannot open the order journal %1: %2").arg(path, e.message));
    };
    // Owner-only from the first byte, whatever the umask: SQLite gives -wal and -shm the main
    // file's mode, so creating the main file 0600 before SQLite sees it covers all three.
    // The folder is the caller's: a mistyped --journal must not grow a directory tree (the desk
    // makes its data folder 0700 itself).
    if (!QFileInfo::exists(path))
        if (auto created = privatefiles::createFile(path); !created)
            return openError(created.error());
    // Inspect read-only first: a damaged or newer file must not even get its header rewritten.
    const auto v = journalschema::inspect(path, integrity);
    if (!v)
        return v.error();
    // Journals from before this rule (0644, and -wal/-shm copied from it) are narrowed once.
    for (const QLatin1String suffix : {QLatin1String(""), QLatin1String("-wal"),
                                       QLatin1String("-shm"), QLatin1String("-journal")}) {
        const auto restricted = privatefiles::restrictToOwner(path + suffix);
        if (!restricted)
            return openError(restricted.error());
        m_tightened = m_tightened || *restricted;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    {
        QMutexLocker lock(&m_verifyMutex);
        // Checked already, or nothing in it to check.
        if (integrity == journalschema::Integrity::Now || *v == 0)
            m_verified = sql::ok();
    }
    // A migration writes: an older file is checked whole first, as with Integrity::Now.
    if (*v < journalschema::kCurrentVersion)
        if (auto whole = verify(); !whole) {
            close();
            return whole;
        }
    auto db = connection();
    if (!db) {
        m_path.clear();
        return db.error();
    }
    if (auto s = journalschema::migrate(*db); !s) {
        *db = QSqlDatabase();
        close();
        return s;
    }
    // A process that erased PII and died (or was held up) before its checkpoint: wipe now.
    scrubIfLeftPending();
    return sql::ok();
}

void OrderJournal::scrubWal() const {
    if (m_location.isPostgres())
        return;           // the server's VACUUM reclaims the old row versions
    auto db = writable(); // a checkpoint writes the main file
    if (!db)
        return;
    QSqlQuery q(*db);
    // Under FULL: the log is synced before it is copied, the main file after (sql::WriteTx).
    if (!q.exec(QStringLiteral("PRAGMA synchronous=FULL"))) {
        m_scrubPending = true;
        return;
    }
    // Row: busy, frames in the log, frames checkpointed. Busy: a reader kept it from finishing.
    m_scrubPending = !q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) || !q.next() ||
                     q.value(0).toInt() != 0;
    q.finish();
    if (m_scrubPending)
        return;
    // Done: clear the mark erasePii left (batched: if it is lost, the next open scrubs again).
    sql::inTx<std::monostate>(*db, sql::Durability::Batched, [](QSqlDatabase &c) -> Status {
        return sql::execSql(c, QStringLiteral("UPDATE meta SET value = '0' WHERE key = "
                                              "'wal_scrub_pending' AND value <> '0'"));
    });
}

void OrderJournal::scrubIfLeftPending() const {
    auto db = connection();
    if (!db)
        return;
    QSqlQuery q(*db);
    if (q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'wal_scrub_pending'")) &&
        q.next() && q.value(0).toString() == QLatin1String("1")) {
        q.finish();
        scrubWal();
    }
}

sql::Durability OrderJournal::thenDurable() const {
    return m_location.isPostgres() ? sql::Durability::Durable : sql::Durability::Batched;
}

OrderJournal::Status OrderJournal::makeDurable(bool erased) const {
    if (m_location.isPostgres())
        return sql::ok(); // committed durably already (thenDurable)
    if (erased) {
        scrubWal(); // a completed checkpoint flushed the log first, then the file
        if (!m_scrubPending)
            return sql::ok();
    }
    return sql::inTx<std::monostate>(
        writable(), sql::Durability::Durable, [&](QSqlDatabase &db) -> Status {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('flushed_at', :at) "
                                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
            q.bindValue(QStringLiteral(":at"), timestamp(now()));
            return sql::exec(q, QStringLiteral("flushing the journal"));
        });
}

Result<int> OrderJournal::schemaVersion() const {
    auto db = connection();
    if (!db)
        return db.error();
    return journalschema::readVersion(*db);
}

Result<QString> OrderJournal::pragma(const QString &name) const {
    static const QStringList allowed = {
        QStringLiteral("journal_mode"), QStringLiteral("synchronous"),
        QStringLiteral("foreign_keys"), QStringLiteral("secure_delete")};
    if (!allowed.contains(name))
        return sql::error(QStringLiteral("FD_JOURNAL_PRAGMA"), QStringLiteral("Unknown pragma"));
    auto db = connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    if (!q.exec(QStringLiteral("PRAGMA ") + name) || !q.next())
        return sql::queryError(name, q);
    return q.value(0).toString();
}

Result<Intent> OrderJournal::createIntent(const QString &offerId, const QJsonObject &offer,
                                          const QJsonArray &passengers, const QString &provider) {
    auto db = writable();
    if (!db)
        return db.error();
    // Batched: nothing carries the key until the create body is frozen, and that is durable.
    sql::WriteTx tx(*db, sql::Durability::Batched);
    if (auto s = tx.begin(); !s)
        return s.error();
    const QString at = timestamp(now());
    QSqlQuery q(*db);
    q.prepare(QStringLiteral(
        "INSERT INTO intents (idempotency_key, offer_id, offer_json, passengers_json, state, "
        "provider, created_at, updated_at) "
        "VALUES (:key, :offer_id, :offer, :passengers, :state, :provider, :at, :at)"));
    q.bindValue(QStringLiteral(":provider"), provider);
    q.bindValue(QStringLiteral(":key"), newKey());
    q.bindValue(QStringLiteral(":offer_id"), offerId);
    q.bindValue(QStringLiteral(":offer"), compact(offer));
    q.bindValue(QStringLiteral(":passengers"), compact(passengers));
    q.bindValue(QStringLiteral(":state"), QString(state::name(CheckoutState::Draft)));
    q.bindValue(QStringLiteral(":at"), at);
    if (auto s = sql::exec(q, QStringLiteral("creating an intent")); !s)
        return s.error();
    const qint64 id = q.lastInsertId().toLongLong();
    const QJsonObject detail{{QStringLiteral("to"), QString(state::name(CheckoutState::Draft))}};
    if (auto e = insertEvent(*db, {id, JournalEvent::Kind::State, now(), detail, {}, {}, {}, {}});
        !e)
        return e.error();
    auto intent = loadIntent(*db, id);
    if (!intent)
        return intent.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    return intent;
}

Result<Intent> OrderJournal::intent(qint64 intentId) const {
    auto db = connection();
    if (!db)
        return db.error();
    return loadIntent(*db, intentId);
}

Result<QList<Intent>> OrderJournal::unfinished() const {
    auto db = connection();
    if (!db)
        return db.error();
    // Final states are left out by the database (an index on state), not after reading them all.
    static const QString notFinal = []() -> QString {
        QStringList names;
        for (int s = 0; s <= int(CheckoutState::Error); ++s) { // Error is the last state
            const auto st = static_cast<CheckoutState>(s);
            if (state::isFinal(st))
                names.append(QLatin1Char('\'') + state::name(st) + QLatin1Char('\''));
        }
        return QStringLiteral("WHERE state NOT IN (") + names.join(QStringLiteral(", ")) +
               QStringLiteral(") ORDER BY id ASC");
    }();
    auto all = selectIntents(*db, notFinal);
    if (!all)
        return all;
    QList<Intent> out;
    for (Intent &i : all.value()) {
        if (!i.isFinal())
            out.append(std::move(i));
    }
    return out;
}

namespace {
// The outcomes an agent must be told of, once (as migration 4 marks them for older rows), as
// an SQL list: "('ticketed', 'failed', 'error')".
const QString kAnnouncedStates = []() -> QString {
    QStringList names;
    for (const CheckoutState s :
         {CheckoutState::Ticketed, CheckoutState::Failed, CheckoutState::Error})
        names.append(QLatin1Char('\'') + state::name(s) + QLatin1Char('\''));
    return QLatin1Char('(') + names.join(QStringLiteral(", ")) + QLatin1Char(')');
}();
} // namespace

Result<QList<Intent>> OrderJournal::outcomesNotShown() const {
    auto db = connection();
    if (!db)
        return db.error();
    return selectIntents(*db, QStringLiteral("WHERE outcome_shown_at IS NULL AND state IN ") +
                                  kAnnouncedStates + QStringLiteral(" ORDER BY id ASC"));
}

OrderJournal::Status OrderJournal::markOutcomeShown(qint64 intentId) {
    // Batched: lost only with power, and then the outcome is shown once more.
    return sql::inTx<std::monostate>(
        writable(), sql::Durability::Batched, [&](QSqlDatabase &db) -> Status {
            QSqlQuery q(db);
            // Only a final outcome counts: an interrupted one shown earlier may still end ticketed.
            q.prepare(QStringLiteral("UPDATE intents SET outcome_shown_at = :at WHERE id = :id AND "
                                     "outcome_shown_at IS NULL AND state IN ") +
                      kAnnouncedStates);
            q.bindValue(QStringLiteral(":at"), now().toUTC().toString(Qt::ISODateWithMs));
            q.bindValue(QStringLiteral(":id"), intentId);
            return sql::exec(q, QStringLiteral("marking an outcome shown"));
        });
}

Result<QList<Intent>> OrderJournal::all() const {
    auto db = connection();
    if (!db)
        return db.error();
    return selectIntents(*db, QStringLiteral("ORDER BY id DESC"));
}

namespace {
// The desk part of a lease owner: FLIGHTDESK_DESK_ID, or the host name.
QString deskName() {
    QString name;
    for (const QChar c : qEnvironmentVariable("FLIGHTDESK_DESK_ID").left(64))
        if (c.isPrint() && c != QLatin1Char('/'))
            name += c;
    return name.isEmpty() ? QSysInfo::machineHostName() : name;
}
} // namespace

QString OrderJournal::makeOwnerId() {
    static const QString id = QStringLiteral("%1/%2-%3")
                                  .arg(deskName())
                                  .arg(QCoreApplication::applicationPid())
                                  .arg(newKey().left(8));
    return id;
}

bool OrderJournal::ownerIsGone(const QString &ownerId) {
    // "<host>/<pid>-<random>": only a process on this machine can be checked.
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("(.*)/([0-9]+)-[0-9a-f]+")));
    const auto m = re.match(ownerId);
    if (!m.hasMatch() || m.captured(1) != QSysInfo::machineHostName())
        return false;
    const qint64 pid = m.captured(2).toLongLong();
    if (pid <= 0 || pid == QCoreApplication::applicationPid())
        return false;
    if (::kill(static_cast<pid_t>(pid), 0) == -1)
        return errno == ESRCH;
    // A killed process nobody has reaped yet is a zombie: it will never renew either.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close > 0 && line.mid(close + 2, 1) == "Z";
}

} // namespace fd
