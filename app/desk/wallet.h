#pragma once

#include "core/bookinggateway.h"
#include "core/money.h"
#include "core/offer.h"

#include <QString>

#include <functional>

class QObject;

namespace fd::desk {

// The agency's wallet at each provider: its balance and, in demo mode only, a top-up.
// (fd::Wallet is the balance itself, a value; this is the way to it.) `provider` is a
// connected provider's id (Offer::provider); an unconnected one fails (Rejected).
class Wallet {
public:
    virtual ~Wallet() = default;

    // `done` runs once on `context`'s thread, unless `context` is destroyed first.
    virtual void fetch(const QString &provider, QObject *context,
                       std::function<void(GatewayResult<fd::Wallet>)> done) = 0;
    // Only a demo sandbox can be topped up from the desk; a real wallet is topped up in the
    // provider's agency portal.
    virtual bool canTopUp(const QString &provider) const = 0;
    virtual void topUp(const QString &provider, const Money &amount, QObject *context,
                       std::function<void(GatewayResult<fd::Wallet>)> done) = 0;
};

} // namespace fd::desk
