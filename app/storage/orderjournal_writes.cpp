// The journal's write operations on one intent. Each is a single BEGIN IMMEDIATE transaction.

#include "orderjournal.h"

#include <QJsonDocument>

#include "journalrows.h"

#include <QSqlQuery>
#include <QUuid>

namespace fd {

using namespace journalrows;
using Done = std::monostate;

namespace {

Error refused(const QString &code, const QString &message) {
    return sql::error(code, message);
}

Error finalError(const Intent &i) {
    return refused(QStringLiteral("FD_JOURNAL_FINAL"),
                   QStringLiteral("Intent %1 is %2 and can no longer change")
                       .arg(i.id)
                       .arg(state::name(i.state)));
}

Error frozenError(const Intent &i) {
    return refused(QStringLiteral("FD_JOURNAL_FROZEN"),
                   QStringLiteral("Intent %1 was already sent; its request can no longer change, "
                                  "start a new intent instead")
                       .arg(i.id));
}

// One UPDATE of named columns of one intent, with updated_at.
sql::Status updateColumns(QSqlDatabase &db, qint64 id, const QDateTime &at,
                          const QList<std::pair<QString, QVariant>> &columns) {
    QString set;
    for (const auto &c : columns)
        set += c.first + QStringLiteral(" = :") + c.first + QStringLiteral(", ");
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE intents SET ") + set +
              QStringLiteral("updated_at = :updated_at WHERE id = :id"));
    for (const auto &c : columns)
        q.bindValue(QLatin1Char(':') + c.first, c.second);
    q.bindValue(QStringLiteral(":updated_at"), timestamp(at));
    q.bindValue(QStringLiteral(":id"), id);
    return sql::exec(q, QStringLiteral("updating intent %1").arg(id));
}

// An intent whose offer and passengers may still change: not final, create body not frozen.
Result<Intent> loadEditable(QSqlDatabase &db, qint64 intentId) {
    auto i = loadIntent(db, intentId);
    if (!i)
        return i.error();
    if (i->isFinal())
        return finalError(*i);
    if (i->isFrozen())
        return frozenError(*i);
    return i;
}

} // namespace

OrderJournal::Status OrderJournal::updatePassengers(qint64 intentId, const QJsonArray &passengers) {
    return sql::inTx<Done>(
        writable(), sql::Durability::Batched, [&](QSqlDatabase &db) -> Result<Done> {
            if (auto editable = loadEditable(db, intentId); !editable)
                return editable.error();
            return updateColumns(db, intentId, now(),
                                 {{QStringLiteral("passengers_json"), compact(passengers)}});
        });
}

OrderJournal::Status OrderJournal::updateOffer(qint64 intentId, const QString &offerId,
                                               const QJsonObject &offer) {
    return sql::inTx<Done>(
        writable(), sql::Durability::Batched, [&](QSqlDatabase &db) -> Result<Done> {
            if (auto editable = loadEditable(db, intentId); !editable)
                return editable.error();
            return updateColumns(db, intentId, now(),
                                 {{QStringLiteral("offer_id"), offerId},
                                  {QStringLiteral("offer_json"), compact(offer)}});
        });
}

OrderJournal::Status OrderJournal::freezeBody(qint64 intentId, const QByteArray &body) {
    return sql::inTx<Done>(
        writable(), sql::Durability::Durable, [&](QSqlDatabase &db) -> Result<Done> {
            if (body.isEmpty())
                return refused(QStringLiteral("FD_JOURNAL_INVALID"),
                               QStringLiteral("An empty request body cannot be frozen"));
            auto i = loadIntent(db, intentId);
            if (!i)
                return i.error();
            if (i->isFrozen())
                return *i->requestBody == body ? Result<Done>(Done{})
                                               : Result<Done>(frozenError(*i));
            if (i->isFinal())
                return finalError(*i);
            return updateColumns(db, intentId, now(), {{QStringLiteral("request_body"), body}});
        });
}

