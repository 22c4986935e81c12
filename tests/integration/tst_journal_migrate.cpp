// `flightdesk journal migrate --from PATH --to URL`: a desk's history copied into the agency's
// journal — the real binary, a real SQLite file and a real PostgreSQL server — idempotently.

#include "core/intent.h"
#include "core/money.h"
#include "pgserver.h"
#include "processrun.h"
#include "storage/orderjournal.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using fd::Cancellation;
using fd::CheckoutState;
using fd::Money;
using fd::OrderJournal;
using fd::ProviderStatus;
using fd::ScheduleChange;
using fd::test::PgServer;

namespace {

QJsonArray passengers() {
    return QJsonDocument::fromJson(R"([{"id": "pas_1", "given_name": "Adebayo",
        "family_name": "Okafor", "born_on": "1988-04-17", "gender": "m",
        "identity_documents": [{"type": "passport", "unique_identifier": "A12345678"}]}])")
        .array();
}

// A desk's history: a ticketed booking with a webhook, one still waiting, one draft, one of
// each provider with the same order id, and a webhook that no intent claimed yet.
struct DeskHistory {
    QStringList keys;
    QString cancellationKey; // the booked order's quoted cancellation
};

DeskHistory fillDesk(OrderJournal &j) {
    DeskHistory h;
    const auto offer = QJsonObject{{QStringLiteral("id"), QStringLiteral("off_1")},
                                   {QStringLiteral("total_amount"), QStringLiteral("412.30")}};
    auto booked = j.createIntent(QStringLiteral("off_1"), offer, passengers()).value();
    j.freezeBody(booked.id, R"({"data":{"selected_offers":["off_1"]}})");
    j.recordCreateResponse(booked.id, QStringLiteral("ord_0001"), QStringLiteral("ABC123"), true);
    j.setState(booked.id, CheckoutState::Processing);
    j.applyWebhook(QStringLiteral("evt_1"), QStringLiteral("ord_0001"), ProviderStatus::Ticketed,
                   QJsonObject{{QStringLiteral("id"), QStringLiteral("evt_1")}});
    h.keys << booked.idempotencyKey;
    // Its cancellation quoted (with the confirm's key), and a schedule change waiting in the
    // queue: both belong to the booking and go with it.
    Cancellation quote;
    quote.quoteId = QStringLiteral("ore_0001");
    quote.orderId = QStringLiteral("ord_0001");
    quote.refund = Money::parse(QStringLiteral("300.00"), QStringLiteral("GBP")).value();
    quote.expiresAt = QDateTime::currentDateTimeUtc().addSecs(900);
    h.cancellationKey =
        j.recordCancellationQuote(QStringLiteral("travelbase"), quote).value().idempotencyKey;
    const QJsonObject retimed{
        {QStringLiteral("id"), QStringLiteral("ord_0001")},
        {QStringLiteral("version"), 3},
        {QStringLiteral("slices"),
         QJsonArray{QJsonObject{
             {QStringLiteral("departing_at"), QStringLiteral("2026-12-21T09:35:00Z")},
             {QStringLiteral("arriving_at"), QStringLiteral("2026-12-21T16:05:00Z")}}}}};
    j.recordScheduleChange(QStringLiteral("travelbase"), retimed, QStringLiteral("evt_2"));
    auto waiting = j.createIntent(QStringLiteral("off_2"), offer, passengers()).value();
    j.freezeBody(waiting.id, R"({"data":{"selected_offers":["off_2"]}})");
    j.recordCreateResponse(waiting.id, QStringLiteral("ord_0002"), QStringLiteral("DEF456"), true);
    j.setState(waiting.id, CheckoutState::Processing);
    h.keys << waiting.idempotencyKey;
    h.keys << j.createIntent(QStringLiteral("off_3"), offer, passengers()).value().idempotencyKey;
    auto tmx =
        j.createIntent(QStringLiteral("TMX-1"), offer, passengers(), QStringLiteral("travomatrix"))
            .value();
    j.freezeBody(tmx.id, R"({"fare_id":"TMX-1"})");
    j.recordCreateResponse(tmx.id, QStringLiteral("ord_0001"), QStringLiteral("ord_0001"));
    h.keys << tmx.idempotencyKey;
    j.applyWebhook(QStringLiteral("evt_early"), QStringLiteral("ord_0099"), ProviderStatus::Pending,
                   {});
    return h;
}

