#include "apierror.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fd::sandbox {

namespace {

ApiError make(int status, const char *code, QString message, bool retryable, const char *fault,
              const char *action) {
    ApiError e;
    e.status = status;
    e.code = QLatin1String(code);
    e.message = std::move(message);
    e.retryable = retryable;
    e.fault = QLatin1String(fault);
    e.suggestedAction = QLatin1String(action);
    return e;
}

} // namespace

ApiError ApiError::validation(QList<FieldError> errors) {
    QString message = QStringLiteral("The request body is invalid");
    if (errors.size() == 1)
        message = errors.first().field + QLatin1Char(' ') + errors.first().message;
    else if (!errors.isEmpty())
        message = QStringLiteral("%1 fields are invalid; see errors").arg(errors.size());
    auto e = make(400, "TB_VALIDATION_FAILED", message, false, "client",
                  "fix the payload and resend it");
    e.errors = std::move(errors);
    return e;
}

ApiError ApiError::validation(const QString &field, const QString &message) {
    return validation(QList<FieldError>{{field, message}});
}

ApiError ApiError::notFound(const QString &message) {
    return make(404, "TB_NOT_FOUND", message, false, "client", "check the id or the path");
}

ApiError ApiError::unauthorized(const QString &message) {
    return make(401, "TB_AUTH_101", message, false, "client",
                "verify your API key in the settings and try again");
}

ApiError ApiError::offerExpired(const QString &message) {
    return make(422, "TB_OFFER_EXPIRED", message, false, "client", "search again");
}

ApiError ApiError::offerUnavailable(const QString &message) {
    return make(422, "TB_OFFER_UNAVAILABLE", message, false, "client", "search again");
}

ApiError ApiError::insufficientBalance(const QString &message) {
    return make(402, "TB_INSUFFICIENT_BALANCE", message, false, "client",
                "top up the wallet, then validate the offer again");
}

ApiError ApiError::idempotencyKeyMissing() {
    return make(400, "TB_IDEMPOTENCY_KEY_MISSING",
                QStringLiteral("This endpoint requires an Idempotency-Key header"), false, "client",
                "send one Idempotency-Key per booking intent");
}

ApiError ApiError::idempotencyInFlight() {
    auto e = make(409, "TB_IDEMPOTENCY_IN_FLIGHT",
                  QStringLiteral("A request with this Idempotency-Key is still executing"), true,
                  "client", "back off 2-3 s and retry with the same key");
    e.retryAfterSeconds = 2;
    return e;
}

ApiError ApiError::idempotencyKeyReused() {
    return make(409, "TB_IDEMPOTENCY_KEY_REUSED",
                QStringLiteral("This Idempotency-Key was already used with a different request"),
                false, "client", "use a new key for a new booking intent");
}

ApiError ApiError::conflict() {
    ApiError e;
    e.status = 409;
    e.code = QStringLiteral("CONFLICT");
    e.message = QStringLiteral("Resource version mismatch. Re-fetch the resource and retry.");
    e.conflictShape = true;
    return e;
}

ApiError ApiError::payloadTooLarge(qint64 size, qint64 limit) {
    return make(
        413, "TB_PAYLOAD_TOO_LARGE",
        QStringLiteral("The request body is %1 bytes; the limit is %2 bytes").arg(size).arg(limit),
        false, "client", "send a smaller body");
}

ApiError ApiError::hostRefused() {
    return make(403, "TB_HOST_REFUSED", QStringLiteral("This Host is not served here"), false,
                "client", "call the sandbox at 127.0.0.1, localhost or [::1] with its port");
}

ApiError ApiError::unprocessable(const QString &code, const QString &message,
                                 const QString &action) {
    ApiError e = make(422, "", message, false, "client", "");
    e.code = code;
    e.suggestedAction = action;
    return e;
}

QByteArray ApiError::body() const {
    if (conflictShape) {
        const QJsonObject error{{QStringLiteral("code"), code},
                                {QStringLiteral("detail"), message}};
        return QJsonDocument(QJsonObject{{QStringLiteral("success"), false},
                                         {QStringLiteral("error"), error}})
            .toJson(QJsonDocument::Compact);
    }
    QJsonObject o{{QStringLiteral("success"), false},
                  {QStringLiteral("statusCode"), status},
                  {QStringLiteral("errorCode"), code},
                  {QStringLiteral("message"), message},
                  {QStringLiteral("fault"), fault},
                  {QStringLiteral("retryable"), retryable},
                  {QStringLiteral("suggestedAction"), suggestedAction},
                  {QStringLiteral("environment"), QStringLiteral("sandbox")},
                  {QStringLiteral("apiVersion"), QStringLiteral("1.0.0")}};
    if (!errors.isEmpty()) {
        QJsonArray list;
        for (const auto &f : errors)
            list.append(QJsonObject{{QStringLiteral("field"), f.field},
                                    {QStringLiteral("message"), f.message}});
        o.insert(QStringLiteral("errors"), list);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray dataEnvelope(const QJsonValue &data) {
    return QJsonDocument(QJsonObject{{QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

} // namespace fd::sandbox
