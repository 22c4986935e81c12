// The settings dialog, offscreen: values in and out of the store, inline validation, where each
// secret is kept and the explicit consent before a file fallback (answered through the
// MessageBox seam), and "Test connection" against a real in-process sandbox, a wrong key, a
// closed port and plain http to a remote host.
#include "desktop.h"
#include "fakekeychains.h"
#include "messagebox.h"
#include "settingsdialog.h"

#include "desk/desk.h"
#include "desk/providers.h"
#include "desk/search.h"
#include "desk/settings.h"
#include "sandbox/sandbox.h"
#include "sandbox/travomatrix/travomatrixsandbox.h"
#include "storage/settingsstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using fd::AllowFileFallback;
using fd::ProviderSettings;
using fd::SecretBackend;
using fd::SecretRef;
using fd::SettingsStore;
using fd::ui::MessageBox;
using fd::ui::SettingsDialog;

namespace {

const QString kKey = QStringLiteral("tb_live_0123456789abcdef");
const QString kTmxKey = QStringLiteral("tmx_live_fedcba9876543210");
const QString kTb = QStringLiteral("travelbase");
const QString kTmx = QStringLiteral("travomatrix");
const SecretRef kTbKey = SecretRef::apiKey(kTb);
const SecretRef kTmxKeyRef = SecretRef::apiKey(kTmx);

using fd::test::MemoryKeychain;
using fd::test::UnavailableKeychain;

struct Fixture {
    QTemporaryDir dir;
    UnavailableKeychain unavailable;
    MemoryKeychain memory;
    std::unique_ptr<SettingsStore> store;
    std::unique_ptr<fd::desk::Settings> settings; // the desk's Settings over `store`
    std::unique_ptr<SettingsDialog> dialog;