namespace {
// The e-tickets an order.ticketed event carries in data.object.documents, as the journal keeps
// them ({passenger_id, unique_identifier}).
QJsonArray eTicketsOfEvent(const QByteArray &detailJson) {
    QJsonArray out;
    const QJsonObject event = QJsonDocument::fromJson(detailJson).object();
    const QJsonObject order =
        event.value(QLatin1String("data")).toObject().value(QLatin1String("object")).toObject();
    for (const QJsonValue &v : order.value(QLatin1String("documents")).toArray()) {
        const QJsonObject d = v.toObject();
        if (d.value(QLatin1String("type")).toString() == QLatin1String("electronic_ticket"))
            out.append(QJsonObject{
                {QStringLiteral("passenger_id"), d.value(QLatin1String("passenger_id"))},
                {QStringLiteral("unique_identifier"),
                 d.value(QLatin1String("unique_identifier"))}});
    }
    return out;
}
} // namespace

OrderJournal::Status OrderJournal::recordCreateResponse(qint64 intentId, const QString &orderId,
                                                        const QString &bookingReference,
                                                        bool mintTicketKey) {
    bool erased = false;
    auto r = sql::inTx<Done>(
        writable(), sql::Durability::Durable, [&](QSqlDatabase &db) -> Result<Done> {
            if (orderId.isEmpty())
                return refused(QStringLiteral("FD_JOURNAL_INVALID"),
                               QStringLiteral("An order id is required"));
            auto i = loadIntent(db, intentId);
            if (!i)
                return i.error();
            if (!i->orderId.isEmpty() && i->orderId != orderId)
                return refused(
                    QStringLiteral("FD_JOURNAL_CONFLICT"),
                    QStringLiteral("Intent %1 already has order %2; it cannot also have %3")
                        .arg(intentId)
                        .arg(i->orderId, orderId));
            auto other = selectByOrder(db, i->provider, orderId);
            if (!other)
                return other.error();
            if (other->has_value() && (*other)->id != intentId)
                return refused(QStringLiteral("FD_JOURNAL_CONFLICT"),
                               QStringLiteral("%1 order %2 already belongs to intent %3")
                                   .arg(i->provider, orderId)
                                   .arg((*other)->id));
            const QDateTime at = now();
            // The ticket action's key, when asked for, is minted with the order id in the same
            // flush: it must be on disk before ticketing is asked for, and this write already is.
            QList<std::pair<QString, QVariant>> columns = {
                {QStringLiteral("order_id"), orderId},
                {QStringLiteral("booking_reference"), bookingReference}};
            if (mintTicketKey && i->ticketKey.isEmpty())
                columns.append({QStringLiteral("ticket_key"),
                                QUuid::createUuid().toString(QUuid::WithoutBraces)});
            if (auto s = updateColumns(db, intentId, at, columns); !s)
                return s;
            // Webhooks may beat the create response: adopt them and apply the furthest state.
            QSqlQuery q(db);
            q.prepare(
                QStringLiteral("SELECT webhook_state, webhook_event_id, detail_json FROM events "
                               "WHERE intent_id IS NULL AND order_id = :o AND provider = :p "
                               "ORDER BY id"));
            q.bindValue(QStringLiteral(":o"), orderId);
            q.bindValue(QStringLiteral(":p"), i->provider);
            if (auto s = sql::exec(q, QStringLiteral("finding early webhooks")); !s)
                return s;
            std::optional<ProviderStatus> best;
            QString bestEvent;
            QJsonArray bestTickets;
            while (q.next()) {
                const auto st = state::providerStatusNamed(q.value(0).toString());
                // A failure waits for the flow's by-id read, as in applyWebhook.
                if (st && *st != ProviderStatus::Failed &&
                    (!best || state::rank(*st) > state::rank(*best))) {
                    best = *st;
                    bestEvent = q.value(1).toString();
                    bestTickets = eTicketsOfEvent(q.value(2).toByteArray());
                }
            }
            q.finish();
            QSqlQuery adopt(db);
            adopt.prepare(QStringLiteral(
                "UPDATE events SET intent_id = :id WHERE intent_id IS NULL AND order_id = :o "
                "AND provider = :p"));
            adopt.bindValue(QStringLiteral(":id"), intentId);
            adopt.bindValue(QStringLiteral(":o"), orderId);
            adopt.bindValue(QStringLiteral(":p"), i->provider);
            if (auto s = sql::exec(adopt, QStringLiteral("matching early webhooks")); !s)
                return s;
            if (!best)
                return Done{};
            if (auto raised = raiseProviderStatus(db, *i, *best); !raised)
                return raised.error();
            const auto outcome = state::outcomeOf(*best);
            if (outcome && state::rank(*outcome) > state::rank(i->state)) {
                erased = state::isFinal(*outcome);
                // The early event's ticket numbers are the booking's; keep them with the intent.
                if (*best == ProviderStatus::Ticketed && !bestTickets.isEmpty())
                    if (auto s = updateColumns(
                            db, intentId, at,
                            {{QStringLiteral("e_tickets_json"), compact(bestTickets)}});
                        !s)
                        return s;
                return moveState(db, *i, *outcome, at,
                                 {{QStringLiteral("cause"), QStringLiteral("early webhook")},
                                  {QStringLiteral("event"), bestEvent}});
            }
            return Done{};
        });
    if (r.ok() && erased)
        scrubWal();
    return r;
}

