// The agent's path measured in keystrokes: the whole desk in demo mode, from the search results
// to "Booked", driven only by key events and a clipboard paste. Every key goes to whatever has
// the keyboard focus (QApplication::focusWidget()), never to a widget the test picks — so a
// checkout that opens with the wrong field focused, a paste that lands nowhere, or a Tab order
// that skips a field makes the booking fail or costs keystrokes the count refuses.
// A returning traveller costs less: a name's first letters, Enter on the saved profile, book.
// Also: every button on the pages an agent works in has a mnemonic or a shortcut, and no two
// visible ones on a page share a mnemonic.
#include "checkoutpage.h"
#include "checkouttab.h"
#include "desk/desk.h"
#include "desk/profiles.h"
#include "desk/settings.h"
#include "fakekeychains.h"
#include "mainwindow.h"
#include "profilebook.h"
#include "profilesdialog.h"
#include "savetravellersdialog.h"
#include "searchpage.h"
#include "testjournal.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QScreen>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace fd;
using namespace fd::ui;

namespace {
constexpr int kWait = 15000;

// The specimen-style zone of a Nigerian passport (valid check digits).
const QString kNigeriaMrz = QStringLiteral("P<NGAOKAFOR<<ADEBAYO<<<<<<<<<<<<<<<<<<<<<<<<\n"
                                           "A123456784NGA8804178M3105021<<<<<<<<<<<<<<<2");

// Keys sent where the focus is, counted: `data` is what the agent types as content (letters of
// an e-mail address), the rest is what it costs to get around.
struct Keyboard {
    int nonData = 0;
    int data = 0;
    QStringList log; // "Return → offersTableView", for a failure message

    // Where a key goes: an open popup (a completion list) first, as a real keyboard's would.
    static QWidget *focus() {
        if (QWidget *popup = QApplication::activePopupWidget())
            return popup;
        QWidget *w = QApplication::focusWidget();
        if (!w)
            qFatal("nothing has the keyboard focus");
        return w;
    }
    void key(Qt::Key k, Qt::KeyboardModifiers mods = Qt::NoModifier) {
        QWidget *w = focus();
        log << QStringLiteral("%1+%2 → %3").arg(int(mods)).arg(int(k)).arg(w->objectName());
        ++nonData;
        QTest::keyClick(w, k, mods);
    }
    void paste() { key(Qt::Key_V, Qt::ControlModifier); }
    void type(const QString &text) {
        QWidget *w = focus();
        log << QStringLiteral("\"%1\" → %2").arg(text, w->objectName());
        data += int(text.size());
        QTest::keyClicks(w, text);
    }
};

// The desk's traveller profiles over a temporary file and an in-memory keychain.
struct Profiles {
    test::MemoryKeychain keychain;
    SettingsStore store;
    std::unique_ptr<desk::Settings> settings;
    std::unique_ptr<desk::Profiles> profiles;
    ProfileBook book;

    explicit Profiles(const QTemporaryDir &dir, const QString &name)
        : store({dir.filePath(name + QStringLiteral("-settings.ini")),
                 QStringLiteral("FlightDesk-test"), &keychain})
        , settings(desk::makeSettings(store))
        , profiles(desk::makeProfiles(*settings,
                                      dir.filePath(name + QStringLiteral("-profiles.sqlite"))))
        , book(profiles.get()) {}
};

} // namespace

