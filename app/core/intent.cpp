#include "intent.h"

namespace fd::IntentState {
namespace {

struct Row {
    QLatin1String name;
    int rank;
    bool final;
    bool providerStatus;
};

// The one place states are ordered. Equal ranks never replace each other.
constexpr Row kStates[] = {
    {Draft, 0, false, false},
    {Editing, 0, false, false},
    {Validating, 0, false, false},
    {InvalidInput, 0, false, false},
    {InsufficientFunds, 0, false, false},
    {Creating, 1, false, false},
    {Interrupted, 1, false, false},
    {Pending, 2, false, true},
    {Ticketing, 3, false, false},
    {InProgress, 4, false, true},
    {Processing, 4, false, false},
    {Unresolved, 4, false, false},
    {Ticketed, 5, true, true},
    {Failed, 5, true, true},
    {Cancelled, 6, true, true},
    {OfferUnavailable, 7, true, false},
    {Rejected, 7, true, false},
    {Superseded, 7, true, false},
    {Error, 7, true, false},
};

const Row *find(const QString &state) {
    for (const Row &r : kStates)
        if (state == r.name)
            return &r;
    return nullptr;
}

} // namespace

QList<QLatin1String> all() {
    QList<QLatin1String> out;
    for (const Row &r : kStates)
        out.append(r.name);
    return out;
}

bool isFinal(const QString &state) {
    const Row *r = find(state);
    return r && r->final;
}

int rank(const QString &state) {
    const Row *r = find(state);
    return r ? r->rank : 0;
}

bool isProviderStatus(const QString &state) {
    const Row *r = find(state);
    return r && r->providerStatus;
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
