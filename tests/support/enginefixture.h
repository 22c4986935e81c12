#pragma once

// Shared by the engine's integration tests: the real TravelbaseGateway (and, for the flow
// tests, the real OrderJournal and CheckoutFlow) against an in-process sandbox on 127.0.0.1.
// Everything asserts through the sandbox's ledger: what arrived, with which key and body.
//
// Time: one ManualClock is shared by the sandbox, the gateway, the journal and the flow, and it
// stands still unless a test moves it. Offer lifetimes, webhook timestamps and the retry
// budget read it; every wait (backoff, polls, ticketing delays) is a real QTimer at a small
// timing scale, so nothing ever sleeps for a real policy duration.

#include "api/travelbasegateway.h"
#include "api/travelbasejson.h"
#include "api/webhookreceiver.h"
#include "core/checkoutflow.h"
#include "core/passenger.h"
#include "core/scheduler.h"
#include "sandbox/sandbox.h"
#include "storage/orderjournal.h"
#include "testdata.h"
#include "testjournal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace fd::test {

inline QString departureDate() {
    return QStringLiteral("2027-02-10");
}

inline QString describe(const GatewayFailure &f) {
    return QStringLiteral("kind %1, HTTP %2, %3: %4")
        .arg(static_cast<int>(f.kind))
        .arg(f.httpStatus)
        .arg(f.code, f.message);
}

// A ManualScheduler that counts what it is given. Every request the gateway sends schedules its
// timeout here, so a count that stays put while time moves on proves nothing more was sent.
class CountingScheduler final : public Scheduler {
public:
    explicit CountingScheduler(ManualClock *clock)
        : m_manual(clock) {}
    void after(std::chrono::milliseconds delay, QObject *context,
               std::function<void()> fn) override {
        ++m_scheduled;
        m_manual.after(delay, context, std::move(fn));
    }
    void advance(qint64 ms) { m_manual.advance(ms); }
    int scheduled() const { return m_scheduled; }

private:
    ManualScheduler m_manual;
    int m_scheduled = 0;
};

// Every AttemptLog entry the gateway reported for one call.
struct AttemptRecorder {
    QList<QJsonObject> entries;
    AttemptLog log() {
        return [this](const QJsonObject &a) {
            entries.append(a);
        };
    }
    QList<int> statuses() const {
        QList<int> out;
        for (const auto &e : entries)
            out.append(e.value(QLatin1String("status")).toInt());
        return out;
    }
};

// The one answer of a gateway call (and how many times `done` ran: it must be once).
template <typename T> struct Answer {
    int calls = 0;
    std::optional<GatewayResult<T>> result;

    std::function<void(GatewayResult<T>)> sink() {
        return [this](GatewayResult<T> r) {
            ++calls;
            result = std::move(r);
        };
    }
    bool wait(int ms = 15000) {
        return QTest::qWaitFor([this] { return calls > 0; }, ms);
    }
    const T *value() const { return result ? std::get_if<T>(&*result) : nullptr; }
    const GatewayFailure *failure() const {
        return result ? std::get_if<GatewayFailure>(&*result) : nullptr;
    }
    QString why() const {
        if (const auto *f = failure())
            return describe(*f);
        return result ? QStringLiteral("success") : QStringLiteral("no answer");
    }
};

// A sandbox on a free loopback port and a gateway for it.
struct SandboxEnv {
    explicit SandboxEnv(double sandboxScale = 0.01) {
        sandbox::Sandbox::Options options;
        options.timingScale = sandboxScale;
        sandbox = std::make_unique<sandbox::Sandbox>(options, &clock);
        const auto port = sandbox->start(0);
        if (!port)
            qFatal("sandbox did not start: %s", qPrintable(port.error().message));
        gateway = makeGateway(gatewayOptions());
    }
    virtual ~SandboxEnv() = default;
    SandboxEnv(const SandboxEnv &) = delete;
    SandboxEnv &operator=(const SandboxEnv &) = delete;

