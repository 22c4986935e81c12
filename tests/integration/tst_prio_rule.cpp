// Prio's rule (tracker issue 11, item 6), asserted from what the providers saw, not from the
// code: every mutating request the desk sends to either provider carries an Idempotency-Key
// that was journaled before the first send and is reused on every retry.
//
// One row per (provider, built-in scenario of that provider's sandbox): a real CheckoutFlow,
// OrderJournal and gateway against the sandbox on 127.0.0.1, driven to whatever outcome the
// scenario leads to (an interrupted flow is resumed once with retrySafely; Travelbase's
// insufficient funds once with a top-up). Then, from the sandbox's ledgerJson():
//  - every non-GET request is classified: to an endpoint the sandbox requires a key for (the
//    rule's scope) or to a known key-free one (searches; Travelbase's top-up, a sandbox-only
//    stand-in for the agency's bank transfer that books and debits nothing); anything else fails
//    the row, so a new mutating call cannot slip past the rule unclassified;
//  - every keyed request carries a UUID v4 that the journal holds for that intent (the intent's
//    key for creates, its ticket key for ticket actions), seen in the journal at the moment the
//    request reached the sandbox (a watcher runs between event-loop turns) and, for the
//    intent's key, written at createdAt, strictly before the first request's receivedAt on the
//    shared manual clock;
//  - all requests under one key carry byte-identical bodies (creates: the body the provider's
//    builder makes for the offer and passengers), and the journal's attempt log names no other
//    key;
//  - the sandbox holds at most one order/booking and one debit for the intent, and it is the
//    journal's.
// Limit: the desk and the sandbox share one thread, so a key written in the same call stack
// right after a send would still look journaled on arrival; createdAt < receivedAt covers the
// intent's key, the watcher covers the ticket key up to that limit.
#include "checkoutstates.h"
#include "testjournal.h"
#include "tmxgatewayfixture.h"

#include <QTimer>
#include <QUuid>

using namespace fd;
using namespace fd::test;
using Outcome = CheckoutFlow::Outcome;

namespace {

constexpr int kWait = 20000; // generous under sanitizers; most rows need well under 2 s

bool isUuidV4(const QString &key) {
    const QUuid u = QUuid::fromString(key);
    return key.size() == 36 && !u.isNull() && u.version() == QUuid::Random &&
           u.variant() == QUuid::DCE;
}

// What a provider's sandbox knows about mutating endpoints.
struct Scope {
    QStringList keyed;    // the sandbox refuses these without an Idempotency-Key
    QStringList keyFree;  // non-GET, but outside the rule (documented above)
    QString create;       // the endpoint whose key is the intent's
    QString ticket;       // the endpoint whose key is the ticket key (empty: none)
    QString ordersField;  // ledgerJson()'s list of orders/bookings
    QString orderIdField; // an order's id there
};

const Scope kTravelbase{{QStringLiteral("create_order"), QStringLiteral("ticket_order"),
                         QStringLiteral("confirm_cancellation")},
                        {QStringLiteral("search_offers"), QStringLiteral("top_up")},
                        QStringLiteral("create_order"),
                        QStringLiteral("ticket_order"),
                        QStringLiteral("orders"),
                        QStringLiteral("id")};
const Scope kTravomatrix{{QStringLiteral("create_booking"), QStringLiteral("confirm_cancellation")},
                         {QStringLiteral("search")},
                         QStringLiteral("create_booking"),
                         {},
                         QStringLiteral("bookings"),
                         QStringLiteral("pnr")};

struct TmxEngine : TmxEnv {
    TmxEngine()
        : TmxEnv(0.005) {
        gateway = makeGateway(gatewayOptions(0.005));
        journal.setPassword(journalPassword());
        const auto opened =
            journal.open(freshJournalLocation(dir, QStringLiteral("journal.sqlite")));
        if (!opened)
            qFatal("journal did not open: %s", qPrintable(opened.error().message));
    }
    // The contract's polling (5 s, then every 10 s; 60 s still processing; 5 min support).
    static TimingPolicy timing() {
        TimingPolicy t;
        t.scale = 0.005;
        t.firstPoll = std::chrono::milliseconds(5000);
        t.pollInterval = std::chrono::milliseconds(10000);
        return t;
    }
    QTemporaryDir dir;
    OrderJournal journal{&clock};
    JournalQueue journalQueue{&journal};
};

// Checks, between event-loop turns, that every keyed request that has just reached the sandbox
// carries a key the journal already holds for the intent.
class ArrivalWatch {
public:
    ArrivalWatch(const sandbox::Ledger &ledger, const OrderJournal &journal, qint64 intentId,
                 const Scope &scope)
        : m_ledger(ledger)
        , m_journal(journal)
        , m_intentId(intentId)
        , m_scope(scope) {
        m_timer.setInterval(0);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { check(); });
        m_timer.start();
    }
    QStringList violations() {
        check();
        return m_violations;
    }

private:
    void check() {
        const auto requests = m_ledger.requests();
        for (; m_seen < requests.size(); ++m_seen) {
            const auto &r = requests.at(m_seen);
            if (!m_scope.keyed.contains(r.endpoint))
                continue;
            const Intent i = m_journal.intent(m_intentId).value_or(Intent{});
            const QString journaled = r.endpoint == m_scope.create   ? i.idempotencyKey
                                      : r.endpoint == m_scope.ticket ? i.ticketKey
                                                                     : QString();
            if (journaled.isEmpty() || journaled != r.idempotencyKey)
                m_violations.append(QStringLiteral("#%1 %2 arrived with key '%3', journal had '%4'")
                                        .arg(r.seq)
                                        .arg(r.endpoint, r.idempotencyKey, journaled));
        }
    }

