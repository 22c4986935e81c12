#pragma once

#include "catalogue.h"

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fd::sandbox {

// What a scenario can do to one request. See README.md for the JSON names.
enum class FaultKind {
    Unavailable,       // 503 TB_UNAVAILABLE, retryable
    Internal,          // 500 TB_INTERNAL, retryable
    RateLimited,       // 429 TB_RATE_LIMITED, retryable
    InternalFatal,     // 500 TB_INTERNAL_FATAL, not retryable
    InFlight,          // 409 TB_IDEMPOTENCY_IN_FLIGHT, Retry-After: 2
    BadGatewayHtml,    // 502 with an HTML body (not JSON)
    ResetBeforeCommit, // connection closed before anything executed
    ResetAfterCommit,  // executed and stored, then the connection is closed unanswered
    HangAfterCommit,   // executed and stored, never answered
    Slow,              // executes after delay_ms; the key is in flight meanwhile
};

struct Fault {
    QString endpoint;    // an endpoint name (Endpoint list in README) or "*"
    QList<int> attempts; // 1-based attempts it hits; empty means every attempt
    FaultKind kind = FaultKind::Unavailable;
    std::optional<int> retryAfterSeconds;
    int delayMs = 0; // Slow only, before the timing scale
};

enum class TicketingOutcome { Ticketed, Failed, Never };
enum class WebhookMode {
    Normal,
    Dropped,
    Duplicated,
    Early,
    BadSignatureFirst,
    StaleAfter, // each outcome event is followed by an older snapshot of the order
};

struct Scenario {
    QString name = QStringLiteral("happy_path");
    QString description;
    QList<Fault> faults;
    TicketingOutcome outcome = TicketingOutcome::Ticketed;
    int ticketingDelayMs = 3000; // before the timing scale
    WebhookMode webhooks = WebhookMode::Normal;
    int webhookDelayMs = 0; // before each event's first delivery, before the timing scale
    std::optional<QString> walletBalance; // applied when the scenario is set
    OfferTerms offers;

    const Fault *faultFor(const QString &endpoint, int attempt) const;

    static Result<Scenario> fromJson(const QJsonObject &o);
    // A scenario file is a few KiB; larger is refused unread (README: Input sizes).
    static constexpr qint64 kMaxFileBytes = 1024 * 1024;
    static Result<Scenario> fromFile(const QString &path);
    // A built-in scenario by name (happy_path, airline_rejects, ...), or a JSON file path.
    static Result<Scenario> resolve(const QString &nameOrFile);
    static std::optional<Scenario> builtIn(const QString &name);
    static QStringList builtInNames();
    static QStringList endpointNames();
};

} // namespace fd::sandbox
