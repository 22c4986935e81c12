// Sharing one journal: two connections, a thread, processes racing for a lease, two desks,
// and (SQLite only) who may read the file. The same bodies run on SQLite and PostgreSQL
// (journalcontract.h).

#include "journalcontract.h"

#include <sys/stat.h>

namespace {

// The permission bits of a path, or -1 when it does not exist.
int modeOf(const QString &path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

// A desktop session's usual umask for the length of a test: files would be 0644 by default.
class Umask {
public:
    explicit Umask(mode_t mask)
        : m_old(::umask(mask)) {}
    ~Umask() { ::umask(m_old); }
    Umask(const Umask &) = delete;
    Umask &operator=(const Umask &) = delete;

private:
    mode_t m_old;
};

} // namespace

namespace journaltest {

// Child mode of this executable, for the cross-process lease race:
//   tst_journal --lease-child <journal> <go-file> <owner> <id,id,...>
// <journal> is a path or a URL; a PostgreSQL password comes in PGPASSWORD, never in argv.
// prints "ready", waits for the go file, then one line per intent: "<id> granted|refused".
int leaseChild(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    if (argc != 6)
        return 3;
    OrderJournal j;
    if (!j.open(QString::fromLocal8Bit(argv[2])).ok())
        return 2;
    const QString go = QString::fromLocal8Bit(argv[3]);
    const QString owner = QString::fromLocal8Bit(argv[4]);
    std::printf("ready\n");
    std::fflush(stdout);
    while (!QFile::exists(go))
        QThread::usleep(200);
    for (const QString &id : QString::fromLocal8Bit(argv[5]).split(QLatin1Char(','))) {
        const auto r = j.acquireLease(id.toLongLong(), owner, QDateTime::currentDateTimeUtc(), 60s);
        if (!r)
            return 2;
        std::printf("%s %s\n", qPrintable(id), *r == LeaseResult::Granted ? "granted" : "refused");
    }
    std::fflush(stdout);
    return 0;
}

} // namespace journaltest

void TestJournal::leaseAcrossTwoConnections() {
    const Intent i = newIntent();
    OrderJournal other(&m_clock);
    QVERIFY(openOther(other).ok());
    QCOMPARE(j().acquireLease(i.id, QStringLiteral("A"), kT0, 30s).value(), LeaseResult::Granted);
    QCOMPARE(other.acquireLease(i.id, QStringLiteral("B"), kT0.addSecs(10), 30s).value(),
             LeaseResult::Refused);
    QCOMPARE(j().acquireLease(i.id, QStringLiteral("A"), kT0.addSecs(10), 30s).value(),
             LeaseResult::Granted);
    QCOMPARE(j().renewLease(i.id, QStringLiteral("A"), kT0.addSecs(20), 30s).value(),
             LeaseResult::Granted);
    QCOMPARE(other.renewLease(i.id, QStringLiteral("B"), kT0.addSecs(20), 30s).value(),
             LeaseResult::Refused);
    QCOMPARE(other.acquireLease(i.id, QStringLiteral("B"), kT0.addSecs(49), 30s).value(),
             LeaseResult::Refused);
    // A's lease (renewed at +20 s for 30 s) runs out at +50 s.
    QCOMPARE(other.acquireLease(i.id, QStringLiteral("B"), kT0.addSecs(50), 30s).value(),
             LeaseResult::Granted);
    QCOMPARE(j().renewLease(i.id, QStringLiteral("A"), kT0.addSecs(51), 30s).value(),
             LeaseResult::Refused);
    QVERIFY(j().releaseLease(i.id, QStringLiteral("A")).ok()); // not A's: no effect
    QCOMPARE(reload(i.id).leaseOwner, QStringLiteral("B"));
    QCOMPARE(reload(i.id).leaseExpiresAt, kT0.addSecs(80));
    QVERIFY(other.releaseLease(i.id, QStringLiteral("B")).ok());
    QVERIFY(reload(i.id).leaseOwner.isEmpty());
    QCOMPARE(j().acquireLease(i.id, QStringLiteral("A"), kT0.addSecs(52), 30s).value(),
             LeaseResult::Granted);
    QCOMPARE(j().acquireLease(999, QStringLiteral("A"), kT0, 30s).error().code,
             QStringLiteral("FD_JOURNAL_NOT_FOUND"));
    QVERIFY(!j().acquireLease(i.id, QString(), kT0, 30s).ok());
    QVERIFY(!j().acquireLease(i.id, QStringLiteral("A"), kT0, 0s).ok());
    QVERIFY(!OrderJournal::makeOwnerId().isEmpty());
}

void TestJournal::leaseOfAKilledProcessIsVoidAtOnce() {
    const Intent i = newIntent();
    QProcess alive;
    alive.start(QStringLiteral("sleep"), {QStringLiteral("30")});
    QVERIFY(alive.waitForStarted());
    QProcess dead;
    dead.start(QStringLiteral("sleep"), {QStringLiteral("30")});
    QVERIFY(dead.waitForStarted());
    const auto ownerOf = [](const QProcess &p) {
        return QStringLiteral("%1/%2-0123abcd").arg(QSysInfo::machineHostName()).arg(p.processId());
    };
    const QString aliveOwner = ownerOf(alive);
    const QString deadOwner = ownerOf(dead);
    dead.kill(); // kill -9: it can never release or renew
    QVERIFY(dead.waitForFinished());
    QVERIFY(OrderJournal::ownerIsGone(deadOwner));
    QVERIFY(!OrderJournal::ownerIsGone(aliveOwner));
    QVERIFY(!OrderJournal::ownerIsGone(OrderJournal::makeOwnerId()));
    QVERIFY(!OrderJournal::ownerIsGone(QStringLiteral("otherhost/1-0123abcd")));

    QCOMPARE(j().acquireLease(i.id, aliveOwner, kT0, 30s).value(), LeaseResult::Granted);
    QCOMPARE(j().acquireLease(i.id, QStringLiteral("me"), kT0.addSecs(1), 30s).value(),
             LeaseResult::Refused);
    QVERIFY(j().releaseLease(i.id, aliveOwner).ok());
    QCOMPARE(j().acquireLease(i.id, deadOwner, kT0, 30s).value(), LeaseResult::Granted);
    QCOMPARE(j().acquireLease(i.id, QStringLiteral("me"), kT0.addSecs(1), 30s).value(),
             LeaseResult::Granted); // long before the 30 s run out
    alive.kill();
    alive.waitForFinished();
}

void TestJournal::leaseFromAnotherThread() {
    const Intent i = newIntent();
    QVERIFY(j().acquireLease(i.id, QStringLiteral("main"), kT0, 30s).ok());
    std::optional<LeaseResult> fromThread;
    QThread *t = QThread::create([&] {
        auto r = j().acquireLease(i.id, QStringLiteral("worker"), kT0.addSecs(1), 30s);
        if (r)
            fromThread = *r;
    });
    t->start();
    QVERIFY(t->wait(20000));
    delete t;
    QCOMPARE(fromThread, std::optional(LeaseResult::Refused));
}

void TestJournal::leaseRaceAcrossProcesses() {
    QList<qint64> ids;
    for (int n = 0; n < 5; ++n)
        ids << newIntent().id;
    QStringList idList;
    for (qint64 id : ids)
        idList << QString::number(id);
    const QString go = m_engine.dir().filePath(QStringLiteral("go"));
    QFile::remove(go);
    constexpr int kChildren = 4;
    std::vector<std::unique_ptr<QProcess>> children;
    for (int c = 0; c < kChildren; ++c) {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->setProcessEnvironment(m_engine.childEnvironment()); // PGPASSWORD on PostgreSQL
        p->start(QCoreApplication::applicationFilePath(),
                 {QStringLiteral("--lease-child"), m_path, go, QStringLiteral("owner-%1").arg(c),
                  idList.join(QLatin1Char(','))});
        children.push_back(std::move(p));
    }
    for (auto &p : children) {
        QVERIFY(p->waitForStarted(20000));
        QVERIFY(p->waitForReadyRead(60000));
        QCOMPARE(p->readLine().trimmed(), QByteArray("ready"));
    }
    QFile f(go);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    QMap<QString, int> granted;
    for (int c = 0; c < kChildren; ++c) {
        QProcess &p = *children[size_t(c)];
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const auto lines = p.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            const auto parts = line.trimmed().split(' ');
            if (parts.size() == 2 && parts.at(1) == "granted") {
                granted[QString::fromLatin1(parts.at(0))] += 1;
                QCOMPARE(reload(parts.at(0).toLongLong()).leaseOwner,
                         QStringLiteral("owner-%1").arg(c));
            }
        }
    }
    for (const QString &id : idList)
        QCOMPARE(granted.value(id), 1); // exactly one winner per intent
}

