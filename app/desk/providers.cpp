#include "providers.h"
#include "providerlinks.h"

#include "api/travelbasejson.h"
#include "api/travomatrixjson.h"

namespace fd::desk {
namespace {

struct Provider {
    QLatin1String id;
    QLatin1String name;
    Result<Offer> (*parseOffer)(const QJsonObject &json);
    Result<std::unique_ptr<ProviderLink>> (*connect)(const LinkOptions &, const Clock *,
                                                     Scheduler *);
};

// One row per provider: adding one is a row here, its link (providerlinks.cpp), its gateway and
// JSON (app/api/) and, for demo mode, its sandbox. The flow and the window are not touched.
// The first row is the default provider.
const Provider kProviders[] = {
    {QLatin1String("travelbase"), QLatin1String("Travelbase"), &travelbase::parseOffer,
     &connectTravelbase},
    {QLatin1String("travomatrix"), QLatin1String("Travomatrix"), &travomatrix::parseFare,
     &connectTravomatrix},
};

const Provider *find(const QString &id) {
    for (const Provider &p : kProviders)
        if (id == p.id)
            return &p;
    return nullptr;
}

Error unknown(const QString &providerId) {
    return Error{QStringLiteral("unknown_provider"),
                 QStringLiteral("FlightDesk does not know the provider \"%1\" (it knows %2)")
                     .arg(providerId.left(40), providerIds().join(QStringLiteral(", ")))};
}

} // namespace

QStringList providerIds() {
    QStringList out;
    for (const Provider &p : kProviders)
        out.append(p.id);
    return out;
}

QString defaultProvider() {
    return kProviders[0].id;
}

bool isKnownProvider(const QString &providerId) {
    return find(providerId) != nullptr;
}

QString providerName(const QString &providerId) {
    const Provider *p = find(providerId);
    return p ? QString(p->name) : providerId;
}

Result<Offer> offerFromJson(const QString &providerId, const QJsonObject &json) {
    const Provider *p = find(providerId);
    if (!p)
        return unknown(providerId);
    auto offer = p->parseOffer(json);
    if (offer)
        offer->provider = p->id;
    return offer;
}

Result<std::unique_ptr<ProviderLink>> connectProvider(const QString &providerId,
                                                      const LinkOptions &options,
                                                      const Clock *clock, Scheduler *scheduler) {
    const Provider *p = find(providerId);
    if (!p)
        return unknown(providerId);
    return p->connect(options, clock, scheduler);
}

} // namespace fd::desk
