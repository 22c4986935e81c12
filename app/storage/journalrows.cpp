#include "journalrows.h"

#include "pii.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace fd::journalrows {
namespace {

const QString kColumns = QStringLiteral(
    "id, idempotency_key, superseded_key, offer_id, offer_json, passengers_json, request_body, "
    "state, order_id, booking_reference, ticket_key, e_tickets_json, outcome, outcome_message, "
    "created_at, updated_at, lease_owner, lease_expires_ms, provider_status, provider");

QJsonDocument parse(const QVariant &v) {
    return QJsonDocument::fromJson(v.toString().toUtf8());
}

// A state this desk does not know was written by a newer FlightDesk: refused, never guessed.
Error unknownState(qint64 id, const QString &name) {
    return sql::error(QStringLiteral("FD_JOURNAL_UNKNOWN_STATE"),
                      QStringLiteral("Intent %1 is in state \"%2\", which this version of "
                                     "FlightDesk does not know; use the version that wrote it")
                          .arg(id)
                          .arg(name.left(40)));
}

Result<Intent> fromRow(const QSqlQuery &q) {
    Intent i;
    i.id = q.value(0).toLongLong();
    i.idempotencyKey = q.value(1).toString();
    i.supersededKey = q.value(2).toString();
    i.offerId = q.value(3).toString();
    i.offer = parse(q.value(4)).object();
    i.passengers = parse(q.value(5)).array();
    if (!q.value(6).isNull())
        i.requestBody = q.value(6).toByteArray();
    const auto state = state::checkoutStateNamed(q.value(7).toString());
    if (!state)
        return unknownState(i.id, q.value(7).toString());
    i.state = *state;
    i.provider = q.value(19).toString();
    if (!q.value(18).isNull()) {
        const auto status = state::providerStatusNamed(q.value(18).toString());
        if (!status)
            return unknownState(i.id, q.value(18).toString());
        i.providerStatus = *status;
    }
    i.orderId = q.value(8).toString();
    i.bookingReference = q.value(9).toString();
    i.ticketKey = q.value(10).toString();
    i.eTickets = parse(q.value(11)).array();
    i.outcome = q.value(12).toString();
    i.outcomeMessage = q.value(13).toString();
    i.createdAt = QDateTime::fromString(q.value(14).toString(), Qt::ISODateWithMs);
    i.updatedAt = QDateTime::fromString(q.value(15).toString(), Qt::ISODateWithMs);
    i.leaseOwner = q.value(16).toString();
    const qint64 expires = q.value(17).toLongLong();
    if (expires > 0)
        i.leaseExpiresAt = QDateTime::fromMSecsSinceEpoch(expires, Qt::UTC);
    return i;
}

QVariant nullable(const QString &s) {
    return s.isEmpty() ? QVariant() : QVariant(s);
}

} // namespace

QString timestamp(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODateWithMs);
}
QString compact(const QJsonObject &o) {
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
QString compact(const QJsonArray &a) {
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

Error notFound(qint64 intentId) {
    return sql::error(QStringLiteral("FD_JOURNAL_NOT_FOUND"),
                      QStringLiteral("No intent %1 in the journal").arg(intentId));
}

namespace {
// The one intent matching a fixed SQL condition over named parameters, if any.
Result<std::optional<Intent>> selectOne(QSqlDatabase &db, const QString &where,
                                        const QList<std::pair<QString, QVariant>> &binds,
                                        const QString &what) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM intents WHERE ") +
              where);
    for (const auto &[name, value] : binds)
        q.bindValue(name, value);
    if (auto s = sql::exec(q, what); !s)
        return s.error();
    if (!q.next())
        return std::optional<Intent>();
    auto i = fromRow(q);
    if (!i)
        return i.error();
    return std::optional<Intent>(std::move(i).value());
}
} // namespace

Result<std::optional<Intent>> selectIntent(QSqlDatabase &db, const QString &where,
                                           const QVariant &value) {
    return selectOne(db, where, {{QStringLiteral(":v"), value}},
                     QStringLiteral("reading an intent"));
}

Result<std::optional<Intent>> selectByOrder(QSqlDatabase &db, const QString &provider,
                                            const QString &orderId) {
    return selectOne(db, QStringLiteral("provider = :p AND order_id = :o"),
                     {{QStringLiteral(":p"), provider}, {QStringLiteral(":o"), orderId}},
                     QStringLiteral("reading an intent by order"));
}

Result<QList<Intent>> selectIntents(QSqlDatabase &db, const QString &whereAndOrder) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM intents ") +
                whereAndOrder))
        return sql::queryError(QStringLiteral("listing intents"), q);
    QList<Intent> out;
    while (q.next()) {
        auto i = fromRow(q);
        if (!i)
            return i.error();
        out.append(std::move(i).value());
    }
    return out;
}

Result<Intent> loadIntent(QSqlDatabase &db, qint64 intentId) {
    auto r = selectIntent(db, QStringLiteral("id = :v"), intentId);
    if (!r)
        return r.error();
    if (!r->has_value())
        return notFound(intentId);
    return std::move(**r);
}

