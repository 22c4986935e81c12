#include "tmxerror.h"

#include "sandbox/exchange.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fd::sandbox::tmx {

namespace {

Error make(int status, const char *code, QString message) {
    Error e;
    e.status = status;
    e.code = QLatin1String(code);
    e.message = std::move(message);
    return e;
}

} // namespace

Error Error::validation(QList<FieldError> details) {
    QString message = QStringLiteral("The request body is invalid");
    if (details.size() == 1)
        message = details.first().field + QLatin1Char(' ') + details.first().message;
    else if (!details.isEmpty())
        message = QStringLiteral("%1 fields are invalid; see details").arg(details.size());
    auto e = make(400, "VALIDATION_ERROR", message);
    e.details = std::move(details);
    return e;
}

Error Error::validation(const QString &field, const QString &issue) {
    return validation(QList<FieldError>{{field, issue}});
}

Error Error::keyRequired() {
    return make(400, "IDEMPOTENCY_KEY_REQUIRED",
                QStringLiteral("This endpoint requires an Idempotency-Key header (a UUID v4 is "
                               "recommended)"));
}

Error Error::unauthorized(const QString &message) {
    return make(401, "UNAUTHORIZED", message);
}

Error Error::insufficientFunds(const QString &message) {
    return make(402, "INSUFFICIENT_FUNDS", message);
}

Error Error::notFound(const QString &message) {
    return make(404, "NOT_FOUND", message);
}

Error Error::keyMismatch() {
    return make(409, "IDEMPOTENCY_KEY_MISMATCH",
                QStringLiteral("This Idempotency-Key was already used with a different payload"));
}

Error Error::fareExpired(const QString &message) {
    return make(410, "FARE_EXPIRED", message);
}

Error Error::fareSoldOut(const QString &message) {
    return make(410, "FARE_SOLD_OUT", message);
}

Error Error::notCancellable(const QString &message) {
    return make(422, "BOOKING_NOT_CANCELLABLE", message);
}

Error Error::quoteExpired(const QString &message) {
    return make(422, "QUOTE_EXPIRED", message);
}

Error Error::payloadTooLarge(qint64 size, qint64 limit) {
    return make(
        413, "PAYLOAD_TOO_LARGE",
        QStringLiteral("The request body is %1 bytes; the limit is %2 bytes").arg(size).arg(limit));
}

Error Error::hostRefused() {
    return make(403, "HOST_REFUSED",
                QStringLiteral("This Host is not served here: call the sandbox at 127.0.0.1, "
                               "localhost or [::1] with its port"));
}

Error Error::rateLimited(int retryAfterSeconds) {
    auto e = make(429, "RATE_LIMITED", QStringLiteral("Too many requests"));
    e.retryAfterSeconds = retryAfterSeconds;
    return e;
}

Error Error::unavailable() {
    return make(503, "UNAVAILABLE", QStringLiteral("Service temporarily unavailable"));
}

Error Error::internal() {
    return make(500, "INTERNAL", QStringLiteral("Internal error"));
}

Error Error::upstreamTimeout(const QString &message) {
    return make(504, "UPSTREAM_TIMEOUT", message);
}

QByteArray Error::body() const {
    QJsonObject error{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!details.isEmpty()) {
        QJsonArray list;
        for (const auto &d : details)
            list.append(QJsonObject{{QStringLiteral("field"), d.field},
                                    {QStringLiteral("issue"), d.message}});
        error.insert(QStringLiteral("details"), list);
    }
    return jsonBody(QJsonObject{{QStringLiteral("error"), error}});
}

QByteArray jsonBody(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void respondError(Exchange &ex, const Error &error) {
    HeaderPairs headers;
    if (error.retryAfterSeconds)
        headers.append(
            {QByteArrayLiteral("Retry-After"), QByteArray::number(*error.retryAfterSeconds)});
    ex.respond(error.status, error.body(), headers);
}

} // namespace fd::sandbox::tmx
