// The schedule-change queue: flight times the airline changed after booking, until an agent
// acknowledges them.

#include "orderjournal.h"

#include "journalrows.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace fd {

using namespace journalrows;

namespace {

const QString kColumns = QStringLiteral(
    "s.id, s.provider, s.order_id, s.order_version, s.intent_id, s.event_id, s.old_json, "
    "s.new_json, s.received_at, s.acknowledged_at, s.acknowledged_by, i.booking_reference");
const QString kFrom =
    QStringLiteral(" FROM schedule_changes s LEFT JOIN intents i ON i.id = s.intent_id ");

// A hard ceiling for one read, whatever the caller asks: a window shows a page, not a history.
constexpr int kMaxQueueRead = 500;

QJsonArray arrayFrom(const QString &json) {
    return QJsonDocument::fromJson(json.toUtf8()).array();
}

QDateTime timeFrom(const QVariant &v) {
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

ScheduleChange fromRow(const QSqlQuery &q) {
    ScheduleChange c;
    c.id = q.value(0).toString();
    c.provider = q.value(1).toString();
    c.orderId = q.value(2).toString();
    c.orderVersion = q.value(3).toInt();
    c.intentId = q.value(4).isNull() ? 0 : q.value(4).toLongLong();
    c.eventId = q.value(5).toString();
    c.oldSlices = arrayFrom(q.value(6).toString());
    c.newSlices = arrayFrom(q.value(7).toString());
    c.receivedAt = timeFrom(q.value(8));
    c.acknowledgedAt = timeFrom(q.value(9));
    c.acknowledgedBy = q.value(10).toString();
    c.bookingReference = q.value(11).toString();
    return c;
}

Result<QList<ScheduleChange>> select(QSqlDatabase &db, const QString &whereAndOrder,
                                     const QList<std::pair<QString, QVariant>> &values) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kColumns + kFrom + whereAndOrder);
    for (const auto &[name, value] : values)
        q.bindValue(name, value);
    if (auto s = sql::exec(q, QStringLiteral("reading the schedule-change queue")); !s)
        return s.error();
    QList<ScheduleChange> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

// The flight times a slice list promises, in order: what "the schedule changed" means. Carrier,
// flight number and places are not compared: an airline re-timing a flight keeps them, and a
// reshuffled itinerary shows its times changing as well.
QStringList timesOf(const QJsonArray &slices) {
    QStringList out;
    for (const QJsonValue &slice : slices) {
        const QJsonObject s = slice.toObject();
        const QJsonArray segments = s.value(QLatin1String("segments")).toArray();
        for (const QJsonValue &v : segments.isEmpty() ? QJsonArray{s} : segments) {
            const QJsonObject seg = v.toObject();
            out << seg.value(QLatin1String("departing_at")).toString()
                << seg.value(QLatin1String("arriving_at")).toString();
        }
    }
    return out;
}

Error notFound(const QString &id) {
    return sql::error(QStringLiteral("FD_JOURNAL_NOT_FOUND"),
                      QStringLiteral("No schedule change %1 in the journal").arg(id.left(120)));
}

} // namespace

