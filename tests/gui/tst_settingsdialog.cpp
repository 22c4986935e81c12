// The settings dialog, offscreen: values in and out of the store, inline validation, where each
// secret is kept and the explicit consent before a file fallback (answered through the
// MessageBox seam), and "Test connection" against a real in-process sandbox, a wrong key, a
// closed port and plain http to a remote host.
#include "fakekeychains.h"
#include "messagebox.h"
#include "settingsdialog.h"

#include "desk/settings.h"
#include "sandbox/sandbox.h"
#include "storage/settingsstore.h"

#include <QCheckBox>
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
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using fd::AllowFileFallback;
using fd::SecretBackend;
using fd::SecretKind;
using fd::SettingsStore;
using fd::ui::MessageBox;
using fd::ui::SettingsDialog;

namespace {

const QString kKey = QStringLiteral("tb_live_0123456789abcdef");

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
    QLineEdit *edit(const char *name) { return find<QLineEdit>(name); }
    QString label(const char *name) { return find<QLabel>(name)->text(); }
    void type(const char *name, const QString &text) {
        edit(name)->clear();
        QTest::keyClicks(edit(name), text);
    }
    // Runs "Test connection" and returns what it reported.
    std::pair<bool, QString> test() {
        QSignalSpy spy(dialog.get(), &SettingsDialog::connectionTested);
        QTest::mouseClick(find<QPushButton>("testConnectionButton"), Qt::LeftButton);
        if (spy.isEmpty() && !spy.wait(20'000))
            qFatal("the connection test never finished");
        return {spy.first().at(0).toBool(), spy.first().at(1).toString()};
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
        s.apiBase = QUrl(QStringLiteral("https://api.travelbase.example"));
        s.webhookListen = QStringLiteral("127.0.0.1:8787");
        s.timingScale = 0.5;
        s.requestTimeoutSeconds = 20;
        QVERIFY(f.store->save(s));
        f.memory.entries.insert(QStringLiteral("api_key"), kKey);
        f.memory.entries.insert(QStringLiteral("webhook_secret"), QStringLiteral("whsec"));
        f.open();
        QCOMPARE(f.edit("apiBaseUrlEdit")->text(),
                 QStringLiteral("https://api.travelbase.example"));
        QCOMPARE(f.edit("webhookListenEdit")->text(), QStringLiteral("127.0.0.1:8787"));
        QCOMPARE(f.find<QDoubleSpinBox>("timingScaleSpinBox")->value(), 0.5);
        QCOMPARE(f.find<QSpinBox>("requestTimeoutSpinBox")->value(), 20);
        QCOMPARE(f.edit("apiKeyEdit")->text(), kKey);
        QCOMPARE(f.edit("webhookSecretEdit")->text(), QStringLiteral("whsec"));
        QCOMPARE(f.label("apiKeyStorageLabel"), QStringLiteral("Saved in the system keychain."));

        // The key is hidden until asked for.
        QCOMPARE(f.edit("apiKeyEdit")->echoMode(), QLineEdit::Password);
        QTest::mouseClick(f.find<QPushButton>("showApiKeyButton"), Qt::LeftButton);
        QCOMPARE(f.edit("apiKeyEdit")->echoMode(), QLineEdit::Normal);
        QCOMPARE(f.find<QPushButton>("showApiKeyButton")->text(), QStringLiteral("&Hide"));
        QTest::mouseClick(f.find<QPushButton>("showApiKeyButton"), Qt::LeftButton);
        QCOMPARE(f.edit("apiKeyEdit")->echoMode(), QLineEdit::Password);
        QCOMPARE(f.edit("webhookSecretEdit")->echoMode(), QLineEdit::Password);

        QVERIFY(f.label("timingScaleNoteLabel").contains(QStringLiteral("2 times faster")));
        f.find<QDoubleSpinBox>("timingScaleSpinBox")->setValue(1.0);
        QVERIFY(f.label("timingScaleNoteLabel").startsWith(QStringLiteral("1.00 is real time")));
    }

    void validatesAsTheAgentTypes() {
        Fixture f;
        f.open();
        auto *urlMessage = f.find<QLabel>("apiBaseUrlMessageLabel");
        QVERIFY(!urlMessage->isVisible()); // an empty form is not an error yet
        f.type("apiBaseUrlEdit", QStringLiteral("http://api.travelbase.example"));
        QVERIFY(urlMessage->isVisible());
        QVERIFY2(urlMessage->text().contains(QStringLiteral("Plain http is allowed only to this "
                                                            "computer")),
                 qPrintable(urlMessage->text()));
        QVERIFY(urlMessage->text().contains(QStringLiteral("https://api.travelbase.example")));
        QCOMPARE(f.edit("apiBaseUrlEdit")->accessibleDescription(), urlMessage->text());
        f.type("apiBaseUrlEdit", QStringLiteral("http://127.0.0.1:8080"));
        QVERIFY(!urlMessage->isVisible()); // loopback may be plain http
        f.type("apiBaseUrlEdit", QStringLiteral("ftp://api.travelbase.example"));
        QVERIFY(urlMessage->text().contains(QStringLiteral("https://")));
        f.type("apiBaseUrlEdit", QStringLiteral("https://api.travelbase.example"));
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
        f.type("apiBaseUrlEdit", QStringLiteral("https://api.travelbase.example"));
        f.type("apiKeyEdit", kKey);
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
        f.type("apiBaseUrlEdit", QStringLiteral("https://api.travelbase.example"));
        f.type("apiKeyEdit", kKey);
        f.type("webhookListenEdit", QStringLiteral("127.0.0.1:8787"));
        f.type("webhookSecretEdit", QStringLiteral("whsec"));
        f.find<QSpinBox>("requestTimeoutSpinBox")->setValue(15);
        QSignalSpy saved(f.dialog.get(), &SettingsDialog::saved);
        QTest::keyClick(f.edit("webhookSecretEdit"), Qt::Key_Return); // Save is the default
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(f.dialog->result(), int(QDialog::Accepted));
        QCOMPARE(f.memory.entries.value(QStringLiteral("api_key")), kKey);
        QCOMPARE(f.memory.entries.value(QStringLiteral("webhook_secret")), QStringLiteral("whsec"));
        QCOMPARE(f.store->backend(SecretKind::ApiKey), SecretBackend::Keychain);
        const fd::DeskSettings s = f.store->load();
        QCOMPARE(s.apiBase, QUrl(QStringLiteral("https://api.travelbase.example")));
        QCOMPARE(s.webhookListen, QStringLiteral("127.0.0.1:8787"));
        QCOMPARE(s.requestTimeoutSeconds, 15);
        QFile ini(f.store->settingsFile());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains(kKey.toUtf8()));
        QVERIFY(!QFileInfo::exists(f.store->fallbackFile(SecretKind::ApiKey)));
    }

    void declinedFileFallbackSavesNoKey() {
        Fixture f(false);
        f.open();
        QCOMPARE(f.label("apiKeyStorageLabel"), QStringLiteral("Not saved.")); // never was
        f.type("apiBaseUrlEdit", QStringLiteral("https://api.travelbase.example"));
        f.type("apiKeyEdit", kKey);
        QSignalSpy failed(f.dialog.get(), &SettingsDialog::saveFailed);
        MessageBox::setNextAnswer(false);
        f.dialog->accept();
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(
            failed.first().first().toString().contains(QStringLiteral("API key was not saved")));
        QVERIFY(f.dialog->isVisible());
        QCOMPARE(f.unavailable.writes, 1);
        QVERIFY(!QFileInfo::exists(f.store->fallbackFile(SecretKind::ApiKey)));
        QCOMPARE(f.store->backend(SecretKind::ApiKey), SecretBackend::None);
        QVERIFY(f.find<QPushButton>("testConnectionButton")->isEnabled()); // usable again
    }

    void fileFallbackOnlyAfterConsentAndVisible() {
        Fixture f(false);
        f.open();
        f.type("apiBaseUrlEdit", QStringLiteral("https://api.travelbase.example"));
        f.type("apiKeyEdit", kKey);
        QSignalSpy saved(f.dialog.get(), &SettingsDialog::saved);
        MessageBox::setNextAnswer(true);
        f.dialog->accept();
        QTRY_COMPARE(saved.size(), 1);
        const QString path = f.store->fallbackFile(SecretKind::ApiKey);
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(QFileInfo(path).permissions() &
                     ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser),
                 k0600);
        QCOMPARE(f.store->backend(SecretKind::ApiKey), SecretBackend::File);

        // Next time the dialog says so, visibly, with the path.
        f.open();
        auto *where = f.find<QLabel>("apiKeyStorageLabel");
        QVERIFY(where->isVisible());
        QVERIFY2(where->text().startsWith(
                     QStringLiteral("Warning: saved in a file readable only by you: ")),
                 qPrintable(where->text()));
        QVERIFY(where->text().contains(QDir::toNativeSeparators(path)));
        QCOMPARE(f.edit("apiKeyEdit")->text(), kKey);

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
        QCOMPARE(f.edit("apiKeyEdit")->text(), QString());
        QVERIFY2(f.label("apiKeyStorageLabel").contains(QStringLiteral("cannot be read")),
                 qPrintable(f.label("apiKeyStorageLabel")));
        f.type("apiBaseUrlEdit", QStringLiteral("https://api.travelbase.example"));
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
        f.type("apiBaseUrlEdit", sandbox.baseUrl().toString());
        f.type("apiKeyEdit", fd::sandbox::Sandbox::defaultApiKey());
        const auto [ok, message] = f.test();
        QVERIFY2(ok, qPrintable(message));
        QCOMPARE(message, QStringLiteral("Connected. Wallet: 1,500.00 EUR"));
        QCOMPARE(f.label("connectionResultLabel"), message);
        QVERIFY(f.find<QPushButton>("testConnectionButton")->isEnabled());
        QVERIFY(!f.dialog->isTesting());

        f.type("apiKeyEdit", QStringLiteral("tb_wrong"));
        const auto [refused, why] = f.test();
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
        f.type("apiBaseUrlEdit", url);
        f.type("apiKeyEdit", kKey);
        QElapsedTimer timer;
        timer.start();
        const auto [ok, message] = f.test();
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
        f.type("apiBaseUrlEdit", QStringLiteral("http://api.travelbase.example"));
        f.type("apiKeyEdit", kKey);
        const auto [ok, message] = f.test();
        QVERIFY(!ok);
        QVERIFY2(message.contains(QStringLiteral("Plain http is allowed only to this computer")),
                 qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("Use https://api.travelbase.example")));
        QVERIFY(!f.dialog->isTesting()); // nothing was sent

        f.type("apiKeyEdit", QString());
        f.type("apiBaseUrlEdit", QStringLiteral("https://api.travelbase.example"));
        QVERIFY(f.test().second.startsWith(QStringLiteral("Enter the API key first")));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