    explicit Fixture(bool keychainWorks = true) {
        SettingsStore::Options o;
        o.settingsFile = dir.filePath(QStringLiteral("FlightDesk.ini"));
        o.keychain = keychainWorks ? static_cast<fd::SecretKeychain *>(&memory) : &unavailable;
        store = std::make_unique<SettingsStore>(o);
        settings = fd::desk::makeSettings(*store);
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
    // A provider's page, shown (as the agent would pick its tab).
    QWidget *page(const QString &provider) {
        auto *tabs = find<QTabWidget>("providerTabWidget");
        auto *p = dialog->findChild<QWidget *>(QStringLiteral("providerPage_") + provider);
        if (!p)
            qFatal("no page for %s", qPrintable(provider));
        tabs->setCurrentWidget(p);
        return p;
    }
    template <typename T> T *find(const QString &provider, const char *name) {
        auto *w = page(provider)->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no %s on the page of %s", name, qPrintable(provider));
        return w;
    }
    QLineEdit *edit(const char *name) { return find<QLineEdit>(name); }
    QLineEdit *edit(const QString &provider, const char *name) {
        return find<QLineEdit>(provider, name);
    }
    QString label(const char *name) { return find<QLabel>(name)->text(); }
    QString label(const QString &provider, const char *name) {
        return find<QLabel>(provider, name)->text();
    }
    static void typeInto(QLineEdit *e, const QString &text) {
        e->clear();
        QTest::keyClicks(e, text);
    }
    void type(const char *name, const QString &text) { typeInto(edit(name), text); }
    void type(const QString &provider, const char *name, const QString &text) {
        typeInto(edit(provider, name), text);
    }
    // Runs a provider's "Test connection" and returns what it reported.
    std::pair<bool, QString> test(const QString &provider) {
        QSignalSpy spy(dialog.get(), &SettingsDialog::connectionTested);
        QTest::mouseClick(find<QPushButton>(provider, "testConnectionButton"), Qt::LeftButton);
        if (spy.isEmpty() && !spy.wait(20'000))
            qFatal("the connection test never finished");
        if (spy.first().at(0).toString() != provider)
            qFatal("another provider's test answered");
        return {spy.first().at(1).toBool(), spy.first().at(2).toString()};
    }
};

constexpr QFileDevice::Permissions k0600 = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

} // namespace

class TestSettingsDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsWhatIsSaved() {
        Fixture f;
        fd::DeskSettings s;
        s.providers = {{kTb, QUrl(QStringLiteral("https://api.travelbase.example")), true}};
        s.webhookListen = QStringLiteral("127.0.0.1:8787");
        s.timingScale = 0.5;
        s.requestTimeoutSeconds = 20;
        QVERIFY(f.store->save(s));
        f.memory.entries.insert(QStringLiteral("api_key.travelbase"), kKey);
        f.memory.entries.insert(QStringLiteral("webhook_secret"), QStringLiteral("whsec"));
        f.open();
        QVERIFY(f.find<QCheckBox>(kTb, "enabledCheckBox")->isChecked());
        QVERIFY(!f.find<QCheckBox>(kTmx, "enabledCheckBox")->isChecked());
        QCOMPARE(f.edit(kTmx, "apiBaseUrlEdit")->text(), QString());
        QCOMPARE(f.label(kTmx, "apiKeyStorageLabel"), QStringLiteral("Not saved."));
        QCOMPARE(f.edit(kTb, "apiBaseUrlEdit")->text(),
                 QStringLiteral("https://api.travelbase.example"));
        QCOMPARE(f.edit("webhookListenEdit")->text(), QStringLiteral("127.0.0.1:8787"));
        QCOMPARE(f.find<QDoubleSpinBox>("timingScaleSpinBox")->value(), 0.5);
        QCOMPARE(f.find<QSpinBox>("requestTimeoutSpinBox")->value(), 20);
        QCOMPARE(f.edit(kTb, "apiKeyEdit")->text(), kKey);
        QCOMPARE(f.edit("webhookSecretEdit")->text(), QStringLiteral("whsec"));
        QCOMPARE(f.label(kTb, "apiKeyStorageLabel"),
                 QStringLiteral("Saved in the system keychain."));

        // The key is hidden until asked for.
        QCOMPARE(f.edit(kTb, "apiKeyEdit")->echoMode(), QLineEdit::Password);
        QTest::mouseClick(f.find<QPushButton>(kTb, "showApiKeyButton"), Qt::LeftButton);
        QCOMPARE(f.edit(kTb, "apiKeyEdit")->echoMode(), QLineEdit::Normal);
        QCOMPARE(f.find<QPushButton>(kTb, "showApiKeyButton")->text(), QStringLiteral("&Hide"));
        QTest::mouseClick(f.find<QPushButton>(kTb, "showApiKeyButton"), Qt::LeftButton);
        QCOMPARE(f.edit(kTb, "apiKeyEdit")->echoMode(), QLineEdit::Password);
        QCOMPARE(f.edit("webhookSecretEdit")->echoMode(), QLineEdit::Password);

        QVERIFY(f.label("timingScaleNoteLabel").contains(QStringLiteral("2 times faster")));
        f.find<QDoubleSpinBox>("timingScaleSpinBox")->setValue(1.0);
        QVERIFY(f.label("timingScaleNoteLabel").startsWith(QStringLiteral("1.00 is real time")));
    }

    void validatesAsTheAgentTypes() {
        Fixture f;
        f.open();
        auto *urlMessage = f.find<QLabel>(kTb, "apiBaseUrlMessageLabel");
        QVERIFY(!urlMessage->isVisible()); // an empty form is not an error yet
        f.type(kTb, "apiBaseUrlEdit", QStringLiteral("http://api.travelbase.example"));
        QVERIFY(urlMessage->isVisible());
        QVERIFY2(urlMessage->text().contains(QStringLiteral("Plain http is allowed only to this "
                                                            "computer")),
                 qPrintable(urlMessage->text()));
        QVERIFY(urlMessage->text().contains(QStringLiteral("https://api.travelbase.example")));
        QCOMPARE(f.edit(kTb, "apiBaseUrlEdit")->accessibleDescription(), urlMessage->text());
        f.type(kTb, "apiBaseUrlEdit", QStringLiteral("http://127.0.0.1:8080"));
        QVERIFY(!urlMessage->isVisible()); // loopback may be plain http
        f.type(kTb, "apiBaseUrlEdit", QStringLiteral("ftp://api.travelbase.example"));
        QVERIFY(urlMessage->text().contains(QStringLiteral("https://")));
        f.type(kTb, "apiBaseUrlEdit", QStringLiteral("https://api.travelbase.example"));
        QVERIFY(!urlMessage->isVisible());

        auto *listen = f.find<QLabel>("webhookListenMessageLabel");
        f.type("webhookListenEdit", QStringLiteral("localhost"));
        QVERIFY(listen->text().contains(QStringLiteral("127.0.0.1:8787")));
        f.type("webhookListenEdit", QStringLiteral("127.0.0.1:70000"));
        QVERIFY(listen->text().contains(QStringLiteral("1 to 65535")));
        f.type("webhookListenEdit", QStringLiteral("127.0.0.1:8787"));
        QVERIFY(!listen->isVisible());
        QVERIFY(f.label("webhookSecretMessageLabel").contains(QStringLiteral("Required")));

        // Saving with a problem keeps the dialog open and focuses the field.
        QSignalSpy failed(f.dialog.get(), &SettingsDialog::saveFailed);
        f.dialog->accept();
        QCOMPARE(failed.size(), 1);
        QVERIFY(f.dialog->isVisible());
        QVERIFY(f.find<QLabel>("statusLabel")->isVisible());
        f.type("webhookSecretEdit", QStringLiteral("whsec"));
        QVERIFY(!f.find<QLabel>("webhookSecretMessageLabel")->isVisible());
    }

    // Listening on every interface is the agent's explicit choice, with the words for what it
    // means next to it, and it is saved.
    void publicListenNeedsTheCheckbox() {
        Fixture f;
        f.open();
        auto *box = f.find<QCheckBox>("webhookPublicCheckBox");
        QVERIFY(!box->isChecked());
        QVERIFY2(box->text()
                     .remove(QLatin1Char('&'))
                     .contains(QStringLiteral("Accept webhooks from other computers")),
                 qPrintable(box->text()));
        QVERIFY2(
            f.label("webhookPublicNoteLabel").contains(QStringLiteral("all network interfaces")),
            qPrintable(f.label("webhookPublicNoteLabel")));
        f.type(kTb, "apiBaseUrlEdit", QStringLiteral("https://api.travelbase.example"));
        f.type(kTb, "apiKeyEdit", kKey);
        f.type("webhookSecretEdit", QStringLiteral("whsec"));
        auto *listen = f.find<QLabel>("webhookListenMessageLabel");
        f.type("webhookListenEdit", QStringLiteral("0.0.0.0:8787"));
        QVERIFY(listen->isVisible());
        QVERIFY2(listen->text().contains(QStringLiteral("other computers")),
                 qPrintable(listen->text()));
        QSignalSpy failed(f.dialog.get(), &SettingsDialog::saveFailed);
        f.dialog->accept();
        QCOMPARE(failed.size(), 1);
        QVERIFY(!f.store->load().webhookListenPublic);

        QTest::mouseClick(box, Qt::LeftButton);
        QVERIFY(box->isChecked());
        QVERIFY(!listen->isVisible());
        QSignalSpy saved(f.dialog.get(), &SettingsDialog::saved);
        f.dialog->accept();
        QTRY_COMPARE(saved.size(), 1);
        QVERIFY(f.store->load().webhookListenPublic);
        QCOMPARE(f.store->load().webhookListen, QStringLiteral("0.0.0.0:8787"));

        f.open(); // shown as saved
        QVERIFY(f.find<QCheckBox>("webhookPublicCheckBox")->isChecked());
        QTest::mouseClick(f.find<QCheckBox>("webhookPublicCheckBox"), Qt::LeftButton);
        QVERIFY(f.find<QLabel>("webhookListenMessageLabel")->isVisible());
        f.type("webhookListenEdit", QStringLiteral("127.0.0.1:8787"));
        QVERIFY(!f.find<QLabel>("webhookListenMessageLabel")->isVisible()); // loopback: no opt-in
    }

    void savesSecretsInTheKeychain() {
        Fixture f;
        f.open();
        f.type(kTb, "apiBaseUrlEdit", QStringLiteral("https://api.travelbase.example"));
        f.type(kTb, "apiKeyEdit", kKey);
        f.type("webhookListenEdit", QStringLiteral("127.0.0.1:8787"));
        f.type("webhookSecretEdit", QStringLiteral("whsec"));
        f.find<QSpinBox>("requestTimeoutSpinBox")->setValue(15);
        QSignalSpy saved(f.dialog.get(), &SettingsDialog::saved);
        QTest::keyClick(f.edit("webhookSecretEdit"), Qt::Key_Return); // Save is the default
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(f.dialog->result(), int(QDialog::Accepted));
        QCOMPARE(f.memory.entries.value(QStringLiteral("api_key.travelbase")), kKey);
        QCOMPARE(f.memory.entries.value(QStringLiteral("webhook_secret")), QStringLiteral("whsec"));
        QCOMPARE(f.store->backend(kTbKey), SecretBackend::Keychain);
        const fd::DeskSettings s = f.store->load();
        // Typing the address of a provider never set up ticked "Enabled".
        QCOMPARE(
            s.connection(kTb),
            (ProviderSettings{kTb, QUrl(QStringLiteral("https://api.travelbase.example")), true}));
        QVERIFY(!s.connection(kTmx).enabled);
        QCOMPARE(s.webhookListen, QStringLiteral("127.0.0.1:8787"));
        QCOMPARE(s.requestTimeoutSeconds, 15);
        QFile ini(f.store->settingsFile());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains(kKey.toUtf8()));
        QVERIFY(!QFileInfo::exists(f.store->fallbackFile(kTbKey)));
    }

