#pragma once

#include "core/bookinggateway.h"
#include "core/money.h"
#include "core/offer.h"

#include <functional>

class QObject;

namespace fd::desk {

// The agency's wallet at the booking server: its balance and, in demo mode only, a top-up.
// (fd::Wallet is the balance itself, a value; this is the way to it.)
class Wallet {
public:
    virtual ~Wallet() = default;

    // `done` runs once on `context`'s thread, unless `context` is destroyed first.
    virtual void fetch(QObject *context, std::function<void(GatewayResult<fd::Wallet>)> done) = 0;
    // Only the demo sandbox can be topped up from the desk; a real wallet is topped up in the
    // agency portal.
    virtual bool canTopUp() const = 0;
    virtual void topUp(const Money &amount, QObject *context,
                       std::function<void(GatewayResult<fd::Wallet>)> done) = 0;
};

} // namespace fd::desk