QJsonObject lastLine(const QByteArray &out) {
    const QList<QByteArray> lines = out.trimmed().split('\n');
    return QJsonDocument::fromJson(lines.last()).object();
}

} // namespace

class TestJournalMigrate : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    PgServer m_pg;
    bool m_pgUp = false;

    fd::test::ProcessRun migrate(const QString &from, const QString &to,
                                 const QString &password = QString()) {
        auto env = fd::test::environmentWithoutSecrets({{QStringLiteral("HOME"), m_dir.path()}});
        if (!password.isEmpty())
            env.insert(QStringLiteral("PGPASSWORD"), password);
        return fd::test::runProcess(QStringLiteral(FLIGHTDESK_BINARY),
                                    {QStringLiteral("journal"), QStringLiteral("migrate"),
                                     QStringLiteral("--from"), from, QStringLiteral("--to"), to},
                                    env);
    }

    // The desk's intents as the agency's journal holds them, by key.
    static QMap<QString, fd::Intent> byKey(const OrderJournal &j) {
        QMap<QString, fd::Intent> out;
        j.forEachIntent([&](const fd::Intent &i) {
            out.insert(i.idempotencyKey, i);
            return true;
        });
        return out;
    }

    void checkCopy(const QString &source, OrderJournal &target, const DeskHistory &h) {
        OrderJournal desk;
        QVERIFY(desk.open(source).ok());
        const auto there = byKey(target);
        for (const QString &key : h.keys) {
            QVERIFY2(there.contains(key), qPrintable(key));
            const auto &copy = there.value(key);
            const auto mine = byKey(desk).value(key);
            QCOMPARE(copy.state, mine.state);
            QCOMPARE(copy.orderId, mine.orderId);
            QCOMPARE(copy.provider, mine.provider);
            QCOMPARE(copy.bookingReference, mine.bookingReference);
            QCOMPARE(copy.ticketKey, mine.ticketKey);
            QCOMPARE(copy.requestBody, mine.requestBody);
            QCOMPARE(copy.passengers, mine.passengers);
            QVERIFY(copy.leaseOwner.isEmpty());
            QCOMPARE(target.events(copy.id).value().size(), desk.events(mine.id).value().size());
            const auto copiedCancellations =
                target.cancellationsOf(copy.provider, copy.orderId).value();
            const auto desksCancellations =
                desk.cancellationsOf(mine.provider, mine.orderId).value();
            QCOMPARE(copiedCancellations.size(), desksCancellations.size());
            for (qsizetype n = 0; n < copiedCancellations.size(); ++n) {
                QCOMPARE(copiedCancellations[n].idempotencyKey,
                         desksCancellations[n].idempotencyKey);
                QCOMPARE(copiedCancellations[n].state, desksCancellations[n].state);
                QCOMPARE(copiedCancellations[n].intentId, copy.id);
            }
        }
        // The quoted cancellation is the agency's to finish, with its key; the schedule change
        // waits in the agency's queue, under the copy.
        QCOMPARE(target.cancellation(h.cancellationKey).value().quote.refund.toString(),
                 desk.cancellation(h.cancellationKey).value().quote.refund.toString());
        const auto queue = target.scheduleQueue(100).value();
        QCOMPARE(std::count_if(queue.begin(), queue.end(),
                               [&](const ScheduleChange &c) {
                                   return c.intentId == there.value(h.keys.first()).id &&
                                          c.eventId == QLatin1String("evt_2");
                               }),
                 1);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        if (PgServer::skipReason().isEmpty()) {
            QString error;
            m_pgUp = m_pg.start(&error);
            QVERIFY2(m_pgUp, qPrintable(error + m_pg.logTail()));
        }
    }

    void intoAnotherFileTwice() {
        const QString from = m_dir.filePath(QStringLiteral("desk-a.sqlite"));
        const QString to = m_dir.filePath(QStringLiteral("agency.sqlite"));
        DeskHistory h;
        {
            OrderJournal desk;
            QVERIFY(desk.open(from).ok());
            h = fillDesk(desk);
        }
        const auto first = migrate(from, to);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const QJsonObject report = lastLine(first.out);
        QCOMPARE(report.value(QLatin1String("type")).toString(), QStringLiteral("migrated"));
        QCOMPARE(report.value(QLatin1String("copied")).toInt(), 4);
        QCOMPARE(report.value(QLatin1String("already_there")).toInt(), 0);
        QCOMPARE(report.value(QLatin1String("cancellations")).toInt(), 1);
        QCOMPARE(report.value(QLatin1String("schedule_changes")).toInt(), 1);
        // Run again (as after an interruption): nothing is copied twice.
        const auto second = migrate(from, to);
        QVERIFY2(second.exitCode == 0, second.err.constData());
        QCOMPARE(lastLine(second.out).value(QLatin1String("copied")).toInt(), 0);
        QCOMPARE(lastLine(second.out).value(QLatin1String("already_there")).toInt(), 4);
        QCOMPARE(lastLine(second.out).value(QLatin1String("cancellations")).toInt(), 0);
        OrderJournal agency;
        QVERIFY(agency.open(to).ok());
        QCOMPARE(agency.count().value(), 4);
        checkCopy(from, agency, h);
    }

    void intoPostgresFromTwoDesks() {
        if (!m_pgUp)
            QSKIP(qPrintable(PgServer::skipReason()));
        const QString a = m_dir.filePath(QStringLiteral("pg-desk-a.sqlite"));
        const QString b = m_dir.filePath(QStringLiteral("pg-desk-b.sqlite"));
        DeskHistory ha, hb;
        {
            OrderJournal desk;
            QVERIFY(desk.open(a).ok());
            ha = fillDesk(desk);
        }
        {
            // Desk B booked with its own sandbox too: its Travelbase ord_0001 is another order.
            OrderJournal desk;
            QVERIFY(desk.open(b).ok());
            hb = fillDesk(desk);
        }
        const auto first = migrate(a, m_pg.url(), m_pg.password());
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QCOMPARE(lastLine(first.out).value(QLatin1String("copied")).toInt(), 4);
        QVERIFY(!first.out.contains(m_pg.password().toUtf8()));
        const auto again = migrate(a, m_pg.url(), m_pg.password());
        QCOMPARE(lastLine(again.out).value(QLatin1String("copied")).toInt(), 0);
        // Desk B's bookings with order ids the agency already records for other keys are
        // named, not copied over them; the rest of B's history is copied.
        const auto fromB = migrate(b, m_pg.url(), m_pg.password());
        QVERIFY2(fromB.exitCode == 0, fromB.err.constData());
        const QJsonObject report = lastLine(fromB.out);
        QCOMPARE(report.value(QLatin1String("copied")).toInt(), 1); // the draft
        const QJsonArray conflicts = report.value(QLatin1String("conflicts")).toArray();
        QCOMPARE(conflicts.size(), 3);
        QVERIFY(conflicts.at(0).toString().startsWith(hb.keys.at(0)));
        QVERIFY(fromB.err.contains("not copied"));

        OrderJournal agency;
        agency.setPassword(m_pg.password());
        QVERIFY(agency.open(m_pg.url()).ok());
        QCOMPARE(agency.count().value(), 5);
        checkCopy(a, agency, ha);
        // The unclaimed webhook did not come along (it belongs to no intent of the desk), and
        // the copied one keeps its event id: a redelivery is still a duplicate.
        QCOMPARE(agency
                     .applyWebhook(QStringLiteral("evt_1"), QStringLiteral("ord_0001"),
                                   ProviderStatus::Ticketed, {})
                     .value(),
                 fd::WebhookResult::Duplicate);
    }

    void refusesAPasswordInTheUrlAndAMissingSource() {
        const auto withPassword =
            migrate(m_dir.filePath(QStringLiteral("desk-a.sqlite")),
                    QStringLiteral("postgresql://agent:s3cret@127.0.0.1:5432/flightdesk"));
        QCOMPARE(withPassword.exitCode, 2);
        QVERIFY(withPassword.err.contains("PGPASSWORD"));
        QVERIFY(!withPassword.err.contains("s3cret"));
        const auto missing = migrate(m_dir.filePath(QStringLiteral("nope.sqlite")),
                                     m_dir.filePath(QStringLiteral("agency2.sqlite")));
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("no journal at"));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("nope.sqlite"))));
    }

    void cleanupTestCase() { m_pg.stop(); }
};

QTEST_GUILESS_MAIN(TestJournalMigrate)
#include "tst_journal_migrate.moc"