// An agency: two desks (two journals, two owners) on one location. Each sees the other's
// intents; a lease one holds is the other's only once it has run out by the `now` given.
void TestJournal::twoDesksOnOneJournal() {
    const QString ownerA = QStringLiteral("desk-a.agency/4242-0a0a0a0a");
    const QString ownerB = QStringLiteral("desk-b.agency/4343-0b0b0b0b");
    fd::ManualClock clockB{kT0.addSecs(5)};
    OrderJournal &deskA = j();
    OrderJournal deskB(&clockB);
    QVERIFY(openOther(deskB).ok());
    const Intent a = newIntent();
    const auto b = deskB.createIntent(QStringLiteral("off_0002"), offer(QStringLiteral("off_0002")),
                                      passengers());
    QVERIFY(b.ok());
    for (OrderJournal *desk : {&deskA, &deskB}) {
        const auto all = desk->all().value();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).id, b->id);
        QCOMPARE(all.at(1).id, a.id);
        QCOMPARE(desk->count().value(), 2);
    }
    QCOMPARE(deskB.intent(a.id)->idempotencyKey, a.idempotencyKey);
    QCOMPARE(deskA.intent(b->id)->offerId, QStringLiteral("off_0002"));
    QCOMPARE(deskA.intent(b->id)->createdAt, kT0.addSecs(5)); // desk B's clock

    QCOMPARE(deskA.acquireLease(a.id, ownerA, kT0, 30s).value(), LeaseResult::Granted);
    QCOMPARE(deskB.acquireLease(a.id, ownerB, kT0.addSecs(1), 30s).value(), LeaseResult::Refused);
    QCOMPARE(deskB.acquireLease(a.id, ownerB, kT0.addSecs(29), 30s).value(), LeaseResult::Refused);
    QCOMPARE(deskB.renewLease(a.id, ownerB, kT0.addSecs(29), 30s).value(), LeaseResult::Refused);
    QCOMPARE(deskB.intent(a.id)->leaseOwner, ownerA);
    // Meanwhile B leases its own intent; A cannot take that one either.
    QCOMPARE(deskB.acquireLease(b->id, ownerB, kT0, 300s).value(), LeaseResult::Granted);
    QCOMPARE(deskA.acquireLease(b->id, ownerA, kT0.addSecs(31), 30s).value(), LeaseResult::Refused);
    // A's lease ran out at +30 s (A did not renew): B takes it, and A's renewal is refused.
    QCOMPARE(deskB.acquireLease(a.id, ownerB, kT0.addSecs(30), 30s).value(), LeaseResult::Granted);
    QCOMPARE(deskA.renewLease(a.id, ownerA, kT0.addSecs(31), 30s).value(), LeaseResult::Refused);
    QCOMPARE(deskA.acquireLease(a.id, ownerA, kT0.addSecs(31), 30s).value(), LeaseResult::Refused);
    QCOMPARE(deskA.intent(a.id)->leaseOwner, ownerB);
    QCOMPARE(deskA.intent(a.id)->leaseExpiresAt, kT0.addSecs(60));
    QVERIFY(deskA.releaseLease(a.id, ownerA).ok()); // not A's: no effect
    QCOMPARE(deskB.intent(a.id)->leaseOwner, ownerB);
    QVERIFY(deskB.releaseLease(a.id, ownerB).ok());
    QCOMPARE(deskA.acquireLease(a.id, ownerA, kT0.addSecs(32), 30s).value(), LeaseResult::Granted);
}

