// Cancellations of bookings: each quote with the key its confirm is sent with.

#include "orderjournal.h"

#include "journalrows.h"

#include <QSqlQuery>
#include <QUuid>

namespace fd {

using namespace journalrows;
using Done = std::monostate;

namespace {

const QString kColumns = QStringLiteral(
    "idempotency_key, intent_id, provider, order_id, quote_id, refund_amount, refund_currency, "
    "expires_at, state, message, created_at, updated_at");

// The states whose confirm may be outstanding; the partial unique index uses the same list.
const QString kOpenStates = QStringLiteral("('quoted', 'confirming', 'unresolved')");

Result<CancellationRecord> fromRow(const QSqlQuery &q) {
    CancellationRecord r;
    r.idempotencyKey = q.value(0).toString();
    r.intentId = q.value(1).isNull() ? 0 : q.value(1).toLongLong();
    r.provider = q.value(2).toString();
    r.quote.orderId = q.value(3).toString();
    r.quote.quoteId = q.value(4).toString();
    auto refund = Money::parse(q.value(5).toString(), q.value(6).toString());
    if (!refund)
        return sql::error(QStringLiteral("FD_JOURNAL_CORRUPT"),
                          QStringLiteral("cancellation %1 has an unreadable refund (%2)")
                              .arg(r.idempotencyKey, refund.error().message));
    r.quote.refund = *refund;
    r.quote.expiresAt = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
    const auto state = cancellation::named(q.value(8).toString());
    if (!state)
        return sql::error(QStringLiteral("FD_JOURNAL_CORRUPT"),
                          QStringLiteral("cancellation %1 has an unknown state \"%2\"")
                              .arg(r.idempotencyKey, q.value(8).toString().left(40)));
    r.state = *state;
    r.quote.confirmed = r.state == CancellationState::Cancelled;
    r.message = q.value(9).toString();
    r.createdAt = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
    r.updatedAt = QDateTime::fromString(q.value(11).toString(), Qt::ISODateWithMs);
    return r;
}

// `where` names parameters that `values` binds; never a spliced value.
Result<QList<CancellationRecord>> select(QSqlDatabase &db, const QString &whereAndOrder,
                                         const QList<std::pair<QString, QVariant>> &values) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM cancellations ") +
              whereAndOrder);
    for (const auto &[name, value] : values)
        q.bindValue(name, value);
    if (auto s = sql::exec(q, QStringLiteral("reading cancellations")); !s)
        return s.error();
    QList<CancellationRecord> out;
    while (q.next()) {
        auto r = fromRow(q);
        if (!r)
            return r.error();
        out.append(std::move(r).value());
    }
    return out;
}

sql::Status updateState(QSqlDatabase &db, const QString &key, CancellationState state,
                        const QString &message, const QDateTime &at) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE cancellations SET state = :s, message = :m, updated_at = :at "
                             "WHERE idempotency_key = :k"));
    q.bindValue(QStringLiteral(":s"), QString(cancellation::name(state)));
    q.bindValue(QStringLiteral(":m"), message);
    q.bindValue(QStringLiteral(":at"), timestamp(at));
    q.bindValue(QStringLiteral(":k"), key);
    return sql::exec(q, QStringLiteral("recording the cancellation's state"));
}

Error notFoundKey(const QString &key) {
    return sql::error(QStringLiteral("FD_JOURNAL_NOT_FOUND"),
                      QStringLiteral("No cancellation with key %1 in the journal").arg(key));
}

} // namespace

namespace journalrows {

sql::Status closeOpenCancellations(QSqlDatabase &db, const QString &provider,
                                   const QString &orderId, const QDateTime &at) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE cancellations SET state = 'cancelled', updated_at = :at "
                             "WHERE provider = :p AND order_id = :o AND state IN ") +
              kOpenStates);
    q.bindValue(QStringLiteral(":at"), timestamp(at));
    q.bindValue(QStringLiteral(":p"), provider);
    q.bindValue(QStringLiteral(":o"), orderId);
    return sql::exec(q, QStringLiteral("closing the order's cancellation"));
}

} // namespace journalrows

