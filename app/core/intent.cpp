#include "intent.h"

namespace fd::IntentState {

bool isFinal(const QString &state) {
    return state == Ticketed || state == Failed || state == Cancelled ||
           state == OfferUnavailable || state == Rejected || state == Superseded;
}

int rank(const QString &state) {
    if (state == Pending)
        return 1;
    if (state == InProgress)
        return 2;
    if (state == Ticketed || state == Failed)
        return 3;
    if (state == Cancelled)
        return 4;
    if (isFinal(state))
        return 5; // local finals: no webhook can revive them
    return 0;
}

} // namespace fd::IntentState

namespace fd {

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
