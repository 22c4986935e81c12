// Randomized, seeded fault schedules: the real `flightdesk` binary against an in-process sandbox
// on 127.0.0.1 (it outlives every desk process it serves), with faults on every endpoint and
// attempt, misbehaving webhooks, every ticketing outcome, kill -9 at random moments and resumes
// (again, and two at once). Each schedule is judged from the sandbox's ledger and the journal.
//
//   FLIGHTDESK_FAULT_SEED=123          one schedule, with its plan and every process's output
//   FLIGHTDESK_FAULT_SCHEDULES=N       how many (default 100), from
//   FLIGHTDESK_FAULT_FIRST_SEED=S      the first seed (default 1)
//   FLIGHTDESK_FAULT_BOUND_MS=MS       how long one process may run before it is a hang
//   FLIGHTDESK_FAULT_VERBOSE=1         plans and transcripts of every failing schedule
#include "deskprocess.h"
#include "faultchecks.h"
#include "faultplan.h"

#include "core/timingpolicy.h"
#include "sandbox/sandbox.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QMap>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

namespace fd::faults {
namespace {

const QByteArray kWebhookSecret = QByteArrayLiteral("whsec_fault_schedules");
// The settle resume's timing scale: 0.01 (its claim on the booking lasts 1.2 s, at least twice
// a plan's), or less when the bound is short: giving up on an airline that never answers
// (TimingPolicy::unresolvedAfter) takes at most half of a process's bound.
double settleTimingScale(double planScale, int boundMs) {
    const double unresolvedMs = double(fd::TimingPolicy{}.unresolvedAfter.count());
    return std::max(planScale, std::min(0.01, double(boundMs) / 2.0 / unresolvedMs));
}

int envInt(const char *name, int fallback) {
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok ? v : fallback;
}

quint16 freePort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// One seed, run: the sandbox, the desk processes of the plan, a settle resume, the checks.
class Schedule {
public:
    Schedule(Plan plan, const QString &dir, int boundMs)
        : m_plan(std::move(plan))
        , m_dir(dir)
        , m_bound(boundMs)
        , m_journal(QDir(dir).filePath(QStringLiteral("journal.sqlite"))) {}

    QList<Failure> run() {
        if (!startSandbox())
            return m_checks.failures;
        DeskProcess *checkout =
            launch(QStringLiteral("checkout"),
                   QStringList{QStringLiteral("checkout"), QStringLiteral("--search"),
                               QStringLiteral("LOS-LHR"), QStringLiteral("--passengers"),
                               writePassengers()} +
                       connection(m_hookPort),
                   m_plan.checkoutKill);
        checkout->wait(m_bound);
        if (checkout->killed)
            resumeAsPlanned();
        settle();
        judge();
        if (m_plan.cancel)
            cancelAndJudge();
        return m_checks.failures;
    }

    QString transcript() const {
        QString t;
        for (const auto &p : m_procs)
            if (p->label != QLatin1String("orders"))
                t += p->transcript();
        return t;
    }
    // The longest run of a desk process that was neither killed nor hung: what the bound must
    // allow.
    qint64 slowestMs() const {
        qint64 slowest = 0;
        for (const auto &p : m_procs)
            if (!p->killed && !p->hung)
                slowest = qMax(slowest, p->elapsedMs);
        return slowest;
    }
    // The webhook port picked by freePort() was taken by another test before a desk bound it:
    // the schedule proved nothing about the desk and is run again.
    bool lostItsPort() const {
        for (const auto &p : m_procs)
            if (p->err.contains("The bound address is already in use"))
                return true;
        return false;
    }

private:
    bool startSandbox() {
        m_hookPort = freePort();
        sandbox::SandboxOptions so;
        so.timingScale = m_plan.timingScale;
        so.webhookUrl =
            QUrl(QStringLiteral("http://127.0.0.1:%1/webhooks/travelbase").arg(m_hookPort));
        so.webhookSecret = kWebhookSecret;
        m_sandbox = std::make_unique<sandbox::Sandbox>(so);
        const auto scenario = sandbox::Scenario::fromJson(m_plan.scenario);
        const auto port = m_sandbox->start(0);
        if (!scenario || !port) {
            m_checks.fail(QStringLiteral("harness"),
                          QStringLiteral("sandbox: %1")
                              .arg(!scenario ? scenario.error().message : port.error().message));
            return false;
        }
        m_sandbox->setScenario(*scenario);
        return true;
    }

