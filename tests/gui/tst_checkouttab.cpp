// The checkout tab end to end: the real widgets, offscreen, against the real sandbox over HTTP
// at a small timing scale. What an agent sees and does, and what the provider receives.
#include "checkoutpage.h"
#include "checkoutstates.h"
#include "checkouttab.h"
#include "desk/desk.h"
#include "desk/session.h"
#include "deskoffers.h"
#include "localtime.h"
#include "mainwindow.h"
#include "testjournal.h"

#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace fd;
using fd::ui::CheckoutTab;
using fd::ui::MainWindow;

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

QJsonArray rowsOf(const QJsonObject &ledger, const char *table, const char *key,
                  const char *value) {
    QJsonArray out;
    for (const QJsonValue &v : ledger.value(QLatin1String(table)).toArray())
        if (v.toObject().value(QLatin1String(key)).toString() == QLatin1String(value))
            out.append(v);
    return out;
}
} // namespace

class TestCheckoutTab final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    // A desk, and the session behind it for what the test checks there (the sandbox's ledger).
    struct OpenDesk {
        std::unique_ptr<Session> session;
        std::unique_ptr<desk::Desk> desk;
    };

    static OpenDesk openDesk(const SessionOptions &o) {
        auto s = Session::open(o);
        if (!s)
            qFatal("session: %s", qPrintable(s.error().message));
        OpenDesk d{std::move(s).value(), nullptr};
        d.desk = desk::makeDesk(*d.session);
        return d;
    }

    OpenDesk demoDesk(const QString &scenario = {}, double timingScale = 0.01) {
        SessionOptions o;
        o.demo = true;
        o.demoScenario = scenario;
        o.journalPath =
            fd::test::freshJournalLocation(m_dir, QStringLiteral("j%1.sqlite").arg(++m_n));
        o.journalPassword = fd::test::journalPassword();
        o.timingScale = timingScale;
        return openDesk(o);
    }

    static QLabel *stateLabel(CheckoutTab &tab) {
        return tab.findChild<QLabel *>(QStringLiteral("stateLabel"));
    }
    static QPushButton *button(QWidget &w, const char *name) {
        return w.findChild<QPushButton *>(QLatin1String(name));
    }

