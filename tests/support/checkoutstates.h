#pragma once

// QCOMPARE prints checkout states and provider statuses by their journal names (found by ADL).
#include "core/checkoutstate.h"

#include <QByteArray>
#include <QtGlobal>

namespace fd {

inline char *toString(CheckoutState s) {
    return qstrdup(QByteArray(state::name(s).data(), state::name(s).size()).constData());
}

inline char *toString(ProviderStatus s) {
    return qstrdup(QByteArray(state::name(s).data(), state::name(s).size()).constData());
}

} // namespace fd