    // Scale 0.01: a 2 s backoff is 20 ms. Jitter is fixed at half its range (500 ms policy).
    TravelbaseGateway::Options gatewayOptions(
        double scale = 0.01,
        std::chrono::milliseconds requestTimeout = std::chrono::milliseconds(10'000)) const {
        TravelbaseGateway::Options o;
        o.baseUrl = sandbox->baseUrl();
        o.apiKey = sandbox->apiKey();
        o.timing.scale = scale;
        o.timing.requestTimeout = requestTimeout;
        o.random = [] {
            return 0.5;
        };
        return o;
    }
    std::unique_ptr<TravelbaseGateway> makeGateway(TravelbaseGateway::Options options,
                                                   Scheduler *with = nullptr) {
        auto g = TravelbaseGateway::create(std::move(options), &clock, with ? with : &scheduler);
        if (!g)
            qFatal("gateway refused: %s", qPrintable(g.error().message));
        return std::move(g).value();
    }

    bool setScenario(const QString &nameOrFile) { return sandbox->setScenario(nameOrFile).ok(); }
    bool setScenarioJson(const QJsonObject &json) {
        const auto s = sandbox::Scenario::fromJson(json);
        if (!s)
            return false;
        sandbox->setScenario(*s);
        return true;
    }

    // A real search through the gateway; the first offer, or nullopt.
    std::optional<Offer> searchFirstOffer(const QStringList &types = {QStringLiteral("adult")},
                                          const QString &from = QStringLiteral("LOS"),
                                          const QString &to = QStringLiteral("LHR")) {
        QJsonArray passengers;
        for (const auto &t : types)
            passengers.append(QJsonObject{{QStringLiteral("type"), t}});
        const QJsonObject request{
            {QStringLiteral("slices"),
             QJsonArray{QJsonObject{{QStringLiteral("origin"), from},
                                    {QStringLiteral("destination"), to},
                                    {QStringLiteral("departure_date"), departureDate()}}}},
            {QStringLiteral("passengers"), passengers},
            {QStringLiteral("cabin_class"), QStringLiteral("economy")}};
        Answer<QList<Offer>> answer;
        gateway->searchOffers(request, &context, {}, answer.sink());
        if (!answer.wait() || !answer.value() || answer.value()->isEmpty())
            return std::nullopt;
        return answer.value()->first();
    }

    // A marker: a wallet read through the same gateway, sent after everything before it. Once
    // its answer is back, a request sent earlier has had its chance to reach the ledger.
    bool roundTrip() {
        Answer<Wallet> answer;
        QObject caller;
        gateway->fetchWallet(&caller, {}, answer.sink());
        return answer.wait();
    }

    // --- the ledger ---
    QList<sandbox::Ledger::Request> requestsTo(const QString &endpoint) const {
        QList<sandbox::Ledger::Request> out;
        for (const auto &r : sandbox->ledger().requests())
            if (r.endpoint == endpoint)
                out.append(r);
        return out;
    }
    int countOf(const QString &endpoint) const { return int(requestsTo(endpoint).size()); }
    QJsonArray orders() const {
        return sandbox->ledgerJson().value(QLatin1String("orders")).toArray();
    }
    QList<sandbox::Ledger::Movement> movements(const QString &type) const {
        QList<sandbox::Ledger::Movement> out;
        for (const auto &m : sandbox->ledger().movements())
            if (m.type == type)
                out.append(m);
        return out;
    }
    // Distinct values over the requests to one endpoint.
    QSet<QString> keysOf(const QString &endpoint) const {
        QSet<QString> out;
        for (const auto &r : requestsTo(endpoint))
            out.insert(r.idempotencyKey);
        return out;
    }
    QSet<QString> bodiesOf(const QString &endpoint) const {
        QSet<QString> out;
        for (const auto &r : requestsTo(endpoint))
            out.insert(r.bodySha256);
        return out;
    }
    QStringList outcomesOf(const QString &endpoint) const {
        QStringList out;
        for (const auto &r : requestsTo(endpoint))
            out.append(r.outcome);
        return out;
    }

    ManualClock clock{sandboxStart()};
    QtScheduler scheduler;
    std::unique_ptr<sandbox::Sandbox> sandbox;
    std::unique_ptr<TravelbaseGateway> gateway;
    QObject context; // the caller of plain gateway calls
};

// The whole engine: CheckoutFlow + TravelbaseGateway + OrderJournal (a file in a temporary
// directory) + the sandbox, optionally with the embedded webhook receiver wired in.
struct EngineEnv : SandboxEnv {
    explicit EngineEnv(bool withReceiver = false) {
        gateway = makeGateway(gatewayOptions(0.005)); // a 2 s backoff is 10 ms
        journal.setPassword(journalPassword());
        const auto opened =
            journal.open(freshJournalLocation(dir, QStringLiteral("journal.sqlite")));
        if (!opened)
            qFatal("journal did not open: %s", qPrintable(opened.error().message));
        if (withReceiver) {
            WebhookReceiver::Options o;
            o.secret = QByteArrayLiteral("whsec_engine_test");
            receiver = std::make_unique<WebhookReceiver>(o, &journal, &clock);
            const auto port = receiver->start();
            if (!port)
                qFatal("receiver did not start: %s", qPrintable(port.error().message));
            sandbox->setWebhookEndpoint(receiver->url(), o.secret);
        }
    }