Result<QString> OrderJournal::recordTicketKey(qint64 intentId) {
    return sql::inTx<
        QString>(writable(), sql::Durability::Durable, [&](QSqlDatabase &db) -> Result<QString> {
        auto i = loadIntent(db, intentId);
        if (!i)
            return i.error();
        if (!i->ticketKey.isEmpty())
            return i->ticketKey;
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (auto s = updateColumns(db, intentId, now(), {{QStringLiteral("ticket_key"), key}}); !s)
            return s.error();
        return key;
    });
}

OrderJournal::Status OrderJournal::recordETickets(qint64 intentId, const QJsonArray &eTickets) {
    return sql::inTx<Done>(
        writable(), sql::Durability::Batched, [&](QSqlDatabase &db) -> Result<Done> {
            if (auto i = loadIntent(db, intentId); !i)
                return i.error();
            return updateColumns(db, intentId, now(),
                                 {{QStringLiteral("e_tickets_json"), compact(eTickets)}});
        });
}

OrderJournal::Status OrderJournal::setState(qint64 intentId, CheckoutState state,
                                            const QJsonObject &detail) {
    // A final state is on disk before the call returns (the erasure's checkpoint flushes it);
    // the states on the way are flushed with the next durable write.
    const sql::Durability durability =
        state::isFinal(state) ? thenDurable() : sql::Durability::Batched;
    bool moved = false;
    auto r = sql::inTx<Done>(writable(), durability, [&](QSqlDatabase &db) -> Result<Done> {
        auto i = loadIntent(db, intentId);
        if (!i)
            return i.error();
        if (i->state == state)
            return Done{};
        if (i->isFinal() && !state::isFinal(state))
            return finalError(*i);
        moved = true;
        return moveState(db, *i, state, now(), detail);
    });
    if (r.ok() && moved && state::isFinal(state))
        return makeDurable(true);
    return r;
}

OrderJournal::Status OrderJournal::recordProviderStatus(qint64 intentId, ProviderStatus status) {
    return sql::inTx<Done>(writable(), sql::Durability::Batched,
                           [&](QSqlDatabase &db) -> Result<Done> {
                               auto i = loadIntent(db, intentId);
                               if (!i)
                                   return i.error();
                               if (auto raised = raiseProviderStatus(db, *i, status); !raised)
                                   return raised.error();
                               return Done{};
                           });
}

