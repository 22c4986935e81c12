#include "checkoutstate.h"

#include <QtGlobal>

#include <type_traits>

namespace fd::state {
namespace {

enum Flag : unsigned {
    None = 0,
    Final = 1,     // nothing is ever sent again: PII erased
    Busy = 2,      // a network step is under way
    Attention = 4, // stopped where an agent or support must act
};

struct Row {
    CheckoutState state;
    QLatin1String name;
    int rank;
    unsigned flags;
    int exitCode;
    const char *label;
};

using S = CheckoutState;

// The one place checkout states are named, ordered and described, in enum order. Exit codes:
// 0 ticketed; 1 error or no outcome; 2 input to fix; 3 not booked; 4 offer gone; 5 top up;
// 6 unresolved (support); 7 interrupted or cut short (resume).
constexpr Row kStates[] = {
    {S::Draft, QLatin1String("draft"), 0, None, 1, QT_TRANSLATE_NOOP("fd::CheckoutState", "Draft")},
    {S::Editing, QLatin1String("editing"), 0, None, 1,
     QT_TRANSLATE_NOOP("fd::CheckoutState", "Draft")},
    {S::Validating, QLatin1String("validating"), 0, Busy, 7,
     QT_TRANSLATE_NOOP("fd::CheckoutState", "Checking the offer and the wallet")},
    {S::InvalidInput, QLatin1String("invalid_input"), 0, None, 2,
     QT_TRANSLATE_NOOP("fd::CheckoutState", "Passenger details to correct")},
    {S::InsufficientFunds, QLatin1String("insufficient_funds"), 0, Attention, 5,
     QT_TRANSLATE_NOOP("fd::CheckoutState", "Insufficient funds")},
    {S::Creating, QLatin1String("creating"), 1, Busy, 7,
     QT_TRANSLATE_NOOP("fd::CheckoutState", "Sending the booking")},
    {S::Interrupted, QLatin1String("interrupted"), 1, Attention, 7,
     QT_TRANSLATE_NOOP("fd::CheckoutState", "Interrupted: resume")},
    {S::Ticketing, QLatin1String("ticketing"), 2, Busy, 7,
     QT_TRANSLATE_NOOP("fd::CheckoutState", "Asking the airline to ticket")},
    {S::Processing, QLatin1String("processing"), 3, Busy, 7,
     QT_TRANSLATE_NOOP("fd::CheckoutState", "Processing")},
    {S::Unresolved, QLatin1String("unresolved"), 3, Attention, 6,
     QT_TRANSLATE_NOOP("fd::CheckoutState", "Unresolved: contact support")},
    {S::Ticketed, QLatin1String("ticketed"), 4, Final, 0,
     QT_TRANSLATE_NOOP("fd::CheckoutState", "Ticketed")},
    {S::Failed, QLatin1String("failed"), 4, Final, 3,
     QT_TRANSLATE_NOOP("fd::CheckoutState", "Failed, no charge")},
    {S::Cancelled, QLatin1String("cancelled"), 5, Final, 3,
     QT_TRANSLATE_NOOP("fd::CheckoutState", "Cancelled")},
    {S::OfferUnavailable, QLatin1String("offer_unavailable"), 6, Final, 4,
     QT_TRANSLATE_NOOP("fd::CheckoutState", "Offer unavailable")},
    {S::Rejected, QLatin1String("rejected"), 6, Final, 2,
     QT_TRANSLATE_NOOP("fd::CheckoutState", "Rejected by the provider")},
    {S::Superseded, QLatin1String("superseded"), 6, Final, 1,
     QT_TRANSLATE_NOOP("fd::CheckoutState", "Replaced by a new attempt")},
    {S::Error, QLatin1String("error"), 6, Final | Attention, 1,
     QT_TRANSLATE_NOOP("fd::CheckoutState", "Error")},
};

struct StatusRow {
    ProviderStatus status;
    QLatin1String name;
    int rank;
    std::optional<CheckoutState> outcome;
    const char *label;
};

using P = ProviderStatus;

// The contract's order statuses (travelbase-v1.md, Order.status), in enum order.
constexpr StatusRow kStatuses[] = {
    {P::Pending, QLatin1String("pending"), 0, std::nullopt,
     QT_TRANSLATE_NOOP("fd::ProviderStatus", "Created")},
    {P::InProgress, QLatin1String("in_progress"), 1, std::nullopt,
     QT_TRANSLATE_NOOP("fd::ProviderStatus", "Ticketing in progress")},
    {P::Ticketed, QLatin1String("ticketed"), 2, S::Ticketed,
     QT_TRANSLATE_NOOP("fd::ProviderStatus", "Ticketed")},
    {P::Failed, QLatin1String("failed"), 2, S::Failed,
     QT_TRANSLATE_NOOP("fd::ProviderStatus", "Failed")},
    {P::Cancelled, QLatin1String("cancelled"), 3, S::Cancelled,
     QT_TRANSLATE_NOOP("fd::ProviderStatus", "Cancelled")},
};

constexpr bool inEnumOrder() {
    for (std::size_t i = 0; i < std::size(kStates); ++i)
        if (static_cast<std::size_t>(kStates[i].state) != i)
            return false;
    for (std::size_t i = 0; i < std::size(kStatuses); ++i)
        if (static_cast<std::size_t>(kStatuses[i].status) != i)
            return false;
    return std::size(kStates) == static_cast<std::size_t>(S::Error) + 1 &&
           std::size(kStatuses) == static_cast<std::size_t>(P::Cancelled) + 1;
}
static_assert(inEnumOrder(), "one row per state, in the enum's order");

const Row &row(CheckoutState s) {
    return kStates[static_cast<std::size_t>(s)];
}

const StatusRow &row(ProviderStatus s) {
    return kStatuses[static_cast<std::size_t>(s)];
}

} // namespace

QList<CheckoutState> all() {
    QList<CheckoutState> out;
    for (const Row &r : kStates)
        out.append(r.state);
    return out;
}

QList<ProviderStatus> allProviderStatuses() {
    QList<ProviderStatus> out;
    for (const StatusRow &r : kStatuses)
        out.append(r.status);
    return out;
}

QLatin1String name(CheckoutState s) {
    return row(s).name;
}

QLatin1String name(ProviderStatus s) {
    return row(s).name;
}

std::optional<CheckoutState> checkoutStateNamed(QAnyStringView name) {
    for (const Row &r : kStates)
        if (QAnyStringView::equal(name, r.name))
            return r.state;
    return std::nullopt;
}

std::optional<ProviderStatus> providerStatusNamed(QAnyStringView name) {
    for (const StatusRow &r : kStatuses)
        if (QAnyStringView::equal(name, r.name))
            return r.status;
    return std::nullopt;
}

int rank(CheckoutState s) {
    return row(s).rank;
}

int rank(ProviderStatus s) {
    return row(s).rank;
}

bool isBusy(CheckoutState s) {
    return (row(s).flags & Busy) != 0;
}

bool isFinal(CheckoutState s) {
    return (row(s).flags & Final) != 0;
}

bool isFinal(ProviderStatus s) {
    return row(s).outcome.has_value();
}

bool needsAttention(CheckoutState s) {
    return (row(s).flags & Attention) != 0;
}

int exitCode(CheckoutState s) {
    return row(s).exitCode;
}

const char *label(CheckoutState s) {
    return row(s).label;
}

const char *label(ProviderStatus s) {
    return row(s).label;
}

std::optional<CheckoutState> outcomeOf(ProviderStatus s) {
    return row(s).outcome;
}

} // namespace fd::state
