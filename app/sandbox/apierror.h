#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace fd::sandbox {

// One field a validation rejected, as the contract's `errors` array carries it.
struct FieldError {
    QString field;
    QString message;
};

// An error the sandbox answers with, in the envelope of the contract (seed 003). The same value
// describes injected faults, so a scenario's 503 looks exactly like a real one.
struct ApiError {
    int status = 500;
    QString code;
    QString message;
    QString fault = QStringLiteral("client");
    bool retryable = false;
    QString suggestedAction;
    QList<FieldError> errors;
    std::optional<int> retryAfterSeconds;
    // The optimistic-concurrency 409 of seed 002 uses an older shape; see conflictBody().
    bool conflictShape = false;

    static ApiError validation(QList<FieldError> errors);
    static ApiError validation(const QString &field, const QString &message);
    static ApiError notFound(const QString &message);
    static ApiError unauthorized(const QString &message);
    static ApiError offerExpired(const QString &message);
    static ApiError offerUnavailable(const QString &message);
    static ApiError insufficientBalance(const QString &message);
    static ApiError idempotencyKeyMissing();
    static ApiError idempotencyInFlight();
    static ApiError idempotencyKeyReused();
    static ApiError conflict();
    static ApiError payloadTooLarge(qint64 size, qint64 limit);
    static ApiError hostRefused();
    static ApiError unprocessable(const QString &code, const QString &message,
                                  const QString &action);

    // The body bytes: the envelope, or the conflict shape.
    QByteArray body() const;
};

// A value or the provider's error: what every sandbox operation returns (errors are values).
// E is ApiError for Travelbase, tmx::Error for Travomatrix.
template <typename T, typename E = ApiError> class ApiResult {
public:
    ApiResult(T value)
        : m_v(std::in_place_index<0>, std::move(value)) {}
    ApiResult(E error)
        : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    const T &value() const & { return std::get<0>(m_v); }
    T &value() & { return std::get<0>(m_v); }
    const E &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, E> m_v;
};

// Every successful body is wrapped in {"data": ...}.
QByteArray dataEnvelope(const QJsonValue &data);

} // namespace fd::sandbox
