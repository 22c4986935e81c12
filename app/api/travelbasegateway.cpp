#include "travelbasegateway.h"

#include "travelbasejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

namespace fd {

namespace {

// A 2xx answer of the contract is {"data": {...}}: `done` gets the `data` object. A list
// ({"data": [...]}, the places endpoint) keeps its envelope: `done` gets {"data": [...]}.
std::variant<QJsonObject, ApiError> readData(int httpStatus, const QByteArray &body) {
    auto read = HttpTransport::jsonObject(httpStatus, body,
                                          QStringLiteral("The success answer is not JSON"));
    if (const auto *object = std::get_if<QJsonObject>(&read)) {
        const QJsonValue data = object->value(QLatin1String("data"));
        if (data.isArray())
            return QJsonObject{{QStringLiteral("data"), data}};
        if (!data.isObject())
            return ApiError::badBody(httpStatus, body,
                                     QStringLiteral("The success answer has no \"data\" object"));
        return data.toObject();
    }
    return read;
}

constexpr int kMaxPlaceQuery = 64; // characters, as the contract allows
constexpr int kMaxPlaces = 20;     // places read from one answer

// {"data": [Place, ...]}: the places with a valid IATA code; fields capped, extra ones ignored.
Result<QList<Place>> parsePlaces(const QJsonObject &o) {
    const QJsonValue data = o.value(QLatin1String("data"));
    if (!data.isArray())
        return Error{QStringLiteral("FD_BAD_BODY"),
                     QStringLiteral("the places answer has no \"data\" list")};
    static const QRegularExpression iata(QStringLiteral("\\A[A-Z]{3}\\z"));
    const auto text = [](const QJsonObject &p, const char *key, int cap) {
        return p.value(QLatin1String(key)).toString().left(cap);
    };
    QList<Place> out;
    for (const QJsonValue &v : data.toArray()) {
        if (out.size() >= kMaxPlaces)
            break;
        const QJsonObject p = v.toObject();
        Place place;
        place.type = text(p, "type", 16);
        place.iataCode = text(p, "iata_code", 3);
        place.name = text(p, "name", 120);
        place.cityName = text(p, "city_name", 80);
        place.countryCode = text(p, "country_code", 2);
        place.timeZone = parseTimeZone(p.value(QLatin1String("time_zone")).toString());
        if (!iata.match(place.iataCode).hasMatch())
            continue; // a place the desk could not search for
        out.append(place);
    }
    return out;
}

} // namespace

void TravelbaseGateway::suggestPlaces(const QString &query, QObject *context, const AttemptLog &log,
                                      std::function<void(GatewayResult<QList<Place>>)> done) {
    const QString q = query.trimmed();
    if (q.isEmpty() || q.size() > kMaxPlaceQuery) {
        GatewayFailure f;
        f.kind = GatewayFailure::Kind::Rejected;
        f.code = QStringLiteral("FD_INVALID_QUERY");
        f.message = QStringLiteral("A place search needs 1 to %1 characters; nothing was sent.")
                        .arg(kMaxPlaceQuery);
        QTimer::singleShot(0, context, [f, done = std::move(done)] { done(f); });
        return;
    }
    QUrlQuery params;
    params.addQueryItem(QStringLiteral("query"), QString::fromLatin1(QUrl::toPercentEncoding(q)));
    m_transport.send("GET",
                     QStringLiteral("/places/suggestions?") + params.query(QUrl::FullyEncoded), {},
                     {}, context, log, [done](const GatewayResult<QJsonObject> &r) {
                         done(mapBody<QList<Place>>(r, &parsePlaces));
                     });
}

Result<QUrl> TravelbaseGateway::checkBaseUrl(const QUrl &url) {
    return HttpTransport::checkBaseUrl(url);
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

HttpProvider TravelbaseGateway::provider(const Options &options) {
    HttpProvider p;
    p.baseUrl = options.baseUrl;
    p.pathPrefix = QStringLiteral("/v1");
    p.authHeader = QByteArrayLiteral("Authorization");
    p.authValue = "Bearer " + options.apiKey.toUtf8();
    p.replayHeader = QByteArrayLiteral("Idempotent-Replayed");
    p.requestTimeout = options.timing.requestTimeout;
    p.readSuccess = &readData;
    p.readError = &parseError;
    p.classify = &TravelbaseGateway::classify;
    return p;
}

TravelbaseGateway::TravelbaseGateway(Options options, const Clock *clock, Scheduler *scheduler,
                                     QObject *parent)
    : QObject(parent)
    // provider() reads no `random`: moving it out in the same full-expression is safe.
    , m_transport(provider(options), RetryPolicy(std::move(options.random), options.timing.scale),
                  clock, scheduler) {}

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
        // A stale version was refused before anything was written: the caller re-reads the
        // order and decides what to re-apply (desk/contacts.h).
        f.kind = K::Conflict;
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

void TravelbaseGateway::fetchOffer(const QString &offerId, QObject *context, const AttemptLog &log,
                                   std::function<void(GatewayResult<Offer>)> done) {
    m_transport.send(
        "GET",
        QStringLiteral("/air/offers/") + QString::fromLatin1(QUrl::toPercentEncoding(offerId)), {},
        {}, context, log, [done](const GatewayResult<QJsonObject> &r) {
            done(mapBody<Offer>(r, [](const QJsonObject &o) { return travelbase::parseOffer(o); }));
        });
}

void TravelbaseGateway::fetchWallet(QObject *context, const AttemptLog &log,
                                    std::function<void(GatewayResult<Wallet>)> done) {
    m_transport.send("GET", QStringLiteral("/wallet"), {}, {}, context, log,
                     [done](const GatewayResult<QJsonObject> &r) {
                         done(mapBody<Wallet>(
                             r, [](const QJsonObject &o) { return travelbase::parseWallet(o); }));
                     });
}

void TravelbaseGateway::createOrder(const QByteArray &body, const QString &idempotencyKey,
                                    QObject *context, const AttemptLog &log,
                                    std::function<void(GatewayResult<OrderSnapshot>)> done) {
    m_transport.send("POST", QStringLiteral("/air/orders"), body, idempotencyKey, context, log,
                     [done](const GatewayResult<QJsonObject> &r) {
                         done(mapBody<OrderSnapshot>(
                             r, [](const QJsonObject &o) { return travelbase::parseOrder(o); }));
                     });
}

void TravelbaseGateway::ticketOrder(const QString &orderId, const QString &idempotencyKey,
                                    QObject *context, const AttemptLog &log,
                                    std::function<void(GatewayResult<OrderSnapshot>)> done) {
    const QString path = QStringLiteral("/air/orders/%1/actions/ticket")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(orderId)));
    m_transport.send("POST", path, QByteArrayLiteral("{}"), idempotencyKey, context, log,
                     [done](const GatewayResult<QJsonObject> &r) {
                         done(mapBody<OrderSnapshot>(
                             r, [](const QJsonObject &o) { return travelbase::parseOrder(o); }));
                     });
}

