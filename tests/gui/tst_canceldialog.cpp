// Cancelling a booking from the window, with the keyboard alone, over a real demo desk: the
// orders page and a ticketed checkout tab open the cancel dialog; it shows the quote (refund,
// what is not refunded, a live countdown); Confirm refunds once, Keep booking sends nothing, an
// expired quote says so and a new one can be had. Judged by what the agent sees, the sandbox's
// ledger and the journal.
#include "bookingfixture.h"
#include "canceldialog.h"
#include "checkouttext.h"
#include "mainwindow.h"
#include "ordersmodel.h"
#include "orderspage.h"
#include "walletstatus.h"

#include "sandbox/scenario.h"

#include <QComboBox>
#include <QJsonArray>
#include <QPointer>
#include <QPushButton>

using namespace fd;
using namespace fd::ui;
using fd::test::kBookingWait;

namespace {

QLabel *label(QWidget *w, const char *name) {
    return w->findChild<QLabel *>(QLatin1String(name));
}
QPushButton *button(QWidget *w, const char *name) {
    return w->findChild<QPushButton *>(QLatin1String(name));
}
QString grouped(const Money &m) {
    return checkouttext::groupedAmount(m.amount()) + QLatin1Char(' ') + m.currency();
}

// A cancellation flow like the desk's, over the same gateway and journal, on a clock the test
// moves: the quote's expiry without waiting 15 minutes.
class ClockedCancellations final : public desk::Cancellations {
public:
    ClockedCancellations(Session &session, const Clock &clock)
        : m_session(session)
        , m_clock(clock) {}
    Result<CancellationFlow *> open(const QString &provider) override {
        desk::ProviderLink *link = m_session.link(provider);
        if (!link)
            return Error{QStringLiteral("FD_TEST"), QStringLiteral("not connected")};
        return new CancellationFlow(
            {&link->gateway(), &m_session.journalQueue(), &m_session.journal(), &m_clock});
    }
    Result<QList<CancellationRecord>> unfinished() const override {
        return m_session.journal().unfinishedCancellations();
    }

private:
    Session &m_session;
    const Clock &m_clock;
};

} // namespace

class TestCancelDialog final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    test::BookingDesk open() {
        return test::openBookingDesk(m_dir, QStringLiteral("c%1.sqlite").arg(++m_n));
    }

    // Opens the dialog from `page` for its only order: the row chosen with the arrows, then
    // Alt+B (Cancel booking…); waits for the quote.
    static CancelDialog *cancelFromPage(OrdersPage *page) {
        auto *table = page->findChild<QTableView *>(QStringLiteral("ordersTableView"));
        if (!QTest::qWaitFor([table] { return table->model()->rowCount() == 1; }, kBookingWait))
            return nullptr;
        test::selectRowWithTheKeyboard(table);
        if (!QTest::qWaitFor([page] { return button(page, "cancelButton")->isEnabled(); }))
            return nullptr;
        QTest::keyClick(table, Qt::Key_B, Qt::AltModifier);
        // A mnemonic animates its button's click: the dialog opens a moment later.
        CancelDialog *dialog = nullptr;
        // A dialog that never opens leaves `dialog` null, which the caller reports.
        (void)QTest::qWaitFor([&dialog] {
            return (dialog = test::openDialog<CancelDialog>(QStringLiteral("cancelDialog")));
        });
        return dialog && waitForQuote(dialog) ? dialog : nullptr;
    }
    static bool waitForQuote(CancelDialog *dialog) {
        return test::activate(dialog) &&
               QTest::qWaitFor([dialog] { return button(dialog, "confirmButton")->isEnabled(); },
                               kBookingWait);
    }