class TestKeyboardPath final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<desk::Desk> demo(const QString &journal) {
        SessionOptions o;
        o.demo = true;
        o.journalPath = fd::test::freshJournalLocation(m_dir, journal);
        o.journalPassword = fd::test::journalPassword();
        o.timingScale = 0.01;
        return std::move(desk::makeDesk(o)).value();
    }

    // The search results of an international route, as the agent sees them after Enter.
    static bool searchResults(MainWindow &w, const char *from, const char *to) {
        SearchPage *search = w.searchPage();
        w.findChild<QTabWidget *>(QStringLiteral("pagesTabWidget"))->setCurrentWidget(search);
        for (auto [name, code] :
             {std::pair{"originEdit", from}, std::pair{"destinationEdit", to}}) {
            auto *edit = search->findChild<QLineEdit *>(QLatin1String(name));
            edit->clear();
            edit->setFocus();
            QTest::keyClicks(edit, QLatin1String(code));
        }
        w.activateWindow();
        QTest::keyClick(search->findChild<QLineEdit *>(QStringLiteral("destinationEdit")),
                        Qt::Key_Return);
        auto *view = search->findChild<QTableView *>(QStringLiteral("offersTableView"));
        return QTest::qWaitFor(
            [view, search] {
                return !search->isSearching() && view->model()->rowCount() > 0 &&
                       QApplication::focusWidget() == view;
            },
            kWait);
    }

    // The rest of a new international adult's path, once the checkout is open: the zone
    // (wherever on the card the focus is), the e-mail address, Tab, the phone number, book.
    static void pasteTypeAndBook(Keyboard &kb) {
        kb.paste();
        kb.type(QStringLiteral("a.okafor@example.com"));
        kb.key(Qt::Key_Tab);
        kb.type(QStringLiteral("+2348031234567"));
        kb.key(Qt::Key_Return, Qt::ControlModifier);
    }

