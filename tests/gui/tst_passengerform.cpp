// One passenger's form, driven through its real inputs: messages next to fields, passport
// fields by route, the MRZ paste, read-only mode and accessibility.
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

using fd::ui::PassengerForm;

namespace {
const QDate kToday(2026, 12, 1);

const QString kNigeriaMrz = QStringLiteral("P<NGAOKAFOR<<ADEBAYO<<<<<<<<<<<<<<<<<<<<<<<<\n"
                                           "A123456784NGA8804178M3105021<<<<<<<<<<<<<<<2");

fd::Trip international() {
    return guitest::offer("los-lhr-family").trip();
}
fd::Trip domestic() {
    return guitest::offer("los-abv-domestic").trip();
}

template <typename T> T *child(QWidget &w, const char *name) {
    auto *found = w.findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no %s in the form", name);
    return found;
}

struct Fixture {
    PassengerForm form;
    explicit Fixture(const fd::Trip &trip, const QString &type = QStringLiteral("adult")) {
        form.setToday(kToday);
        form.setTrip(trip, 0, type);
        form.show();
    }
    QLineEdit *edit(const char *name) { return child<QLineEdit>(form, name); }
    QLabel *message(const char *name) { return child<QLabel>(form, name); }
    QComboBox *combo(const char *name) { return child<QComboBox>(form, name); }
    void type(const char *name, const QString &text) {
        QTest::keyClicks(edit(name), text);
        form.validateNow();
    }
};
} // namespace

