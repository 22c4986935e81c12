#pragma once

#include "apierror.h"
#include "core/bookinggateway.h"
#include "core/clock.h"
#include "core/result.h"
#include "core/scheduler.h"
#include "retrypolicy.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <variant>

class QNetworkReply;

namespace fd {

// What sets one provider's HTTP contract apart from another's. Everything else about sending a
// request (no redirects, the size cap, the timeout, retries with the SAME key and the SAME
// bytes, the attempt log) is the same for every provider and lives in HttpTransport.
struct HttpProvider {
    // Scheme, host, port and any path of the configured URL; then pathPrefix (e.g. "/v1") and
    // each request's path are appended to it. The attempt log shows pathPrefix + path.
    QUrl baseUrl;
    QString pathPrefix;
    // The credentials, sent as the first header of every request: e.g. "Authorization" with
    // "Bearer <key>", or "X-Api-Key" with "<key>".
    QByteArray authHeader;
    QByteArray authValue;
    // The answer header whose value "true" marks an idempotent replay in the attempt log.
    QByteArray replayHeader;
    // Per request, never scaled. A request with an idempotency key gets at least
    // minKeyedTimeout when that is positive (a duplicate may be held while the first runs).
    std::chrono::milliseconds requestTimeout{30'000};
    std::chrono::milliseconds minKeyedTimeout{0};
    // A 2xx body as the object the caller parses, or the ApiError that says why it cannot be.
    std::function<std::variant<QJsonObject, ApiError>(int httpStatus, const QByteArray &body)>
        readSuccess;
    // Any answer that is not 2xx or 3xx, as the retry policy's input.
    std::function<ApiError(int httpStatus, const QByteArray &body,
                           const QByteArray &retryAfterHeader, const QDateTime &now)>
        readError;
    // The final failure, once the retry policy gave up (or the URL was refused).
    std::function<GatewayFailure(const ApiError &error)> classify;
};

// One provider's HTTP requests over one QNetworkAccessManager. Each call is retried by
// RetryPolicy with the SAME Idempotency-Key and the SAME bytes, every attempt is reported to
// the call's AttemptLog, and what finally happened reaches `done` as the 2xx object (after
// HttpProvider::readSuccess) or as a GatewayFailure (after HttpProvider::classify).
class HttpTransport final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpTransport)

public:
    HttpTransport(HttpProvider provider, RetryPolicy policy, const Clock *clock,
                  Scheduler *scheduler, QObject *parent = nullptr);

    // https, or plain http:// to a loopback address only. Holds for the configured base URL and
    // for every URL a request is sent to.
    static Result<QUrl> checkBaseUrl(const QUrl &url);

    // The body as a JSON object, or ApiError::badBody(httpStatus, body, notAnObject).
    static std::variant<QJsonObject, ApiError> jsonObject(int httpStatus, const QByteArray &body,
                                                          const QString &notAnObject);

    // pathPrefix + `path` is appended to the base URL's path; ids must already be
    // percent-encoded, and so must a query after a "?" ("/places/suggestions?query=lag"). An
    // empty body sends no Content-Type, an empty key no Idempotency-Key. Nothing reaches `done`
    // (or `log`) once `context` is gone.
    void send(const QByteArray &method, const QString &path, const QByteArray &body,
              const QString &idempotencyKey, QObject *context, const AttemptLog &log,
              std::function<void(GatewayResult<QJsonObject>)> done);

    const HttpProvider &provider() const { return m_provider; }

private:
    struct Call;
    void attempt(const std::shared_ptr<Call> &call);
    void finished(const std::shared_ptr<Call> &call, QNetworkReply *reply);

    HttpProvider m_provider;
    RetryPolicy m_policy;
    const Clock *m_clock;
    Scheduler *m_scheduler;
    QNetworkAccessManager m_nam;
};

// A transport result read by `parse`; an object `parse` refuses is FD_BAD_BODY, OutcomeUnknown
// (the request may have executed).
template <typename T>
GatewayResult<T> mapBody(const GatewayResult<QJsonObject> &r,
                         const std::function<Result<T>(const QJsonObject &)> &parse) {
    if (const auto *f = std::get_if<GatewayFailure>(&r))
        return *f;
    auto parsed = parse(std::get<QJsonObject>(r));
    if (!parsed) {
        GatewayFailure f;
        f.kind = GatewayFailure::Kind::OutcomeUnknown;
        f.code = QStringLiteral("FD_BAD_BODY");
        f.message =
            QStringLiteral("The server's answer could not be read: ") + parsed.error().message;
        return f;
    }
    return std::move(parsed).value();
}

} // namespace fd
