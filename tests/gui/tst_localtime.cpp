// Flight times in each airport's local time (ui/localtime): zones with and without daylight
// saving, both sides of a change, day offsets either way, and UTC (saying so) without a zone,
// whatever the desk's own zone is.
#include "localtime.h"

#include <QTest>
#include <QTimeZone>

namespace {

QDateTime utc(int month, int day, int h, int m) {
    return QDateTime(QDate(2026, month, day), QTime(h, m), Qt::UTC);
}

} // namespace

class TestLocalTime final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        // The desk itself in Tokyo: a time without its airport's zone must still read UTC.
        qputenv("TZ", "Asia/Tokyo");
        // Debian's Qt reads the system tz database (the tzdata package).
        QVERIFY2(QTimeZone(QByteArrayLiteral("Africa/Lagos")).isValid(),
                 "no tz database: install tzdata (packaging/debian-packages.txt)");
    }

    void texts_data() {
        QTest::addColumn<QDateTime>("instant");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDate>("reference");
        QTest::addColumn<QString>("full");
        QTest::addColumn<QString>("clock");
        const QDate none;
        QTest::newRow("Lagos, no daylight saving")
            << utc(12, 10, 8, 0) << QStringLiteral("Africa/Lagos") << none
            << QStringLiteral("Thu 10 Dec 09:00 WAT") << QStringLiteral("09:00 WAT");
        QTest::newRow("London in winter")
            << utc(12, 10, 14, 30) << QStringLiteral("Europe/London") << QDate(2026, 12, 10)
            << QStringLiteral("Thu 10 Dec 14:30 GMT") << QStringLiteral("14:30 GMT");
        QTest::newRow("London in summer")
            << utc(7, 10, 14, 30) << QStringLiteral("Europe/London") << none
            << QStringLiteral("Fri 10 Jul 15:30 BST") << QStringLiteral("15:30 BST");
        // The same wall-clock time twice on the night the clocks go back: the zone tells which.
        QTest::newRow("London, first 01:30")
            << utc(10, 25, 0, 30) << QStringLiteral("Europe/London") << none
            << QStringLiteral("Sun 25 Oct 01:30 BST") << QStringLiteral("01:30 BST");
        QTest::newRow("London, second 01:30")
            << utc(10, 25, 1, 30) << QStringLiteral("Europe/London") << none
            << QStringLiteral("Sun 25 Oct 01:30 GMT") << QStringLiteral("01:30 GMT");
        QTest::newRow("New York before spring forward")
            << utc(3, 8, 6, 30) << QStringLiteral("America/New_York") << none
            << QStringLiteral("Sun 8 Mar 01:30 EST") << QStringLiteral("01:30 EST");
        QTest::newRow("New York after spring forward")
            << utc(3, 8, 7, 30) << QStringLiteral("America/New_York") << none
            << QStringLiteral("Sun 8 Mar 03:30 EDT") << QStringLiteral("03:30 EDT");
        // London 21:00 on the 24th to Lagos: lands on the 25th, local time.
        QTest::newRow("arrives the next day")
            << utc(12, 25, 5, 15) << QStringLiteral("Africa/Lagos") << QDate(2026, 12, 24)
            << QStringLiteral("Fri 25 Dec 06:15 WAT +1") << QStringLiteral("06:15 WAT +1");
        // Tokyo 00:30 on the 11th to Honolulu: lands on the 10th, the day before.
        QTest::newRow("arrives the day before")
            << utc(12, 10, 22, 30) << QStringLiteral("Pacific/Honolulu") << QDate(2026, 12, 11)
            << QStringLiteral("Thu 10 Dec 12:30 HST -1") << QStringLiteral("12:30 HST -1");
        QTest::newRow("a zone without letters")
            << utc(12, 10, 12, 0) << QStringLiteral("America/Sao_Paulo") << none
            << QStringLiteral("Thu 10 Dec 09:00 -03") << QStringLiteral("09:00 -03");
        QTest::newRow("no zone: UTC, and it says so")
            << utc(12, 10, 8, 0) << QString() << none << QStringLiteral("Thu 10 Dec 08:00 UTC")
            << QStringLiteral("08:00 UTC");
        QTest::newRow("unknown zone: UTC")
            << utc(12, 11, 1, 0) << QStringLiteral("Mars/Olympus_Mons") << QDate(2026, 12, 10)
            << QStringLiteral("Fri 11 Dec 01:00 UTC +1") << QStringLiteral("01:00 UTC +1");
        QTest::newRow("no time") << QDateTime() << QStringLiteral("Africa/Lagos") << none
                                 << QStringLiteral("see the airline")
                                 << QStringLiteral("see the airline");
    }
    void texts() {
        QFETCH(QDateTime, instant);
        QFETCH(QString, zone);
        QFETCH(QDate, reference);
        QFETCH(QString, full);
        QFETCH(QString, clock);
        QCOMPARE(fd::ui::localTime(instant, zone, reference), full);
        QCOMPARE(fd::ui::localClock(instant, zone, reference), clock);
    }

    void days_data() {
        QTest::addColumn<QDateTime>("instant");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDate>("day");
        QTest::newRow("Tokyo, already tomorrow")
            << utc(12, 10, 15, 30) << QStringLiteral("Asia/Tokyo") << QDate(2026, 12, 11);
        QTest::newRow("Honolulu, still yesterday")
            << utc(12, 11, 2, 0) << QStringLiteral("Pacific/Honolulu") << QDate(2026, 12, 10);
        QTest::newRow("no zone: the UTC day, not the desk's")
            << utc(12, 10, 15, 30) << QString() << QDate(2026, 12, 10);
        QTest::newRow("no time") << QDateTime() << QStringLiteral("Asia/Tokyo") << QDate();
    }
    void days() {
        QFETCH(QDateTime, instant);
        QFETCH(QString, zone);
        QFETCH(QDate, day);
        QCOMPARE(fd::ui::localDay(instant, zone), day);
    }

    void abbreviations() {
        QCOMPARE(fd::ui::zoneAbbreviation(utc(12, 10, 8, 0), QStringLiteral("Europe/London")),
                 QStringLiteral("GMT"));
        QCOMPARE(fd::ui::zoneAbbreviation(utc(7, 10, 8, 0), QStringLiteral("Europe/London")),
                 QStringLiteral("BST"));
        QCOMPARE(fd::ui::zoneAbbreviation(utc(7, 10, 8, 0), QString()), QStringLiteral("UTC"));
    }

    void dayOffsets() {
        const QDate day(2026, 12, 10);
        QCOMPARE(fd::ui::dayOffset(day, day), QString());
        QCOMPARE(fd::ui::dayOffset(day, QDate()), QString());
        QCOMPARE(fd::ui::dayOffset(day.addDays(2), day), QStringLiteral("+2"));
        QCOMPARE(fd::ui::dayOffset(day.addDays(-1), day), QStringLiteral("-1"));
    }
};

QTEST_GUILESS_MAIN(TestLocalTime)
#include "tst_localtime.moc"