private Q_SLOTS:
    void initTestCase() { FD_SKIP_UNLESS_TEST_JOURNAL_RUNS(); }

    // A new traveller on an international trip: choose the offer, paste the passport's zone,
    // type the e-mail address and phone number, book. At most 4 keystrokes that are not data.
    void aNewInternationalTravellerInFourKeystrokes() {
        auto desk = demo(QStringLiteral("newtraveller.sqlite"));
        MainWindow w(MainWindow::Mode::Demo, desk.get());
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(searchResults(w, "LOS", "LHR"));
        QGuiApplication::clipboard()->setText(kNigeriaMrz);

        Keyboard kb;
        kb.key(Qt::Key_Return); // choose the offer of the current row
        QCOMPARE(w.checkoutTabs().size(), 1);
        CheckoutTab *tab = w.checkoutTabs().first();
        QVERIFY2(tab->page()->isAncestorOf(Keyboard::focus()),
                 qPrintable(Keyboard::focus()->objectName()));
        pasteTypeAndBook(kb);

        auto *state = tab->findChild<QLabel *>(QStringLiteral("stateLabel"));
        QTRY_VERIFY2_WITH_TIMEOUT(state->text().contains(QStringLiteral("Booked")),
                                  qPrintable(kb.log.join(QStringLiteral("; ")) +
                                             QLatin1String(" | ") +
                                             tab->page()->bookBlockedReason()),
                                  kWait);
        const Passenger booked = tab->page()->passengers().first();
        QCOMPARE(booked.familyName, QStringLiteral("OKAFOR"));
        QCOMPARE(booked.identityDocuments.value(0).uniqueIdentifier, QStringLiteral("A12345678"));
        QCOMPARE(booked.email, QStringLiteral("a.okafor@example.com"));
        QVERIFY2(kb.nonData <= 4, qPrintable(kb.log.join(QStringLiteral("; "))));
        qInfo("new traveller: %d keystrokes not data, %d data", kb.nonData, kb.data);
    }

    // A returning traveller: after a first booking the agent saves the passenger (passport
    // included); on the next trip the first letters of the name offer the profile, Enter takes
    // it, Ctrl+Return books. At most 6 keystrokes in all from the search results.
    void aSavedTravellerInSixKeystrokes() {
        auto desk = demo(QStringLiteral("savedtraveller.sqlite"));
        Profiles profiles(m_dir, QStringLiteral("saved"));
        MainWindow w(MainWindow::Mode::Demo, desk.get());
        w.setProfileBook(&profiles.book);
        w.show();
        w.activateWindow(); // no window manager under xvfb: the test gives activation
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(searchResults(w, "LOS", "LHR"));
        QGuiApplication::clipboard()->setText(kNigeriaMrz);
        Keyboard first;
        first.key(Qt::Key_Return);
        pasteTypeAndBook(first);
        CheckoutTab *booked = w.checkoutTabs().first();
        auto *state = booked->findChild<QLabel *>(QStringLiteral("stateLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(QStringLiteral("Booked")), kWait);

        // Saved from the booked tab, by keyboard: Save travellers, tick the passports, Save.
        Keyboard save;
        save.key(Qt::Key_T, Qt::AltModifier);
        SaveTravellersDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = booked->findChild<SaveTravellersDialog *>()) && dialog->isVisible());
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        save.key(Qt::Key_N, Qt::AltModifier);
        QTRY_VERIFY(
            dialog->findChild<QCheckBox *>(QStringLiteral("passportsCheckBox"))->isChecked());
        save.key(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(profiles.book.all().size() == 1, kWait);
        QVERIFY(profiles.book.all().first().passport);
        auto *detail = booked->findChild<QLabel *>(QStringLiteral("detailLabel"));
        QTRY_VERIFY2(detail->text().startsWith(QLatin1String("1 traveller saved")),
                     qPrintable(detail->text()));
        QCOMPARE(profiles.keychain.entries.size(), 1); // the passports' key, in the keychain

        // The next trip, for the same traveller.
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(searchResults(w, "LOS", "ACC"));
        QGuiApplication::clipboard()->clear();
        Keyboard kb;
        kb.key(Qt::Key_Return);
        QCOMPARE(w.checkoutTabs().size(), 2);
        CheckoutTab *tab = w.checkoutTabs().last();
        QCOMPARE(Keyboard::focus()->objectName(), QStringLiteral("givenNameEdit"));
        kb.type(QStringLiteral("Ade"));
        QTRY_VERIFY(QApplication::activePopupWidget() &&
                    QApplication::activePopupWidget()->objectName() ==
                        QLatin1String("profilePopup"));
        auto *popup = static_cast<QAbstractItemView *>(QApplication::activePopupWidget());
        QVERIFY2(popup->currentIndex().data().toString().startsWith(
                     QStringLiteral("ADEBAYO OKAFOR — born ")),
                 qPrintable(popup->currentIndex().data().toString()));
        QVERIFY(popup->currentIndex().data().toString().endsWith(QLatin1String("passport saved")));
        // The README's screenshot (FLIGHTDESK_SCREENSHOT_DIR set, under xvfb-run -platform xcb).
        if (const QString shots = qEnvironmentVariable("FLIGHTDESK_SCREENSHOT_DIR");
            !shots.isEmpty()) {
            QTest::qWait(300); // the X server shows what was painted (screenshots only)
            const QRect window = w.frameGeometry();
            QVERIFY(w.screen()
                        ->grabWindow(0, window.x(), window.y(), window.width(), window.height())
                        .save(shots + QStringLiteral("/profile-chosen.png")));
        }
        kb.key(Qt::Key_Return); // the saved traveller
        kb.key(Qt::Key_Return, Qt::ControlModifier);

        auto *newState = tab->findChild<QLabel *>(QStringLiteral("stateLabel"));
        QTRY_VERIFY2_WITH_TIMEOUT(newState->text().contains(QStringLiteral("Booked")),
                                  qPrintable(kb.log.join(QStringLiteral("; ")) +
                                             QLatin1String(" | ") +
                                             tab->page()->bookBlockedReason()),
                                  kWait);
        const Passenger again = tab->page()->passengers().first();
        QCOMPARE(again.givenName, QStringLiteral("ADEBAYO"));
        QCOMPARE(again.bornOn, QStringLiteral("1988-04-17"));
        QCOMPARE(again.email, QStringLiteral("a.okafor@example.com"));
        QCOMPARE(again.identityDocuments.value(0).uniqueIdentifier, QStringLiteral("A12345678"));
        QVERIFY2(kb.nonData + kb.data <= 6, qPrintable(kb.log.join(QStringLiteral("; "))));
        qInfo("saved traveller: %d keystrokes in all", kb.nonData + kb.data);
    }

    // Typing a new traveller's name that starts like a saved one's, then Tab, keeps what was
    // typed: the profile is never taken unasked.
    void tabKeepsANewTravellersName() {
        auto desk = demo(QStringLiteral("newname.sqlite"));
        Profiles profiles(m_dir, QStringLiteral("newname"));
        Passenger saved;
        saved.givenName = QStringLiteral("Adaeze");
        saved.familyName = QStringLiteral("Okafor");
        saved.bornOn = QStringLiteral("1990-04-12");
        bool done = false;
        profiles.book.saveTravellers(
            {saved}, false, [&done](const Result<desk::SavedTravellers> &r) { done = r.ok(); });
        QTRY_VERIFY(done);
        MainWindow w(MainWindow::Mode::Demo, desk.get());
        w.setProfileBook(&profiles.book);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(searchResults(w, "LOS", "LHR"));
        Keyboard kb;
        kb.key(Qt::Key_Return);
        kb.type(QStringLiteral("Ada"));
        QTRY_VERIFY(QApplication::activePopupWidget());
        kb.key(Qt::Key_Tab);
        QVERIFY(!QApplication::activePopupWidget());
        CheckoutTab *tab = w.checkoutTabs().first();
        QCOMPARE(tab->page()->passengers().first().givenName, QStringLiteral("Ada"));
        QCOMPARE(tab->page()->passengers().first().familyName, QString());
        QCOMPARE(Keyboard::focus()->objectName(), QStringLiteral("familyNameEdit"));
    }

    // File → Traveller profiles (Ctrl+Shift+P) opens the list, once, raised again after.
    void theProfilesOpenFromTheWindow() {
        auto desk = demo(QStringLiteral("profilesmenu.sqlite"));
        Profiles profiles(m_dir, QStringLiteral("menu"));
        MainWindow w(MainWindow::Mode::Demo, desk.get());
        QVERIFY(!w.showProfiles()); // no book, no profiles
        w.setProfileBook(&profiles.book);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        Keyboard kb;
        kb.key(Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        ProfilesDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = w.findChild<ProfilesDialog *>()) && dialog->isVisible());
        QCOMPARE(w.showProfiles(), dialog);
    }

    // Once the booking has begun the offer's countdown stops showing: the order has its own.
    void aBookedTabShowsNoOfferCountdown() {
        auto desk = demo(QStringLiteral("countdown.sqlite"));
        MainWindow w(MainWindow::Mode::Demo, desk.get());
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(searchResults(w, "LOS", "LHR"));
        QGuiApplication::clipboard()->setText(kNigeriaMrz);
        Keyboard kb;
        kb.key(Qt::Key_Return);
        CheckoutTab *tab = w.checkoutTabs().first();
        auto *expiry = tab->findChild<QLabel *>(QStringLiteral("expiryCountdownLabel"));
        QVERIFY2(expiry->text().startsWith(QLatin1String("Offer expires in")),
                 qPrintable(expiry->text()));
        pasteTypeAndBook(kb);
        auto *state = tab->findChild<QLabel *>(QStringLiteral("stateLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(QStringLiteral("Booked")), kWait);
        tab->page()->refresh();
        QCOMPARE(expiry->text(), QString());
    }

    // Every button of the pages an agent works in can be reached without the mouse: by its
    // mnemonic (Alt+letter) or a shortcut. No two mnemonics a page answers to at once — its
    // buttons and labelled inputs, the window's page tabs and menus — share a letter: Qt would
    // only cycle between them.
    void everyActionHasAMnemonicOrShortcut() {
        auto desk = demo(QStringLiteral("mnemonics.sqlite"));
        Profiles profiles(m_dir, QStringLiteral("mnemonics"));
        MainWindow w(MainWindow::Mode::Demo, desk.get());
        w.setProfileBook(&profiles.book); // and with it "Save travellers…" once booked
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(searchResults(w, "LOS", "LHR"));
        QGuiApplication::clipboard()->setText(kNigeriaMrz);
        Keyboard kb;
        kb.key(Qt::Key_Return);
        checkMnemonics(w); // the search results, the orders, a checkout being filled in
        if (QTest::currentTestFailed())
            return;
        pasteTypeAndBook(kb);
        CheckoutTab *tab = w.checkoutTabs().first();
        auto *state = tab->findChild<QLabel *>(QStringLiteral("stateLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(QStringLiteral("Booked")), kWait);
        checkMnemonics(w); // and a booked one, with its own buttons
    }

private:
    static QChar mnemonicOf(const QString &text) {
        for (qsizetype i = 0; i + 1 < text.size(); ++i) {
            if (text.at(i) != QLatin1Char('&'))
                continue;
            if (text.at(i + 1) != QLatin1Char('&'))
                return text.at(i + 1).toLower();
            ++i; // "&&" is a literal ampersand
        }
        return {};
    }

    static void checkMnemonics(MainWindow &w) {
        // The window's own: page tabs and menus, answered on every page.
        QHash<QChar, QString> windowWide;
        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("pagesTabWidget"));
        for (int i = 0; i < tabs->count(); ++i)
            if (const QChar m = mnemonicOf(tabs->tabText(i)); !m.isNull()) {
                QVERIFY2(!windowWide.contains(m), qPrintable(tabs->tabText(i)));
                windowWide.insert(m, QStringLiteral("tab \"%1\"").arg(tabs->tabText(i)));
            }
        for (QAction *menu : w.menuBar()->actions())
            if (const QChar m = mnemonicOf(menu->text()); !m.isNull()) {
                QVERIFY2(!windowWide.contains(m), qPrintable(menu->text()));
                windowWide.insert(m, QStringLiteral("menu \"%1\"").arg(menu->text()));
            }
        const int current = tabs->currentIndex();
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QWidget *page = tabs->widget(i);
            QHash<QChar, QString> taken = windowWide;
            const auto claim = [&](const QString &what, const QString &text) {
                const QChar m = mnemonicOf(text);
                if (m.isNull())
                    return true;
                if (taken.contains(m)) {
                    qWarning("%s and %s on %s share Alt+%s", qPrintable(what),
                             qPrintable(taken.value(m)), qPrintable(tabs->tabText(i)),
                             qPrintable(QString(m)));
                    return false;
                }
                taken.insert(m, what);
                return true;
            };
            bool unique = true;
            for (QAbstractButton *b : page->findChildren<QAbstractButton *>()) {
                if (b->objectName().startsWith(QLatin1String("qt_")) || b->objectName().isEmpty())
                    continue; // Qt's own (spin box arrows, scroll buttons)
                QVERIFY2(!mnemonicOf(b->text()).isNull() || !b->shortcut().isEmpty(),
                         qPrintable(QStringLiteral("%1 on %2: \"%3\" has neither a mnemonic "
                                                   "nor a shortcut")
                                        .arg(b->objectName(), tabs->tabText(i), b->text())));
                if (b->isVisible())
                    unique = claim(b->objectName(), b->text()) && unique;
            }
            for (QLabel *label : page->findChildren<QLabel *>())
                if (label->buddy() && label->isVisible())
                    unique = claim(label->objectName(), label->text()) && unique;
            QVERIFY2(unique, qPrintable(tabs->tabText(i)));
        }
        tabs->setCurrentIndex(current);
    }
};

QTEST_MAIN(TestKeyboardPath)
#include "tst_keyboardpath.moc"
