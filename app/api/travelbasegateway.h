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

#include <memory>

namespace fd {

// The BookingGateway for any server that follows the Travelbase contract, over one
// HttpTransport: it retries by RetryPolicy with the SAME Idempotency-Key and the SAME bytes,
// reports every attempt, and turns what finally happened into a GatewayFailure (classify).
class TravelbaseGateway final : public QObject, public BookingGateway {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TravelbaseGateway)

public:
    struct Options {
        QUrl baseUrl; // e.g. https://api.travelbase.example (the /v1 paths are appended)
        QString apiKey;
        TimingPolicy timing;
        RetryPolicy::RandomSource random; // jitter; empty = system random
    };

    // Refuses plain http:// to anything but a loopback address, and a missing key.
    static Result<std::unique_ptr<TravelbaseGateway>>
    create(Options options, const Clock *clock, Scheduler *scheduler, QObject *parent = nullptr);
    static Result<QUrl> checkBaseUrl(const QUrl &url);

    QString providerId() const override;
    Result<Offer> offerFromJson(const QJsonObject &json) const override;
    QByteArray createBody(const Offer &offer, const QList<Passenger> &passengers) const override;
    bool ticketsSeparately() const override { return true; }

    void fetchOffer(const QString &offerId, QObject *context, const AttemptLog &log,
                    std::function<void(GatewayResult<Offer>)> done) override;
    void fetchWallet(QObject *context, const AttemptLog &log,
                     std::function<void(GatewayResult<Wallet>)> done) override;
    void createOrder(const QByteArray &body, const QString &idempotencyKey, QObject *context,
                     const AttemptLog &log,
                     std::function<void(GatewayResult<OrderSnapshot>)> done) override;
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
    void updateContact(const QString &orderId, int version, const ContactChange &change,
                       QObject *context, const AttemptLog &log,
                       std::function<void(GatewayResult<OrderSnapshot>)> done) override;

    // Not idempotent on the provider's side, so it is retried without a key (plain backoff).
    // GET /places/suggestions: up to 20 places matching `query` (1-64 characters; refused
    // without a request otherwise), best first.
    void suggestPlaces(const QString &query, QObject *context, const AttemptLog &log,
                       std::function<void(GatewayResult<QList<Place>>)> done);
    void searchOffers(const QJsonObject &request, QObject *context, const AttemptLog &log,
                      std::function<void(GatewayResult<QList<Offer>>)> done);
    // Sandbox only (demo mode): POST /v1/wallet/top_ups.
    void topUp(const Money &amount, QObject *context,
               std::function<void(GatewayResult<Wallet>)> done);

    // Reading of a final error, exposed for tests of the classification table.
    static GatewayFailure classify(const ApiError &error);

private:
    TravelbaseGateway(Options options, const Clock *clock, Scheduler *scheduler, QObject *parent);

    // The contract's side of the transport: Bearer auth, the error envelope, the `data`
    // wrapper of a 2xx answer (`done` gets the `data` object), Idempotent-Replayed.
    static HttpProvider provider(const Options &options);

    HttpTransport m_transport;
};

} // namespace fd
