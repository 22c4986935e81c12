#pragma once

// Shared by the Travomatrix gateway and flow tests: the real TravomatrixGateway (and, for the
// flow, the real OrderJournal and CheckoutFlow) against an in-process TravomatrixSandbox on
// 127.0.0.1, asserting through the sandbox's ledger. One ManualClock is shared by all; waits
// are real QTimers at a small scale unless a test hands the gateway a ManualScheduler.

#include "api/travomatrixgateway.h"
#include "api/travomatrixjson.h"
#include "enginefixture.h"
#include "sandbox/travomatrix/travomatrixsandbox.h"

namespace fd::test {

inline QJsonObject tmxFault(const char *endpoint, const char *kind, const QList<int> &attempts = {},
                            int retryAfter = -1) {
    QJsonObject f{{QStringLiteral("endpoint"), QLatin1String(endpoint)},
                  {QStringLiteral("kind"), QLatin1String(kind)}};
    if (!attempts.isEmpty()) {
        QJsonArray list;
        for (int a : attempts)
            list.append(a);
        f.insert(QStringLiteral("attempts"), list);
    }
    if (retryAfter >= 0)
        f.insert(QStringLiteral("retry_after"), retryAfter);
    return f;
}

struct TmxEnv {
    static QDateTime startTime() { return QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC); }
    static QString departure() { return QStringLiteral("2027-12-10"); }

    explicit TmxEnv(double sandboxScale = 0.01) {
        sandbox::TravomatrixSandbox::Options options;
        options.timingScale = sandboxScale;
        sandbox = std::make_unique<sandbox::TravomatrixSandbox>(options, &clock);
        const auto port = sandbox->start(0);
        if (!port)
            qFatal("sandbox did not start: %s", qPrintable(port.error().message));
        gateway = makeGateway(gatewayOptions());
    }
    virtual ~TmxEnv() = default;
    TmxEnv(const TmxEnv &) = delete;
    TmxEnv &operator=(const TmxEnv &) = delete;

    // Scale 0.01: a 2 s backoff is 20 ms. Jitter is fixed at half its range (500 ms policy).
    TravomatrixGateway::Options gatewayOptions(double scale = 0.01) const {
        TravomatrixGateway::Options o;
        o.baseUrl = sandbox->baseUrl();
        o.apiKey = sandbox->apiKey();
        o.timing.scale = scale;
        o.timing.requestTimeout = std::chrono::milliseconds(10'000);
        o.random = [] {
            return 0.5;
        };
        return o;
    }
    std::unique_ptr<TravomatrixGateway> makeGateway(TravomatrixGateway::Options options,
                                                    Scheduler *with = nullptr) {
        auto g = TravomatrixGateway::create(std::move(options), &clock, with ? with : &scheduler);
        if (!g)
            qFatal("gateway refused: %s", qPrintable(g.error().message));
        return std::move(g).value();
    }

    bool setScenarioJson(const QJsonObject &json) {
        const auto s = sandbox::TravomatrixSandbox::Scenario::fromJson(json);
        if (!s)
            return false;
        sandbox->setScenario(*s);
        return true;
    }
    bool setFaults(const QJsonArray &faults) {
        return setScenarioJson({{QStringLiteral("name"), QStringLiteral("gateway_test")},
                                {QStringLiteral("faults"), faults}});
    }

    static QJsonObject searchRequest(const QStringList &types) {
        QJsonArray passengers;
        for (const auto &t : types)
            passengers.append(QJsonObject{{QStringLiteral("type"), t}});
        return {{QStringLiteral("slices"),
                 QJsonArray{QJsonObject{{QStringLiteral("origin"), QStringLiteral("LOS")},
                                        {QStringLiteral("destination"), QStringLiteral("LHR")},
                                        {QStringLiteral("departure_date"), departure()}}}},
                {QStringLiteral("passengers"), passengers},
                {QStringLiteral("cabin_class"), QStringLiteral("economy")}};
    }
    std::optional<Offer> searchFirstOffer(const QStringList &types = {QStringLiteral("adult")}) {
        Answer<QList<Offer>> answer;
        gateway->searchOffers(searchRequest(types), &context, {}, answer.sink());
        if (!answer.wait() || !answer.value() || answer.value()->isEmpty())
            return std::nullopt;
        return answer.value()->first();
    }

    QList<sandbox::Ledger::Request> requestsTo(const QString &endpoint) const {
        QList<sandbox::Ledger::Request> out;
        for (const auto &r : sandbox->ledger().requests())
            if (r.endpoint == endpoint)
                out.append(r);
        return out;
    }
    int creates() const { return int(requestsTo(QStringLiteral("create_booking")).size()); }
    QSet<QString> createKeys() const {
        QSet<QString> out;
        for (const auto &r : requestsTo(QStringLiteral("create_booking")))
            out.insert(r.idempotencyKey);
        return out;
    }
    QSet<QString> createBodies() const {
        QSet<QString> out;
        for (const auto &r : requestsTo(QStringLiteral("create_booking")))
            out.insert(r.bodySha256);
        return out;
    }
    QJsonArray bookings() const {
        return sandbox->ledgerJson().value(QLatin1String("bookings")).toArray();
    }
    int movements(const QString &type) const {
        int n = 0;
        for (const auto &m : sandbox->ledger().movements())
            n += m.type == type ? 1 : 0;
        return n;
    }

    ManualClock clock{startTime()};
    QtScheduler scheduler;
    std::unique_ptr<sandbox::TravomatrixSandbox> sandbox;
    std::unique_ptr<TravomatrixGateway> gateway;
    QObject context;
};

} // namespace fd::test
