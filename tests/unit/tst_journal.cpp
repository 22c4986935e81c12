// The order journal's contract: intents, freezing, erasure, webhooks, supersede, leases, paging.
// The same bodies run against SQLite (`tst_journal`) and a real PostgreSQL server
// (`tst_journal_postgres`: this binary with `-engine postgres`), see journalengine.h. A body
// about a SQLite file's own properties (permissions, WAL bytes) is skipped on PostgreSQL.

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

#include <sys/stat.h>

using fd::CheckoutState;
using fd::Intent;
using fd::LeaseResult;
using fd::OrderJournal;
using fd::ProviderStatus;
using fd::WebhookResult;
namespace state = fd::state;
using namespace std::chrono_literals;

namespace fd {
char *toString(WebhookResult r) {
    return qstrdup(QByteArray::number(int(r)).constData());
}
char *toString(LeaseResult r) {
    return qstrdup(r == LeaseResult::Granted ? "Granted" : "Refused");
}
} // namespace fd

namespace {

const QDateTime kT0(QDate(2026, 12, 1), QTime(10, 0, 0), Qt::UTC);
const char kPassport[] = "A12345678";
const char kBirthDate[] = "1988-04-17";
const char kTicketNumber[] = "1259876543210";

QJsonArray passengers() {
    const QByteArray json = R"([{"id": "pas_1", "title": "mr", "given_name": "Adebayo",
        "family_name": "Okafor", "born_on": "1988-04-17", "gender": "m",
        "email": "a.okafor@example.com", "phone_number": "+2348012345678",
        "identity_documents": [{"type": "passport", "unique_identifier": "A12345678",
                                "issuing_country_code": "NG", "expires_on": "2031-05-02"}]}])";
    return QJsonDocument::fromJson(json).array();
}

QJsonObject offer(const QString &id = QStringLiteral("off_0001")) {
    return {{QStringLiteral("id"), id}, {QStringLiteral("total_amount"), QStringLiteral("412.30")}};
}

