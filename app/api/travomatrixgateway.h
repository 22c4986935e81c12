#pragma once

#include "apierror.h"
#include "core/bookinggateway.h"
#include "core/clock.h"
#include "core/offer.h"
#include "core/scheduler.h"
#include "core/timingpolicy.h"
#include "httptransport.h"
#include "retrypolicy.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <memory>

namespace fd {

// The BookingGateway for the Travomatrix contract (travomatrix-v1.md, seed 000), over one
// HttpTransport. Booking is synchronous: the create answers with the booking (TICKETED,
// REJECTED, or PENDING to poll), so there is no ticket action. Errors carry no retryable flag:
// the status code decides, and a retry always re-sends the SAME bytes with the SAME key.
class TravomatrixGateway final : public QObject, public BookingGateway {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TravomatrixGateway)

public:
    struct Options {
        QUrl baseUrl; // scheme, host and port; the /api/v1 paths are appended
        QString apiKey;
        TimingPolicy timing;
        RetryPolicy::RandomSource random; // jitter; empty = system random
    };

    // A duplicate create waits up to 60 s for the first: a create gets at least this long.
    static constexpr std::chrono::milliseconds kMinCreateTimeout{75000};

    // Refuses plain http:// to anything but a loopback address, and a missing key.
    static Result<std::unique_ptr<TravomatrixGateway>>
    create(Options options, const Clock *clock, Scheduler *scheduler, QObject *parent = nullptr);

    QString providerId() const override;
    Result<Offer> offerFromJson(const QJsonObject &json) const override;
    QByteArray createBody(const Offer &offer, const QList<Passenger> &passengers) const override;
    bool ticketsSeparately() const override { return false; }

    void fetchOffer(const QString &offerId, QObject *context, const AttemptLog &log,
                    std::function<void(GatewayResult<Offer>)> done) override;
    void fetchWallet(QObject *context, const AttemptLog &log,
                     std::function<void(GatewayResult<Wallet>)> done) override;
    void createOrder(const QByteArray &body, const QString &idempotencyKey, QObject *context,
                     const AttemptLog &log,
                     std::function<void(GatewayResult<OrderSnapshot>)> done) override;
    // Travomatrix has no ticket action; the flow never calls it. A call is a bug: Fatal.
    void ticketOrder(const QString &orderId, const QString &idempotencyKey, QObject *context,
                     const AttemptLog &log,
                     std::function<void(GatewayResult<OrderSnapshot>)> done) override;
    void fetchOrder(const QString &orderId, QObject *context, const AttemptLog &log,
                    std::function<void(GatewayResult<OrderSnapshot>)> done) override;
    void quoteCancellation(const QString &orderId, QObject *context, const AttemptLog &log,
                           std::function<void(GatewayResult<Cancellation>)> done) override;
    void confirmCancellation(const Cancellation &quote, const QString &idempotencyKey,
                             QObject *context, const AttemptLog &log,
                             std::function<void(GatewayResult<Cancellation>)> done) override;
    // Travomatrix's contract has no contact change: refused at once (FD_NOT_SUPPORTED), unsent.
    bool updatesContact() const override { return false; }
    void updateContact(const QString &orderId, int version, const ContactChange &change,
                       QObject *context, const AttemptLog &log,
                       std::function<void(GatewayResult<OrderSnapshot>)> done) override;

    // The desk's search request (slices, passengers, cabin_class); not idempotent at the
    // provider, so retried without a key (plain backoff).
    // Travomatrix has no places endpoint: refused (FD_NOT_SUPPORTED) with nothing sent.
    void suggestPlaces(const QString &query, QObject *context, const AttemptLog &log,
                       std::function<void(GatewayResult<QList<Place>>)> done);
    void searchOffers(const QJsonObject &request, QObject *context, const AttemptLog &log,
                      std::function<void(GatewayResult<QList<Offer>>)> done);

    // An HTTP error answer of the contract ({"error": {code, message, details?}}) as the
    // retry policy's input: retryable exactly when the status is 429 or 5xx.
    static ApiError readError(int httpStatus, const QByteArray &body,
                              const QByteArray &retryAfterHeader, const QDateTime &now);
    // The final failure, decided by the status code (the contract's table).
    static GatewayFailure classify(const ApiError &error);

private:
    TravomatrixGateway(Options options, const Clock *clock, Scheduler *scheduler, QObject *parent);

    // The contract's side of the transport: X-Api-Key, readError, a 2xx body that is the object
    // itself, Idempotent-Replay, and kMinCreateTimeout for the keyed create.
    static HttpProvider provider(const Options &options);

    Scheduler *m_scheduler;
    HttpTransport m_transport;
};

} // namespace fd
