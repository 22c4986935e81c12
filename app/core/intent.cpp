#include "intent.h"

#include <QtGlobal>

namespace fd {

bool Intent::isResumable() const {
    using S = CheckoutState;
    if (isFinal())
        return false;
    return isFrozen() || state == S::Validating || state == S::Creating ||
           state == S::Interrupted || state == S::InsufficientFunds;
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
