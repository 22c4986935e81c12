#pragma once

#include "core/bookinggateway.h"
#include "core/offer.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

class QObject;

namespace fd::desk {

// Searching for offers: what the search page and `checkout --search` ask the booking server.
class Search {
public:
    virtual ~Search() = default;

    // `request` is an offer request in the provider's shape (slices, passengers, cabin_class).
    // `log` hears each attempt as it is made; `done` runs once on `context`'s thread, unless
    // `context` is destroyed first — deleting it is how a search is cancelled.
    virtual void searchOffers(const QJsonObject &request, QObject *context, const AttemptLog &log,
                              std::function<void(GatewayResult<QList<Offer>>)> done) = 0;
    // The server searched, for messages: the demo sandbox's address or the API base URL.
    virtual QString server() const = 0;
};

} // namespace fd::desk
