#include "providers.h"

#include "api/travelbasejson.h"
#include "api/travomatrixjson.h"

namespace fd::desk {
namespace {

struct Provider {
    QLatin1String id;
    Result<Offer> (*parseOffer)(const QJsonObject &json);
};

// One row per provider.
const Provider kProviders[] = {
    {QLatin1String("travelbase"), &travelbase::parseOffer},
    {QLatin1String("travomatrix"), &travomatrix::parseFare},
};

const Provider *find(const QString &id) {
    for (const Provider &p : kProviders)
        if (id == p.id)
            return &p;
    return nullptr;
}

} // namespace

QStringList providerIds() {
    QStringList out;
    for (const Provider &p : kProviders)
        out.append(p.id);
    return out;
}

Result<Offer> offerFromJson(const QString &providerId, const QJsonObject &json) {
    const Provider *p = find(providerId);
    if (!p)
        return Error{QStringLiteral("unknown_provider"),
                     QStringLiteral("FlightDesk does not know the provider \"%1\" (it knows %2)")
                         .arg(providerId.left(40), providerIds().join(QStringLiteral(", ")))};
    return p->parseOffer(json);
}

} // namespace fd::desk
