// The whole desk in demo mode, driven like an agent would: search, choose, book, see the
// outcome and the order in the history; in-flight tabs ask before closing; unfinished
// bookings come back by themselves after a restart.
#include "checkoutpage.h"
#include "checkoutstates.h"
#include "checkouttab.h"
#include "desk/desk.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "ordersmodel.h"
#include "orderspage.h"
#include "searchpage.h"
#include "testjournal.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace fd;
using namespace fd::ui;

namespace {
constexpr int kWait = 15000;

QList<Passenger> adult() {
    Passenger p;
    p.title = QStringLiteral("mr");
    p.givenName = QStringLiteral("Adebayo");
    p.familyName = QStringLiteral("Okafor");
    p.bornOn = QStringLiteral("1988-04-17");
    p.gender = QStringLiteral("m");
    p.email = QStringLiteral("a.okafor@example.com");
    p.phoneNumber = QStringLiteral("+2348031234567");
    p.identityDocuments = {{QStringLiteral("passport"), QStringLiteral("A12345678"),
                            QStringLiteral("NG"), QStringLiteral("2031-05-02")}};
    return {p};
}
} // namespace

class TestDesk final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QHash<QString, QString> m_journals; // by name: a desk started again finds its journal

    std::unique_ptr<desk::Desk> demo(const QString &journal, const QString &scenario = {}) {
        SessionOptions o;
        o.demo = true;
        o.demoScenario = scenario;
        if (!m_journals.contains(journal))
            m_journals.insert(journal, fd::test::freshJournalLocation(m_dir, journal));
        o.journalPath = m_journals.value(journal);
        o.journalPassword = fd::test::journalPassword();
        o.timingScale = 0.01;
        return std::move(desk::makeDesk(o)).value();
    }

    // Types the route into the search page and chooses the cheapest offer with the keyboard.
    static CheckoutTab *searchAndChoose(MainWindow &w, const QString &to = QStringLiteral("LHR")) {
        SearchPage *search = w.searchPage();
        auto *origin = search->findChild<QLineEdit *>(QStringLiteral("originEdit"));
        auto *destination = search->findChild<QLineEdit *>(QStringLiteral("destinationEdit"));
        origin->setFocus();
        QTest::keyClicks(origin, QStringLiteral("LOS"));
        destination->setFocus();
        QTest::keyClicks(destination, to);
        w.activateWindow();
        QTest::keyClick(destination, Qt::Key_Return);
        auto *view = search->findChild<QTableView *>(QStringLiteral("offersTableView"));
        if (!QTest::qWaitFor([view] { return view->model() && view->model()->rowCount() > 0; },
                             kWait))
            return nullptr;
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Return);
        return w.checkoutTabs().isEmpty() ? nullptr : w.checkoutTabs().last();
    }

