#pragma once

#include "checkoutstate.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace fd {

// One checkout intent: everything needed to resend the exact same request after a crash.
struct Intent {
    qint64 id = 0;
    QString idempotencyKey; // UUID v4, minted and stored before any network call
    QString supersededKey;  // the key this intent replaced, empty for a first attempt
    QString provider;       // who sold the offer and books it: "travelbase", "travomatrix"
    QString offerId;
    QJsonObject offer;
    QJsonArray passengers;
    std::optional<QByteArray> requestBody; // the create body exactly as sent, once frozen
    CheckoutState state = CheckoutState::Draft;
    std::optional<ProviderStatus> providerStatus; // what the provider last said, if anything
    QString orderId;
    QString bookingReference;
    QString ticketKey; // Idempotency-Key of the ticket action
    QJsonArray eTickets;
    QString outcome;
    QString outcomeMessage;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString leaseOwner;
    QDateTime leaseExpiresAt;

    bool isFrozen() const { return requestBody.has_value(); }
    bool isFinal() const { return state::isFinal(state); }
    // Not final, and either sent (frozen) or submitted by the agent and cut short before
    // anything was sent. A draft the agent never submitted stays with the agent.
    bool isResumable() const;
};

struct JournalEvent {
    enum class Kind { State, Attempt, Webhook, Note };
    qint64 id = 0;
    qint64 intentId = 0; // 0 for a webhook about an order this desk does not (yet) know
    Kind kind = Kind::Note;
    QDateTime at;
    QJsonObject detail;
    QString webhookEventId;
};

// "state", "attempt", "webhook", "note": the journal's and the support output's name.
QString eventKindName(JournalEvent::Kind kind);

enum class WebhookResult {
    Applied,      // recorded and the intent moved forward
    Recorded,     // recorded; the intent was already at or past that state
    Duplicate,    // this event id was recorded before: nothing changed
    UnknownOrder, // no intent has this order id (yet): kept, matched if the order id appears
    ToConfirm,    // recorded; a failure is only believed after a by-id read of the order agrees
};

enum class LeaseResult { Granted, Refused };

} // namespace fd
