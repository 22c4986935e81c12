#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QString>

namespace fd {

// A change of a booked flight's times that the airline made after the booking, waiting in the
// agent's queue until someone acknowledges it (the way GDS agents work their schedule-change
// queues). The slices are kept as the provider wrote them (the offer's shape: slices →
// segments with departing_at / arriving_at in UTC, places with their IANA time_zone); they
// hold no passenger data.
struct ScheduleChange {
    // "<provider>/<order id>/v<order version>": one change per order version, so a webhook
    // delivered twice, or seen again when the order is re-read, is one item.
    QString id;
    QString provider;
    QString orderId;
    int orderVersion = 0;
    qint64 intentId = 0;      // 0: no intent of this desk (cannot happen for a queued one)
    QString bookingReference; // of the intent, when known
    QString eventId;          // the webhook event that brought it; empty when seen on a read
    QJsonArray oldSlices;     // as booked (or as the previous change left them)
    QJsonArray newSlices;     // as the airline has them now
    QDateTime receivedAt;
    QDateTime acknowledgedAt; // invalid while it waits in the queue
    QString acknowledgedBy;

    bool isAcknowledged() const { return acknowledgedAt.isValid(); }
};

} // namespace fd
