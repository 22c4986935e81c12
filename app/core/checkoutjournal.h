#pragma once

#include "intent.h"
#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <chrono>
#include <variant>

namespace fd {

// The durable record the checkout flow writes before and after every network step. The
// SQLite journal in app/storage implements it; core never sees SQL.
class CheckoutJournal {
public:
    using Status = Result<std::monostate>;
    virtual ~CheckoutJournal() = default;

    virtual Result<Intent> intent(qint64 intentId) const = 0;
    virtual Status updatePassengers(qint64 intentId, const QJsonArray &passengers) = 0;
    virtual Status updateOffer(qint64 intentId, const QString &offerId,
                               const QJsonObject &offer) = 0;
    virtual Status freezeBody(qint64 intentId, const QByteArray &body) = 0;
    // mintTicketKey: the ticket action's key is minted in the same write (a provider that
    // tickets separately), so it is on disk before ticketing is asked for at no extra flush.
    virtual Status recordCreateResponse(qint64 intentId, const QString &orderId,
                                        const QString &bookingReference,
                                        bool mintTicketKey = false) = 0;
    virtual Result<QString> recordTicketKey(qint64 intentId) = 0;
    virtual Status recordETickets(qint64 intentId, const QJsonArray &eTickets) = 0;
    virtual Status setState(qint64 intentId, CheckoutState state,
                            const QJsonObject &detail = {}) = 0;
    // What the provider last said about the order; a lower rank than the recorded one is kept
    // as history only (a late "pending" never hides "ticketed").
    virtual Status recordProviderStatus(qint64 intentId, ProviderStatus status) = 0;
    virtual Status setOutcome(qint64 intentId, CheckoutState outcome, const QString &message) = 0;
    virtual Result<qint64> recordAttempt(qint64 intentId, const QJsonObject &detail) = 0;
    virtual Result<qint64> addNote(qint64 intentId, const QString &text) = 0;
    virtual Result<Intent> supersede(qint64 intentId) = 0;
    virtual Result<LeaseResult> acquireLease(qint64 intentId, const QString &ownerId,
                                             const QDateTime &now,
                                             std::chrono::milliseconds ttl) = 0;
    virtual Result<LeaseResult> renewLease(qint64 intentId, const QString &ownerId,
                                           const QDateTime &now, std::chrono::milliseconds ttl) = 0;
    virtual Status releaseLease(qint64 intentId, const QString &ownerId) = 0;
    // A worker thread that is about to end lets go of its own connection (JournalQueue).
    virtual void closeThreadConnection() {}
};

} // namespace fd
