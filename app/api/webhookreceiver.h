#pragma once

#include "core/clock.h"
#include "core/intent.h"
#include "core/order.h"
#include "core/result.h"
#include "core/scheduler.h"

#include <QByteArray>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1String>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace fd::net {
class CappedTcpServer;
}

namespace fd {

class OrderJournal;

// The pure parts of the receiver, public so tests can drive them with tables.
namespace webhook {

inline constexpr qint64 kToleranceSeconds = 300;

// "t=<unix>,v1=<hex>[,v1=<hex>...]": the timestamp and every v1 MAC, hex-decoded. Unknown keys
// (a future v2, say) are skipped. A v1 that is not 64 hex digits cannot match anything, so it
// is kept as empty bytes rather than failing the whole header.
struct SignatureHeader {
    qint64 timestamp = 0;
    QList<QByteArray> v1;
};
Result<SignatureHeader> parseSignatureHeader(const QByteArray &value);

// Equality whose running time depends only on the lengths, never on where the bytes differ.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

// HMAC-SHA256(secret, "<t>.<body>"), raw bytes.
QByteArray expectedMac(const QByteArray &secret, qint64 timestamp, const QByteArray &body);

// Checks the Travelbase-Signature header over the exact body bytes: any v1 may match, and t
// must be within kToleranceSeconds of now either way. Error codes: missing_signature,
// malformed_signature, bad_signature, stale_timestamp.
Result<std::monostate> verifySignature(const QByteArray &header, const QByteArray &body,
                                       const QByteArray &secret, const QDateTime &now);

// application/json or any +json type, parameters (charset) ignored, case-insensitive.
bool isJsonContentType(const QByteArray &value);

// The provider status an event reports for its order; nothing means "record only".
// order.ticketed/failed/cancelled map by type. Any other type (order.schedule_changed, types
// added later) uses the status of the Order object it carries when that is a state webhooks
// may set: the object is the provider's word on the order at that moment, and the journal only
// ever moves forward, so a stale status is harmless while a current one recovers a lost event.
std::optional<ProviderStatus> statusForEvent(const QString &type, const QJsonObject &order);

// One event as the journal needs it.
struct Event {
    QString id;
    QString type;
    QString orderId;
    std::optional<ProviderStatus> status; // nothing: record only
    QJsonArray eTickets;                  // from data.object.documents when status is ticketed
    QJsonObject payload;                // the whole event; the journal erases PII before storing it
    std::optional<OrderSnapshot> order; // when data.object parses as an Order
};
// Requires a non-empty string id, type and data.object.id. Error code: invalid_event.
Result<Event> parseEvent(const QByteArray &body);

} // namespace webhook

// The embedded receiver for Travelbase webhooks: POST /webhooks/travelbase over Qt HttpServer.
// It verifies the signature, records the event in the journal (which moves the intent forward
// in the same transaction) and only then answers 2xx, so a lost answer means a retry, never a
// lost event. Everything is answered synchronously from the thread the receiver lives in (the
// journal call itself runs there too, or where Options::runJournalCall puts it): the desk
// (Session) moves the receiver to a thread of its own, calls start() there and records through
// its journal thread, so a database that stops answering holds the provider's answer, never the
// window.
//
//     WebhookReceiver::Options options;
//     options.secret = secret;                       // loopback, port 0, 64 KiB cap
//     WebhookReceiver receiver(options, &journal, &clock);
//     const auto port = receiver.start();           // 127.0.0.1, port 0: the system picks one
//     sandbox.setWebhookEndpoint(receiver.url(), secret);
//     connect(&receiver, &WebhookReceiver::orderEvent, &flow, &CheckoutFlow::orderUpdated);
//
// Answers: 200 recorded (also duplicates and orders this desk does not know), 400 signature or
// event shape, 403 foreign Host or any Origin (DNS rebinding, browser CSRF), 404 other paths,
// 405 other methods, 413 body over the cap, 415 not JSON, 500 journal failure (the provider
// retries). Error bodies are {"error": {"code": ..., "message": ...}}. Nothing it logs carries
// the secret, a signature or a body (passport numbers and birth dates live in bodies).
class WebhookReceiver final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookReceiver)

