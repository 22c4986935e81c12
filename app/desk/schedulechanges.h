#pragma once

#include "core/result.h"
#include "core/schedulechange.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace fd {
class JournalQueue;
class OrderJournal;
class Session;
} // namespace fd

namespace fd::desk {

// One flight of a schedule change, old and new times side by side. Times are UTC; the zones
// are the airports' IANA names when the provider gave them (empty: show UTC, and say so).
struct ScheduleLeg {
    QString flight; // "BA76"
    QString origin, destination;
    QString originZone, destinationZone;
    QDateTime oldDeparture, oldArrival; // invalid when the booked times are not known
    QDateTime newDeparture, newArrival; // invalid when the airline did not say ("see the airline")

    bool changed() const { return oldDeparture != newDeparture || oldArrival != newArrival; }
};
// The change's flights, pairing the old and new segments in order (a segment the other side
// lacks keeps that side invalid).
QList<ScheduleLeg> scheduleLegs(const ScheduleChange &change);

// The schedule-change queue: flights the airline re-timed after booking, each waiting until an
// agent acknowledges it. Reads and writes for the window run off its thread; `done` runs on
// `context`'s thread, never once it is gone.
class ScheduleChanges {
public:
    virtual ~ScheduleChanges() = default;

    struct Queue {
        QList<ScheduleChange> changes; // oldest first, at most the limit asked for
        qint64 total = 0;              // unacknowledged in all
    };
    virtual Result<Queue> queue(int limit) const = 0;
    // True when this call took it off the queue; false when someone already had.
    virtual Result<bool> acknowledge(const QString &id, const QString &by) = 0;

    virtual void readQueue(int limit, QObject *context,
                           std::function<void(Result<Queue>)> done) const = 0;
    virtual void acknowledgeLater(const QString &id, const QString &by, QObject *context,
                                  std::function<void(Result<bool>)> done) = 0;
    // `changed` runs on `context`'s thread whenever a change joins the queue (a webhook the
    // desk's receiver recorded, or an order the desk re-read), for as long as `context` lives.
    virtual void watch(QObject *context, std::function<void()> changed) = 0;
};

// Over a journal someone else keeps open; with a queue, the window's reads and writes run on
// its thread, and with the session, watch() hears of its new changes. Both must outlive it.
std::unique_ptr<ScheduleChanges> makeScheduleChanges(OrderJournal &journal,
                                                     JournalQueue *queue = nullptr,
                                                     Session *session = nullptr);
// The journal at `location` (a file or a postgresql:// URL), for `flightdesk queue`. A file must
// exist: a mistyped path is an error, never an empty queue.
Result<std::unique_ptr<ScheduleChanges>> openScheduleChanges(const QString &location,
                                                             const QString &password = {});

} // namespace fd::desk
