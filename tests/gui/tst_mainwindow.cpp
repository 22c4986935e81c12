#include "mainwindow.h"

#include <QLabel>
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
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