    const sandbox::Ledger &m_ledger;
    const OrderJournal &m_journal;
    qint64 m_intentId;
    const Scope &m_scope;
    QTimer m_timer;
    qsizetype m_seen = 0;
    QStringList m_violations;
};

} // namespace

class TestPrioRule final : public QObject {
    Q_OBJECT

    // Runs the flow to a final state: an interruption is retried once, a Travelbase shortfall
    // is topped up once.
    template <typename Env>
    static void drive(Env &env, CheckoutFlow &flow, const Offer &offer, bool canTopUp) {
        flow.start();
        QVERIFY(flow.submit());
        QTRY_VERIFY_WITH_TIMEOUT(flow.outcome().has_value(), kWait);
        if (*flow.outcome() == Outcome::Interrupted) {
            QVERIFY(flow.retrySafely());
            QTRY_VERIFY_WITH_TIMEOUT(flow.outcome() && *flow.outcome() != Outcome::Interrupted,
                                     kWait);
        }
        if (*flow.outcome() == Outcome::InsufficientFunds && canTopUp) {
            if constexpr (std::is_same_v<Env, EngineEnv>) {
                Answer<Wallet> topped;
                env.gateway->topUp(offer.total, &env.context, topped.sink());
                QVERIFY(topped.wait());
                QVERIFY2(topped.value(), qPrintable(topped.why()));
                QVERIFY(flow.retryAfterTopUp());
                QTRY_VERIFY_WITH_TIMEOUT(
                    flow.outcome() && *flow.outcome() != Outcome::InsufficientFunds, kWait);
            }
        }
        QVERIFY(!state::isBusy(flow.state())); // unresolved and insufficient funds may rest here
    }

