#pragma once

// One fault schedule of tst_fault_schedules: a seed turned into a deterministic plan — the
// sandbox scenario (faults per endpoint and attempt, webhook behaviour, ticketing outcome), the
// passenger's PII, the timing scale, when the desk is killed and how it is resumed.
// Pure: the same seed always gives the same plan, on every machine.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <utility>

namespace fd::faults {

// When a process is killed with SIGKILL: never, once it has printed N JSON lines on stdout,
// or after a delay from its start (it may have finished by then: then nothing is killed).
struct Kill {
    enum class When { Never, AfterLines, AfterMs } when = When::Never;
    int value = 0;
    QString describe() const {
        switch (when) {
        case When::Never:
            return QStringLiteral("no kill");
        case When::AfterLines:
            return QStringLiteral("kill after %1 lines").arg(value);
        case When::AfterMs:
            return QStringLiteral("kill after %1 ms").arg(value);
        }
        return {};
    }
};

// What follows the checkout once it was killed (every schedule ends with a settle `resume`
// against a fault-free scenario, which the harness adds by itself).
enum class ResumePattern {
    Once,        // resume
    KilledTwice, // resume, killed too (its own kill moment), then resume again
    TwoAtOnce,   // two resumes on the same journal at the same time
};

struct Plan {
    quint32 seed = 0;
    QJsonObject scenario;       // the sandbox scenario, in the format of app/sandbox/README.md
    double timingScale = 0.005; // desk and sandbox alike
    QString passport;           // PII that must be gone from a final intent's journal
    QString bornOn;
    Kill checkoutKill;
    ResumePattern resume = ResumePattern::Once;
    Kill resumeKill; // KilledTwice only
    // Once the booking is settled and ticketed: `flightdesk cancel --yes` under its own faults
    // (cancelScenario) and kill, then a settle resume. Drawn from a stream of its own, so every
    // seed's checkout schedule is what it was before cancellations joined.
    bool cancel = false;
    QJsonObject cancelScenario;
    Kill cancelKill;