Result<qint64> insertEvent(QSqlDatabase &db, const EventRow &row) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO events (intent_id, order_id, kind, at, detail_json, webhook_event_id, "
        "webhook_state, provider) VALUES (:intent, :order, :kind, :at, :detail, :event, :wstate, "
        ":provider) ON CONFLICT (webhook_event_id) DO NOTHING"));
    q.bindValue(QStringLiteral(":provider"), nullable(row.provider));
    q.bindValue(QStringLiteral(":intent"), row.intentId > 0 ? QVariant(row.intentId) : QVariant());
    q.bindValue(QStringLiteral(":order"), nullable(row.orderId));
    q.bindValue(QStringLiteral(":kind"), eventKindName(row.kind));
    q.bindValue(QStringLiteral(":at"), timestamp(row.at));
    q.bindValue(QStringLiteral(":detail"), compact(fd::erasePii(row.detail).toObject()));
    q.bindValue(QStringLiteral(":event"), nullable(row.webhookEventId));
    q.bindValue(QStringLiteral(":wstate"), nullable(row.webhookState));
    if (auto s = sql::exec(q, QStringLiteral("recording an event")); !s)
        return s.error();
    if (q.numRowsAffected() == 0)
        return qint64(0);
    return q.lastInsertId().toLongLong();
}

sql::Status erasePii(QSqlDatabase &db, Intent &intent) {
    intent.passengers = fd::erasePii(intent.passengers).toArray();
    if (intent.requestBody) {
        // A body that is somehow not JSON cannot be edited safely: drop it whole.
        const auto erased = erasePiiJson(*intent.requestBody);
        intent.requestBody = erased ? std::optional<QByteArray>(*erased) : std::nullopt;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "UPDATE intents SET passengers_json = :p, request_body = :b WHERE id = :id"));
    q.bindValue(QStringLiteral(":p"), compact(intent.passengers));
    q.bindValue(QStringLiteral(":b"), intent.requestBody
                                          ? QVariant(*intent.requestBody)
                                          : QVariant(QMetaType(QMetaType::QByteArray)));
    q.bindValue(QStringLiteral(":id"), intent.id);
    if (auto s = sql::exec(q, QStringLiteral("erasing passenger data")); !s)
        return s;
    if (sql::isPostgres(db))
        return sql::ok();
    // SQLite: the erased values live on in older WAL frames until a checkpoint copies the log
    // and truncates it. Recorded in the same transaction, so a process killed before its
    // checkpoint (or whose checkpoint a reader held up) leaves the next open to do it.
    return sql::execSql(db, QStringLiteral("INSERT INTO meta (key, value) VALUES "
                                           "('wal_scrub_pending', '1') ON CONFLICT (key) DO "
                                           "UPDATE SET value = '1'"));
}

sql::Status moveState(QSqlDatabase &db, Intent &intent, CheckoutState state, const QDateTime &at,
                      const QJsonObject &detail) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE intents SET state = :s, updated_at = :at WHERE id = :id"));
    q.bindValue(QStringLiteral(":s"), QString(state::name(state)));
    q.bindValue(QStringLiteral(":at"), timestamp(at));
    q.bindValue(QStringLiteral(":id"), intent.id);
    if (auto s = sql::exec(q, QStringLiteral("changing the state")); !s)
        return s;
    QJsonObject d = detail;
    d.insert(QStringLiteral("from"), state::name(intent.state));
    d.insert(QStringLiteral("to"), state::name(state));
    if (auto e = insertEvent(db, {intent.id, JournalEvent::Kind::State, at, d, {}, {}, {}, {}}); !e)
        return e.error();
    intent.state = state;
    intent.updatedAt = at;
    if (state::isFinal(state))
        return erasePii(db, intent);
    return sql::ok();
}

Result<bool> raiseProviderStatus(QSqlDatabase &db, Intent &intent, ProviderStatus status) {
    if (intent.providerStatus && state::rank(status) <= state::rank(*intent.providerStatus))
        return false;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE intents SET provider_status = :s WHERE id = :id"));
    q.bindValue(QStringLiteral(":s"), QString(state::name(status)));
    q.bindValue(QStringLiteral(":id"), intent.id);
    if (auto s = sql::exec(q, QStringLiteral("recording the provider's status")); !s)
        return s.error();
    intent.providerStatus = status;
    return true;
}

} // namespace fd::journalrows

namespace fd::journalrows {

Result<QList<Intent>> selectIntents(QSqlDatabase &db, const QString &whereAndOrder,
                                    const QList<std::pair<QString, QVariant>> &values) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM intents ") +
              whereAndOrder);
    for (const auto &[name, value] : values)
        q.bindValue(name, value);
    if (auto s = sql::exec(q, QStringLiteral("listing intents")); !s)
        return s.error();
    QList<Intent> out;
    while (q.next()) {
        auto i = fromRow(q);
        if (!i)
            return i.error();
        out.append(std::move(i).value());
    }
    return out;
}

} // namespace fd::journalrows