    void declinedFileFallbackSavesNoKey() {
        Fixture f(false);
        f.open();
        QCOMPARE(f.label(kTb, "apiKeyStorageLabel"), QStringLiteral("Not saved.")); // never was
        f.type(kTb, "apiBaseUrlEdit", QStringLiteral("https://api.travelbase.example"));
        f.type(kTb, "apiKeyEdit", kKey);
        QSignalSpy failed(f.dialog.get(), &SettingsDialog::saveFailed);
        MessageBox::setNextAnswer(false);
        f.dialog->accept();
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(
            failed.first().first().toString().contains(QStringLiteral("API key was not saved")));
        QVERIFY(f.dialog->isVisible());
        QCOMPARE(f.unavailable.writes, 1);
        QVERIFY(!QFileInfo::exists(f.store->fallbackFile(kTbKey)));
        QCOMPARE(f.store->backend(kTbKey), SecretBackend::None);
        QVERIFY(f.find<QPushButton>(kTb, "testConnectionButton")->isEnabled()); // usable again
    }

    void fileFallbackOnlyAfterConsentAndVisible() {
        Fixture f(false);
        f.open();
        f.type(kTb, "apiBaseUrlEdit", QStringLiteral("https://api.travelbase.example"));
        f.type(kTb, "apiKeyEdit", kKey);
        QSignalSpy saved(f.dialog.get(), &SettingsDialog::saved);
        MessageBox::setNextAnswer(true);
        f.dialog->accept();
        QTRY_COMPARE(saved.size(), 1);
        const QString path = f.store->fallbackFile(kTbKey);
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(QFileInfo(path).permissions() &
                     ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser),
                 k0600);
        QCOMPARE(f.store->backend(kTbKey), SecretBackend::File);