    // Everything the rule says, from the sandbox's ledger and the journal.
    static void expectRule(const QJsonObject &ledger, const Intent &intent,
                           const QList<JournalEvent> &events, const Scope &scope,
                           const QString &createSha, QHash<QString, int> &keyedCounts) {
        QVERIFY(isUuidV4(intent.idempotencyKey));
        QHash<QString, QSet<QString>> bodiesByKey;
        QHash<QString, QString> endpointByKey;
        for (const auto &v : ledger.value(QLatin1String("requests")).toArray()) {
            const QJsonObject r = v.toObject();
            const QString method = r.value(QLatin1String("method")).toString().toUpper();
            const QString endpoint = r.value(QLatin1String("endpoint")).toString();
            const QString key = r.value(QLatin1String("idempotency_key")).toString();
            const QString what = QStringLiteral("#%1 %2 %3")
                                     .arg(r.value(QLatin1String("seq")).toInt())
                                     .arg(method, endpoint);
            if (method == QLatin1String("GET"))
                continue;
            if (scope.keyFree.contains(endpoint))
                continue;
            QVERIFY2(scope.keyed.contains(endpoint), qPrintable(what + u" is unclassified"));
            QVERIFY2(isUuidV4(key), qPrintable(what + u" carries no UUID v4: '" + key + u"'"));
            const QString journaled = endpoint == scope.create   ? intent.idempotencyKey
                                      : endpoint == scope.ticket ? intent.ticketKey
                                                                 : QString();
            QVERIFY2(!journaled.isEmpty() && key == journaled,
                     qPrintable(what + u" key is not the journal's: " + key));
            const QDateTime at = QDateTime::fromString(
                r.value(QLatin1String("received_at")).toString(), Qt::ISODateWithMs);
            QVERIFY2(at.isValid() && intent.createdAt < at,
                     qPrintable(what + u" reached the sandbox before the intent was journaled"));
            ++keyedCounts[endpoint];
            bodiesByKey[key].insert(r.value(QLatin1String("body_sha256")).toString());
            endpointByKey.insert(key, endpoint);
        }
        // One key, one body: every retry of a call sent the same bytes; a create the offer's.
        for (auto it = bodiesByKey.cbegin(); it != bodiesByKey.cend(); ++it)
            QVERIFY2(it.value().size() == 1, qPrintable(endpointByKey.value(it.key()) +
                                                        u" changed its body under " + it.key()));
        if (bodiesByKey.contains(intent.idempotencyKey))
            QCOMPARE(bodiesByKey.value(intent.idempotencyKey), QSet<QString>{createSha});
        // The journal's own attempt log names no key but the intent's and its ticket key.
        for (const JournalEvent &e : events) {
            if (e.kind != JournalEvent::Kind::Attempt)
                continue;
            const QString key = e.detail.value(QLatin1String("idempotency_key")).toString();
            QVERIFY2(key.isEmpty() || key == intent.idempotencyKey || key == intent.ticketKey,
                     qPrintable(u"journal attempt with a foreign key " + key));
        }
        // Never two bookings for one intent, and the one there is, is the journal's.
        const QJsonArray orders = ledger.value(scope.ordersField).toArray();
        QVERIFY2(orders.size() <= 1, qPrintable(QString::number(orders.size()) + u" orders"));
        if (orders.size() == 1)
            QCOMPARE(orders.first().toObject().value(scope.orderIdField).toString(),
                     intent.orderId);
        int debits = 0;
        for (const auto &m : ledger.value(QLatin1String("wallet_movements")).toArray())
            debits += m.toObject().value(QLatin1String("type")).toString() == u"debit" ? 1 : 0;
        QVERIFY(debits <= 1);
    }

    // The rule is not met by sending nothing: a row that booked, failed or is unresolved made
    // its creates (and, with Travelbase, its ticket actions) under the keys checked above.
    static void expectCoverage(Outcome outcome, const Scope &scope,
                               const QHash<QString, int> &keyed) {
        qInfo("keyed requests: %d to %s, %d to %s", keyed.value(scope.create),
              qPrintable(scope.create), keyed.value(scope.ticket),
              scope.ticket.isEmpty() ? "(no ticket action)" : qPrintable(scope.ticket));
        const bool sent = outcome == Outcome::Ticketed || outcome == Outcome::Failed ||
                          outcome == Outcome::Unresolved;
        if (!sent)
            return;
        QVERIFY(keyed.value(scope.create) >= 1);
        if (!scope.ticket.isEmpty())
            QVERIFY(keyed.value(scope.ticket) >= 1);
    }

