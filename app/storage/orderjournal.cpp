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
#include <QMutexLocker>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

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
}

Result<QSqlDatabase> OrderJournal::connection() const {
    if (m_path.isEmpty())
        return notOpen();
    const QString name = QStringLiteral("fd-journal-%1-t%2").arg(m_instance).arg(threadSerial());
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);

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
    // WAL lets the receiver record a webhook while the flow reads; FULL makes a committed
    // intent survive power loss; secure_delete zeroes erased passport numbers on disk.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next() ||
        q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return fail(QStringLiteral("WAL mode is not available"));
    for (const char *pragma :
         {"PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON", "PRAGMA secure_delete=ON"}) {
        if (!q.exec(QString::fromLatin1(pragma)))
            return fail(q.lastError().text());
    }
    q.finish();
    QMutexLocker lock(&m_mutex);
    m_connections.append({name, QThread::currentThread()});
    return db;
}

OrderJournal::Status OrderJournal::open(const QString &path) {
    close();
    m_tightened = false;
    if (path.isEmpty())
        return sql::error(QStringLiteral("FD_JOURNAL_OPEN"),
                          QStringLiteral("No journal path given"));
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
    if (auto v = journalschema::inspect(path); !v)
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
    auto db = connection();
    if (!db) {
        m_path.clear();
        return db.error();
    }
    if (auto s = journalschema::migrate(*db); !s) {
        close();
        return s;
    }
    return sql::ok();
}

void OrderJournal::scrubWal() const {
    auto db = connection();
    if (!db)
        return;
    QSqlQuery q(*db);
    q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
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
        return sql::sqlError(name, q.lastError());
    return q.value(0).toString();
}

Result<Intent> OrderJournal::createIntent(const QString &offerId, const QJsonObject &offer,
                                          const QJsonArray &passengers, const QString &provider) {
    auto db = connection();
    if (!db)
        return db.error();
    sql::WriteTx tx(*db);
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
    if (auto e = insertEvent(*db, {id, JournalEvent::Kind::State, now(), detail, {}, {}, {}}); !e)
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
    auto all = selectIntents(*db, QStringLiteral("ORDER BY id ASC"));
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
    return sql::inTx<std::monostate>(connection(), [&](QSqlDatabase &db) -> Status {
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

QString OrderJournal::makeOwnerId() {
    static const QString id = QStringLiteral("%1/%2-%3")
                                  .arg(QSysInfo::machineHostName())
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
