#pragma once

#include "cancellations.h"
#include "checkouts.h"
#include "contacts.h"
#include "demo.h"
#include "orders.h"
#include "schedulechanges.h"
#include "search.h"
#include "sessionoptions.h"
#include "wallet.h"

#include "core/clock.h"
#include "core/result.h"

#include <QString>

#include <memory>

namespace fd {
class Session;
}

// The desk interfaces: all the window (ui/) and the headless commands (app/cli/) know of the
// application below them, the way Bitcoin Core's GUI reaches the node only through
// src/interfaces/. Each is a small abstract class; makeDesk() gives the real one, wired by a
// Session (journal, gateway, webhook receiver, demo sandbox), and tests give fakes
// (tests/support/fakedesk.h). Settings (settings.h) stand apart: they exist before there is a
// desk to open, and are how one gets configured.
namespace fd::desk {

// One open desk: the interfaces it offers, alive as long as it is.
class Desk {
public:
    virtual ~Desk() = default;

    virtual Search &search() = 0;
    virtual Wallet &wallet() = 0;
    virtual Checkouts &checkouts() = 0;
    virtual Cancellations &cancellations() = 0;
    virtual Orders &orders() = 0;
    virtual Demo &demo() = 0;
    virtual Contacts &contacts() = 0;
    virtual ScheduleChanges &scheduleChanges() = 0;
    virtual const Clock &clock() const = 0;
};

// Opens the journal, binds the webhook receiver and, in demo mode, starts the sandbox.
Result<std::unique_ptr<Desk>> makeDesk(SessionOptions options);
// Over a session that someone else opened and keeps alive (tests that also read its sandbox).
std::unique_ptr<Desk> makeDesk(Session &session);

// The window's start-up: from holdServing() on, the desks it opens bind their servers' ports at
// once (their addresses are known) but answer only from releaseServing() on, which the window
// calls once it is drawn, so its first frame does not wait for Qt's TLS backend that each
// QHttpServer loads. Requests made meanwhile wait and are answered then. (net/serving.h)
void holdServing();
void releaseServing();

// The path of `fileName` in the desk's own data folder (~/.local/share/FlightDesk), which is
// created owner-only (0700) and narrowed to that if an older version left it open to others. A
// failure to create it shows when the file cannot be opened there.
QString privateDataFile(const QString &fileName);

} // namespace fd::desk
