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

                    QSqlQuery evs(*from);
                    evs.setForwardOnly(true);
                    evs.prepare(QStringLiteral("SELECT ") +
                                kEventColumns.join(QStringLiteral(", ")) +
                                QStringLiteral(" FROM events WHERE intent_id = :id ORDER BY id"));
                    evs.bindValue(QStringLiteral(":id"),
                                  row.value(QStringLiteral("id")).toLongLong());
                    if (auto s = sql::exec(evs, QStringLiteral("reading the source's events")); !s)
                        return s.error();
                    QStringList columns = kEventColumns;
                    columns.prepend(QStringLiteral("intent_id"));
                    QSqlQuery insEv(db);
                    insEv.prepare(insertSql(QStringLiteral("events"), columns) +
                                  QStringLiteral(" ON CONFLICT (webhook_event_id) DO NOTHING"));
                    while (evs.next()) {
                        bindRow(insEv, evs.record(), kEventColumns);
                        insEv.bindValue(QStringLiteral(":intent_id"), newId);
                        if (auto s = sql::exec(insEv, QStringLiteral("copying an event")); !s)
                            return s.error();
                        r.events += insEv.numRowsAffected() > 0 ? 1 : 0;
                    }
                }
                return r;
            });
        if (!batch)
            return batch.error();
        report.copied += batch->copied;
        report.alreadyThere += batch->alreadyThere;
        report.events += batch->events;
        report.conflicts += batch->conflicts;
    }
}

} // namespace fd
