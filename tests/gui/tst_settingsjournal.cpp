// Where the order journal is, offscreen on the real widgets: the Journal section of the
// settings dialog (kind and URL into the INI, the password into the keychain and never the
// INI, a URL with a password refused at its field, "Test database connection" against a real
// PostgreSQL server and a closed port), and the desk the window opens from those settings: with
// the agency database up a booking lands in it; with it down the window still opens, says so
// and offers no booking (never a silent fallback to a file of its own).
// Kept apart from tst_settingsdialog.cpp, which is near the house's file size limit.
#include "checkoutpage.h"
#include "checkouttab.h"
#include "desktop.h"
#include "fakekeychains.h"
#include "mainwindow.h"
#include "pgserver.h"
#include "searchpage.h"
#include "settingsdialog.h"

#include "desk/desk.h"
#include "desk/settings.h"
#include "sandbox/sandbox.h"
#include "storage/journalschema.h"
#include "storage/orderjournal.h"
#include "storage/settingsstore.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QDialogButtonBox>
#include <QFile>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace fd;
using fd::test::MemoryKeychain;
using fd::test::PgServer;
using fd::ui::SettingsDialog;

namespace {

constexpr int kWait = 20000;

struct Fixture {
    QTemporaryDir dir;
    MemoryKeychain keychain;
    std::unique_ptr<SettingsStore> store;
    std::unique_ptr<SettingsDialog> dialog;
    std::unique_ptr<desk::Settings> settings;

    Fixture() {
        SettingsStore::Options o;
        o.settingsFile = dir.filePath(QStringLiteral("FlightDesk.ini"));
        o.keychain = &keychain;
        store = std::make_unique<SettingsStore>(o);
        settings = desk::makeSettings(*store);
    }
    void open() {
        dialog = std::make_unique<SettingsDialog>(settings.get());
        dialog->show();
        if (!QTest::qWaitFor([&] { return !dialog->isLoading(); }, 5000))
            qFatal("the secrets never loaded");
    }
    template <typename T> T *find(const char *name) {
        auto *w = dialog->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no %s in the dialog", name);
        return w;
    }
    void type(const char *name, const QString &text) {
        auto *e = find<QLineEdit>(name);
        e->clear();
        QTest::keyClicks(e, text);
    }
    void chooseAgency() {
        QTest::mouseClick(find<QRadioButton>("agencyRadioButton"), Qt::LeftButton);
    }
    QString iniText() const {
        QFile f(store->settingsFile());
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }
    // Clicks "Test database connection" and returns what it reported.
    std::pair<bool, QString> testJournal() {
        QSignalSpy spy(dialog.get(), &SettingsDialog::journalTested);
        QTest::mouseClick(find<QPushButton>("testJournalButton"), Qt::LeftButton);
        if (spy.isEmpty()) {
            // Still connecting when the click returned: the dialog did not wait for it.
            if (!dialog->isTesting() || find<QPushButton>("testJournalButton")->isEnabled())
                qFatal("the test neither finished nor shows as running");
            if (!spy.wait(kWait))
                qFatal("the journal test never finished");
        }
        return {spy.first().at(0).toBool(), spy.first().at(1).toString()};
    }
    bool save() {
        QSignalSpy saved(dialog.get(), &SettingsDialog::saved);
        QSignalSpy failed(dialog.get(), &SettingsDialog::saveFailed);
        QTest::mouseClick(find<QDialogButtonBox>("buttonBox")->button(QDialogButtonBox::Save),
                          Qt::LeftButton);
        return QTest::qWaitFor([&] { return !saved.isEmpty() || !failed.isEmpty(); }, 5000) &&
               !saved.isEmpty();
    }
};

// A port of 127.0.0.1 nothing listens on.
int closedPort() {
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const int port = s.serverPort();
    s.close();
    return port;
}

QList<Passenger> adult() {
    Passenger p;
    p.title = QStringLiteral("ms");
    p.givenName = QStringLiteral("Chiamaka");
    p.familyName = QStringLiteral("Eze");
    p.bornOn = QStringLiteral("1990-02-11");
    p.gender = QStringLiteral("f");
    p.email = QStringLiteral("c.eze@example.com");
    p.phoneNumber = QStringLiteral("+2348031234567");
    p.identityDocuments = {{QStringLiteral("passport"), QStringLiteral("B87654321"),
                            QStringLiteral("NG"), QStringLiteral("2032-01-15")}};
    return {p};
}

} // namespace

