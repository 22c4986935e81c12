#pragma once

#include "core/result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fd::sandbox {

// What a scenario can do to one request, in both sandboxes. Each provider's scenario accepts
// the kinds its service acts on (FaultRules); README.md gives the JSON names and effects.
enum class FaultKind {
    Unavailable,       // 503, retryable
    Internal,          // 500, retryable
    RateLimited,       // 429, retryable
    InternalFatal,     // 500, not retryable (Travelbase's retryable flag says so)
    InFlight,          // 409 in flight, Retry-After: 2 (Travelbase)
    BadGatewayHtml,    // 502 with an HTML body (not JSON)
    ResetBeforeCommit, // connection closed before anything executed
    ResetAfterCommit,  // executed and stored, then the connection is closed unanswered
    HangAfterCommit,   // executed and stored, never answered
    Slow,              // executes after delay_ms; the key is in flight meanwhile
    UpstreamTimeout,   // 504, retryable (Travomatrix)
    Hang,              // never answered and nothing executed (Travomatrix)
};

struct Fault {
    QString endpoint;    // an endpoint name of the provider, or "*"
    QList<int> attempts; // 1-based attempts it hits; empty means every attempt
    FaultKind kind = FaultKind::Unavailable;
    std::optional<int> retryAfterSeconds;
    int delayMs = 0; // Slow only, before the timing scale
};

// The JSON name of a kind ("reset_after_commit"), as scenarios and ledger outcomes spell it.
QString faultKindName(FaultKind kind);

// What one provider's scenarios may name.
struct FaultRules {
    QStringList endpoints;
    QList<FaultKind> kinds;
};

// Parses a scenario's "faults" array (absent: none). Errors name the fault and the field.
Result<QList<Fault>> parseFaults(const QJsonValue &faults, const FaultRules &rules);
// The first fault that hits this attempt of this endpoint, or nullptr.
const Fault *firstFault(const QList<Fault> &faults, const QString &endpoint, int attempt);

// Authenticated requests per endpoint since the scenario was set: the `attempts` of a fault.
class AttemptCounter {
public:
    int next(const QString &endpoint) { return ++m_counts[endpoint]; }
    void reset() { m_counts.clear(); }

private:
    QHash<QString, int> m_counts;
};

// A scenario file is a few KiB; larger is refused unread (README: Input sizes).
constexpr qint64 kMaxScenarioFileBytes = 1024 * 1024;
// Reads a scenario file as a JSON object, within kMaxScenarioFileBytes.
Result<QJsonObject> readScenarioFile(const QString &path);
Error badScenario(const QString &message);

// A sandbox delay in real milliseconds: `ms` times the timing scale, saturating instead of
// overflowing (a scale above 1 on a long delay).
int scaledDelay(int ms, double scale);

// What a proxy in front of a provider answers when it breaks: 502 and a page of HTML.
QByteArray badGatewayHtml();

} // namespace fd::sandbox
