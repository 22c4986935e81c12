#include "schedulechanges.h"

#include "session.h"

#include "core/journalqueue.h"
#include "storage/journallocation.h"
#include "storage/orderjournal.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

namespace fd::desk {
namespace {

QDateTime utc(const QJsonValue &v) {
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

struct Segment {
    QString flight, origin, destination, originZone, destinationZone;
    QDateTime departs, arrives;
};

// Every segment of a slice list, with its slice's airport zones when the segment is the
// slice's first or last one (a connection's middle airport has no zone in the offer).
QList<Segment> segmentsOf(const QJsonArray &slices) {
    QList<Segment> out;
    for (const QJsonValue &sv : slices) {
        const QJsonObject slice = sv.toObject();
        const QJsonObject from = slice.value(QLatin1String("origin")).toObject();
        const QJsonObject to = slice.value(QLatin1String("destination")).toObject();
        const QJsonArray segments = slice.value(QLatin1String("segments")).toArray();
        for (const QJsonValue &v : segments) {
            const QJsonObject s = v.toObject();
            Segment seg;
            seg.flight = s.value(QLatin1String("flight_number")).toString();
            seg.origin = s.value(QLatin1String("origin")).toString();
            seg.destination = s.value(QLatin1String("destination")).toString();
            if (seg.origin == from.value(QLatin1String("iata_code")).toString())
                seg.originZone = from.value(QLatin1String("time_zone")).toString();
            if (seg.destination == to.value(QLatin1String("iata_code")).toString())
                seg.destinationZone = to.value(QLatin1String("time_zone")).toString();
            seg.departs = utc(s.value(QLatin1String("departing_at")));
            seg.arrives = utc(s.value(QLatin1String("arriving_at")));
            out.append(seg);
        }
        if (segments.isEmpty()) // a slice the provider gave without segments: the slice itself
            out.append({{},
                        from.value(QLatin1String("iata_code")).toString(),
                        to.value(QLatin1String("iata_code")).toString(),
                        from.value(QLatin1String("time_zone")).toString(),
                        to.value(QLatin1String("time_zone")).toString(),
                        utc(slice.value(QLatin1String("departing_at"))),
                        utc(slice.value(QLatin1String("arriving_at")))});
    }
    return out;
}

class JournalScheduleChanges final : public ScheduleChanges {
public:
    JournalScheduleChanges(OrderJournal &journal, std::unique_ptr<OrderJournal> owned,
                           JournalQueue *queue, Session *session)
        : m_owned(std::move(owned))
        , m_journal(journal)
        , m_queue(queue)
        , m_session(session) {}

    Result<Queue> queue(int limit) const override { return read(m_journal, limit); }
    Result<bool> acknowledge(const QString &id, const QString &by) override {
        return m_journal.acknowledgeScheduleChange(id, by);
    }
    void readQueue(int limit, QObject *context,
                   std::function<void(Result<Queue>)> done) const override {
        OrderJournal *journal = &m_journal;
        if (!m_queue) {
            QTimer::singleShot(0, context,
                               [done = std::move(done), r = read(*journal, limit)] { done(r); });
            return;
        }
        m_queue->run<Result<Queue>>(
            context, [journal, limit] { return read(*journal, limit); }, std::move(done));
    }
    void acknowledgeLater(const QString &id, const QString &by, QObject *context,
                          std::function<void(Result<bool>)> done) override {
        OrderJournal *journal = &m_journal;
        if (!m_queue) {
            QTimer::singleShot(0, context,
                               [done = std::move(done), r = acknowledge(id, by)] { done(r); });
            return;
        }
        m_queue->run<Result<bool>>(
            context, [journal, id, by] { return journal->acknowledgeScheduleChange(id, by); },
            std::move(done));
    }
    void watch(QObject *context, std::function<void()> changed) override {
        if (!m_session)
            return;
        QObject::connect(
            m_session, &Session::scheduleChangeQueued, context,
            [changed = std::move(changed)](const QString &) { changed(); }, Qt::QueuedConnection);
    }

private:
    static Result<Queue> read(const OrderJournal &journal, int limit) {
        auto changes = journal.scheduleQueue(limit);
        if (!changes)
            return changes.error();
        auto total = journal.scheduleQueueCount();
        if (!total)
            return total.error();
        return Queue{std::move(changes).value(), *total};
    }

    std::unique_ptr<OrderJournal> m_owned; // when opened here
    OrderJournal &m_journal;
    JournalQueue *m_queue;
    Session *m_session;
};

} // namespace

QList<ScheduleLeg> scheduleLegs(const ScheduleChange &change) {
    const QList<Segment> before = segmentsOf(change.oldSlices);
    const QList<Segment> after = segmentsOf(change.newSlices);
    QList<ScheduleLeg> legs;
    for (qsizetype i = 0; i < qMax(before.size(), after.size()); ++i) {
        const Segment b = before.value(i);
        const Segment a = after.value(i);
        const Segment &known = i < after.size() ? a : b;
        legs.append({known.flight, known.origin, known.destination,
                     known.originZone.isEmpty() ? b.originZone : known.originZone,
                     known.destinationZone.isEmpty() ? b.destinationZone : known.destinationZone,
                     b.departs, b.arrives, a.departs, a.arrives});
    }
    return legs;
}

std::unique_ptr<ScheduleChanges> makeScheduleChanges(OrderJournal &journal, JournalQueue *queue,
                                                     Session *session) {
    return std::make_unique<JournalScheduleChanges>(journal, nullptr, queue, session);
}

Result<std::unique_ptr<ScheduleChanges>> openScheduleChanges(const QString &location,
                                                             const QString &password) {
    const auto where = JournalLocation::parse(location);
    if (!where)
        return where.error();
    if (!where->isPostgres() && !QFileInfo::exists(location))
        return Error{QStringLiteral("not_found"), QStringLiteral("no journal at %1").arg(location)};
    auto journal = std::make_unique<OrderJournal>();
    journal->setPassword(password);
    if (auto opened = journal->open(location); !opened)
        return opened.error();
    OrderJournal &j = *journal;
    return std::unique_ptr<ScheduleChanges>(
        std::make_unique<JournalScheduleChanges>(j, std::move(journal), nullptr, nullptr));
}

} // namespace fd::desk
