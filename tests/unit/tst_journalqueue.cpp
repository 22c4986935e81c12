// The journal's worker thread (JournalQueue) over a real SQLite journal: calls run in the order
// they were queued, off the asking thread; answers come back on the asker's thread, never to
// an asker that is gone; call() makes only its caller wait; nothing queued is lost at the end.
#include "core/journalqueue.h"
#include "storage/orderjournal.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <thread>

using namespace fd;

namespace {
QJsonArray passengersNamed(const QString &name) {
    return QJsonArray{QJsonObject{{QStringLiteral("given_name"), name}}};
}
QString firstName(const Intent &intent) {
    return intent.passengers.at(0).toObject().value(QLatin1String("given_name")).toString();
}
} // namespace

class TestJournalQueue final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<OrderJournal> m_journal;
    qint64 m_intent = 0;

private Q_SLOTS:
    void init() {
        m_journal = std::make_unique<OrderJournal>();
        QVERIFY(m_journal
                    ->open(m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                                          QStringLiteral(".sqlite")))
                    .ok());
        const auto created = m_journal->createIntent(QStringLiteral("off_1"), {},
                                                     passengersNamed(QStringLiteral("Ada")));
        QVERIFY(created.ok());
        m_intent = created->id;
    }
    void cleanup() { m_journal.reset(); }

    void answersComeBackOnTheAskersThreadAfterEarlierWrites() {
        JournalQueue queue(m_journal.get());
        QThread *jobThread = nullptr;
        QThread *answerThread = nullptr;
        QString seen;
        for (const QString &name : {QStringLiteral("Bea"), QStringLiteral("Cy")})
            queue.write([this, name](CheckoutJournal &j) {
                j.updatePassengers(m_intent, passengersNamed(name));
            });
        QObject asker;
        queue.ask<Result<Intent>>(
            &asker,
            [this, &jobThread](CheckoutJournal &j) {
                jobThread = QThread::currentThread();
                return j.intent(m_intent);
            },
            [&](Result<Intent> read) {
                answerThread = QThread::currentThread();
                seen = read ? firstName(*read) : read.error().message;
            });
        QTRY_VERIFY(answerThread);
        QCOMPARE(seen, QStringLiteral("Cy")); // both writes before it, in order
        QCOMPARE(answerThread, QThread::currentThread());
        QVERIFY(jobThread && jobThread != QThread::currentThread());
    }

    void anAnswerForAnAskerThatIsGoneIsDroppedButTheWriteStays() {
        JournalQueue queue(m_journal.get());
        bool answered = false;
        auto *asker = new QObject;
        queue.ask<Result<std::monostate>>(
            asker,
            [this](CheckoutJournal &j) {
                return j.updatePassengers(m_intent, passengersNamed(QStringLiteral("Dee")));
            },
            [&answered](const Result<std::monostate> &) { answered = true; });
        delete asker;
        QVERIFY(queue.waitUntilIdle(std::chrono::seconds(10)));
        QCoreApplication::processEvents();
        QTest::qWait(50); // any queued answer would have been delivered by now
        QVERIFY(!answered);
        QCOMPARE(firstName(*m_journal->intent(m_intent)), QStringLiteral("Dee"));
    }

    // The webhook receiver's way: its thread waits, in line behind the flows' writes.
    void callWaitsOnTheCallersThreadInLineWithTheQueue() {
        JournalQueue queue(m_journal.get());
        queue.write([this](CheckoutJournal &j) {
            j.updatePassengers(m_intent, passengersNamed(QStringLiteral("Eve")));
        });
        QString fromOtherThread;
        std::thread caller([&] {
            fromOtherThread = queue.call<QString>([this] {
                const auto read = m_journal->intent(m_intent);
                return read ? firstName(*read) : QString();
            });
        });
        caller.join();
        QCOMPARE(fromOtherThread, QStringLiteral("Eve"));
        // From this thread too: only the caller waits, the worker runs it.
        QThread *ranOn = nullptr;
        QCOMPARE(queue.call<int>([&ranOn] {
            ranOn = QThread::currentThread();
            return 7;
        }),
                 7);
        QVERIFY(ranOn && ranOn != QThread::currentThread());
    }

    void destroyingTheQueueFinishesWhatWasQueued() {
        {
            JournalQueue queue(m_journal.get());
            for (int i = 0; i < 25; ++i)
                queue.write([this, i](CheckoutJournal &j) {
                    j.updatePassengers(m_intent, passengersNamed(QStringLiteral("P%1").arg(i)));
                });
        }
        QCOMPARE(firstName(*m_journal->intent(m_intent)), QStringLiteral("P24"));
    }
};

QTEST_GUILESS_MAIN(TestJournalQueue)
#include "tst_journalqueue.moc"