class TestPassengerForm final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void phoneWithSpacesNamesE164() {
        Fixture f(domestic());
        f.type("phoneEdit", QStringLiteral("+234 801 234 5678"));
        QLabel *msg = f.message("phoneMessageLabel");
        QVERIFY(msg->isVisible());
        QVERIFY2(msg->text().startsWith(QLatin1String("Error: ")), qPrintable(msg->text()));
        QVERIFY(msg->text().contains(QLatin1String("E.164")));
        QVERIFY(msg->text().contains(QLatin1String("+2348012345678")));
        // Not colour alone, and a screen reader says the same.
        QCOMPARE(f.edit("phoneEdit")->accessibleDescription(), msg->text());
        QVERIFY(!f.form.isValid());
    }

    void fixingTheFieldClearsTheMessage() {
        Fixture f(domestic());
        f.type("phoneEdit", QStringLiteral("+234 801"));
        QVERIFY(f.message("phoneMessageLabel")->isVisible());
        f.edit("phoneEdit")->clear();
        f.type("phoneEdit", QStringLiteral("+2348031234567"));
        QVERIFY(!f.message("phoneMessageLabel")->isVisible());
        QVERIFY(f.edit("phoneEdit")->accessibleDescription().isEmpty());
    }

    void accentsWarnAboutTheMrzSpelling() {
        Fixture f(domestic());
        // keyClicks() knows ASCII only: the é comes as the key event a keyboard sends.
        QTest::keyClicks(f.edit("givenNameEdit"), QStringLiteral("Jos"));
        QTest::sendKeyEvent(QTest::Click, f.edit("givenNameEdit"), Qt::Key_Eacute,
                            QStringLiteral("é"), Qt::NoModifier);
        QCOMPARE(f.edit("givenNameEdit")->text(), QStringLiteral("José"));
        f.form.validateNow();
        QLabel *msg = f.message("givenNameMessageLabel");
        QVERIFY(msg->isVisible());
        QVERIFY2(msg->text().startsWith(QLatin1String("Warning: ")), qPrintable(msg->text()));
        QVERIFY(msg->text().contains(QLatin1String("\"Jose\"")));
        QVERIFY(f.form.report().forField(0, QStringLiteral("given_name")).first().code ==
                QLatin1String("not_mrz_spelling"));
    }

    void typingIsCheckedAfterAPause() {
        Fixture f(domestic());
        QTest::keyClicks(f.edit("emailEdit"), QStringLiteral("a.okafor@"));
        // No validateNow(): the typing pause does it.
        QTRY_VERIFY(f.message("emailMessageLabel")->isVisible());
        QVERIFY(f.message("emailMessageLabel")->text().contains(QLatin1String("name@example.com")));
    }

    void untouchedEmptyFieldsStayQuietUntilRevealed() {
        Fixture f(domestic());
        QVERIFY(!f.message("givenNameMessageLabel")->isVisible());
        QVERIFY(!f.form.isValid());
        f.form.revealAllProblems();
        QCOMPARE(f.message("givenNameMessageLabel")->text(), QStringLiteral("Error: Required."));
        // The title is optional.
        QVERIFY(!f.message("titleMessageLabel")->isVisible());
    }

    void passportOnlyOnInternationalRoutes() {
        Fixture dom(domestic());
        QVERIFY(!child<QGroupBox>(dom.form, "passportGroupBox")->isVisible());
        dom.form.setPassenger(guitest::passengers("family-valid").first());
        QVERIFY(dom.form.passenger().identityDocuments.isEmpty());
        QVERIFY(dom.form.isValid());

        Fixture intl(international());
        QVERIFY(child<QGroupBox>(intl.form, "passportGroupBox")->isVisible());
        fd::Passenger p = guitest::passengers("family-valid").first();
        p.identityDocuments.clear();
        intl.form.setPassenger(p);
        QVERIFY(!intl.form.isValid());
        for (const char *field : {"unique_identifier", "issuing_country_code", "expires_on"}) {
            const auto found = intl.form.report().forField(
                0, QStringLiteral("identity_documents[0].") + QLatin1String(field));
            QCOMPARE(found.size(), 1);
            QCOMPARE(found.first().code, QStringLiteral("required"));
        }
        intl.form.revealAllProblems();
        QCOMPARE(intl.message("passportNumberMessageLabel")->text(),
                 QStringLiteral("Error: Required."));
        intl.type("passportNumberEdit", QStringLiteral("A12345678"));
        QTest::keyClicks(intl.combo("issuingCountryCombo")->lineEdit(), QStringLiteral("ng"));
        intl.type("passportExpiryEdit", QStringLiteral("2031-05-02"));
        QVERIFY2(intl.form.isValid(),
                 qPrintable(intl.message("issuingCountryMessageLabel")->text()));
        QCOMPARE(intl.form.passenger().identityDocuments.first().issuingCountryCode,
                 QStringLiteral("NG"));
    }

    void expiryBeforeTheTripEnds() {
        Fixture f(international());
        f.type("passportExpiryEdit", QStringLiteral("2026-12-20"));
        QVERIFY(
            f.message("passportExpiryMessageLabel")->text().contains(QLatin1String("2026-12-25")));
    }

    void validityIsSignalled() {
        Fixture f(international());
        QSignalSpy spy(&f.form, &PassengerForm::validityChanged);
        f.form.setPassenger(guitest::passengers("family-valid").first());
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().first().toBool(), true);
        f.edit("emailEdit")->clear();
        f.type("emailEdit", QStringLiteral("nobody"));
        QCOMPARE(spy.size(), 2);
        QCOMPARE(spy.last().first().toBool(), false);
    }

    void childTypeChecksTheAge() {
        Fixture f(international(), QStringLiteral("child"));
        f.form.setTrip(international(), 1, QStringLiteral("child")); // the offer's child
        f.type("bornOnEdit", QStringLiteral("1988-04-17"));
        QVERIFY(f.message("bornOnMessageLabel")->text().contains(QLatin1String("adult ticket")));
        QVERIFY(f.form.report().forField(1, QStringLiteral("type")).isEmpty());
        QVERIFY(child<QGroupBox>(f.form, "passengerGroupBox")
                    ->title()
                    .contains(QLatin1String("Child")));
    }

    void problemsFileShowsEveryFieldMessage() {
        Fixture f(international());
        f.form.setPassenger(guitest::passengers("one-adult-problems").first());
        for (const char *label : {"titleMessageLabel", "familyNameMessageLabel",
                                  "bornOnMessageLabel", "genderMessageLabel", "emailMessageLabel",
                                  "phoneMessageLabel", "passportNumberMessageLabel",
                                  "issuingCountryMessageLabel", "passportExpiryMessageLabel"})
            QVERIFY2(f.message(label)->text().startsWith(QLatin1String("Error: ")), label);
        QVERIFY(f.message("givenNameMessageLabel")->text().startsWith(QLatin1String("Warning: ")));
        QVERIFY(f.message("issuingCountryMessageLabel")->text().contains(QLatin1String("\"UK\"")));
        // Values the lists do not offer are kept as typed, not silently dropped.
        QCOMPARE(f.form.passenger().title, QStringLiteral("sir"));
        QCOMPARE(f.form.passenger().gender, QStringLiteral("male"));
    }

    void pastedMrzFillsTheFields() {
        Fixture f(international());
        auto *mrz = child<QPlainTextEdit>(f.form, "mrzEdit");
        mrz->setFocus();
        mrz->insertPlainText(QStringLiteral("  ") + kNigeriaMrz + QStringLiteral("\r\n"));
        QCOMPARE(f.edit("givenNameEdit")->text(), QStringLiteral("ADEBAYO"));
        QCOMPARE(f.edit("familyNameEdit")->text(), QStringLiteral("OKAFOR"));
        QCOMPARE(f.edit("bornOnEdit")->text(), QStringLiteral("1988-04-17"));
        QCOMPARE(f.combo("genderCombo")->currentData().toString(), QStringLiteral("m"));
        QCOMPARE(f.edit("passportNumberEdit")->text(), QStringLiteral("A12345678"));
        QCOMPARE(f.combo("issuingCountryCombo")->currentData().toString(), QStringLiteral("NG"));
        QCOMPARE(f.edit("passportExpiryEdit")->text(), QStringLiteral("2031-05-02"));
        QVERIFY(f.message("mrzMessageLabel")->text().contains(QLatin1String("check digits match")));
        // What the zone does not carry is still asked for.
        f.type("emailEdit", QStringLiteral("a.okafor@example.com"));
        f.type("phoneEdit", QStringLiteral("+2348031234567"));
        QVERIFY(f.form.isValid());
    }

    // Ctrl+V of a zone in any field of the card fills the card (not that field) and moves on to
    // the first field the zone does not carry; anything else pastes as usual; so does a zone
    // on a domestic trip, which has no passport to fill.
    void aZonePastedAnywhereOnTheCardFillsIt_data() {
        QTest::addColumn<QString>("field");
        QTest::newRow("given name") << QStringLiteral("givenNameEdit");
        QTest::newRow("phone") << QStringLiteral("phoneEdit");
        QTest::newRow("passport number") << QStringLiteral("passportNumberEdit");
    }
    void aZonePastedAnywhereOnTheCardFillsIt() {
        QFETCH(QString, field);
        Fixture f(international());
        f.form.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&f.form));
        QLineEdit *into = f.edit(qPrintable(field));
        into->setFocus();
        QGuiApplication::clipboard()->setText(kNigeriaMrz);
        QTest::keyClick(into, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(f.edit("familyNameEdit")->text(), QStringLiteral("OKAFOR"));
        QCOMPARE(f.edit("passportNumberEdit")->text(), QStringLiteral("A12345678"));
        QCOMPARE(child<QPlainTextEdit>(f.form, "mrzEdit")->toPlainText(), kNigeriaMrz);
        QCOMPARE(QApplication::focusWidget(), f.edit("emailEdit"));
    }
    void otherTextPastesAsUsual() {
        Fixture f(international());
        f.form.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&f.form));
        f.edit("givenNameEdit")->setFocus();
        QGuiApplication::clipboard()->setText(QStringLiteral("Adebayo"));
        QTest::keyClick(f.edit("givenNameEdit"), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(f.edit("givenNameEdit")->text(), QStringLiteral("Adebayo"));
        QVERIFY(child<QPlainTextEdit>(f.form, "mrzEdit")->toPlainText().isEmpty());

        Fixture d(domestic());
        d.form.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&d.form));
        d.edit("givenNameEdit")->setFocus();
        QGuiApplication::clipboard()->setText(kNigeriaMrz);
        QTest::keyClick(d.edit("givenNameEdit"), Qt::Key_V, Qt::ControlModifier);
        QVERIFY(d.edit("familyNameEdit")->text().isEmpty()); // no passport on this trip
    }

    void mrzCheckDigitProblemsAreReported() {
        Fixture f(international());
        QString corrupted = kNigeriaMrz;
        corrupted[45 + 9] = QLatin1Char('5'); // the passport number's check digit
        child<QPlainTextEdit>(f.form, "mrzEdit")->setPlainText(corrupted);
        const QString text = f.message("mrzMessageLabel")->text();
        QVERIFY2(text.startsWith(QLatin1String("Error: ")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("passport number's check digit")));
        QVERIFY(text.contains(QLatin1String("final check digit")));
        QCOMPARE(f.edit("passportNumberEdit")->text(), QStringLiteral("A12345678"));
    }

    void incompleteMrzSaysWhatIsWrongOnRequest() {
        Fixture f(international());
        auto *mrz = child<QPlainTextEdit>(f.form, "mrzEdit");
        mrz->setPlainText(kNigeriaMrz.left(60));
        QVERIFY(!f.message("mrzMessageLabel")->isVisible()); // no nagging mid-paste
        QTest::mouseClick(child<QPushButton>(f.form, "applyMrzButton"), Qt::LeftButton);
        QVERIFY(f.message("mrzMessageLabel")->text().startsWith(QLatin1String("Error: Line 2")));
        QVERIFY(f.edit("givenNameEdit")->text().isEmpty());
    }

    void readOnlyMeansNothingChanges() {
        Fixture f(international());
        f.form.setPassenger(guitest::passengers("family-valid").first());
        f.form.setReadOnly(true);
        QTest::keyClicks(f.edit("givenNameEdit"), QStringLiteral("X"));
        QCOMPARE(f.edit("givenNameEdit")->text(), QStringLiteral("Adebayo"));
        for (QLineEdit *e : f.form.findChildren<QLineEdit *>())
            QVERIFY(e->isReadOnly() || !e->isEnabled() || !e->parentWidget()->isEnabled());
        for (QComboBox *c : f.form.findChildren<QComboBox *>())
            QVERIFY(!c->isEnabled());
        QVERIFY(child<QPlainTextEdit>(f.form, "mrzEdit")->isReadOnly());
        QVERIFY(!child<QPushButton>(f.form, "applyMrzButton")->isEnabled());
        f.form.setReadOnly(false);
        QVERIFY(!f.edit("givenNameEdit")->isReadOnly());
    }

    void everyInputHasAnAccessibleName() {
        Fixture f(international());
        f.form.setTrip(international(), 2, QStringLiteral("infant_without_seat"));
        QList<QWidget *> inputs;
        for (QLineEdit *e : f.form.findChildren<QLineEdit *>())
            if (!qobject_cast<QComboBox *>(e->parentWidget()))
                inputs << e;
        for (QComboBox *c : f.form.findChildren<QComboBox *>())
            inputs << c;
        inputs << child<QPlainTextEdit>(f.form, "mrzEdit")
               << child<QPushButton>(f.form, "applyMrzButton");
        QCOMPARE(inputs.size(), 12);
        for (QWidget *w : inputs) {
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
            QVERIFY2(w->accessibleName().endsWith(QLatin1String("passenger 3")),
                     qPrintable(w->accessibleName()));
        }
    }

    void tabOrderFollowsTheForm() {
        Fixture f(international());
        const QStringList expected = {
            QStringLiteral("titleCombo"),          QStringLiteral("givenNameEdit"),
            QStringLiteral("familyNameEdit"),      QStringLiteral("bornOnEdit"),
            QStringLiteral("genderCombo"),         QStringLiteral("emailEdit"),
            QStringLiteral("phoneEdit"),           QStringLiteral("mrzEdit"),
            QStringLiteral("applyMrzButton"),      QStringLiteral("passportNumberEdit"),
            QStringLiteral("issuingCountryCombo"), QStringLiteral("passportExpiryEdit")};
        QWidget *w = f.combo("titleCombo");
        QStringList seen;
        while (seen.size() < expected.size()) {
            if (w->focusPolicy() & Qt::TabFocus) {
                // The editable combo's line edit stands for the combo.
                QWidget *named =
                    qobject_cast<QComboBox *>(w->parentWidget()) ? w->parentWidget() : w;
                if (seen.isEmpty() || seen.last() != named->objectName())
                    seen << named->objectName();
            }
            w = w->nextInFocusChain();
        }
        QCOMPARE(seen, expected);
    }
};

QTEST_MAIN(TestPassengerForm)
#include "tst_passengerform.moc"
