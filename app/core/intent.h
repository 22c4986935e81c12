#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1String>
#include <QString>

#include <optional>

namespace fd {

// The states the journal knows by name. The checkout flow may use other non-final names for
// its own steps (they rank lowest); these are the ones the journal's rules depend on.
namespace IntentState {
inline constexpr QLatin1String Draft{"draft"};
inline constexpr QLatin1String Pending{"pending"};
inline constexpr QLatin1String InProgress{"in_progress"};
inline constexpr QLatin1String Ticketed{"ticketed"};
inline constexpr QLatin1String Failed{"failed"};
inline constexpr QLatin1String Cancelled{"cancelled"};
inline constexpr QLatin1String OfferUnavailable{"offer_unavailable"};
inline constexpr QLatin1String Rejected{"rejected"};     // retryable:false, nothing booked
inline constexpr QLatin1String Superseded{"superseded"}; // replaced by an intent with a new key

// Final: no request will ever be sent for this intent again, so its passenger PII is erased.
bool isFinal(const QString &state);
// Webhook ordering: pending < in_progress < ticketed|failed < cancelled < local finals.
// Unknown (flow-local) states rank 0. A webhook only ever moves an intent to a higher rank.
int rank(const QString &state);
} // namespace IntentState

// One checkout intent: everything needed to resend the exact same request after a crash.
struct Intent {
    qint64 id = 0;
    QString idempotencyKey; // UUID v4, minted and stored before any network call
    QString supersededKey;  // the key this intent replaced, empty for a first attempt
    QString offerId;
    QJsonObject offer;
    QJsonArray passengers;
    std::optional<QByteArray> requestBody; // the create body exactly as sent, once frozen
    QString state;
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
    bool isFinal() const { return IntentState::isFinal(state); }
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
};

enum class LeaseResult { Granted, Refused };

} // namespace fd
