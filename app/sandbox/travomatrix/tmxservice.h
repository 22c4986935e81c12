#pragma once

#include "tmxbook.h"
#include "tmxerror.h"
#include "tmxscenario.h"

#include "sandbox/exchange.h"
#include "sandbox/idempotency.h"
#include "sandbox/ledger.h"

#include "core/clock.h"
#include "core/result.h"

#include <QObject>

#include <functional>
#include <optional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace fd::sandbox::tmx {

enum class Endpoint {
    Search,
    GetFare,
    GetBalance,
    CreateBooking,
    GetBooking,
    QuoteCancellation,
    ConfirmCancellation,
    Ledger,      // GET /__sandbox/ledger
    SetScenario, // POST /__sandbox/scenario
};

// The HTTP face of the Travomatrix sandbox: routes, then for each request the provider's
// pipeline (Host, size, X-Api-Key, idempotency key, injected faults, idempotency store with
// its wait for the first, validation, execution) and the airline's answers. Internal;
// TravomatrixSandbox is the public API.
class Service final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Service)

public:
    static constexpr qint64 kMaxBodyBytes = 1024 * 1024;
    // A duplicate waits at most this long for the first request under its key (seed 000: "up
    // to 60 s"), times the timing scale; then it is answered 504 UPSTREAM_TIMEOUT.
    static constexpr int kDuplicateWaitMs = 60 * 1000;

    Service(Catalogue catalogue, const Clock *clock, QStringList apiKeys,
            QObject *parent = nullptr);
    ~Service() override;

    Result<quint16> listen(quint16 port);
    void setScenario(const Scenario &scenario);
    const Scenario &scenario() const { return m_scenario; }
    void setTimingScale(double scale);

    const Ledger &ledger() const { return m_ledger; }
    Book &book() { return m_book; }
    QJsonObject ledgerJson() const;

Q_SIGNALS:
    // Every booking state the sandbox commits (create, the airline's answer, cancellation).
    void bookingChanged(const QJsonObject &booking);

private:
    struct Spec {
        Endpoint endpoint;
        const char *name;
        bool idempotent; // honours Idempotency-Key and requires it
    };
    struct Executed {
        int status = 200;
        QJsonObject body;
    };
    // Receives an endpoint's result, now or later (a create holds it for the airline).
    using Done = std::function<void(const Outcome<Executed> &)>;

    void registerRoutes();
    void handle(const Spec &spec, const QString &id, const QHttpServerRequest &request,
                QHttpServerResponder &&responder);
    void handleMissing(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    ExchangePtr receive(const QHttpServerRequest &request, QHttpServerResponder &&responder,
                        const char *endpointName);
    std::optional<Error> authenticate(Exchange &ex) const;
    void control(const Spec &spec, const ExchangePtr &ex);
    bool injectFault(const Fault &fault, const ExchangePtr &ex);
    void waitForFirst(const ExchangePtr &ex, const QString &key);
    void run(const Spec &spec, const QString &id, const ExchangePtr &ex, const QString &key,
             const std::optional<Fault> &fault);
    void settle(const Spec &spec, const ExchangePtr &ex, const QString &key,
                const std::optional<Fault> &fault, const Outcome<Executed> &result);
    void finish(const ExchangePtr &ex, int status, const QByteArray &body, const QString &outcome,
                const HeaderPairs &headers = {});
    void fail(const ExchangePtr &ex, const Error &error, const QString &outcome);
    void hang(const ExchangePtr &ex, const QString &outcome);
    // Runs `fn` after `ms` real milliseconds (already scaled); at once for 0.
    void after(int ms, std::function<void()> fn);
    int scaled(int ms) const;

    // tmxendpoints.cpp: validation without side effects, then the execution proper.
    std::optional<Error> precheck(const Spec &spec, const Exchange &ex) const;
    void execute(const Spec &spec, const QString &id, const Exchange &ex, const Done &done);
    void createBooking(const QJsonObject &body, const Done &done);
    void airlineAnswers(const QString &pnr, AirlineOutcome outcome, const QString &reason);

    const Clock *m_clock;
    QStringList m_apiKeys;
    quint16 m_port = 0;
    Ledger m_ledger;
    Book m_book;
    IdempotencyStore m_idempotency;
    Scenario m_scenario;
    double m_scale = 1.0;
    AttemptCounter m_attempts;
    QList<ExchangePtr> m_hanging; // answered never, on purpose
    QHttpServer *m_http = nullptr;
};

} // namespace fd::sandbox::tmx
