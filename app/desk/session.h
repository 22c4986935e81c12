#pragma once

#include "sessionoptions.h"

#include "api/travelbasegateway.h"
#include "api/webhookreceiver.h"
#include "core/checkoutflow.h"
#include "core/clock.h"
#include "core/scheduler.h"
#include "sandbox/sandbox.h"
#include "storage/orderjournal.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

namespace fd {

// Everything one desk needs to book, wired once: the journal, the gateway, the webhook
// receiver (routing events to running checkouts) and, in demo mode, the embedded sandbox.
// The window and the headless commands reach it through the desk interfaces (desk.h:
// makeDesk); its concrete parts are for tests that look behind them (the sandbox's ledger).
class Session final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    static Result<std::unique_ptr<Session>> open(SessionOptions options, QObject *parent = nullptr);
    ~Session() override;

    OrderJournal &journal() { return m_journal; }
    TravelbaseGateway &gateway() { return *m_gateway; }
    sandbox::Sandbox *sandbox() { return m_sandbox.get(); }
    WebhookReceiver *receiver() { return m_receiver.get(); }
    const Clock &clock() const { return m_clock; }
    const SessionOptions &options() const { return m_options; }
    TimingPolicy timing() const;

    // A new checkout intent: its Idempotency-Key is minted and stored here, before any call.
    Result<CheckoutFlow *> openCheckout(const QString &offerId, const QJsonObject &offer,
                                        const QList<Passenger> &passengers);
    // A flow for an intent already in the journal (resume, or a second window).
    CheckoutFlow *flowFor(qint64 intentId);

Q_SIGNALS:
    void flowCreated(fd::CheckoutFlow *flow);

private:
    explicit Session(SessionOptions options, QObject *parent);
    Result<std::monostate> start();
    void routeOrderEvent(const OrderSnapshot &order);

    SessionOptions m_options;
    SystemClock m_clock;
    QtScheduler m_scheduler;
    OrderJournal m_journal;
    QString m_leaseOwner;
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::unique_ptr<WebhookReceiver> m_receiver;
    std::unique_ptr<TravelbaseGateway> m_gateway;
    QList<QPointer<CheckoutFlow>> m_flows;
};

} // namespace fd