    // Moves the shared clock past createdAt, so "journaled first" is a strict comparison, and
    // for an "about to expire" scenario into the desk's safety margin.
    static void letTimePass(ManualClock &clock, const QString &scenario) {
        clock.advance(1000);
        if (scenario.contains(QLatin1String("about_to_expire")))
            clock.advance(15'000);
    }

private Q_SLOTS:
    void initTestCase() { FD_SKIP_UNLESS_TEST_JOURNAL_RUNS(); }
    void rule_data() {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("scenario");
        for (const QString &s : sandbox::Scenario::builtInNames())
            QTest::addRow("travelbase/%s", qPrintable(s)) << QStringLiteral("travelbase") << s;
        for (const QString &s : sandbox::TravomatrixSandbox::Scenario::builtInNames())
            QTest::addRow("travomatrix/%s", qPrintable(s)) << QStringLiteral("travomatrix") << s;
    }

    void rule() {
        QFETCH(QString, provider);
        QFETCH(QString, scenario);
        if (provider == u"travelbase")
            runTravelbase(scenario);
        else
            runTravomatrix(scenario);
    }

private:
    void runTravelbase(const QString &scenario) {
        EngineEnv env;
        QVERIFY(env.setScenario(scenario));
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const qint64 id = env.newIntent(*offer);
        QVERIFY(id > 0);
        letTimePass(env.clock, scenario);
        ArrivalWatch watch(env.sandbox->ledger(), env.journal, id, kTravelbase);
        auto flow = env.makeFlow(id);
        drive(env, *flow, *offer, true);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(watch.violations().isEmpty(), qPrintable(watch.violations().join(u'\n')));
        qInfo("outcome %s", state::name(flow->state()).data());
        QHash<QString, int> keyed;
        expectRule(env.sandbox->ledgerJson(), env.intent(id),
                   env.journal.events(id).value_or(QList<JournalEvent>{}), kTravelbase,
                   expectedBodySha(*offer), keyed);
        if (QTest::currentTestFailed())
            return;
        expectCoverage(*flow->outcome(), kTravelbase, keyed);
    }

    void runTravomatrix(const QString &scenario) {
        TmxEngine env;
        QVERIFY(env.sandbox->setScenario(scenario));
        const auto offer = env.searchFirstOffer(EngineEnv::familyTypes());
        QVERIFY(offer);
        const auto created = env.journal.createIntent(
            offer->id, offer->raw, EngineEnv::familyJson(), env.gateway->providerId());
        QVERIFY(created);
        const qint64 id = created->id;
        letTimePass(env.clock, scenario);
        ArrivalWatch watch(env.sandbox->ledger(), env.journal, id, kTravomatrix);
        CheckoutFlow::Deps d;
        d.gateway = env.gateway.get();
        d.journal = &env.journalQueue;
        d.clock = &env.clock;
        d.scheduler = &env.scheduler;
        d.timing = TmxEngine::timing();
        d.leaseOwner = QStringLiteral("window-1");
        CheckoutFlow flow(d, id);
        drive(env, flow, *offer, false);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(watch.violations().isEmpty(), qPrintable(watch.violations().join(u'\n')));
        qInfo("outcome %s", state::name(flow.state()).data());
        const auto body =
            fd::travomatrix::createBody(*offer, passengersFrom(EngineEnv::familyJson()));
        QHash<QString, int> keyed;
        expectRule(env.sandbox->ledgerJson(), env.journal.intent(id).value_or(Intent{}),
                   env.journal.events(id).value_or(QList<JournalEvent>{}), kTravomatrix,
                   sha256Hex(body), keyed);
        if (QTest::currentTestFailed())
            return;
        expectCoverage(*flow.outcome(), kTravomatrix, keyed);
    }
};

QTEST_GUILESS_MAIN(TestPrioRule)
#include "tst_prio_rule.moc"
