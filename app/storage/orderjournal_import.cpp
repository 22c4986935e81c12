// Copying a desk's journal into the agency's: `flightdesk journal migrate`.

#include "orderjournal.h"

#include "journalrows.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace fd {

namespace {

// Every column an intent carries from one journal to another: all but its id (the target
// numbers it) and its lease (a lease belongs to a process of the source desk).
const QStringList kIntentColumns = {QStringLiteral("idempotency_key"),
                                    QStringLiteral("superseded_key"),
                                    QStringLiteral("offer_id"),
                                    QStringLiteral("offer_json"),
                                    QStringLiteral("passengers_json"),
                                    QStringLiteral("request_body"),
                                    QStringLiteral("state"),
                                    QStringLiteral("order_id"),
                                    QStringLiteral("booking_reference"),
                                    QStringLiteral("ticket_key"),
                                    QStringLiteral("e_tickets_json"),
                                    QStringLiteral("outcome"),
                                    QStringLiteral("outcome_message"),
                                    QStringLiteral("created_at"),
                                    QStringLiteral("updated_at"),
                                    QStringLiteral("outcome_shown_at"),
                                    QStringLiteral("provider_status"),
                                    QStringLiteral("provider")};
const QStringList kEventColumns = {QStringLiteral("order_id"),
                                   QStringLiteral("kind"),
                                   QStringLiteral("at"),
                                   QStringLiteral("detail_json"),
                                   QStringLiteral("webhook_event_id"),
                                   QStringLiteral("webhook_state"),
                                   QStringLiteral("provider")};

// A booking's cancellations (with the confirm's key: `resume` finishes an unfinished one from
// the agency's journal with the same key) and its schedule changes (an unacknowledged one stays
// in the queue).
const QStringList kCancellationColumns = {
    QStringLiteral("idempotency_key"), QStringLiteral("provider"),
    QStringLiteral("order_id"),        QStringLiteral("quote_id"),
    QStringLiteral("refund_amount"),   QStringLiteral("refund_currency"),
    QStringLiteral("expires_at"),      QStringLiteral("state"),
    QStringLiteral("message"),         QStringLiteral("created_at"),
    QStringLiteral("updated_at")};
const QStringList kScheduleChangeColumns = {QStringLiteral("id"),
                                            QStringLiteral("provider"),
                                            QStringLiteral("order_id"),
                                            QStringLiteral("order_version"),
                                            QStringLiteral("event_id"),
                                            QStringLiteral("old_json"),
                                            QStringLiteral("new_json"),
                                            QStringLiteral("received_at"),
                                            QStringLiteral("acknowledged_at"),
                                            QStringLiteral("acknowledged_by")};

QString insertSql(const QString &table, const QStringList &columns) {
    QStringList params;
    for (const QString &c : std::as_const(columns))
        params << QLatin1Char(':') + c;
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
        .arg(table, columns.join(QStringLiteral(", ")), params.join(QStringLiteral(", ")));
}

// A column read from the source keeps its NULL (a QVariant of the column's type, null).
void bindRow(QSqlQuery &q, const QSqlRecord &row, const QStringList &columns) {
    for (const QString &c : columns) {
        const QVariant v = row.value(c);
        q.bindValue(QLatin1Char(':') + c, v.isNull()
                                              ? QVariant(c == QLatin1String("request_body")
                                                             ? QMetaType(QMetaType::QByteArray)
                                                             : QMetaType(QMetaType::QString))
                                              : v);
    }
}

// The rows of `table` that belong to the source's intent `sourceId`, under the copy's id
// `newId`, in `orderBy`'s order; a row the target has already (`onConflict`) is left as it is.
// How many were copied.
Result<int> copyRowsOf(QSqlDatabase &from, QSqlDatabase &to, const QString &table,
                       const QStringList &columns, const QString &orderBy,
                       const QString &onConflict, qint64 sourceId, qint64 newId) {
    QSqlQuery read(from);
    read.setForwardOnly(true);
    read.prepare(QStringLiteral("SELECT ") + columns.join(QStringLiteral(", ")) +
                 QStringLiteral(" FROM %1 WHERE intent_id = :id ORDER BY %2").arg(table, orderBy));
    read.bindValue(QStringLiteral(":id"), sourceId);
    if (auto s = sql::exec(read, QStringLiteral("reading the source's %1").arg(table)); !s)
        return s.error();
    QStringList withIntent = columns;
    withIntent.prepend(QStringLiteral("intent_id"));
    QSqlQuery insert(to);
    insert.prepare(insertSql(table, withIntent) + QLatin1Char(' ') + onConflict);
    int copied = 0;
    while (read.next()) {
        bindRow(insert, read.record(), columns);
        insert.bindValue(QStringLiteral(":intent_id"), newId);
        if (auto s = sql::exec(insert, QStringLiteral("copying the %1").arg(table)); !s)
            return s.error();
        copied += insert.numRowsAffected() > 0 ? 1 : 0;
    }
    return copied;
}

} // namespace

