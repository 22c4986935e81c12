#include "service.h"

#include "httpfront.h"
#include "jsonfields.h"
#include "webhooks.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTimer>

namespace fd::sandbox {

namespace {

ApiError serverError(int status, const char *code, const QString &message, bool retryable,
                     const char *action) {
    ApiError e;
    e.status = status;
    e.code = QLatin1String(code);
    e.message = message;
    e.fault = status == 429 ? QStringLiteral("client") : QStringLiteral("server");
    e.retryable = retryable;
    e.suggestedAction = QLatin1String(action);
    return e;
}

} // namespace

Service::Service(Catalogue catalogue, const Clock *clock, QStringList apiKeys, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_apiKeys(std::move(apiKeys))
    , m_book(std::move(catalogue), clock, &m_ledger)
    , m_webhooks(new WebhookDispatcher(clock, &m_ledger, this)) {
    setScenario(m_scenario);
}

Service::~Service() = default;

void Service::setFirstOrderNumber(qint64 number) {
    m_book.setFirstOrderNumber(number);
    m_webhooks->setFirstEventNumber(number);
}

Result<quint16> Service::listen(quint16 port) {
    // Its routes are made with its server (which may come later: listenOnLoopback).
    const auto makeServer = [this] {
        m_http = new QHttpServer(this);
        registerRoutes();
        return m_http;
    };
    auto bound = listenOnLoopback(this, makeServer, port, kMaxBodyBytes, [](qint64 bytes) {
        return ApiError::payloadTooLarge(bytes, kMaxBodyBytes).body();
    });
    if (bound)
        m_port = *bound;
    return bound;
}

void Service::setScenario(const Scenario &scenario) {
    m_scenario = scenario;
    m_attempts.reset();
    m_webhooks->setMode(scenario.webhooks);
    m_webhooks->setFirstDeliveryDelay(scenario.webhookDelayMs);
    if (scenario.walletBalance) {
        const auto balance = Money::parse(*scenario.walletBalance, m_book.balance().currency());
        if (balance)
            m_book.setBalance(*balance);
    }
}

void Service::setTimingScale(double scale) {
    m_scale = scale > 0 ? scale : 1.0;
    m_webhooks->setTimingScale(m_scale);
}

void Service::setWebhookEndpoint(const QUrl &url, const QByteArray &secret) {
    m_webhooks->setEndpoint(url, secret);
}

int Service::scaled(int ms) const {
    return scaledDelay(ms, m_scale);
}

void Service::registerRoutes() {
    using M = QHttpServerRequest::Method;
    static const Spec search{Endpoint::SearchOffers, "search_offers", true, false};
    static const Spec getOffer{Endpoint::GetOffer, "get_offer", false, false};
    static const Spec wallet{Endpoint::GetWallet, "get_wallet", false, false};
    static const Spec topUp{Endpoint::TopUp, "top_up", true, false};
    static const Spec create{Endpoint::CreateOrder, "create_order", true, true};
    static const Spec ticket{Endpoint::TicketOrder, "ticket_order", true, true};
    static const Spec getOrder{Endpoint::GetOrder, "get_order", false, false};
    static const Spec patch{Endpoint::PatchOrder, "patch_order", true, false};
    static const Spec quote{Endpoint::CreateCancellation, "create_cancellation", true, false};
    static const Spec confirm{Endpoint::ConfirmCancellation, "confirm_cancellation", true, true};
    static const Spec places{Endpoint::PlaceSuggestions, "place_suggestions", false, false};
    static const Spec ledger{Endpoint::Ledger, "ledger", false, false};
    static const Spec scenario{Endpoint::SetScenario, "set_scenario", false, false};
    static const Spec reschedule{Endpoint::ScheduleChange, "schedule_change", false, false};

    const auto plain = [this](const Spec &spec) {
        return [this, &spec](const QHttpServerRequest &r, QHttpServerResponder &&resp) {
            handle(spec, {}, r, std::move(resp));
        };
    };
    const auto withId = [this](const Spec &spec) {
        return [this, &spec](const QString &id, const QHttpServerRequest &r,
                             QHttpServerResponder &&resp) {
            handle(spec, id, r, std::move(resp));
        };
    };
    m_http->route(QStringLiteral("/v1/air/offer_requests"), M::Post, plain(search));
    m_http->route(QStringLiteral("/v1/air/offers/<arg>"), M::Get, withId(getOffer));
    m_http->route(QStringLiteral("/v1/wallet"), M::Get, plain(wallet));
    m_http->route(QStringLiteral("/v1/wallet/top_ups"), M::Post, plain(topUp));
    m_http->route(QStringLiteral("/v1/air/orders"), M::Post, plain(create));
    m_http->route(QStringLiteral("/v1/air/orders/<arg>/actions/ticket"), M::Post, withId(ticket));
    m_http->route(QStringLiteral("/v1/air/orders/<arg>"), M::Get, withId(getOrder));
    m_http->route(QStringLiteral("/v1/air/orders/<arg>"), M::Patch, withId(patch));
    m_http->route(QStringLiteral("/v1/air/order_cancellations"), M::Post, plain(quote));
    m_http->route(QStringLiteral("/v1/air/order_cancellations/<arg>/actions/confirm"), M::Post,
                  withId(confirm));
    m_http->route(QStringLiteral("/v1/places/suggestions"), M::Get, plain(places));
    m_http->route(QStringLiteral("/__sandbox/ledger"), M::Get, plain(ledger));
    m_http->route(QStringLiteral("/__sandbox/scenario"), M::Post, plain(scenario));
    m_http->route(QStringLiteral("/__sandbox/schedule_change"), M::Post, plain(reschedule));
    m_http->setMissingHandler([this](const QHttpServerRequest &r, QHttpServerResponder &&resp) {
        handleMissing(r, std::move(resp));
    });
}

ExchangePtr Service::receive(const QHttpServerRequest &request, QHttpServerResponder &&responder,
                             const char *endpointName) {
    auto ex = std::make_shared<Exchange>(request, std::move(responder));
    if (qstrcmp(endpointName, "ledger") == 0)
        return ex; // reading the ledger is not an event worth recording in it
    ex->seq = recordRequest(m_ledger, *ex, QLatin1String(endpointName), m_clock->now());
    return ex;
}

std::optional<ApiError> Service::authenticate(Exchange &ex) const {
    const QByteArray auth = ex.header("Authorization");
    if (auth.isEmpty())
        return ApiError::unauthorized(
            QStringLiteral("Missing Authorization header: send Authorization: Bearer <API key>"));
    const QByteArray trimmed = auth.trimmed();
    const qsizetype space = trimmed.indexOf(' ');
    const QByteArray schemeName = space < 0 ? trimmed : trimmed.left(space);
    if (schemeName.compare("Bearer", Qt::CaseInsensitive) != 0)
        return ApiError::unauthorized(
            QStringLiteral("Malformed Authorization header: expected Bearer <API key>"));
    const QByteArray key = space < 0 ? QByteArray() : trimmed.mid(space + 1).trimmed();
    if (key.isEmpty())
        return ApiError::unauthorized(
            QStringLiteral("Empty API key: send Authorization: Bearer <API key>"));
    if (!m_apiKeys.contains(QString::fromUtf8(key)))
        return ApiError::unauthorized(QStringLiteral("Invalid API key"));
    ex.scope = apiKeyScope(key);
    return std::nullopt;
}

void Service::finish(const ExchangePtr &ex, int status, const QByteArray &body,
                     const QString &outcome, const HeaderPairs &headers) {
    ex->respond(status, body, headers);
    m_ledger.answer(ex->seq, status, outcome);
}

void Service::fail(const ExchangePtr &ex, const ApiError &error, const QString &outcome) {
    ex->respondError(error);
    m_ledger.answer(ex->seq, error.status, outcome);
}

bool Service::isAllowedHost(const Exchange &ex) const {
    return isLoopbackHost(ex, m_port);
}

void Service::handleMissing(const QHttpServerRequest &request, QHttpServerResponder &&responder) {
    auto ex = receive(request, std::move(responder), "");
    if (!isAllowedHost(*ex))
        return fail(ex, ApiError::hostRefused(), QStringLiteral("rejected"));
    if (ex->body().size() > kMaxBodyBytes)
        return fail(ex, ApiError::payloadTooLarge(ex->body().size(), kMaxBodyBytes),
                    QStringLiteral("rejected"));
    fail(ex,
         ApiError::notFound(QStringLiteral("No endpoint %1 %2 in Travelbase Air API v1")
                                .arg(ex->method(), ex->path())),
         QStringLiteral("rejected"));
}

bool Service::injectFault(const Fault &fault, const ExchangePtr &ex) {
    const QString outcome = QStringLiteral("fault:") + faultKindName(fault.kind);
    ApiError e;
    switch (fault.kind) {
    case FaultKind::Unavailable:
        e = serverError(503, "TB_UNAVAILABLE", QStringLiteral("Service temporarily unavailable"),
                        true, "back off and retry with the same key");
        break;
    case FaultKind::Internal:
        e = serverError(500, "TB_INTERNAL", QStringLiteral("Internal error"), true,
                        "back off and retry with the same key");
        break;
    case FaultKind::RateLimited:
        e = serverError(429, "TB_RATE_LIMITED", QStringLiteral("Too many requests"), true,
                        "wait for Retry-After, then retry");
        break;
    case FaultKind::InternalFatal:
        e = serverError(500, "TB_INTERNAL_FATAL", QStringLiteral("Unrecoverable internal error"),
                        false, "do not retry; contact support");
        break;
    case FaultKind::InFlight:
        e = ApiError::idempotencyInFlight();
        break;
    case FaultKind::BadGatewayHtml:
        ex->respond(502, badGatewayHtml(), {}, QByteArrayLiteral("text/html"));
        m_ledger.answer(ex->seq, 502, outcome);
        return true;
    case FaultKind::ResetBeforeCommit:
        ex->reset();
        m_ledger.answer(ex->seq, 0, outcome);
        return true;
    default:
        return false; // the rest act after (or around) the commit
    }
    if (fault.retryAfterSeconds)
        e.retryAfterSeconds = fault.retryAfterSeconds;
    fail(ex, e, outcome);
    return true;
}

void Service::handle(const Spec &spec, const QString &id, const QHttpServerRequest &request,
                     QHttpServerResponder &&responder) {
    auto ex = receive(request, std::move(responder), spec.name);
    const QString rejected = QStringLiteral("rejected");
    if (!isAllowedHost(*ex))
        return fail(ex, ApiError::hostRefused(), rejected);
    if (ex->body().size() > kMaxBodyBytes)
        return fail(ex, ApiError::payloadTooLarge(ex->body().size(), kMaxBodyBytes), rejected);
    if (const auto denied = authenticate(*ex))
        return fail(ex, *denied, rejected);

    if (spec.endpoint == Endpoint::Ledger)
        return finish(ex, 200, dataEnvelope(ledgerJson()), QStringLiteral("executed"));
    if (spec.endpoint == Endpoint::SetScenario) {
        const auto data = parseDataBody(ex->body());
        if (!data.ok())
            return fail(ex, data.error(), rejected);
        const auto inline_ = data.value().value(QLatin1String("scenario"));
        const auto s =
            inline_.isObject()
                ? Scenario::fromJson(inline_.toObject())
                : Scenario::resolve(data.value().value(QLatin1String("name")).toString());
        if (!s)
            return fail(ex, ApiError::validation(QStringLiteral("data"), s.error().message),
                        rejected);
        setScenario(*s);
        return finish(ex, 200,
                      dataEnvelope(QJsonObject{{QStringLiteral("name"), QJsonValue(s->name)}}),
                      QStringLiteral("executed"));
    }

    if (spec.endpoint == Endpoint::ScheduleChange) {
        const auto order = changeScheduleFrom(ex->body());
        if (!order.ok())
            return fail(ex, order.error(), rejected);
        return finish(ex, 200, dataEnvelope(order.value()), QStringLiteral("executed"));
    }

    const QString key = QString::fromUtf8(ex->header("Idempotency-Key"));
    if (spec.keyRequired && key.isEmpty())
        return fail(ex, ApiError::idempotencyKeyMissing(), rejected);

    const int attempt = m_attempts.next(QLatin1String(spec.name));
    m_ledger.setAttempt(ex->seq, attempt);
    const Fault *fault = m_scenario.faultFor(QLatin1String(spec.name), attempt);
    if (fault && injectFault(*fault, ex))
        return;

    const bool keyed = spec.mutating && !key.isEmpty();
    if (keyed) {
        const auto fp = IdempotencyStore::fingerprint(ex->method(), ex->path(), ex->body());
        const auto found = m_idempotency.lookup(ex->scope, key, fp, m_clock->now());
        switch (found.verdict) {
        case IdempotencyStore::Verdict::Replay:
            return finish(ex, found.stored.status, found.stored.body, QStringLiteral("replayed"),
                          {{QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true")}});
        case IdempotencyStore::Verdict::InFlight:
            return fail(ex, ApiError::idempotencyInFlight(), QStringLiteral("in_flight"));
        case IdempotencyStore::Verdict::Reused:
            return fail(ex, ApiError::idempotencyKeyReused(), QStringLiteral("key_reused"));
        case IdempotencyStore::Verdict::Fresh:
            break;
        }
    }
    if (const auto invalid = precheck(spec, id, *ex))
        return fail(ex, *invalid, rejected);
    if (keyed)
        m_idempotency.begin(ex->scope, key,
                            IdempotencyStore::fingerprint(ex->method(), ex->path(), ex->body()),
                            m_clock->now());
    if (fault && fault->kind == FaultKind::Slow) {
        QTimer::singleShot(
            scaled(fault->delayMs), this,
            [this, &spec, id, ex, key, fault = *fault] { commit(spec, id, ex, key, &fault); });
        return;
    }
    commit(spec, id, ex, key, fault);
}

void Service::commit(const Spec &spec, const QString &id, const ExchangePtr &ex, const QString &key,
                     const Fault *fault) {
    const bool keyed = spec.mutating && !key.isEmpty();
    auto result = execute(spec, id, *ex);
    if (!result.ok()) {
        if (keyed)
            m_idempotency.abandon(ex->scope, key);
        return fail(ex, result.error(), QStringLiteral("rejected"));
    }
    const auto &done = result.value();
    const QByteArray body = dataEnvelope(done.data);
    if (keyed)
        m_idempotency.complete(ex->scope, key, {done.status, body});
    if (fault && fault->kind == FaultKind::ResetAfterCommit) {
        ex->reset();
        return m_ledger.answer(ex->seq, 0, QStringLiteral("executed;fault:reset_after_commit"));
    }
    if (fault && fault->kind == FaultKind::HangAfterCommit) {
        m_hanging.removeIf([](const ExchangePtr &h) { return !h->connected(); });
        m_hanging.append(ex);
        return m_ledger.answer(ex->seq, 0, QStringLiteral("executed;fault:hang_after_commit"));
    }
    const int status = done.status;
    if (done.hold) {
        done.hold(
            [this, ex, status, body] { finish(ex, status, body, QStringLiteral("executed")); });
        return;
    }
    finish(ex, status, body, QStringLiteral("executed"));
}

QJsonObject Service::ledgerJson() const {
    return {{QStringLiteral("requests"), m_ledger.requestsJson()},
            {QStringLiteral("orders"), m_book.ordersJson()},
            {QStringLiteral("wallet_movements"), m_ledger.movementsJson()},
            {QStringLiteral("webhook_deliveries"), m_ledger.deliveriesJson()},
            {QStringLiteral("wallet"), m_book.wallet()},
            {QStringLiteral("scenario"), m_scenario.name}};
}

} // namespace fd::sandbox
