// The schedule-change queue: what joins it, what survives a restart, acknowledging once. The
// same bodies run on SQLite and PostgreSQL (journalcontract.h).

#include "journalcontract.h"

using fd::ScheduleChange;

namespace {

// One slice LOS → LHR, BA76, leaving and arriving at those times (UTC, RFC 3339).
QJsonArray slicesLeaving(const QString &departs, const QString &arrives) {
    const QJsonObject segment{{QStringLiteral("marketing_carrier"), QStringLiteral("BA")},
                              {QStringLiteral("flight_number"), QStringLiteral("BA76")},
                              {QStringLiteral("origin"), QStringLiteral("LOS")},
                              {QStringLiteral("destination"), QStringLiteral("LHR")},
                              {QStringLiteral("departing_at"), departs},
                              {QStringLiteral("arriving_at"), arrives}};
    return {
        QJsonObject{{QStringLiteral("origin"),
                     QJsonObject{{QStringLiteral("iata_code"), QStringLiteral("LOS")},
                                 {QStringLiteral("time_zone"), QStringLiteral("Africa/Lagos")}}},
                    {QStringLiteral("destination"),
                     QJsonObject{{QStringLiteral("iata_code"), QStringLiteral("LHR")},
                                 {QStringLiteral("time_zone"), QStringLiteral("Europe/London")}}},
                    {QStringLiteral("departing_at"), departs},
                    {QStringLiteral("arriving_at"), arrives},
                    {QStringLiteral("segments"), QJsonArray{segment}}}};
}

const QJsonArray kBooked =
    slicesLeaving(QStringLiteral("2026-12-10T08:00:00Z"), QStringLiteral("2026-12-10T14:30:00Z"));
const QJsonArray kLater =
    slicesLeaving(QStringLiteral("2026-12-10T09:35:00Z"), QStringLiteral("2026-12-10T16:05:00Z"));

QJsonObject bookedOffer() {
    return {{QStringLiteral("id"), QStringLiteral("off_0001")},
            {QStringLiteral("total_amount"), QStringLiteral("412.30")},
            {QStringLiteral("slices"), kBooked}};
}

// The Order as a webhook brings it; `slices` only when the airline changed them.
QJsonObject order(const QString &id, int version, const QJsonArray &slices = {}) {
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("status"), QStringLiteral("ticketed")},
                  {QStringLiteral("version"), version},
                  {QStringLiteral("booking_reference"), QStringLiteral("RZPVAB")}};
    if (!slices.isEmpty())
        o.insert(QStringLiteral("slices"), slices);
    return o;
}

qint64 bookedIntent(OrderJournal &j, const QString &orderId) {
    const auto i = j.createIntent(QStringLiteral("off_0001"), bookedOffer(), passengers());
    if (!i || !j.recordCreateResponse(i->id, orderId, QStringLiteral("RZPVAB")))
        qFatal("booking the intent failed");
    return i->id;
}

const QString kTb = QStringLiteral("travelbase");

} // namespace

void TestJournal::scheduleChangeIsQueuedOncePerVersion() {
    const QDateTime t0 = m_clock.now(); // the clock is the suite's: other bodies move it
    const qint64 intentId = bookedIntent(j(), QStringLiteral("ord_0001"));
    const QJsonObject changed = order(QStringLiteral("ord_0001"), 3, kLater);
    QCOMPARE(j().recordScheduleChange(kTb, changed, QStringLiteral("evt_1")).value(), true);
    // At least once: the same event again, or the same version read back, is the same item.
    QCOMPARE(j().recordScheduleChange(kTb, changed, QStringLiteral("evt_1")).value(), false);
    QCOMPARE(j().recordScheduleChange(kTb, changed).value(), false);
    QCOMPARE(j().scheduleQueueCount().value(), 1);
    const ScheduleChange c = j().scheduleQueue(10).value().value(0);
    QCOMPARE(c.id, QStringLiteral("travelbase/ord_0001/v3"));
    QCOMPARE(c.intentId, intentId);
    QCOMPARE(c.bookingReference, QStringLiteral("RZPVAB"));
    QCOMPARE(c.eventId, QStringLiteral("evt_1"));
    QCOMPARE(c.oldSlices, kBooked); // from the offer as booked
    QCOMPARE(c.newSlices, kLater);
    QCOMPARE(c.receivedAt, t0);
    QVERIFY(!c.isAcknowledged());
    // A later version with the same times (a contact change) adds nothing; new times do, and
    // compare with the previous change, not the booking.
    QCOMPARE(j().recordScheduleChange(kTb, order(QStringLiteral("ord_0001"), 4, kLater)).value(),
             false);
    const QJsonArray again = slicesLeaving(QStringLiteral("2026-12-10T10:00:00Z"),
                                           QStringLiteral("2026-12-10T16:30:00Z"));
    m_clock.advance(60 * 1000);
    QCOMPARE(j().recordScheduleChange(kTb, order(QStringLiteral("ord_0001"), 5, again),
                                      QStringLiteral("evt_2"))
                 .value(),
             true);
    // An older version arriving late (delivery is unordered) never queues a step back.
    QCOMPARE(j().recordScheduleChange(kTb, order(QStringLiteral("ord_0001"), 2, kBooked)).value(),
             false);
    const QList<ScheduleChange> queue = j().scheduleQueue(10).value();
    QCOMPARE(queue.size(), 2);
    QCOMPARE(queue.at(1).oldSlices, kLater);
    QCOMPARE(queue.at(1).newSlices, again);
    QCOMPARE(j().scheduleQueue(1).value().size(), 1); // bounded, oldest first
    QCOMPARE(j().scheduleQueue(1).value().first().orderVersion, 3);
}

