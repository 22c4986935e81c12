#pragma once

#include "sessionoptions.h"

#include "providerlink.h"

#include "api/webhookreceiver.h"
#include "core/cancellationflow.h"
#include "core/checkoutflow.h"
#include "core/clock.h"
#include "core/scheduler.h"
#include "sandbox/sandbox.h"
#include "sandbox/travomatrix/travomatrixsandbox.h"
#include "storage/orderjournal.h"

#include <QHostAddress>
#include <QObject>
#include <QThread>
#include <QUrl>

#include <memory>
#include <vector>

namespace fd {
// Everything one desk needs to book, wired once: the journal, one link per provider (its
// gateway, or in demo mode its embedded sandbox), and the webhook receiver (routing events to
// running checkouts).
// The window and the headless commands reach it through the desk interfaces (desk.h:
// makeDesk); its concrete parts are for tests that look behind them (the sandbox's ledger).
class Session final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    static Result<std::unique_ptr<Session>> open(SessionOptions options, QObject *parent = nullptr);
    ~Session() override;

    OrderJournal &journal() { return m_journal; }
    // The connected providers, the first one first (the commands' --provider).
    QStringList providers() const;
    // nullptr when that provider is not connected.
    desk::ProviderLink *link(const QString &providerId);
    desk::ProviderLink &firstLink() { return *m_links.front(); }
    // The providers asked for that could not be connected as configured, and why (live only;
    // the session opens when at least one could).
    const QList<std::pair<QString, Error>> &unavailable() const { return m_unavailable; }
    // Demo mode: the providers' sandboxes (nullptr when live), for tests that read a ledger.
    sandbox::Sandbox *sandbox();
    sandbox::TravomatrixSandbox *travomatrixSandbox();
    // Where the desk's webhook receiver listens (empty without one). The receiver runs on its
    // own thread and records each event through the journal's thread, answering only once it
    // is stored: a database that stops answering holds that answer, never the window.
    QUrl webhookUrl() const { return m_webhookUrl; }
    // The receiver itself, for tests that watch its signals (connect queued or direct; it
    // lives on its thread). nullptr without one.
    WebhookReceiver *receiver() { return m_receiver; }
    const Clock &clock() const { return m_clock; }
    const SessionOptions &options() const { return m_options; }
    TimingPolicy timing() const;

    // A new checkout intent with `providerId` (empty: the first provider): its
    // Idempotency-Key is minted and stored here, before any call.
    Result<CheckoutFlow *> openCheckout(const QString &providerId, const QString &offerId,
                                        const QJsonObject &offer,
                                        const QList<Passenger> &passengers);
    // A flow for an intent already in the journal (resume, or a second window), with its
    // provider's gateway. An intent of a provider this desk is not connected to gets the first
    // provider's, which refuses it untouched (the flow writes nothing).
    CheckoutFlow *flowFor(qint64 intentId);
    CheckoutFlow *flowFor(const Intent &intent);
    // openCheckout off this thread: the intent is created on the journal's thread; `done` comes
    // back on `context`'s thread unless it is gone (then no flow is made).
    void openCheckoutLater(const QString &providerId, const QString &offerId,
                           const QJsonObject &offer, const QList<Passenger> &passengers,
                           QObject *context, std::function<void(Result<CheckoutFlow *>)> done);
    // A cancellation flow over `providerId`'s gateway and this desk's journal (not parented);
    // nullptr when that provider is not connected.
    CancellationFlow *openCancellation(const QString &providerId);
    // The journal's worker, for reads and writes that must not wait on this thread.
    JournalQueue &journalQueue() { return *m_journalQueue; }

Q_SIGNALS:
    void flowCreated(fd::CheckoutFlow *flow);
    // A change of an order's schedule joined the queue: brought by a webhook the receiver
    // recorded, or seen when any part of the desk re-read the order (a poll, a contact change).
    void scheduleChangeQueued(const QString &orderId);

private:
    explicit Session(SessionOptions options, QObject *parent);
    Result<std::monostate> start();
    QString scenarioNames() const;
    void routeOrderEvent(const OrderSnapshot &order);
    // An order one of the gateways read: a re-timed itinerary joins the queue (journal thread).
    void noteOrderRead(const QString &providerId, const OrderSnapshot &order);
    Result<std::monostate> startReceiver(const WebhookReceiver::Options &options);
    void stopReceiver();
    // The link a new checkout books with: `providerId`'s, the first one when empty, nullptr
    // when that provider is not connected.
    desk::ProviderLink *bookingLink(const QString &providerId);

    SessionOptions m_options;
    SystemClock m_clock;
    QtScheduler m_scheduler;
    OrderJournal m_journal;
    std::unique_ptr<JournalQueue> m_journalQueue; // the flows' way to m_journal: its own thread
    QString m_leaseOwner;
    QThread *m_webhookThread = nullptr;    // owned; ended and deleted by stopReceiver()
    WebhookReceiver *m_receiver = nullptr; // lives on m_webhookThread, deleted there
    QUrl m_webhookUrl;
    std::vector<std::unique_ptr<desk::ProviderLink>> m_links;
    QList<std::pair<QString, Error>> m_unavailable;
    QList<QPointer<CheckoutFlow>> m_flows;
};

} // namespace fd
