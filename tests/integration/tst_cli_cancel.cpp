// `flightdesk cancel` and `resume` finishing cancellations: the real binary against a Travelbase
// sandbox in this process on 127.0.0.1 (its ledger read directly, its faults set per case),
// with the desk's webhook receiver on loopback. Judged as the agency would: one refund in the
// sandbox's ledger whatever the network or a kill -9 did, every confirm sent with the key that
// was journaled with the quote, the booking moved to Cancelled exactly once.
#include "deskprocess.h"

#include "core/clock.h"
#include "sandbox/ledger.h"
#include "sandbox/sandbox.h"
#include "sandbox/scenario.h"
#include "storage/orderjournal.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fd;
using faults::DeskProcess;
using faults::spinUntil;

namespace {

const QByteArray kSecret = QByteArrayLiteral("whsec_cli_cancel");
const QString kData = QStringLiteral(FLIGHTDESK_TEST_DATA "/cli/");

quint16 freePort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// The sandbox's time: the system's, shifted when a case needs a quote that is already stale.
class ShiftedClock final : public Clock {
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc().addSecs(m_shift); }
    qint64 m_shift = 0;
};

} // namespace

class TstCliCancel final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_journals = 0;
    QString m_journal;
    quint16 m_hookPort = 0;
    ShiftedClock m_clock;
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::vector<std::unique_ptr<DeskProcess>> m_procs;

    void setScenario(const QJsonObject &scenario) {
        const auto s = sandbox::Scenario::fromJson(scenario);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
        m_sandbox->setScenario(*s);
    }

    QStringList connection(const QStringList &extra = {}) const {
        return QStringList{QStringLiteral("--api-base"),
                           m_sandbox->baseUrl().toString(),
                           QStringLiteral("--journal"),
                           m_journal,
                           QStringLiteral("--webhook-listen"),
                           QStringLiteral("127.0.0.1:%1").arg(m_hookPort),
                           QStringLiteral("--timing-scale"),
                           QStringLiteral("0.05"),
                           QStringLiteral("--request-timeout"),
                           QStringLiteral("2")} +
               extra;
    }
    static QProcessEnvironment environment() {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FLIGHTDESK_API_KEY"), QStringLiteral("tb_sandbox_demo"));
        env.insert(QStringLiteral("FLIGHTDESK_WEBHOOK_SECRET"), QString::fromLatin1(kSecret));
        return env;
    }
    DeskProcess *start(const QString &label, const QStringList &args) {
        m_procs.push_back(std::make_unique<DeskProcess>(label, args, environment()));
        m_procs.back()->start();
        return m_procs.back().get();
    }
    DeskProcess *run(const QString &label, const QStringList &args) {
        DeskProcess *p = start(label, args);
        p->wait(60000);
        return p;
    }
    QString transcripts() const {
        QString t;
        for (const auto &p : m_procs)
            t += p->transcript();
        return t;
    }

    // Books one adult through the CLI; the order id.
    QString book() {
        DeskProcess *p = run(QStringLiteral("checkout"),
                             QStringList{QStringLiteral("checkout"), QStringLiteral("--search"),
                                         QStringLiteral("LOS-LHR"), QStringLiteral("--passengers"),
                                         kData + QStringLiteral("adult-international.json")} +
                                 connection());
        if (p->exitCode != 0)
            return {};
        return p->ofType("outcome").value(0).value(QLatin1String("order_id")).toString();
    }
    QStringList cancelArgs(const QString &orderId, const QStringList &extra = {}) const {
        return QStringList{QStringLiteral("cancel"), QStringLiteral("--order"), orderId} +
               connection(extra);
    }

    int count(const QString &endpoint) const {
        int n = 0;
        for (const auto &r : m_sandbox->ledger().requests())
            n += r.endpoint == endpoint ? 1 : 0;
        return n;
    }
    QSet<QString> confirmKeys() const {
        QSet<QString> keys;
        for (const auto &r : m_sandbox->ledger().requests())
            if (r.endpoint == QLatin1String("confirm_cancellation"))
                keys.insert(r.idempotencyKey);
        return keys;
    }
    QList<sandbox::Ledger::Movement> refunds() const {
        QList<sandbox::Ledger::Movement> out;
        for (const auto &m : m_sandbox->ledger().movements())
            if (m.type == QLatin1String("refund"))
                out << m;
        return out;
    }

    // What the journal says, read from a new connection.
    struct Seen {
        QList<CancellationRecord> cancellations;
        Intent intent;
        int movesToCancelled = 0;
        QString cancelledBy; // the move's cause: "webhook" or "cancellation" (the answer)
    };
    Seen journalOf(const QString &orderId) const {
        Seen seen;
        OrderJournal j;
        if (!j.open(m_journal).ok())
            return seen;
        seen.cancellations = j.cancellationsOf(QStringLiteral("travelbase"), orderId).value();
        const QList<Intent> all = j.all().value();
        for (const Intent &i : all)
            if (i.orderId == orderId)
                seen.intent = i;
        const QList<JournalEvent> events = j.events(seen.intent.id).value();
        for (const JournalEvent &e : events)
            if (e.kind == JournalEvent::Kind::State &&
                e.detail.value(QLatin1String("to")).toString() == QLatin1String("cancelled")) {
                ++seen.movesToCancelled;
                seen.cancelledBy = e.detail.value(QLatin1String("cause")).toString();
            }
        return seen;
    }

    // One refund of the quoted amount, every confirm with the journaled key, the booking
    // cancelled once.
    void checkCancelledOnce(const QString &orderId) {
        const Seen seen = journalOf(orderId);
        QVERIFY2(!seen.cancellations.isEmpty(), qPrintable(transcripts()));
        const CancellationRecord &last = seen.cancellations.first();
        QCOMPARE(cancellation::name(last.state), QLatin1String("cancelled"));
        QCOMPARE(refunds().size(), 1);
        QCOMPARE(refunds().first().orderId, orderId);
        QCOMPARE(refunds().first().amount, last.quote.refund.amount());
        QCOMPARE(confirmKeys(), QSet<QString>{last.idempotencyKey});
        QCOMPARE(seen.intent.state, CheckoutState::Cancelled);
        QCOMPARE(seen.intent.providerStatus, std::optional(ProviderStatus::Cancelled));
        QCOMPARE(seen.movesToCancelled, 1);
    }