private Q_SLOTS:
    void initTestCase() { FD_SKIP_UNLESS_TEST_JOURNAL_RUNS(); }
    void searchBookAndSeeTheOrder() {
        auto demoDesk = demo(QStringLiteral("happy.sqlite"));
        MainWindow w(MainWindow::Mode::Demo, demoDesk.get());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.windowTitle().contains(QStringLiteral("DEMO")));
        CheckoutTab *tab = searchAndChoose(w);
        QVERIFY(tab);
        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("pagesTabWidget"));
        QCOMPARE(tabs->currentWidget(), tab);
        tab->page()->setPassengers(adult());
        QTRY_VERIFY(tab->page()->canBook());
        tab->page()->activateWindow();
        QTest::keyClick(tab->page(), Qt::Key_Return, Qt::ControlModifier);
        auto *state = tab->findChild<QLabel *>(QStringLiteral("stateLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(QStringLiteral("Booked")), kWait);
        QVERIFY(tabs->tabText(tabs->indexOf(tab)).contains(tab->flow()->bookingReference()));

        // The history shows it, by booking reference.
        OrdersModel *orders = w.ordersPage()->model();
        // The page reads the journal off the GUI thread: the row may first show the order as it
        // was when the page read it, then its reference once the ticketed state is read.
        const QString reference = tab->flow()->bookingReference();
        const auto rowShowsReference = [orders, &reference] {
            if (orders->rowCount() != 1)
                return false;
            for (int c = 0; c < orders->columnCount(); ++c)
                if (orders->index(0, c).data().toString() == reference)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(rowShowsReference(), kWait);
    }

    // Ilorin is not in the desk's bundled airport list; the demo provider flies there.
    void booksARouteOutsideTheBundledList() {
        auto demoDesk = demo(QStringLiteral("ilorin.sqlite"));
        MainWindow w(MainWindow::Mode::Demo, demoDesk.get());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        CheckoutTab *tab = searchAndChoose(w, QStringLiteral("ILR"));
        QVERIFY(tab);
        QCOMPARE(tab->page()->offer().slices.first().destination.iataCode, QStringLiteral("ILR"));
        QList<Passenger> people = adult();
        people.first().identityDocuments.clear(); // a domestic flight: no passport asked
        tab->page()->setPassengers(people);
        QTRY_VERIFY(tab->page()->canBook());
        tab->page()->activateWindow();
        QTest::keyClick(tab->page(), Qt::Key_Return, Qt::ControlModifier);
        auto *state = tab->findChild<QLabel *>(QStringLiteral("stateLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(QStringLiteral("Booked")), kWait);
    }

    void closingAnInFlightTabAsksAndKeepsTheOrder() {
        const QString journal = QStringLiteral("inflight.sqlite");
        qint64 intentId = 0;
        {
            auto demoDesk = demo(journal, QStringLiteral("never_resolves"));
            MainWindow w(MainWindow::Mode::Demo, demoDesk.get());
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            CheckoutTab *tab = searchAndChoose(w);
            QVERIFY(tab);
            tab->page()->setPassengers(adult());
            QTRY_VERIFY(tab->page()->canBook());
            tab->page()->requestBooking();
            QTRY_VERIFY(tab->flow());
            QTRY_COMPARE_WITH_TIMEOUT(tab->flow()->state(), CheckoutState::Processing, kWait);
            intentId = tab->intentId();
            auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("pagesTabWidget"));
            const int index = tabs->indexOf(tab);
            MessageBox::setNextAnswer(false); // the agent keeps it open
            Q_EMIT tabs->tabCloseRequested(index);
            QCOMPARE(w.checkoutTabs().size(), 1);
            MessageBox::setNextAnswer(true);
            Q_EMIT tabs->tabCloseRequested(index);
            QTRY_COMPARE(w.checkoutTabs().size(), 0);
        }
        // The journal kept it, unfinished; the next start reopens and continues it.
        auto demoDesk = demo(journal);
        const auto unfinished = demoDesk->checkouts().unfinished();
        QVERIFY(unfinished.ok());
        QCOMPARE(unfinished->size(), 1);
        QCOMPARE(unfinished->first().id, intentId);
        MainWindow w(MainWindow::Mode::Demo, demoDesk.get());
        w.show();
        w.resumeUnfinished();
        QTRY_VERIFY_WITH_TIMEOUT(!w.checkoutTabs().isEmpty(), kWait);
        QCOMPARE(w.checkoutTabs().size(), 1);
        QCOMPARE(w.checkoutTabs().first()->intentId(), intentId);
        // A second request for the same intent focuses the same tab.
        QCOMPARE(w.openIntent(intentId), w.checkoutTabs().first());
        QCOMPARE(w.checkoutTabs().size(), 1);
    }

    void airlineRejectsThenSearchAgainPrefillsAFreshCheckout() {
        auto demoDesk = demo(QStringLiteral("rejects.sqlite"), QStringLiteral("airline_rejects"));
        MainWindow w(MainWindow::Mode::Demo, demoDesk.get());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        CheckoutTab *first = searchAndChoose(w);
        QVERIFY(first);
        first->page()->setPassengers(adult());
        QTRY_VERIFY(first->page()->canBook());
        first->page()->requestBooking();
        auto *again = first->findChild<QPushButton *>(QStringLiteral("searchAgainButton"));
        QTRY_VERIFY_WITH_TIMEOUT(again->isVisible(), kWait);
        const QString firstKey = first->flow()->idempotencyKey();
        QVERIFY(demoDesk->demo().setScenario(QStringLiteral("happy_path")).ok());
        QTest::mouseClick(again, Qt::LeftButton);
        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("pagesTabWidget"));
        QCOMPARE(tabs->currentWidget(), w.searchPage());
        auto *view = w.searchPage()->findChild<QTableView *>(QStringLiteral("offersTableView"));
        QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 0, kWait);
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(w.checkoutTabs().size(), 2);
        CheckoutTab *fresh = w.checkoutTabs().last();
        // A fresh checkout: a new intent and key, with every passenger already filled in.
        QTRY_VERIFY(fresh->flow() && !fresh->flow()->idempotencyKey().isEmpty());
        QVERIFY(fresh->flow()->idempotencyKey() != firstKey);
        const QList<Passenger> people = fresh->page()->passengers();
        QCOMPARE(people.size(), 1);
        QCOMPARE(people.first().familyName, QStringLiteral("Okafor"));
        QCOMPARE(people.first().identityDocuments.first().uniqueIdentifier,
                 QStringLiteral("A12345678"));
        QTRY_VERIFY(fresh->page()->canBook());
        fresh->page()->requestBooking();
        auto *state = fresh->findChild<QLabel *>(QStringLiteral("stateLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(QStringLiteral("Booked")), kWait);
    }

    void demoMenuPicksTheNextOutcome() {
        auto demoDesk = demo(QStringLiteral("menu.sqlite"));
        MainWindow w(MainWindow::Mode::Demo, demoDesk.get());
        auto *rejects = w.findChild<QAction *>(QStringLiteral("scenario_airline_rejects"));
        QVERIFY(rejects);
        rejects->trigger();
        QCOMPARE(demoDesk->demo().scenario(), QStringLiteral("airline_rejects"));
    }
};

QTEST_MAIN(TestDesk)
#include "tst_desk.moc"