        // Next time the dialog says so, visibly, with the path.
        f.open();
        auto *where = f.find<QLabel>(kTb, "apiKeyStorageLabel");
        QVERIFY(where->isVisible());
        QVERIFY2(where->text().startsWith(
                     QStringLiteral("Warning: saved in a file readable only by you: ")),
                 qPrintable(where->text()));
        QVERIFY(where->text().contains(QDir::toNativeSeparators(path)));
        QCOMPARE(f.edit(kTb, "apiKeyEdit")->text(), kKey);

        // Saving again without a change does not ask again (the answer is still queued: had
        // it been asked, it would have been consumed).
        QSignalSpy again(f.dialog.get(), &SettingsDialog::saved);
        MessageBox::setNextAnswer(false);
        f.dialog->accept();
        QTRY_COMPARE(again.size(), 1);
        QVERIFY(QFileInfo::exists(path));
        bool consumed = true;
        MessageBox::ask(nullptr, {}, {}, {}, [&](bool yes) { consumed = yes; });
        QVERIFY(!consumed); // our queued "no" was still there
    }

    void neverErasesWhatItCouldNotRead() {
        Fixture f(false);
        // Saved in the keychain on an earlier day; today the keychain is locked.
        QSettings(f.store->settingsFile(), QSettings::IniFormat)
            .setValue(QStringLiteral("secrets/api_key"), QStringLiteral("keychain"));
        f.open();
        QCOMPARE(f.edit(kTb, "apiKeyEdit")->text(), QString());
        QVERIFY2(f.label(kTb, "apiKeyStorageLabel").contains(QStringLiteral("cannot be read")),
                 qPrintable(f.label(kTb, "apiKeyStorageLabel")));
        f.type(kTb, "apiBaseUrlEdit", QStringLiteral("https://api.travelbase.example"));
        QSignalSpy saved(f.dialog.get(), &SettingsDialog::saved);
        f.dialog->accept();
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(f.unavailable.writes, 0);
        QCOMPARE(f.unavailable.removes, 0);
    }

    void testConnectionAgainstTheSandbox() {
        fd::sandbox::Sandbox sandbox;
        QVERIFY(sandbox.start(0));
        sandbox.setWalletBalance(
            *fd::Money::parse(QStringLiteral("1500.00"), QStringLiteral("EUR")));
        Fixture f;
        f.open();
        f.type(kTb, "apiBaseUrlEdit", sandbox.baseUrl().toString());
        f.type(kTb, "apiKeyEdit", fd::sandbox::Sandbox::defaultApiKey());
        const auto [ok, message] = f.test(kTb);
        QVERIFY2(ok, qPrintable(message));
        QCOMPARE(message, QStringLiteral("Connected. Wallet: 1,500.00 EUR"));
        QCOMPARE(f.label(kTb, "connectionResultLabel"), message);
        QVERIFY(f.find<QPushButton>(kTb, "testConnectionButton")->isEnabled());
        QVERIFY(!f.dialog->isTesting());

        f.type(kTb, "apiKeyEdit", QStringLiteral("tb_wrong"));
        const auto [refused, why] = f.test(kTb);
        QVERIFY(!refused);
        QVERIFY2(why.startsWith(
                     QStringLiteral("The API key was refused: check it in the agency portal.")),
                 qPrintable(why));
    }

