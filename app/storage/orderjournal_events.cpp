// Webhooks, the event log and the per-intent lease.

#include "orderjournal.h"

#include "journalrows.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace fd {

using namespace journalrows;

namespace {

JournalEvent::Kind kindFromName(const QString &s) {
    if (s == QLatin1String("state"))
        return JournalEvent::Kind::State;
    if (s == QLatin1String("attempt"))
        return JournalEvent::Kind::Attempt;
    if (s == QLatin1String("webhook"))
        return JournalEvent::Kind::Webhook;
    return JournalEvent::Kind::Note;
}

Error invalid(const QString &what) {
    return sql::error(QStringLiteral("FD_JOURNAL_INVALID"), what);
}

} // namespace

Result<WebhookResult> OrderJournal::applyWebhook(const QString &eventId, const QString &orderId,
                                                 std::optional<ProviderStatus> status,
                                                 const QJsonObject &payload,
                                                 const QJsonArray &eTickets,
                                                 const QString &provider) {
    // Answered 2xx only once durable: committed, then flushed (with the erasure's checkpoint
    // when the event closed the checkout, one flush for both).
    bool erased = false;
    auto r = sql::inTx<WebhookResult>(
        writable(), thenDurable(), [&](QSqlDatabase &db) -> Result<WebhookResult> {
            if (eventId.isEmpty() || orderId.isEmpty() || provider.isEmpty())
                return invalid(
                    QStringLiteral("A webhook needs an event id, an order id and a provider"));
            auto found = selectByOrder(db, provider, orderId);
            if (!found)
                return found.error();
            const qint64 intentId = found->has_value() ? (*found)->id : 0;
            const QDateTime at = now();
            auto e = insertEvent(db, {intentId, JournalEvent::Kind::Webhook, at, payload, eventId,
                                      orderId, status ? QString(state::name(*status)) : QString(),
                                      provider});
            if (!e)
                return e.error();
            if (*e == 0)
                return WebhookResult::Duplicate;
            // A cancellation waiting for its confirm's answer ends here when the event comes
            // first (the answer, when it comes, changes nothing); also for an order this desk
            // did not book but cancelled.
            if (status == ProviderStatus::Cancelled)
                if (auto s = closeOpenCancellations(db, provider, orderId, at); !s)
                    return s.error();
            if (intentId == 0)
                return WebhookResult::UnknownOrder;
            Intent &intent = **found;
            if (!status)
                return WebhookResult::Recorded;
            // "Failed, nothing charged" invites a second booking: a signed event alone is not
            // enough to say it. The flow reads the order by id (strongly consistent) and decides.
            if (*status == ProviderStatus::Failed)
                return intent.isFinal() ? WebhookResult::Recorded : WebhookResult::ToConfirm;
            auto raised = raiseProviderStatus(db, intent, *status);
            if (!raised)
                return raised.error();
            const auto outcome = state::outcomeOf(*status);
            if (!outcome || state::rank(*outcome) <= state::rank(intent.state))
                return *raised ? WebhookResult::Applied : WebhookResult::Recorded;
            if (*status == ProviderStatus::Ticketed && !eTickets.isEmpty()) {
                QSqlQuery q(db);
                q.prepare(QStringLiteral("UPDATE intents SET e_tickets_json = :t WHERE id = :id"));
                q.bindValue(QStringLiteral(":t"), compact(eTickets));
                q.bindValue(QStringLiteral(":id"), intentId);
                if (auto s = sql::exec(q, QStringLiteral("recording e-tickets")); !s)
                    return s.error();
            }
            if (auto s = moveState(db, intent, *outcome, at,
                                   {{QStringLiteral("cause"), QStringLiteral("webhook")},
                                    {QStringLiteral("event"), eventId}});
                !s)
                return s.error();
            erased = state::isFinal(*outcome);
            return WebhookResult::Applied;
        });
    if (!r)
        return r;
    if (auto d = makeDurable(erased); !d)
        return d.error();
    return r;
}

Result<QList<JournalEvent>> OrderJournal::events(qint64 intentId) const {
    auto db = connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, intent_id, kind, at, detail_json, webhook_event_id "
                             "FROM events WHERE intent_id = :id ORDER BY id"));
    q.bindValue(QStringLiteral(":id"), intentId);
    if (auto s = sql::exec(q, QStringLiteral("reading events")); !s)
        return s.error();
    QList<JournalEvent> out;
    while (q.next()) {
        JournalEvent e;
        e.id = q.value(0).toLongLong();
        e.intentId = q.value(1).toLongLong();
        e.kind = kindFromName(q.value(2).toString());
        e.at = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs);
        e.detail = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
        e.webhookEventId = q.value(5).toString();
        out.append(e);
    }
    return out;
}

