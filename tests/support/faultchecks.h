#pragma once

// What tst_fault_schedules asserts after a schedule, from the sandbox's ledger (what
// GET /__sandbox/ledger answers), the journal as `flightdesk orders` prints it, the journal's raw
// bytes, and what every desk process printed and how it exited. Each failure carries a tag, so
// a run can be summed up by cause.

#include "deskprocess.h"
#include "faultplan.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <vector>

namespace fd::faults {

struct Failure {
    QString tag;
    QString text;
};

inline QString tagMeaning(const QString &tag) {
    static const QHash<QString, QString> meanings{
        {QStringLiteral("hang"), QStringLiteral("a process outlived its bound and was killed")},
        {QStringLiteral("exit-code"), QStringLiteral("exit status is not the outcome's")},
        {QStringLiteral("no-outcome"), QStringLiteral("exited without an outcome line")},
        {QStringLiteral("unreported"),
         QStringLiteral("the order is final in the sandbox, no process ever reported it")},
        {QStringLiteral("interrupted-ignored"),
         QStringLiteral("exit 7 promised a resume, the next resume found nothing to resume")},
        {QStringLiteral("unsettled"),
         QStringLiteral("a fault-free resume did not end in the order's state")},
        {QStringLiteral("backwards"), QStringLiteral("a state after a final state")},
        {QStringLiteral("journal"), QStringLiteral("journal state differs from the sandbox order")},
        {QStringLiteral("outcome"), QStringLiteral("reported outcome differs from the sandbox")},
        {QStringLiteral("double-order"), QStringLiteral("more than one order")},
        {QStringLiteral("debit"), QStringLiteral("debits/reversals do not match the orders")},
        {QStringLiteral("key"), QStringLiteral("idempotency keys do not match one intent")},
        {QStringLiteral("body"), QStringLiteral("one key sent with different bodies")},
        {QStringLiteral("pii"), QStringLiteral("passport or birth date left in a final journal")},
        {QStringLiteral("harness"), QStringLiteral("the harness itself could not run")},
        {QStringLiteral("double-refund"), QStringLiteral("more than one refund for a booking")},
        {QStringLiteral("cancel-journal"),
         QStringLiteral("the journal's cancellation differs from the sandbox's refund")},
    };
    return meanings.value(tag, QStringLiteral("?"));
}

inline int exitCodeFor(const QString &outcome) {
    static const QHash<QString, int> codes{
        {QStringLiteral("ticketed"), 0},          {QStringLiteral("error"), 1},
        {QStringLiteral("invalid_input"), 2},     {QStringLiteral("failed"), 3},
        {QStringLiteral("offer_unavailable"), 4}, {QStringLiteral("insufficient_funds"), 5},
        {QStringLiteral("unresolved"), 6},        {QStringLiteral("interrupted"), 7}};
    return codes.value(outcome, -100);
}

// The journal's own notion of final (core/intent.cpp): no request is ever sent again.
inline bool isFinalIntentState(const QString &s) {
    static const QStringList finals{
        QStringLiteral("ticketed"),  QStringLiteral("failed"),
        QStringLiteral("cancelled"), QStringLiteral("offer_unavailable"),
        QStringLiteral("rejected"),  QStringLiteral("superseded")};
    return finals.contains(s);
}

// Which journal files (the database, its WAL, any rollback journal) hold the plan's PII.
struct JournalBytes {
    QStringList withPassport;
    QStringList withBirthDate;
};

inline JournalBytes readJournalBytes(const QString &dir, const Plan &plan) {
    JournalBytes b;
    const auto files = QDir(dir).entryList({QStringLiteral("journal.sqlite*")}, QDir::Files);
    for (const QString &name : files) {
        QFile f(QDir(dir).filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray raw = f.readAll();
        if (raw.contains(plan.passport.toLatin1()))
            b.withPassport << name;
        if (raw.contains(plan.bornOn.toLatin1()))
            b.withBirthDate << name;
    }
    return b;
}

class Checks {
public:
    QJsonObject ledger;  // the sandbox's ledger
    QJsonObject journal; // `flightdesk orders` output
    JournalBytes bytes;
    QList<Failure> failures;

    void fail(const QString &tag, const QString &text) { failures.append({tag, text}); }

    void run(const std::vector<const DeskProcess *> &desks, const DeskProcess *settle, int bound) {
        readLedger();
        checkProcesses(desks, bound);
        checkLedger();
        checkOutcomes(desks);
        checkLastWord(desks, settle);
        checkJournal();
    }

private:
    static QString s(const QJsonObject &o, const char *key) {
        return o.value(QLatin1String(key)).toString();
    }
    QList<QJsonObject> rows(const char *table, const char *key = nullptr,
                            const QString &value = {}) const {
        QList<QJsonObject> out;
        for (const QJsonValue &v : ledger.value(QLatin1String(table)).toArray())
            if (!key || s(v.toObject(), key) == value)
                out << v.toObject();
        return out;
    }

    static QString interruptedStep(const DeskProcess *p) {
        for (const QJsonObject &l : p->ofType("state"))
            if (s(l, "state") == QLatin1String("interrupted"))
                return s(l, "step");
        return QStringLiteral("?");
    }

    void readLedger() {
        m_orders = rows("orders");
        m_order = m_orders.size() == 1 ? m_orders.first() : QJsonObject();
        for (const QJsonValue &v : journal.value(QLatin1String("intents")).toArray())
            m_intents << v.toObject();
    }
    QString orderState() const { return m_order.isEmpty() ? QString() : s(m_order, "status"); }

    void checkProcesses(const std::vector<const DeskProcess *> &desks, int bound) {
        for (const DeskProcess *p : desks) {
            if (p->hung) {
                fail(QStringLiteral("hang"),
                     QStringLiteral("%1 still running after %2 s; last line %3")
                         .arg(p->label)
                         .arg(bound / 1000.0)
                         .arg(p->lastLine()));
                continue;
            }
            if (p->killed)
                continue;
            const auto outcomes = p->ofType("outcome");
            int expected = 0;
            for (const QJsonObject &o : outcomes)
                if (expected == 0)
                    expected = exitCodeFor(s(o, "outcome"));
            if (outcomes.isEmpty() && !p->saidNothingToResume())
                fail(QStringLiteral("no-outcome"),
                     QStringLiteral("%1 exited %2 without an outcome line: %3")
                         .arg(p->label)
                         .arg(p->exitCode)
                         .arg(QString::fromUtf8(p->err.trimmed().split('\n').value(0))));
            else if (p->exitCode != expected)
                fail(QStringLiteral("exit-code"),
                     QStringLiteral("%1 reported %2 but exited %3")
                         .arg(p->label, outcomes.isEmpty() ? QStringLiteral("nothing")
                                                           : s(outcomes.first(), "outcome"))
                         .arg(p->exitCode));
            const QStringList states = p->states();
            for (qsizetype i = 0; i + 1 < states.size(); ++i)
                if (states[i] == QLatin1String("ticketed") ||
                    states[i] == QLatin1String("failed")) {
                    fail(QStringLiteral("backwards"), QStringLiteral("%1 went %2 after %3")
                                                          .arg(p->label, states[i + 1], states[i]));
                    break;
                }
        }
    }

    void checkLedger() {
        if (m_orders.size() > 1)
            fail(QStringLiteral("double-order"),
                 QStringLiteral("%1 orders in the sandbox").arg(m_orders.size()));
        const auto debits = rows("wallet_movements", "type", QStringLiteral("debit"));
        if (debits.size() != m_orders.size())
            fail(QStringLiteral("debit"),
                 QStringLiteral("%1 debits for %2 orders").arg(debits.size()).arg(m_orders.size()));
        for (const QJsonObject &o : m_orders) {
            qsizetype reversals = 0;
            for (const QJsonObject &m : rows("wallet_movements", "order_id", s(o, "id")))
                reversals += s(m, "type") == QLatin1String("reversal") ? 1 : 0;
            const bool failed = s(o, "status") == QLatin1String("failed");
            if (reversals != (failed ? 1 : 0))
                fail(QStringLiteral("debit"), QStringLiteral("order %1 is %2 with %3 reversals")
                                                  .arg(s(o, "id"), s(o, "status"))
                                                  .arg(reversals));
        }
        // One key and one body per intent: every create under a key the journal holds, the same
        // bytes under each key, and at most one key that ever executed.
        QSet<QString> intentKeys;
        for (const QJsonObject &i : m_intents)
            intentKeys << s(i, "idempotency_key");
        QHash<QString, QSet<QString>> bodies;
        QSet<QString> executed;
        for (const QJsonObject &c : rows("requests", "endpoint", QStringLiteral("create_order"))) {
            bodies[s(c, "idempotency_key")] << s(c, "body_sha256");
            if (s(c, "outcome").startsWith(QLatin1String("executed")))
                executed << s(c, "idempotency_key");
        }
        for (auto it = bodies.cbegin(); it != bodies.cend(); ++it) {
            if (!m_intents.isEmpty() && !intentKeys.contains(it.key()))
                fail(QStringLiteral("key"),
                     QStringLiteral("a create went out under key %1, which no intent holds")
                         .arg(it.key()));
            if (it.value().size() > 1)
                fail(QStringLiteral("body"), QStringLiteral("key %1 sent %2 different bodies")
                                                 .arg(it.key())
                                                 .arg(it.value().size()));
        }
        if (executed.size() > 1)
            fail(QStringLiteral("key"),
                 QStringLiteral("creates executed under %1 keys").arg(executed.size()));
        m_orderKey = executed.isEmpty() ? QString() : *executed.cbegin();
        QHash<QString, QSet<QString>> ticketKeys;
        for (const QJsonObject &t : rows("requests", "endpoint", QStringLiteral("ticket_order")))
            ticketKeys[s(t, "path")] << s(t, "idempotency_key");
        for (auto it = ticketKeys.cbegin(); it != ticketKeys.cend(); ++it)
            if (it.value().size() > 1)
                fail(QStringLiteral("key"),
                     QStringLiteral("%1 sent under %2 keys").arg(it.key()).arg(it.value().size()));
    }

    // Every outcome a desk printed is true of the sandbox at the end (outcomes are final there).
    void checkOutcomes(const std::vector<const DeskProcess *> &desks) {
        for (const DeskProcess *p : desks) {
            for (const QJsonObject &o : p->ofType("outcome")) {
                const QString outcome = s(o, "outcome");
                const QString orderId = s(o, "order_id");
                const bool known = !m_order.isEmpty() && s(m_order, "id") == orderId;
                if (outcome == QLatin1String("ticketed") || outcome == QLatin1String("failed")) {
                    if (!known || orderState() != outcome)
                        fail(QStringLiteral("outcome"),
                             QStringLiteral("%1 reported %2 for %3; the sandbox has %4 %5")
                                 .arg(p->label, outcome, orderId, s(m_order, "id"), orderState()));
                    else if (s(o, "booking_reference") != s(m_order, "booking_reference"))
                        fail(QStringLiteral("outcome"),
                             QStringLiteral("%1 reported booking reference %2, the sandbox %3")
                                 .arg(p->label, s(o, "booking_reference"),
                                      s(m_order, "booking_reference")));
                } else if (outcome == QLatin1String("offer_unavailable") ||
                           outcome == QLatin1String("invalid_input") ||
                           outcome == QLatin1String("insufficient_funds")) {
                    if (!m_orders.isEmpty())
                        fail(QStringLiteral("outcome"),
                             QStringLiteral("%1 reported %2; the sandbox has order %3 (%4)")
                                 .arg(p->label, outcome, s(m_order, "id"), orderState()));
                } else if (outcome == QLatin1String("unresolved") && !known) {
                    fail(QStringLiteral("outcome"),
                         QStringLiteral(
                             "%1 reported unresolved for order '%2' the sandbox does not have")
                             .arg(p->label, orderId));
                }
                if (known && !m_orderKey.isEmpty() && s(o, "idempotency_key") != m_orderKey)
                    fail(QStringLiteral("key"),
                         QStringLiteral("%1 reported key %2; the order was made under %3")
                             .arg(p->label, s(o, "idempotency_key"), m_orderKey));
            }
        }
    }

    // After the settle resume (no faults), the desk's last word must be the order's state.
    void checkLastWord(const std::vector<const DeskProcess *> &desks, const DeskProcess *settle) {
        if (!settle || settle->hung)
            return; // already a hang
        QString lastWord;
        const DeskProcess *lastSpeaker = nullptr;
        for (const DeskProcess *p : desks)
            for (const QJsonObject &o : p->ofType("outcome")) {
                lastWord = s(o, "outcome");
                lastSpeaker = p;
            }
        bool everReported = false;
        for (const DeskProcess *p : desks)
            for (const QJsonObject &o : p->ofType("outcome"))
                everReported = everReported || s(o, "outcome") == orderState();
        const QString state = orderState();
        const QString settleSaid = settle->saidNothingToResume()
                                       ? QStringLiteral("\"Nothing to resume.\"")
                                       : settle->lastLine();
        if (state == QLatin1String("ticketed") || state == QLatin1String("failed")) {
            if (!everReported)
                fail(QStringLiteral("unreported"),
                     QStringLiteral("order %1 is %2 in the sandbox, never reported; last word %3, "
                                    "settle resume said %4")
                         .arg(s(m_order, "id"), state,
                              lastWord.isEmpty() ? QStringLiteral("none") : lastWord, settleSaid));
        } else if (!state.isEmpty()) {
            if (settle->ofType("outcome").isEmpty() ||
                s(settle->ofType("outcome").last(), "outcome") != QLatin1String("unresolved"))
                fail(QStringLiteral("unsettled"),
                     QStringLiteral("order %1 is still %2; the settle resume said %3")
                         .arg(s(m_order, "id"), state, settleSaid));
        } else if (lastWord == QLatin1String("interrupted") && lastSpeaker != settle &&
                   settle->saidNothingToResume()) {
            fail(QStringLiteral("interrupted-ignored"),
                 QStringLiteral(
                     "%1 ended interrupted (exit 7) at %2; the next resume found nothing to resume")
                     .arg(lastSpeaker->label, interruptedStep(lastSpeaker)));
        } else if (lastWord == QLatin1String("interrupted") ||
                   lastWord == QLatin1String("unresolved")) {
            fail(QStringLiteral("unsettled"),
                 QStringLiteral("no order, and the desk's last word is %1 (from %2)")
                     .arg(lastWord, lastSpeaker->label));
        }
    }

    void checkJournal() {
        const QString state = orderState();
        bool allFinal = !m_intents.isEmpty();
        for (const QJsonObject &i : m_intents) {
            allFinal = allFinal && isFinalIntentState(s(i, "state"));
            // The journal's own history: nothing ever leaves ticketed or failed.
            for (const QJsonValue &ev : i.value(QLatin1String("events")).toArray()) {
                const QJsonObject e = ev.toObject();
                const QJsonObject d = e.value(QLatin1String("detail")).toObject();
                const QString from = s(d, "from");
                if (s(e, "kind") == QLatin1String("state") &&
                    (from == QLatin1String("ticketed") || from == QLatin1String("failed")) &&
                    s(d, "to") != from) {
                    fail(QStringLiteral("backwards"),
                         QStringLiteral("the journal moved intent %1 from %2 to %3%4")
                             .arg(QString::number(i.value(QLatin1String("intent_id")).toInteger()),
                                  from, s(d, "to"),
                                  d.contains(QLatin1String("cause"))
                                      ? QStringLiteral(" (%1)").arg(s(d, "cause"))
                                      : QString()));
                    break;
                }
            }
            if (!m_order.isEmpty() && s(i, "order_id") == s(m_order, "id") &&
                (state == QLatin1String("ticketed") || state == QLatin1String("failed")) &&
                s(i, "state") != state)
                fail(QStringLiteral("journal"),
                     QStringLiteral("intent %1 is %2 in the journal; order %3 is %4")
                         .arg(QString::number(i.value(QLatin1String("intent_id")).toInteger()),
                              s(i, "state"), s(m_order, "id"), state));
        }
        if (allFinal && !(bytes.withPassport.isEmpty() && bytes.withBirthDate.isEmpty()))
            fail(
                QStringLiteral("pii"),
                QStringLiteral(
                    "every intent is final, yet the passport is in [%1] and the birth date in [%2]")
                    .arg(bytes.withPassport.join(QLatin1Char(' ')),
                         bytes.withBirthDate.join(QLatin1Char(' '))));
    }

    QList<QJsonObject> m_orders;
    QJsonObject m_order; // the one order, when there is exactly one
    QList<QJsonObject> m_intents;
    QString m_orderKey; // the key whose create executed
};

} // namespace fd::faults