Result<OrderJournal::ImportReport> OrderJournal::importFrom(const OrderJournal &source) {
    ImportReport report;
    auto from = source.connection();
    if (!from)
        return from.error();
    qint64 afterId = 0;
    for (;;) {
        // One page of the source, oldest first, read before the target's transaction.
        QSqlQuery page(*from);
        page.setForwardOnly(true);
        page.prepare(QStringLiteral("SELECT id, ") + kIntentColumns.join(QStringLiteral(", ")) +
                     QStringLiteral(" FROM intents WHERE id > :after ORDER BY id LIMIT :n"));
        page.bindValue(QStringLiteral(":after"), afterId);
        page.bindValue(QStringLiteral(":n"), kStreamPage);
        if (auto s = sql::exec(page, QStringLiteral("reading the source journal")); !s)
            return s.error();
        QList<QSqlRecord> rows;
        while (page.next())
            rows.append(page.record());
        page.finish();
        if (rows.isEmpty())
            return report;
        afterId = rows.last().value(QStringLiteral("id")).toLongLong();
        auto batch = sql::inTx<ImportReport>(
            writable(), sql::Durability::Durable, [&](QSqlDatabase &db) -> Result<ImportReport> {
                ImportReport r;
                for (const QSqlRecord &row : std::as_const(rows)) {
                    const QString key = row.value(QStringLiteral("idempotency_key")).toString();
                    auto there =
                        journalrows::selectIntent(db, QStringLiteral("idempotency_key = :v"), key);
                    if (!there)
                        return there.error();
                    if (there->has_value()) {
                        ++r.alreadyThere;
                        continue;
                    }
                    const QString orderId = row.value(QStringLiteral("order_id")).toString();
                    const QString provider = row.value(QStringLiteral("provider")).toString();
                    if (!orderId.isEmpty()) {
                        auto taken = journalrows::selectByOrder(db, provider, orderId);
                        if (!taken)
                            return taken.error();
                        if (taken->has_value()) {
                            r.conflicts << QStringLiteral("%1 (%2 %3)").arg(key, provider, orderId);
                            continue;
                        }
                    }
                    QSqlQuery ins(db);
                    ins.prepare(insertSql(QStringLiteral("intents"), kIntentColumns));
                    bindRow(ins, row, kIntentColumns);
                    if (auto s = sql::exec(ins, QStringLiteral("copying an intent")); !s)
                        return s.error();
                    const qint64 newId = ins.lastInsertId().toLongLong();
                    ++r.copied;

                    const qint64 sourceId = row.value(QStringLiteral("id")).toLongLong();
                    auto events = copyRowsOf(*from, db, QStringLiteral("events"), kEventColumns,
                                             QStringLiteral("id"),
                                             QStringLiteral("ON CONFLICT (webhook_event_id) DO "
                                                            "NOTHING"),
                                             sourceId, newId);
                    if (!events)
                        return events.error();
                    r.events += *events;
                    auto cancellations =
                        copyRowsOf(*from, db, QStringLiteral("cancellations"), kCancellationColumns,
                                   QStringLiteral("created_at, idempotency_key"),
                                   QStringLiteral("ON CONFLICT (idempotency_key) DO NOTHING"),
                                   sourceId, newId);
                    if (!cancellations)
                        return cancellations.error();
                    r.cancellations += *cancellations;
                    auto changes =
                        copyRowsOf(*from, db, QStringLiteral("schedule_changes"),
                                   kScheduleChangeColumns, QStringLiteral("received_at, id"),
                                   QStringLiteral("ON CONFLICT (id) DO NOTHING"), sourceId, newId);
                    if (!changes)
                        return changes.error();
                    r.scheduleChanges += *changes;
                }
                return r;
            });
        if (!batch)
            return batch.error();
        report.copied += batch->copied;
        report.alreadyThere += batch->alreadyThere;
        report.events += batch->events;
        report.cancellations += batch->cancellations;
        report.scheduleChanges += batch->scheduleChanges;
        report.conflicts += batch->conflicts;
    }
}

} // namespace fd
