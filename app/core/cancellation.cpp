#include "cancellation.h"

#include <QtGlobal>

#include <algorithm>
#include <iterator>

namespace fd::cancellation {
namespace {

struct Row {
    CancellationState state;
    QLatin1String name;
    bool mayHaveExecuted;
    bool final;
    int exitCode;
    const char *label;
};

using S = CancellationState;

// The one place cancellation states are named and described, in enum order.
constexpr Row kStates[] = {
    {S::Quoted, QLatin1String("quoted"), false, false, 2,
     QT_TRANSLATE_NOOP("fd::CancellationState", "Cancellation quoted")},
    {S::Confirming, QLatin1String("confirming"), true, false, 7,
     QT_TRANSLATE_NOOP("fd::CancellationState", "Cancelling")},
    {S::Unresolved, QLatin1String("unresolved"), true, false, 6,
     QT_TRANSLATE_NOOP("fd::CancellationState", "Cancellation unresolved: resume")},
    {S::Cancelled, QLatin1String("cancelled"), false, true, 0,
     QT_TRANSLATE_NOOP("fd::CancellationState", "Cancelled")},
    {S::NotCancellable, QLatin1String("not_cancellable"), false, true, 3,
     QT_TRANSLATE_NOOP("fd::CancellationState", "Not cancellable")},
    {S::QuoteExpired, QLatin1String("quote_expired"), false, true, 4,
     QT_TRANSLATE_NOOP("fd::CancellationState", "Cancellation quote expired")},
    {S::Abandoned, QLatin1String("abandoned"), false, true, 2,
     QT_TRANSLATE_NOOP("fd::CancellationState", "Cancellation not confirmed")},
    {S::Error, QLatin1String("error"), false, true, 1,
     QT_TRANSLATE_NOOP("fd::CancellationState", "Cancellation error")},
};
static_assert(std::size(kStates) == static_cast<std::size_t>(S::Error) + 1);

const Row &row(S s) {
    return kStates[static_cast<std::size_t>(s)];
}

} // namespace

QList<CancellationState> all() {
    QList<CancellationState> out;
    for (const Row &r : kStates)
        out.append(r.state);
    return out;
}

QLatin1String name(CancellationState s) {
    return row(s).name;
}

std::optional<CancellationState> named(QAnyStringView name) {
    const auto it = std::find_if(std::begin(kStates), std::end(kStates),
                                 [&](const Row &r) { return QAnyStringView(r.name) == name; });
    if (it == std::end(kStates))
        return std::nullopt;
    return it->state;
}

bool isFinal(CancellationState s) {
    return row(s).final;
}

bool mayHaveExecuted(CancellationState s) {
    return row(s).mayHaveExecuted;
}

int exitCode(CancellationState s) {
    return row(s).exitCode;
}

const char *label(CancellationState s) {
    return row(s).label;
}

} // namespace fd::cancellation
