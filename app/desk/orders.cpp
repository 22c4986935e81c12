#include "orders.h"

#include "core/journalqueue.h"
#include "storage/journallocation.h"
#include "storage/orderjournal.h"

#include <QFileInfo>
#include <QProcessEnvironment>

namespace fd::desk {
namespace {

Result<IntentPage> pageOf(const OrderJournal &journal, qint64 beforeId, int limit) {
    auto p = journal.page(beforeId, limit);
    if (!p)
        return p.error();
    return IntentPage{std::move(p->intents), p->nextBeforeId};
}

constexpr int kScheduleQueueRead = 500;

class JournalOrders final : public Orders {
public:
    explicit JournalOrders(OrderJournal &journal, std::unique_ptr<OrderJournal> owned = {},
                           JournalQueue *queue = nullptr)
        : m_owned(std::move(owned))
        , m_journal(journal)
        , m_queue(queue) {}

    Result<IntentPage> page(qint64 beforeId, int limit) const override {
        return pageOf(m_journal, beforeId, limit);
    }
    Result<qint64> count() const override { return m_journal.count(); }
    Result<std::monostate>
    forEach(const std::function<bool(const Intent &)> &visit) const override {
        return m_journal.forEachIntent(visit);
    }
    Result<QList<JournalEvent>> events(qint64 intentId) const override {
        return m_journal.events(intentId);
    }
    void readPage(qint64 beforeId, int limit, QObject *context,
                  std::function<void(Result<IntentPage>)> done) const override {
        if (!m_queue)
            return Orders::readPage(beforeId, limit, context, std::move(done));
        OrderJournal *journal = &m_journal; // the queue is drained before the journal goes
        m_queue->run<Result<IntentPage>>(
            context, [journal, beforeId, limit] { return pageOf(*journal, beforeId, limit); },
            std::move(done));
    }
    void readEvents(qint64 intentId, QObject *context,
                    std::function<void(Result<QList<JournalEvent>>)> done) const override {
        if (!m_queue)
            return Orders::readEvents(intentId, context, std::move(done));
        OrderJournal *journal = &m_journal;
        m_queue->run<Result<QList<JournalEvent>>>(
            context, [journal, intentId] { return journal->events(intentId); }, std::move(done));
    }
    Result<QList<CancellationRecord>> cancellations(const Intent &intent) const override {
        if (intent.orderId.isEmpty())
            return QList<CancellationRecord>{};
        return m_journal.cancellationsOf(intent.provider, intent.orderId);
    }
    Result<QList<CancellationRecord>> unfinishedCancellations() const override {
        return m_journal.unfinishedCancellations();
    }
    Result<QSet<qint64>> scheduleChangesWaiting() const override {
        // The queue is worked down by agents; its bound is the journal's.
        const auto queue = m_journal.scheduleQueue(kScheduleQueueRead);
        if (!queue)
            return queue.error();
        QSet<qint64> ids;
        for (const ScheduleChange &c : *queue)
            if (c.intentId > 0)
                ids.insert(c.intentId);
        return ids;
    }
    bool tightenedOnOpen() const override { return m_journal.tightenedOnOpen(); }
    QString journalPath() const override { return m_journal.path(); }

private:
    std::unique_ptr<OrderJournal> m_owned; // when opened here
    OrderJournal &m_journal;
    JournalQueue *m_queue; // reads for the window run there
};

} // namespace

Result<std::unique_ptr<Orders>> openOrders(const QString &location, const QString &password) {
    const auto where = JournalLocation::parse(location);
    if (!where)
        return where.error();
    // Reading must never create an empty journal file by mistake. An agency database exists
    // already (its administrator made it); the journal only adds its tables.
    if (!where->isPostgres() && !QFileInfo::exists(location))
        return Error{QStringLiteral("not_found"), QStringLiteral("no journal at %1").arg(location)};
    auto journal = std::make_unique<OrderJournal>();
    journal->setPassword(password);
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

std::unique_ptr<Orders> makeOrders(OrderJournal &journal, JournalQueue &queue) {
    return std::make_unique<JournalOrders>(journal, nullptr, &queue);
}

} // namespace fd::desk
