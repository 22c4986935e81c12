#pragma once

#include "core/bookinggateway.h"
#include "core/clock.h"
#include "core/money.h"
#include "core/offer.h"
#include "core/result.h"
#include "core/scheduler.h"
#include "core/timingpolicy.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

class QObject;

namespace fd::desk {

// How the desk connects to one provider: the agent's connection, or in demo mode that
// provider's embedded sandbox (started by the link, on loopback).
struct LinkOptions {
    QUrl apiBase;
    QString apiKey;
    TimingPolicy timing;
    bool demo = false;
    QString demoScenario; // a scenario name or file; ignored when this provider has no such one
    QUrl webhookUrl;      // demo: where the sandbox posts its webhooks, if the provider sends any
    QByteArray webhookSecret;
};

// One provider as the desk uses it, beyond the checkout engine's BookingGateway seam: its
// search, its polling rhythm and, in demo mode, its sandbox. One implementation per provider,
// registered in providers.cpp; the Session holds one link per connected provider, and nothing
// above the desk layer sees a link.
class ProviderLink {
public:
    virtual ~ProviderLink() = default;

    virtual QString providerId() const = 0;
    virtual BookingGateway &gateway() = 0;
    // The server booked against: the sandbox's address in demo mode, else the API base.
    virtual QUrl baseUrl() const = 0;
    // The desk's timing with this provider's polling rhythm (when to read a pending booking).
    virtual TimingPolicy timing(TimingPolicy desk) const = 0;
    // The desk's offer request (slices, passengers, cabin_class); offers come back with
    // Offer::provider set to this provider.
    virtual void searchOffers(const QJsonObject &request, QObject *context, const AttemptLog &log,
                              std::function<void(GatewayResult<QList<Offer>>)> done) = 0;
    // The provider's places matching what the agent typed (FD_NOT_SUPPORTED without an endpoint).
    virtual void suggestPlaces(const QString &query, QObject *context, const AttemptLog &log,
                               std::function<void(GatewayResult<QList<Place>>)> done) = 0;

    // Demo mode only (all inert when live): the sandbox object, for tests that read its
    // ledger; its scenarios; and a top-up of its wallet.
    virtual QObject *demoSandbox() = 0;
    virtual QStringList scenarioNames() const = 0;
    virtual QString scenario() const = 0;
    // False when this provider has no scenario of that name (it then books happily).
    virtual Result<bool> setScenario(const QString &nameOrFile) = 0;
    virtual void topUp(const Money &amount, QObject *context,
                       std::function<void(GatewayResult<fd::Wallet>)> done) = 0;
};

// The registered provider `providerId` connected with `options`; an unknown provider, a bad
// URL or a missing key is refused by name.
Result<std::unique_ptr<ProviderLink>> connectProvider(const QString &providerId,
                                                      const LinkOptions &options,
                                                      const Clock *clock, Scheduler *scheduler);

} // namespace fd::desk
