#pragma once

#include "exchange.h"
#include "idempotency.h"
#include "ledger.h"
#include "orderbook.h"
#include "scenario.h"

#include "core/clock.h"
#include "core/result.h"

#include <QHash>
#include <QObject>

#include <functional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace fd::sandbox {

class WebhookDispatcher;

enum class Endpoint {
    SearchOffers,
    GetOffer,
    GetWallet,
    TopUp,
    CreateOrder,
    TicketOrder,
    GetOrder,
    PatchOrder,
    CreateCancellation,
    ConfirmCancellation,
    PlaceSuggestions, // GET /v1/places/suggestions?query=
    Ledger,           // GET /__sandbox/ledger
    SetScenario,      // POST /__sandbox/scenario
    ScheduleChange,   // POST /__sandbox/schedule_change
};

// The HTTP face of the sandbox: routes, then for each request the provider's pipeline
// (size, auth, idempotency key, injected faults, idempotency store, validation, execution)
// and the airline's out-of-band ticketing. Internal; Sandbox is the public API.
class Service final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Service)

public:
    static constexpr qint64 kMaxBodyBytes = 1024 * 1024;

    Service(Catalogue catalogue, const Clock *clock, QStringList apiKeys,
            QObject *parent = nullptr);
    ~Service() override;

    Result<quint16> listen(quint16 port);
    void setScenario(const Scenario &scenario);
    const Scenario &scenario() const { return m_scenario; }
    void setTimingScale(double scale);
    void setWebhookEndpoint(const QUrl &url, const QByteArray &secret);
    // Numbers the next order and the next webhook event (ids such as ord_0042, evt_0042).
    void setFirstOrderNumber(qint64 number);

    const Ledger &ledger() const { return m_ledger; }
    OrderBook &book() { return m_book; }
    QJsonObject ledgerJson() const;
    // The airline re-times order `orderId` (schedulechange.cpp): the order changes and an
    // order.schedule_changed event carrying its new slices is published.
    ApiResult<QJsonObject> changeSchedule(const QString &orderId, int minutes, int slice = 0);
    ApiResult<QJsonObject> changeScheduleFrom(const QByteArray &body); // the endpoint's body

Q_SIGNALS:
    void orderChanged(const QJsonObject &order);

private:
    struct Spec {
        Endpoint endpoint;
        const char *name;
        bool mutating;
        bool keyRequired;
    };
    // What an endpoint's execution produced. `hold`, when set, receives the function that
    // sends the answer and calls it when it is time (the "early" webhook mode).
    struct Executed {
        int status = 200;
        QJsonValue data;
        std::function<void(std::function<void()>)> hold;
    };

    void registerRoutes();
    void handle(const Spec &spec, const QString &id, const QHttpServerRequest &request,
                QHttpServerResponder &&responder);
    void handleMissing(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    ExchangePtr receive(const QHttpServerRequest &request, QHttpServerResponder &&responder,
                        const char *endpointName);
    std::optional<ApiError> authenticate(Exchange &ex) const;
    bool isAllowedHost(const Exchange &ex) const;
    bool injectFault(const Fault &fault, const ExchangePtr &ex);
    void commit(const Spec &spec, const QString &id, const ExchangePtr &ex, const QString &key,
                const Fault *fault);
    void finish(const ExchangePtr &ex, int status, const QByteArray &body, const QString &outcome,
                const HeaderPairs &headers = {});
    void fail(const ExchangePtr &ex, const ApiError &error, const QString &outcome);

    // endpoints.cpp: validation without side effects, then the execution proper.
    std::optional<ApiError> precheck(const Spec &spec, const QString &id, const Exchange &ex) const;
    ApiResult<Executed> execute(const Spec &spec, const QString &id, const Exchange &ex);
    ApiResult<Executed> ticket(const QString &id);
    void resolveTicketing(const QString &orderId, TicketingOutcome outcome,
                          std::function<void()> firstAttemptDone = {});
    int scaled(int ms) const;

    const Clock *m_clock;
    QStringList m_apiKeys;
    quint16 m_port = 0;
    Ledger m_ledger;
    OrderBook m_book;
    IdempotencyStore m_idempotency;
    Scenario m_scenario;
    double m_scale = 1.0;
    AttemptCounter m_attempts;
    QList<ExchangePtr> m_hanging; // answered never, on purpose
    QHttpServer *m_http = nullptr;
    WebhookDispatcher *m_webhooks = nullptr;
};

} // namespace fd::sandbox
