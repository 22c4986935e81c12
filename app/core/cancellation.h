#pragma once

#include "bookinggateway.h"
#include "result.h"

#include <QAnyStringView>
#include <QDateTime>
#include <QJsonObject>
#include <QLatin1String>
#include <QList>
#include <QString>

#include <optional>
#include <variant>

namespace fd {

// Where one cancellation of a booking stands. Each state has one row in the table in
// cancellation.cpp: its name (the journal's and the CLI's word), whether the confirm may have
// been sent, whether it is final, the CLI's exit code and the agent's words.
enum class CancellationState : unsigned char {
    Quoted,         // the quote and its key are stored; nothing was confirmed yet
    Confirming,     // the agent said yes: the confirm is (being) sent with the key
    Unresolved,     // the confirm's retries were spent: it may have executed; resume asks again
    Cancelled,      // the provider confirmed it (or an order.cancelled event said so)
    NotCancellable, // the provider refused (422): nothing changed
    QuoteExpired,   // the quote ran out before it was confirmed: nothing changed
    Abandoned,      // the agent said no, or asked for a fresh quote: nothing was sent
    Error,          // refused for another reason; support decides
};

namespace cancellation {

QList<CancellationState> all();
// "confirming", "quote_expired": the journal's and the CLI's words.
QLatin1String name(CancellationState s);
std::optional<CancellationState> named(QAnyStringView name);
// No request will be sent for it again.
bool isFinal(CancellationState s);
// The confirm may have been sent and no outcome is known: only a confirm with the SAME key
// may follow (resume), never a second quote.
bool mayHaveExecuted(CancellationState s);
// `flightdesk cancel`'s exit code when it stops here: 0 cancelled, 1 error, 2 not confirmed,
// 3 not cancellable, 4 quote expired, 6 unresolved, 7 interrupted (confirming).
int exitCode(CancellationState s);
// The agent's words, untranslated: the UI passes them through
// QCoreApplication::translate("fd::CancellationState", ...).
const char *label(CancellationState s);

} // namespace cancellation

// One cancellation as the journal keeps it: the quote, and the key its confirm is sent with.
struct CancellationRecord {
    QString idempotencyKey; // UUID v4, minted with the quote, stored before any confirm
    qint64 intentId = 0;    // the booking's intent on this desk; 0 when the desk did not book it
    QString provider;
    Cancellation quote;
    CancellationState state = CancellationState::Quoted;
    QString message; // the provider's words for a refusal, or why it stopped
    QDateTime createdAt;
    QDateTime updatedAt;

    bool isFinal() const { return cancellation::isFinal(state); }
};

// The durable record of cancellations. The journal in app/storage implements it.
class CancellationJournal {
public:
    using Status = Result<std::monostate>;
    virtual ~CancellationJournal() = default;

    // Stores a fresh quote of `provider`'s order with a NEW key, before anything can be
    // confirmed. An older quote of the same order that was never confirmed is closed as
    // abandoned in the same transaction. Refused (FD_CANCELLATION_IN_PROGRESS) while a confirm
    // of that order may have been sent: that one is finished with its own key, never requoted.
    virtual Result<CancellationRecord> recordCancellationQuote(const QString &provider,
                                                               const Cancellation &quote) = 0;
    virtual Result<CancellationRecord> cancellation(const QString &idempotencyKey) const = 0;
    // The cancellation of that order whose confirm may have been sent (confirming, unresolved).
    virtual Result<std::optional<CancellationRecord>>
    openCancellation(const QString &provider, const QString &orderId) const = 0;
    // Every cancellation whose confirm may have been sent, oldest first (resume's list).
    virtual Result<QList<CancellationRecord>> unfinishedCancellations() const = 0;
    // Moves a cancellation on; a final one never changes (a second `cancelled` is fine and
    // changes nothing). `confirming` is durable before the call returns: the confirm is sent
    // only after it. `cancelled` also moves the booking's intent to Cancelled, once.
    virtual Status setCancellationState(const QString &idempotencyKey, CancellationState state,
                                        const QString &message = {}) = 0;
    // One attempt of the confirm, in the booking's event log (when this desk booked it).
    virtual void recordCancellationAttempt(qint64 intentId, const QJsonObject &detail) = 0;
};

} // namespace fd
