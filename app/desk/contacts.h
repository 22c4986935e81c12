#pragma once

#include "core/bookinggateway.h"
#include "core/contactmerge.h"
#include "core/issue.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace fd::desk {

// What the agent decided in advance about a field someone else changed to another value
// meanwhile. Ask: stop and show both values (nothing of the change is sent). Mine: send mine
// over theirs. Theirs: keep theirs and send only the fields nobody else touched.
enum class OnConflict { Ask, Mine, Theirs };

struct ContactRequest {
    QString provider; // empty: the default provider
    QString orderId;
    ContactChange change; // an empty field stays as it is
    OnConflict onConflict = OnConflict::Ask;
    // What the agent saw when deciding (e.g. an order page read a while ago). Without it, the
    // order is read first and that read is the base. With a version, the change is sent at it;
    // without one (0: the desk's history keeps no version), the order is read first and a field
    // someone else changed since the agent saw it is a conflict, as after a stale version.
    struct Base {
        ContactValues values;
        int version = 0;
    };
    std::optional<Base> base;
    AttemptLog log; // every HTTP attempt, as it happens (optional)
};

struct ContactOutcome {
    // Changed: the order now has the agent's details (or, with OnConflict::Theirs, those
    // nobody else touched). Conflict: someone else changed a field the agent changes, and the
    // agent's policy did not send it — with Ask nothing was sent; with Theirs the order keeps
    // theirs and nothing else was left to send. InvalidInput: refused before anything was sent
    // (or by the provider's own field checks). Error: anything else, with `failure`.
    enum class Kind { Changed, Conflict, InvalidInput, Error };
    Kind kind = Kind::Error;
    QString orderId;
    int version = 0;       // the order's version as last read or answered (0: never read)
    ContactValues contact; // the order's details as last read or answered
    QString message;       // plain English, for the agent
    Report report;         // InvalidInput: field-level errors ("email", "phone_number")
    // The fields someone else changed to another value, with both values; `resolution` says
    // what became of them (Ask: nothing, they wait for the agent).
    QList<ContactConflict> conflicts;
    OnConflict resolution = OnConflict::Ask;
    std::optional<GatewayFailure> failure; // Error: the provider's last answer
    int patches = 0;                       // change requests sent (at most kMaxRounds)
};

// "changed", "conflict", "invalid_input", "error": the CLI's outcome names.
QString outcomeName(ContactOutcome::Kind kind);

// The checkout's own rules for a passenger's email and E.164 phone (core/fieldrules.h), on
// the fields given; both empty is an error too. Errors only: a warning never stops a change.
Report validateContactChange(const ContactChange &change);

// Changing a booked order's contact details with the provider (PATCH with the version read),
// re-reading and re-applying by mergeContactChange() when someone else changed the order in
// between: at most kMaxRounds change requests, then an Error.
class Contacts {
public:
    static constexpr int kMaxRounds = 3;

    virtual ~Contacts() = default;
    // Validates before anything is sent. `done` runs once, on `context`'s thread, never once
    // `context` is gone.
    virtual void change(const ContactRequest &request, QObject *context,
                        std::function<void(ContactOutcome)> done) = 0;
};

// The real one, over whichever gateway `gatewayFor` gives for a provider (nullptr: that
// provider is not connected). The gateways must outlive every change in flight.
using GatewayFor = std::function<BookingGateway *(const QString &provider)>;
std::unique_ptr<Contacts> makeContacts(GatewayFor gatewayFor);

} // namespace fd::desk