private Q_SLOTS:
    void init() {
        m_procs.clear();
        m_clock.m_shift = 0;
        m_hookPort = freePort();
        m_journal = m_dir.filePath(QStringLiteral("journal-%1.sqlite").arg(++m_journals));
        sandbox::SandboxOptions so;
        so.timingScale = 0.05;
        so.webhookUrl =
            QUrl(QStringLiteral("http://127.0.0.1:%1/webhooks/travelbase").arg(m_hookPort));
        so.webhookSecret = kSecret;
        m_sandbox = std::make_unique<sandbox::Sandbox>(so, &m_clock);
        QVERIFY(m_sandbox->start(0).ok());
    }
    void cleanup() {
        if (QTest::currentTestFailed())
            qWarning().noquote() << transcripts();
        m_procs.clear();
        m_sandbox.reset();
    }

    void cancelsWithOneRefundAndSaysSo() {
        const QString order = book();
        QVERIFY2(!order.isEmpty(), qPrintable(transcripts()));
        DeskProcess *quote =
            run(QStringLiteral("quote"), cancelArgs(order, {QStringLiteral("--quote-only")}));
        QCOMPARE(quote->exitCode, 0);
        const QJsonObject q = quote->ofType("quote").value(0);
        QCOMPARE(q.value(QLatin1String("order_id")).toString(), order);
        QVERIFY(!q.value(QLatin1String("refund_amount")).toString().isEmpty());
        QCOMPARE(q.value(QLatin1String("refund_currency")).toString(), QStringLiteral("EUR"));
        QVERIFY(QDateTime::fromString(q.value(QLatin1String("expires_at")).toString(),
                                      Qt::ISODate) > QDateTime::currentDateTimeUtc());
        QCOMPARE(count(QStringLiteral("confirm_cancellation")), 0);

        // No terminal to ask on and no --yes: nothing is sent.
        DeskProcess *unasked = run(QStringLiteral("no yes"), cancelArgs(order));
        QCOMPARE(unasked->exitCode, 2);
        QCOMPARE(unasked->ofType("outcome").value(0).value(QLatin1String("outcome")).toString(),
                 QStringLiteral("not_confirmed"));
        QCOMPARE(count(QStringLiteral("confirm_cancellation")), 0);
        QVERIFY(refunds().isEmpty());

        DeskProcess *yes =
            run(QStringLiteral("cancel"), cancelArgs(order, {QStringLiteral("--yes")}));
        QCOMPARE(yes->exitCode, 0);
        const QJsonObject outcome = yes->ofType("outcome").value(0);
        QCOMPARE(outcome.value(QLatin1String("outcome")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(outcome.value(QLatin1String("order_id")).toString(), order);
        QCOMPARE(outcome.value(QLatin1String("refund_amount")).toString(),
                 yes->ofType("quote").value(0).value(QLatin1String("refund_amount")).toString());
        QCOMPARE(outcome.value(QLatin1String("idempotency_key")).toString(),
                 yes->ofType("quote").value(0).value(QLatin1String("idempotency_key")).toString());
        checkCancelledOnce(order);

        // Cancelled already: the provider says why, and nothing more is refunded.
        DeskProcess *again =
            run(QStringLiteral("again"), cancelArgs(order, {QStringLiteral("--yes")}));
        QCOMPARE(again->exitCode, 3);
        const QJsonObject refused = again->ofType("outcome").value(0);
        QCOMPARE(refused.value(QLatin1String("outcome")).toString(),
                 QStringLiteral("not_cancellable"));
        QCOMPARE(refused.value(QLatin1String("order_id")).toString(), order);
        QVERIFY(refused.value(QLatin1String("message"))
                    .toString()
                    .contains(QStringLiteral("cannot be cancelled")));
        QCOMPARE(refunds().size(), 1);

        DeskProcess *unknown =
            run(QStringLiteral("unknown"),
                cancelArgs(QStringLiteral("ord_9999"), {QStringLiteral("--yes")}));
        QCOMPARE(unknown->exitCode, 1);
        QCOMPARE(unknown->ofType("outcome").value(0).value(QLatin1String("outcome")).toString(),
                 QStringLiteral("error"));
    }

    // The confirm meets the network's faults; the gateway retries with the same key.
    void faultsOnTheConfirmStillRefundOnce_data() {
        QTest::addColumn<QJsonArray>("faults");
        const auto fault = [](const char *kind, QJsonArray attempts) {
            return QJsonObject{{QStringLiteral("endpoint"), QStringLiteral("confirm_cancellation")},
                               {QStringLiteral("kind"), QLatin1String(kind)},
                               {QStringLiteral("attempts"), attempts}};
        };
        QTest::newRow("503 twice") << QJsonArray{fault("unavailable", {1, 2})};
        QTest::newRow("reset after commit") << QJsonArray{fault("reset_after_commit", {1})};
        QTest::newRow("timeout after commit") << QJsonArray{fault("hang_after_commit", {1})};
        QTest::newRow("in flight, then reset after commit")
            << QJsonArray{fault("in_flight", {1}), fault("reset_after_commit", {2})};
    }
    void faultsOnTheConfirmStillRefundOnce() {
        QFETCH(QJsonArray, faults);
        const QString order = book();
        QVERIFY2(!order.isEmpty(), qPrintable(transcripts()));
        setScenario({{QStringLiteral("faults"), faults}});
        DeskProcess *p =
            run(QStringLiteral("cancel"), cancelArgs(order, {QStringLiteral("--yes")}));
        QCOMPARE(p->exitCode, 0);
        QVERIFY(count(QStringLiteral("confirm_cancellation")) >= 2);
        checkCancelledOnce(order);
    }

    // kill -9 while the confirm is on its way; `resume` finishes it with the same key.
    void killedDuringTheConfirmResumeRefundsOnce_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("executedBeforeResume");
        // Decided and journaled, sent, never executed (the connection reset before commit, the
        // desk killed while it waits to retry).
        QTest::newRow("before it executed") << QStringLiteral("reset_before_commit") << false;
        // Executed on the server while the desk was gone: the answer never reached it.
        QTest::newRow("while it executed") << QStringLiteral("slow") << true;
    }
    void killedDuringTheConfirmResumeRefundsOnce() {
        QFETCH(QString, kind);
        QFETCH(bool, executedBeforeResume);
        const QString order = book();
        QVERIFY2(!order.isEmpty(), qPrintable(transcripts()));
        setScenario({{QStringLiteral("faults"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("endpoint"), QStringLiteral("confirm_cancellation")},
                          {QStringLiteral("kind"), kind},
                          {QStringLiteral("delay_ms"), 1500},
                          {QStringLiteral("attempts"), QJsonArray{1, 2, 3, 4, 5}}}}}});
        // Timing at 1: the retries' back-off (and the slow answer) outlast the moment of the kill.
        QStringList args = cancelArgs(order, {QStringLiteral("--yes")});
        args[args.indexOf(QStringLiteral("--timing-scale")) + 1] = QStringLiteral("1");
        DeskProcess *p = start(QStringLiteral("cancel, killed"), args);
        QVERIFY(
            spinUntil([&] { return count(QStringLiteral("confirm_cancellation")) >= 1; }, 30000));
        p->killNow();
        QVERIFY(spinUntil([&] { return p->finished(); }, 10000));
        const Seen killed = journalOf(order);
        QCOMPARE(killed.cancellations.size(), 1);
        QCOMPARE(cancellation::name(killed.cancellations.first().state),
                 QLatin1String("confirming"));
        if (executedBeforeResume) // the server finishes what it started
            QVERIFY(spinUntil([&] { return refunds().size() == 1; }, 10000));
        else
            QVERIFY(refunds().isEmpty());

        // Support's list of what needs someone: this booking, for its cancellation.
        const QStringList attention{QStringLiteral("orders"), QStringLiteral("--journal"),
                                    m_journal, QStringLiteral("--jsonl"),
                                    QStringLiteral("--needs-attention")};
        DeskProcess *listed = run(QStringLiteral("orders --needs-attention"), attention);
        QCOMPARE(listed->exitCode, 0);
        QCOMPARE(listed->lines.size(), 1);
        const QJsonObject line = listed->lines.first();
        QCOMPARE(line.value(QLatin1String("order_id")).toString(), order);
        QCOMPARE(line.value(QLatin1String("needs_attention")).toString(),
                 QStringLiteral("cancellation_in_progress"));
        QCOMPARE(line.value(QLatin1String("cancellations"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("idempotency_key"))
                     .toString(),
                 killed.cancellations.first().idempotencyKey);

        setScenario({});
        DeskProcess *resume =
            run(QStringLiteral("resume"), QStringList{QStringLiteral("resume")} + connection());
        QCOMPARE(resume->exitCode, 0);
        const QJsonObject outcome = resume->ofType("outcome").value(0);
        QCOMPARE(outcome.value(QLatin1String("action")).toString(), QStringLiteral("cancel"));
        QCOMPARE(outcome.value(QLatin1String("outcome")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(outcome.value(QLatin1String("idempotency_key")).toString(),
                 killed.cancellations.first().idempotencyKey);
        QCOMPARE(count(QStringLiteral("create_cancellation")), 1); // never a second quote
        checkCancelledOnce(order);

        QVERIFY(run(QStringLiteral("orders --needs-attention, after"), attention)->lines.isEmpty());
        // A second resume finds nothing left: it is cancelled.
        DeskProcess *again = run(QStringLiteral("resume again"),
                                 QStringList{QStringLiteral("resume")} + connection());
        QCOMPARE(again->exitCode, 0);
        QVERIFY(again->saidNothingToResume());
        QCOMPARE(refunds().size(), 1);
    }

    // The order.cancelled event may come before the confirm's answer, twice, or never: the
    // booking moves to Cancelled once, and one refund.
    void webhookFirstDuplicatedOrLostCancelsOnce_data() {
        QTest::addColumn<QJsonObject>("scenario");
        QTest::newRow("first (the answer is lost, the retry replays)") << QJsonObject{
            {QStringLiteral("faults"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("endpoint"), QStringLiteral("confirm_cancellation")},
                             {QStringLiteral("kind"), QStringLiteral("hang_after_commit")},
                             {QStringLiteral("attempts"), QJsonArray{1}}}}}};
        // Both copies while the desk waits for the answer (which it then gets by a replay).
        QTest::newRow("duplicated") << QJsonObject{
            {QStringLiteral("webhooks"),
             QJsonObject{{QStringLiteral("mode"), QStringLiteral("duplicated")}}},
            {QStringLiteral("faults"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("endpoint"), QStringLiteral("confirm_cancellation")},
                             {QStringLiteral("kind"), QStringLiteral("hang_after_commit")},
                             {QStringLiteral("attempts"), QJsonArray{1}}}}}};
        QTest::newRow("lost") << QJsonObject{
            {QStringLiteral("webhooks"),
             QJsonObject{{QStringLiteral("mode"), QStringLiteral("dropped")}}}};
    }
    void webhookFirstDuplicatedOrLostCancelsOnce() {
        QFETCH(QJsonObject, scenario);
        const QString order = book();
        QVERIFY2(!order.isEmpty(), qPrintable(transcripts()));
        setScenario(scenario);
        DeskProcess *p =
            run(QStringLiteral("cancel"), cancelArgs(order, {QStringLiteral("--yes")}));
        QCOMPARE(p->exitCode, 0);
        checkCancelledOnce(order);
        int delivered = 0;
        for (const auto &d : m_sandbox->ledger().deliveries())
            if (d.eventType == QLatin1String("order.cancelled") && d.status == 200)
                ++delivered;
        const QString mode = scenario.value(QLatin1String("webhooks"))
                                 .toObject()
                                 .value(QLatin1String("mode"))
                                 .toString();
        const QString cause = journalOf(order).cancelledBy;
        if (mode == QLatin1String("dropped")) {
            QCOMPARE(delivered, 0);
            QCOMPARE(cause, QStringLiteral("cancellation"));
        } else {
            QCOMPARE(delivered, mode == QLatin1String("duplicated") ? 2 : 1);
            QCOMPARE(cause, QStringLiteral("webhook")); // it came first and moved the booking
        }
    }

    // A quote past its time is said to be expired, and nothing is sent.
    void expiredQuoteSaysSoAndSendsNothing() {
        const QString order = book();
        QVERIFY2(!order.isEmpty(), qPrintable(transcripts()));
        m_clock.m_shift = -3600; // the sandbox quotes from an hour ago: 15 minutes ran out
        DeskProcess *p =
            run(QStringLiteral("cancel"), cancelArgs(order, {QStringLiteral("--yes")}));
        QCOMPARE(p->exitCode, 4);
        const QJsonObject outcome = p->ofType("outcome").value(0);
        QCOMPARE(outcome.value(QLatin1String("outcome")).toString(),
                 QStringLiteral("quote_expired"));
        QVERIFY(
            outcome.value(QLatin1String("message")).toString().contains(QStringLiteral("new one")));
        QCOMPARE(count(QStringLiteral("confirm_cancellation")), 0);
        QVERIFY(refunds().isEmpty());
        const Seen seen = journalOf(order);
        QCOMPARE(seen.intent.state, CheckoutState::Ticketed);

        // A fresh quote (a new key) cancels it.
        m_clock.m_shift = 0;
        DeskProcess *fresh =
            run(QStringLiteral("fresh"), cancelArgs(order, {QStringLiteral("--yes")}));
        QCOMPARE(fresh->exitCode, 0);
        QVERIFY(fresh->ofType("quote").value(0).value(QLatin1String("idempotency_key")) !=
                p->ofType("quote").value(0).value(QLatin1String("idempotency_key")));
        checkCancelledOnce(order);
    }
};

QTEST_GUILESS_MAIN(TstCliCancel)
#include "tst_cli_cancel.moc"