private Q_SLOTS:
    void initTestCase() { FD_SKIP_UNLESS_TEST_JOURNAL_RUNS(); }
    void bookWithTheKeyboardEndsTicketedWithAnItinerary() {
        auto demo = demoDesk();
        const auto offer = fd::test::firstDeskOffer(*demo.desk);
        QVERIFY(offer);
        CheckoutTab tab(demo.desk.get(), *offer, adult());
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        // The key is in the journal before anything is sent, and the tab knows it.
        QTRY_VERIFY(tab.flow()); // stored on the journal's thread
        const auto stored = demo.desk->checkouts().intent(tab.intentId());
        QVERIFY(stored && !stored->idempotencyKey.isEmpty());
        QTRY_COMPARE(tab.flow()->idempotencyKey(), stored->idempotencyKey);
        QTRY_VERIFY(tab.page()->canBook());
        tab.page()->activateWindow();
        QTest::keyClick(tab.page(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(stateLabel(tab)->text().contains(QStringLiteral("Booked")), kWait);
        QVERIFY(stateLabel(tab)->text().contains(tab.flow()->bookingReference()));
        auto *tickets = tab.findChild<QTableWidget *>(QStringLiteral("ticketsTableWidget"));
        QCOMPARE(tickets->rowCount(), 1);
        QCOMPARE(tickets->item(0, 0)->text(), QStringLiteral("Amara Nwosu"));
        QCOMPARE(tickets->item(0, 1)->text().size(), 13);
        QVERIFY(button(tab, "savePdfButton")->isVisible());
        const QString pdf = m_dir.filePath(QStringLiteral("itinerary.pdf"));
        QVERIFY(tab.saveItineraryPdf(pdf));
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(4) == "%PDF");
        // The itinerary (what the PDF prints) gives the flights in each airport's local time.
        const fd::Slice &out = offer->slices.first();
        QVERIFY(!out.origin.timeZone.isEmpty()); // the sandbox's places carry their zones
        const QString html = tab.itineraryHtml();
        QVERIFY2(html.contains(fd::ui::localClock(out.departingAt, out.origin.timeZone)),
                 qPrintable(html));
        QVERIFY2(!html.contains(QStringLiteral("UTC")), qPrintable(html));
        QVERIFY(tab.title().contains(tab.flow()->bookingReference()));
    }

    void tripleClickOnBookMakesOneOrder() {
        auto demo = demoDesk();
        const auto offer = fd::test::firstDeskOffer(*demo.desk);
        QVERIFY(offer);
        CheckoutTab tab(demo.desk.get(), *offer, adult());
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QTRY_VERIFY(tab.page()->canBook());
        QPushButton *book = button(tab, "bookButton");
        QTest::mouseClick(book, Qt::LeftButton);
        QTest::mouseClick(book, Qt::LeftButton);
        QTest::mouseDClick(book, Qt::LeftButton);
        QTest::keyClick(tab.page(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(stateLabel(tab)->text().contains(QStringLiteral("Booked")), kWait);
        const QJsonObject ledger = demo.session->sandbox()->ledgerJson();
        QCOMPARE(rowsOf(ledger, "requests", "endpoint", "create_order").size(), 1);
        QCOMPARE(ledger.value(QStringLiteral("orders")).toArray().size(), 1);
        QCOMPARE(rowsOf(ledger, "wallet_movements", "type", "debit").size(), 1);
    }

    void airlineRejectsThenSearchAgainKeepsThePassengers() {
        auto demo = demoDesk(QStringLiteral("airline_rejects"));
        const auto offer = fd::test::firstDeskOffer(*demo.desk);
        QVERIFY(offer);
        CheckoutTab tab(demo.desk.get(), *offer, adult());
        QSignalSpy again(&tab, &CheckoutTab::searchAgainRequested);
        tab.show();
        QTRY_VERIFY(tab.page()->canBook());
        tab.page()->requestBooking();
        QTRY_VERIFY_WITH_TIMEOUT(
            stateLabel(tab)->text().contains(QStringLiteral("no charge was applied")), kWait);
        QPushButton *searchAgain = button(tab, "searchAgainButton");
        QVERIFY(searchAgain->isVisible());
        QTest::mouseClick(searchAgain, Qt::LeftButton);
        QCOMPARE(again.size(), 1);
        const auto people = again.first().at(1).value<QList<Passenger>>();
        QCOMPARE(people.size(), 1);
        QCOMPARE(people.first().familyName, QStringLiteral("Nwosu"));
        QCOMPARE(people.first().identityDocuments.first().uniqueIdentifier,
                 QStringLiteral("A87654321"));
        // The reversal is in the ledger: the agent was told the truth.
        QCOMPARE(
            rowsOf(demo.session->sandbox()->ledgerJson(), "wallet_movements", "type", "reversal")
                .size(),
            1);
    }

    // The airline never answers: after the flow's 5 minutes (scaled) the tab tells the agent
    // what the flow said — the order id, support, do not book again — and offers no new search.
    void neverResolvedSaysContactSupportWithTheOrder() {
        auto demo = demoDesk(QStringLiteral("never_resolves"), 0.002);
        const auto offer = fd::test::firstDeskOffer(*demo.desk);
        QVERIFY(offer);
        CheckoutTab tab(demo.desk.get(), *offer, adult());
        tab.show();
        QTRY_VERIFY(tab.page()->canBook());
        tab.page()->requestBooking();
        QTRY_VERIFY_WITH_TIMEOUT(stateLabel(tab)->text().contains(QStringLiteral("support")),
                                 kWait);
        const QString orderId = tab.flow()->orderId();
        QVERIFY(!orderId.isEmpty());
        const QString detail = tab.findChild<QLabel *>(QStringLiteral("detailLabel"))->text();
        QVERIFY2(detail.contains(orderId), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("do not book again")), qPrintable(detail));
        QVERIFY(!button(tab, "searchAgainButton")->isVisible());
        QVERIFY(button(tab, "copyOrderIdButton")->isVisible());
        QVERIFY2(!tab.page()->bookBlockedReason().contains(QStringLiteral("Search again")),
                 qPrintable(tab.page()->bookBlockedReason()));
        QCOMPARE(tab.flow()->state(), CheckoutState::Unresolved);
    }

    void walletTooLowThenTopUpBooks() {
        auto demo = demoDesk(QStringLiteral("wallet_too_low"));
        const auto offer = fd::test::firstDeskOffer(*demo.desk);
        QVERIFY(offer);
        CheckoutTab tab(demo.desk.get(), *offer, adult());
        tab.show();
        QTRY_VERIFY(!tab.page()->bookBlockedReason().isEmpty() || tab.page()->canBook());
        tab.page()->requestBooking();
        QTRY_VERIFY_WITH_TIMEOUT(button(tab, "topUpButton")->isVisible(), kWait);
        QVERIFY(stateLabel(tab)->text().contains(QStringLiteral("wallet")));
        QCOMPARE(
            rowsOf(demo.session->sandbox()->ledgerJson(), "requests", "endpoint", "create_order")
                .size(),
            0);
        QTest::mouseClick(button(tab, "topUpButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(stateLabel(tab)->text().contains(QStringLiteral("Booked")), kWait);
    }

    void resumesAfterARestart() {
        // One provider for both runs of the desk.
        fd::sandbox::SandboxOptions so;
        so.timingScale = 0.01;
        fd::sandbox::Sandbox sandbox(so);
        QVERIFY(sandbox.start().ok());
        QVERIFY(sandbox.setScenario(QStringLiteral("slow_airline")).ok());
        SessionOptions o;
        o.apiBase = sandbox.baseUrl();
        o.apiKey = sandbox.apiKey();
        o.journalPath = fd::test::freshJournalLocation(m_dir, QStringLiteral("restart.sqlite"));
        o.journalPassword = fd::test::journalPassword();
        o.timingScale = 0.01;
        qint64 intentId = 0;
        QString key;
        {
            auto first = openDesk(o);
            const auto offer = fd::test::firstDeskOffer(*first.desk);
            QVERIFY(offer);
            CheckoutTab tab(first.desk.get(), *offer, adult());
            tab.show();
            QTRY_VERIFY(tab.page()->canBook());
            tab.page()->requestBooking();
            QTRY_VERIFY(tab.flow());
            QTRY_COMPARE_WITH_TIMEOUT(tab.flow()->state(), CheckoutState::Processing, kWait);
            QVERIFY(tab.isInFlight());
            intentId = tab.intentId();
            key = tab.flow()->idempotencyKey();
        } // the desk closes while the airline is still working
        auto second = openDesk(o);
        const auto unfinished = second.desk->checkouts().unfinished();
        QVERIFY(unfinished.ok());
        QCOMPARE(unfinished->size(), 1);
        CheckoutTab resumed(second.desk.get(), intentId);
        resumed.show();
        QTRY_VERIFY(resumed.flow()); // read on the journal's thread
        QTRY_COMPARE(resumed.flow()->idempotencyKey(), key);
        QTRY_VERIFY_WITH_TIMEOUT(stateLabel(resumed)->text().contains(QStringLiteral("Booked")),
                                 kWait);
        const QJsonObject ledger = sandbox.ledgerJson();
        QCOMPARE(rowsOf(ledger, "requests", "endpoint", "create_order").size(), 1);
        QCOMPARE(ledger.value(QStringLiteral("orders")).toArray().size(), 1);
    }

    // Issue 9.10: the desk died after the journal wrote `ticketed` and before the tab showed
    // it. The next start reopens that tab on the outcome, says so, and marks it shown.
    void bookedWhileClosedIsShownAtTheNextStart() {
        auto demo = demoDesk();
        const auto intent =
            demo.session->journal().createIntent(QStringLiteral("off_0001"), {}, {});
        QVERIFY(intent.ok());
        auto &j = demo.session->journal();
        QVERIFY(j.freezeBody(intent->id, QByteArrayLiteral("{\"data\":{}}")).ok());
        QVERIFY(
            j.recordCreateResponse(intent->id, QStringLiteral("ord_0042"), QStringLiteral("RZPVAB"))
                .ok());
        QVERIFY(j.setState(intent->id, CheckoutState::Ticketed).ok());
        QCOMPARE(j.outcomesNotShown()->size(), 1);

        MainWindow window(MainWindow::Mode::Demo, demo.desk.get());
        window.show();
        window.resumeUnfinished();
        QTRY_VERIFY_WITH_TIMEOUT(!window.checkoutTabs().isEmpty(), kWait);
        QVERIFY2(window.statusBar()->currentMessage().contains(
                     QStringLiteral("While FlightDesk was closed: booked RZPVAB")),
                 qPrintable(window.statusBar()->currentMessage()));
        QCOMPARE(window.checkoutTabs().size(), 1);
        CheckoutTab *tab = window.checkoutTabs().first();
        QTRY_VERIFY_WITH_TIMEOUT(stateLabel(*tab)->text().contains(QStringLiteral("RZPVAB")),
                                 kWait);
        QVERIFY(j.outcomesNotShown()->isEmpty()); // said once
    }
};

QTEST_MAIN(TestCheckoutTab)
#include "tst_checkouttab.moc"
