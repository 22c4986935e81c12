// The main window: its modes, with no desk at all; and over a fake desk
// (tests/support/fakedesk.h), the demo menu offers the desk's scenarios and switches the desk's.
#include "fakedesk.h"
#include "mainwindow.h"
#include "ordersmodel.h"
#include "orderspage.h"

#include <QAction>
#include <QLabel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>

using fd::ui::MainWindow;

class TestMainWindow final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void liveModeHasNoDemoBanner() {
        MainWindow w(MainWindow::Mode::Live);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.windowTitle(), QStringLiteral("FlightDesk"));
        auto *banner = w.findChild<QLabel *>(QStringLiteral("demoBannerLabel"));
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());
    }

    void demoModeSaysDemoInTitleAndBanner() {
        MainWindow w(MainWindow::Mode::Demo);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.windowTitle().contains(QStringLiteral("DEMO")));
        auto *banner = w.findChild<QLabel *>(QStringLiteral("demoBannerLabel"));
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().startsWith(QStringLiteral("DEMO")));
        QVERIFY(!banner->accessibleName().isEmpty());
    }

    void ctrlQClosesTheWindow() {
        MainWindow w(MainWindow::Mode::Live);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY(!w.isVisible());
    }

    void demoMenuSwitchesTheDesksScenario() {
        fd::test::FakeDesk desk;
        desk.fakeDemo.on = true;
        desk.fakeDemo.names = {QStringLiteral("happy_path"), QStringLiteral("airline_rejects")};
        desk.fakeDemo.current = QStringLiteral("airline_rejects");
        MainWindow w(MainWindow::Mode::Demo, &desk);
        // Every connected provider's sandbox, by name (the fake desk connects Travelbase).
        QCOMPARE(
            w.statusBar()->currentMessage(),
            QStringLiteral("Demo mode: offline sandboxes of Travelbase at http://127.0.0.1:9"));
        const auto scenario = [&w](const char *name) {
            return w.findChild<QAction *>(QStringLiteral("scenario_") + QLatin1String(name));
        };
        QVERIFY(scenario("airline_rejects")->isChecked());
        QVERIFY(!scenario("happy_path")->isChecked());
        QVERIFY(!scenario("slow_airline")); // not a scenario this desk offers
        scenario("happy_path")->trigger();
        QCOMPARE(desk.fakeDemo.current, QStringLiteral("happy_path"));
        QCOMPARE(w.statusBar()->currentMessage(),
                 QStringLiteral("Demo: the next booking will go: Happy path: ticketed"));
    }

    void liveDeskHasNoDemoMenu() {
        fd::test::FakeDesk desk; // a desk with no demo sandbox
        MainWindow w(MainWindow::Mode::Live, &desk);
        QCOMPARE(w.statusBar()->currentMessage(), QStringLiteral("Ready"));
        QVERIFY(!w.findChild<QAction *>(QStringLiteral("scenario_happy_path")));
        QVERIFY(w.searchPage());
        QCOMPARE(w.ordersPage()->model()->rowCount(), 0);
        QCOMPARE(desk.fakeOrders.reads, 0); // the history is read when its tab is first shown
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
