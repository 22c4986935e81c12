#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1String>
#include <QList>
#include <QString>

#include <optional>

namespace fd {

// Every state an intent can be in, by the name the journal stores: the flow's own steps and
// the provider's order statuses, in one table (intent.cpp) with one rank each. Information from
// outside — a webhook, a poll, a resume — only ever moves an intent to a HIGHER rank; the flow's
// own detours (invalid input → validating, a top-up, a safe retry) are the agent's doing.
namespace IntentState {
// Before anything was sent (rank 0).
inline constexpr QLatin1String Draft{"draft"};
inline constexpr QLatin1String Editing{"editing"};
inline constexpr QLatin1String Validating{"validating"};
inline constexpr QLatin1String InvalidInput{"invalid_input"};
inline constexpr QLatin1String InsufficientFunds{"insufficient_funds"};
// The create may have been sent (rank 1).
inline constexpr QLatin1String Creating{"creating"};
inline constexpr QLatin1String Interrupted{"interrupted"};
// The order exists (ranks 2-4).
inline constexpr QLatin1String Pending{"pending"};
inline constexpr QLatin1String Ticketing{"ticketing"};
inline constexpr QLatin1String InProgress{"in_progress"};
inline constexpr QLatin1String Processing{"processing"};
inline constexpr QLatin1String Unresolved{"unresolved"};
// The provider's outcomes (ranks 5-6).
inline constexpr QLatin1String Ticketed{"ticketed"};
inline constexpr QLatin1String Failed{"failed"};
inline constexpr QLatin1String Cancelled{"cancelled"};
// Local finals (rank 7): no provider news revives them.
inline constexpr QLatin1String OfferUnavailable{"offer_unavailable"};
inline constexpr QLatin1String Rejected{"rejected"};     // retryable:false, nothing booked
inline constexpr QLatin1String Superseded{"superseded"}; // replaced by an intent with a new key
inline constexpr QLatin1String Error{"error"}; // "do not retry": support decides, never resent

// Every state of the table, lowest rank first.
QList<QLatin1String> all();
// A network step is under way (validating, creating, ticketing, processing).
bool isBusy(const QString &state);
// Stopped where an agent or support must act (interrupted, insufficient funds, unresolved,
// error).
bool needsAttention(const QString &state);
// The agent's words for the state (orders page, timeline), untranslated: the UI passes them
// through QCoreApplication::translate("fd::IntentState", ...). An unknown name gets itself.
const char *label(const QString &state);
// Final: no request will ever be sent for this intent again, so its passenger PII is erased.
bool isFinal(const QString &state);
// The table's rank; an unknown name ranks 0 (never above anything a provider said).
int rank(const QString &state);
// An order status the provider reports (webhook or read): pending, in_progress, ticketed,
// failed, cancelled.
bool isProviderStatus(const QString &state);
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
