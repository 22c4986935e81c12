#include "httptransport.h"

#include "core/boundedfile.h"
#include "core/limits.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

#include <algorithm>

namespace fd {

struct HttpTransport::Call {
    QByteArray method;
    QString path;
    QByteArray body; // the same bytes on every attempt
    QString idempotencyKey;
    std::chrono::milliseconds timeout{0};
    QPointer<QObject> context;
    AttemptLog log;
    std::function<void(GatewayResult<QJsonObject>)> done;
    int attempts = 0;
    QDateTime firstAttemptAt;
    bool timedOut = false; // Qt reports our own abort as OperationCanceledError: tell them apart
    bool tooLarge = false; // aborted by us at limits::kApiAnswerBytes
    // An earlier attempt may have executed (it timed out, broke, hit a 5xx, or was still in
    // flight): a later definitive refusal then says nothing about that attempt.
    bool earlierMayHaveExecuted = false;
};

namespace {

bool isLoopbackHost(const QString &host) {
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

Result<QUrl> HttpTransport::checkBaseUrl(const QUrl &url) {
    if (!url.isValid() || url.host().isEmpty())
        return Error{
            QStringLiteral("bad_base_url"),
            QStringLiteral("The API base URL \"%1\" is not a valid URL.").arg(url.toString())};
    if (url.scheme() == QLatin1String("https"))
        return url;
    if (url.scheme() == QLatin1String("http") && isLoopbackHost(url.host()))
        return url;
    return Error{QStringLiteral("insecure_base_url"),
                 QStringLiteral("Refusing %1: bookings are only sent over https (plain http is "
                                "allowed to this computer's loopback address only).")
                     .arg(url.toString())};
}

std::variant<QJsonObject, ApiError>
HttpTransport::jsonObject(int httpStatus, const QByteArray &body, const QString &notAnObject) {
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return ApiError::badBody(httpStatus, body, notAnObject);
    return doc.object();
}

HttpTransport::HttpTransport(HttpProvider provider, RetryPolicy policy, const Clock *clock,
                             Scheduler *scheduler, QObject *parent)
    : QObject(parent)
    , m_provider(std::move(provider))
    , m_policy(std::move(policy))
    , m_clock(clock)
    , m_scheduler(scheduler) {
    // Certificate errors are never ignored: nothing connects to sslErrors to wave them through.
    // Redirects are never followed: the next hop would receive the API key, the
    // Idempotency-Key and (307/308) the passengers' passports. A 3xx is an error of its own.
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

void HttpTransport::send(const QByteArray &method, const QString &path, const QByteArray &body,
                         const QString &idempotencyKey, QObject *context, const AttemptLog &log,
                         std::function<void(GatewayResult<QJsonObject>)> done) {
    auto call = std::make_shared<Call>();
    call->method = method;
    call->path = m_provider.pathPrefix + path;
    call->body = body;
    call->idempotencyKey = idempotencyKey;
    call->timeout = m_provider.requestTimeout;
    if (!idempotencyKey.isEmpty() && m_provider.minKeyedTimeout.count() > 0)
        call->timeout = std::max(call->timeout, m_provider.minKeyedTimeout);
    call->context = context;
    call->log = log;
    call->done = std::move(done);
    attempt(call);
}

void HttpTransport::attempt(const std::shared_ptr<Call> &call) {
    if (!call->context)
        return; // the caller is gone: nobody would read the answer
    if (call->attempts++ == 0)
        call->firstAttemptAt = m_clock->now();
    call->timedOut = false;
    call->tooLarge = false;

    QUrl url = m_provider.baseUrl;
    // The path's ids are already percent-encoded: TolerantMode keeps them from being encoded twice.
    // A query ("?query=lag", encoded by the caller) goes after the path, never into it.
    const qsizetype question = call->path.indexOf(QLatin1Char('?'));
    url.setPath(
        url.path(QUrl::FullyEncoded).chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) +
            call->path.left(question),
        QUrl::TolerantMode);
    url.setQuery(question < 0 ? QString() : call->path.mid(question + 1), QUrl::TolerantMode);
    // The transport rule holds for every URL a request is sent to, not only the configured one.
    if (const auto checked = checkBaseUrl(url); !checked) {
        const ApiError refused = ApiError::insecureUrl(checked.error().message);
        m_scheduler->after(std::chrono::milliseconds(0), this, [this, call, refused] {
            if (call->context)
                call->done(m_provider.classify(refused));
        });
        return;
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader(m_provider.authHeader, m_provider.authValue);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "FlightDesk/" FLIGHTDESK_VERSION);
    if (!call->body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    if (!call->idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", call->idempotencyKey.toLatin1());
    QNetworkReply *reply = m_nam.sendCustomRequest(request, call->method, call->body);
    m_scheduler->after(call->timeout, reply, [call, reply] {
        call->timedOut = true;
        reply->abort();
    });
    // An answer is a few KiB. Qt would buffer one of any size, so the reply's buffer is bounded
    // and a declared or received size over the cap ends the reply at once.
    reply->setReadBufferSize(limits::kApiAnswerBytes + 1);
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [call, reply](qint64 received, qint64 total) {
                if (received > limits::kApiAnswerBytes || total > limits::kApiAnswerBytes) {
                    call->tooLarge = true;
                    reply->abort();
                }
            });
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] { finished(call, reply); });
}

void HttpTransport::finished(const std::shared_ptr<Call> &call, QNetworkReply *reply) {
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body =
        reply->isOpen() && !call->tooLarge ? reply->readAll() : QByteArray(); // aborted: closed
    const QDateTime now = m_clock->now();

    std::optional<ApiError> error;
    QJsonObject answer;
    if (call->tooLarge) {
        // It may have executed (a create that answers with a huge body): never "nothing
        // happened". As a bad body it is retried only when the status is a 5xx.
        error =
            ApiError::badBody(status, {},
                              QStringLiteral("The server's answer is larger than %1; FlightDesk "
                                             "stopped reading it")
                                  .arg(sizeText(limits::kApiAnswerBytes)));
        error->code = QStringLiteral("FD_ANSWER_TOO_LARGE");
    } else if (status == 0) {
        if (call->timedOut)
            error = ApiError::timeout(QStringLiteral("No answer within %1 s")
                                          .arg(double(call->timeout.count()) / 1000.0));
        else if (reply->error() == QNetworkReply::OperationCanceledError)
            error = ApiError::cancelled();
        else if (reply->error() == QNetworkReply::SslHandshakeFailedError)
            error = ApiError::tls(reply->errorString());
        else
            error = ApiError::network(reply->errorString());
    } else if (status >= 300 && status < 400) {
        error = ApiError::redirect(status, reply->rawHeader("Location"));
    } else if (status >= 200 && status < 300) {
        auto read = m_provider.readSuccess(status, body);
        if (auto *e = std::get_if<ApiError>(&read))
            error = std::move(*e);
        else
            answer = std::get<QJsonObject>(std::move(read));
    } else {
        error = m_provider.readError(status, body, reply->rawHeader("Retry-After"), now);
    }

    QJsonObject entry{{QStringLiteral("attempt"), call->attempts},
                      {QStringLiteral("method"), QString::fromLatin1(call->method)},
                      {QStringLiteral("path"), call->path},
                      {QStringLiteral("status"), status},
                      {QStringLiteral("at"), now.toString(Qt::ISODateWithMs)}};
    if (!call->idempotencyKey.isEmpty())
        entry.insert(QStringLiteral("idempotency_key"), call->idempotencyKey);
    if (reply->rawHeader(m_provider.replayHeader) == "true")
        entry.insert(QStringLiteral("replayed"), true);
    if (!error) {
        if (call->log && call->context)
            call->log(entry);
        if (call->context)
            call->done(answer);
        return;
    }
    const RetryDecision decision =
        m_policy.decide(*error, call->attempts, call->firstAttemptAt, now);
    entry.insert(QStringLiteral("error"), error->describe());
    entry.insert(QStringLiteral("decision"), actionName(decision.action));
    if (decision.action == RetryDecision::Retry)
        entry.insert(QStringLiteral("wait_ms"), static_cast<qint64>(decision.wait.count()));
    if (call->log && call->context)
        call->log(entry);
    if (decision.action == RetryDecision::Retry) {
        // A 429 is refused before anything runs; every other retried answer may hide a
        // request that executed.
        if (error->httpStatus != 429)
            call->earlierMayHaveExecuted = true;
        m_scheduler->after(decision.wait, this, [this, call] { attempt(call); });
        return;
    }
    GatewayFailure failure = m_provider.classify(*error);
    failure.earlierAttemptMayHaveExecuted = call->earlierMayHaveExecuted;
    if (failure.kind == GatewayFailure::Kind::OutcomeUnknown)
        failure.message =
            QStringLiteral("No definitive answer after %1 attempt(s); the last was %2")
                .arg(call->attempts)
                .arg(error->describe());
    if (call->context)
        call->done(failure);
}

} // namespace fd
