// The checkout page on a ManualClock: summary, countdowns, wallet, the Book button's reasons,
// exactly one bookRequested per booking, read-only while busy, support details.
#include "checkoutpage.h"
#include "guitestdata.h"
#include "passengerform.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QGroupBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using fd::ui::CheckoutPage;
using fd::ui::PassengerForm;

namespace {

fd::Wallet wallet(const char *amount, const char *currency = "EUR") {
    return {*fd::Money::parse(QLatin1String(amount), QLatin1String(currency))};
}

struct Fixture {
    fd::ManualClock clock{guitest::morning()};
    CheckoutPage page;
    explicit Fixture(const char *offer = "los-lhr-family") {
        page.setClock(&clock);
        page.setOffer(guitest::offer(offer));
        page.setWallet(wallet("1500.00"));
        page.resize(1100, 800);
        page.show();
    }
    template <typename T> T *find(const char *name) {
        auto *w = page.findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no %s on the page", name);
        return w;
    }
    QPushButton *book() { return find<QPushButton>("bookButton"); }
    QString reason() { return find<QLabel>("bookReasonLabel")->text(); }
    QLineEdit *edit(int passenger, const char *name) {
        auto *e = page.forms().at(passenger)->findChild<QLineEdit *>(QLatin1String(name));
        if (!e)
            qFatal("no %s", name);
        return e;
    }
    void fillValid() { page.setPassengers(guitest::passengers("family-valid")); }
    void at(int h, int m, int s) {
        clock.set(QDateTime(QDate(2026, 12, 1), QTime(h, m, s), Qt::UTC));
        page.refresh();
    }
};

} // namespace

