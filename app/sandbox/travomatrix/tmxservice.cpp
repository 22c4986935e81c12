#include "tmxservice.h"

#include "sandbox/httpfront.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QTimer>

namespace fd::sandbox::tmx {

namespace {

const QByteArray kReplayHeader = QByteArrayLiteral("Idempotent-Replay");

// The ledger keeps amounts as Travelbase writes them ("398.50"); Travomatrix speaks minor units.
qint64 minorUnits(const QString &amount, const QString &currency) {
    const auto money = Money::parse(amount, currency);
    return money ? money->minorUnits() : 0;
}

} // namespace

Service::Service(Catalogue catalogue, const Clock *clock, QStringList apiKeys, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_apiKeys(std::move(apiKeys))
    , m_book(std::move(catalogue), clock, &m_ledger) {
    setScenario(m_scenario);
}

Service::~Service() = default;

Result<quint16> Service::listen(quint16 port) {
    // Its routes are made with its server (which may come later: listenOnLoopback).
    const auto makeServer = [this] {
        m_http = new QHttpServer(this);
        registerRoutes();
        return m_http;
    };
    auto bound = listenOnLoopback(this, makeServer, port, kMaxBodyBytes, [](qint64 bytes) {
        return Error::payloadTooLarge(bytes, kMaxBodyBytes).body();
    });
    if (bound)
        m_port = *bound;
    return bound;
}

void Service::setScenario(const Scenario &scenario) {
    m_scenario = scenario;
    m_attempts.reset();
    if (scenario.walletAvailable) {
        const auto balance =
            Money::fromMinor(*scenario.walletAvailable, m_book.balance().currency());
        if (balance)
            m_book.setBalance(*balance);
    }
}

void Service::setTimingScale(double scale) {
    m_scale = scale > 0 ? scale : 1.0;
}

int Service::scaled(int ms) const {
    return scaledDelay(ms, m_scale);
}

void Service::after(int ms, std::function<void()> fn) {
    if (ms <= 0)
        return fn();
    QTimer::singleShot(ms, this, std::move(fn));
}

void Service::registerRoutes() {
    using M = QHttpServerRequest::Method;
    static const Spec search{Endpoint::Search, "search", false};
    static const Spec getFare{Endpoint::GetFare, "get_fare", false};
    static const Spec balance{Endpoint::GetBalance, "get_balance", false};
    static const Spec create{Endpoint::CreateBooking, "create_booking", true};
    static const Spec getBooking{Endpoint::GetBooking, "get_booking", false};
    static const Spec quote{Endpoint::QuoteCancellation, "quote_cancellation", false};
    static const Spec confirm{Endpoint::ConfirmCancellation, "confirm_cancellation", true};
    static const Spec ledger{Endpoint::Ledger, "ledger", false};
    static const Spec scenario{Endpoint::SetScenario, "set_scenario", false};

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
    m_http->route(QStringLiteral("/api/v1/search"), M::Post, plain(search));
    m_http->route(QStringLiteral("/api/v1/fares/<arg>"), M::Get, withId(getFare));
    m_http->route(QStringLiteral("/api/v1/account/balance"), M::Get, plain(balance));
    m_http->route(QStringLiteral("/api/v1/booking/create"), M::Post, plain(create));
    m_http->route(QStringLiteral("/api/v1/booking/cancel/quote"), M::Post, plain(quote));
    m_http->route(QStringLiteral("/api/v1/booking/cancel/confirm"), M::Post, plain(confirm));
    m_http->route(QStringLiteral("/api/v1/booking/<arg>"), M::Get, withId(getBooking));
    m_http->route(QStringLiteral("/__sandbox/ledger"), M::Get, plain(ledger));
    m_http->route(QStringLiteral("/__sandbox/scenario"), M::Post, plain(scenario));
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

std::optional<Error> Service::authenticate(Exchange &ex) const {
    const QByteArray key = ex.header("X-Api-Key").trimmed();
    if (key.isEmpty())
        return Error::unauthorized(
            QStringLiteral("Missing X-Api-Key header: send X-Api-Key: <API key>"));
    if (ex.headerCount("X-Api-Key") != 1 || !m_apiKeys.contains(QString::fromUtf8(key)))
        return Error::unauthorized(QStringLiteral("Invalid API key"));
    ex.scope = apiKeyScope(key);
    return std::nullopt;
}

void Service::finish(const ExchangePtr &ex, int status, const QByteArray &body,
                     const QString &outcome, const HeaderPairs &headers) {
    ex->respond(status, body, headers);
    m_ledger.answer(ex->seq, status, outcome);
}

void Service::fail(const ExchangePtr &ex, const Error &error, const QString &outcome) {
    respondError(*ex, error);
    m_ledger.answer(ex->seq, error.status, outcome);
}

void Service::hang(const ExchangePtr &ex, const QString &outcome) {
    m_hanging.removeIf([](const ExchangePtr &h) { return !h->connected(); });
    m_hanging.append(ex);
    m_ledger.answer(ex->seq, 0, outcome);
}

void Service::handleMissing(const QHttpServerRequest &request, QHttpServerResponder &&responder) {
    auto ex = receive(request, std::move(responder), "");
    const QString rejected = QStringLiteral("rejected");
    if (!isLoopbackHost(*ex, m_port))
        return fail(ex, Error::hostRefused(), rejected);
    if (ex->body().size() > kMaxBodyBytes)
        return fail(ex, Error::payloadTooLarge(ex->body().size(), kMaxBodyBytes), rejected);
    fail(ex,
         Error::notFound(QStringLiteral("No endpoint %1 %2 in the Travomatrix API v1")
                             .arg(ex->method(), ex->path())),
         rejected);
}

void Service::control(const Spec &spec, const ExchangePtr &ex) {
    const QString executed = QStringLiteral("executed");
    if (spec.endpoint == Endpoint::Ledger)
        return finish(ex, 200, jsonBody(ledgerJson()), executed);
    const auto body = parseObject(ex->body());
    if (!body.ok())
        return fail(ex, body.error(), QStringLiteral("rejected"));
    const auto inline_ = body.value().value(QLatin1String("scenario"));
    const auto s = inline_.isObject()
                       ? Scenario::fromJson(inline_.toObject())
                       : Scenario::resolve(body.value().value(QLatin1String("name")).toString());
    if (!s)
        return fail(ex,
                    Error::validation(inline_.isObject() ? QStringLiteral("scenario")
                                                         : QStringLiteral("name"),
                                      s.error().message),
                    QStringLiteral("rejected"));
    setScenario(*s);
    finish(ex, 200, jsonBody({{QStringLiteral("name"), s->name}}), executed);
}

bool Service::injectFault(const Fault &fault, const ExchangePtr &ex) {
    const QString outcome = QStringLiteral("fault:") + faultKindName(fault.kind);
    Error e;
    switch (fault.kind) {
    case FaultKind::Unavailable:
        e = Error::unavailable();
        break;
    case FaultKind::Internal:
        e = Error::internal();
        break;
    case FaultKind::UpstreamTimeout:
        e = Error::upstreamTimeout(QStringLiteral("The airline's system did not answer in time"));
        break;
    case FaultKind::RateLimited:
        // The contract's 429 always says how long to wait.
        e = Error::rateLimited(fault.retryAfterSeconds.value_or(1));
        break;
    case FaultKind::BadGatewayHtml:
        ex->respond(502, badGatewayHtml(), {}, QByteArrayLiteral("text/html"));
        m_ledger.answer(ex->seq, 502, outcome);
        return true;
    case FaultKind::ResetBeforeCommit:
        ex->reset();
        m_ledger.answer(ex->seq, 0, outcome);
        return true;
    case FaultKind::Hang:
        hang(ex, outcome);
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
    if (!isLoopbackHost(*ex, m_port))
        return fail(ex, Error::hostRefused(), rejected);
    if (ex->body().size() > kMaxBodyBytes)
        return fail(ex, Error::payloadTooLarge(ex->body().size(), kMaxBodyBytes), rejected);
    if (const auto denied = authenticate(*ex))
        return fail(ex, *denied, rejected);
    if (spec.endpoint == Endpoint::Ledger || spec.endpoint == Endpoint::SetScenario)
        return control(spec, ex);

    // Only the two idempotent endpoints look at the key; elsewhere it is ignored.
    const QString key =
        spec.idempotent ? QString::fromUtf8(ex->header("Idempotency-Key").trimmed()) : QString();
    if (spec.idempotent && key.isEmpty())
        return fail(ex, Error::keyRequired(), rejected);

    const int attempt = m_attempts.next(QLatin1String(spec.name));
    m_ledger.setAttempt(ex->seq, attempt);
    std::optional<Fault> fault;
    if (const Fault *f = m_scenario.faultFor(QLatin1String(spec.name), attempt))
        fault = *f; // a copy: the scenario may change while this request is held
    if (fault && injectFault(*fault, ex))
        return;

    if (spec.idempotent) {
        const auto fp = IdempotencyStore::fingerprint(ex->method(), ex->path(), ex->body());
        const auto found = m_idempotency.lookup(ex->scope, key, fp, m_clock->now());
        switch (found.verdict) {
        case IdempotencyStore::Verdict::Replay:
            return finish(ex, found.stored.status, found.stored.body, QStringLiteral("replayed"),
                          {{kReplayHeader, QByteArrayLiteral("true")}});
        case IdempotencyStore::Verdict::InFlight:
            return waitForFirst(ex, key);
        case IdempotencyStore::Verdict::Reused:
            return fail(ex, Error::keyMismatch(), QStringLiteral("key_mismatch"));
        case IdempotencyStore::Verdict::Fresh:
            break;
        }
    }
    if (const auto invalid = precheck(spec, *ex))
        return fail(ex, *invalid, rejected);
    if (spec.idempotent)
        m_idempotency.begin(ex->scope, key,
                            IdempotencyStore::fingerprint(ex->method(), ex->path(), ex->body()),
                            m_clock->now());
    if (fault && fault->kind == FaultKind::Slow)
        return after(scaled(fault->delayMs),
                     [this, &spec, id, ex, key, fault] { run(spec, id, ex, key, fault); });
    run(spec, id, ex, key, fault);
}

// Seed 000: the same key while the first request is executing is held, without blocking the
// event loop, and answered with the first's result when it ends.
void Service::waitForFirst(const ExchangePtr &ex, const QString &key) {
    m_ledger.answer(ex->seq, 0, QStringLiteral("waiting"));
    m_idempotency.wait(ex->scope, key, [this, ex](const IdempotencyStore::Stored &answer) {
        if (ex->answered())
            return; // gave up waiting already
        if (answer.status == 0)
            return fail(ex, Error::internal(), QStringLiteral("waited"));
        // Nothing executed for this request: its answer is the first's, marked as such.
        finish(ex, answer.status, answer.body, QStringLiteral("waited"),
               {{kReplayHeader, QByteArrayLiteral("true")}});
    });
    QTimer::singleShot(scaled(kDuplicateWaitMs), this, [this, ex] {
        if (ex->answered())
            return;
        fail(ex,
             Error::upstreamTimeout(QStringLiteral("The first request with this Idempotency-Key "
                                                   "is still executing; retry with the same key")),
             QStringLiteral("waited;timeout"));
    });
}

void Service::run(const Spec &spec, const QString &id, const ExchangePtr &ex, const QString &key,
                  const std::optional<Fault> &fault) {
    execute(spec, id, *ex, [this, &spec, ex, key, fault](const Outcome<Executed> &result) {
        settle(spec, ex, key, fault, result);
    });
}

void Service::settle(const Spec &spec, const ExchangePtr &ex, const QString &key,
                     const std::optional<Fault> &fault, const Outcome<Executed> &result) {
    if (!result.ok()) {
        // It did not execute after all (a held request can find its fare gone): nothing is
        // kept, and whoever waited for it gets the same answer.
        if (spec.idempotent)
            m_idempotency.abandon(ex->scope, key, {result.error().status, result.error().body()});
        return fail(ex, result.error(), QStringLiteral("rejected"));
    }
    const int status = result.value().status;
    const QByteArray body = jsonBody(result.value().body);
    if (spec.idempotent)
        m_idempotency.complete(ex->scope, key, {status, body});
    if (fault && fault->kind == FaultKind::ResetAfterCommit) {
        ex->reset();
        return m_ledger.answer(ex->seq, 0, QStringLiteral("executed;fault:reset_after_commit"));
    }
    if (fault && fault->kind == FaultKind::HangAfterCommit)
        return hang(ex, QStringLiteral("executed;fault:hang_after_commit"));
    finish(ex, status, body, QStringLiteral("executed"));
}

QJsonObject Service::ledgerJson() const {
    QJsonArray movements;
    for (const auto &m : m_ledger.movements())
        movements.append(
            QJsonObject{{QStringLiteral("type"), m.type},
                        {QStringLiteral("pnr"), m.orderId},
                        {QStringLiteral("amount"), minorUnits(m.amount, m.currency)},
                        {QStringLiteral("currency"), m.currency},
                        {QStringLiteral("balance_after"), minorUnits(m.balanceAfter, m.currency)},
                        {QStringLiteral("at"), m.at.toUTC().toString(Qt::ISODateWithMs)}});
    return {{QStringLiteral("requests"), m_ledger.requestsJson()},
            {QStringLiteral("bookings"), m_book.bookingsJson()},
            {QStringLiteral("wallet_movements"), movements},
            {QStringLiteral("wallet"), m_book.balanceJson()},
            {QStringLiteral("scenario"), m_scenario.name}};
}

} // namespace fd::sandbox::tmx
