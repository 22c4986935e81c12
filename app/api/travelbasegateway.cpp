#include "travelbasegateway.h"

#include "travelbasejson.h"

#include "core/boundedfile.h"
#include "core/limits.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QUuid>

namespace fd {

struct TravelbaseGateway::Call {
    QByteArray method;
    QString path;
    QByteArray body; // the same bytes on every attempt
    QString idempotencyKey;
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

template <typename T>
GatewayResult<T> mapData(const GatewayResult<QJsonObject> &r,
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

bool isLoopbackHost(const QString &host) {
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

Result<QUrl> TravelbaseGateway::checkBaseUrl(const QUrl &url) {
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

Result<std::unique_ptr<TravelbaseGateway>> TravelbaseGateway::create(Options options,
                                                                     const Clock *clock,
                                                                     Scheduler *scheduler,
                                                                     QObject *parent) {
    const auto url = checkBaseUrl(options.baseUrl);
    if (!url)
        return url.error();
    if (options.apiKey.isEmpty())
        return Error{QStringLiteral("missing_api_key"),
                     QStringLiteral("No API key: set it in Settings or FLIGHTDESK_API_KEY.")};
    return std::unique_ptr<TravelbaseGateway>(
        new TravelbaseGateway(std::move(options), clock, scheduler, parent));
}

TravelbaseGateway::TravelbaseGateway(Options options, const Clock *clock, Scheduler *scheduler,
                                     QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clock(clock)
    , m_scheduler(scheduler)
    , m_policy(m_options.random, m_options.timing.scale) {
    // Certificate errors are never ignored: nothing connects to sslErrors to wave them through.
    // Redirects are never followed: the next hop would receive the API key, the
    // Idempotency-Key and (307/308) the passengers' passports. A 3xx is an error of its own.
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

GatewayFailure TravelbaseGateway::classify(const ApiError &e) {
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
        // A stale version was refused before anything was written. Only a caller that sent a
        // version can re-fetch and re-apply; the desk sends none, so it is a plain rejection.
        f.kind = K::Rejected;
        return f;
    case ApiError::Kind::BadBody:
        // A 4xx page from a proxy never reached the provider; anything else may have executed.
        f.kind = e.httpStatus >= 400 && e.httpStatus < 500 ? K::Rejected : K::OutcomeUnknown;
        return f;
    case ApiError::Kind::Envelope:
        break;
    }
    if (e.code == QLatin1String("TB_OFFER_EXPIRED") ||
        e.code == QLatin1String("TB_OFFER_UNAVAILABLE"))
        f.kind = K::OfferUnavailable;
    else if (e.code == QLatin1String("TB_INSUFFICIENT_BALANCE"))
        f.kind = K::InsufficientFunds;
    else if (e.httpStatus == 401 || e.code.startsWith(QLatin1String("TB_AUTH")))
        f.kind = K::Unauthorized;
    else if (e.code == QLatin1String("TB_NOT_FOUND"))
        f.kind = K::NotFound;
    else if (e.code == QLatin1String("TB_IDEMPOTENCY_KEY_REUSED"))
        f.kind = K::KeyReused;
    else if (e.retryable)
        f.kind = K::OutcomeUnknown; // retries spent on something that may still succeed
    else if (e.fault == ApiError::Fault::Server)
        f.kind = K::Fatal;
    else
        f.kind = K::Rejected;
    return f;
}

void TravelbaseGateway::send(const QByteArray &method, const QString &path, const QByteArray &body,
                             const QString &idempotencyKey, QObject *context, const AttemptLog &log,
                             std::function<void(GatewayResult<QJsonObject>)> done) {
    auto call = std::make_shared<Call>();
    call->method = method;
    call->path = path;
    call->body = body;
    call->idempotencyKey = idempotencyKey;
    call->context = context;
    call->log = log;
    call->done = std::move(done);
    attempt(call);
}

void TravelbaseGateway::attempt(const std::shared_ptr<Call> &call) {
    if (!call->context)
        return; // the caller is gone: nobody would read the answer
    if (call->attempts++ == 0)
        call->firstAttemptAt = m_clock->now();
    call->timedOut = false;
    call->tooLarge = false;

    QUrl url = m_options.baseUrl;
    // The path's ids are already percent-encoded: TolerantMode keeps them from being encoded twice.
    url.setPath(
        url.path(QUrl::FullyEncoded).chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) +
            call->path,
        QUrl::TolerantMode);
    // The transport rule holds for every URL a request is sent to, not only the configured one.
    if (const auto checked = checkBaseUrl(url); !checked) {
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
    request.setRawHeader("Authorization", "Bearer " + m_options.apiKey.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "FlightDesk/" FLIGHTDESK_VERSION);
    if (!call->body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    if (!call->idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", call->idempotencyKey.toLatin1());
    QNetworkReply *reply = m_nam.sendCustomRequest(request, call->method, call->body);
    m_scheduler->after(m_options.timing.requestTimeout, reply, [call, reply] {
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

void TravelbaseGateway::finished(const std::shared_ptr<Call> &call, QNetworkReply *reply) {
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body =
        reply->isOpen() && !call->tooLarge ? reply->readAll() : QByteArray(); // aborted: closed
    const QDateTime now = m_clock->now();

    std::optional<ApiError> error;
    QJsonObject data;
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
            error = ApiError::timeout(
                QStringLiteral("No answer within %1 s")
                    .arg(double(m_options.timing.requestTimeout.count()) / 1000.0));
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
            error =
                ApiError::badBody(status, body, QStringLiteral("The success answer is not JSON"));
        else if (!doc.object().value(QLatin1String("data")).isObject())
            error = ApiError::badBody(status, body,
                                      QStringLiteral("The success answer has no \"data\" object"));
        else
            data = doc.object().value(QLatin1String("data")).toObject();
    } else {
        error = parseError(status, body, reply->rawHeader("Retry-After"), now);
    }

    QJsonObject entry{{QStringLiteral("attempt"), call->attempts},
                      {QStringLiteral("method"), QString::fromLatin1(call->method)},
                      {QStringLiteral("path"), call->path},
                      {QStringLiteral("status"), status},
                      {QStringLiteral("at"), now.toString(Qt::ISODateWithMs)}};
    if (!call->idempotencyKey.isEmpty())
        entry.insert(QStringLiteral("idempotency_key"), call->idempotencyKey);
    if (reply->rawHeader("Idempotent-Replayed") == "true")
        entry.insert(QStringLiteral("replayed"), true);
    if (!error) {
        if (call->log && call->context)
            call->log(entry);
        if (call->context)
            call->done(data);
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

void TravelbaseGateway::fetchOffer(const QString &offerId, QObject *context, const AttemptLog &log,
                                   std::function<void(GatewayResult<Offer>)> done) {
    send("GET",
         QStringLiteral("/v1/air/offers/") + QString::fromLatin1(QUrl::toPercentEncoding(offerId)),
         {}, {}, context, log, [done](const GatewayResult<QJsonObject> &r) {
             done(
                 mapData<Offer>(r, [](const QJsonObject &o) { return travelbase::parseOffer(o); }));
         });
}

void TravelbaseGateway::fetchWallet(QObject *context, const AttemptLog &log,
                                    std::function<void(GatewayResult<Wallet>)> done) {
    send("GET", QStringLiteral("/v1/wallet"), {}, {}, context, log,
         [done](const GatewayResult<QJsonObject> &r) {
             done(mapData<Wallet>(r,
                                  [](const QJsonObject &o) { return travelbase::parseWallet(o); }));
         });
}

void TravelbaseGateway::createOrder(const QByteArray &body, const QString &idempotencyKey,
                                    QObject *context, const AttemptLog &log,
                                    std::function<void(GatewayResult<OrderSnapshot>)> done) {
    send("POST", QStringLiteral("/v1/air/orders"), body, idempotencyKey, context, log,
         [done](const GatewayResult<QJsonObject> &r) {
             done(mapData<OrderSnapshot>(
                 r, [](const QJsonObject &o) { return travelbase::parseOrder(o); }));
         });
}

void TravelbaseGateway::ticketOrder(const QString &orderId, const QString &idempotencyKey,
                                    QObject *context, const AttemptLog &log,
                                    std::function<void(GatewayResult<OrderSnapshot>)> done) {
    const QString path = QStringLiteral("/v1/air/orders/%1/actions/ticket")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(orderId)));
    send("POST", path, QByteArrayLiteral("{}"), idempotencyKey, context, log,
         [done](const GatewayResult<QJsonObject> &r) {
             done(mapData<OrderSnapshot>(
                 r, [](const QJsonObject &o) { return travelbase::parseOrder(o); }));
         });
}

void TravelbaseGateway::fetchOrder(const QString &orderId, QObject *context, const AttemptLog &log,
                                   std::function<void(GatewayResult<OrderSnapshot>)> done) {
    send("GET",
         QStringLiteral("/v1/air/orders/") + QString::fromLatin1(QUrl::toPercentEncoding(orderId)),
         {}, {}, context, log, [done](const GatewayResult<QJsonObject> &r) {
             done(mapData<OrderSnapshot>(
                 r, [](const QJsonObject &o) { return travelbase::parseOrder(o); }));
         });
}

void TravelbaseGateway::searchOffers(const QJsonObject &request, QObject *context,
                                     const AttemptLog &log,
                                     std::function<void(GatewayResult<QList<Offer>>)> done) {
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("data"), request}})
                                .toJson(QJsonDocument::Compact);
    send("POST", QStringLiteral("/v1/air/offer_requests"), body, {}, context, log,
         [done = std::move(done)](const GatewayResult<QJsonObject> &r) {
             done(mapData<QList<Offer>>(r, [](const QJsonObject &o) -> Result<QList<Offer>> {
                 QList<Offer> offers;
                 for (const QJsonValue &v : o.value(QLatin1String("offers")).toArray()) {
                     auto offer = travelbase::parseOffer(v.toObject());
                     if (!offer)
                         return offer.error();
                     offers.append(std::move(offer).value());
                 }
                 return offers;
             }));
         });
}

void TravelbaseGateway::topUp(const Money &amount, QObject *context,
                              std::function<void(GatewayResult<Wallet>)> done) {
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("data"),
                                   QJsonObject{{QStringLiteral("amount"), amount.amount()}}}})
            .toJson(QJsonDocument::Compact);
    // A mutating call: its retries carry one key of their own, so a top-up never lands twice.
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    send("POST", QStringLiteral("/v1/wallet/top_ups"), body, key, context, {},
         [done = std::move(done)](const GatewayResult<QJsonObject> &r) {
             done(mapData<Wallet>(r,
                                  [](const QJsonObject &o) { return travelbase::parseWallet(o); }));
         });
}

} // namespace fd

namespace fd {

QString TravelbaseGateway::providerId() const {
    return QStringLiteral("travelbase");
}

Result<Offer> TravelbaseGateway::offerFromJson(const QJsonObject &json) const {
    return travelbase::parseOffer(json);
}

QByteArray TravelbaseGateway::createBody(const Offer &offer,
                                         const QList<Passenger> &passengers) const {
    return travelbase::createBody(offer, passengers);
}

} // namespace fd