    QString writePassengers() const {
        const QJsonArray people{
            QJsonObject{{QStringLiteral("title"), QStringLiteral("ms")},
                        {QStringLiteral("given_name"), QStringLiteral("Amara")},
                        {QStringLiteral("family_name"), QStringLiteral("Nwosu")},
                        {QStringLiteral("born_on"), m_plan.bornOn},
                        {QStringLiteral("gender"), QStringLiteral("f")},
                        {QStringLiteral("email"), QStringLiteral("amara.nwosu@example.com")},
                        {QStringLiteral("phone_number"), QStringLiteral("+2348031234567")},
                        {QStringLiteral("identity_documents"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("type"), QStringLiteral("passport")},
                             {QStringLiteral("unique_identifier"), m_plan.passport},
                             {QStringLiteral("issuing_country_code"), QStringLiteral("NG")},
                             {QStringLiteral("expires_on"), QStringLiteral("2036-03-31")}}}}}};
        const QString path = QDir(m_dir).filePath(QStringLiteral("passengers.json"));
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(QJsonDocument(people).toJson());
        return path;
    }

    QStringList connection(quint16 hookPort, double timingScale = 0) const {
        // The secrets come from the environment (launch()): argv is visible to every user.
        const double scale = timingScale > 0 ? timingScale : m_plan.timingScale;
        return {QStringLiteral("--api-base"),        m_sandbox->baseUrl().toString(),
                QStringLiteral("--journal"),         m_journal,
                QStringLiteral("--timing-scale"),    QString::number(scale),
                QStringLiteral("--request-timeout"), QStringLiteral("1"),
                QStringLiteral("--webhook-listen"),  QStringLiteral("127.0.0.1:%1").arg(hookPort)};
    }

