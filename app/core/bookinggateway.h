#pragma once

#include "money.h"
#include "offer.h"
#include "order.h"
#include "passenger.h"
#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <variant>

namespace fd {

// Why a gateway call finally failed, after the gateway's own retries. The flow decides its
// next state from `kind` alone; `code` and `message` are the provider's, for people.
struct GatewayFailure {
    enum class Kind {
        OfferUnavailable,  // 422 TB_OFFER_EXPIRED / TB_OFFER_UNAVAILABLE: never book it again
        InsufficientFunds, // 402: top up, then validate again
        Rejected,          // retryable:false client error (e.g. validation): nothing executed
        Unauthorized,      // 401: the API key is wrong
        NotFound,          // 404
        KeyReused,         // 409 TB_IDEMPOTENCY_KEY_REUSED: a client bug, never retried
        Fatal,             // retryable:false server error: do not retry, contact support
        OutcomeUnknown,    // retries spent on timeouts/5xx: it may have executed; same key later
        Cancelled,
        Conflict, // 409 conflict shape: a stale `version`, nothing written; re-fetch and re-apply
    };
    Kind kind = Kind::OutcomeUnknown;
    int httpStatus = 0;
    QString code;
    QString message;
    QList<std::pair<QString, QString>> fieldErrors; // provider's {field, message}
    // An earlier attempt of this call timed out, broke or got a 5xx: it may have executed,
    // whatever this last answer says.
    bool earlierAttemptMayHaveExecuted = false;
};

// A booking's cancellation as the provider quotes it and then confirms it.
struct Cancellation {
    QString quoteId; // the provider's quote ("ore_0001", "CQ-9921"): what the confirm names
    QString orderId;
    Money refund;           // what the agency's wallet gets back
    QDateTime expiresAt;    // the quote holds until then
    bool confirmed = false; // the confirm's answer: the booking is cancelled
};

// A booking's contact details as the agent wants them; an empty field stays as it is.
struct ContactChange {
    QString email;
    QString phone; // E.164
    bool isEmpty() const { return email.isEmpty() && phone.isEmpty(); }
    friend bool operator==(const ContactChange &, const ContactChange &) = default;
};

template <typename T> using GatewayResult = std::variant<T, GatewayFailure>;

// One attempt of a call, reported as it happens, for the journal's event log.
using AttemptLog = std::function<void(const QJsonObject &attempt)>;

// What the checkout flow needs from a booking provider: everything a provider decides lives
// behind this seam (its JSON, its create body, whether a separate ticket action follows the
// create, its retry rules and error classification), so the flow is one state machine for
// every provider and app/core knows no provider's JSON. Calls retry by the provider's contract
// and call `done` exactly once, on `context`'s thread, unless `context` was destroyed first.
class BookingGateway {
public:
    virtual ~BookingGateway() = default;

    // The provider's name as the journal records it with every intent ("travelbase").
    virtual QString providerId() const = 0;
    // The provider's offer JSON, as journaled with an intent, in the desk's terms.
    virtual Result<Offer> offerFromJson(const QJsonObject &json) const = 0;
    // The exact bytes of the create request for this offer and these passengers: built once,
    // frozen in the journal before the first send, re-sent byte for byte.
    virtual QByteArray createBody(const Offer &offer, const QList<Passenger> &passengers) const = 0;
    // True when a separate ticket action follows the create (Travelbase); false when the create
    // answers with the outcome itself, or with a pending booking to poll (Travomatrix).
    virtual bool ticketsSeparately() const = 0;

    virtual void fetchOffer(const QString &offerId, QObject *context, const AttemptLog &log,
                            std::function<void(GatewayResult<Offer>)> done) = 0;
    virtual void fetchWallet(QObject *context, const AttemptLog &log,
                             std::function<void(GatewayResult<Wallet>)> done) = 0;
    // `body` is sent byte for byte, with `idempotencyKey`, on every attempt.
    virtual void createOrder(const QByteArray &body, const QString &idempotencyKey,
                             QObject *context, const AttemptLog &log,
                             std::function<void(GatewayResult<OrderSnapshot>)> done) = 0;
    virtual void ticketOrder(const QString &orderId, const QString &idempotencyKey,
                             QObject *context, const AttemptLog &log,
                             std::function<void(GatewayResult<OrderSnapshot>)> done) = 0;
    virtual void fetchOrder(const QString &orderId, QObject *context, const AttemptLog &log,
                            std::function<void(GatewayResult<OrderSnapshot>)> done) = 0;

    // Cancelling a booking, in two steps. The quote changes nothing (no key; a lost answer
    // is asked again); the confirm carries its own Idempotency-Key — minted when the agent asks
    // to cancel, never the booking's — and is retried with it, so one refund whatever happens.
    virtual void quoteCancellation(const QString &orderId, QObject *context, const AttemptLog &log,
                                   std::function<void(GatewayResult<Cancellation>)> done) = 0;
    virtual void confirmCancellation(const Cancellation &quote, const QString &idempotencyKey,
                                     QObject *context, const AttemptLog &log,
                                     std::function<void(GatewayResult<Cancellation>)> done) = 0;

    // Changes a booking's contact details if it is still at `version` (optimistic concurrency):
    // a stale version fails as Kind::Conflict with nothing written, and only the caller can
    // re-read and re-apply. Each call mints its own Idempotency-Key, kept across the gateway's
    // retries, so a change whose answer was lost is never applied twice. A provider without
    // the operation fails with Kind::Rejected, "FD_NOT_SUPPORTED", and sends nothing.
    virtual void updateContact(const QString &orderId, int version, const ContactChange &change,
                               QObject *context, const AttemptLog &log,
                               std::function<void(GatewayResult<OrderSnapshot>)> done) = 0;
    // False for a provider without the operation: a caller then reads nothing first, and
    // updateContact() refuses, so not one request reaches that provider.
    virtual bool updatesContact() const { return true; }

    // Hears of every order a read (fetchOrder) brought back, on the reader's thread, before
    // the reader's own `done`: the desk queues a schedule change it shows (issue 13), whoever
    // read the order — a checkout's poll, a resume, a contact change.
    using OrderReadObserver = std::function<void(const OrderSnapshot &)>;
    void observeOrderReads(OrderReadObserver observer) { m_orderRead = std::move(observer); }

protected:
    // For the implementations' fetchOrder, on success.
    void orderRead(const OrderSnapshot &order) const {
        if (m_orderRead)
            m_orderRead(order);
    }

private:
    OrderReadObserver m_orderRead;
};

} // namespace fd
