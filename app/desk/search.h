#pragma once

#include "core/bookinggateway.h"
#include "core/offer.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QObject;

namespace fd::desk {

// Searching for offers: what the search page and `checkout --search` ask the booking servers.
// A desk is connected to one or more providers; the search page asks them all at once and
// merges what they answer, `checkout --search` asks its --provider.
class Search {
public:
    virtual ~Search() = default;

    // The connected providers' ids (desk/providers.h), the first (default) one first.
    virtual QStringList providers() const = 0;
    // `request` is the desk's offer request (slices, passengers, cabin_class); each provider's
    // adapter maps it. `log` hears each attempt as it is made; `done` runs once on `context`'s
    // thread, unless `context` is destroyed first — deleting it is how a search is cancelled.
    // Offers come back with Offer::provider set. An unconnected provider fails (Rejected).
    virtual void searchOffers(const QString &provider, const QJsonObject &request, QObject *context,
                              const AttemptLog &log,
                              std::function<void(GatewayResult<QList<Offer>>)> done) = 0;
    // The airports (and cities) `provider` knows whose code, name or city matches `query`, best
    // first (GET /v1/places/suggestions): for the search page's completer. A provider without
    // the endpoint fails with FD_NOT_SUPPORTED and nothing is sent; deleting `context` cancels.
    virtual void suggestPlaces(const QString &provider, const QString &query, QObject *context,
                               std::function<void(GatewayResult<QList<Place>>)> done) = 0;
    // The server a provider is searched at, for messages: its demo sandbox or its API base.
    virtual QString server(const QString &provider) const = 0;
    // The providers enabled in Settings that could not be connected, each with why ("No
    // Travomatrix API key: set it in Settings."); the others work without them.
    virtual QStringList unavailable() const { return {}; }
};

} // namespace fd::desk