    DeskProcess *launch(const QString &label, const QStringList &args, Kill kill = {}) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FLIGHTDESK_API_KEY"), m_sandbox->apiKey());
        env.insert(QStringLiteral("FLIGHTDESK_WEBHOOK_SECRET"),
                   QString::fromLatin1(kWebhookSecret));
        m_procs.push_back(std::make_unique<DeskProcess>(label, args, env, kill));
        m_procs.back()->start();
        return m_procs.back().get();
    }

    DeskProcess *resume(const QString &label, quint16 hookPort, Kill kill = {},
                        double timingScale = 0) {
        return launch(
            label, QStringList{QStringLiteral("resume")} + connection(hookPort, timingScale), kill);
    }

    void resumeAsPlanned() {
        switch (m_plan.resume) {
        case ResumePattern::Once:
            resume(QStringLiteral("resume"), m_hookPort)->wait(m_bound);
            break;
        case ResumePattern::KilledTwice:
            resume(QStringLiteral("resume 1"), m_hookPort, m_plan.resumeKill)->wait(m_bound);
            resume(QStringLiteral("resume 2"), m_hookPort)->wait(m_bound);
            break;
        case ResumePattern::TwoAtOnce: {
            // Two desks on one machine cannot share a webhook port: the second one polls.
            DeskProcess *a = resume(QStringLiteral("resume A"), m_hookPort);
            DeskProcess *b = resume(QStringLiteral("resume B"), freePort());
            a->wait(m_bound);
            b->wait(m_bound);
            break;
        }
        }
    }

    // Whatever the schedule left unfinished is finished now, against a sandbox without faults,
    // so the desk's last word can be held to the order's state in the sandbox.
    void settle() {
        // A slow request may still be executing in the sandbox (its key in flight) for longer
        // than the desk's whole scaled retry budget: let it finish first.
        spinUntil(
            [this] {
                const QJsonArray requests =
                    m_sandbox->ledgerJson().value(QLatin1String("requests")).toArray();
                return std::all_of(requests.begin(), requests.end(), [](const QJsonValue &r) {
                    return !r.toObject().value(QLatin1String("outcome")).toString().isEmpty();
                });
            },
            5000);
        const auto clean = sandbox::Scenario::fromJson(settleScenario(m_plan));
        if (clean)
            m_sandbox->setScenario(*clean);
        // Fault-free means the journal too: at the plan's scale a desk's claim lasts a quarter
        // of a second, so a commit slowed by a loaded machine (sanitizers, parallel tests) would
        // itself be a fault — a lost claim, "interrupted". The settle's claim lasts seconds.
        m_settle = resume(QStringLiteral("settle resume"), m_hookPort, {},
                          settleTimingScale(m_plan.timingScale, m_bound));
        m_settle->wait(m_bound);
    }

    void judge() {
        JournalBytes bytes = readJournalBytes(m_dir, m_plan);
        DeskProcess *orders =
            launch(QStringLiteral("orders"),
                   {QStringLiteral("orders"), QStringLiteral("--journal"), m_journal});
        orders->wait(m_bound);
        m_checks.ledger = m_sandbox->ledgerJson();
        m_checks.journal = QJsonDocument::fromJson(orders->out).object();
        m_checks.bytes = bytes;
        std::vector<const DeskProcess *> desks;
        for (const auto &p : m_procs)
            if (p.get() != orders)
                desks.push_back(p.get());
        m_checks.run(desks, m_settle, m_bound);
    }

    // The settled booking, when ticketed, is cancelled under the plan's own faults and kill,
    // then a fault-free resume finishes whatever the kill left; judged like the booking: one
    // refund whatever happened, the journal agreeing with the ledger, one key per confirm.
    void cancelAndJudge() {
        QString orderId;
        for (const QJsonValue &v : m_checks.journal.value(QLatin1String("intents")).toArray())
            if (v[QLatin1String("state")].toString() == QLatin1String("ticketed"))
                orderId = v[QLatin1String("order_id")].toString();
        if (orderId.isEmpty())
            return; // nothing booked: nothing to cancel
        m_cancelled = true;
        const auto faulty = sandbox::Scenario::fromJson(m_plan.cancelScenario);
        if (!faulty)
            return m_checks.fail(QStringLiteral("harness"), faulty.error().message);
        m_sandbox->setScenario(*faulty);
        DeskProcess *cancel =
            launch(QStringLiteral("cancel"),
                   QStringList{QStringLiteral("cancel"), QStringLiteral("--order"), orderId,
                               QStringLiteral("--yes")} +
                       connection(m_hookPort),
                   m_plan.cancelKill);
        cancel->wait(m_bound);
        if (!cancel->killed && !cancel->hung) {
            static const QHash<QString, int> codes{
                {QStringLiteral("cancelled"), 0},     {QStringLiteral("error"), 1},
                {QStringLiteral("not_confirmed"), 2}, {QStringLiteral("not_cancellable"), 3},
                {QStringLiteral("quote_expired"), 4}, {QStringLiteral("unresolved"), 6},
                {QStringLiteral("interrupted"), 7}};
            const auto outcomes = cancel->ofType("outcome");
            if (outcomes.size() != 1)
                m_checks.fail(QStringLiteral("no-outcome"),
                              QStringLiteral("cancel printed %1 outcome lines, exit %2")
                                  .arg(outcomes.size())
                                  .arg(cancel->exitCode));
            else if (codes.value(outcomes.first()[QLatin1String("outcome")].toString(), -100) !=
                     cancel->exitCode)
                m_checks.fail(QStringLiteral("exit-code"),
                              QStringLiteral("cancel said %1 but exited %2")
                                  .arg(cancel->lastLine())
                                  .arg(cancel->exitCode));
        } else if (cancel->hung) {
            m_checks.fail(QStringLiteral("hang"), QStringLiteral("cancel outlived its bound"));
        }
        settle();

        int refunds = 0;
        const QJsonObject ledger = m_sandbox->ledgerJson();
        for (const QJsonValue &m : ledger.value(QLatin1String("wallet_movements")).toArray())
            refunds += m[QLatin1String("type")].toString() == QLatin1String("refund") &&
                       m[QLatin1String("order_id")].toString() == orderId;
        QSet<QString> keys;
        for (const QJsonValue &r : ledger.value(QLatin1String("requests")).toArray())
            if (r[QLatin1String("endpoint")].toString() == QLatin1String("confirm_cancellation"))
                keys.insert(r[QLatin1String("idempotency_key")].toString());
        DeskProcess *orders =
            launch(QStringLiteral("orders"),
                   {QStringLiteral("orders"), QStringLiteral("--journal"), m_journal});
        orders->wait(m_bound);
        QString intentState;
        QJsonArray cancellations;
        for (const QJsonValue &v : QJsonDocument::fromJson(orders->out)
                                       .object()
                                       .value(QLatin1String("intents"))
                                       .toArray())
            if (v[QLatin1String("order_id")].toString() == orderId) {
                intentState = v[QLatin1String("state")].toString();
                cancellations = v[QLatin1String("cancellations")].toArray();
            }
        const QString last = cancellations.isEmpty()
                                 ? QString()
                                 : cancellations.first()[QLatin1String("state")].toString();
        const QString said = QStringLiteral("%1 refund(s), booking %2, cancellation %3")
                                 .arg(refunds)
                                 .arg(intentState, last.isEmpty() ? QStringLiteral("none") : last);
        if (refunds > 1)
            m_checks.fail(QStringLiteral("double-refund"), said);
        if ((refunds == 1) != (intentState == QLatin1String("cancelled")) ||
            (refunds == 1) != (last == QLatin1String("cancelled")))
            m_checks.fail(QStringLiteral("cancel-journal"), said);
        if (keys.size() > 1)
            m_checks.fail(QStringLiteral("key"),
                          QStringLiteral("confirms sent with %1 keys").arg(keys.size()));
        if (last == QLatin1String("confirming") || last == QLatin1String("unresolved"))
            m_checks.fail(QStringLiteral("unsettled"),
                          QStringLiteral("a fault-free resume left the cancellation %1").arg(last));
    }