Result<bool> OrderJournal::recordScheduleChange(const QString &provider, const QJsonObject &order,
                                                const QString &eventId) {
    const QJsonArray newSlices = order.value(QLatin1String("slices")).toArray();
    const QString orderId = order.value(QLatin1String("id")).toString();
    // An Order without slices says nothing about the schedule (the contract's Order has none;
    // the sandbox's stale_after replay carries such an order).
    if (newSlices.isEmpty() || orderId.isEmpty() || provider.isEmpty())
        return false;
    const int version = order.value(QLatin1String("version")).toInt();
    const QString id =
        provider + QLatin1Char('/') + orderId + QStringLiteral("/v") + QString::number(version);
    // Durable: the webhook that brought it is answered 2xx only after this returns.
    return sql::inTx<
        bool>(writable(), sql::Durability::Durable, [&](QSqlDatabase &db) -> Result<bool> {
        auto booked = selectByOrder(db, provider, orderId);
        if (!booked)
            return booked.error();
        if (!booked->has_value())
            return false; // another desk's order, or none: nothing for this desk's agents
        const Intent &intent = **booked;
        // What the desk last knew: the latest change recorded, else the offer as booked.
        auto earlier = select(db,
                              QStringLiteral("WHERE s.provider = :p AND s.order_id = :o ORDER BY "
                                             "s.order_version DESC, s.received_at DESC"),
                              {{QStringLiteral(":p"), provider}, {QStringLiteral(":o"), orderId}});
        if (!earlier)
            return earlier.error();
        for (const ScheduleChange &c : std::as_const(*earlier))
            if (c.orderVersion >= version)
                return false; // this version, or a newer one, is known already
        const QJsonArray oldSlices = earlier->isEmpty()
                                         ? intent.offer.value(QLatin1String("slices")).toArray()
                                         : earlier->first().newSlices;
        if (timesOf(oldSlices) == timesOf(newSlices))
            return false;
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "INSERT INTO schedule_changes (id, provider, order_id, order_version, intent_id, "
            "event_id, old_json, new_json, received_at, acknowledged_at, acknowledged_by) VALUES "
            "(:id, :p, :o, :v, :i, :e, :old, :new, :at, NULL, NULL)"));
        q.bindValue(QStringLiteral(":id"), id);
        q.bindValue(QStringLiteral(":p"), provider);
        q.bindValue(QStringLiteral(":o"), orderId);
        q.bindValue(QStringLiteral(":v"), qlonglong(version));
        q.bindValue(QStringLiteral(":i"), intent.id);
        q.bindValue(QStringLiteral(":e"), eventId.isEmpty()
                                              ? QVariant(QMetaType::fromType<QString>())
                                              : QVariant(eventId));
        q.bindValue(QStringLiteral(":old"), compact(oldSlices));
        q.bindValue(QStringLiteral(":new"), compact(newSlices));
        q.bindValue(QStringLiteral(":at"), timestamp(now()));
        if (auto s = sql::exec(q, QStringLiteral("queueing the schedule change")); !s)
            return s.error();
        return true;
    });
}

Result<QList<ScheduleChange>> OrderJournal::scheduleQueue(int limit) const {
    auto db = connection();
    if (!db)
        return db.error();
    return select(*db,
                  QStringLiteral("WHERE s.acknowledged_at IS NULL ORDER BY s.received_at, s.id "
                                 "LIMIT :n"),
                  {{QStringLiteral(":n"), qBound(0, limit, kMaxQueueRead)}});
}

Result<qint64> OrderJournal::scheduleQueueCount() const {
    auto db = connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    if (!q.exec(QStringLiteral(
            "SELECT count(*) FROM schedule_changes WHERE acknowledged_at IS NULL")) ||
        !q.next())
        return sql::queryError(QStringLiteral("counting the schedule-change queue"), q);
    return q.value(0).toLongLong();
}

Result<ScheduleChange> OrderJournal::scheduleChange(const QString &id) const {
    auto db = connection();
    if (!db)
        return db.error();
    auto found = select(*db, QStringLiteral("WHERE s.id = :id"), {{QStringLiteral(":id"), id}});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return notFound(id);
    return found->first();
}

Result<bool> OrderJournal::acknowledgeScheduleChange(const QString &id, const QString &by) {
    // Durable: an acknowledged item must not come back after a power cut and be worked twice.
    return sql::inTx<bool>(
        writable(), sql::Durability::Durable, [&](QSqlDatabase &db) -> Result<bool> {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("UPDATE schedule_changes SET acknowledged_at = :at, "
                                     "acknowledged_by = :by WHERE id = :id AND acknowledged_at IS "
                                     "NULL"));
            q.bindValue(QStringLiteral(":at"), timestamp(now()));
            q.bindValue(QStringLiteral(":by"), by.left(120));
            q.bindValue(QStringLiteral(":id"), id);
            if (auto s = sql::exec(q, QStringLiteral("acknowledging the schedule change")); !s)
                return s.error();
            if (q.numRowsAffected() > 0)
                return true;
            QSqlQuery exists(db);
            exists.prepare(QStringLiteral("SELECT count(*) FROM schedule_changes WHERE id = :id"));
            exists.bindValue(QStringLiteral(":id"), id);
            if (!exists.exec() || !exists.next())
                return sql::queryError(QStringLiteral("reading the schedule change"), exists);
            if (exists.value(0).toInt() == 0)
                return notFound(id);
            return false;
        });
}

} // namespace fd