private Q_SLOTS:
    void initTestCase() { FD_SKIP_UNLESS_TEST_JOURNAL_RUNS(); }

    void confirmFromTheOrdersPageRefundsOnce() {
        auto d = open();
        MainWindow w(MainWindow::Mode::Demo, d.desk.get());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const auto offer = test::firstDeskOffer(*d.desk);
        QVERIFY(offer);
        CheckoutTab *tab = w.openCheckout(*offer, test::bookingAdult());
        QVERIFY(test::bookWithTheKeyboard(*tab));
        // The booked tab and the status bar show the balance after the booking, not before.
        const Money afterBooking = d.session->sandbox()->walletBalance();
        WalletStatus *wallet = w.walletStatus();
        const auto shown = [wallet] {
            const auto b = wallet->balance(QStringLiteral("travelbase"));
            return b ? b->available : Money();
        };
        QTRY_COMPARE_WITH_TIMEOUT(shown(), afterBooking, kBookingWait);
        QTRY_VERIFY(label(tab, "walletLabel")->text().contains(afterBooking.toString()));

        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_O, Qt::ControlModifier);
        CancelDialog *dialog = cancelFromPage(w.ordersPage());
        QVERIFY(dialog);
        const CancellationRecord quote = dialog->flow()->record();
        QVERIFY(quote.quote.refund.minorUnits() > 0);
        QCOMPARE(label(dialog, "refundLabel")->text(), quote.quote.refund.toString());
        const Money kept = offer->total.minus(quote.quote.refund).value();
        QVERIFY(label(dialog, "keptLabel")->text().startsWith(kept.toString()));
        QVERIFY(button(dialog, "confirmButton")->isDefault());
        // The README's screenshot (FLIGHTDESK_SCREENSHOT_DIR set, under xvfb-run -platform xcb).
        if (const QString shots = qEnvironmentVariable("FLIGHTDESK_SCREENSHOT_DIR");
            !shots.isEmpty())
            QVERIFY(dialog->grab().save(shots + QStringLiteral("/cancel-dialog.png")));
        // The countdown is live: about 15 minutes, and moving.
        const QString first = label(dialog, "expiresLabel")->text();
        QVERIFY2(first.startsWith(QStringLiteral("14:")) || first.startsWith(QStringLiteral("15:")),
                 qPrintable(first));
        QTRY_VERIFY_WITH_TIMEOUT(label(dialog, "expiresLabel")->text() != first, 10000);
        QCOMPARE(d.requests(QStringLiteral("confirm_cancellation")), 0);

        QTest::keyClick(dialog, Qt::Key_C, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(label(dialog, "headlineLabel")->text(),
                                  QStringLiteral("Cancelled"), kBookingWait);
        QVERIFY(label(dialog, "messageLabel")->text().contains(quote.quote.refund.toString()));
        // One refund, of exactly the quote, in the sandbox; the wallet shows it.
        const auto refunds = d.movements(QStringLiteral("refund"));
        QCOMPARE(refunds.size(), 1);
        QCOMPARE(refunds.first().amount, quote.quote.refund.amount());
        const Money expected = afterBooking.plus(quote.quote.refund).value();
        QCOMPARE(d.session->sandbox()->walletBalance(), expected);
        QTRY_COMPARE_WITH_TIMEOUT(shown(), expected, kBookingWait);
        QVERIFY(wallet->text().contains(grouped(expected)));
        QTRY_VERIFY(label(tab, "walletLabel")->text().contains(expected.toString()));
        // The orders row says so.
        OrdersModel *model = w.ordersPage()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->index(0, OrdersModel::Status).data().toString(),
                                  QStringLiteral("Cancelled"), kBookingWait);
        QVERIFY(!button(w.ordersPage(), "cancelButton")->isEnabled());
        QPointer<CancelDialog> closing(dialog);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!closing);
        QCOMPARE(d.requests(QStringLiteral("confirm_cancellation")), 1);
    }

    void keepBookingFromTheTabSendsNothing() {
        auto d = open();
        const auto offer = test::firstDeskOffer(*d.desk);
        QVERIFY(offer);
        CheckoutTab tab(d.desk.get(), *offer, test::bookingAdult());
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QVERIFY(test::bookWithTheKeyboard(tab));
        QTRY_VERIFY(button(&tab, "cancelBookingButton")->isVisible());
        QTest::keyClick(&tab, Qt::Key_N, Qt::AltModifier);
        // A mnemonic animates its button's click: the dialog opens a moment later.
        QPointer<CancelDialog> dialog;
        QTRY_VERIFY((dialog = test::openDialog<CancelDialog>(QStringLiteral("cancelDialog"))));
        QVERIFY(waitForQuote(dialog));
        const QString firstKey = dialog->flow()->record().idempotencyKey;
        QTest::keyClick(dialog, Qt::Key_K, Qt::AltModifier); // Keep booking
        QTRY_VERIFY(!dialog);
        // Esc is Keep booking too.
        QVERIFY(test::activate(&tab));
        QTest::keyClick(&tab, Qt::Key_N, Qt::AltModifier);
        QTRY_VERIFY(dialog = test::openDialog<CancelDialog>(QStringLiteral("cancelDialog")));
        QVERIFY(waitForQuote(dialog));
        QVERIFY(dialog->flow()->record().idempotencyKey != firstKey);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog);

        QCOMPARE(d.requests(QStringLiteral("create_cancellation")), 2);
        QCOMPARE(d.requests(QStringLiteral("confirm_cancellation")), 0);
        QVERIFY(d.movements(QStringLiteral("refund")).isEmpty());
        // Both quotes are closed in the journal, nothing is left to resume.
        const Intent intent = d.desk->checkouts().intent(tab.intentId()).value();
        QCOMPARE(intent.state, CheckoutState::Ticketed);
        QTRY_VERIFY([&] {
            const auto all = d.desk->orders().cancellations(intent);
            if (!all || all->size() != 2)
                return false;
            for (const CancellationRecord &c : *all)
                if (c.state != CancellationState::Abandoned)
                    return false;
            return true;
        }());
        QVERIFY(d.desk->cancellations().unfinished()->isEmpty());
    }

    // The agent confirms, then closes the dialog (Esc) while the airline is still answering:
    // the confirm is not abandoned — the dialog goes out of sight, the cancellation finishes,
    // one refund, and the orders row says Cancelled.
    void closingWhileConfirmingLetsTheCancellationFinish() {
        auto d = open();
        const auto offer = test::firstDeskOffer(*d.desk);
        QVERIFY(offer);
        CheckoutTab tab(d.desk.get(), *offer, test::bookingAdult());
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QVERIFY(test::bookWithTheKeyboard(tab));
        tab.hide();
        OrdersPage page(&d.desk->orders());
        page.setBookingServices({&d.desk->cancellations(), &d.desk->contacts(), &d.desk->clock()});
        page.show();
        QVERIFY(test::activate(&page));
        // The airline takes a while to answer the confirm (it executes, then answers).
        const auto slow = sandbox::Scenario::fromJson(
            {{QStringLiteral("name"), QStringLiteral("slow-confirm")},
             {QStringLiteral("faults"),
              QJsonArray{QJsonObject{
                  {QStringLiteral("endpoint"), QStringLiteral("confirm_cancellation")},
                  {QStringLiteral("kind"), QStringLiteral("slow")},
                  {QStringLiteral("delay_ms"), 150000}, // scaled by the demo desk's 0.01: 1.5 s
                  {QStringLiteral("attempts"), QJsonArray{1}}}}}});
        QVERIFY(slow);
        d.session->sandbox()->setScenario(*slow);
        QPointer<CancelDialog> dialog = cancelFromPage(&page);
        QVERIFY(dialog);
        QTest::keyClick(dialog, Qt::Key_C, Qt::AltModifier);
        QTRY_VERIFY(dialog->flow()->isBusy());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog || !dialog->isVisible()); // out of sight at once
        QVERIFY(dialog);                              // and still there, seeing the confirm through
        QVERIFY(dialog->flow()->isBusy());            // the airline has not answered yet
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, kBookingWait); // gone once it settled
        QCOMPARE(d.movements(QStringLiteral("refund")).size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->index(0, OrdersModel::Status).data().toString(),
                                  QStringLiteral("Cancelled"), kBookingWait);
        QVERIFY(d.desk->cancellations().unfinished()->isEmpty());
        QCOMPARE(d.desk->checkouts().intent(tab.intentId())->state, CheckoutState::Cancelled);
    }

    void anExpiredQuoteSaysSoAndANewOneCanBeHad() {
        auto d = open();
        const auto offer = test::firstDeskOffer(*d.desk);
        QVERIFY(offer);
        CheckoutTab tab(d.desk.get(), *offer, test::bookingAdult());
        tab.show();
        QVERIFY(test::bookWithTheKeyboard(tab));
        tab.hide();

        ManualClock clock(QDateTime::currentDateTimeUtc());
        ClockedCancellations cancellations(*d.session, clock);
        OrdersPage page(&d.desk->orders());
        page.setBookingServices({&cancellations, &d.desk->contacts(), &clock});
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QPointer<CancelDialog> dialog = cancelFromPage(&page);
        QVERIFY(dialog);
        const QString firstKey = dialog->flow()->record().idempotencyKey;

        // The countdown runs out: it says so, nothing can be confirmed, a new quote is offered.
        clock.advance(16 * 60 * 1000);
        QTRY_VERIFY(label(dialog, "expiresLabel")->text().contains(QStringLiteral("expired")));
        QCOMPARE(label(dialog, "headlineLabel")->text(),
                 QStringLiteral("Cancellation quote expired"));
        QVERIFY(!button(dialog, "confirmButton")->isEnabled());
        QVERIFY(button(dialog, "newQuoteButton")->isVisible());
        QVERIFY(button(dialog, "newQuoteButton")->isDefault());

        // Get a new quote (Alt+N): a fresh flow, a fresh key, a live countdown again.
        clock.set(QDateTime::currentDateTimeUtc());
        QTest::keyClick(dialog, Qt::Key_N, Qt::AltModifier);
        QTRY_VERIFY_WITH_TIMEOUT(button(dialog, "confirmButton")->isEnabled(), kBookingWait);
        QVERIFY(dialog->flow()->record().idempotencyKey != firstKey);
        QVERIFY(label(dialog, "expiresLabel")->text().startsWith(QStringLiteral("1")));
        QCOMPARE(d.requests(QStringLiteral("create_cancellation")), 2);

        // Expired between two ticks, then confirmed: the flow refuses it without sending.
        clock.advance(16 * 60 * 1000);
        QVERIFY(button(dialog, "confirmButton")->isDefault());
        QTest::keyClick(dialog, Qt::Key_Return); // the default button, clicked at once
        QTRY_COMPARE_WITH_TIMEOUT(label(dialog, "headlineLabel")->text(),
                                  QStringLiteral("Cancellation quote expired"), kBookingWait);
        QVERIFY(label(dialog, "messageLabel")->text().contains(QStringLiteral("expired")));
        QVERIFY(button(dialog, "newQuoteButton")->isVisible());
        QCOMPARE(dialog->flow()->record().state, CancellationState::QuoteExpired);
        QCOMPARE(d.requests(QStringLiteral("confirm_cancellation")), 0);
        QVERIFY(d.movements(QStringLiteral("refund")).isEmpty());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog);
    }

    // A booking whose cancellation may have been confirmed (no outcome known) is among the
    // orders that need attention, though its checkout ended ticketed.
    void aCancellationInProgressNeedsAttention() {
        auto d = open();
        const auto offer = test::firstDeskOffer(*d.desk);
        QVERIFY(offer);
        CheckoutTab tab(d.desk.get(), *offer, test::bookingAdult());
        tab.show();
        QVERIFY(test::bookWithTheKeyboard(tab));
        tab.hide();

        OrdersPage page(&d.desk->orders());
        page.setBookingServices({&d.desk->cancellations(), &d.desk->contacts(), &d.desk->clock()});
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *combo = page.findChild<QComboBox *>(QStringLiteral("statusFilterCombo"));
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_End); // Needs attention
        QCOMPARE(combo->currentText(), QStringLiteral("Needs attention"));
        QTRY_VERIFY(page.model()->loaded());
        QCOMPARE(page.model()->rowCount(), 1);
        QCOMPARE(page.filterModel()->rowCount(), 0); // ticketed: nothing to attend to

        Cancellation quote;
        quote.quoteId = QStringLiteral("ore_9999");
        quote.orderId = tab.flow()->orderId();
        quote.refund = Money::parse(QStringLiteral("10.00"), offer->total.currency()).value();
        quote.expiresAt = QDateTime::currentDateTimeUtc().addSecs(600);
        const auto stored = d.session->journal().recordCancellationQuote(offer->provider, quote);
        QVERIFY(stored);
        QVERIFY(d.session->journal().setCancellationState(stored->idempotencyKey,
                                                          CancellationState::Confirming));
        page.refresh();
        QTRY_COMPARE(page.filterModel()->rowCount(), 1);
        QCOMPARE(page.filterModel()->index(0, 0).data(OrdersModel::IntentIdRole).toLongLong(),
                 tab.intentId());
    }
};

QTEST_MAIN(TestCancelDialog)
#include "tst_canceldialog.moc"
