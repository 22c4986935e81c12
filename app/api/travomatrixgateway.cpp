#include "travomatrixgateway.h"

#include "travomatrixjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

namespace fd {

namespace {

// A 2xx answer of the contract is the object itself (no wrapper).
std::variant<QJsonObject, ApiError> readObject(int httpStatus, const QByteArray &body) {
    return HttpTransport::jsonObject(httpStatus, body,
                                     QStringLiteral("The success answer is not a JSON object"));
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
    const auto url = HttpTransport::checkBaseUrl(options.baseUrl);
    if (!url)
        return url.error();
    if (options.apiKey.isEmpty())
        return Error{QStringLiteral("missing_api_key"),
                     QStringLiteral("No Travomatrix API key: set it in Settings.")};
    return std::unique_ptr<TravomatrixGateway>(
        new TravomatrixGateway(std::move(options), clock, scheduler, parent));
}

HttpProvider TravomatrixGateway::provider(const Options &options) {
    HttpProvider p;
    p.baseUrl = options.baseUrl;
    p.pathPrefix = QStringLiteral("/api/v1");
    p.authHeader = QByteArrayLiteral("X-Api-Key");
    p.authValue = options.apiKey.toUtf8();
    p.replayHeader = QByteArrayLiteral("Idempotent-Replay");
    p.requestTimeout = options.timing.requestTimeout;
    // Only the create carries a key; a duplicate of it may be held while the first runs.
    p.minKeyedTimeout = kMinCreateTimeout;
    p.readSuccess = &readObject;
    p.readError = &TravomatrixGateway::readError;
    p.classify = &TravomatrixGateway::classify;
    return p;
}

TravomatrixGateway::TravomatrixGateway(Options options, const Clock *clock, Scheduler *scheduler,
                                       QObject *parent)
    : QObject(parent)
    , m_scheduler(scheduler)
    // provider() reads no `random`: moving it out in the same full-expression is safe.
    , m_transport(provider(options), RetryPolicy(std::move(options.random), options.timing.scale),
                  clock, scheduler) {}

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
    m_transport.send("GET", QStringLiteral("/fares/") + encoded(offerId), {}, {}, context, log,
                     [done](const GatewayResult<QJsonObject> &r) {
                         done(mapBody<Offer>(r, &travomatrix::parseFare));
                     });
}

void TravomatrixGateway::fetchWallet(QObject *context, const AttemptLog &log,
                                     std::function<void(GatewayResult<Wallet>)> done) {
    m_transport.send("GET", QStringLiteral("/account/balance"), {}, {}, context, log,
                     [done](const GatewayResult<QJsonObject> &r) {
                         done(mapBody<Wallet>(r, &travomatrix::parseBalance));
                     });
}

void TravomatrixGateway::createOrder(const QByteArray &body, const QString &idempotencyKey,
                                     QObject *context, const AttemptLog &log,
                                     std::function<void(GatewayResult<OrderSnapshot>)> done) {
    m_transport.send("POST", QStringLiteral("/booking/create"), body, idempotencyKey, context, log,
                     [this, done](const GatewayResult<QJsonObject> &r) {
                         auto read = mapBody<OrderSnapshot>(r, &travomatrix::parseBooking);
                         if (const auto *order = std::get_if<OrderSnapshot>(&read))
                             orderRead(*order);
                         done(read);
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
    m_transport.send("GET", QStringLiteral("/booking/") + encoded(orderId), {}, {}, context, log,
                     [this, done](const GatewayResult<QJsonObject> &r) {
                         auto read = mapBody<OrderSnapshot>(r, &travomatrix::parseBooking);
                         if (const auto *order = std::get_if<OrderSnapshot>(&read))
                             orderRead(*order);
                         done(read);
                     });
}

void TravomatrixGateway::quoteCancellation(const QString &orderId, QObject *context,
                                           const AttemptLog &log,
                                           std::function<void(GatewayResult<Cancellation>)> done) {
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("pnr"), orderId}}).toJson(QJsonDocument::Compact);
    m_transport.send("POST", QStringLiteral("/booking/cancel/quote"), body, {}, context, log,
                     [done](const GatewayResult<QJsonObject> &r) {
                         done(mapBody<Cancellation>(r, [](const QJsonObject &o) {
                             return travomatrix::parseCancellationQuote(o);
                         }));
                     });
}

void TravomatrixGateway::confirmCancellation(
    const Cancellation &quote, const QString &idempotencyKey, QObject *context,
    const AttemptLog &log, std::function<void(GatewayResult<Cancellation>)> done) {
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("quote_id"), quote.quoteId}})
                                .toJson(QJsonDocument::Compact);
    // The answer is the booking itself: cancelled, with the quote's refund credited once.
    m_transport.send(
        "POST", QStringLiteral("/booking/cancel/confirm"), body, idempotencyKey, context, log,
        [done, quote](const GatewayResult<QJsonObject> &r) {
            done(mapBody<Cancellation>(r, [&quote](const QJsonObject &o) -> Result<Cancellation> {
                auto booking = travomatrix::parseBooking(o);
                if (!booking)
                    return booking.error();
                Cancellation c = quote;
                c.orderId = booking->id;
                c.confirmed = booking->status == ProviderStatus::Cancelled;
                return c;
            }));
        });
}

void TravomatrixGateway::updateContact(const QString &orderId, int, const ContactChange &,
                                       QObject *context, const AttemptLog &,
                                       std::function<void(GatewayResult<OrderSnapshot>)> done) {
    GatewayFailure f;
    f.kind = GatewayFailure::Kind::Rejected;
    f.code = QStringLiteral("FD_NOT_SUPPORTED");
    f.message = QStringLiteral("Travomatrix has no way to change a booking's contact details "
                               "through its API: change them for booking %1 in the Travomatrix "
                               "agent portal. Nothing was sent.")
                    .arg(orderId.left(40));
    QPointer<QObject> guard(context);
    m_scheduler->after(std::chrono::milliseconds(0), this, [guard, f, done = std::move(done)] {
        if (guard)
            done(f);
    });
}

void TravomatrixGateway::suggestPlaces(const QString &, QObject *context, const AttemptLog &,
                                       std::function<void(GatewayResult<QList<Place>>)> done) {
    GatewayFailure f;
    f.kind = GatewayFailure::Kind::Rejected;
    f.code = QStringLiteral("FD_NOT_SUPPORTED");
    f.message = QStringLiteral("Travomatrix has no places endpoint; nothing was sent.");
    QPointer<QObject> guard(context);
    m_scheduler->after(std::chrono::milliseconds(0), this, [guard, f, done = std::move(done)] {
        if (guard)
            done(f);
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
    m_transport.send(
        "POST", QStringLiteral("/search"), *body, {}, context, log,
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
