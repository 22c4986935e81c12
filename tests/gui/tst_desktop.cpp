// The window's start-up in demo mode (ui::Desktop, as `flightdesk --demo` runs it): its first
// frame comes before the desk's servers serve (net/serving.h, issue 14), and they serve once it
// is drawn: a search from the window finds offers in both sandboxes, and a webhook reaches the
// desk's receiver.
#include "desktop.h"
#include "mainwindow.h"
#include "searchpage.h"

#include "desk/desk.h"
#include "net/serving.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace fd;

namespace {

constexpr int kWait = 20000;

} // namespace

class TestDesktop final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void theDemoDeskServesOnceItsWindowIsDrawn() {
        ui::Desktop desktop(/*demo=*/true, QString(), 0.01);
        QSignalSpy opened(&desktop, &ui::Desktop::windowOpened);
        desktop.start();
        QCOMPARE(opened.size(), 1); // demo mode opens at once
        ui::MainWindow *w = desktop.window();
        QVERIFY(w && w->isVisible());
        QVERIFY(desktop.desk());
        // Shown, not drawn yet: the servers listen but do not serve.
        QVERIFY(net::servingHeld());
        QTRY_VERIFY_WITH_TIMEOUT(!net::servingHeld(), kWait); // the first paint released them

        ui::SearchPage *search = w->searchPage();
        search->findChild<QLineEdit *>(QStringLiteral("originEdit"))
            ->setText(QStringLiteral("LOS"));
        search->findChild<QLineEdit *>(QStringLiteral("destinationEdit"))
            ->setText(QStringLiteral("LHR"));
        search->search();
        auto *view = search->findChild<QTableView *>(QStringLiteral("offersTableView"));
        QTRY_VERIFY_WITH_TIMEOUT(view->model() && view->model()->rowCount() > 0, kWait);
    }

    void aWindowThatIsNeverDrawnStillGetsItsServers() {
        ui::Desktop desktop(/*demo=*/true, QString(), 0.01);
        desktop.start();
        desktop.window()->hide(); // hidden before its first paint
        QVERIFY(net::servingHeld());
        // The fallback releases them a second later (scaled: 10 ms here).
        QTRY_VERIFY_WITH_TIMEOUT(!net::servingHeld(), kWait);
    }
};

QTEST_MAIN(TestDesktop)
#include "tst_desktop.moc"
