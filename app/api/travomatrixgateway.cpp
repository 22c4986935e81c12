#include "travomatrixgateway.h"

#include "travelbasegateway.h"
#include "travomatrixjson.h"

#include "core/boundedfile.h"
#include "core/limits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

namespace fd {

struct TravomatrixGateway::Call {
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
    bool earlierMayHaveExecuted = false;
};

namespace {

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

QString encoded(const QString &id) {
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

Result<std::unique_ptr<TravomatrixGateway>> TravomatrixGateway::create(Options options,
                                                                       const Clock *clock,
                                                                       Scheduler *scheduler,
                                                                       QObject *parent) {
    // The same transport rule as Travelbase's: https, or plain http to loopback only.
    const auto url = TravelbaseGateway::checkBaseUrl(options.baseUrl);
    if (!url)
        return url.error();
    if (options.apiKey.isEmpty())
        return Error{QStringLiteral("missing_api_key"),
                     QStringLiteral("No Travomatrix API key: set it in Settings.")};
    return std::unique_ptr<TravomatrixGateway>(
        new TravomatrixGateway(std::move(options), clock, scheduler, parent));
}

TravomatrixGateway::TravomatrixGateway(Options options, const Clock *clock, Scheduler *scheduler,
                                       QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clock(clock)
    , m_scheduler(scheduler)
    , m_policy(m_options.random, m_options.timing.scale) {
    // Redirects are never followed: the next hop would receive the API key, the
    // Idempotency-Key and the passports. A 3xx is an error of its own.
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ApiError TravomatrixGateway::readError(int httpStatus, const QByteArray &body,
                                       const QByteArray &retryAfterHeader, const QDateTime &now) {
    QJsonParseError parseError{};
    const QJsonDocument doc = body.size() <= kMaxErrorBodyBytes
                                  ? QJsonDocument::fromJson(body, &parseError)
                                  : QJsonDocument();
    const QJsonObject err = doc.object().value(QLatin1String("error")).toObject();
    const QString code = err.value(QLatin1String("code")).toString();
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() || code.isEmpty()) {
        ApiError bad = ApiError::badBody(
            httpStatus, body, QStringLiteral("The error answer is not the contract's shape"));
        // The status code decides, whatever the body: a 429 (from a gateway in front of the
        // API, say) is refused before anything ran and is retried after its Retry-After.
        if (httpStatus == 429) {
            bad.kind = ApiError::Kind::Envelope;
            bad.retryable = true;
            bad.fault = ApiError::Fault::Client;
            if (!retryAfterHeader.isEmpty())
                bad.retryAfter = parseRetryAfter(retryAfterHeader, now);
        }
        return bad;
    }
    ApiError e;
    e.kind = ApiError::Kind::Envelope;
    e.httpStatus = httpStatus;
    e.code = code.left(80);
    e.message = printableExcerpt(err.value(QLatin1String("message")).toString().toUtf8(), 500);
    // No retryable flag in this contract: the status code is the whole reading.
    e.retryable = httpStatus == 429 || (httpStatus >= 500 && httpStatus <= 599);
    e.fault = httpStatus >= 500 ? ApiError::Fault::Server : ApiError::Fault::Client;
    for (const QJsonValue &v : err.value(QLatin1String("details")).toArray()) {
        const QJsonObject d = v.toObject();
        e.fieldErrors.append({d.value(QLatin1String("field")).toString(),
                              d.value(QLatin1String("issue")).toString()});
    }
    if (!retryAfterHeader.isEmpty())
        e.retryAfter = parseRetryAfter(retryAfterHeader, now);
    return e;
}

GatewayFailure TravomatrixGateway::classify(const ApiError &e) {
    using K = GatewayFailure::Kind;
    GatewayFailure f;
    f.httpStatus = e.httpStatus;
    f.code = e.code;
    f.message = e.describe();
    for (const FieldError &fe : e.fieldErrors)
        f.fieldErrors.append({fe.field, fe.message});
    switch (e.kind) {
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Network:
        f.kind = K::OutcomeUnknown;
        return f;
    case ApiError::Kind::Cancelled:
        f.kind = K::Cancelled;
        return f;
    case ApiError::Kind::Tls:
    case ApiError::Kind::Redirect:
        f.kind = K::Fatal;
        return f;
    case ApiError::Kind::Conflict:
    case ApiError::Kind::BadBody:
    case ApiError::Kind::Envelope:
        break;
    }
    switch (e.httpStatus) {
    case 401:
        f.kind = K::Unauthorized;
        break;
    case 402:
        f.kind = K::InsufficientFunds;
        break;
    case 404:
        f.kind = K::NotFound;
        break;
    case 409:
        f.kind = K::KeyReused; // the key with another payload: a client bug, never retried
        break;
    case 410:
        f.kind = K::OfferUnavailable;
        break;
    default:
        // 400, 422 and any other 4xx: refused before anything executed. A 429 or 5xx that
        // outlived the retry budget, or an unreadable success: it may have executed.
        f.kind = e.httpStatus >= 400 && e.httpStatus < 500 && e.httpStatus != 429
                     ? K::Rejected
                     : K::OutcomeUnknown;
        break;
    }
    return f;
}

void TravomatrixGateway::send(const QByteArray &method, const QString &path, const QByteArray &body,
                              const QString &idempotencyKey, QObject *context,
                              const AttemptLog &log,
                              std::function<void(GatewayResult<QJsonObject>)> done) {
    auto call = std::make_shared<Call>();
    call->method = method;
    call->path = path;
    call->body = body;
    call->idempotencyKey = idempotencyKey;
    call->timeout = m_options.timing.requestTimeout;
    if (!idempotencyKey.isEmpty())
        call->timeout = std::max(call->timeout, kMinCreateTimeout);
    call->context = context;
    call->log = log;
    call->done = std::move(done);
    attempt(call);
}

void TravomatrixGateway::attempt(const std::shared_ptr<Call> &call) {
    if (!call->context)
        return; // the caller is gone: nobody would read the answer
    if (call->attempts++ == 0)
        call->firstAttemptAt = m_clock->now();
    call->timedOut = false;
    call->tooLarge = false;

    QUrl url = m_options.baseUrl;
    url.setPath(
        url.path(QUrl::FullyEncoded).chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) +
            call->path,
        QUrl::TolerantMode);
    if (const auto checked = TravelbaseGateway::checkBaseUrl(url); !checked) {
        const ApiError refused = ApiError::insecureUrl(checked.error().message);
        m_scheduler->after(std::chrono::milliseconds(0), this, [call, refused] {
            if (call->context)
                call->done(classify(refused));
        });
        return;
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("X-Api-Key", m_options.apiKey.toUtf8());
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

void TravomatrixGateway::finished(const std::shared_ptr<Call> &call, QNetworkReply *reply) {
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->isOpen() && !call->tooLarge ? reply->readAll() : QByteArray();
    const QDateTime now = m_clock->now();

    std::optional<ApiError> error;
    QJsonObject answer;
    if (call->tooLarge) {
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
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            error = ApiError::badBody(status, body,
                                      QStringLiteral("The success answer is not a JSON object"));
        else
            answer = doc.object();
    } else {
        error = readError(status, body, reply->rawHeader("Retry-After"), now);
    }

    QJsonObject entry{{QStringLiteral("attempt"), call->attempts},
                      {QStringLiteral("method"), QString::fromLatin1(call->method)},
                      {QStringLiteral("path"), call->path},
                      {QStringLiteral("status"), status},
                      {QStringLiteral("at"), now.toString(Qt::ISODateWithMs)}};
    if (!call->idempotencyKey.isEmpty())
        entry.insert(QStringLiteral("idempotency_key"), call->idempotencyKey);
    if (reply->rawHeader("Idempotent-Replay") == "true")
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
    GatewayFailure failure = classify(*error);
    failure.earlierAttemptMayHaveExecuted = call->earlierMayHaveExecuted;
    if (failure.kind == GatewayFailure::Kind::OutcomeUnknown)
        failure.message =
            QStringLiteral("No definitive answer after %1 attempt(s); the last was %2")
                .arg(call->attempts)
                .arg(error->describe());
    if (call->context)
        call->done(failure);
}

QString TravomatrixGateway::providerId() const {
    return QStringLiteral("travomatrix");
}

Result<Offer> TravomatrixGateway::offerFromJson(const QJsonObject &json) const {
    return travomatrix::parseFare(json);
}

QByteArray TravomatrixGateway::createBody(const Offer &offer,
                                          const QList<Passenger> &passengers) const {
    return travomatrix::createBody(offer, passengers);
}

void TravomatrixGateway::fetchOffer(const QString &offerId, QObject *context, const AttemptLog &log,
                                    std::function<void(GatewayResult<Offer>)> done) {
    send("GET", QStringLiteral("/api/v1/fares/") + encoded(offerId), {}, {}, context, log,
         [done](const GatewayResult<QJsonObject> &r) {
             done(mapBody<Offer>(r, &travomatrix::parseFare));
         });
}

void TravomatrixGateway::fetchWallet(QObject *context, const AttemptLog &log,
                                     std::function<void(GatewayResult<Wallet>)> done) {
    send("GET", QStringLiteral("/api/v1/account/balance"), {}, {}, context, log,
         [done](const GatewayResult<QJsonObject> &r) {
             done(mapBody<Wallet>(r, &travomatrix::parseBalance));
         });
}

void TravomatrixGateway::createOrder(const QByteArray &body, const QString &idempotencyKey,
                                     QObject *context, const AttemptLog &log,
                                     std::function<void(GatewayResult<OrderSnapshot>)> done) {
    send("POST", QStringLiteral("/api/v1/booking/create"), body, idempotencyKey, context, log,
         [done](const GatewayResult<QJsonObject> &r) {
             done(mapBody<OrderSnapshot>(r, &travomatrix::parseBooking));
         });
}

void TravomatrixGateway::ticketOrder(const QString &orderId, const QString &, QObject *context,
                                     const AttemptLog &,
                                     std::function<void(GatewayResult<OrderSnapshot>)> done) {
    GatewayFailure f;
    f.kind = GatewayFailure::Kind::Fatal;
    f.code = QStringLiteral("FD_NO_TICKET_ACTION");
    f.message = QStringLiteral("Travomatrix has no ticket action: booking %1 was ticketed (or "
                               "not) by its create; nothing was sent")
                    .arg(orderId.left(40));
    QPointer<QObject> guard(context);
    m_scheduler->after(std::chrono::milliseconds(0), this, [guard, f, done = std::move(done)] {
        if (guard)
            done(f);
    });
}

void TravomatrixGateway::fetchOrder(const QString &orderId, QObject *context, const AttemptLog &log,
                                    std::function<void(GatewayResult<OrderSnapshot>)> done) {
    send("GET", QStringLiteral("/api/v1/booking/") + encoded(orderId), {}, {}, context, log,
         [done](const GatewayResult<QJsonObject> &r) {
             done(mapBody<OrderSnapshot>(r, &travomatrix::parseBooking));
         });
}

void TravomatrixGateway::searchOffers(const QJsonObject &request, QObject *context,
                                      const AttemptLog &log,
                                      std::function<void(GatewayResult<QList<Offer>>)> done) {
    const auto body = travomatrix::searchBody(request);
    if (!body) {
        GatewayFailure f;
        f.kind = GatewayFailure::Kind::Rejected;
        f.code = body.error().code;
        f.message = body.error().message;
        QPointer<QObject> guard(context);
        m_scheduler->after(std::chrono::milliseconds(0), this, [guard, f, done] {
            if (guard)
                done(f);
        });
        return;
    }
    send("POST", QStringLiteral("/api/v1/search"), *body, {}, context, log,
         [done = std::move(done)](const GatewayResult<QJsonObject> &r) {
             done(mapBody<QList<Offer>>(r, [](const QJsonObject &o) -> Result<QList<Offer>> {
                 QList<Offer> offers;
                 for (const QJsonValue &v : o.value(QLatin1String("fares")).toArray()) {
                     auto offer = travomatrix::parseFare(v.toObject());
                     if (!offer)
                         return offer.error();
                     offers.append(std::move(offer).value());
                 }
                 return offers;
             }));
         });
}

} // namespace fd
