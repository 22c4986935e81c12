// Booking from either provider in demo mode, through the whole window: both sandboxes run on
// 127.0.0.1 (timing scale 0.01); one search lists both providers' offers, and choosing one of
// them books with the provider that sells it — its sandbox gets the booking, the other none.
// The outcome, the order history and the itinerary name that provider.
#include "checkoutpage.h"
#include "checkouttab.h"
#include "desk/desk.h"
#include "desk/session.h"
#include "mainwindow.h"
#include "offersmodel.h"
#include "ordersmodel.h"
#include "orderspage.h"
#include "searchpage.h"
#include "testjournal.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace fd;
using namespace fd::ui;

namespace {
constexpr int kWait = 15000;

QList<Passenger> adult() {
    Passenger p;
    p.title = QStringLiteral("ms");
    p.givenName = QStringLiteral("Amara");
    p.familyName = QStringLiteral("Nwosu");
    p.bornOn = QStringLiteral("1985-09-30");
    p.gender = QStringLiteral("f");
    p.email = QStringLiteral("amara.nwosu@example.com");
    p.phoneNumber = QStringLiteral("+2348031234567");
    p.identityDocuments = {{QStringLiteral("passport"), QStringLiteral("A87654321"),
                            QStringLiteral("NG"), QStringLiteral("2036-03-31")}};
    return {p};
}

int rowsWith(const QJsonObject &ledger, const char *table, const char *key, const char *value) {
    int n = 0;
    for (const QJsonValue &v : ledger.value(QLatin1String(table)).toArray())
        n += v.toObject().value(QLatin1String(key)).toString() == QLatin1String(value);
    return n;
}
} // namespace

class TestProviderBooking final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    struct Demo {
        std::unique_ptr<Session> session;
        std::unique_ptr<desk::Desk> desk;
        std::unique_ptr<MainWindow> window;

        // What each sandbox booked: Travelbase's orders, Travomatrix's bookings.
        int travelbaseBookings() const {
            return session->sandbox()->ledgerJson().value(QLatin1String("orders")).toArray().size();
        }
        int travomatrixBookings() const {
            return session->travomatrixSandbox()
                ->ledgerJson()
                .value(QLatin1String("bookings"))
                .toArray()
                .size();
        }
    };

    Demo open() {
        SessionOptions o;
        o.demo = true;
        o.journalPath =
            fd::test::freshJournalLocation(m_dir, QStringLiteral("j%1.sqlite").arg(++m_n));
        o.journalPassword = fd::test::journalPassword();
        o.timingScale = 0.01;
        auto s = Session::open(o);
        if (!s)
            qFatal("session: %s", qPrintable(s.error().message));
        Demo d{std::move(s).value(), nullptr, nullptr};
        d.desk = desk::makeDesk(*d.session);
        d.window = std::make_unique<MainWindow>(MainWindow::Mode::Demo, d.desk.get());
        return d;
    }

    static QTableView *offersView(MainWindow &w) {
        return w.searchPage()->findChild<QTableView *>(QStringLiteral("offersTableView"));
    }

    // Types LOS → LHR as an agent would and waits until every provider has answered.
    static bool searchBoth(MainWindow &w) {
        SearchPage *search = w.searchPage();
        auto *origin = search->findChild<QLineEdit *>(QStringLiteral("originEdit"));
        auto *destination = search->findChild<QLineEdit *>(QStringLiteral("destinationEdit"));
        origin->setFocus();
        QTest::keyClicks(origin, QStringLiteral("LOS"));
        destination->setFocus();
        QTest::keyClicks(destination, QStringLiteral("LHR"));
        w.activateWindow();
        QTest::keyClick(destination, Qt::Key_Return);
        return QTest::qWaitFor([search] { return !search->isSearching(); }, kWait) &&
               search->offersModel()->rowCount() > 0;
    }

    // Selects the cheapest offer `providerName` sells (by the Provider column, as the agent
    // reads it) and chooses it with Enter; the checkout tab it opens.
    static CheckoutTab *choose(MainWindow &w, const QString &providerName) {
        QTableView *view = offersView(w);
        for (int r = 0; r < view->model()->rowCount(); ++r) {
            if (view->model()->index(r, OffersModel::Provider).data().toString() != providerName)
                continue;
            view->setFocus();
            view->setCurrentIndex(view->model()->index(r, 0));
            QTest::keyClick(view, Qt::Key_Return);
            return w.checkoutTabs().isEmpty() ? nullptr : w.checkoutTabs().last();
        }
        return nullptr;
    }

    // Fills the passenger, books with Ctrl+Enter and waits for the outcome.
    static bool book(CheckoutTab *tab) {
        tab->page()->setPassengers(adult());
        if (!QTest::qWaitFor([tab] { return tab->page()->canBook(); }, kWait))
            return false;
        tab->page()->activateWindow();
        QTest::keyClick(tab->page(), Qt::Key_Return, Qt::ControlModifier);
        auto *state = tab->findChild<QLabel *>(QStringLiteral("stateLabel"));
        return QTest::qWaitFor(
            [state] { return state->text().startsWith(QStringLiteral("Booked with")); }, kWait);
    }