Result<CancellationRecord> OrderJournal::recordCancellationQuote(const QString &provider,
                                                                 const Cancellation &quote) {
    return sql::inTx<CancellationRecord>(
        writable(), sql::Durability::Durable, [&](QSqlDatabase &db) -> Result<CancellationRecord> {
            if (provider.isEmpty() || quote.orderId.isEmpty() || quote.quoteId.isEmpty() ||
                quote.refund.currency().isEmpty())
                return sql::error(QStringLiteral("FD_JOURNAL_INVALID"),
                                  QStringLiteral("A cancellation quote needs a provider, an "
                                                 "order, a quote id and a refund"));
            auto open =
                select(db,
                       QStringLiteral("WHERE provider = :p AND order_id = :o AND state "
                                      "IN ") +
                           kOpenStates,
                       {{QStringLiteral(":p"), provider}, {QStringLiteral(":o"), quote.orderId}});
            if (!open)
                return open.error();
            const QDateTime at = now();
            for (const CancellationRecord &r : std::as_const(*open)) {
                if (cancellation::mayHaveExecuted(r.state))
                    return sql::error(
                        QStringLiteral("FD_CANCELLATION_IN_PROGRESS"),
                        QStringLiteral("A cancellation of order %1 was already confirmed and is "
                                       "being finished (key %2)")
                            .arg(quote.orderId, r.idempotencyKey));
                // Never confirmed: nothing was sent with its key, so it simply ends here.
                if (auto s = updateState(db, r.idempotencyKey, CancellationState::Abandoned,
                                         QStringLiteral("replaced by a new quote"), at);
                    !s)
                    return s.error();
            }
            auto booked = selectByOrder(db, provider, quote.orderId);
            if (!booked)
                return booked.error();
            CancellationRecord r;
            r.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
            r.intentId = booked->has_value() ? (*booked)->id : 0;
            r.provider = provider;
            r.quote = quote;
            r.quote.confirmed = false;
            r.state = CancellationState::Quoted;
            r.createdAt = at;
            r.updatedAt = at;
            QSqlQuery q(db);
            q.prepare(QStringLiteral("INSERT INTO cancellations (") + kColumns +
                      QStringLiteral(") VALUES (:k, :i, :p, :o, :q, :ra, :rc, :e, :s, NULL, "
                                     ":c, :u)"));
            q.bindValue(QStringLiteral(":k"), r.idempotencyKey);
            q.bindValue(QStringLiteral(":i"), r.intentId > 0
                                                  ? QVariant(r.intentId)
                                                  : QVariant(QMetaType::fromType<qlonglong>()));
            q.bindValue(QStringLiteral(":p"), provider);
            q.bindValue(QStringLiteral(":o"), quote.orderId);
            q.bindValue(QStringLiteral(":q"), quote.quoteId);
            q.bindValue(QStringLiteral(":ra"), quote.refund.amount());
            q.bindValue(QStringLiteral(":rc"), quote.refund.currency());
            q.bindValue(QStringLiteral(":e"), timestamp(quote.expiresAt));
            q.bindValue(QStringLiteral(":s"), QString(cancellation::name(r.state)));
            q.bindValue(QStringLiteral(":c"), timestamp(at));
            q.bindValue(QStringLiteral(":u"), timestamp(at));
            if (auto s = sql::exec(q, QStringLiteral("recording the cancellation quote")); !s)
                return s.error();
            return r;
        });
}

Result<CancellationRecord> OrderJournal::cancellation(const QString &idempotencyKey) const {
    auto db = connection();
    if (!db)
        return db.error();
    auto found = select(*db, QStringLiteral("WHERE idempotency_key = :k"),
                        {{QStringLiteral(":k"), idempotencyKey}});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return notFoundKey(idempotencyKey);
    return found->first();
}