public:
    static constexpr QLatin1String kPath{"/webhooks/travelbase"};
    struct Options {
        // Loopback unless an agency relay on the LAN must reach the desk directly.
        QHostAddress address = QHostAddress(QHostAddress::LocalHost);
        quint16 port = 0; // 0: the system picks a free port; read it back with port()
        QByteArray secret;
        qsizetype maxBodyBytes = 64 * 1024;
        // Host names (optionally host:port) an agency relay sends in Host, besides loopback and
        // a specific bound address. When bound to "any", list the LAN names or addresses here.
        QStringList extraHosts;
        // Any address but loopback lets other computers reach the receiver: start() refuses it
        // unless the agent opted in (--webhook-listen-public, the settings checkbox).
        bool allowPublic = false;
        // A connection must deliver a whole request within this long of opening or of its
        // previous answer, or it is closed: half-sent headers and idle keep-alives cannot pile
        // up. A webhook is small, so a few seconds are plenty.
        std::chrono::milliseconds headerTimeout{5000};
        // Open connections at most, well under the usual 1024 descriptors; at the cap a new
        // one closes the connection that has been idle longest, so a real webhook gets in.
        int maxConnections = 128;
        // Runs the header timeouts; nullptr = Qt timers. Tests pass a ManualScheduler.
        Scheduler *scheduler = nullptr;
        // Where the journal call that records an event runs; the receiver's thread waits for
        // its answer either way. Empty: on the receiver's thread, with its own connection. The
        // desk runs it on its journal thread (JournalQueue::call), so one connection writes.
        using JournalCall = std::function<Result<WebhookResult>()>;
        std::function<Result<WebhookResult>(JournalCall)> runJournalCall;
    };

    // `journal` and `clock` are not owned and must outlive the receiver; a null clock means
    // the system clock.
    WebhookReceiver(Options options, OrderJournal *journal, const Clock *clock = nullptr,
                    QObject *parent = nullptr);
    ~WebhookReceiver() override;

    // Starts listening; the bound port. Refused without a secret, when already listening, and
    // on a non-loopback address without allowPublic (code public_listen_refused).
    Result<quint16> start();
    bool isListening() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    int openConnections() const; // connections accepted and not closed yet
    QUrl url() const; // http://127.0.0.1:<port>/webhooks/travelbase (the bound address if not any)

    // Whether a Host header value names this receiver (loopback names with our port, the bound
    // address with our port, or an extra host).
    bool isAllowedHost(const QByteArray &host) const;

Q_SIGNALS:
    // A new (non-duplicate) event is durably recorded, whether it moved an intent, came too late
    // to (Recorded) or names an order not known yet, and its object parses as an Order. Running
    // checkout flows pass it to CheckoutFlow::orderUpdated, which acts only on its own order
    // being ticketed or failed, so stale statuses and other desks' orders are harmless.
    void orderEvent(const fd::OrderSnapshot &order);
    // A signed, well-formed event is about to be recorded; its answer waits for the journal.
    void eventVerified(const QString &eventId, const QString &orderId);
    // Every event recorded, duplicates included, for logs and the UI.
    void eventRecorded(const QString &eventId, const QString &orderId, fd::WebhookResult result);
    // An event's order carried new flight times, now durably in the schedule-change queue.
    void scheduleChangeQueued(const QString &orderId);
    // A request refused before anything was recorded (status and error code). A request cut
    // off at the transport level for its size is only logged.
    void requestRejected(int status, const QString &code);

private:
    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void handleOther(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    bool refuseForeign(const QHttpServerRequest &request, QHttpServerResponder &responder);
    void reject(QHttpServerResponder &responder, int status, const QString &code,
                const QString &message, bool headRequest = false);

    Options m_options;
    OrderJournal *m_journal;
    const Clock *m_clock;
    std::unique_ptr<SystemClock> m_ownClock;
    std::unique_ptr<QtScheduler> m_ownScheduler;
    QHttpServer *m_http = nullptr;         // once serving (net/serving.h)
    net::CappedTcpServer *m_tcp = nullptr; // listening from start()
    quint16 m_port = 0;
};

} // namespace fd
