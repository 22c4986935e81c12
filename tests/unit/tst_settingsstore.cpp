// The settings store: plain settings in an INI file, secrets in the keychain, and the explicit
// 0600 file fallback when the keychain is unavailable. The real keychain round trip runs only
// where a secret service answers (ctest's tst_settingsstore_keyring provides one: a private
// D-Bus session with an unlocked gnome-keyring); set FLIGHTDESK_REQUIRE_KEYCHAIN=1 to make its
// absence a failure instead of a skip.
#include "fakekeychains.h"
#include "storage/settingsstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRandomGenerator>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <optional>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using fd::AllowFileFallback;
using fd::DeskSettings;
using fd::JournalKind;
using fd::ProviderSettings;
using fd::Result;
using fd::SecretBackend;
using fd::SecretRef;
using fd::SettingsStore;
using fd::StoredSecret;

namespace fd {
char *toString(SecretBackend b) {
    switch (b) {
    case SecretBackend::None:
        return qstrdup("None");
    case SecretBackend::Keychain:
        return qstrdup("Keychain");
    case SecretBackend::File:
        return qstrdup("File");
    }
    return qstrdup("?");
}
} // namespace fd

namespace {

const QString kKey = QStringLiteral("tb_live_0123456789abcdef");
const QString kTmxKey = QStringLiteral("tmx_live_fedcba9876543210");
const SecretRef kTravelbaseKey = SecretRef::apiKey(QStringLiteral("travelbase"));
const SecretRef kTravomatrixKey = SecretRef::apiKey(QStringLiteral("travomatrix"));

using fd::test::MemoryKeychain;
using fd::test::UnavailableKeychain;

template <typename T> Result<T> waitFor(std::optional<Result<T>> &out) {
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 30'000))
        qFatal("the settings store never answered");
    return *out;
}

Result<SecretBackend> store(SettingsStore &s, const SecretRef &secret, const QString &value,
                            AllowFileFallback fallback) {
    std::optional<Result<SecretBackend>> out;
    QObject context;
    s.storeSecret(secret, value, fallback, &context, [&](Result<SecretBackend> r) { out = r; });
    return waitFor(out);
}

Result<StoredSecret> read(SettingsStore &s, const SecretRef &secret) {
    std::optional<Result<StoredSecret>> out;
    QObject context;
    s.readSecret(secret, &context, [&](Result<StoredSecret> r) { out = r; });
    return waitFor(out);
}

Result<std::monostate> erase(SettingsStore &s, const SecretRef &secret) {
    std::optional<Result<std::monostate>> out;
    QObject context;
    s.eraseSecret(secret, &context, [&](Result<std::monostate> r) { out = r; });
    return waitFor(out);
}

QByteArray contents(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The permission bits without the "current user" duplicates QFileInfo adds.
QFileDevice::Permissions modeOf(const QString &path) {
    return QFileInfo(path).permissions() &
           ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
}

constexpr QFileDevice::Permissions k0600 = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

struct Fixture {
    QTemporaryDir dir;
    UnavailableKeychain unavailable;
    MemoryKeychain memory;
    SettingsStore::Options options(fd::SecretKeychain *keychain) const {
        SettingsStore::Options o;
        o.settingsFile = dir.filePath(QStringLiteral("FlightDesk.ini"));
        o.keychain = keychain;
        return o;
    }
};

} // namespace

class TestSettingsStore final : public QObject {
    Q_OBJECT

    QString m_service =
        QStringLiteral("FlightDesk-test-%1").arg(QRandomGenerator::global()->generate64(), 0, 36);

