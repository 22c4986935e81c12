#pragma once

// Row-level helpers the journal's operations share. Every function runs inside the caller's
// transaction on the caller's connection; none of them begins or commits.

#include "core/intent.h"
#include "sqlutil.h"

#include <QSqlDatabase>

#include <optional>

namespace fd::journalrows {

QString timestamp(const QDateTime &t); // RFC 3339 UTC with milliseconds
QString compact(const QJsonObject &o);
QString compact(const QJsonArray &a);

Error notFound(qint64 intentId);

// `where` is a fixed SQL condition with one named parameter `:v`.
Result<std::optional<Intent>> selectIntent(QSqlDatabase &db, const QString &where,
                                           const QVariant &value);
// The intent with this provider's order id (an order id is unique per provider).
Result<std::optional<Intent>> selectByOrder(QSqlDatabase &db, const QString &provider,
                                            const QString &orderId);
Result<QList<Intent>> selectIntents(QSqlDatabase &db, const QString &whereAndOrder);
Result<Intent> loadIntent(QSqlDatabase &db, qint64 intentId);

struct EventRow {
    qint64 intentId = 0; // 0 → NULL (a webhook not matched to an intent yet)
    JournalEvent::Kind kind = JournalEvent::Kind::Note;
    QDateTime at;
    QJsonObject detail; // PII is erased before it is stored, whatever the intent's state
    QString webhookEventId;
    QString orderId;
    QString webhookState; // the provider status the webhook reported, by name
    QString provider;     // a webhook's sender
};
// The new event's id, or 0 when a webhook with that event id was already recorded.
Result<qint64> insertEvent(QSqlDatabase &db, const EventRow &row);

// Moves `intent` to `state` (no checks), logs a state event, erases PII if final.
sql::Status moveState(QSqlDatabase &db, Intent &intent, CheckoutState state, const QDateTime &at,
                      const QJsonObject &detail);
// Records what the provider said when it ranks above what was recorded; true when it did.
Result<bool> raiseProviderStatus(QSqlDatabase &db, Intent &intent, ProviderStatus status);
sql::Status erasePii(QSqlDatabase &db, Intent &intent);
// The order was cancelled (an order.cancelled event): its cancellation still waiting for an
// answer, if any, ends `cancelled` (orderjournal_cancellations.cpp).
sql::Status closeOpenCancellations(QSqlDatabase &db, const QString &provider,
                                   const QString &orderId, const QDateTime &at);

} // namespace fd::journalrows

namespace fd::journalrows {

// Like selectIntents, as a prepared statement: `whereAndOrder` names parameters that `values`
// binds (":before" → 42), so a caller never splices a value into SQL.
Result<QList<Intent>> selectIntents(QSqlDatabase &db, const QString &whereAndOrder,
                                    const QList<std::pair<QString, QVariant>> &values);

} // namespace fd::journalrows