    void testConnectionToAClosedPort() {
        quint16 port = 0;
        {
            QTcpServer probe; // a port that was free a moment ago, and is closed now
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        Fixture f;
        f.open();
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(port);
        f.type(kTb, "apiBaseUrlEdit", url);
        f.type(kTb, "apiKeyEdit", kKey);
        QElapsedTimer timer;
        timer.start();
        const auto [ok, message] = f.test(kTb);
        QVERIFY(!ok);
        QVERIFY2(message.startsWith(
                     QStringLiteral("Cannot reach %1: check the URL and the network.").arg(url)),
                 qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("Detail: ")));
        QVERIFY2(timer.elapsed() < 10'000, "a connection test must not make the agent wait");
    }

    void testConnectionRefusesPlainHttpToARemoteHost() {
        Fixture f;
        f.open();
        f.type(kTb, "apiBaseUrlEdit", QStringLiteral("http://api.travelbase.example"));
        f.type(kTb, "apiKeyEdit", kKey);
        const auto [ok, message] = f.test(kTb);
        QVERIFY(!ok);
        QVERIFY2(message.contains(QStringLiteral("Plain http is allowed only to this computer")),
                 qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("Use https://api.travelbase.example")));
        QVERIFY(!f.dialog->isTesting()); // nothing was sent

        f.type(kTb, "apiKeyEdit", QString());
        f.type(kTb, "apiBaseUrlEdit", QStringLiteral("https://api.travelbase.example"));
        QVERIFY(f.test(kTb).second.startsWith(QStringLiteral("Enter the API key first")));
    }
    // One page per registered provider, named as the agent knows it, each with the same fields.
    void showsAPagePerProvider() {
        Fixture f;
        f.open();
        auto *tabs = f.find<QTabWidget>("providerTabWidget");
        const QStringList ids = fd::desk::providerIds();
        QVERIFY(ids.contains(kTb) && ids.contains(kTmx));
        QCOMPARE(tabs->count(), ids.size());
        for (int i = 0; i < ids.size(); ++i) {
            QCOMPARE(tabs->tabText(i), fd::desk::providerName(ids[i]));
            QCOMPARE(tabs->widget(i), f.page(ids[i]));
            QVERIFY(!f.find<QCheckBox>(ids[i], "enabledCheckBox")->isChecked());
            // Labels with a mnemonic and a buddy on this page.
            for (const char *label : {"apiBaseUrlLabel", "apiKeyLabel"}) {
                auto *l = f.find<QLabel>(ids[i], label);
                QVERIFY(l->text().contains(QLatin1Char('&')));
                QVERIFY(l->buddy() && f.page(ids[i])->isAncestorOf(l->buddy()));
            }
            QVERIFY(f.edit(ids[i], "apiBaseUrlEdit")
                        ->accessibleName()
                        .startsWith(fd::desk::providerName(ids[i])));
        }
        // Tab goes through the visible page in reading order, then on to the shared timeout.
        f.page(kTmx);
        QWidget *step = f.find<QCheckBox>(kTmx, "enabledCheckBox");
        const QList<QWidget *> expected = {f.edit(kTmx, "apiBaseUrlEdit"),
                                           f.edit(kTmx, "apiKeyEdit"),
                                           f.find<QPushButton>(kTmx, "showApiKeyButton"),
                                           f.find<QPushButton>(kTmx, "testConnectionButton"),
                                           f.find<QSpinBox>("requestTimeoutSpinBox")};
        for (QWidget *next : expected) {
            do
                step = step->nextInFocusChain();
            while (
                !(step->isVisible() && step->isEnabled() && (step->focusPolicy() & Qt::TabFocus)));
            QVERIFY2(step == next || next->isAncestorOf(step),
                     qPrintable(step->objectName() + QLatin1String(" instead of ") +
                                next->objectName()));
        }
    }

