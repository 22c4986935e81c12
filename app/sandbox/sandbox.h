#pragma once

#include "ledger.h"
#include "scenario.h"

#include "core/clock.h"
#include "core/money.h"
#include "core/result.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <memory>

namespace fd::sandbox {

class Service;

struct SandboxOptions {
    // The key the sandbox accepts when none is configured; it only ever opens the sandbox.
    QString apiKey = QStringLiteral("tb_sandbox_demo");
    QUrl webhookUrl; // empty: events are recorded in the ledger but not sent
    QByteArray webhookSecret;
    QStringList extraApiKeys; // more agencies: idempotency keys are scoped per API key
    double timingScale = 1.0; // 0.01 makes a 3 s ticketing delay 30 ms
    // The first order's number (ord_0001 by default); webhook events are numbered from it too.
    // A real provider never reissues an id, and a demo journal outlives its runs, so the demo
    // desk starts each run above every id an earlier run issued (see providerlinks.cpp).
    qint64 firstOrderNumber = 1;
};

// The offline Travelbase Air API: the contract of shared/api/travelbase-v1.md served by
// Qt HttpServer on 127.0.0.1, for demo mode, training and the integration tests.
//
//     fd::sandbox::Sandbox sandbox({}, &clock);
//     const auto port = sandbox.start();            // port 0: the system picks one
//     client.setBaseUrl(sandbox.baseUrl());          // http://127.0.0.1:<port>
//     sandbox.setScenario(*Scenario::builtIn(QStringLiteral("airline_rejects")));
class Sandbox final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sandbox)

public:
    static QString defaultApiKey() { return SandboxOptions{}.apiKey; }

    using Options = SandboxOptions;

    // `clock` is not owned and must outlive the sandbox; nullptr means the system clock.
    explicit Sandbox(Options options = {}, const Clock *clock = nullptr, QObject *parent = nullptr);
    ~Sandbox() override;

    // Listens on 127.0.0.1:port (0 picks a free port) and returns the bound port.
    Result<quint16> start(quint16 port = 0);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const; // http://127.0.0.1:<port>, the contract paths go under it

    void setScenario(const Scenario &scenario);
    // A built-in name (Scenario::builtInNames()) or a scenario JSON file.
    Result<QString> setScenario(const QString &nameOrFile);
    const Scenario &scenario() const;

    // Scales every sandbox delay (ticketing, slow faults, webhook backoff); never the clock.
    void setTimingScale(double scale);
    void setWebhookEndpoint(const QUrl &url, const QByteArray &secret);
    void setWalletBalance(const Money &balance);
    Money walletBalance() const;
    QString apiKey() const { return m_options.apiKey; }

    const Ledger &ledger() const;
    QJsonObject ledgerJson() const; // what GET /__sandbox/ledger answers inside "data"
    // The airline re-times a booked flight: every time of slice `slice` of order `orderId`
    // moves by `minutes`, the order's version goes up, GET order shows its `slices` from now
    // on, and an order.schedule_changed event carries them (POST /__sandbox/schedule_change
    // does the same over HTTP). The order as changed, or why not.
    Result<QJsonObject> changeSchedule(const QString &orderId, int minutes, int slice = 0);

Q_SIGNALS:
    // Every order state the sandbox commits (create, ticketing, patch, cancellation).
    void orderChanged(const QJsonObject &order);

private:
    Options m_options;
    std::unique_ptr<SystemClock> m_ownClock;
    Service *m_service = nullptr;
    Error m_loadError;
    quint16 m_port = 0;
};

} // namespace fd::sandbox
