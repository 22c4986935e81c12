#pragma once

#include "sandbox/apierror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace fd::sandbox {
class Exchange;
}

namespace fd::sandbox::tmx {

// An error as Travomatrix answers it: {"error": {"code", "message", "details"?}}. No retryable
// flag: the status code decides what a client does (the contract's table).
struct Error {
    int status = 500;
    QString code;
    QString message;
    QList<FieldError> details; // validation only, as [{field, issue}]
    std::optional<int> retryAfterSeconds;

    static Error validation(QList<FieldError> details);
    static Error validation(const QString &field, const QString &issue);
    static Error keyRequired();
    static Error unauthorized(const QString &message);
    static Error insufficientFunds(const QString &message);
    static Error notFound(const QString &message);
    static Error keyMismatch();
    static Error fareExpired(const QString &message);
    static Error fareSoldOut(const QString &message);
    static Error notCancellable(const QString &message);
    static Error quoteExpired(const QString &message);
    static Error payloadTooLarge(qint64 size, qint64 limit);
    static Error hostRefused();
    // Answers a scenario injects, and the end of a duplicate's wait.
    static Error rateLimited(int retryAfterSeconds);
    static Error unavailable();
    static Error internal();
    static Error upstreamTimeout(const QString &message);

    QByteArray body() const;
};

template <typename T> using Outcome = ApiResult<T, Error>;

// Compact JSON, as every success body is sent (no {"data": ...} wrapper).
QByteArray jsonBody(const QJsonObject &o);
// The error with its Retry-After header, if any.
void respondError(Exchange &ex, const Error &error);

} // namespace fd::sandbox::tmx
