// Changing a booked order's contact details from the orders page, with the keyboard alone, over
// a real demo desk: prefilled from the booking, checked by the checkout's rules before anything
// is sent, saved with the provider (the sandbox's order changes), and a conflict shown with both
// values.
#include "bookingfixture.h"
#include "contactdialog.h"
#include "ordersmodel.h"
#include "orderspage.h"

#include <QApplication>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>

using namespace fd;
using namespace fd::ui;
using fd::test::kBookingWait;

namespace {
QLabel *label(QWidget *w, const char *name) {
    return w->findChild<QLabel *>(QLatin1String(name));
}
QLineEdit *edit(QWidget *w, const char *name) {
    return w->findChild<QLineEdit *>(QLatin1String(name));
}
// Replaces the text of the field whose label has mnemonic `key`, by the keyboard.
void retype(QWidget *dialog, Qt::Key key, const QString &text) {
    QVERIFY(test::activate(dialog));
    QTest::keyClick(dialog, key, Qt::AltModifier);
    QWidget *field = QApplication::focusWidget();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(field, Qt::Key_Delete);
    QTest::keyClicks(field, text);
}
} // namespace

class TestContactDialog final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    struct Booked {
        test::BookingDesk d;
        std::unique_ptr<CheckoutTab> tab;
        std::unique_ptr<OrdersPage> page;
    };

    // A ticketed booking, and the orders page over the same desk with its row selected by the
    // keyboard and the dialog opened by its mnemonic (Alt+L).
    ContactDialog *openDialog(Booked &b) {
        b.d = test::openBookingDesk(m_dir, QStringLiteral("k%1.sqlite").arg(++m_n));
        const auto offer = test::firstDeskOffer(*b.d.desk);
        if (!offer)
            return nullptr;
        b.tab = std::make_unique<CheckoutTab>(b.d.desk.get(), *offer, test::bookingAdult());
        b.tab->show();
        if (!test::bookWithTheKeyboard(*b.tab))
            return nullptr;
        b.tab->hide();
        b.page = std::make_unique<OrdersPage>(&b.d.desk->orders());
        b.page->setBookingServices(
            {&b.d.desk->cancellations(), &b.d.desk->contacts(), &b.d.desk->clock()});
        b.page->show();
        b.page->activateWindow();
        if (!QTest::qWaitForWindowActive(b.page.get()))
            return nullptr;
        auto *table = b.page->findChild<QTableView *>(QStringLiteral("ordersTableView"));
        if (!QTest::qWaitFor([table] { return table->model()->rowCount() == 1; }, kBookingWait))
            return nullptr;
        test::selectRowWithTheKeyboard(table);
        QTest::keyClick(table, Qt::Key_L, Qt::AltModifier);
        // A mnemonic animates its button's click: the dialog opens a moment later.
        ContactDialog *dialog = nullptr;
        // A dialog that never opens leaves `dialog` null, which the caller reports.
        (void)QTest::qWaitFor([&dialog] {
            return (dialog = test::openDialog<ContactDialog>(QStringLiteral("contactDialog")));
        });
        if (!dialog)
            return nullptr;
        return test::activate(dialog) ? dialog : nullptr;
    }

    // Someone else (another desk, the airline's own site) changes the booking's e-mail while
    // the dialog is open: straight to the provider, at the order's current version.
    static QString theirEmailChange(Booked &b, const QString &email) {
        BookingGateway &g = b.d.session->link(QStringLiteral("travelbase"))->gateway();
        QObject context;
        std::optional<GatewayResult<OrderSnapshot>> read, changed;
        const QString orderId = b.d.desk->checkouts().intent(b.tab->intentId())->orderId;
        g.fetchOrder(orderId, &context, {},
                     [&read](const GatewayResult<OrderSnapshot> &r) { read = r; });
        if (!QTest::qWaitFor([&read] { return read.has_value(); }, kBookingWait) ||
            !std::holds_alternative<OrderSnapshot>(*read))
            return {};
        const OrderSnapshot &now = std::get<OrderSnapshot>(*read);
        ContactChange theirs;
        theirs.email = email;
        g.updateContact(now.id, now.version, theirs, &context, {},
                        [&changed](const GatewayResult<OrderSnapshot> &r) { changed = r; });
        if (!QTest::qWaitFor([&changed] { return changed.has_value(); }, kBookingWait) ||
            !std::holds_alternative<OrderSnapshot>(*changed))
            return {};
        return now.id;
    }

    // The provider's order, read by id (what the airline has now).
    static OrderSnapshot providerOrder(Booked &b, const QString &orderId) {
        std::optional<GatewayResult<OrderSnapshot>> read;
        QObject context;
        b.d.session->link(QStringLiteral("travelbase"))
            ->gateway()
            .fetchOrder(orderId, &context, {},
                        [&read](const GatewayResult<OrderSnapshot> &r) { read = r; });
        if (!QTest::qWaitFor([&read] { return read.has_value(); }, kBookingWait) ||
            !std::holds_alternative<OrderSnapshot>(*read))
            return {};
        return std::get<OrderSnapshot>(*read);
    }

    // The conflict, as the agent meets it: their e-mail changed since the dialog opened, the
    // agent saves another one. Both values are shown, nothing of the agent's is sent, and the
    // choice waits on the keyboard (focus on Use mine). Returns the order id.
    QString meetTheConflict(Booked &b, ContactDialog *dialog) {
        const QString orderId = theirEmailChange(b, kTheirEmail);
        if (orderId.isEmpty())
            return {};
        const int patches = b.d.requests(QStringLiteral("patch_order"));
        retype(dialog, Qt::Key_E, kMyEmail);
        QTest::keyClick(dialog, Qt::Key_S, Qt::AltModifier);
        QWidget *choice = dialog->findChild<QWidget *>(QStringLiteral("conflictWidget"));
        if (!QTest::qWaitFor([choice] { return choice->isVisible(); }, kBookingWait))
            return {};
        const QString message = label(dialog, "messageLabel")->text();
        if (!message.contains(kTheirEmail) || !message.contains(kMyEmail) ||
            !message.contains(QStringLiteral("Choose whose to keep")))
            return {};
        if (QApplication::focusWidget() !=
            dialog->findChild<QPushButton *>(QStringLiteral("mineButton")))
            return {};
        if (b.d.requests(QStringLiteral("patch_order")) != patches) // the agent's: not sent
            return {};
        return orderId;
    }

    static inline const QString kTheirEmail = QStringLiteral("okafor.family@example.net");
    static inline const QString kMyEmail = QStringLiteral("amara@agency.example");