    // Two providers' addresses, flags and keys saved, each key in its own keychain entry, and
    // shown again as saved.
    void savesEveryProvider() {
        Fixture f;
        f.open();
        f.type(kTb, "apiBaseUrlEdit", QStringLiteral("https://api.travelbase.example"));
        f.type(kTb, "apiKeyEdit", kKey);
        f.type(kTmx, "apiBaseUrlEdit", QStringLiteral("https://api.travomatrix.example"));
        QVERIFY(f.find<QCheckBox>(kTmx, "enabledCheckBox")->isChecked()); // typed: in use
        f.type(kTmx, "apiKeyEdit", kTmxKey);
        QTest::keyClick(f.find<QCheckBox>(kTmx, "enabledCheckBox"), Qt::Key_Space);
        QVERIFY(!f.find<QCheckBox>(kTmx, "enabledCheckBox")->isChecked()); // the agent's choice
        QSignalSpy saved(f.dialog.get(), &SettingsDialog::saved);
        f.dialog->accept();
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(f.memory.entries.value(QStringLiteral("api_key.travelbase")), kKey);
        QCOMPARE(f.memory.entries.value(QStringLiteral("api_key.travomatrix")), kTmxKey);
        QCOMPARE(f.store->backend(kTmxKeyRef), SecretBackend::Keychain);
        fd::DeskSettings s = f.store->load();
        QCOMPARE(
            s.connection(kTb),
            (ProviderSettings{kTb, QUrl(QStringLiteral("https://api.travelbase.example")), true}));
        QCOMPARE(s.connection(kTmx),
                 (ProviderSettings{kTmx, QUrl(QStringLiteral("https://api.travomatrix.example")),
                                   false}));
        QFile ini(f.store->settingsFile());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray text = ini.readAll();
        QVERIFY(!text.contains(kKey.toUtf8()) && !text.contains(kTmxKey.toUtf8()));

        f.open(); // as saved
        QVERIFY(f.find<QCheckBox>(kTb, "enabledCheckBox")->isChecked());
        QVERIFY(!f.find<QCheckBox>(kTmx, "enabledCheckBox")->isChecked());
        QCOMPARE(f.edit(kTmx, "apiBaseUrlEdit")->text(),
                 QStringLiteral("https://api.travomatrix.example"));
        QCOMPARE(f.edit(kTb, "apiKeyEdit")->text(), kKey);
        QCOMPARE(f.edit(kTmx, "apiKeyEdit")->text(), kTmxKey);
        QCOMPARE(f.label(kTmx, "apiKeyStorageLabel"),
                 QStringLiteral("Saved in the system keychain."));

        // Now in use, and an enabled provider needs its address: the save says so on its page.
        QTest::keyClick(f.find<QCheckBox>(kTmx, "enabledCheckBox"), Qt::Key_Space);
        f.edit(kTmx, "apiBaseUrlEdit")->clear();
        f.page(kTb);
        QSignalSpy failed(f.dialog.get(), &SettingsDialog::saveFailed);
        QSignalSpy savedAgain(f.dialog.get(), &SettingsDialog::saved);
        f.dialog->accept();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(f.find<QTabWidget>("providerTabWidget")->currentWidget(),
                 f.dialog->findChild<QWidget *>(QStringLiteral("providerPage_travomatrix")));
        QVERIFY2(f.label(kTmx, "apiBaseUrlMessageLabel")
                     .contains(QStringLiteral("Required: the address of the Travomatrix API")),
                 qPrintable(f.label(kTmx, "apiBaseUrlMessageLabel")));
        // A provider not in use may stay empty.
        QTest::keyClick(f.find<QCheckBox>(kTmx, "enabledCheckBox"), Qt::Key_Space);
        f.dialog->accept();
        QTRY_COMPARE(savedAgain.size(), 1);
        QVERIFY(f.store->load().connection(kTmx).apiBase.isEmpty());
    }

    // The window's language: the system's by default, English or French by choice, kept in
    // the settings file; shown from the next start (installTranslation at start reads it).
    void chosenLanguageIsSaved() {
        Fixture f;
        f.open();
        auto *language = f.find<QComboBox>("languageComboBox");
        QVERIFY(language->currentText().startsWith(QStringLiteral("The system's (")));
        QCOMPARE(language->findData(QStringLiteral("en")), 1);
        const int french = language->findData(QStringLiteral("fr"));
        QVERIFY(french > 1);
        QCOMPARE(language->itemText(french), QStringLiteral("Français"));
        language->setFocus();
        for (int i = 0; i < french; ++i)
            QTest::keyClick(language, Qt::Key_Down);
        QCOMPARE(language->currentData().toString(), QStringLiteral("fr"));
        QSignalSpy saved(f.dialog.get(), &SettingsDialog::saved);
        f.dialog->accept();
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(f.store->load().language, QStringLiteral("fr"));
        f.open();
        QCOMPARE(f.find<QComboBox>("languageComboBox")->currentData().toString(),
                 QStringLiteral("fr"));
        // Back to the system's: nothing kept.
        f.find<QComboBox>("languageComboBox")->setCurrentIndex(0);
        QSignalSpy savedAgain(f.dialog.get(), &SettingsDialog::saved);
        f.dialog->accept();
        QTRY_COMPARE(savedAgain.size(), 1);
        QCOMPARE(f.store->load().language, QString());
    }

    // The keychain declined: the consent question names the provider's key, and its file is
    // its own.
    void fileFallbackPerProvider() {
        Fixture f(false);
        f.open();
        f.type(kTmx, "apiBaseUrlEdit", QStringLiteral("https://api.travomatrix.example"));
        f.type(kTmx, "apiKeyEdit", kTmxKey);
        QSignalSpy failed(f.dialog.get(), &SettingsDialog::saveFailed);
        MessageBox::setNextAnswer(false);
        f.dialog->accept();
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY2(failed.first().first().toString().contains(
                     QStringLiteral("Travomatrix API key was not saved")),
                 qPrintable(failed.first().first().toString()));
        QSignalSpy saved(f.dialog.get(), &SettingsDialog::saved);
        MessageBox::setNextAnswer(true);
        f.dialog->accept();
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(f.store->backend(kTmxKeyRef), SecretBackend::File);
        QCOMPARE(f.store->backend(kTbKey), SecretBackend::None);
        f.open();
        QVERIFY(f.label(kTmx, "apiKeyStorageLabel")
                    .contains(QDir::toNativeSeparators(f.store->fallbackFile(kTmxKeyRef))));
        QCOMPARE(f.label(kTb, "apiKeyStorageLabel"), QStringLiteral("Not saved."));
    }