// Passenger names, e-mails, phones and (until final) passports live in these files.
void TestJournal::newJournalIsOwnerOnly() {
    if (pg())
        QSKIP("SQLite file property");
    const Umask usual(022);
    QTemporaryDir root;
    const QString folder = root.filePath(QStringLiteral("desk/data"));
    const QString path = folder + QStringLiteral("/journal.sqlite");
    QVERIFY(fd::privatefiles::makeFolder(folder)); // as the desk makes its data folder
    OrderJournal journal(&m_clock);
    const auto opened = journal.open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    QVERIFY(journal.createIntent(QStringLiteral("off_1"), offer(), passengers()));
    QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
    QVERIFY(QFile::exists(path + QStringLiteral("-shm")));
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(modeOf(path + QStringLiteral("-wal")), 0600);
    QCOMPARE(modeOf(path + QStringLiteral("-shm")), 0600);
    QCOMPARE(modeOf(folder), 0700); // both levels, whatever the umask
    QCOMPARE(modeOf(root.filePath(QStringLiteral("desk"))), 0700);
    QVERIFY(!journal.tightenedOnOpen()); // nothing to say about a new journal
}

void TestJournal::existingLooseJournalIsTightenedAndSaysSoOnce() {
    if (pg())
        QSKIP("SQLite file property");
    const Umask usual(022);
    newIntent();
    // A second connection keeps the WAL files around while the first closes.
    OrderJournal other(&m_clock);
    QVERIFY(other.open(m_path).ok());
    QVERIFY(other.createIntent(QStringLiteral("off_1"), offer(), passengers()));
    m_journal.reset();
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QVERIFY(QFile::setPermissions(m_path + suffix, QFile::ReadOwner | QFile::WriteOwner |
                                                           QFile::ReadGroup | QFile::ReadOther));
    QCOMPARE(modeOf(m_path), 0644);

    OrderJournal reopened(&m_clock);
    QVERIFY(reopened.open(m_path).ok());
    QCOMPARE(modeOf(m_path), 0600);
    QCOMPARE(modeOf(m_path + QStringLiteral("-wal")), 0600);
    QCOMPARE(modeOf(m_path + QStringLiteral("-shm")), 0600);
    QVERIFY(reopened.tightenedOnOpen());
    QVERIFY(reopened.all());

    OrderJournal again(&m_clock);
    QVERIFY(again.open(m_path).ok());
    QVERIFY(!again.tightenedOnOpen()); // said once
}
