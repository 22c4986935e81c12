#pragma once

#include "tmxscenario.h"

#include "sandbox/ledger.h"

#include "core/clock.h"
#include "core/money.h"
#include "core/result.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <memory>

namespace fd::sandbox {

namespace tmx {
class Service;
}

struct TravomatrixSandboxOptions {
    // The key the sandbox accepts when none is configured; it only ever opens the sandbox.
    QString apiKey = QStringLiteral("tmx_sandbox_demo");
    QStringList extraApiKeys; // more agencies: idempotency keys are scoped per API key
    double timingScale = 1.0; // 0.01 makes the airline's 500 ms answer 5 ms
    // The first booking's number, from which its PNR derives (tmx::Book::pnrFor). A real
    // provider never reissues a PNR, and a demo journal outlives its runs, so the demo desk
    // starts each run above every number an earlier run reached (see providerlinks.cpp).
    qint64 firstOrderNumber = 1;
};

// The offline Travomatrix Booking API: the contract of shared/api/travomatrix-v1.md (and its
// idempotency guide, seed 000) served by Qt HttpServer on 127.0.0.1, beside the Travelbase
// Sandbox and with the same in-process shape, so a desk can run both in demo mode.
//
//     fd::sandbox::TravomatrixSandbox sandbox({}, &clock);
//     const auto port = sandbox.start();            // port 0: the system picks one
//     client.setBaseUrl(sandbox.baseUrl());          // http://127.0.0.1:<port>; paths /api/v1/...
//     sandbox.setScenario(QStringLiteral("slow_airline"));
class TravomatrixSandbox final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TravomatrixSandbox)

public:
    using Options = TravomatrixSandboxOptions;
    using Scenario = tmx::Scenario;

    static QString defaultApiKey() { return Options{}.apiKey; }

    // `clock` is not owned and must outlive the sandbox; nullptr means the system clock.
    explicit TravomatrixSandbox(Options options = {}, const Clock *clock = nullptr,
                                QObject *parent = nullptr);
    ~TravomatrixSandbox() override;

    // Listens on 127.0.0.1:port (0 picks a free port) and returns the bound port.
    Result<quint16> start(quint16 port = 0);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const; // http://127.0.0.1:<port>; the contract's /api/v1 paths go under it

    void setScenario(const Scenario &scenario);
    // A built-in name (Scenario::builtInNames()) or a scenario JSON file.
    Result<QString> setScenario(const QString &nameOrFile);
    const Scenario &scenario() const;

    // Scales every sandbox delay (the airline, slow faults, a duplicate's wait); never the clock.
    void setTimingScale(double scale);
    void setWalletBalance(const Money &balance);
    Money walletBalance() const;
    QString apiKey() const { return m_options.apiKey; }

    const Ledger &ledger() const;
    QJsonObject ledgerJson() const; // what GET /__sandbox/ledger answers

Q_SIGNALS:
    // Every booking state the sandbox commits (create, the airline's answer, cancellation).
    void bookingChanged(const QJsonObject &booking);

private:
    Options m_options;
    std::unique_ptr<SystemClock> m_ownClock;
    tmx::Service *m_service = nullptr;
    Error m_loadError;
    quint16 m_port = 0;
};

} // namespace fd::sandbox