    // 0.005: the 30 s poll is 150 ms, "still processing" 300 ms, unresolved 1.5 s.
    static TimingPolicy timing(double scale = 0.005) {
        TimingPolicy t;
        t.scale = scale;
        return t;
    }

    // The family of tests/data (adult, child, lap infant; passports) on LOS-LHR.
    static QStringList familyTypes() {
        return {QStringLiteral("adult"), QStringLiteral("child"),
                QStringLiteral("infant_without_seat")};
    }
    static QJsonArray familyJson() { return readTestJson("passengers/family-valid.json").array(); }

    // The intent, with its key minted and stored before anything is sent; 0 on failure.
    qint64 newIntent(const Offer &offer, const QJsonArray &passengers = familyJson()) {
        const auto i = journal.createIntent(offer.id, offer.raw, passengers);
        return i ? i->id : 0;
    }
    Intent intent(qint64 id) const { return journal.intent(id).value_or(Intent{}); }

    std::unique_ptr<CheckoutFlow> makeFlow(qint64 intentId, const TimingPolicy &t = timing(),
                                           const QString &owner = QStringLiteral("window-1")) {
        CheckoutFlow::Deps d;
        d.gateway = gateway.get();
        d.journal = &journalQueue;
        d.clock = &clock;
        d.scheduler = &scheduler;
        d.timing = t;
        d.leaseOwner = owner;
        auto flow = std::make_unique<CheckoutFlow>(d, intentId);
        if (receiver)
            QObject::connect(receiver.get(), &WebhookReceiver::orderEvent, flow.get(),
                             &CheckoutFlow::orderUpdated);
        return flow;
    }

    // The create attempts the journal recorded for an intent.
    QList<QJsonObject> journalAttempts(qint64 intentId, const QString &call) const {
        QList<QJsonObject> out;
        const auto events = journal.events(intentId);
        if (!events)
            return out;
        for (const auto &e : *events)
            if (e.kind == JournalEvent::Kind::Attempt &&
                e.detail.value(QLatin1String("call")).toString() == call)
                out.append(e.detail);
        return out;
    }

    QTemporaryDir dir;
    OrderJournal journal{&clock};
    JournalQueue journalQueue{&journal}; // the flows' way to the journal: its own thread
    std::unique_ptr<WebhookReceiver> receiver;
};

// Polls and deadlines an hour away (18 s at 0.005): the flow just waits in processing, so only
// a webhook (or the test) can tell the outcome in time.
inline TimingPolicy hourLongWaits() {
    TimingPolicy t = EngineEnv::timing();
    t.firstPoll = t.stillProcessing = t.pollInterval = t.unresolvedAfter = std::chrono::hours(1);
    return t;
}

// The names of the states a flow entered, in order.
inline QStringList stateNames(const QSignalSpy &spy) {
    QStringList out;
    for (const auto &args : spy)
        out.append(state::name(args.at(0).value<CheckoutState>()));
    return out;
}

// The create body the flow must send for this offer and the family, byte for byte.
inline QString expectedBodySha(const Offer &offer) {
    return sha256Hex(fd::travelbase::createBody(offer, passengersFrom(EngineEnv::familyJson())));
}

// Exactly one order for the intent, made with its key and the same bytes on every attempt,
// and exactly one debit of the offer's total for it.
inline void expectOneOrderFor(const EngineEnv &env, qint64 intentId, const Offer &offer) {
    const Intent i = env.intent(intentId);
    QVERIFY(!i.orderId.isEmpty());
    QCOMPARE(env.keysOf(QStringLiteral("create_order")), QSet<QString>{i.idempotencyKey});
    QCOMPARE(env.bodiesOf(QStringLiteral("create_order")), QSet<QString>{expectedBodySha(offer)});
    QCOMPARE(env.orders().size(), 1);
    const QJsonObject order = env.orders().first().toObject();
    QCOMPARE(order.value(QLatin1String("id")).toString(), i.orderId);
    QCOMPARE(order.value(QLatin1String("offer_id")).toString(), offer.id);
    QCOMPARE(env.movements(QStringLiteral("debit")).size(), 1);
    QCOMPARE(env.movements(QStringLiteral("debit")).first().orderId, i.orderId);
    QCOMPARE(env.movements(QStringLiteral("debit")).first().amount, offer.total.amount());
    // The journal saw the same key on every create attempt it made.
    for (const QJsonObject &a : env.journalAttempts(intentId, QStringLiteral("create_order")))
        QCOMPARE(a.value(QLatin1String("idempotency_key")).toString(), i.idempotencyKey);
}

} // namespace fd::test