class TestSettingsJournal final : public QObject {
    Q_OBJECT

    // One server for the cases that need one (initdb takes seconds); each uses it afresh.
    PgServer m_pg;
    QString m_pgSkip;

    // Why a case that needs PostgreSQL cannot run here, or empty once the server is up.
    QString needPostgres() {
        if (!m_pgSkip.isEmpty() || m_pg.isRunning())
            return m_pgSkip;
        m_pgSkip = PgServer::skipReason();
        QString error;
        if (m_pgSkip.isEmpty() && !m_pg.start(&error))
            QTest::qFail(qPrintable(error), __FILE__, __LINE__);
        return m_pgSkip;
    }

    // The settings of a desk on the agency journal at `url`, with one Travelbase connection: its
    // API key and the journal's password in the fake keychain.
    static bool saveAgencyDesk(Fixture &f, const QUrl &travelbase, const QString &url,
                               const QString &password) {
        DeskSettings s;
        s.providers = {{QStringLiteral("travelbase"), travelbase, true}};
        s.journal = JournalKind::Agency;
        s.agencyUrl = url;
        if (!f.store->save(s))
            return false;
        f.keychain.entries.insert(QStringLiteral("api_key.travelbase"),
                                  sandbox::Sandbox::defaultApiKey());
        f.keychain.entries.insert(QStringLiteral("journal_password"), password);
        return true;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() {
        if (m_pg.isRunning())
            m_pg.resume(); // a test that failed while the server was frozen
    }
    void cleanupTestCase() { m_pg.stop(); }

    void journalChoiceRoundTrips() {
        Fixture f;
        f.open();
        // Today's behaviour by default: this desk's file, nothing to fill in.
        QVERIFY(f.find<QRadioButton>("thisDeskRadioButton")->isChecked());
        QVERIFY(!f.find<QLineEdit>("agencyUrlEdit")->isEnabled());
        QVERIFY(!f.find<QLineEdit>("journalPasswordEdit")->isEnabled());
        QVERIFY(!f.find<QPushButton>("testJournalButton")->isEnabled());

        // Every label and button of the section has a mnemonic, and no visible widget of the
        // dialog has the same one.
        for (const char *name : {"agencyUrlLabel", "journalPasswordLabel"})
            QVERIFY(f.find<QLabel>(name)->buddy());
        QHash<QChar, QString> taken;
        const auto mnemonic = [](const QString &text) {
            const qsizetype at = text.indexOf(QLatin1Char('&'));
            return at >= 0 && at + 1 < text.size() ? text.at(at + 1).toLower() : QChar();
        };
        for (QWidget *w : f.dialog->findChildren<QWidget *>()) {
            if (!w->isVisibleTo(f.dialog.get()))
                continue;
            QString text;
            if (auto *b = qobject_cast<QAbstractButton *>(w))
                text = b->text();
            else if (auto *l = qobject_cast<QLabel *>(w); l && l->buddy())
                text = l->text();
            const bool journal = f.find<QWidget>("journalGroupBox")->isAncestorOf(w);
            const QChar key = mnemonic(text);
            if (journal && !text.isEmpty())
                QVERIFY2(!key.isNull(), qPrintable(w->objectName()));
            if (key.isNull())
                continue;
            QVERIFY2(!taken.contains(key),
                     qPrintable(w->objectName() + QLatin1String(" and ") + taken.value(key)));
            taken.insert(key, w->objectName());
        }
        QVERIFY(taken.size() >= 16); // the visible provider page, the journal, webhooks, timing

        f.chooseAgency();
        QVERIFY(f.find<QLineEdit>("agencyUrlEdit")->isEnabled());
        QVERIFY(f.find<QLineEdit>("journalPasswordEdit")->isEnabled());
        const QString url = QStringLiteral("postgresql://desk@db.agency.example:5432/flightdesk");
        const QString password = QStringLiteral("s3cret-Pa55word");
        f.type("agencyUrlEdit", url);
        f.type("journalPasswordEdit", password);
        QVERIFY(!f.find<QLabel>("agencyUrlMessageLabel")->isVisible());
        QVERIFY(f.save());

        const DeskSettings saved = f.store->load();
        QCOMPARE(saved.journal, JournalKind::Agency);
        QCOMPARE(saved.agencyUrl, url);
        QCOMPARE(f.keychain.entries.value(QStringLiteral("journal_password")), password);
        QVERIFY(f.iniText().contains(QStringLiteral("agency")));
        QVERIFY2(!f.iniText().contains(password), qPrintable(f.iniText()));

        // Shown as saved the next time, the password read back from the keychain.
        f.open();
        QVERIFY(f.find<QRadioButton>("agencyRadioButton")->isChecked());
        QCOMPARE(f.find<QLineEdit>("agencyUrlEdit")->text(), url);
        QCOMPARE(f.find<QLineEdit>("journalPasswordEdit")->text(), password);
        QCOMPARE(f.find<QLabel>("journalPasswordStorageLabel")->text(),
                 QStringLiteral("Saved in the system keychain."));

        // Back to this desk: the URL is kept for later, the journal is the file again.
        QTest::mouseClick(f.find<QRadioButton>("thisDeskRadioButton"), Qt::LeftButton);
        QVERIFY(!f.find<QLineEdit>("agencyUrlEdit")->isEnabled());
        QVERIFY(f.save());
        QCOMPARE(f.store->load().journal, JournalKind::ThisDesk);
        QCOMPARE(f.store->load().agencyUrl, url);
    }

    void urlWithAPasswordIsRefusedAtItsField() {
        Fixture f;
        f.open();
        f.chooseAgency();
        f.type("agencyUrlEdit", QStringLiteral("postgresql://desk:hunter2@db.example/flightdesk"));
        auto *message = f.find<QLabel>("agencyUrlMessageLabel");
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().startsWith(
                     QStringLiteral("Error: Take the password out of the URL and type it in the "
                                    "Password field")),
                 qPrintable(message->text()));
        QVERIFY(!f.save());
        QVERIFY(f.dialog->isVisible());
        QVERIFY(!f.iniText().contains(QStringLiteral("hunter2")));
        QCOMPARE(f.store->load().journal, JournalKind::ThisDesk);

        // Not a database URL at all, and nothing: each says what to write.
        f.type("agencyUrlEdit", QStringLiteral("db.example"));
        QVERIFY(message->text().contains(QStringLiteral("postgresql://")));
        f.find<QLineEdit>("agencyUrlEdit")->clear();
        QVERIFY(!f.save());
        QVERIFY(message->text().startsWith(QStringLiteral("Error: Required")));

        // The store refuses it too, whoever calls it.
        DeskSettings s;
        s.journal = JournalKind::Agency;
        s.agencyUrl = QStringLiteral("postgresql://desk:hunter2@db.example/flightdesk");
        QVERIFY(!f.store->save(s));
        QVERIFY(!f.iniText().contains(QStringLiteral("hunter2")));
    }

