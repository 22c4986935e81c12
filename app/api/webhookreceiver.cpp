#include "webhookreceiver.h"

#include "travelbasejson.h"

#include "net/cappedtcpserver.h"
#include "net/serving.h"
#include "storage/orderjournal.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>

#include <algorithm>

namespace fd {

namespace {

// Event ids, order ids, statuses and error codes only: never a header value or a body.
Q_LOGGING_CATEGORY(lcWebhook, "flightdesk.webhook")

using Method = QHttpServerRequest::Method;
using HeaderList = QList<QPair<QByteArray, QByteArray>>;

Error error(const char *code, const QString &message) {
    return Error{QLatin1String(code), message};
}

bool isDigits(const QByteArray &s) {
    return !s.isEmpty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isHex(const QByteArray &s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

QByteArray errorBody(const QString &code, const QString &message) {
    const QJsonObject e{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), e}}).toJson(QJsonDocument::Compact);
}

void write(QHttpServerResponder &responder, int status, const QByteArray &body, bool head,
           const HeaderList &extra = {}) {
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
    responder.writeHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(body.size()));
    responder.writeHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    for (const auto &h : extra)
        responder.writeHeader(h.first, h.second);
    responder.writeBody(head ? QByteArray() : body); // also ends the header block
}

QList<QByteArray> headerValues(const QHttpServerRequest &request, const char *name) {
    QList<QByteArray> out;
    for (const auto &h : request.headers()) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            out.append(h.second);
    }
    return out;
}

QLatin1String resultName(WebhookResult r) {
    switch (r) {
    case WebhookResult::Applied:
        return QLatin1String("applied");
    case WebhookResult::Recorded:
        return QLatin1String("recorded");
    case WebhookResult::Duplicate:
        return QLatin1String("duplicate");
    case WebhookResult::UnknownOrder:
        return QLatin1String("unknown_order");
    case WebhookResult::ToConfirm:
        return QLatin1String("to_confirm");
    }
    return QLatin1String("recorded");
}

bool isAnyAddress(const QHostAddress &a) {
    return a == QHostAddress::Any || a == QHostAddress::AnyIPv4 || a == QHostAddress::AnyIPv6;
}

} // namespace

namespace webhook {

Result<SignatureHeader> parseSignatureHeader(const QByteArray &value) {
    const auto malformed = [] {
        return error("malformed_signature",
                     QStringLiteral("Travelbase-Signature must look like t=<unix>,v1=<hex>"));
    };
    SignatureHeader out;
    bool haveT = false;
    for (const QByteArray &raw : value.split(',')) {
        const QByteArray part = raw.trimmed();
        const qsizetype eq = part.indexOf('=');
        if (eq <= 0)
            return malformed();
        const QByteArray key = part.left(eq).trimmed();
        const QByteArray val = part.mid(eq + 1).trimmed();
        if (key == "t") {
            // 12 digits reach the year 33658; more is garbage, and toLongLong must not overflow.
            if (haveT || !isDigits(val) || val.size() > 12)
                return malformed();
            out.timestamp = val.toLongLong();
            haveT = true;
        } else if (key == "v1") {
            out.v1.append(val.size() == 64 && isHex(val) ? QByteArray::fromHex(val) : QByteArray());
        }
    }
    if (!haveT || out.v1.isEmpty())
        return malformed();
    return out;
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b) {
    if (a.size() != b.size())
        return false; // lengths are public: a MAC is always 32 bytes
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i]);
    return diff == 0;
}

QByteArray expectedMac(const QByteArray &secret, qint64 timestamp, const QByteArray &body) {
    return QMessageAuthenticationCode::hash(QByteArray::number(timestamp) + '.' + body, secret,
                                            QCryptographicHash::Sha256);
}