public:
    bool cancelledABooking() const { return m_cancelled; }

private:
    bool m_cancelled = false;
    Plan m_plan;
    QString m_dir;
    int m_bound;
    QString m_journal;
    quint16 m_hookPort = 0;
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::vector<std::unique_ptr<DeskProcess>> m_procs;
    DeskProcess *m_settle = nullptr;
    Checks m_checks;
};

} // namespace
} // namespace fd::faults

class TestFaultSchedules final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void planIsReproducibleFromItsSeed() {
        using fd::faults::makePlan;
        for (quint32 seed : {1u, 2u, 977u}) {
            QCOMPARE(makePlan(seed).describe(), makePlan(seed).describe());
            QCOMPARE(makePlan(seed).passport, makePlan(seed).passport);
        }
        QVERIFY(makePlan(1).describe() != makePlan(2).describe());
    }

    void schedules() {
        using namespace fd::faults;
        const bool one = qEnvironmentVariableIsSet("FLIGHTDESK_FAULT_SEED");
        const quint32 first = quint32(one ? envInt("FLIGHTDESK_FAULT_SEED", 1)
                                          : envInt("FLIGHTDESK_FAULT_FIRST_SEED", 1));
        const int count = one ? 1 : envInt("FLIGHTDESK_FAULT_SCHEDULES", 100);
        const int bound = envInt("FLIGHTDESK_FAULT_BOUND_MS", 6000);
        const bool verbose = one || qEnvironmentVariableIsSet("FLIGHTDESK_FAULT_VERBOSE");

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QElapsedTimer clock;
        clock.start();
        int passed = 0;
        int cancels = 0; // schedules that went on to cancel their booking
        qint64 slowest = 0;
        quint32 slowestSeed = 0;
        QStringList failed;
        QMap<QString, QList<quint32>> byTag;
        for (int i = 0; i < count; ++i) {
            const quint32 seed = first + quint32(i);
            const Plan plan = makePlan(seed);
            const QString where = dir.filePath(QString::number(seed));
            QDir().mkpath(where);
            auto schedule = std::make_unique<Schedule>(plan, where, bound);
            QList<Failure> failures = schedule->run();
            for (int retry = 0; retry < 3 && !failures.isEmpty() && schedule->lostItsPort();
                 ++retry) {
                schedule.reset();
                QDir(where).removeRecursively();
                QDir().mkpath(where);
                schedule = std::make_unique<Schedule>(plan, where, bound);
                failures = schedule->run();
            }
            if (schedule->slowestMs() > slowest) {
                slowest = schedule->slowestMs();
                slowestSeed = seed;
            }
            cancels += schedule->cancelledABooking() ? 1 : 0;
            if (failures.isEmpty()) {
                ++passed;
                QDir(where).removeRecursively();
                continue;
            }
            QStringList tags;
            for (const Failure &f : failures)
                if (!tags.contains(f.tag))
                    tags << f.tag;
            for (const QString &t : tags)
                byTag[t] << seed;
            QString line = QStringLiteral("seed %1: [%2] %3")
                               .arg(seed)
                               .arg(failures.first().tag, failures.first().text);
            if (failures.size() > 1)
                line += QStringLiteral(" (+%1 more: %2)")
                            .arg(failures.size() - 1)
                            .arg(tags.join(QLatin1Char(',')));
            failed << line;
            qInfo("FAIL %s", qPrintable(line));
            if (verbose) {
                qInfo("plan: %s", qPrintable(plan.describe()));
                for (const Failure &f : failures)
                    qInfo("  [%s] %s", qPrintable(f.tag), qPrintable(f.text));
                qInfo("%s", qPrintable(schedule->transcript()));
            }
        }
        qInfo("%d passed, %lld failed (seeds %u..%u, %.1f s)", passed, qlonglong(failed.size()),
              first, first + quint32(count) - 1, double(clock.elapsed()) / 1000.0);
        qInfo("%d of them then cancelled the booking (faults, kills, a resume)", cancels);
        qInfo("slowest process that exited by itself: %lld ms (seed %u); bound %d ms", slowest,
              slowestSeed, bound);
        for (auto it = byTag.cbegin(); it != byTag.cend(); ++it) {
            QStringList seeds;
            for (quint32 s : it.value().mid(0, 12))
                seeds << QString::number(s);
            qInfo("  [%s] %lld: seeds %s%s (%s)", qPrintable(it.key()),
                  qlonglong(it.value().size()), qPrintable(seeds.join(QLatin1Char(' '))),
                  it.value().size() > 12 ? " ..." : "", qPrintable(tagMeaning(it.key())));
        }
        if (!failed.isEmpty())
            qInfo("rerun one: FLIGHTDESK_FAULT_SEED=<seed> %s",
                  qPrintable(QCoreApplication::applicationFilePath()));
        QVERIFY2(failed.isEmpty(),
                 qPrintable(QStringLiteral("%1 of %2 schedules failed: %3")
                                .arg(failed.size())
                                .arg(count)
                                .arg(failed.mid(0, 5).join(QStringLiteral("; ")))));
    }
};

QTEST_GUILESS_MAIN(TestFaultSchedules)
#include "tst_fault_schedules.moc"
