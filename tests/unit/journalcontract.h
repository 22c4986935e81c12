#pragma once

// The journal contract suite's fixture (tst_journal.cpp, tst_journal_sharing.cpp): one QTest
// class whose bodies run against SQLite (`tst_journal`) or a real PostgreSQL server
// (`tst_journal_postgres`: the same binary with `-engine postgres`), see journalengine.h.
// A body about a SQLite file's own properties (permissions, WAL bytes) is skipped on PostgreSQL.

#include "../support/journallookup.h"
#include "checkoutstates.h"
#include "core/clock.h"
#include "journalengine.h"
#include "storage/orderjournal.h"
#include "storage/pii.h"
#include "storage/privatefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstdio>
#include <limits>
#include <vector>

using fd::CheckoutState;
using fd::Intent;
using fd::LeaseResult;
using fd::OrderJournal;
using fd::ProviderStatus;
using fd::WebhookResult;
namespace state = fd::state;
using namespace std::chrono_literals;

namespace fd {
inline char *toString(WebhookResult r) {
    return qstrdup(QByteArray::number(int(r)).constData());
}
inline char *toString(LeaseResult r) {
    return qstrdup(r == LeaseResult::Granted ? "Granted" : "Refused");
}
} // namespace fd

// Shared by the suite's two source files.
namespace journaltest {

inline const QDateTime kT0(QDate(2026, 12, 1), QTime(10, 0, 0), Qt::UTC);
inline constexpr char kPassport[] = "A12345678";
inline constexpr char kBirthDate[] = "1988-04-17";
inline constexpr char kTicketNumber[] = "1259876543210";

inline QJsonArray passengers() {
    const QByteArray json = R"([{"id": "pas_1", "title": "mr", "given_name": "Adebayo",
        "family_name": "Okafor", "born_on": "1988-04-17", "gender": "m",
        "email": "a.okafor@example.com", "phone_number": "+2348012345678",
        "identity_documents": [{"type": "passport", "unique_identifier": "A12345678",
                                "issuing_country_code": "NG", "expires_on": "2031-05-02"}]}])";
    return QJsonDocument::fromJson(json).array();
}

inline QJsonObject offer(const QString &id = QStringLiteral("off_0001")) {
    return {{QStringLiteral("id"), id}, {QStringLiteral("total_amount"), QStringLiteral("412.30")}};
}

inline QByteArray body(const QJsonArray &pax = passengers()) {
    const QJsonObject data{
        {QStringLiteral("selected_offers"), QJsonArray{QStringLiteral("off_0001")}},
        {QStringLiteral("passengers"), pax}};
    return QJsonDocument(QJsonObject{{QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

inline bool isUuidV4(const QString &s) {
    static const QRegularExpression re(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    return re.match(s).hasMatch();
}

// Child mode of this executable, for the cross-process lease race (tst_journal_sharing.cpp).
int leaseChild(int argc, char **argv);

} // namespace journaltest
using namespace journaltest;

class TestJournal final : public QObject {
    Q_OBJECT

public:
    explicit TestJournal(fd::test::JournalEngine::Kind kind)
        : m_engine(kind) {}

private:
    fd::test::JournalEngine m_engine;
    QByteArray m_function; // the test function m_path belongs to (data rows share it)
    QString m_path;        // the journal's location: a file path or a postgresql:// URL
    fd::ManualClock m_clock{kT0};
    std::unique_ptr<OrderJournal> m_journal;

    OrderJournal &j() { return *m_journal; }
    bool pg() const { return m_engine.isPostgres(); }
    // Another journal on the same location, as a second connection or desk opens it.
    OrderJournal::Status openOther(OrderJournal &other) { return m_engine.open(other, m_path); }
    Intent newIntent(const QString &provider = QStringLiteral("travelbase")) {
        auto r = j().createIntent(QStringLiteral("off_0001"), offer(), passengers(), provider);
        if (!r)
            qFatal("createIntent: %s", qPrintable(r.error().message));
        return r.value();
    }
    Intent reload(qint64 id) { return j().intent(id).value(); }

private Q_SLOTS:
    void initTestCase() {
        QString skip;
        QString error;
        QVERIFY2(m_engine.setUp(&skip, &error), qPrintable(error));
        if (!skip.isEmpty())
            QSKIP(qPrintable(skip));
        qInfo("journal engine: %s", m_engine.name());
    }
    void cleanupTestCase() { m_engine.tearDown(); }
    void init() {
        if (m_function != QTest::currentTestFunction()) {
            m_function = QTest::currentTestFunction();
            m_path = m_engine.freshLocation(QString::fromLatin1(m_function));
            QVERIFY(!m_path.isEmpty());
        }
        m_journal = std::make_unique<OrderJournal>(&m_clock);
        const auto opened = m_engine.open(*m_journal, m_path);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    }
    void cleanup() { m_journal.reset(); }

    // The contract (tst_journal.cpp).
    void createIntentMintsKeyFirst();
    void editsBeforeFreezeKeepTheKey();
    void freezeRules();
    void frozenBodyIsByteIdentical_data();
    void frozenBodyIsByteIdentical();
    void createResponseAndTicketKey();
    void statesOutcomeAndEvents();
    void piiErasedOnceFinal();
    void piiErasedForLargeBodies();
    void webhookEventsInPayloadAreErased();
    void webhookUniquenessAndOrder();
    void webhookForUnknownOrderIsKeptAndMatchedLater();
    void earlyTicketedWebhookBringsItsETickets();
    void supersedeMintsANewKey();
    void erasePiiIsPrecise_data();
    void erasePiiIsPrecise();
    void orderIdUniquePerProvider();
    void notOpenIsAnError();
    void pagesCountAndStream();
    void streamsAcrossPageBoundaries();
    void noWebhookMovesAnIntentBackwards_data();
    void noWebhookMovesAnIntentBackwards();
    void outcomesNotShownUntilMarked();
    void cancellationKeyIsStoredWithTheQuote();
    void cancellationConfirmedIsFinishedNeverRequoted();
    void cancellationEventFirstClosesItOnce();

    // The schedule-change queue (tst_journal_schedule.cpp).
    void scheduleChangeIsQueuedOncePerVersion();
    void scheduleChangeWithoutNewTimesIsNotQueued();
    void scheduleQueueSurvivesReopenAndAcknowledgesOnce();
    void scheduleChangeOfAnUnknownOrderIsIgnored();

    // Sharing one journal: connections, threads, processes, desks, the file itself
    // (tst_journal_sharing.cpp).
    void leaseAcrossTwoConnections();
    void leaseOfAKilledProcessIsVoidAtOnce();
    void leaseFromAnotherThread();
    void leaseRaceAcrossProcesses();
    void twoDesksOnOneJournal();
    void newJournalIsOwnerOnly();
    void existingLooseJournalIsTightenedAndSaysSoOnce();
};