void TravelbaseGateway::fetchOrder(const QString &orderId, QObject *context, const AttemptLog &log,
                                   std::function<void(GatewayResult<OrderSnapshot>)> done) {
    m_transport.send("GET",
                     QStringLiteral("/air/orders/") +
                         QString::fromLatin1(QUrl::toPercentEncoding(orderId)),
                     {}, {}, context, log, [this, done](const GatewayResult<QJsonObject> &r) {
                         auto read = mapBody<OrderSnapshot>(
                             r, [](const QJsonObject &o) { return travelbase::parseOrder(o); });
                         if (const auto *order = std::get_if<OrderSnapshot>(&read))
                             orderRead(*order);
                         done(read);
                     });
}

void TravelbaseGateway::quoteCancellation(const QString &orderId, QObject *context,
                                          const AttemptLog &log,
                                          std::function<void(GatewayResult<Cancellation>)> done) {
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("data"),
                                   QJsonObject{{QStringLiteral("order_id"), orderId}}}})
            .toJson(QJsonDocument::Compact);
    m_transport.send("POST", QStringLiteral("/air/order_cancellations"), body, {}, context, log,
                     [done](const GatewayResult<QJsonObject> &r) {
                         done(mapBody<Cancellation>(r, [](const QJsonObject &o) {
                             return travelbase::parseCancellation(o);
                         }));
                     });
}

void TravelbaseGateway::confirmCancellation(const Cancellation &quote,
                                            const QString &idempotencyKey, QObject *context,
                                            const AttemptLog &log,
                                            std::function<void(GatewayResult<Cancellation>)> done) {
    const QString path = QStringLiteral("/air/order_cancellations/%1/actions/confirm")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(quote.quoteId)));
    m_transport.send("POST", path, QByteArrayLiteral("{}"), idempotencyKey, context, log,
                     [done](const GatewayResult<QJsonObject> &r) {
                         done(mapBody<Cancellation>(r, [](const QJsonObject &o) {
                             return travelbase::parseCancellation(o);
                         }));
                     });
}

void TravelbaseGateway::updateContact(const QString &orderId, int version,
                                      const ContactChange &change, QObject *context,
                                      const AttemptLog &log,
                                      std::function<void(GatewayResult<OrderSnapshot>)> done) {
    QJsonObject data{{QStringLiteral("version"), version}};
    if (!change.email.isEmpty())
        data.insert(QStringLiteral("email"), change.email);
    if (!change.phone.isEmpty())
        data.insert(QStringLiteral("phone_number"), change.phone);
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("data"), data}}).toJson(QJsonDocument::Compact);
    // A timed-out PATCH may have been applied: its retries carry one key, so the provider
    // replays the first answer instead of refusing a version the first attempt moved on.
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_transport.send("PATCH",
                     QStringLiteral("/air/orders/") +
                         QString::fromLatin1(QUrl::toPercentEncoding(orderId)),
                     body, key, context, log, [done](const GatewayResult<QJsonObject> &r) {
                         done(mapBody<OrderSnapshot>(
                             r, [](const QJsonObject &o) { return travelbase::parseOrder(o); }));
                     });
}

void TravelbaseGateway::searchOffers(const QJsonObject &request, QObject *context,
                                     const AttemptLog &log,
                                     std::function<void(GatewayResult<QList<Offer>>)> done) {
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("data"), request}})
                                .toJson(QJsonDocument::Compact);
    m_transport.send(
        "POST", QStringLiteral("/air/offer_requests"), body, {}, context, log,
        [done = std::move(done)](const GatewayResult<QJsonObject> &r) {
            done(mapBody<QList<Offer>>(r, [](const QJsonObject &o) -> Result<QList<Offer>> {
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
    m_transport.send("POST", QStringLiteral("/wallet/top_ups"), body, key, context, {},
                     [done = std::move(done)](const GatewayResult<QJsonObject> &r) {
                         done(mapBody<Wallet>(
                             r, [](const QJsonObject &o) { return travelbase::parseWallet(o); }));
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