    // Settings from before several providers: the one base URL and key are Travelbase's, in
    // use; Travomatrix is not.
    void oldSingleConnectionShowsAsTravelbase() {
        Fixture f;
        {
            QSettings old(f.store->settingsFile(), QSettings::IniFormat);
            old.setValue(QStringLiteral("api/baseUrl"),
                         QStringLiteral("https://api.travelbase.example"));
            old.setValue(QStringLiteral("secrets/api_key"), QStringLiteral("keychain"));
        }
        f.memory.entries.insert(QStringLiteral("api_key"), kKey); // the old entry's name
        f.open();
        QVERIFY(f.find<QCheckBox>(kTb, "enabledCheckBox")->isChecked());
        QCOMPARE(f.edit(kTb, "apiBaseUrlEdit")->text(),
                 QStringLiteral("https://api.travelbase.example"));
        QCOMPARE(f.edit(kTb, "apiKeyEdit")->text(), kKey);
        QCOMPARE(f.label(kTb, "apiKeyStorageLabel"),
                 QStringLiteral("Saved in the system keychain."));
        QVERIFY(!f.find<QCheckBox>(kTmx, "enabledCheckBox")->isChecked());
        QCOMPARE(f.edit(kTmx, "apiKeyEdit")->text(), QString());
        QSignalSpy saved(f.dialog.get(), &SettingsDialog::saved);
        f.dialog->accept();
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(
            f.store->load().connection(kTb),
            (ProviderSettings{kTb, QUrl(QStringLiteral("https://api.travelbase.example")), true}));
        QVERIFY(!QSettings(f.store->settingsFile(), QSettings::IniFormat)
                     .contains(QStringLiteral("api/baseUrl")));
    }

    // Each provider's "Test connection" against its own sandbox on 127.0.0.1, and a wrong key
    // refused by each; the result shows on that provider's page only.
    void testConnectionPerProvider() {
        fd::sandbox::Sandbox travelbase;
        QVERIFY(travelbase.start(0));
        travelbase.setWalletBalance(
            *fd::Money::parse(QStringLiteral("1500.00"), QStringLiteral("EUR")));
        fd::sandbox::TravomatrixSandbox travomatrix;
        QVERIFY(travomatrix.start(0));
        travomatrix.setWalletBalance(
            *fd::Money::parse(QStringLiteral("2750.50"), QStringLiteral("EUR")));
        Fixture f;
        f.open();
        f.type(kTb, "apiBaseUrlEdit", travelbase.baseUrl().toString());
        f.type(kTb, "apiKeyEdit", fd::sandbox::Sandbox::defaultApiKey());
        f.type(kTmx, "apiBaseUrlEdit", travomatrix.baseUrl().toString());
        f.type(kTmx, "apiKeyEdit", fd::sandbox::TravomatrixSandbox::defaultApiKey());

        const auto [tmxOk, tmxMessage] = f.test(kTmx);
        QVERIFY2(tmxOk, qPrintable(tmxMessage));
        QCOMPARE(tmxMessage, QStringLiteral("Connected. Wallet: 2,750.50 EUR"));
        QCOMPARE(f.label(kTmx, "connectionResultLabel"), tmxMessage);
        QVERIFY(!f.find<QLabel>(kTb, "connectionResultLabel")->isVisible());
        const auto [tbOk, tbMessage] = f.test(kTb);
        QVERIFY2(tbOk, qPrintable(tbMessage));
        QCOMPARE(tbMessage, QStringLiteral("Connected. Wallet: 1,500.00 EUR"));
        QCOMPARE(f.label(kTmx, "connectionResultLabel"), tmxMessage); // its own result stays
        QVERIFY(!f.dialog->isTesting());

        for (const QString &provider : {kTb, kTmx}) {
            f.type(provider, "apiKeyEdit", QStringLiteral("wrong_key"));
            const auto [refused, why] = f.test(provider);
            QVERIFY(!refused);
            QVERIFY2(why.startsWith(
                         QStringLiteral("The API key was refused: check it in the agency portal.")),
                     qPrintable(provider + QLatin1String(": ") + why));
            QCOMPARE(f.label(provider, "connectionResultLabel"), why);
            QVERIFY(f.find<QPushButton>(provider, "testConnectionButton")->isEnabled());
        }

        // The Travomatrix API is not the Travelbase one: a test with the wrong provider's
        // address says so rather than "connected".
        f.type(kTmx, "apiBaseUrlEdit", travelbase.baseUrl().toString());
        f.type(kTmx, "apiKeyEdit", fd::sandbox::Sandbox::defaultApiKey());
        QVERIFY(!f.test(kTmx).first);
    }