private Q_SLOTS:
    void initTestCase() { FD_SKIP_UNLESS_TEST_JOURNAL_RUNS(); }

    void aConflictKeepsMineWhenTheAgentSaysSo() {
        Booked b;
        ContactDialog *dialog = openDialog(b);
        QVERIFY(dialog);
        const QString orderId = meetTheConflict(b, dialog);
        QVERIFY2(!orderId.isEmpty(), qPrintable(label(dialog, "messageLabel")->text()));
        const int patches = b.d.requests(QStringLiteral("patch_order"));
        QSignalSpy changed(dialog, &ContactDialog::changed);
        QTest::keyClick(dialog, Qt::Key_M, Qt::AltModifier); // Use mine
        QTRY_VERIFY_WITH_TIMEOUT(
            label(dialog, "messageLabel")->text().startsWith(QStringLiteral("Saved.")),
            kBookingWait);
        QCOMPARE(b.d.requests(QStringLiteral("patch_order")), patches + 1);
        QCOMPARE(changed.size(), 1);
        QVERIFY(!dialog->findChild<QWidget *>(QStringLiteral("conflictWidget"))->isVisible());
        const OrderSnapshot now = providerOrder(b, orderId);
        QCOMPARE(now.email, kMyEmail);
        QCOMPARE(now.phone, QStringLiteral("+2348031234567")); // untouched by either change
    }

    void aConflictKeepsTheirsWhenTheAgentSaysSo() {
        Booked b;
        ContactDialog *dialog = openDialog(b);
        QVERIFY(dialog);
        const QString orderId = meetTheConflict(b, dialog);
        QVERIFY2(!orderId.isEmpty(), qPrintable(label(dialog, "messageLabel")->text()));
        const int patches = b.d.requests(QStringLiteral("patch_order"));
        QSignalSpy changed(dialog, &ContactDialog::changed);
        QTest::keyClick(dialog, Qt::Key_T, Qt::AltModifier); // Keep theirs
        QTRY_COMPARE(label(dialog, "messageLabel")->text(),
                     QStringLiteral("Theirs were kept; nothing was sent."));
        QCOMPARE(edit(dialog, "emailEdit")->text(), kTheirEmail); // what the order has now
        QCOMPARE(changed.size(), 1);
        QCOMPARE(b.d.requests(QStringLiteral("patch_order")), patches);
        QCOMPARE(providerOrder(b, orderId).email, kTheirEmail);
        // Saving again without a change sends nothing either.
        QTest::keyClick(dialog, Qt::Key_S, Qt::AltModifier);
        QTRY_COMPARE(label(dialog, "messageLabel")->text(),
                     QStringLiteral("Nothing was changed, so nothing was sent."));
        QCOMPARE(b.d.requests(QStringLiteral("patch_order")), patches);
    }

    void anInvalidPhoneIsShownAndNothingIsSent() {
        Booked b;
        ContactDialog *dialog = openDialog(b);
        QVERIFY(dialog);
        QCOMPARE(edit(dialog, "emailEdit")->text(), QStringLiteral("amara.nwosu@example.com"));
        QCOMPARE(edit(dialog, "phoneEdit")->text(), QStringLiteral("+2348031234567"));
        QVERIFY(!label(dialog, "phoneMessageLabel")->isVisible());
        retype(dialog, Qt::Key_P, QStringLiteral("0803 123"));
        QTest::keyClick(dialog, Qt::Key_S, Qt::AltModifier);
        QLabel *message = label(dialog, "phoneMessageLabel");
        QTRY_VERIFY(message->isVisible());
        QVERIFY2(message->text().startsWith(QStringLiteral("Error:")), qPrintable(message->text()));
        QVERIFY(!label(dialog, "emailMessageLabel")->isVisible());
        QVERIFY(!dialog->findChild<QWidget *>(QStringLiteral("busyProgressBar"))->isVisible());
        // Nothing left the desk: a request sent after the Save press has come back, so any
        // request that press made has reached the sandbox by now.
        bool back = false;
        QObject context;
        b.d.desk->wallet().fetch(QStringLiteral("travelbase"), &context,
                                 [&back](const GatewayResult<Wallet> &) { back = true; });
        QTRY_VERIFY_WITH_TIMEOUT(back, kBookingWait);
        QCOMPARE(b.d.requests(QStringLiteral("get_order")), 0);
        QCOMPARE(b.d.requests(QStringLiteral("patch_order")), 0);
    }

    void aNewEmailIsSavedWithTheProvider() {
        Booked b;
        ContactDialog *dialog = openDialog(b);
        QVERIFY(dialog);
        QSignalSpy orders(b.d.session->sandbox(), &sandbox::Sandbox::orderChanged);
        QSignalSpy changed(dialog, &ContactDialog::changed);
        const QString email = QStringLiteral("amara@agency.example");
        retype(dialog, Qt::Key_E, email);
        QTest::keyClick(dialog, Qt::Key_S, Qt::AltModifier);
        QTRY_VERIFY_WITH_TIMEOUT(
            label(dialog, "messageLabel")->text().startsWith(QStringLiteral("Saved.")),
            kBookingWait);
        QVERIFY(label(dialog, "messageLabel")->text().contains(email));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(b.d.requests(QStringLiteral("patch_order")), 1);
        // The provider's order has it; only the e-mail was sent, the phone is as it was.
        QVERIFY(!orders.isEmpty());
        const QJsonObject order = orders.last().first().toJsonObject();
        QCOMPARE(order.value(QStringLiteral("email")).toString(), email);
        QCOMPARE(order.value(QStringLiteral("phone_number")).toString(),
                 QStringLiteral("+2348031234567"));
        QPointer<ContactDialog> closing(dialog);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!closing);
    }
};

QTEST_MAIN(TestContactDialog)
#include "tst_contactdialog.moc"
