// Paged and streamed reads of the journal: a window shows the newest page first and a command
// writes one page at a time, so neither holds the whole history. Keyset paging by id (not
// OFFSET): a page costs the same at the end of the history as at its start, and intents added
// meanwhile (higher ids) never shift the pages still to be read.
#include "orderjournal.h"

#include "journalrows.h"

#include <QSqlQuery>

namespace fd {

Result<OrderJournal::IntentPage> OrderJournal::page(qint64 beforeId, int limit) const {
    if (limit <= 0 || beforeId < 0)
        return sql::error(QStringLiteral("FD_JOURNAL_INVALID"),
                          QStringLiteral("A page needs a positive size and a non-negative id"));
    auto db = connection();
    if (!db)
        return db.error();
    // One row more than asked tells whether another page follows, without a second query.
    const QList<std::pair<QString, QVariant>> values{{QStringLiteral(":n"), limit + 1},
                                                     {QStringLiteral(":before"), beforeId}};
    auto rows = journalrows::selectIntents(
        *db,
        beforeId > 0 ? QStringLiteral("WHERE id < :before ORDER BY id DESC LIMIT :n")
                     : QStringLiteral("ORDER BY id DESC LIMIT :n"),
        beforeId > 0 ? values : values.mid(0, 1));
    if (!rows)
        return rows.error();
    IntentPage out;
    out.intents = std::move(*rows);
    if (out.intents.size() > limit) {
        out.intents.removeLast();
        out.nextBeforeId = out.intents.constLast().id;
    }
    return out;
}

Result<qint64> OrderJournal::count() const {
    auto db = connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM intents")))
        return sql::queryError(QStringLiteral("counting intents"), q);
    if (!q.next())
        return sql::queryError(QStringLiteral("counting intents"), q);
    return q.value(0).toLongLong();
}

OrderJournal::Status
OrderJournal::forEachIntent(const std::function<bool(const Intent &)> &visit) const {
    qint64 before = 0;
    do {
        auto p = page(before, kStreamPage);
        if (!p)
            return p.error();
        for (const Intent &i : std::as_const(p->intents))
            if (!visit(i))
                return sql::ok();
        before = p->nextBeforeId;
    } while (before > 0);
    return sql::ok();
}

} // namespace fd