class TestCheckoutPage final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // A zone pasted on a card that it completes moves the cursor on to the next card with an
    // empty field, wrapping round; when none has one, Book takes it (if it can be pressed).
    void aPastedZoneMovesOnToTheNextCard() {
        Fixture f;
        f.page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&f.page));
        QList<fd::Passenger> people = guitest::passengers("family-valid");
        QVERIFY(people.size() >= 3);
        people[0] = fd::Passenger{}; // passenger 1: nothing yet
        fd::Passenger contactOnly;   // passenger 2: what the zone does not carry
        contactOnly.email = QStringLiteral("a.okafor@example.com");
        contactOnly.phoneNumber = QStringLiteral("+2348031234567");
        people[1] = contactOnly;
        f.page.setPassengers(people);
        f.edit(1, "givenNameEdit")->setFocus();
        QGuiApplication::clipboard()->setText(
            QStringLiteral("P<NGAOKAFOR<<ADEBAYO<<<<<<<<<<<<<<<<<<<<<<<<\n"
                           "A123456784NGA8804178M3105021<<<<<<<<<<<<<<<2"));
        QTest::keyClick(f.edit(1, "givenNameEdit"), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(f.edit(1, "familyNameEdit")->text(), QStringLiteral("OKAFOR"));
        // Passenger 3 (prefilled whole) has nothing to fill: round to passenger 1.
        QCOMPARE(QApplication::focusWidget(), f.edit(0, "givenNameEdit"));
    }

    void summarisesTheOffer() {
        Fixture f;
        QStringList texts;
        for (QLabel *l : f.find<QGroupBox>("offerGroupBox")->findChildren<QLabel *>())
            texts << l->text();
        const QString all = texts.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("LOS Lagos → LHR London")), qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("LHR London → LOS Lagos")));
        // Each airport's local time: 08:00 UTC leaves Lagos at 09:00 WAT; 05:15 UTC on the 25th
        // lands there at 06:15 WAT, the day after London's 21:00 GMT.
        QVERIFY2(all.contains(QStringLiteral(
                     "Thu 10 Dec 2026 · 09:00 WAT → 14:30 GMT · 6 h 30 min · direct")),
                 qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("Thu 24 Dec 2026 · 21:00 GMT → 06:15 WAT +1")));
        QVERIFY(!all.contains(QStringLiteral("UTC")));
        QVERIFY(all.contains(QStringLiteral("British Airways (BA)")));
        QCOMPARE(f.find<QLabel>("totalLabel")->text(), QStringLiteral("Total 412.30 EUR"));
        QCOMPARE(f.find<QLabel>("expiryCountdownLabel")->text(),
                 QStringLiteral("Offer expires in 15:00"));
        QCOMPARE(f.find<QLabel>("guaranteeCountdownLabel")->text(),
                 QStringLiteral("Price guaranteed for 10:00"));
        QVERIFY(f.find<QLabel>("walletLabel")->text().contains(QLatin1String("1500.00 EUR")));
    }

    void oneTypedFormPerOfferPassenger() {
        Fixture f;
        QCOMPARE(f.page.forms().size(), 3);
        const QStringList types = {QStringLiteral("Adult"), QStringLiteral("Child"),
                                   QStringLiteral("Infant")};
        for (int i = 0; i < 3; ++i) {
            auto *box =
                f.page.forms().at(i)->findChild<QGroupBox *>(QStringLiteral("passengerGroupBox"));
            QVERIFY(box->title().startsWith(QStringLiteral("Passenger %1 · ").arg(i + 1)));
            QVERIFY(box->title().contains(types.at(i)));
            QVERIFY(f.page.forms()
                        .at(i)
                        ->findChild<QGroupBox *>(QStringLiteral("passportGroupBox"))
                        ->isVisible());
        }
        Fixture dom("los-abv-domestic");
        QCOMPARE(dom.page.forms().size(), 1);
        QVERIFY(!dom.page.forms()
                     .first()
                     ->findChild<QGroupBox *>(QStringLiteral("passportGroupBox"))
                     ->isVisible());
    }

    void bookIsDisabledWithAReason() {
        Fixture f;
        QVERIFY(!f.book()->isEnabled());
        QVERIFY2(f.reason().contains(QLatin1String("fields for passenger 1")),
                 qPrintable(f.reason()));
        QVERIFY(f.reason().contains(QLatin1String("passenger 3")));
        QCOMPARE(f.book()->accessibleDescription(), f.reason());
    }

    void bookIsEnabledWhenEverythingIsValid() {
        Fixture f;
        f.fillValid();
        QVERIFY2(f.book()->isEnabled(), qPrintable(f.reason()));
        QVERIFY(f.reason().startsWith(QLatin1String("Ready to book")));

        // One broken field names itself and its passenger.
        QTest::keyClicks(f.edit(0, "phoneEdit"), QStringLiteral(" 1"));
        f.page.forms().at(0)->validateNow();
        QVERIFY(!f.book()->isEnabled());
        QCOMPARE(f.reason(), QStringLiteral("Fix 1 field for passenger 1."));
        auto *msg = f.page.forms().at(0)->findChild<QLabel *>(QStringLiteral("phoneMessageLabel"));
        QVERIFY(msg->text().contains(QLatin1String("E.164")));
    }

    void ctrlReturnBooksExactlyOnce() {
        Fixture f;
        f.fillValid();
        QVERIFY(QTest::qWaitForWindowActive(&f.page));
        QSignalSpy spy(&f.page, &CheckoutPage::bookRequested);
        f.edit(0, "givenNameEdit")->setFocus();
        QTest::keyClick(f.edit(0, "givenNameEdit"), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(spy.size(), 1);
        // Held down, pressed again, clicked: nothing more.
        QTest::keyClick(f.edit(0, "givenNameEdit"), Qt::Key_Return, Qt::ControlModifier);
        QTest::keyClick(f.edit(0, "givenNameEdit"), Qt::Key_Enter, Qt::ControlModifier);
        QTest::mouseClick(f.book(), Qt::LeftButton);
        QTest::mouseDClick(f.book(), Qt::LeftButton);
        f.page.requestBooking();
        QCOMPARE(spy.size(), 1);

        const auto passengers = spy.first().first().value<QList<fd::Passenger>>();
        QCOMPARE(passengers.size(), 3);
        QCOMPARE(passengers.at(0).id, QStringLiteral("pas_1"));
        QCOMPARE(passengers.at(2).id, QStringLiteral("pas_3"));
        QCOMPARE(passengers.at(1).type, QStringLiteral("child"));
        QCOMPARE(passengers.at(0).identityDocuments.first().uniqueIdentifier,
                 QStringLiteral("A12345678"));
        QVERIFY(f.page.isBusy());
    }

    void busyPageIsReadOnly() {
        Fixture f;
        f.fillValid();
        QSignalSpy spy(&f.page, &CheckoutPage::bookRequested);
        f.page.setBusy(true);
        QVERIFY(!f.book()->isEnabled());
        for (QLineEdit *e : f.page.findChildren<QLineEdit *>())
            QVERIFY2(e->isReadOnly() || !e->isEnabled() || !e->parentWidget()->isEnabled(),
                     qPrintable(e->objectName()));
        for (QComboBox *c : f.page.findChildren<QComboBox *>())
            QVERIFY(!c->isEnabled());
        for (QPlainTextEdit *t : f.page.findChildren<QPlainTextEdit *>())
            QVERIFY(t->isReadOnly());
        QTest::keyClicks(f.edit(1, "givenNameEdit"), QStringLiteral("zz"));
        QCOMPARE(f.edit(1, "givenNameEdit")->text(), QStringLiteral("Chioma"));
        f.page.requestBooking();
        QCOMPARE(spy.size(), 0);
        QVERIFY(f.reason().contains(QLatin1String("in progress")));

        f.page.setBusy(false); // the engine gave the form back
        QVERIFY(!f.edit(1, "givenNameEdit")->isReadOnly());
        QVERIFY(f.book()->isEnabled());
    }

    void pressingBookWhileBlockedRevealsEveryProblem() {
        Fixture f;
        QSignalSpy spy(&f.page, &CheckoutPage::bookRequested);
        auto *msg =
            f.page.forms().at(0)->findChild<QLabel *>(QStringLiteral("givenNameMessageLabel"));
        QVERIFY(!msg->isVisible());
        f.page.requestBooking(); // e.g. Ctrl+Return on an empty form
        QCOMPARE(spy.size(), 0);
        QCOMPARE(msg->text(), QStringLiteral("Error: Required."));
        QVERIFY(msg->isVisible());
    }

    void countdownFollowsTheClock() {
        Fixture f;
        f.fillValid();
        auto *expiry = f.find<QLabel>("expiryCountdownLabel");
        auto *guarantee = f.find<QLabel>("guaranteeCountdownLabel");

        f.at(10, 2, 26);
        QCOMPARE(expiry->text(), QStringLiteral("Offer expires in 12:34"));
        QCOMPARE(guarantee->text(), QStringLiteral("Price guaranteed for 7:34"));
        QVERIFY(f.book()->isEnabled());

        f.at(10, 9, 30); // the guarantee warns first, but still allows booking
        QVERIFY(guarantee->text().startsWith(QLatin1String("Warning: ")));
        QVERIFY(f.book()->isEnabled());

        f.at(10, 10, 0);
        QVERIFY(guarantee->text().startsWith(QLatin1String("Error: ")));
        QVERIFY(!f.book()->isEnabled());
        QVERIFY2(f.reason().contains(QLatin1String("no longer guaranteed")),
                 qPrintable(f.reason()));

        f.at(10, 14, 20);
        QVERIFY2(expiry->text().startsWith(QLatin1String("Warning: ")), qPrintable(expiry->text()));
        QVERIFY(expiry->text().contains(QLatin1String("40 s")));
        QVERIFY(f.reason().contains(QLatin1String("expires in 40 s")));
        QVERIFY(!f.book()->isEnabled());

        f.at(10, 15, 0);
        QVERIFY(expiry->text().contains(QLatin1String("expired")));
        QVERIFY(f.reason().contains(QLatin1String("expired")));
        QSignalSpy spy(&f.page, &CheckoutPage::bookRequested);
        f.page.requestBooking();
        QCOMPARE(spy.size(), 0);
    }

    void expiringOfferBlocksBookingOnItsOwn() {
        // An offer without a price guarantee: only the 60 s margin stops the booking.
        fd::Offer offer = guitest::offer("los-abv-domestic");
        offer.priceGuaranteeExpiresAt.reset();
        fd::ManualClock clock(guitest::morning());
        CheckoutPage page;
        page.setClock(&clock);
        page.setOffer(offer);
        fd::Passenger p = guitest::passengers("family-valid").first();
        page.setPassengers({p});
        auto *book = page.findChild<QPushButton *>(QStringLiteral("bookButton"));
        QVERIFY(book->isEnabled());
        clock.advance((14 * 60 + 20) * 1000);
        page.refresh();
        QVERIFY(!book->isEnabled());
        QVERIFY(page.bookBlockedReason().contains(QLatin1String("expires in 40 s")));
    }

    void walletAgainstTheTotal() {
        Fixture f;
        f.fillValid();
        f.page.setWallet(wallet("100.00"));
        QVERIFY(!f.book()->isEnabled());
        QVERIFY(f.find<QLabel>("walletLabel")->text().contains(QLatin1String("312.30 EUR short")));
        QVERIFY(f.reason().contains(QLatin1String("top up")));
        f.page.setWallet(wallet("100000.00", "NGN"));
        QVERIFY(f.find<QLabel>("walletLabel")->text().contains(QLatin1String("never converted")));
        QVERIFY(!f.book()->isEnabled());
        f.page.setWallet(std::nullopt);
        QVERIFY(f.book()->isEnabled());
        QVERIFY(f.find<QLabel>("walletLabel")->text().contains(QLatin1String("not loaded")));
    }

    void supportDetailsCanBeCopied() {
        Fixture f;
        auto *box = f.find<QGroupBox>("supportGroupBox");
        QVERIFY(!box->isVisible());
        f.page.setSupportDetails(QStringLiteral("fd-0b7e9a"), QString());
        QVERIFY(box->isVisible());
        QCOMPARE(f.find<QLabel>("orderIdLabel")->text(), QStringLiteral("not created yet"));
        f.page.setSupportDetails(QStringLiteral("fd-0b7e9a"), QStringLiteral("ord_0001"));
        QTest::mouseClick(f.find<QPushButton>("copySupportButton"), Qt::LeftButton);
        const QString copied = QGuiApplication::clipboard()->text();
        QVERIFY2(copied.contains(QLatin1String("fd-0b7e9a")), qPrintable(copied));
        QVERIFY(copied.contains(QLatin1String("ord_0001")));
        QVERIFY2(!copied.contains(QLatin1String("Provider:")), qPrintable(copied)); // no offer

        // With an offer, the provider that sold it comes first.
        fd::Offer offer = f.page.offer();
        offer.provider = QStringLiteral("travomatrix");
        f.page.setOffer(offer);
        f.page.setSupportDetails(QStringLiteral("fd-0b7e9a"), QStringLiteral("QK7XRT"));
        QTest::mouseClick(f.find<QPushButton>("copySupportButton"), Qt::LeftButton);
        QVERIFY2(QGuiApplication::clipboard()->text().startsWith(
                     QLatin1String("Provider: Travomatrix\nIdempotency key: fd-0b7e9a")),
                 qPrintable(QGuiApplication::clipboard()->text()));
    }
};

QTEST_MAIN(TestCheckoutPage)
#include "tst_checkoutpage.moc"