void TestJournal::scheduleChangeWithoutNewTimesIsNotQueued() {
    bookedIntent(j(), QStringLiteral("ord_0002"));
    // The contract's Order (no slices): the sandbox's stale_after replay sends one of these.
    QCOMPARE(j().recordScheduleChange(kTb, order(QStringLiteral("ord_0002"), 2), {}).value(),
             false);
    // Slices as booked.
    QCOMPARE(j().recordScheduleChange(kTb, order(QStringLiteral("ord_0002"), 3, kBooked)).value(),
             false);
    QCOMPARE(j().scheduleQueueCount().value(), 0);
    QVERIFY(j().scheduleQueue(10).value().isEmpty());
}

void TestJournal::scheduleQueueSurvivesReopenAndAcknowledgesOnce() {
    const QDateTime t0 = m_clock.now();
    bookedIntent(j(), QStringLiteral("ord_0003"));
    QVERIFY(j().recordScheduleChange(kTb, order(QStringLiteral("ord_0003"), 2, kLater)).value());
    const QString id = QStringLiteral("travelbase/ord_0003/v2");
    m_journal.reset(); // the desk closes; another opens the same journal
    m_journal = std::make_unique<OrderJournal>(&m_clock);
    QVERIFY(openOther(*m_journal).ok());
    QCOMPARE(j().scheduleQueueCount().value(), 1);
    QCOMPARE(j().scheduleQueue(10).value().first().id, id);
    m_clock.advance(5 * 60 * 1000);
    QCOMPARE(j().acknowledgeScheduleChange(id, QStringLiteral("agent-1")).value(), true);
    QCOMPARE(j().acknowledgeScheduleChange(id, QStringLiteral("agent-2")).value(), false);
    QCOMPARE(j().scheduleQueueCount().value(), 0);
    const ScheduleChange done = j().scheduleChange(id).value();
    QCOMPARE(done.acknowledgedBy, QStringLiteral("agent-1")); // the first one's, kept
    QCOMPARE(done.acknowledgedAt, t0.addSecs(300));
    QCOMPARE(j().acknowledgeScheduleChange(QStringLiteral("nope"), {}).error().code,
             QStringLiteral("FD_JOURNAL_NOT_FOUND"));
    QCOMPARE(j().scheduleChange(QStringLiteral("nope")).error().code,
             QStringLiteral("FD_JOURNAL_NOT_FOUND"));
}

void TestJournal::scheduleChangeOfAnUnknownOrderIsIgnored() {
    QCOMPARE(j().recordScheduleChange(kTb, order(QStringLiteral("ord_9999"), 2, kLater)).value(),
             false);
    // An order id is unique per provider: Travomatrix's ord_0004 is not this booking.
    bookedIntent(j(), QStringLiteral("ord_0004"));
    QCOMPARE(j().recordScheduleChange(QStringLiteral("travomatrix"),
                                      order(QStringLiteral("ord_0004"), 2, kLater))
                 .value(),
             false);
    QCOMPARE(j().scheduleQueueCount().value(), 0);
}