    // A real QtKeychain probe: is there a secret service that takes a write right now?
    std::optional<QString> keychainUnavailableReason() {
        QTemporaryDir dir;
        SettingsStore::Options o;
        o.settingsFile = dir.filePath(QStringLiteral("probe.ini"));
        o.keychainService = m_service;
        SettingsStore s(o);
        const auto r =
            store(s, SecretRef::webhookSecret(), QStringLiteral("probe"), AllowFileFallback::No);
        if (!r)
            return r.error().message;
        erase(s, SecretRef::webhookSecret());
        return std::nullopt;
    }

private Q_SLOTS:
    // The folder of the settings and of any fallback secret file is the user's alone.
    void newSettingsFolderIsOwnerOnly() {
        QTemporaryDir dir;
#ifdef Q_OS_UNIX
        const mode_t old = ::umask(022);
#endif
        SettingsStore::Options o;
        o.settingsFile = dir.filePath(QStringLiteral("config/FlightDesk/FlightDesk.ini"));
        UnavailableKeychain unavailable;
        o.keychain = &unavailable;
        SettingsStore s(o);
        const auto saved = s.save(DeskSettings{});
        const auto r = store(s, kTravelbaseKey, kKey, AllowFileFallback::Yes);
#ifdef Q_OS_UNIX
        ::umask(old);
#endif
        QVERIFY(saved);
        QVERIFY(r);
        const QFileDevice::Permissions k0700 = k0600 | QFileDevice::ExeOwner;
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("config/FlightDesk"))), k0700);
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("config"))), k0700);
        QCOMPARE(modeOf(s.fallbackFile(kTravelbaseKey)), k0600);
    }

    void plainSettingsRoundTrip() {
        Fixture f;
        {
            SettingsStore s(f.options(&f.unavailable));
            const DeskSettings defaults = s.load();
            QVERIFY(defaults.providers.isEmpty());
            QCOMPARE(defaults.timingScale, 1.0);
            QCOMPARE(defaults.requestTimeoutSeconds, 30);
            DeskSettings d;
            d.providers = {{QStringLiteral("travelbase"),
                            QUrl(QStringLiteral("https://api.travelbase.example")), true},
                           {QStringLiteral("travomatrix"),
                            QUrl(QStringLiteral("https://api.travomatrix.example")), false}};
            d.webhookListen = QStringLiteral("127.0.0.1:8787");
            d.timingScale = 0.05;
            d.requestTimeoutSeconds = 12;
            QVERIFY(s.save(d));
        }
        SettingsStore again(f.options(&f.unavailable));
        const DeskSettings d = again.load();
        QCOMPARE(d.providers.size(), 2);
        QCOMPARE(d.connection(QStringLiteral("travelbase")),
                 (ProviderSettings{QStringLiteral("travelbase"),
                                   QUrl(QStringLiteral("https://api.travelbase.example")), true}));
        QCOMPARE(
            d.connection(QStringLiteral("travomatrix")),
            (ProviderSettings{QStringLiteral("travomatrix"),
                              QUrl(QStringLiteral("https://api.travomatrix.example")), false}));
        QVERIFY(!d.connection(QStringLiteral("other")).enabled);
        QCOMPARE(d.webhookListen, QStringLiteral("127.0.0.1:8787"));
        QCOMPARE(d.timingScale, 0.05);
        QCOMPARE(d.requestTimeoutSeconds, 12);
        QCOMPARE(again.settingsFile(), f.dir.filePath(QStringLiteral("FlightDesk.ini")));
    }

    void keychainFailureWithoutConsentWritesNothing() {
        Fixture f;
        SettingsStore s(f.options(&f.unavailable));
        const auto r = store(s, kTravelbaseKey, kKey, AllowFileFallback::No);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("keychain_unavailable"));
        QVERIFY2(r.error().message.contains(QLatin1String("No D-Bus session")),
                 qPrintable(r.error().message));
        QVERIFY(!r.error().message.contains(kKey));
        QVERIFY(!QFileInfo::exists(s.fallbackFile(kTravelbaseKey)));
        QCOMPARE(s.backend(kTravelbaseKey), SecretBackend::None);
        QVERIFY(!contents(s.settingsFile()).contains(kKey.toUtf8()));
        QCOMPARE(QDir(f.dir.path())
                     .entryList(QDir::Files | QDir::Hidden)
                     .filter(QStringLiteral("secret")),
                 QStringList());
        const auto back = read(s, kTravelbaseKey);
        QVERIFY(back); // never saved: nothing to read, not an error
        QCOMPARE(back->backend, SecretBackend::None);
    }

    void unreadableKeychainIsAnErrorOnlyWhenSomethingIsThere() {
        Fixture f;
        {
            SettingsStore s(f.options(&f.memory));
            QCOMPARE(*store(s, kTravelbaseKey, kKey, AllowFileFallback::No),
                     SecretBackend::Keychain);
        }
        SettingsStore locked(f.options(&f.unavailable)); // the keychain is locked today
        const auto back = read(locked, kTravelbaseKey);
        QVERIFY(!back);
        QCOMPARE(back.error().code, QStringLiteral("keychain_unavailable"));
    }

    void fileFallbackWithConsentIsOwnerOnly() {
        Fixture f;
#ifdef Q_OS_UNIX
        const mode_t old = ::umask(0); // even a permissive umask must not widen the file
#endif
        SettingsStore s(f.options(&f.unavailable));
        const auto r = store(s, kTravelbaseKey, kKey, AllowFileFallback::Yes);
#ifdef Q_OS_UNIX
        ::umask(old);
#endif
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(*r, SecretBackend::File);
        QCOMPARE(f.unavailable.calls, 1); // the keychain was tried first

        const QString path = s.fallbackFile(kTravelbaseKey);
        QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(f.dir.path()).absoluteFilePath());
        QCOMPARE(modeOf(path), k0600);
        QCOMPARE(contents(path), kKey.toUtf8());
        QCOMPARE(s.backend(kTravelbaseKey), SecretBackend::File);
        QVERIFY(!contents(s.settingsFile()).contains(kKey.toUtf8()));
        // No temporary file left behind.
        QCOMPARE(QDir(f.dir.path()).entryList(QDir::Files).filter(QStringLiteral(".tmp-")),
                 QStringList());

        SettingsStore again(f.options(&f.unavailable));
        const auto back = read(again, kTravelbaseKey);
        QVERIFY(back);
        QCOMPARE(back->value, kKey);
        QCOMPARE(back->backend, SecretBackend::File);
    }

    void webhookSecretFollowsTheSameRules() {
        Fixture f;
        SettingsStore s(f.options(&f.unavailable));
        const QString secret = QStringLiteral("whsec_abc");
        QVERIFY(!store(s, SecretRef::webhookSecret(), secret, AllowFileFallback::No));
        QVERIFY(!QFileInfo::exists(s.fallbackFile(SecretRef::webhookSecret())));
        QCOMPARE(*store(s, SecretRef::webhookSecret(), secret, AllowFileFallback::Yes),
                 SecretBackend::File);
        QVERIFY(s.fallbackFile(SecretRef::webhookSecret())
                    .endsWith(QLatin1String("webhook_secret.secret")));
        QCOMPARE(modeOf(s.fallbackFile(SecretRef::webhookSecret())), k0600);
        QCOMPARE(read(s, SecretRef::webhookSecret())->value, secret);
        QCOMPARE(s.backend(kTravelbaseKey), SecretBackend::None); // one secret, one file
    }

    // The journal's place: absent from an older INI = this desk's file; the agency's URL is
    // plain, its password a secret with the same rules as the others, never in the INI.
    void journalChoiceAndItsPassword() {
        Fixture f;
        SettingsStore s(f.options(&f.memory));
        QCOMPARE(s.load().journal, JournalKind::ThisDesk);
        QVERIFY(s.load().agencyUrl.isEmpty());
        DeskSettings d;
        d.journal = JournalKind::Agency;
        d.agencyUrl = QStringLiteral("postgresql://desk@db.agency.example:5432/flightdesk");
        QVERIFY(s.save(d));
        const QString password = QStringLiteral("pg-Pa55word");
        QCOMPARE(*store(s, SecretRef::journalPassword(), password, AllowFileFallback::No),
                 SecretBackend::Keychain);
        QCOMPARE(f.memory.entries.value(QStringLiteral("journal_password")), password);
        SettingsStore again(f.options(&f.memory));
        QCOMPARE(again.load().journal, JournalKind::Agency);
        QCOMPARE(again.load().agencyUrl, d.agencyUrl);
        QCOMPARE(read(again, SecretRef::journalPassword())->value, password);

        d.agencyUrl = QStringLiteral("postgresql://desk:%1@db.agency.example/flightdesk")
                          .arg(QStringLiteral("other-secret"));
        QVERIFY(!s.save(d)); // a password in the URL: nothing written
        QFile ini(s.settingsFile());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray text = ini.readAll();
        QVERIFY(!text.contains("other-secret"));
        QVERIFY(!text.contains(password.toUtf8()));
        QCOMPARE(again.load().agencyUrl,
                 QStringLiteral("postgresql://desk@db.agency.example:5432/flightdesk"));
    }

    void fileOthersCanReadIsRefused() {
        Fixture f;
        SettingsStore s(f.options(&f.unavailable));
        QVERIFY(store(s, kTravelbaseKey, kKey, AllowFileFallback::Yes));
        const QString path = s.fallbackFile(kTravelbaseKey);
        QVERIFY(
            QFile::setPermissions(path, k0600 | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        const auto back = read(s, kTravelbaseKey);
        QVERIFY(!back);
        QCOMPARE(back.error().code, QStringLiteral("secret_file_exposed"));
        QVERIFY(back.error().message.contains(QLatin1String("chmod 600")));
        QVERIFY(!back.error().message.contains(kKey));

        // Saving again replaces it with a fresh owner-only file.
        QVERIFY(store(s, kTravelbaseKey, kKey, AllowFileFallback::Yes));
        QCOMPARE(modeOf(path), k0600);
    }

    // A key is a few dozen bytes; a secret file grown (or replaced) beyond 4 KiB is refused
    // unread with one line, not loaded into memory and sent as a header.
    void hugeSecretFileIsRefused() {
        Fixture f;
        SettingsStore s(f.options(&f.unavailable));
        QVERIFY(store(s, kTravelbaseKey, kKey, AllowFileFallback::Yes));
        const QString path = s.fallbackFile(kTravelbaseKey);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
            QVERIFY(file.write(QByteArray(100 * 1024, 'k')) > 0);
        }
        QCOMPARE(modeOf(path), k0600);
        const auto back = read(s, kTravelbaseKey);
        QVERIFY(!back);
        QCOMPARE(back.error().code, QStringLiteral("secret_file_failed"));
        QVERIFY2(back.error().message.contains(QLatin1String("larger than 4 KiB")),
                 qPrintable(back.error().message));
        QVERIFY(!back.error().message.contains(QLatin1Char('\n')));
    }

    void eraseRemovesTheFile() {
        Fixture f;
        SettingsStore s(f.options(&f.unavailable));
        QVERIFY(store(s, kTravelbaseKey, kKey, AllowFileFallback::Yes));
        QVERIFY(erase(s, kTravelbaseKey));
        QVERIFY(!QFileInfo::exists(s.fallbackFile(kTravelbaseKey)));
        QCOMPARE(s.backend(kTravelbaseKey), SecretBackend::None);
        // An empty value erases too.
        QVERIFY(store(s, kTravelbaseKey, kKey, AllowFileFallback::Yes));
        QCOMPARE(*store(s, kTravelbaseKey, QString(), AllowFileFallback::No), SecretBackend::None);
        QVERIFY(!QFileInfo::exists(s.fallbackFile(kTravelbaseKey)));
    }

    void movingToTheKeychainDeletesTheFile() {
        Fixture f;
        {
            SettingsStore s(f.options(&f.unavailable));
            QVERIFY(store(s, kTravelbaseKey, kKey, AllowFileFallback::Yes));
        }
        SettingsStore s(f.options(&f.memory)); // the keychain is back
        QCOMPARE(read(s, kTravelbaseKey)->backend, SecretBackend::File);
        QCOMPARE(*store(s, kTravelbaseKey, kKey, AllowFileFallback::No), SecretBackend::Keychain);
        QVERIFY(!QFileInfo::exists(s.fallbackFile(kTravelbaseKey)));
        QCOMPARE(f.memory.entries.value(QStringLiteral("api_key.travelbase")), kKey);
        const auto back = read(s, kTravelbaseKey);
        QCOMPARE(back->value, kKey);
        QCOMPARE(back->backend, SecretBackend::Keychain);
    }

    // Each provider has its own key: its own keychain entry, its own fallback file.
    void keysArePerProvider() {
        Fixture f;
        SettingsStore s(f.options(&f.memory));
        QCOMPARE(*store(s, kTravelbaseKey, kKey, AllowFileFallback::No), SecretBackend::Keychain);
        QCOMPARE(*store(s, kTravomatrixKey, kTmxKey, AllowFileFallback::No),
                 SecretBackend::Keychain);
        QCOMPARE(f.memory.entries.value(QStringLiteral("api_key.travelbase")), kKey);
        QCOMPARE(f.memory.entries.value(QStringLiteral("api_key.travomatrix")), kTmxKey);
        QCOMPARE(read(s, kTravelbaseKey)->value, kKey);
        QCOMPARE(read(s, kTravomatrixKey)->value, kTmxKey);
        QVERIFY(
            s.fallbackFile(kTravomatrixKey).endsWith(QLatin1String("/api_key.travomatrix.secret")));
        QVERIFY(s.fallbackFile(kTravelbaseKey) != s.fallbackFile(kTravomatrixKey));
        QVERIFY(erase(s, kTravelbaseKey));
        QCOMPARE(read(s, kTravelbaseKey)->backend, SecretBackend::None);
        QCOMPARE(read(s, kTravomatrixKey)->value, kTmxKey); // the other one stays

        // A provider id is never a path.
        QVERIFY(!SettingsStore::keyName(SecretRef::apiKey(QStringLiteral("../x")))
                     .contains(QLatin1Char('/')));

        SettingsStore locked(f.options(&f.unavailable));
        QCOMPARE(*store(locked, kTravomatrixKey, kTmxKey, AllowFileFallback::Yes),
                 SecretBackend::File);
        QCOMPARE(contents(locked.fallbackFile(kTravomatrixKey)), kTmxKey.toUtf8());
        QVERIFY(!QFileInfo::exists(locked.fallbackFile(kTravelbaseKey)));
    }

    // An INI from before several providers: its one base URL is an enabled Travelbase
    // connection, and the next save writes it in the new form.
    void oldSingleConnectionMigratesToTravelbase() {
        Fixture f;
        {
            QSettings old(f.dir.filePath(QStringLiteral("FlightDesk.ini")), QSettings::IniFormat);
            old.setValue(QStringLiteral("api/baseUrl"),
                         QStringLiteral("https://api.travelbase.example"));
            old.setValue(QStringLiteral("api/requestTimeoutSeconds"), 20);
        }
        SettingsStore s(f.options(&f.memory));
        DeskSettings d = s.load();
        const ProviderSettings travelbase{QStringLiteral("travelbase"),
                                          QUrl(QStringLiteral("https://api.travelbase.example")),
                                          true};
        QCOMPARE(d.providers, QList<ProviderSettings>{travelbase});
        QCOMPARE(d.requestTimeoutSeconds, 20);
        d.providers.append(ProviderSettings{QStringLiteral("travomatrix"),
                                            QUrl(QStringLiteral("https://api.travomatrix.example")),
                                            true});
        QVERIFY(s.save(d));
        QSettings ini(s.settingsFile(), QSettings::IniFormat);
        QVERIFY(!ini.contains(QStringLiteral("api/baseUrl")));
        QCOMPARE(ini.value(QStringLiteral("providers/travelbase/baseUrl")).toString(),
                 QStringLiteral("https://api.travelbase.example"));
        SettingsStore again(f.options(&f.memory));
        QCOMPARE(again.load().providers.size(), 2);
        QCOMPARE(again.load().connection(QStringLiteral("travelbase")), travelbase);

        // Once in the new form, an old key written by an older FlightDesk does not come back.
        d.providers = {ProviderSettings{QStringLiteral("travomatrix"), {}, false}};
        QVERIFY(again.save(d));
        ini.sync();
        ini.setValue(QStringLiteral("api/baseUrl"), QStringLiteral("https://old.example"));
        ini.sync();
        SettingsStore third(f.options(&f.memory));
        QVERIFY(!third.load().connection(QStringLiteral("travelbase")).enabled);
    }

    // The one API key from before several providers, in the keychain, is Travelbase's; saving
    // Travelbase's key moves it to its own entry.
    void oldKeychainKeyIsTravelbases() {
        Fixture f;
        f.memory.entries.insert(QStringLiteral("api_key"), kKey);
        QSettings(f.dir.filePath(QStringLiteral("FlightDesk.ini")), QSettings::IniFormat)
            .setValue(QStringLiteral("secrets/api_key"), QStringLiteral("keychain"));
        SettingsStore s(f.options(&f.memory));
        QCOMPARE(s.backend(kTravelbaseKey), SecretBackend::Keychain);
        const auto back = read(s, kTravelbaseKey);
        QVERIFY(back);
        QCOMPARE(back->value, kKey);
        QCOMPARE(back->backend, SecretBackend::Keychain);
        QCOMPARE(read(s, kTravomatrixKey)->backend, SecretBackend::None); // not Travomatrix's

        // The old entry even without its record (written by hand, or an older record lost).
        {
            Fixture g;
            g.memory.entries.insert(QStringLiteral("api_key"), kKey);
            SettingsStore t(g.options(&g.memory));
            QCOMPARE(read(t, kTravelbaseKey)->value, kKey);
        }

        const QString fresh = QStringLiteral("tb_live_fresh");
        QCOMPARE(*store(s, kTravelbaseKey, fresh, AllowFileFallback::No), SecretBackend::Keychain);
        QCOMPARE(f.memory.entries.value(QStringLiteral("api_key.travelbase")), fresh);
        QTRY_VERIFY(!f.memory.entries.contains(QStringLiteral("api_key"))); // moved, not copied
        QVERIFY(!QSettings(s.settingsFile(), QSettings::IniFormat)
                     .contains(QStringLiteral("secrets/api_key")));
        QCOMPARE(read(s, kTravelbaseKey)->value, fresh);

        // Erasing Travelbase's key erases an old copy too.
        f.memory.entries.insert(QStringLiteral("api_key"), kKey);
        QVERIFY(erase(s, kTravelbaseKey));
        QVERIFY(f.memory.entries.isEmpty());
        QCOMPARE(read(s, kTravelbaseKey)->backend, SecretBackend::None);
    }

    // The old key in its owner-only fallback file keeps working, and is named where it is.
    void oldFallbackFileKeyIsTravelbases() {
        Fixture f;
        const QString oldFile = f.dir.filePath(QStringLiteral("api_key.secret"));
        {
            QFile file(oldFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(kKey.toUtf8());
        }
        QVERIFY(QFile::setPermissions(oldFile, k0600));
        QSettings(f.dir.filePath(QStringLiteral("FlightDesk.ini")), QSettings::IniFormat)
            .setValue(QStringLiteral("secrets/api_key"), QStringLiteral("file"));
        SettingsStore s(f.options(&f.unavailable));
        QCOMPARE(s.backend(kTravelbaseKey), SecretBackend::File);
        QCOMPARE(QFileInfo(s.fallbackFile(kTravelbaseKey)).absoluteFilePath(),
                 QFileInfo(oldFile).absoluteFilePath());
        const auto back = read(s, kTravelbaseKey);
        QVERIFY(back);
        QCOMPARE(back->value, kKey);
        QCOMPARE(back->backend, SecretBackend::File);

        // Saved again (still no keychain, with consent): its own file, the old one gone.
        QCOMPARE(*store(s, kTravelbaseKey, kKey, AllowFileFallback::Yes), SecretBackend::File);
        QVERIFY(!QFileInfo::exists(oldFile));
        QVERIFY(
            s.fallbackFile(kTravelbaseKey).endsWith(QLatin1String("/api_key.travelbase.secret")));
        QCOMPARE(modeOf(s.fallbackFile(kTravelbaseKey)), k0600);
        QCOMPARE(read(s, kTravelbaseKey)->value, kKey);
    }

    void realKeychainWithoutServiceRefusesSilentFallback() {
        if (!keychainUnavailableReason())
            QSKIP("a secret service is available here; keychainRoundTrip covers it");
        QTemporaryDir dir;
        SettingsStore::Options o;
        o.settingsFile = dir.filePath(QStringLiteral("FlightDesk.ini"));
        o.keychainService = m_service;
        SettingsStore s(o);
        const auto r = store(s, kTravelbaseKey, kKey, AllowFileFallback::No);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("keychain_unavailable"));
        QVERIFY(!QFileInfo::exists(s.fallbackFile(kTravelbaseKey)));
        QVERIFY(!contents(s.settingsFile()).contains(kKey.toUtf8()));
    }

    void keychainRoundTrip() {
        if (const auto why = keychainUnavailableReason()) {
            if (qEnvironmentVariableIntValue("FLIGHTDESK_REQUIRE_KEYCHAIN"))
                QFAIL(qPrintable(QStringLiteral("no working secret service: ") + *why));
            QSKIP(qPrintable(QStringLiteral("no working secret service (%1); ctest runs this "
                                            "under tst_settingsstore_keyring")
                                 .arg(*why)));
        }
        QTemporaryDir dir;
        SettingsStore::Options o;
        o.settingsFile = dir.filePath(QStringLiteral("FlightDesk.ini"));
        o.keychainService = m_service;
        {
            SettingsStore s(o);
            QCOMPARE(*store(s, kTravelbaseKey, kKey, AllowFileFallback::No),
                     SecretBackend::Keychain);
            QCOMPARE(s.backend(kTravelbaseKey), SecretBackend::Keychain);
            QVERIFY(!QFileInfo::exists(s.fallbackFile(kTravelbaseKey)));
            QVERIFY(!contents(s.settingsFile()).contains(kKey.toUtf8()));
        }
        SettingsStore s(o); // a later run of the desk
        const auto back = read(s, kTravelbaseKey);
        QVERIFY2(back, back ? "" : qPrintable(back.error().message));
        QCOMPARE(back->value, kKey);
        QCOMPARE(back->backend, SecretBackend::Keychain);

        QVERIFY(erase(s, kTravelbaseKey));
        const auto gone = read(s, kTravelbaseKey);
        QVERIFY(gone);
        QCOMPARE(gone->backend, SecretBackend::None);
        QVERIFY(gone->value.isEmpty());
        qInfo("keychain round trip done through the system secret service");
    }
};

QTEST_GUILESS_MAIN(TestSettingsStore)
#include "tst_settingsstore.moc"
