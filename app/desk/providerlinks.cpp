// One ProviderLink per provider: how the desk connects to it (its gateway, or in demo mode its
// sandbox on loopback), searches it and paces its polling.
#include "providerlinks.h"

#include "api/travelbasegateway.h"
#include "api/travomatrixgateway.h"
#include "sandbox/sandbox.h"
#include "sandbox/scenario.h"
#include "sandbox/travomatrix/travomatrixsandbox.h"

#include <QFileInfo>
#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace fd::desk {
namespace {

// Offers as the provider sold them: the checkout books each with its own provider.
std::function<void(GatewayResult<QList<Offer>>)>
stamped(const QString &providerId, std::function<void(GatewayResult<QList<Offer>>)> done) {
    return [providerId, done = std::move(done)](GatewayResult<QList<Offer>> r) {
        if (auto *offers = std::get_if<QList<Offer>>(&r))
            for (Offer &o : *offers)
                o.provider = providerId;
        done(std::move(r));
    };
}

void refuseLater(QObject *context, std::function<void(GatewayResult<fd::Wallet>)> done,
                 const QString &code, const QString &message) {
    GatewayFailure refused;
    refused.kind = GatewayFailure::Kind::Rejected;
    refused.code = code;
    refused.message = message;
    QTimer::singleShot(0, context, [done = std::move(done), refused] { done(refused); });
}

// The first order number of a demo run: ticks of the link's clock since 2026-01-01 UTC. The
// journal keeps order ids (and webhook event ids) across runs and refuses one it has seen, as a
// real provider never reissues them. A run's numbers go up by one per booking, so a later run
// starts above every number an earlier one reached unless that run booked more than once per
// tick on average since it started; with millisecond ticks that cannot happen over real HTTP,
// and two runs (even back to back from a script) never start within the same millisecond, as a
// process takes longer than that to start. Seconds would not do: two quick CLI runs share one.
qint64 demoFirstOrderNumber(const Clock *clock, qint64 tickMs) {
    static const QDateTime kEpoch(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime now = clock ? clock->now() : QDateTime::currentDateTimeUtc();
    return std::max<qint64>(1, kEpoch.msecsTo(now) / tickMs);
}

const QString kNoTopUp = QStringLiteral("Only the demo wallet can be topped up from FlightDesk; "
                                        "top up in the agency portal.");

// What every provider's link does alike: in demo mode start its sandbox (and its scenario),
// then its gateway against the sandbox or the agent's server, and stamp searched offers.
template <typename SandboxT, typename GatewayT> class LinkBase : public ProviderLink {
public:
    QString providerId() const override { return m_gateway->providerId(); }
    BookingGateway &gateway() override { return *m_gateway; }
    QUrl baseUrl() const override { return m_base; }
    void searchOffers(const QJsonObject &request, QObject *context, const AttemptLog &log,
                      std::function<void(GatewayResult<QList<Offer>>)> done) override {
        m_gateway->searchOffers(request, context, log, stamped(providerId(), std::move(done)));
    }
    void suggestPlaces(const QString &query, QObject *context, const AttemptLog &log,
                       std::function<void(GatewayResult<QList<Place>>)> done) override {
        m_gateway->suggestPlaces(query, context, log, std::move(done));
    }
    QObject *demoSandbox() override { return m_sandbox.get(); }

protected:
    Result<std::monostate> startWith(const LinkOptions &o, const typename SandboxT::Options &so,
                                     const Clock *clock, Scheduler *scheduler) {
        QUrl base = o.apiBase;
        QString key = o.apiKey;
        if (o.demo) {
            m_sandbox = std::make_unique<SandboxT>(so, clock);
            if (auto bound = m_sandbox->start(); !bound)
                return bound.error();
            if (!o.demoScenario.isEmpty())
                if (auto set = setScenario(o.demoScenario); !set)
                    return set.error();
            base = m_sandbox->baseUrl();
            key = m_sandbox->apiKey();
        }
        typename GatewayT::Options go;
        go.baseUrl = base;
        go.apiKey = key;
        go.timing = o.timing;
        auto gateway = GatewayT::create(go, clock, scheduler);
        if (!gateway)
            return gateway.error();
        m_gateway = std::move(gateway).value();
        m_base = base;
        return std::monostate{};
    }

    std::unique_ptr<SandboxT> m_sandbox; // declared before the gateway that calls it
    std::unique_ptr<GatewayT> m_gateway;
    QUrl m_base;
};

class TravelbaseLink final : public LinkBase<sandbox::Sandbox, TravelbaseGateway> {
public:
    Result<std::monostate> start(const LinkOptions &o, const Clock *clock, Scheduler *scheduler) {
        sandbox::SandboxOptions so;
        so.timingScale = o.timing.scale;
        so.webhookUrl = o.webhookUrl;
        so.webhookSecret = o.webhookSecret;
        if (o.demo)
            so.firstOrderNumber = demoFirstOrderNumber(clock, 1); // ord_ + 11 digits until 2029
        return startWith(o, so, clock, scheduler);
    }

    TimingPolicy timing(TimingPolicy desk) const override { return desk; } // webhook first

    QStringList scenarioNames() const override {
        return m_sandbox ? sandbox::Scenario::builtInNames() : QStringList();
    }
    QString scenario() const override { return m_sandbox ? m_sandbox->scenario().name : QString(); }
    Result<bool> setScenario(const QString &nameOrFile) override {
        if (!m_sandbox)
            return false;
        if (!sandbox::Scenario::builtInNames().contains(nameOrFile) &&
            !QFileInfo::exists(nameOrFile)) {
            m_sandbox->setScenario(QStringLiteral("happy_path"));
            return false;
        }
        if (auto set = m_sandbox->setScenario(nameOrFile); !set)
            return set.error();
        return true;
    }
    void topUp(const Money &amount, QObject *context,
               std::function<void(GatewayResult<fd::Wallet>)> done) override {
        if (!m_sandbox)
            return refuseLater(context, std::move(done), QStringLiteral("FD_NO_TOP_UP"), kNoTopUp);
        m_gateway->topUp(amount, context, std::move(done));
    }
};

class TravomatrixLink final : public LinkBase<sandbox::TravomatrixSandbox, TravomatrixGateway> {
public:
    Result<std::monostate> start(const LinkOptions &o, const Clock *clock, Scheduler *scheduler) {
        sandbox::TravomatrixSandboxOptions so;
        so.timingScale = o.timing.scale;
        // The PNR holds 30 bits of the number (tmx::Book::pnrFor), so numbers repeat their PNR
        // every 2^30 ticks: 10 ms ticks make that 124 days, in which no two runs' PNRs meet
        // (fewer than 100 bookings a second; runs 10 ms apart). Beyond that a clash needs two
        // bookings whose ticks differ by a multiple of 2^30 exactly: about one chance in 10^9
        // per pair, the odds of a real provider's random PNR.
        if (o.demo)
            so.firstOrderNumber = demoFirstOrderNumber(clock, 10);
        return startWith(o, so, clock, scheduler); // no webhooks to send
    }

    // No webhooks: the contract's rhythm for a PENDING booking is a read after 5 s, then every
    // 10 s ("still processing" at 60 s and support at 5 min stay the desk's).
    TimingPolicy timing(TimingPolicy desk) const override {
        desk.firstPoll = std::chrono::seconds(5);
        desk.pollInterval = std::chrono::seconds(10);
        return desk;
    }

    QStringList scenarioNames() const override {
        return m_sandbox ? sandbox::TravomatrixSandbox::Scenario::builtInNames() : QStringList();
    }
    QString scenario() const override {
        if (!m_sandbox)
            return {};
        const QString name = m_sandbox->scenario().name;
        return name == QLatin1String("fare_about_to_expire")
                   ? QStringLiteral("offer_about_to_expire")
                   : name;
    }
    Result<bool> setScenario(const QString &nameOrFile) override {
        if (!m_sandbox)
            return false;
        // The desk's menu speaks of offers; Travomatrix sells fares.
        const QString name = nameOrFile == QLatin1String("offer_about_to_expire")
                                 ? QStringLiteral("fare_about_to_expire")
                                 : nameOrFile;
        if (!sandbox::TravomatrixSandbox::Scenario::builtInNames().contains(name)) {
            m_sandbox->setScenario(QStringLiteral("happy_path"));
            return false;
        }
        if (auto set = m_sandbox->setScenario(name); !set)
            return set.error();
        return true;
    }
    void topUp(const Money &amount, QObject *context,
               std::function<void(GatewayResult<fd::Wallet>)> done) override {
        if (!m_sandbox)
            return refuseLater(context, std::move(done), QStringLiteral("FD_NO_TOP_UP"), kNoTopUp);
        // Travomatrix has no top-up endpoint: the demo wallet is credited in the sandbox itself.
        const auto credited = m_sandbox->walletBalance().plus(amount);
        if (!credited)
            return refuseLater(context, std::move(done), credited.error().code,
                               credited.error().message);
        m_sandbox->setWalletBalance(*credited);
        m_gateway->fetchWallet(context, {}, std::move(done));
    }
};

template <typename Link>
Result<std::unique_ptr<ProviderLink>> started(const LinkOptions &o, const Clock *clock,
                                              Scheduler *scheduler) {
    auto link = std::make_unique<Link>();
    if (auto ok = link->start(o, clock, scheduler); !ok)
        return ok.error();
    return std::unique_ptr<ProviderLink>(std::move(link));
}

} // namespace

Result<std::unique_ptr<ProviderLink>> connectTravelbase(const LinkOptions &o, const Clock *clock,
                                                        Scheduler *scheduler) {
    return started<TravelbaseLink>(o, clock, scheduler);
}

Result<std::unique_ptr<ProviderLink>> connectTravomatrix(const LinkOptions &o, const Clock *clock,
                                                         Scheduler *scheduler) {
    return started<TravomatrixLink>(o, clock, scheduler);
}

} // namespace fd::desk