    QString describe() const {
        QString s = QStringLiteral("scale %1, %2").arg(timingScale).arg(checkoutKill.describe());
        if (checkoutKill.when != Kill::When::Never) {
            switch (resume) {
            case ResumePattern::Once:
                s += QStringLiteral(", resume");
                break;
            case ResumePattern::KilledTwice:
                s += QStringLiteral(", resume (%1), resume").arg(resumeKill.describe());
                break;
            case ResumePattern::TwoAtOnce:
                s += QStringLiteral(", two resumes at once");
                break;
            }
        }
        if (cancel)
            s += QStringLiteral(", then cancel (%1) under %2")
                     .arg(cancelKill.describe(),
                          QString::fromUtf8(
                              QJsonDocument(cancelScenario).toJson(QJsonDocument::Compact)));
        return s + QStringLiteral(", scenario ") +
               QString::fromUtf8(QJsonDocument(scenario).toJson(QJsonDocument::Compact));
    }
};

namespace detail {

// Picks one of `choices` with the given weights.
template <typename T>
T weighted(QRandomGenerator &rng, std::initializer_list<std::pair<int, T>> choices) {
    int total = 0;
    for (const auto &c : choices)
        total += c.first;
    int roll = int(rng.bounded(total));
    for (const auto &c : choices) {
        if (roll < c.first)
            return c.second;
        roll -= c.first;
    }
    return choices.begin()->second;
}

inline Kill randomKill(QRandomGenerator &rng) {
    Kill k;
    k.when = rng.bounded(3) == 0 ? Kill::When::AfterMs : Kill::When::AfterLines;
    // Lines: offer, editing, validating, creating, ticketing, processing, ticketed, outcome.
    // A kill right on a final state line lands between the journal's write and the outcome.
    k.value = k.when == Kill::When::AfterMs ? int(rng.bounded(1500)) : 1 + int(rng.bounded(8));
    return k;
}

inline QJsonObject randomFault(QRandomGenerator &rng, const QString &endpoint, int attempt) {
    const QString kind = weighted<QString>(rng, {{15, QStringLiteral("unavailable")},
                                                 {12, QStringLiteral("internal")},
                                                 {12, QStringLiteral("rate_limited")},
                                                 {10, QStringLiteral("in_flight")},
                                                 {8, QStringLiteral("bad_gateway_html")},
                                                 {10, QStringLiteral("reset_before_commit")},
                                                 {12, QStringLiteral("reset_after_commit")},
                                                 {4, QStringLiteral("hang_after_commit")},
                                                 {12, QStringLiteral("slow")},
                                                 {2, QStringLiteral("internal_fatal")}});
    QJsonObject f{{QStringLiteral("endpoint"), endpoint},
                  {QStringLiteral("attempts"), QJsonArray{attempt}},
                  {QStringLiteral("kind"), kind}};
    if ((kind == QLatin1String("unavailable") || kind == QLatin1String("rate_limited")) &&
        rng.bounded(2) == 0)
        f.insert(QStringLiteral("retry_after"), 1 + int(rng.bounded(3)));
    if (kind == QLatin1String("slow")) // policy ms, times the scale: sometimes past the timeout
        f.insert(QStringLiteral("delay_ms"), 500 + int(rng.bounded(300000)));
    return f;
}

} // namespace detail

inline Plan makePlan(quint32 seed) {
    QRandomGenerator rng(seed);
    Plan p;
    p.seed = seed;
    p.timingScale = detail::weighted<double>(rng, {{2, 0.002}, {2, 0.003}, {1, 0.005}});

    // Faults on the endpoints a checkout uses, on a few of their first attempts; attempts count
    // across every process of the schedule, since the sandbox outlives them.
    QJsonArray faults;
    for (const char *endpoint : {"search_offers", "get_offer", "get_wallet", "create_order",
                                 "ticket_order", "get_order"}) {
        if (rng.bounded(10) < 4)
            continue;
        const int count = 1 + int(rng.bounded(3));
        int attempt = 0;
        for (int i = 0; i < count; ++i) {
            attempt += 1 + int(rng.bounded(2));
            faults.append(detail::randomFault(rng, QLatin1String(endpoint), attempt));
        }
    }
    const QString outcome = detail::weighted<QString>(rng, {{55, QStringLiteral("ticketed")},
                                                            {27, QStringLiteral("failed")},
                                                            {18, QStringLiteral("never")}});
    // Policy ms: at once, before the first poll (30 s), after it, after "still processing"
    // (60 s); never past the desk's 5-minute deadline, so a settled outcome is never a race.
    const int delay = detail::weighted<int>(
        rng, {{3, 0}, {4, 3000}, {2, 20000}, {2, 45000}, {2, 90000}, {1, 200000}});
    const QString webhooks =
        detail::weighted<QString>(rng, {{30, QStringLiteral("normal")},
                                        {20, QStringLiteral("dropped")},
                                        {20, QStringLiteral("duplicated")},
                                        {15, QStringLiteral("early")},
                                        {15, QStringLiteral("bad_signature_first")},
                                        {15, QStringLiteral("stale_after")}});
    // Late webhooks: the first delivery of each event held back (policy ms, times the scale).
    const int webhookDelay =
        detail::weighted<int>(rng, {{6, 0}, {2, 5000}, {2, 10000}, {1, 45000}, {1, 120000}});
    QJsonObject hooks{{QStringLiteral("mode"), webhooks}};
    if (webhookDelay > 0)
        hooks.insert(QStringLiteral("delay_ms"), webhookDelay);
    p.scenario = {{QStringLiteral("name"), QStringLiteral("fault_schedule_%1").arg(seed)},
                  {QStringLiteral("ticketing"), QJsonObject{{QStringLiteral("outcome"), outcome},
                                                            {QStringLiteral("delay_ms"), delay}}},
                  {QStringLiteral("webhooks"), hooks},
                  {QStringLiteral("faults"), faults}};
    if (rng.bounded(20) == 0) // a wallet too low for any offer: insufficient funds
        p.scenario.insert(QStringLiteral("wallet"),
                          QJsonObject{{QStringLiteral("balance"), QStringLiteral("100.00")}});

    p.passport = QStringLiteral("K%1").arg(10000000 + rng.bounded(89999999));
    p.bornOn = QStringLiteral("%1-%2-%3")
                   .arg(1950 + rng.bounded(50))
                   .arg(1 + rng.bounded(12), 2, 10, QLatin1Char('0'))
                   .arg(1 + rng.bounded(28), 2, 10, QLatin1Char('0'));

    if (rng.bounded(5) != 0) { // most schedules kill the checkout somewhere
        p.checkoutKill = detail::randomKill(rng);
        p.resume = detail::weighted<ResumePattern>(rng, {{5, ResumePattern::Once},
                                                         {2, ResumePattern::KilledTwice},
                                                         {3, ResumePattern::TwoAtOnce}});
        if (p.resume == ResumePattern::KilledTwice)
            p.resumeKill = detail::randomKill(rng);
    }

    QRandomGenerator cancelRng(seed ^ 0x9e3779b9u);
    p.cancel = cancelRng.bounded(5) < 2;
    if (p.cancel) {
        QJsonArray cancelFaults;
        int attempt = 0;
        for (int i = 0, n = int(cancelRng.bounded(3)); i < n; ++i) {
            attempt += 1 + int(cancelRng.bounded(2));
            cancelFaults.append(
                detail::randomFault(cancelRng, QStringLiteral("confirm_cancellation"), attempt));
        }
        if (cancelRng.bounded(4) == 0)
            cancelFaults.append(
                detail::randomFault(cancelRng, QStringLiteral("create_cancellation"), 1));
        p.cancelScenario = {
            {QStringLiteral("name"), QStringLiteral("fault_cancel_%1").arg(seed)},
            {QStringLiteral("ticketing"), p.scenario.value(QLatin1String("ticketing"))},
            {QStringLiteral("webhooks"),
             QJsonObject{
                 {QStringLiteral("mode"),
                  detail::weighted<QString>(cancelRng, {{3, QStringLiteral("normal")},
                                                        {2, QStringLiteral("dropped")},
                                                        {2, QStringLiteral("duplicated")}})}}},
            {QStringLiteral("faults"), cancelFaults}};
        // Lines: state quoted, quote, state confirming, state <outcome>, outcome.
        if (cancelRng.bounded(2) == 0) {
            p.cancelKill.when =
                cancelRng.bounded(2) == 0 ? Kill::When::AfterMs : Kill::When::AfterLines;
            p.cancelKill.value = p.cancelKill.when == Kill::When::AfterMs
                                     ? int(cancelRng.bounded(400))
                                     : 1 + int(cancelRng.bounded(5));
        }
    }
    return p;
}

// The settle step's scenario: the same ticketing outcome and balance, no faults, webhooks on time.
inline QJsonObject settleScenario(const Plan &p) {
    return {{QStringLiteral("name"), QStringLiteral("settle")},
            {QStringLiteral("ticketing"), p.scenario.value(QLatin1String("ticketing"))}};
}

} // namespace fd::faults