OrderJournal::Status OrderJournal::setOutcome(qint64 intentId, CheckoutState outcome,
                                              const QString &message) {
    // An outcome is shown once this returns: durable, unless the final state it follows was.
    const auto current = intent(intentId);
    const sql::Durability durability =
        current && current->isFinal() ? sql::Durability::Batched : sql::Durability::Durable;
    return sql::inTx<Done>(writable(), durability, [&](QSqlDatabase &db) -> Result<Done> {
        if (auto i = loadIntent(db, intentId); !i)
            return i.error();
        return updateColumns(db, intentId, now(),
                             {{QStringLiteral("outcome"), QString(state::name(outcome))},
                              {QStringLiteral("outcome_message"), message}});
    });
}

Result<qint64> OrderJournal::recordAttempt(qint64 intentId, const QJsonObject &detail) {
    return sql::inTx<qint64>(
        writable(), sql::Durability::Batched, [&](QSqlDatabase &db) -> Result<qint64> {
            if (auto i = loadIntent(db, intentId); !i)
                return i.error();
            return insertEvent(
                db, {intentId, JournalEvent::Kind::Attempt, now(), detail, {}, {}, {}, {}});
        });
}

Result<qint64> OrderJournal::addNote(qint64 intentId, const QString &text) {
    return sql::inTx<qint64>(writable(), sql::Durability::Batched,
                             [&](QSqlDatabase &db) -> Result<qint64> {
                                 if (auto i = loadIntent(db, intentId); !i)
                                     return i.error();
                                 return insertEvent(db, {intentId,
                                                         JournalEvent::Kind::Note,
                                                         now(),
                                                         {{QStringLiteral("text"), text}},
                                                         {},
                                                         {},
                                                         {},
                                                         {}});
                             });
}

Result<Intent> OrderJournal::supersede(qint64 intentId) {
    auto r = sql::inTx<
        Intent>(writable(), sql::Durability::Durable, [&](QSqlDatabase &db) -> Result<Intent> {
        auto old = loadIntent(db, intentId);
        if (!old)
            return old.error();
        if (!old->orderId.isEmpty())
            return refused(QStringLiteral("FD_JOURNAL_HAS_ORDER"),
                           QStringLiteral("Intent %1 has order %2; it must never be booked again")
                               .arg(intentId)
                               .arg(old->orderId));
        if (old->state == CheckoutState::Superseded ||
            old->state == CheckoutState::OfferUnavailable || old->state == CheckoutState::Cancelled)
            return finalError(*old);
        const QDateTime at = now();
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "INSERT INTO intents (idempotency_key, superseded_key, offer_id, offer_json, "
            "passengers_json, state, provider, created_at, updated_at) "
            "VALUES (:key, :old, :offer_id, :offer, :passengers, :state, :provider, :at, :at)"));
        q.bindValue(QStringLiteral(":provider"), old->provider);
        q.bindValue(QStringLiteral(":key"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        q.bindValue(QStringLiteral(":old"), old->idempotencyKey);
        q.bindValue(QStringLiteral(":offer_id"), old->offerId);
        q.bindValue(QStringLiteral(":offer"), compact(old->offer));
        q.bindValue(QStringLiteral(":passengers"), compact(old->passengers));
        q.bindValue(QStringLiteral(":state"), QString(state::name(CheckoutState::Draft)));
        q.bindValue(QStringLiteral(":at"), timestamp(at));
        if (auto s = sql::exec(q, QStringLiteral("creating the successor intent")); !s)
            return s.error();
        const qint64 newId = q.lastInsertId().toLongLong();
        if (auto e = insertEvent(
                db, {newId,
                     JournalEvent::Kind::State,
                     at,
                     {{QStringLiteral("to"), QString(state::name(CheckoutState::Draft))},
                      {QStringLiteral("supersedes"), intentId}},
                     {},
                     {},
                     {},
                     {}});
            !e)
            return e.error();
        if (auto s = moveState(db, *old, CheckoutState::Superseded, at,
                               {{QStringLiteral("successor"), newId}});
            !s)
            return s.error();
        return loadIntent(db, newId);
    });
    if (r.ok())
        scrubWal();
    return r;
}

} // namespace fd