    void testConnectionToAClosedPortSaysWhyInOneLine() {
        Fixture f;
        f.open();
        f.chooseAgency();
        const QString url =
            QStringLiteral("postgresql://flightdesk@127.0.0.1:%1/flightdesk").arg(closedPort());
        f.type("agencyUrlEdit", url);
        const auto [ok, message] = f.testJournal();
        QVERIFY(!ok);
        QVERIFY2(message.startsWith(QStringLiteral("Not connected: ")), qPrintable(message));
        QVERIFY(!message.contains(QLatin1Char('\n')));
        QCOMPARE(f.find<QLabel>("journalResultLabel")->text(), message);
        QVERIFY(f.find<QPushButton>("testJournalButton")->isEnabled());
    }

    // ctest label: postgres
    void testConnectionAgainstARealServer() {
        if (const QString why = needPostgres(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(m_pg.isRunning());
        PgServer &pg = m_pg;
        Fixture f;
        f.open();
        f.chooseAgency();
        f.type("agencyUrlEdit", pg.url());
        f.type("journalPasswordEdit", pg.password());
        auto [ok, message] = f.testJournal();
        QVERIFY2(ok, qPrintable(message));
        QCOMPARE(message, QStringLiteral("Connected: schema v%1, 0 orders")
                              .arg(fd::journalschema::kCurrentVersion));

        f.type("journalPasswordEdit", QStringLiteral("not-the-password"));
        std::tie(ok, message) = f.testJournal();
        QVERIFY(!ok);
        QVERIFY2(message.contains(QStringLiteral("cannot be reached")) &&
                     message.contains(QStringLiteral("password")),
                 qPrintable(message));
        QVERIFY(!message.contains(QLatin1Char('\n')));
    }

    // ctest label: postgres. The window opens the desk the settings describe: a booking made in
    // it is in the agency's database.
    void agencyJournalHoldsTheBooking() {
        if (const QString why = needPostgres(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(m_pg.isRunning());
        PgServer &pg = m_pg;
        sandbox::Sandbox travelbase;
        QVERIFY(travelbase.start(0));
        Fixture f;
        QVERIFY(saveAgencyDesk(f, travelbase.baseUrl(), pg.url(), pg.password()));

        ui::Desktop desktop(desk::makeSettings(*f.store), 0.01);
        QSignalSpy opened(&desktop, &ui::Desktop::windowOpened);
        desktop.start();
        QVERIFY(opened.wait(kWait));
        QVERIFY2(desktop.desk(), qPrintable(desktop.window()->statusBar()->currentMessage()));
        ui::MainWindow &w = *desktop.window();
        ui::SearchPage *search = w.searchPage();
        QVERIFY(search);
        search->findChild<QLineEdit *>(QStringLiteral("originEdit"))
            ->setText(QStringLiteral("LOS"));
        search->findChild<QLineEdit *>(QStringLiteral("destinationEdit"))
            ->setText(QStringLiteral("LHR"));
        search->search(); // what Enter in the form does
        auto *view = search->findChild<QTableView *>(QStringLiteral("offersTableView"));
        QTRY_VERIFY_WITH_TIMEOUT(view->model() && view->model()->rowCount() > 0, kWait);
        view->setCurrentIndex(view->model()->index(0, 0));
        search->chooseCurrentOffer();
        QCOMPARE(w.checkoutTabs().size(), 1);
        ui::CheckoutTab *tab = w.checkoutTabs().first();
        tab->page()->setPassengers(adult());
        QTRY_VERIFY(tab->page()->canBook());
        tab->page()->requestBooking();
        auto *state = tab->findChild<QLabel *>(QStringLiteral("stateLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(QStringLiteral("Booked")), kWait);

        // Read back from PostgreSQL by another connection, as another desk would.
        OrderJournal agency;
        agency.setPassword(pg.password());
        QVERIFY(agency.open(pg.url()));
        const auto all = agency.all();
        QVERIFY(all);
        QCOMPARE(all->size(), 1);
        QCOMPARE(all->first().bookingReference, tab->flow()->bookingReference());
    }

    // The agency database is down at start: the window still opens, says which database and
    // what to do, and offers no search and no booking until it is back.
    void unreachableAgencyJournalOpensTheWindowAndSaysSo() {
        sandbox::Sandbox travelbase;
        QVERIFY(travelbase.start(0));
        Fixture f;
        DeskSettings s;
        s.providers = {{QStringLiteral("travelbase"), travelbase.baseUrl(), true}};
        s.journal = JournalKind::Agency;
        s.agencyUrl =
            QStringLiteral("postgresql://flightdesk@127.0.0.1:%1/flightdesk").arg(closedPort());
        QVERIFY(f.store->save(s));
        f.keychain.entries.insert(QStringLiteral("api_key.travelbase"),
                                  sandbox::Sandbox::defaultApiKey());

        ui::Desktop desktop(desk::makeSettings(*f.store), 0.01);
        QSignalSpy opened(&desktop, &ui::Desktop::windowOpened);
        desktop.start();
        QVERIFY(opened.wait(kWait));
        ui::MainWindow *w = desktop.window();
        QVERIFY(w && w->isVisible());
        QVERIFY(!desktop.desk()); // no desk on a file of its own instead
        QVERIFY(!w->searchPage());
        auto *banner = w->findChild<QLabel *>(QStringLiteral("connectionLabel"));
        QVERIFY(banner && banner->isVisible());
        const QString text = banner->text();
        QVERIFY2(text.startsWith(QStringLiteral("The agency journal ") + s.agencyUrl +
                                 QStringLiteral(" cannot be reached: ")),
                 qPrintable(text));
        QVERIFY2(text.endsWith(QStringLiteral("; bookings cannot start until it is back. Fix it "
                                              "in File → Settings.")),
                 qPrintable(text));
        QCOMPARE(w->statusBar()->currentMessage(), text);
    }

    // ctest label: postgres. The agency database does not answer as the desk starts (frozen
    // with SIGSTOP): the window is there at once and says it is connecting (its event loop
    // runs while the database is reached on a worker thread), and the desk opens once the
    // database answers.
    void frozenAgencyJournalAtStartShowsTheWindowAtOnce() {
        if (const QString why = needPostgres(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(m_pg.isRunning());
        sandbox::Sandbox travelbase;
        QVERIFY(travelbase.start(0));
        Fixture f;
        QVERIFY(saveAgencyDesk(f, travelbase.baseUrl(), m_pg.url(), m_pg.password()));

        QVERIFY(m_pg.pause());
        ui::Desktop desktop(desk::makeSettings(*f.store), 0.01);
        QSignalSpy opened(&desktop, &ui::Desktop::windowOpened);
        desktop.start();
        QTRY_VERIFY_WITH_TIMEOUT(desktop.window() && desktop.window()->isVisible(), kWait);
        auto *banner = desktop.window()->findChild<QLabel *>(QStringLiteral("connectionLabel"));
        QVERIFY2(banner->text().startsWith(QStringLiteral("Connecting to the agency journal ")),
                 qPrintable(banner->text()));
        QCOMPARE(opened.count(), 0);
        QVERIFY(m_pg.resume());
        QVERIFY(opened.wait(kWait));
        QVERIFY2(desktop.desk(), qPrintable(desktop.window()->statusBar()->currentMessage()));
        QVERIFY(desktop.window()->searchPage());
    }

    // ctest label: postgres. The agency database is down when the desk starts and comes back:
    // Retry (Alt+R) opens the desk on it, without a restart or a trip to Settings.
    void retryOpensTheDeskOnceTheAgencyJournalIsBack() {
        if (const QString why = needPostgres(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(m_pg.isRunning());
        sandbox::Sandbox travelbase;
        QVERIFY(travelbase.start(0));
        Fixture f;
        QVERIFY(saveAgencyDesk(f, travelbase.baseUrl(), m_pg.url(), m_pg.password()));
        QString error;
        QVERIFY2(m_pg.stopServer(&error), qPrintable(error));

        ui::Desktop desktop(desk::makeSettings(*f.store), 0.01);
        QSignalSpy opened(&desktop, &ui::Desktop::windowOpened);
        desktop.start();
        QVERIFY(opened.wait(kWait));
        QVERIFY(!desktop.desk());
        auto *retry = desktop.window()->findChild<QPushButton *>(QStringLiteral("retryButton"));
        QVERIFY(retry);
        QVERIFY(retry->isVisible());
        QVERIFY(!desktop.window()->searchPage());

        QVERIFY2(m_pg.startServer(&error), qPrintable(error));
        desktop.window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(desktop.window()));
        QTest::keyClick(desktop.window(), Qt::Key_R, Qt::AltModifier);
        QVERIFY(opened.wait(kWait));
        QVERIFY2(desktop.desk(), qPrintable(desktop.window()->statusBar()->currentMessage()));
        QVERIFY(desktop.window()->searchPage());
        auto *banner = desktop.window()->findChild<QLabel *>(QStringLiteral("connectionLabel"));
        QVERIFY(!banner->isVisible());
        QVERIFY(!desktop.window()
                     ->findChild<QPushButton *>(QStringLiteral("retryButton"))
                     ->isVisible());
    }
};

QTEST_MAIN(TestSettingsJournal)
#include "tst_settingsjournal.moc"