private Q_SLOTS:
    void initTestCase() { FD_SKIP_UNLESS_TEST_JOURNAL_RUNS(); }
    void searchListsBothProviders() {
        Demo d = open();
        d.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(d.window.get()));
        QVERIFY(searchBoth(*d.window));
        QTableView *view = offersView(*d.window);
        QStringList providers;
        for (int r = 0; r < view->model()->rowCount(); ++r)
            providers << view->model()->index(r, OffersModel::Provider).data().toString();
        QVERIFY2(providers.contains(QStringLiteral("Travelbase")),
                 qPrintable(providers.join(QLatin1Char(','))));
        QVERIFY2(providers.contains(QStringLiteral("Travomatrix")),
                 qPrintable(providers.join(QLatin1Char(','))));
        QVERIFY(!view->horizontalHeader()->isSectionHidden(OffersModel::Provider));
    }

    void booksATravomatrixOfferWithTravomatrix() {
        Demo d = open();
        d.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(d.window.get()));
        QVERIFY(searchBoth(*d.window));
        CheckoutTab *tab = choose(*d.window, QStringLiteral("Travomatrix"));
        QVERIFY(tab);
        QCOMPARE(tab->provider(), QStringLiteral("travomatrix"));
        QVERIFY(book(tab));
        const QString pnr = tab->flow()->bookingReference();
        QVERIFY(!pnr.isEmpty());
        auto *state = tab->findChild<QLabel *>(QStringLiteral("stateLabel"));
        QCOMPARE(state->text(), QStringLiteral("Booked with Travomatrix, PNR %1").arg(pnr));
        // The PNR is Travomatrix's order id too: printed once.
        QCOMPARE(tab->flow()->orderId(), pnr);
        auto *detail = tab->findChild<QLabel *>(QStringLiteral("detailLabel"));
        QCOMPARE(detail->text(), QStringLiteral("PNR %1 is ticketed.").arg(pnr));
        const QString html = tab->itineraryHtml();
        QVERIFY2(html.contains(QStringLiteral("Travomatrix")), qPrintable(html));
        QCOMPARE(html.count(pnr), 1);
        // The flights in each airport's local time: Lagos is WAT all year; no UTC.
        QVERIFY2(html.contains(QStringLiteral(" WAT")), qPrintable(html));
        QVERIFY2(!html.contains(QStringLiteral("UTC")), qPrintable(html));

        QCOMPARE(d.travomatrixBookings(), 1);
        QCOMPARE(d.travelbaseBookings(), 0);
        QCOMPARE(
            rowsWith(d.session->sandbox()->ledgerJson(), "requests", "endpoint", "create_order"),
            0);

        // The history shows who it was booked with.
        OrdersModel *orders = d.window->ordersPage()->model();
        QTRY_COMPARE(orders->rowCount(), 1);
        QCOMPARE(orders->index(0, OrdersModel::Provider).data().toString(),
                 QStringLiteral("Travomatrix"));
        // With its departure in Lagos's local time, and each flight in the tooltip.
        const QModelIndex departs = orders->index(0, OrdersModel::Departs);
        QVERIFY2(departs.data().toString().endsWith(QLatin1String(" WAT")),
                 qPrintable(departs.data().toString()));
        QVERIFY(
            departs.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("LOS → LHR · ")));
    }

    void booksATravelbaseOfferWithTravelbase() {
        Demo d = open();
        d.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(d.window.get()));
        QVERIFY(searchBoth(*d.window));
        CheckoutTab *tab = choose(*d.window, QStringLiteral("Travelbase"));
        QVERIFY(tab);
        QCOMPARE(tab->provider(), QStringLiteral("travelbase"));
        QVERIFY(book(tab));
        const QString pnr = tab->flow()->bookingReference();
        const QString orderId = tab->flow()->orderId();
        QVERIFY(!pnr.isEmpty());
        QVERIFY(orderId != pnr);
        auto *state = tab->findChild<QLabel *>(QStringLiteral("stateLabel"));
        QCOMPARE(state->text(),
                 QStringLiteral("Booked with Travelbase, PNR %1, order %2").arg(pnr, orderId));
        const QString html = tab->itineraryHtml();
        QVERIFY(html.contains(QStringLiteral("Travelbase")));
        QVERIFY(html.contains(orderId));
        QVERIFY2(html.contains(QStringLiteral(" WAT")), qPrintable(html));
        QVERIFY2(!html.contains(QStringLiteral("UTC")), qPrintable(html));

        QCOMPARE(d.travelbaseBookings(), 1);
        QCOMPARE(
            rowsWith(d.session->sandbox()->ledgerJson(), "requests", "endpoint", "create_order"),
            1);
        QCOMPARE(d.travomatrixBookings(), 0);

        OrdersModel *orders = d.window->ordersPage()->model();
        QTRY_COMPARE(orders->rowCount(), 1);
        QCOMPARE(orders->index(0, OrdersModel::Provider).data().toString(),
                 QStringLiteral("Travelbase"));
    }
};

QTEST_MAIN(TestProviderBooking)
#include "tst_providerbooking.moc"
