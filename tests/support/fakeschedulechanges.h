#pragma once

// The schedule-change queue of FakeDesk (fakedesk.h): changes the test puts in `changes`, an
// acknowledgement that stamps them, answers later on the caller's context as the real desk's.
#include "desk/schedulechanges.h"

#include <QPointer>
#include <QTimer>

#include <utility>

namespace fd::test {

class FakeScheduleChanges final : public desk::ScheduleChanges {
public:
    QList<ScheduleChange> changes; // every change, acknowledged or not, oldest first
    QStringList acknowledged;      // the ids acknowledged, in order

    Result<Queue> queue(int limit) const override {
        Queue q;
        for (const ScheduleChange &c : changes)
            if (!c.isAcknowledged()) {
                if (q.changes.size() < limit)
                    q.changes.append(c);
                ++q.total;
            }
        return q;
    }
    Result<bool> acknowledge(const QString &id, const QString &by) override {
        for (ScheduleChange &c : changes)
            if (c.id == id) {
                if (c.isAcknowledged())
                    return false;
                c.acknowledgedAt = QDateTime::currentDateTimeUtc();
                c.acknowledgedBy = by;
                acknowledged.append(id);
                return true;
            }
        return Error{QStringLiteral("FD_JOURNAL_NOT_FOUND"), QStringLiteral("no such change")};
    }
    void readQueue(int limit, QObject *context,
                   std::function<void(Result<Queue>)> done) const override {
        QTimer::singleShot(0, context, [done = std::move(done), q = queue(limit)] { done(q); });
    }
    void acknowledgeLater(const QString &id, const QString &by, QObject *context,
                          std::function<void(Result<bool>)> done) override {
        QTimer::singleShot(0, context,
                           [done = std::move(done), r = acknowledge(id, by)] { done(r); });
    }
    void watch(QObject *context, std::function<void()> changed) override {
        watchers.append({context, std::move(changed)});
    }
    // A change arrives, as from the desk's webhook receiver: every watcher hears of it.
    void add(const ScheduleChange &change) {
        changes.append(change);
        for (const auto &[context, changed] : std::as_const(watchers))
            if (context)
                changed();
    }

private:
    QList<std::pair<QPointer<QObject>, std::function<void()>>> watchers;
};

} // namespace fd::test
