#include "intent.h"

#include <QtGlobal>

namespace fd::IntentState {
namespace {

enum Flag : unsigned {
    None = 0,
    Final = 1,          // nothing is ever sent again: PII erased
    ProviderStatus = 2, // a status the provider reports
    Busy = 4,           // a network step is under way
    Attention = 8,      // stopped where an agent or support must act
};

struct Row {
    QLatin1String name;
    int rank;
    unsigned flags;
    const char *label;
};

#define FD_LABEL(text) QT_TRANSLATE_NOOP("fd::IntentState", text)

// The one place states are ordered and described. Equal ranks never replace each other.
constexpr Row kStates[] = {
    {Draft, 0, None, FD_LABEL("Draft")},
    {Editing, 0, None, FD_LABEL("Draft")},
    {Validating, 0, Busy, FD_LABEL("Checking the offer and the wallet")},
    {InvalidInput, 0, None, FD_LABEL("Passenger details to correct")},
    {InsufficientFunds, 0, Attention, FD_LABEL("Insufficient funds")},
    {Creating, 1, Busy, FD_LABEL("Sending the booking")},
    {Interrupted, 1, Attention, FD_LABEL("Interrupted: resume")},
    {Pending, 2, ProviderStatus, FD_LABEL("Order created, awaiting ticketing")},
    {Ticketing, 3, Busy, FD_LABEL("Asking the airline to ticket")},
    {InProgress, 4, ProviderStatus, FD_LABEL("Ticketing in progress")},
    {Processing, 4, Busy, FD_LABEL("Processing")},
    {Unresolved, 4, Attention, FD_LABEL("Unresolved: contact support")},
    {Ticketed, 5, Final | ProviderStatus, FD_LABEL("Ticketed")},
    {Failed, 5, Final | ProviderStatus, FD_LABEL("Failed, no charge")},
    {Cancelled, 6, Final | ProviderStatus, FD_LABEL("Cancelled")},
    {OfferUnavailable, 7, Final, FD_LABEL("Offer unavailable")},
    {Rejected, 7, Final, FD_LABEL("Rejected by the provider")},
    {Superseded, 7, Final, FD_LABEL("Replaced by a new attempt")},
    {Error, 7, Final | Attention, FD_LABEL("Error")},
};

#undef FD_LABEL

const Row *find(const QString &state) {
    for (const Row &r : kStates)
        if (state == r.name)
            return &r;
    return nullptr;
}

bool has(const QString &state, unsigned flag) {
    const Row *r = find(state);
    return r && (r->flags & flag) != 0;
}

} // namespace

QList<QLatin1String> all() {
    QList<QLatin1String> out;
    for (const Row &r : kStates)
        out.append(r.name);
    return out;
}

bool isFinal(const QString &state) {
    return has(state, Final);
}

bool isBusy(const QString &state) {
    return has(state, Busy);
}

bool needsAttention(const QString &state) {
    return has(state, Attention);
}

const char *label(const QString &state) {
    const Row *r = find(state);
    return r ? r->label : nullptr;
}

int rank(const QString &state) {
    const Row *r = find(state);
    return r ? r->rank : 0;
}

bool isProviderStatus(const QString &state) {
    return has(state, ProviderStatus);
}

} // namespace fd::IntentState

namespace fd {

bool Intent::isResumable() const {
    namespace St = IntentState;
    if (isFinal())
        return false;
    return isFrozen() || state == St::Validating || state == St::Creating ||
           state == St::Interrupted || state == St::InsufficientFunds;
}

QString eventKindName(JournalEvent::Kind kind) {
    switch (kind) {
    case JournalEvent::Kind::State:
        return QStringLiteral("state");
    case JournalEvent::Kind::Attempt:
        return QStringLiteral("attempt");
    case JournalEvent::Kind::Webhook:
        return QStringLiteral("webhook");
    case JournalEvent::Kind::Note:
        return QStringLiteral("note");
    }
    return QStringLiteral("note");
}

} // namespace fd
