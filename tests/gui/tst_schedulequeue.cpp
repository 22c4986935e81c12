// The schedule-change queue in the main window, over a fake desk: the count in the tab's title,
// old and new times side by side in the airports' local times, and Acknowledge driven with the
// keyboard alone. With FLIGHTDESK_SCREENSHOT_DIR set (under xvfb-run, -platform xcb) it also
// saves the window as schedule-queue.png there.
#include "fakedesk.h"
#include "localtime.h"
#include "mainwindow.h"
#include "ordersmodel.h"
#include "orderspage.h"
#include "schedulequeuemodel.h"
#include "schedulequeuepage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using fd::ScheduleChange;
using fd::ui::MainWindow;
using fd::ui::ScheduleQueueModel;
using fd::ui::ScheduleQueuePage;

namespace {

QJsonObject place(const char *code, const char *zone) {
    return {{QStringLiteral("iata_code"), QLatin1String(code)},
            {QStringLiteral("time_zone"), QLatin1String(zone)}};
}

QJsonArray slices(const char *flight, const char *from, const char *fromZone, const char *to,
                  const char *toZone, const QString &departs, const QString &arrives) {
    const QJsonObject segment{{QStringLiteral("flight_number"), QLatin1String(flight)},
                              {QStringLiteral("origin"), QLatin1String(from)},
                              {QStringLiteral("destination"), QLatin1String(to)},
                              {QStringLiteral("departing_at"), departs},
                              {QStringLiteral("arriving_at"), arrives}};
    return {QJsonObject{{QStringLiteral("origin"), place(from, fromZone)},
                        {QStringLiteral("destination"), place(to, toZone)},
                        {QStringLiteral("departing_at"), departs},
                        {QStringLiteral("arriving_at"), arrives},
                        {QStringLiteral("segments"), QJsonArray{segment}}}};
}

ScheduleChange change(const QString &order, const QString &reference, const QJsonArray &before,
                      const QJsonArray &after) {
    ScheduleChange c;
    c.provider = QStringLiteral("travelbase");
    c.orderId = order;
    c.orderVersion = 3;
    c.id = c.provider + QLatin1Char('/') + order + QStringLiteral("/v3");
    c.bookingReference = reference;
    c.oldSlices = before;
    c.newSlices = after;
    c.receivedAt = QDateTime(QDate(2026, 12, 1), QTime(9, 12), Qt::UTC);
    return c;
}

// Lagos → London moved 95 minutes later; Johannesburg → Frankfurt overnight, moved to the next
// day's departure.
void fill(fd::test::FakeScheduleChanges &q) {
    q.changes = {change(QStringLiteral("ord_0007"), QStringLiteral("RZPVAB"),
                        slices("BA76", "LOS", "Africa/Lagos", "LHR", "Europe/London",
                               QStringLiteral("2026-12-10T08:00:00Z"),
                               QStringLiteral("2026-12-10T14:30:00Z")),
                        slices("BA76", "LOS", "Africa/Lagos", "LHR", "Europe/London",
                               QStringLiteral("2026-12-10T09:35:00Z"),
                               QStringLiteral("2026-12-10T16:05:00Z"))),
                 change(QStringLiteral("ord_0009"), QStringLiteral("TB7Q2X"),
                        slices("LH573", "JNB", "Africa/Johannesburg", "FRA", "Europe/Berlin",
                               QStringLiteral("2026-12-12T18:40:00Z"),
                               QStringLiteral("2026-12-13T05:10:00Z")),
                        slices("LH573", "JNB", "Africa/Johannesburg", "FRA", "Europe/Berlin",
                               QStringLiteral("2026-12-12T22:55:00Z"),
                               QStringLiteral("2026-12-13T09:25:00Z")))};
}

} // namespace