Result<std::monostate> verifySignature(const QByteArray &header, const QByteArray &body,
                                       const QByteArray &secret, const QDateTime &now) {
    if (header.trimmed().isEmpty())
        return error("missing_signature", QStringLiteral("Travelbase-Signature is missing"));
    const auto parsed = parseSignatureHeader(header);
    if (!parsed)
        return parsed.error();
    const QByteArray mac = expectedMac(secret, parsed->timestamp, body);
    bool match = false;
    for (const QByteArray &candidate : parsed->v1) // all of them, so timing says nothing
        match = constantTimeEquals(mac, candidate) || match;
    if (!match)
        return error("bad_signature", QStringLiteral("The signature does not match"));
    // Checked after the MAC, so only the provider can learn how far off our clock is.
    if (qAbs(now.toSecsSinceEpoch() - parsed->timestamp) > kToleranceSeconds)
        return error("stale_timestamp",
                     QStringLiteral("The signature's timestamp is more than %1 s from now")
                         .arg(kToleranceSeconds));
    return std::monostate{};
}

bool isJsonContentType(const QByteArray &value) {
    const QByteArray type = value.split(';').first().trimmed().toLower();
    return type == "application/json" ||
           (type.startsWith("application/") && type.endsWith("+json"));
}

std::optional<ProviderStatus> statusForEvent(const QString &type, const QJsonObject &order) {
    if (type == QLatin1String("order.ticketed"))
        return ProviderStatus::Ticketed;
    if (type == QLatin1String("order.failed"))
        return ProviderStatus::Failed;
    if (type == QLatin1String("order.cancelled"))
        return ProviderStatus::Cancelled;
    return state::providerStatusNamed(order.value(QLatin1String("status")).toString());
}

Result<Event> parseEvent(const QByteArray &body) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (!doc.isObject())
        return error("invalid_event", QStringLiteral("The body is not a JSON object"));
    Event e;
    e.payload = doc.object();
    e.id = e.payload.value(QLatin1String("id")).toString();
    e.type = e.payload.value(QLatin1String("type")).toString();
    const QJsonObject object =
        e.payload.value(QLatin1String("data")).toObject().value(QLatin1String("object")).toObject();
    e.orderId = object.value(QLatin1String("id")).toString();
    if (e.id.isEmpty() || e.type.isEmpty() || e.orderId.isEmpty())
        return error("invalid_event",
                     QStringLiteral("An event needs an id, a type and data.object.id"));
    e.status = statusForEvent(e.type, object);
    if (auto order = travelbase::parseOrder(object)) {
        if (e.status == ProviderStatus::Ticketed)
            e.eTickets = order->ticketsJson();
        e.order = std::move(order).value();
    }
    return e;
}

} // namespace webhook