QByteArray body(const QJsonArray &pax = passengers()) {
    const QJsonObject data{
        {QStringLiteral("selected_offers"), QJsonArray{QStringLiteral("off_0001")}},
        {QStringLiteral("passengers"), pax}};
    return QJsonDocument(QJsonObject{{QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

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

bool isUuidV4(const QString &s) {
    static const QRegularExpression re(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    return re.match(s).hasMatch();
}

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

} // namespace

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

    void createIntentMintsKeyFirst() {
        const Intent i = newIntent();
        QVERIFY(i.id > 0);
        QVERIFY2(isUuidV4(i.idempotencyKey), qPrintable(i.idempotencyKey));
        QVERIFY(i.supersededKey.isEmpty());
        QCOMPARE(i.state, CheckoutState::Draft);
        QCOMPARE(i.offerId, QStringLiteral("off_0001"));
        QCOMPARE(i.passengers, passengers());
        QVERIFY(!i.isFrozen());
        QCOMPARE(i.createdAt, kT0);
        QCOMPARE(newIntent().idempotencyKey == i.idempotencyKey, false);
        // Durable before any network call: a second journal on the file sees it at once.
        OrderJournal other;
        QVERIFY(openOther(other).ok());
        QCOMPARE(fd::test::intentByKey(other, i.idempotencyKey)->id, i.id);
        QVERIFY(!fd::test::intentByKey(other, QStringLiteral("nope")).has_value());
    }

    void editsBeforeFreezeKeepTheKey() {
        const Intent i = newIntent();
        QJsonArray pax = passengers();
        QJsonObject p = pax.at(0).toObject();
        p.insert(QStringLiteral("given_name"), QStringLiteral("Ade"));
        pax.replace(0, p);
        m_clock.advance(1000);
        QVERIFY(j().updatePassengers(i.id, pax).ok());
        QVERIFY(j().updateOffer(i.id, QStringLiteral("off_0002"), offer(QStringLiteral("off_0002")))
                    .ok());
        const Intent after = reload(i.id);
        QCOMPARE(after.idempotencyKey, i.idempotencyKey);
        QCOMPARE(after.passengers, pax);
        QCOMPARE(after.offerId, QStringLiteral("off_0002"));
        QCOMPARE(after.updatedAt, kT0.addMSecs(1000));
    }

    void freezeRules() {
        const Intent i = newIntent();
        QVERIFY(!j().freezeBody(i.id, {}).ok());
        const QByteArray sent = body();
        QVERIFY(j().freezeBody(i.id, sent).ok());
        QCOMPARE(reload(i.id).requestBody, std::optional(sent));
        QVERIFY(j().freezeBody(i.id, sent).ok()); // the same bytes again: a retry
        const auto changed = j().freezeBody(i.id, sent + " ");
        QVERIFY(!changed.ok());
        QCOMPARE(changed.error().code, QStringLiteral("FD_JOURNAL_FROZEN"));
        QCOMPARE(j().updatePassengers(i.id, {}).error().code, QStringLiteral("FD_JOURNAL_FROZEN"));
        QCOMPARE(j().updateOffer(i.id, QStringLiteral("x"), {}).error().code,
                 QStringLiteral("FD_JOURNAL_FROZEN"));
        QCOMPARE(reload(i.id).requestBody, std::optional(sent));
        QCOMPARE(reload(i.id).passengers, passengers());
        QCOMPARE(j().freezeBody(424242, sent).error().code, QStringLiteral("FD_JOURNAL_NOT_FOUND"));
    }

    void createResponseAndTicketKey() {
        const Intent i = newIntent();
        QVERIFY(
            j().recordCreateResponse(i.id, QStringLiteral("ord_1"), QStringLiteral("RZPVAB")).ok());
        QVERIFY(
            j().recordCreateResponse(i.id, QStringLiteral("ord_1"), QStringLiteral("RZPVAB")).ok());
        QCOMPARE(j().recordCreateResponse(i.id, QStringLiteral("ord_2"), {}).error().code,
                 QStringLiteral("FD_JOURNAL_CONFLICT"));
        const Intent other = newIntent();
        QCOMPARE(j().recordCreateResponse(other.id, QStringLiteral("ord_1"), {}).error().code,
                 QStringLiteral("FD_JOURNAL_CONFLICT"));
        QCOMPARE(fd::test::intentByOrderId(j(), QStringLiteral("ord_1"))->bookingReference,
                 QStringLiteral("RZPVAB"));
        const QString key = j().recordTicketKey(i.id).value();
        QVERIFY(isUuidV4(key));
        QVERIFY(key != i.idempotencyKey);
        QCOMPARE(j().recordTicketKey(i.id).value(), key);
        QCOMPARE(reload(i.id).ticketKey, key);
    }

    void statesOutcomeAndEvents() {
        const Intent i = newIntent();
        QVERIFY(j().setState(i.id, CheckoutState::Creating).ok());
        QVERIFY(j().recordAttempt(i.id, {{QStringLiteral("status"), 503}}).ok());
        QVERIFY(j().addNote(i.id, QStringLiteral("agent called")).ok());
        QVERIFY(j().setState(i.id, CheckoutState::Failed).ok());
        QVERIFY(
            j().setOutcome(i.id, CheckoutState::Failed, QStringLiteral("airline_rejected")).ok());
        const auto back = j().setState(i.id, CheckoutState::Creating);
        QCOMPARE(back.error().code, QStringLiteral("FD_JOURNAL_FINAL"));
        const Intent after = reload(i.id);
        QCOMPARE(after.state, CheckoutState::Failed);
        QCOMPARE(after.outcomeMessage, QStringLiteral("airline_rejected"));
        const auto events = j().events(i.id).value();
        QCOMPARE(events.size(), 5); // draft, creating, attempt, note, failed
        QCOMPARE(events.at(2).kind, fd::JournalEvent::Kind::Attempt);
        QCOMPARE(events.at(2).detail.value(QStringLiteral("status")).toInt(), 503);
        QCOMPARE(events.at(4).detail.value(QStringLiteral("to")).toString(),
                 QStringLiteral("failed"));
        QCOMPARE(j().unfinished().value().size(), 0);
        const Intent open = newIntent();
        QCOMPARE(j().unfinished().value().size(), 1);
        QCOMPARE(j().unfinished().value().at(0).id, open.id);
        QCOMPARE(j().all().value().size(), 2);
        QCOMPARE(j().all().value().at(0).id, open.id); // newest first
    }

    void piiErasedOnceFinal() {
        const Intent i = newIntent();
        QVERIFY(j().freezeBody(i.id, body()).ok());
        QVERIFY(
            j().recordCreateResponse(i.id, QStringLiteral("ord_9"), QStringLiteral("ABCDEF")).ok());
        QVERIFY(j().setState(i.id, CheckoutState::Processing).ok());
        QVERIFY(m_engine.stored(kPassport)); // the check below can see the data
        QVERIFY(m_engine.stored(kBirthDate));
        const QJsonArray tickets{
            QJsonObject{{QStringLiteral("type"), QStringLiteral("electronic_ticket")},
                        {QStringLiteral("unique_identifier"), QLatin1String(kTicketNumber)}}};
        QCOMPARE(j().applyWebhook(QStringLiteral("evt_t"), QStringLiteral("ord_9"),
                                  ProviderStatus::Ticketed, {}, tickets)
                     .value(),
                 WebhookResult::Applied);

        const Intent after = reload(i.id);
        const QJsonObject p = after.passengers.at(0).toObject();
        QCOMPARE(p.value(QStringLiteral("born_on")).toString(), QString());
        QCOMPARE(p.value(QStringLiteral("identity_documents"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("unique_identifier"))
                     .toString(),
                 QString());
        QCOMPARE(p.value(QStringLiteral("given_name")).toString(), QStringLiteral("Adebayo"));
        QCOMPARE(p.value(QStringLiteral("identity_documents"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("expires_on"))
                     .toString(),
                 QStringLiteral("2031-05-02"));
        QVERIFY(after.requestBody.has_value());
        QVERIFY(!after.requestBody->contains(kPassport));
        QVERIFY(!after.requestBody->contains(kBirthDate));
        QVERIFY(after.requestBody->contains("Okafor"));
        QCOMPARE(after.eTickets, tickets); // ticket numbers are not PII to erase
        QCOMPARE(after.idempotencyKey, i.idempotencyKey);

        // Not on disk (SQLite: the file, -wal and -shm), not in any row (PostgreSQL: raw SQL).
        QVERIFY2(!m_engine.stored(kPassport), "passport number still stored");
        QVERIFY2(!m_engine.stored(kBirthDate), "birth date still stored");
        QVERIFY(m_engine.stored("Okafor"));
        m_journal.reset(); // and after the last connection closes
        QVERIFY(!m_engine.stored(kPassport) && !m_engine.stored(kBirthDate));
    }

    void piiErasedForLargeBodies() {
        // Many passengers push the row onto overflow pages, which must be wiped too.
        QJsonArray pax;
        for (int n = 0; n < 9; ++n) {
            QJsonObject p = passengers().at(0).toObject();
            p.insert(QStringLiteral("id"), QStringLiteral("pas_%1").arg(n));
            p.insert(QStringLiteral("notes"), QString(600, QLatin1Char('n')));
            pax.append(p);
        }
        auto r = j().createIntent(QStringLiteral("off_0001"), offer(), pax);
        QVERIFY(r.ok());
        QVERIFY(j().freezeBody(r->id, body(pax)).ok());
        QVERIFY(j().setState(r->id, CheckoutState::OfferUnavailable).ok());
        QVERIFY(!m_engine.stored(kPassport));
        QVERIFY(!m_engine.stored(kBirthDate));
    }

    void webhookEventsInPayloadAreErased() {
        const Intent i = newIntent();
        QVERIFY(j().recordCreateResponse(i.id, QStringLiteral("ord_5"), {}).ok());
        const QJsonObject payload{
            {QStringLiteral("id"), QStringLiteral("evt_p")},
            {QStringLiteral("data"),
             QJsonObject{{QStringLiteral("object"),
                          QJsonObject{{QStringLiteral("passengers"), passengers()}}}}}};
        QCOMPARE(j().applyWebhook(QStringLiteral("evt_p"), QStringLiteral("ord_5"),
                                  ProviderStatus::InProgress, payload)
                     .value(),
                 WebhookResult::Applied);
        QByteArray stored;
        const auto events = j().events(i.id).value();
        for (const auto &e : events) {
            if (e.webhookEventId == QLatin1String("evt_p"))
                stored = QJsonDocument(e.detail).toJson();
        }
        QVERIFY(stored.contains("Adebayo"));
        QVERIFY(!stored.contains(kPassport));
        QVERIFY(!stored.contains(kBirthDate));
    }

    void webhookUniquenessAndOrder() {
        const Intent i = newIntent();
        QVERIFY(j().recordCreateResponse(i.id, QStringLiteral("ord_1"), {}).ok());
        QVERIFY(j().setState(i.id, CheckoutState::Creating).ok());
        const auto apply = [&](const char *evt, const char *status) {
            return j()
                .applyWebhook(QLatin1String(evt), QStringLiteral("ord_1"),
                              state::providerStatusNamed(QLatin1String(status)), {})
                .value();
        };
        QCOMPARE(apply("evt_1", "in_progress"), WebhookResult::Applied);
        QCOMPARE(apply("evt_1", "in_progress"), WebhookResult::Duplicate);
        QCOMPARE(apply("evt_0", "pending"), WebhookResult::Recorded); // late, unordered
        // The provider's word has its own field; the checkout keeps its own state.
        QCOMPARE(reload(i.id).state, CheckoutState::Creating);
        QCOMPARE(reload(i.id).providerStatus, std::optional(ProviderStatus::InProgress));
        QCOMPARE(apply("evt_2", "ticketed"), WebhookResult::Applied);
        QCOMPARE(apply("evt_3", "pending"), WebhookResult::Recorded);
        QCOMPARE(apply("evt_4", "in_progress"), WebhookResult::Recorded);
        QCOMPARE(apply("evt_5", "failed"), WebhookResult::Recorded); // same rank: no flip
        QCOMPARE(apply("evt_6", "schedule_changed"), WebhookResult::Recorded);
        QCOMPARE(apply("evt_2", "ticketed"), WebhookResult::Duplicate);
        QCOMPARE(reload(i.id).state, CheckoutState::Ticketed);
        QCOMPARE(apply("evt_7", "cancelled"), WebhookResult::Applied);
        QCOMPARE(reload(i.id).state, CheckoutState::Cancelled);
        int webhooks = 0;
        const auto events = j().events(i.id).value();
        for (const auto &e : events)
            webhooks += e.kind == fd::JournalEvent::Kind::Webhook ? 1 : 0;
        QCOMPARE(webhooks, 8);
        QVERIFY(!j().applyWebhook({}, QStringLiteral("ord_1"), ProviderStatus::Ticketed, {}).ok());
    }

    void webhookForUnknownOrderIsKeptAndMatchedLater() {
        QCOMPARE(j().applyWebhook(QStringLiteral("evt_x"), QStringLiteral("ord_elsewhere"),
                                  ProviderStatus::Ticketed, {})
                     .value(),
                 WebhookResult::UnknownOrder);
        QCOMPARE(j().applyWebhook(QStringLiteral("evt_x"), QStringLiteral("ord_elsewhere"),
                                  ProviderStatus::Ticketed, {})
                     .value(),
                 WebhookResult::Duplicate);
        const Intent i = newIntent();
        QCOMPARE(reload(i.id).state, CheckoutState::Draft); // nothing touched
        // The event arrived before our create response: matched when the order id is known.
        QCOMPARE(j().applyWebhook(QStringLiteral("evt_early"), QStringLiteral("ord_mine"),
                                  ProviderStatus::InProgress, {})
                     .value(),
                 WebhookResult::UnknownOrder);
        QCOMPARE(j().applyWebhook(QStringLiteral("evt_early2"), QStringLiteral("ord_mine"),
                                  ProviderStatus::Pending, {})
                     .value(),
                 WebhookResult::UnknownOrder);
        QVERIFY(j().freezeBody(i.id, body()).ok());
        QVERIFY(j().recordCreateResponse(i.id, QStringLiteral("ord_mine"), QStringLiteral("QWERTY"))
                    .ok());
        QCOMPARE(reload(i.id).state, CheckoutState::Draft);
        QCOMPARE(reload(i.id).providerStatus, std::optional(ProviderStatus::InProgress));
        QCOMPARE(j().applyWebhook(QStringLiteral("evt_late"), QStringLiteral("ord_mine"),
                                  ProviderStatus::Ticketed, {})
                     .value(),
                 WebhookResult::Applied);
        QVERIFY(!m_engine.stored(kPassport));
    }

    void earlyTicketedWebhookBringsItsETickets() {
        const QJsonObject ticket{
            {QStringLiteral("type"), QStringLiteral("electronic_ticket")},
            {QStringLiteral("unique_identifier"), QStringLiteral("1259876543210")},
            {QStringLiteral("passenger_id"), QStringLiteral("pas_1")}};
        const QJsonObject event{
            {QStringLiteral("id"), QStringLiteral("evt_t")},
            {QStringLiteral("type"), QStringLiteral("order.ticketed")},
            {QStringLiteral("data"),
             QJsonObject{{QStringLiteral("object"),
                          QJsonObject{{QStringLiteral("id"), QStringLiteral("ord_fast")},
                                      {QStringLiteral("status"), QStringLiteral("ticketed")},
                                      {QStringLiteral("documents"), QJsonArray{ticket}}}}}}};
        QCOMPARE(j().applyWebhook(QStringLiteral("evt_t"), QStringLiteral("ord_fast"),
                                  ProviderStatus::Ticketed, event)
                     .value(),
                 WebhookResult::UnknownOrder);
        const Intent i = newIntent();
        QVERIFY(j().freezeBody(i.id, body()).ok());
        QVERIFY(j().recordCreateResponse(i.id, QStringLiteral("ord_fast"), QStringLiteral("ABCDEF"))
                    .ok());
        const Intent after = reload(i.id);
        QCOMPARE(after.state, CheckoutState::Ticketed);
        QCOMPARE(after.eTickets.size(), 1);
        QCOMPARE(
            after.eTickets.first().toObject().value(QStringLiteral("unique_identifier")).toString(),
            QStringLiteral("1259876543210"));
    }

    void supersedeMintsANewKey() {
        const Intent old = newIntent();
        QVERIFY(j().freezeBody(old.id, body()).ok());
        QVERIFY(j().setOutcome(old.id, CheckoutState::Rejected,
                               QStringLiteral("TB_IDEMPOTENCY_KEY_REUSED"))
                    .ok());
        const auto r = j().supersede(old.id);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        const Intent &next = r.value();
        QVERIFY(next.id != old.id);
        QVERIFY(isUuidV4(next.idempotencyKey));
        QVERIFY(next.idempotencyKey != old.idempotencyKey);
        QCOMPARE(next.supersededKey, old.idempotencyKey);
        QCOMPARE(next.passengers, passengers()); // copied before the old row was erased
        QCOMPARE(next.offerId, old.offerId);
        QVERIFY(!next.isFrozen());
        QCOMPARE(next.state, CheckoutState::Draft);
        const Intent oldAfter = reload(old.id);
        QCOMPARE(oldAfter.state, CheckoutState::Superseded);
        QCOMPARE(oldAfter.idempotencyKey, old.idempotencyKey);
        QVERIFY(!oldAfter.requestBody->contains(kPassport));
        QCOMPARE(j().supersede(old.id).error().code, QStringLiteral("FD_JOURNAL_FINAL"));
        // An intent with an order must never be booked again.
        QVERIFY(j().recordCreateResponse(next.id, QStringLiteral("ord_s"), {}).ok());
        QCOMPARE(j().supersede(next.id).error().code, QStringLiteral("FD_JOURNAL_HAS_ORDER"));
        const Intent gone = newIntent();
        QVERIFY(j().setState(gone.id, CheckoutState::OfferUnavailable).ok());
        QVERIFY(!j().supersede(gone.id).ok());
    }

    void erasePiiIsPrecise_data() {
        QTest::addColumn<QByteArray>("in");
        QTest::addColumn<QByteArray>("out");
        QTest::newRow("nested") << QByteArray(R"({"a":{"born_on":"1990-01-01","x":1}})")
                                << QByteArray(R"({"a":{"born_on":"","x":1}})");
        QTest::newRow("identity documents")
            << QByteArray(
                   R"([{"identity_documents":[{"unique_identifier":"P1","type":"passport"}]}])")
            << QByteArray(
                   R"([{"identity_documents":[{"type":"passport","unique_identifier":""}]}])");
        QTest::newRow("ticket documents untouched")
            << QByteArray(R"({"documents":[{"unique_identifier":"125"}]})")
            << QByteArray(R"({"documents":[{"unique_identifier":"125"}]})");
        QTest::newRow("non-string born_on")
            << QByteArray(R"({"born_on":19900101})") << QByteArray(R"({"born_on":""})");
    }

    void erasePiiIsPrecise() {
        QFETCH(QByteArray, in);
        QFETCH(QByteArray, out);
        QCOMPARE(QJsonDocument::fromJson(fd::erasePiiJson(in).value()),
                 QJsonDocument::fromJson(out));
        QVERIFY(!fd::erasePiiJson("{not json").has_value());
    }

    void leaseAcrossTwoConnections() {
        const Intent i = newIntent();
        OrderJournal other(&m_clock);
        QVERIFY(openOther(other).ok());
        QCOMPARE(j().acquireLease(i.id, QStringLiteral("A"), kT0, 30s).value(),
                 LeaseResult::Granted);
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

    void leaseOfAKilledProcessIsVoidAtOnce() {
        const Intent i = newIntent();
        QProcess alive;
        alive.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(alive.waitForStarted());
        QProcess dead;
        dead.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(dead.waitForStarted());
        const auto ownerOf = [](const QProcess &p) {
            return QStringLiteral("%1/%2-0123abcd")
                .arg(QSysInfo::machineHostName())
                .arg(p.processId());
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

    void leaseFromAnotherThread() {
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

    void leaseRaceAcrossProcesses() {
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
                     {QStringLiteral("--lease-child"), m_path, go,
                      QStringLiteral("owner-%1").arg(c), idList.join(QLatin1Char(','))});
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

    // Schema v7: an order id is the provider's, so two providers may both say `ord_0001`;
    // one provider saying it twice is a conflict, and a webhook moves only its provider's order.
    void orderIdUniquePerProvider() {
        const QString order = QStringLiteral("ord_0001");
        const QString tmx = QStringLiteral("travomatrix");
        const Intent tb = newIntent(QStringLiteral("travelbase"));
        const Intent tm = newIntent(tmx);
        QCOMPARE(tm.provider, tmx);
        QVERIFY(j().freezeBody(tb.id, body()).ok());
        QVERIFY(j().freezeBody(tm.id, body()).ok());
        QVERIFY(j().recordCreateResponse(tb.id, order, QStringLiteral("TBREF1")).ok());
        QVERIFY(j().recordCreateResponse(tm.id, order, QStringLiteral("TMREF1")).ok());
        QVERIFY(j().setState(tb.id, CheckoutState::Processing).ok());
        QVERIFY(j().setState(tm.id, CheckoutState::Processing).ok());

        const Intent again = newIntent(QStringLiteral("travelbase"));
        const auto dup = j().recordCreateResponse(again.id, order, QStringLiteral("TBREF2"));
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().code, QStringLiteral("FD_JOURNAL_CONFLICT"));
        QVERIFY(reload(again.id).orderId.isEmpty());
        QVERIFY(reload(again.id).bookingReference.isEmpty());
        QCOMPARE(reload(tb.id).bookingReference, QStringLiteral("TBREF1")); // not overwritten

        const QJsonArray tickets{
            QJsonObject{{QStringLiteral("type"), QStringLiteral("electronic_ticket")},
                        {QStringLiteral("unique_identifier"), QLatin1String(kTicketNumber)}}};
        QCOMPARE(j().applyWebhook(QStringLiteral("evt_tmx_1"), order, ProviderStatus::Ticketed, {},
                                  tickets, tmx)
                     .value(),
                 WebhookResult::Applied);
        const Intent tmAfter = reload(tm.id);
        QCOMPARE(tmAfter.state, CheckoutState::Ticketed);
        QCOMPARE(tmAfter.eTickets, tickets);
        const Intent tbAfter = reload(tb.id);
        QCOMPARE(tbAfter.state, CheckoutState::Processing); // travelbase's ord_0001: untouched
        QCOMPARE(tbAfter.providerStatus, std::nullopt);
        QVERIFY(tbAfter.eTickets.isEmpty());
        QCOMPARE(reload(again.id).state, CheckoutState::Draft);
        // And the other way round: travelbase's event reaches travelbase's intent only.
        QCOMPARE(j().applyWebhook(QStringLiteral("evt_tb_1"), order, ProviderStatus::InProgress, {},
                                  {}, QStringLiteral("travelbase"))
                     .value(),
                 WebhookResult::Applied);
        QCOMPARE(reload(tb.id).providerStatus, std::optional(ProviderStatus::InProgress));
        QCOMPARE(reload(tm.id).state, CheckoutState::Ticketed);
        // A provider nobody booked with has no such order.
        QCOMPARE(j().applyWebhook(QStringLiteral("evt_x_1"), order, ProviderStatus::Ticketed, {},
                                  {}, QStringLiteral("elsewhere"))
                     .value(),
                 WebhookResult::UnknownOrder);
        QCOMPARE(reload(tb.id).state, CheckoutState::Processing);
    }

    // An agency: two desks (two journals, two owners) on one location. Each sees the other's
    // intents; a lease one holds is the other's only once it has run out by the `now` given.
    void twoDesksOnOneJournal() {
        const QString ownerA = QStringLiteral("desk-a.agency/4242-0a0a0a0a");
        const QString ownerB = QStringLiteral("desk-b.agency/4343-0b0b0b0b");
        fd::ManualClock clockB{kT0.addSecs(5)};
        OrderJournal &deskA = j();
        OrderJournal deskB(&clockB);
        QVERIFY(openOther(deskB).ok());
        const Intent a = newIntent();
        const auto b = deskB.createIntent(QStringLiteral("off_0002"),
                                          offer(QStringLiteral("off_0002")), passengers());
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
        QCOMPARE(deskB.acquireLease(a.id, ownerB, kT0.addSecs(1), 30s).value(),
                 LeaseResult::Refused);
        QCOMPARE(deskB.acquireLease(a.id, ownerB, kT0.addSecs(29), 30s).value(),
                 LeaseResult::Refused);
        QCOMPARE(deskB.renewLease(a.id, ownerB, kT0.addSecs(29), 30s).value(),
                 LeaseResult::Refused);
        QCOMPARE(deskB.intent(a.id)->leaseOwner, ownerA);
        // Meanwhile B leases its own intent; A cannot take that one either.
        QCOMPARE(deskB.acquireLease(b->id, ownerB, kT0, 300s).value(), LeaseResult::Granted);
        QCOMPARE(deskA.acquireLease(b->id, ownerA, kT0.addSecs(31), 30s).value(),
                 LeaseResult::Refused);
        // A's lease ran out at +30 s (A did not renew): B takes it, and A's renewal is refused.
        QCOMPARE(deskB.acquireLease(a.id, ownerB, kT0.addSecs(30), 30s).value(),
                 LeaseResult::Granted);
        QCOMPARE(deskA.renewLease(a.id, ownerA, kT0.addSecs(31), 30s).value(),
                 LeaseResult::Refused);
        QCOMPARE(deskA.acquireLease(a.id, ownerA, kT0.addSecs(31), 30s).value(),
                 LeaseResult::Refused);
        QCOMPARE(deskA.intent(a.id)->leaseOwner, ownerB);
        QCOMPARE(deskA.intent(a.id)->leaseExpiresAt, kT0.addSecs(60));
        QVERIFY(deskA.releaseLease(a.id, ownerA).ok()); // not A's: no effect
        QCOMPARE(deskB.intent(a.id)->leaseOwner, ownerB);
        QVERIFY(deskB.releaseLease(a.id, ownerB).ok());
        QCOMPARE(deskA.acquireLease(a.id, ownerA, kT0.addSecs(32), 30s).value(),
                 LeaseResult::Granted);
    }

    // Passenger names, e-mails, phones and (until final) passports live in these files.
    void newJournalIsOwnerOnly() {
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

    void existingLooseJournalIsTightenedAndSaysSoOnce() {
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
                                                               QFile::ReadGroup |
                                                               QFile::ReadOther));
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

    void notOpenIsAnError() {
        OrderJournal closed;
        QCOMPARE(closed.createIntent(QStringLiteral("o"), {}, {}).error().code,
                 QStringLiteral("FD_JOURNAL_NOT_OPEN"));
        QVERIFY(!closed.all().ok());
    }

    // Issue 12: the window and `orders` read the journal a page at a time, newest first.
    void pagesCountAndStream() {
        // Empty: no rows, no next page, nothing visited.
        QCOMPARE(j().count().value(), 0);
        const auto empty = j().page(0, 3).value();
        QVERIFY(empty.intents.isEmpty());
        QCOMPARE(empty.nextBeforeId, 0);
        int visits = 0;
        QVERIFY(j().forEachIntent([&](const Intent &) { return ++visits, true; }));
        QCOMPARE(visits, 0);
        QVERIFY(!j().page(0, 0).ok()); // a page has a size

        // 7 intents; pages of 3 are 3, 3, 1, each continuing exactly below the last.
        QList<qint64> ids; // newest first
        for (int n = 0; n < 7; ++n)
            ids.prepend(newIntent().id);
        QCOMPARE(j().count().value(), 7);
        QList<qint64> paged;
        QList<qsizetype> sizes;
        qint64 before = 0;
        do {
            const auto p = j().page(before, 3);
            QVERIFY(p);
            sizes << p->intents.size();
            for (const Intent &i : p->intents)
                paged << i.id;
            before = p->nextBeforeId;
        } while (before > 0);
        QCOMPARE(paged, ids);
        QCOMPARE(sizes, (QList<qsizetype>{3, 3, 1}));
        // A page that ends exactly at the oldest says there is no more.
        const auto last = j().page(ids.at(5), 2).value();
        QCOMPARE(last.intents.size(), 1);
        QCOMPARE(last.intents.first().id, ids.at(6));
        QCOMPARE(last.nextBeforeId, 0);
        const auto exact = j().page(0, 7).value();
        QCOMPARE(exact.intents.size(), 7);
        QCOMPARE(exact.nextBeforeId, 0);
        // Rows are whole intents, as intent() reads them.
        QCOMPARE(exact.intents.first().idempotencyKey, j().intent(ids.first())->idempotencyKey);

        // An intent added between pages does not shift the pages still to read.
        const auto first = j().page(0, 3).value();
        const Intent added = newIntent();
        const auto second = j().page(first.nextBeforeId, 3).value();
        QCOMPARE(second.intents.first().id, ids.at(3));
        QCOMPARE(j().page(0, 1)->intents.first().id, added.id);
        ids.prepend(added.id);

        // Streaming visits every intent newest first, across more than one stream page.
        QList<qint64> streamed;
        QVERIFY(j().forEachIntent([&](const Intent &i) { return streamed << i.id, true; }));
        QCOMPARE(streamed, ids);
        streamed.clear();
        QVERIFY(j().forEachIntent([&](const Intent &i) {
            streamed << i.id;
            return streamed.size() < 2; // stop early: not an error
        }));
        QCOMPARE(streamed, ids.mid(0, 2));

        OrderJournal closed;
        QVERIFY(!closed.page(0, 10).ok());
        QVERIFY(!closed.count().ok());
        QVERIFY(!closed.forEachIntent([](const Intent &) { return true; }).ok());
    }

    void streamsAcrossPageBoundaries() {
        // kStreamPage + 1 intents: the stream reads two pages and misses none.
        const int n = OrderJournal::kStreamPage + 1;
        for (int k = 0; k < n; ++k)
            newIntent();
        qint64 previous = std::numeric_limits<qint64>::max();
        int visits = 0;
        QVERIFY(j().forEachIntent([&](const Intent &i) {
            if (i.id >= previous)
                return false;
            previous = i.id;
            return ++visits, true;
        }));
        QCOMPARE(visits, n);
        QCOMPARE(j().count().value(), n);
    }

    // Issue 9.6: a signed `pending` once moved an intent from `processing` back to `pending`.
    // Every checkout state against every status a webhook can carry: the checkout never moves
    // to a lower rank and closes only on an outcome that ranks higher (a failure waits for a
    // read); the provider status, its own field, only ever rises.
    void noWebhookMovesAnIntentBackwards_data() {
        QTest::addColumn<CheckoutState>("from");
        QTest::addColumn<ProviderStatus>("status");
        for (const CheckoutState from : state::all())
            for (const ProviderStatus status : state::allProviderStatuses())
                QTest::addRow("%s <- %s", state::name(from).data(), state::name(status).data())
                    << from << status;
    }
    void noWebhookMovesAnIntentBackwards() {
        QFETCH(CheckoutState, from);
        QFETCH(ProviderStatus, status);
        const QString order =
            QStringLiteral("ord_%1_%2").arg(state::name(from), state::name(status));
        const QString earlyOrder = order + QStringLiteral("_early");
        const Intent i = newIntent();
        QVERIFY(j().freezeBody(i.id, body()).ok());
        QVERIFY(j().recordCreateResponse(i.id, order, {}).ok());
        if (from != CheckoutState::Draft)
            QVERIFY(j().setState(i.id, from).ok());
        QVERIFY(j().recordProviderStatus(i.id, ProviderStatus::InProgress).ok());
        QCOMPARE(reload(i.id).state, from);
        const auto r = j().applyWebhook(QStringLiteral("evt_") + order, order, status, {});
        QVERIFY(r.ok());
        const Intent after = reload(i.id);
        QVERIFY2(state::rank(after.state) >= state::rank(from),
                 qPrintable(
                     QStringLiteral("%1 -> %2").arg(state::name(from), state::name(after.state))));
        const auto outcome = state::outcomeOf(status);
        if (outcome && status != ProviderStatus::Failed &&
            state::rank(*outcome) > state::rank(from))
            QCOMPARE(after.state, *outcome);
        else
            QCOMPARE(after.state, from);
        // The provider status never falls below what was recorded (in_progress); a failure is
        // not recorded until a read confirms it.
        const ProviderStatus expected =
            status == ProviderStatus::Failed ||
                    state::rank(status) <= state::rank(ProviderStatus::InProgress)
                ? ProviderStatus::InProgress
                : status;
        QCOMPARE(after.providerStatus, std::optional(expected));
        // The same ordering holds for an event that came before the create response.
        const Intent early = newIntent();
        QVERIFY(j().applyWebhook(QStringLiteral("evt_") + earlyOrder, earlyOrder, status, {}).ok());
        QVERIFY(j().freezeBody(early.id, body()).ok());
        if (from != CheckoutState::Draft && !state::isFinal(from))
            QVERIFY(j().setState(early.id, from).ok());
        const CheckoutState before = reload(early.id).state;
        QVERIFY(j().recordCreateResponse(early.id, earlyOrder, {}).ok());
        QVERIFY(state::rank(reload(early.id).state) >= state::rank(before));
    }

    // Issue 9.10: killed after the journal wrote the outcome but before anyone saw it.
    void outcomesNotShownUntilMarked() {
        const Intent booked = newIntent();
        QVERIFY(j().freezeBody(booked.id, body()).ok());
        QVERIFY(j().recordCreateResponse(booked.id, QStringLiteral("ord_b"), {}).ok());
        QVERIFY(j().setState(booked.id, CheckoutState::Interrupted).ok());
        QVERIFY(j().markOutcomeShown(booked.id).ok()); // "interrupted" was shown; not final
        QVERIFY(j().outcomesNotShown()->isEmpty());
        QVERIFY(j().setState(booked.id, CheckoutState::Ticketed).ok());
        QCOMPARE(j().outcomesNotShown()->size(), 1);
        QCOMPARE(j().outcomesNotShown()->first().id, booked.id);
        QVERIFY(j().markOutcomeShown(booked.id).ok());
        QVERIFY(j().outcomesNotShown()->isEmpty());
        const Intent draft = newIntent();
        QVERIFY(j().setState(draft.id, CheckoutState::OfferUnavailable).ok());
        QVERIFY(j().outcomesNotShown()->isEmpty()); // nothing booked: nothing to announce
    }
};

// `-engine postgres` (taken out before QTest sees the arguments) runs the suite on PostgreSQL.
int main(int argc, char **argv) {
    if (argc > 1 && qstrcmp(argv[1], "--lease-child") == 0)
        return leaseChild(argc, argv);
    auto kind = fd::test::JournalEngine::Kind::Sqlite;
    std::vector<char *> args;
    for (int n = 0; n < argc; ++n) {
        if (qstrcmp(argv[n], "-engine") == 0 && n + 1 < argc) {
            const QByteArray engine = argv[++n];
            if (engine == "postgres")
                kind = fd::test::JournalEngine::Kind::Postgres;
            else if (engine != "sqlite")
                return std::fprintf(stderr, "-engine sqlite|postgres\n"), 2;
            continue;
        }
        args.push_back(argv[n]);
    }
    int count = int(args.size());
    args.push_back(nullptr);
    QCoreApplication app(count, args.data());
    TestJournal test(kind);
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, count, args.data());
}

#include "tst_journal.moc"