class TestScheduleQueue final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The queue's table model, checked by Qt's own model tester through a reset and back:
    // raw values for sorting (the departures as instants), the change's id on every column.
    void theModelIsAWellBehavedTable() {
        ScheduleQueueModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        fd::test::FakeScheduleChanges q;
        fill(q);
        q.changes[1].intentId = 9;
        model.setChanges(q.changes);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ScheduleQueueModel::ColumnCount));
        QCOMPARE(model.headerData(ScheduleQueueModel::Now, Qt::Horizontal).toString(),
                 QStringLiteral("Now"));
        const QModelIndex now = model.index(1, ScheduleQueueModel::Now);
        QCOMPARE(now.data(ScheduleQueueModel::RawValueRole).toDateTime(),
                 QDateTime(QDate(2026, 12, 12), QTime(22, 55), Qt::UTC));
        QCOMPARE(model.index(0, ScheduleQueueModel::Was)
                     .data(ScheduleQueueModel::RawValueRole)
                     .toDateTime(),
                 QDateTime(QDate(2026, 12, 10), QTime(8, 0), Qt::UTC));
        QCOMPARE(now.data(ScheduleQueueModel::ChangeIdRole).toString(),
                 QStringLiteral("travelbase/ord_0009/v3"));
        QCOMPARE(now.data(ScheduleQueueModel::IntentIdRole).toLongLong(), 9);
        QCOMPARE(model.rowOf(QStringLiteral("travelbase/ord_0009/v3")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("travelbase/ord_0404/v1")), -1);
        model.setChanges({});
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.index(0, 0).isValid());
    }

    void localTimesNameTheZoneAndTheDay() {
        const QDateTime dep(QDate(2026, 12, 12), QTime(18, 40), Qt::UTC);
        const QDateTime arr(QDate(2026, 12, 13), QTime(5, 10), Qt::UTC);
        QCOMPARE(fd::ui::localTime(dep, QStringLiteral("Africa/Johannesburg")),
                 QStringLiteral("Sat 12 Dec 20:40 SAST"));
        const QDate left = fd::ui::localDay(dep, QStringLiteral("Africa/Johannesburg"));
        QCOMPARE(fd::ui::localTime(arr, QStringLiteral("Europe/Berlin"), left),
                 QStringLiteral("Sun 13 Dec 06:10 CET +1"));
        // No zone from the provider: UTC, and it says so.
        QCOMPARE(fd::ui::localTime(dep, {}), QStringLiteral("Sat 12 Dec 18:40 UTC"));
        QCOMPARE(fd::ui::localTime({}, QStringLiteral("Europe/Berlin")),
                 QStringLiteral("see the airline"));
    }

    // A booking whose schedule changed waits under the orders page's "Needs attention" until
    // the change is acknowledged.
    void changedBookingNeedsAttentionUntilAcknowledged() {
        fd::test::FakeDesk desk;
        fill(desk.fakeScheduleChanges);
        desk.fakeScheduleChanges.changes[0].intentId = 7;
        desk.fakeScheduleChanges.changes[1].intentId = 9;
        MainWindow w(MainWindow::Mode::Demo, &desk);
        auto *page = w.scheduleQueuePage();
        QVERIFY(page);
        auto *filter =
            w.findChild<fd::ui::OrdersPage *>(QStringLiteral("ordersPage"))->filterModel();
        QTRY_VERIFY(filter->needsAttention(7) && filter->needsAttention(9));
        QVERIFY(!filter->needsAttention(8));
        desk.fakeScheduleChanges.changes.removeFirst(); // acknowledged elsewhere
        page->refresh();
        QTRY_VERIFY(!filter->needsAttention(7));
        QVERIFY(filter->needsAttention(9));
    }

    void acknowledgeWithTheKeyboardAlone() {
        fd::test::FakeDesk desk;
        fill(desk.fakeScheduleChanges);
        MainWindow w(MainWindow::Mode::Demo, &desk);
        w.resize(1100, 520);
        w.show();
        const QString screenshots = qEnvironmentVariable("FLIGHTDESK_SCREENSHOT_DIR");
        // A bare X server (xvfb-run, no window manager) never activates a window.
        QVERIFY(screenshots.isEmpty() ? QTest::qWaitForWindowActive(&w)
                                      : QTest::qWaitForWindowExposed(&w));
        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("pagesTabWidget"));
        QVERIFY(tabs);
        auto *page = w.scheduleQueuePage();
        QVERIFY(page);
        const int index = tabs->indexOf(page);
        QTRY_COMPARE(tabs->tabText(index), QStringLiteral("&Queue (2)"));
        auto *table = page->findChild<QTableView *>(QStringLiteral("changesTable"));
        const auto text = [table](int row, int column) {
            return table->model()->index(row, column).data().toString();
        };
        QCOMPARE(table->model()->rowCount(), 2);
        // Old and new side by side, in Lagos's and London's own times.
        QCOMPARE(text(0, ScheduleQueueModel::Was),
                 QStringLiteral("Thu 10 Dec 09:00 WAT → Thu 10 Dec 14:30 GMT"));
        QCOMPARE(text(0, ScheduleQueueModel::Now),
                 QStringLiteral("Thu 10 Dec 10:35 WAT → Thu 10 Dec 16:05 GMT"));
        QCOMPARE(text(0, ScheduleQueueModel::Flight), QStringLiteral("BA76 LOS → LHR"));
        // Leaves the next day now: "+1" on the departure, none on an arrival that same day.
        QCOMPARE(text(1, ScheduleQueueModel::Now),
                 QStringLiteral("Sun 13 Dec 00:55 SAST +1 → Sun 13 Dec 10:25 CET"));

        // A change arriving while the window is open raises the count.
        desk.fakeScheduleChanges.add(change(
            QStringLiteral("ord_0011"), QStringLiteral("QK3LMN"),
            slices("AF149", "CDG", "Europe/Paris", "LOS", "Africa/Lagos",
                   QStringLiteral("2026-12-15T10:00:00Z"), QStringLiteral("2026-12-15T16:20:00Z")),
            slices("AF149", "CDG", "Europe/Paris", "LOS", "Africa/Lagos",
                   QStringLiteral("2026-12-15T11:10:00Z"),
                   QStringLiteral("2026-12-15T17:30:00Z"))));
        QTRY_COMPARE(tabs->tabText(index), QStringLiteral("&Queue (3)"));

        if (!screenshots.isEmpty()) {
            desk.fakeScheduleChanges.changes.removeLast(); // the screenshot shows two
            page->refresh();
            QTRY_COMPARE(tabs->tabText(index), QStringLiteral("&Queue (2)"));
            tabs->setCurrentWidget(page);
            QTest::qWait(200); // painted: a screenshot, not a proof
            QVERIFY(
                w.grab().save(QDir(screenshots).filePath(QStringLiteral("schedule-queue.png"))));
            return;
        }

        // Alt+Q opens the queue, Tab reaches the table, Down picks the second change,
        // Alt+A acknowledges it.
        QTest::keyClick(&w, Qt::Key_Q, Qt::AltModifier);
        QTRY_COMPARE(tabs->currentWidget(), page);
        for (int i = 0; i < 12 && QApplication::focusWidget() != table; ++i)
            QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget()
                                                        : static_cast<QWidget *>(&w),
                            Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), table);
        QCOMPARE(page->selectedId(), QStringLiteral("travelbase/ord_0007/v3"));
        QTest::keyClick(table, Qt::Key_Down);
        QCOMPARE(page->selectedId(), QStringLiteral("travelbase/ord_0009/v3"));
        QTest::keyClick(&w, Qt::Key_A, Qt::AltModifier);
        QTRY_COMPARE(tabs->tabText(index), QStringLiteral("&Queue (2)"));
        QCOMPARE(desk.fakeScheduleChanges.acknowledged,
                 QStringList{QStringLiteral("travelbase/ord_0009/v3")});
        QCOMPARE(table->model()->rowCount(), 2);
        // Again: the first row is selected after a read, so Alt+A alone works the queue down.
        QTest::keyClick(&w, Qt::Key_A, Qt::AltModifier);
        QTRY_COMPARE(tabs->tabText(index), QStringLiteral("&Queue (1)"));
        QTest::keyClick(&w, Qt::Key_A, Qt::AltModifier);
        QTRY_COMPARE(tabs->tabText(index), QStringLiteral("&Queue"));
        QCOMPARE(table->model()->rowCount(), 0);
        QVERIFY(!page->findChild<QPushButton *>(QStringLiteral("acknowledgeButton"))->isEnabled());
    }
};

QTEST_MAIN(TestScheduleQueue)
#include "tst_schedulequeue.moc"