WebhookReceiver::WebhookReceiver(Options options, OrderJournal *journal, const Clock *clock,
                                 QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_journal(journal)
    , m_clock(clock) {
    if (!m_clock) {
        m_ownClock = std::make_unique<SystemClock>();
        m_clock = m_ownClock.get();
    }
}

WebhookReceiver::~WebhookReceiver() = default;

int WebhookReceiver::openConnections() const {
    return m_tcp ? m_tcp->openConnections() : 0;
}

Result<quint16> WebhookReceiver::start() {
    if (m_port != 0)
        return error("already_listening", QStringLiteral("The receiver is already listening"));
    if (m_options.secret.isEmpty() || !m_journal)
        return error("not_configured",
                     QStringLiteral("The webhook receiver needs a secret and a journal"));
    if (!m_options.address.isLoopback() && !m_options.allowPublic)
        return error("public_listen_refused",
                     QStringLiteral("Not listening on %1: it is not a loopback address, so other "
                                    "computers could send webhooks to this desk. Use 127.0.0.1, "
                                    "or opt in with --webhook-listen-public (in the desk: "
                                    "\"Accept webhooks from other computers\" in Settings).")
                         .arg(m_options.address.toString()));
    Scheduler *scheduler = m_options.scheduler;
    if (!scheduler) {
        m_ownScheduler = std::make_unique<QtScheduler>();
        scheduler = m_ownScheduler.get();
    }
    // Qt HttpServer 6.4 buffers a whole request before any handler sees it, with no limit:
    // this server refuses one that declares or sends more than the cap before reading it.
    // Bodies just over the cap without a declared length still reach handle(), which says 413.
    // It also closes connections that never finish a request, and caps how many are open.
    auto *tcp = new net::CappedTcpServer(
        m_options.maxBodyBytes,
        [](qint64) {
            qCWarning(lcWebhook, "refused: 413 payload_too_large (before the end of the body)");
            return net::CappedTcpServer::payloadTooLarge(errorBody(
                QStringLiteral("payload_too_large"), QStringLiteral("The request is too large")));
        },
        {m_options.headerTimeout, m_options.maxConnections, scheduler}, this);
    if (!tcp->listen(m_options.address, m_options.port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return error("listen_failed", QStringLiteral("Cannot listen on %1:%2: %3")
                                          .arg(m_options.address.toString())
                                          .arg(m_options.port)
                                          .arg(why));
    }
    // The port is known (and handed to the providers) at once; the server that answers on it
    // may come a moment later (net/serving.h): a webhook sent meanwhile waits in the backlog.
    tcp->pauseAccepting();
    net::whenServing(tcp, [this, tcp] {
        auto *http = new QHttpServer(this);
        http->route(QString(kPath),
                    [this](const QHttpServerRequest &r, QHttpServerResponder &&resp) {
                        handle(r, std::move(resp));
                    });
        http->setMissingHandler([this](const QHttpServerRequest &r, QHttpServerResponder &&resp) {
            handleOther(r, std::move(resp));
        });
        http->bind(tcp);
        m_http = http;
        tcp->resumeAccepting();
    });
    m_tcp = tcp;
    m_port = tcp->serverPort();
    return m_port;
}

QUrl WebhookReceiver::url() const {
    const QHostAddress &a = m_options.address;
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(isAnyAddress(a) ? QStringLiteral("127.0.0.1") : a.toString());
    u.setPort(m_port);
    u.setPath(QString(kPath));
    return u;
}

bool WebhookReceiver::isAllowedHost(const QByteArray &host) const {
    const QString h = QString::fromLatin1(host.trimmed()).toLower();
    if (h.isEmpty() || m_port == 0)
        return false;
    const QString port = QLatin1Char(':') + QString::number(m_port);
    QStringList allowed{QStringLiteral("127.0.0.1") + port, QStringLiteral("localhost") + port,
                        QStringLiteral("[::1]") + port};
    const QHostAddress &a = m_options.address;
    if (!a.isLoopback() && !isAnyAddress(a)) {
        const bool v6 = a.protocol() == QAbstractSocket::IPv6Protocol;
        allowed.append(
            (v6 ? QLatin1Char('[') + a.toString() + QLatin1Char(']') : a.toString()).toLower() +
            port);
    }
    if (allowed.contains(h))
        return true;
    // An extra host without a port accepts it on any port: the relay's, not ours.
    const qsizetype colon = h.lastIndexOf(QLatin1Char(':'));
    const QString name = colon > h.lastIndexOf(QLatin1Char(']')) ? h.left(colon) : h;
    for (const QString &extra : m_options.extraHosts) {
        const QString e = extra.trimmed().toLower();
        if (!e.isEmpty() && (e == h || e == name))
            return true;
    }
    return false;
}

void WebhookReceiver::reject(QHttpServerResponder &responder, int status, const QString &code,
                             const QString &message, bool headRequest) {
    qCWarning(lcWebhook, "refused: %d %s", status, qUtf8Printable(code));
    HeaderList extra;
    if (status == 405)
        extra.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("POST")});
    write(responder, status, errorBody(code, message), headRequest, extra);
    Q_EMIT requestRejected(status, code);
}

// A browser sends Origin on every cross-site POST and a rebound DNS name keeps the attacker's
// Host, so either one means the request is not from the provider or the agency relay.
bool WebhookReceiver::refuseForeign(const QHttpServerRequest &request,
                                    QHttpServerResponder &responder) {
    const bool head = request.method() == Method::Head;
    if (!headerValues(request, "Origin").isEmpty()) {
        reject(responder, 403, QStringLiteral("origin_refused"),
               QStringLiteral("Requests with an Origin header are refused"), head);
        return true;
    }
    const QList<QByteArray> hosts = headerValues(request, "Host");
    if (hosts.size() != 1 || !isAllowedHost(hosts.first())) {
        reject(responder, 403, QStringLiteral("host_refused"),
               QStringLiteral("This Host is not served here"), head);
        return true;
    }
    return false;
}