    // The desk the window opens from the saved settings: every enabled provider (the first as
    // the session's provider, the others joining it), each with its own key.
    void savedSettingsOpenEveryEnabledProvider() {
        fd::sandbox::Sandbox travelbase;
        QVERIFY(travelbase.start(0));
        fd::sandbox::TravomatrixSandbox travomatrix;
        QVERIFY(travomatrix.start(0));
        Fixture f;
        const auto opened = [&f]() -> std::optional<fd::SessionOptions> {
            std::optional<std::optional<fd::SessionOptions>> out;
            QObject context;
            fd::ui::savedSessionOptions(*f.settings, &context,
                                        [&](std::optional<fd::SessionOptions> o) { out = o; });
            if (!QTest::qWaitFor([&] { return out.has_value(); }, 5000))
                qFatal("the saved settings never came");
            return *out;
        };
        QVERIFY(!opened()); // nothing set up: the window shows the offline demo

        fd::DeskSettings s;
        s.providers = {{kTb, travelbase.baseUrl(), true}, {kTmx, travomatrix.baseUrl(), true}};
        QVERIFY(f.store->save(s));
        f.memory.entries.insert(QStringLiteral("api_key.travelbase"),
                                fd::sandbox::Sandbox::defaultApiKey());
        f.memory.entries.insert(QStringLiteral("api_key.travomatrix"),
                                fd::sandbox::TravomatrixSandbox::defaultApiKey());
        auto o = opened();
        QVERIFY(o);
        QCOMPARE(o->provider, kTb);
        QCOMPARE(o->apiBase, travelbase.baseUrl());
        QCOMPARE(o->apiKey, fd::sandbox::Sandbox::defaultApiKey());
        QCOMPARE(o->moreProviders.size(), 1);
        QCOMPARE(o->moreProviders.first().provider, kTmx);
        QCOMPARE(o->moreProviders.first().apiBase, travomatrix.baseUrl());
        QCOMPARE(o->moreProviders.first().apiKey, fd::sandbox::TravomatrixSandbox::defaultApiKey());
        QVERIFY(!o->demo);
        o->journalPath = f.dir.filePath(QStringLiteral("journal.sqlite"));
        auto desk = fd::desk::makeDesk(*o);
        QVERIFY2(desk, desk ? "" : qPrintable(desk.error().message));
        QCOMPARE((*desk)->search().providers(), (QStringList{kTb, kTmx}));

        // Only Travomatrix in use: it is the session's provider, alone.
        s.providers = {{kTb, travelbase.baseUrl(), false}, {kTmx, travomatrix.baseUrl(), true}};
        QVERIFY(f.store->save(s));
        o = opened();
        QVERIFY(o);
        QCOMPARE(o->provider, kTmx);
        QVERIFY(o->moreProviders.isEmpty());
        o->journalPath = f.dir.filePath(QStringLiteral("journal2.sqlite"));
        auto alone = fd::desk::makeDesk(*o);
        QVERIFY2(alone, alone ? "" : qPrintable(alone.error().message));
        QCOMPARE((*alone)->search().providers(), QStringList{kTmx});
        QVERIFY((*alone)->search().unavailable().isEmpty());

        // Both enabled, Travelbase's key gone: the desk opens with Travomatrix and says why
        // Travelbase is missing, instead of refusing to open at all.
        s.providers = {{kTb, travelbase.baseUrl(), true}, {kTmx, travomatrix.baseUrl(), true}};
        QVERIFY(f.store->save(s));
        f.memory.entries.remove(QStringLiteral("api_key.travelbase"));
        o = opened();
        QVERIFY(o);
        o->journalPath = f.dir.filePath(QStringLiteral("journal3.sqlite"));
        auto partial = fd::desk::makeDesk(*o);
        QVERIFY2(partial, partial ? "" : qPrintable(partial.error().message));
        QCOMPARE((*partial)->search().providers(), QStringList{kTmx});
        const QStringList missing = (*partial)->search().unavailable();
        QCOMPARE(missing.size(), 1);
        QVERIFY2(missing.first().startsWith(QStringLiteral("Travelbase: ")) &&
                     missing.first().contains(QStringLiteral("API key")),
                 qPrintable(missing.first()));

        // Neither has a key: no desk, and the reason names what to fix.
        f.memory.entries.remove(QStringLiteral("api_key.travomatrix"));
        o = opened();
        QVERIFY(o);
        o->journalPath = f.dir.filePath(QStringLiteral("journal4.sqlite"));
        const auto none = fd::desk::makeDesk(*o);
        QVERIFY(!none);
        QVERIFY2(none.error().message.contains(QStringLiteral("Travelbase: ")) &&
                     none.error().message.contains(QStringLiteral("Travomatrix: ")),
                 qPrintable(none.error().message));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