Result<std::optional<CancellationRecord>>
OrderJournal::openCancellation(const QString &provider, const QString &orderId) const {
    auto db = connection();
    if (!db)
        return db.error();
    auto found = select(*db,
                        QStringLiteral("WHERE provider = :p AND order_id = :o AND state IN "
                                       "('confirming', 'unresolved')"),
                        {{QStringLiteral(":p"), provider}, {QStringLiteral(":o"), orderId}});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<CancellationRecord>();
    return std::optional<CancellationRecord>(found->first());
}

Result<QList<CancellationRecord>> OrderJournal::unfinishedCancellations() const {
    auto db = connection();
    if (!db)
        return db.error();
    return select(*db,
                  QStringLiteral("WHERE state IN ('confirming', 'unresolved') ORDER BY "
                                 "created_at, idempotency_key"),
                  {});
}

Result<QList<CancellationRecord>> OrderJournal::cancellationsOf(const QString &provider,
                                                                const QString &orderId) const {
    auto db = connection();
    if (!db)
        return db.error();
    return select(*db,
                  QStringLiteral("WHERE provider = :p AND order_id = :o ORDER BY created_at "
                                 "DESC, idempotency_key"),
                  {{QStringLiteral(":p"), provider}, {QStringLiteral(":o"), orderId}});
}

OrderJournal::Status OrderJournal::setCancellationState(const QString &idempotencyKey,
                                                        CancellationState state,
                                                        const QString &message) {
    // `confirming` is on disk before the confirm's first byte; an outcome before it is shown.
    const sql::Durability durability =
        state == CancellationState::Quoted ? sql::Durability::Batched : sql::Durability::Durable;
    bool erased = false;
    auto done = sql::inTx<Done>(writable(), durability, [&](QSqlDatabase &db) -> Result<Done> {
        auto found = select(db, QStringLiteral("WHERE idempotency_key = :k"),
                            {{QStringLiteral(":k"), idempotencyKey}});
        if (!found)
            return found.error();
        if (found->isEmpty())
            return notFoundKey(idempotencyKey);
        const CancellationRecord &r = found->first();
        if (r.state == state)
            return Done{};
        if (r.isFinal())
            return sql::error(QStringLiteral("FD_JOURNAL_FINAL"),
                              QStringLiteral("The cancellation %1 is %2 and can no longer change")
                                  .arg(idempotencyKey, cancellation::name(r.state)));
        // A confirm that may have executed never goes back to "not confirmed".
        if (cancellation::mayHaveExecuted(r.state) &&
            (state == CancellationState::Quoted || state == CancellationState::Abandoned))
            return sql::error(QStringLiteral("FD_JOURNAL_FINAL"),
                              QStringLiteral("The cancellation %1 was confirmed; it can only be "
                                             "finished")
                                  .arg(idempotencyKey));
        const QDateTime at = now();
        if (auto s = updateState(db, idempotencyKey, state, message, at); !s)
            return s.error();
        if (state != CancellationState::Cancelled || r.intentId <= 0)
            return Done{};
        // The booking is cancelled: its intent moves once (an order.cancelled event that came
        // first moved it already, and this changes nothing).
        auto intent = loadIntent(db, r.intentId);
        if (!intent)
            return intent.error();
        if (auto raised = raiseProviderStatus(db, *intent, ProviderStatus::Cancelled); !raised)
            return raised.error();
        if (state::rank(CheckoutState::Cancelled) <= state::rank(intent->state))
            return Done{};
        erased = !intent->isFinal(); // a booking cancelled before it was ticketed
        return moveState(db, *intent, CheckoutState::Cancelled, at,
                         {{QStringLiteral("cause"), QStringLiteral("cancellation")},
                          {QStringLiteral("idempotency_key"), idempotencyKey}});
    });
    if (done && erased)
        return makeDurable(true); // the erased passports leave the WAL too
    return done;
}

void OrderJournal::recordCancellationAttempt(qint64 intentId, const QJsonObject &detail) {
    recordAttempt(intentId, detail); // best effort, like every attempt row
}

} // namespace fd