void WebhookReceiver::handleOther(const QHttpServerRequest &request,
                                  QHttpServerResponder &&responder) {
    if (refuseForeign(request, responder))
        return;
    reject(responder, 404, QStringLiteral("not_found"),
           QStringLiteral("Webhooks go to POST %1").arg(kPath), request.method() == Method::Head);
}

void WebhookReceiver::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder) {
    if (refuseForeign(request, responder))
        return;
    if (request.method() != Method::Post)
        return reject(responder, 405, QStringLiteral("method_not_allowed"),
                      QStringLiteral("Only POST is accepted here"),
                      request.method() == Method::Head);
    // The exact bytes received: the MAC is over them, never over a re-serialised document.
    const QByteArray body = request.body();
    if (body.size() > m_options.maxBodyBytes)
        return reject(responder, 413, QStringLiteral("payload_too_large"),
                      QStringLiteral("The body exceeds %1 bytes").arg(m_options.maxBodyBytes));
    const QList<QByteArray> types = headerValues(request, "Content-Type");
    if (types.size() != 1 || !webhook::isJsonContentType(types.first()))
        return reject(responder, 415, QStringLiteral("unsupported_media_type"),
                      QStringLiteral("Send Content-Type: application/json"));
    const QList<QByteArray> signatures = headerValues(request, "Travelbase-Signature");
    if (signatures.size() > 1)
        return reject(responder, 400, QStringLiteral("malformed_signature"),
                      QStringLiteral("Send one Travelbase-Signature header"));
    const auto verified =
        webhook::verifySignature(signatures.value(0), body, m_options.secret, m_clock->now());
    if (!verified)
        return reject(responder, 400, verified.error().code, verified.error().message);
    const auto event = webhook::parseEvent(body);
    if (!event)
        return reject(responder, 400, event.error().code, event.error().message);

    Q_EMIT eventVerified(event->id, event->orderId);
    bool queued = false; // written by the journal call, which this thread waits for
    Options::JournalCall record = [journal = m_journal, &event,
                                   &queued]() -> Result<WebhookResult> {
        auto applied = journal->applyWebhook(event->id, event->orderId, event->status,
                                             event->payload, event->eTickets);
        if (!applied || !event->order)
            return applied;
        // Also for a duplicate: the first delivery may have been recorded but not its change.
        // An Order whose slices are new times joins the schedule-change queue (any event
        // type: order.schedule_changed, or an outcome that brings a re-timed itinerary).
        auto change = journal->recordScheduleChange(QStringLiteral("travelbase"), event->order->raw,
                                                    event->id);
        if (!change)
            return change.error();
        queued = *change;
        return applied;
    };
    const auto recorded =
        m_options.runJournalCall ? m_options.runJournalCall(std::move(record)) : record();
    if (!recorded) {
        // Not recorded means not answered 2xx: the provider keeps the event and retries.
        qCWarning(lcWebhook, "event %s not recorded: %s", qUtf8Printable(event->id),
                  qUtf8Printable(recorded.error().code));
        return reject(responder, 500, QStringLiteral("journal_unavailable"),
                      QStringLiteral("The event could not be recorded; retry later"));
    }
    const WebhookResult result = *recorded;
    qCInfo(lcWebhook, "event %s (%s) for order %s: %s", qUtf8Printable(event->id),
           qUtf8Printable(event->type), qUtf8Printable(event->orderId), resultName(result).data());
    const QJsonObject answer{{QStringLiteral("received"), true},
                             {QStringLiteral("result"), resultName(result)}};
    write(responder, 200, QJsonDocument(answer).toJson(QJsonDocument::Compact), false);
    Q_EMIT eventRecorded(event->id, event->orderId, result);
    if (queued)
        Q_EMIT scheduleChangeQueued(event->orderId);
    if (result != WebhookResult::Duplicate && event->order)
        Q_EMIT orderEvent(*event->order);
}

} // namespace fd