Result<LeaseResult> OrderJournal::acquireLease(qint64 intentId, const QString &ownerId,
                                               const QDateTime &now,
                                               std::chrono::milliseconds ttl) {
    // Batched: a power cut that loses the lease also stopped its holder.
    return sql::inTx<LeaseResult>(
        writable(), sql::Durability::Batched, [&](QSqlDatabase &db) -> Result<LeaseResult> {
            if (ownerId.isEmpty() || ttl.count() <= 0)
                return invalid(QStringLiteral("A lease needs an owner and a positive duration"));
            // A holder that died (kill -9, crash) on this machine cannot renew: its lease is void.
            QString deadOwner;
            const auto current = loadIntent(db, intentId);
            if (!current)
                return current.error();
            if (!current->leaseOwner.isEmpty() && OrderJournal::ownerIsGone(current->leaseOwner))
                deadOwner = current->leaseOwner;
            // The whole test-and-set is this one statement under SQLite's write lock.
            QSqlQuery q(db);
            q.prepare(QStringLiteral(
                "UPDATE intents SET lease_owner = :owner, lease_expires_ms = :expires WHERE id = "
                ":id "
                "AND (lease_owner IS NULL OR lease_owner = :owner OR lease_expires_ms <= :now "
                "OR lease_owner = :dead)"));
            q.bindValue(QStringLiteral(":dead"), deadOwner.isEmpty() ? QString() : deadOwner);
            q.bindValue(QStringLiteral(":owner"), ownerId);
            q.bindValue(QStringLiteral(":expires"), now.toMSecsSinceEpoch() + ttl.count());
            q.bindValue(QStringLiteral(":id"), intentId);
            q.bindValue(QStringLiteral(":now"), now.toMSecsSinceEpoch());
            if (auto s = sql::exec(q, QStringLiteral("taking the lease")); !s)
                return s.error();
            if (q.numRowsAffected() == 1)
                return LeaseResult::Granted;
            if (auto i = loadIntent(db, intentId); !i)
                return i.error();
            return LeaseResult::Refused;
        });
}

Result<LeaseResult> OrderJournal::renewLease(qint64 intentId, const QString &ownerId,
                                             const QDateTime &now, std::chrono::milliseconds ttl) {
    return sql::inTx<LeaseResult>(
        writable(), sql::Durability::Batched, [&](QSqlDatabase &db) -> Result<LeaseResult> {
            if (ownerId.isEmpty() || ttl.count() <= 0)
                return invalid(QStringLiteral("A lease needs an owner and a positive duration"));
            // Still recorded as ours means nobody took it over, even if it ran out meanwhile.
            QSqlQuery q(db);
            q.prepare(QStringLiteral("UPDATE intents SET lease_expires_ms = :expires "
                                     "WHERE id = :id AND lease_owner = :owner"));
            q.bindValue(QStringLiteral(":expires"), now.toMSecsSinceEpoch() + ttl.count());
            q.bindValue(QStringLiteral(":id"), intentId);
            q.bindValue(QStringLiteral(":owner"), ownerId);
            if (auto s = sql::exec(q, QStringLiteral("renewing the lease")); !s)
                return s.error();
            if (q.numRowsAffected() == 1)
                return LeaseResult::Granted;
            if (auto i = loadIntent(db, intentId); !i)
                return i.error();
            return LeaseResult::Refused;
        });
}

OrderJournal::Status OrderJournal::releaseLease(qint64 intentId, const QString &ownerId) {
    return sql::inTx<std::monostate>(
        writable(), sql::Durability::Batched, [&](QSqlDatabase &db) -> Status {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("UPDATE intents SET lease_owner = NULL, lease_expires_ms = 0 "
                                     "WHERE id = :id AND lease_owner = :owner"));
            q.bindValue(QStringLiteral(":id"), intentId);
            q.bindValue(QStringLiteral(":owner"), ownerId);
            return sql::exec(q, QStringLiteral("releasing the lease"));
        });
}

} // namespace fd
