#include "orders.h"

#include "storage/journallocation.h"
#include "storage/orderjournal.h"

#include <QFileInfo>
#include <QProcessEnvironment>

namespace fd::desk {
namespace {

class JournalOrders final : public Orders {
public:
    explicit JournalOrders(OrderJournal &journal, std::unique_ptr<OrderJournal> owned = {})
        : m_owned(std::move(owned))
        , m_journal(journal) {}

    Result<IntentPage> page(qint64 beforeId, int limit) const override {
        auto p = m_journal.page(beforeId, limit);
        if (!p)
            return p.error();
        return IntentPage{std::move(p->intents), p->nextBeforeId};
    }
    Result<qint64> count() const override { return m_journal.count(); }
    Result<std::monostate>
    forEach(const std::function<bool(const Intent &)> &visit) const override {
        return m_journal.forEachIntent(visit);
    }
    Result<QList<JournalEvent>> events(qint64 intentId) const override {
        return m_journal.events(intentId);
    }
    bool tightenedOnOpen() const override { return m_journal.tightenedOnOpen(); }
    QString journalPath() const override { return m_journal.path(); }

private:
    std::unique_ptr<OrderJournal> m_owned; // when opened here
    OrderJournal &m_journal;
};

} // namespace

Result<std::unique_ptr<Orders>> openOrders(const QString &location) {
    const auto where = JournalLocation::parse(location);
    if (!where)
        return where.error();
    // Reading must never create an empty journal file by mistake. An agency database exists
    // already (its administrator made it); the journal only adds its tables.
    if (!where->isPostgres() && !QFileInfo::exists(location))
        return Error{QStringLiteral("not_found"), QStringLiteral("no journal at %1").arg(location)};
    auto journal = std::make_unique<OrderJournal>();
    if (auto opened = journal->open(location); !opened)
        return opened.error();
    OrderJournal &j = *journal;
    return std::unique_ptr<Orders>(std::make_unique<JournalOrders>(j, std::move(journal)));
}

Result<std::monostate> checkJournalLocation(const QString &location) {
    if (const auto where = JournalLocation::parse(location); !where)
        return where.error();
    return std::monostate{};
}

QString journalOrEnvironment(const QString &journalOption) {
    if (!journalOption.isEmpty())
        return journalOption;
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("FLIGHTDESK_JOURNAL"));
}

std::unique_ptr<Orders> makeOrders(OrderJournal &journal) {
    return std::make_unique<JournalOrders>(journal);
}

} // namespace fd::desk
