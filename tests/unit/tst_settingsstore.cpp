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
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <optional>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using fd::AllowFileFallback;
using fd::DeskSettings;
using fd::Result;
using fd::SecretBackend;
using fd::SecretKind;
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

using fd::test::MemoryKeychain;
using fd::test::UnavailableKeychain;

template <typename T> Result<T> waitFor(std::optional<Result<T>> &out) {
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 30'000))
        qFatal("the settings store never answered");
    return *out;
}

Result<SecretBackend> store(SettingsStore &s, SecretKind kind, const QString &value,
                            AllowFileFallback fallback) {
    std::optional<Result<SecretBackend>> out;
    QObject context;
    s.storeSecret(kind, value, fallback, &context, [&](Result<SecretBackend> r) { out = r; });
    return waitFor(out);
}

Result<StoredSecret> read(SettingsStore &s, SecretKind kind) {
    std::optional<Result<StoredSecret>> out;
    QObject context;
    s.readSecret(kind, &context, [&](Result<StoredSecret> r) { out = r; });
    return waitFor(out);
}

Result<std::monostate> erase(SettingsStore &s, SecretKind kind) {
    std::optional<Result<std::monostate>> out;
    QObject context;
    s.eraseSecret(kind, &context, [&](Result<std::monostate> r) { out = r; });
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
            store(s, SecretKind::WebhookSecret, QStringLiteral("probe"), AllowFileFallback::No);
        if (!r)
            return r.error().message;
        erase(s, SecretKind::WebhookSecret);
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
        const auto r = store(s, SecretKind::ApiKey, kKey, AllowFileFallback::Yes);
#ifdef Q_OS_UNIX
        ::umask(old);
#endif
        QVERIFY(saved);
        QVERIFY(r);
        const QFileDevice::Permissions k0700 = k0600 | QFileDevice::ExeOwner;
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("config/FlightDesk"))), k0700);
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("config"))), k0700);
        QCOMPARE(modeOf(s.fallbackFile(SecretKind::ApiKey)), k0600);
    }

    void plainSettingsRoundTrip() {
        Fixture f;
        {
            SettingsStore s(f.options(&f.unavailable));
            const DeskSettings defaults = s.load();
            QVERIFY(defaults.apiBase.isEmpty());
            QCOMPARE(defaults.timingScale, 1.0);
            QCOMPARE(defaults.requestTimeoutSeconds, 30);
            DeskSettings d;
            d.apiBase = QUrl(QStringLiteral("https://api.travelbase.example"));
            d.webhookListen = QStringLiteral("127.0.0.1:8787");
            d.timingScale = 0.05;
            d.requestTimeoutSeconds = 12;
            QVERIFY(s.save(d));
        }
        SettingsStore again(f.options(&f.unavailable));
        const DeskSettings d = again.load();
        QCOMPARE(d.apiBase, QUrl(QStringLiteral("https://api.travelbase.example")));
        QCOMPARE(d.webhookListen, QStringLiteral("127.0.0.1:8787"));
        QCOMPARE(d.timingScale, 0.05);
        QCOMPARE(d.requestTimeoutSeconds, 12);
        QCOMPARE(again.settingsFile(), f.dir.filePath(QStringLiteral("FlightDesk.ini")));
    }

    void keychainFailureWithoutConsentWritesNothing() {
        Fixture f;
        SettingsStore s(f.options(&f.unavailable));
        const auto r = store(s, SecretKind::ApiKey, kKey, AllowFileFallback::No);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("keychain_unavailable"));
        QVERIFY2(r.error().message.contains(QLatin1String("No D-Bus session")),
                 qPrintable(r.error().message));
        QVERIFY(!r.error().message.contains(kKey));
        QVERIFY(!QFileInfo::exists(s.fallbackFile(SecretKind::ApiKey)));
        QCOMPARE(s.backend(SecretKind::ApiKey), SecretBackend::None);
        QVERIFY(!contents(s.settingsFile()).contains(kKey.toUtf8()));
        QCOMPARE(QDir(f.dir.path())
                     .entryList(QDir::Files | QDir::Hidden)
                     .filter(QStringLiteral("secret")),
                 QStringList());
        const auto back = read(s, SecretKind::ApiKey);
        QVERIFY(back); // never saved: nothing to read, not an error
        QCOMPARE(back->backend, SecretBackend::None);
    }

    void unreadableKeychainIsAnErrorOnlyWhenSomethingIsThere() {
        Fixture f;
        {
            SettingsStore s(f.options(&f.memory));
            QCOMPARE(*store(s, SecretKind::ApiKey, kKey, AllowFileFallback::No),
                     SecretBackend::Keychain);
        }
        SettingsStore locked(f.options(&f.unavailable)); // the keychain is locked today
        const auto back = read(locked, SecretKind::ApiKey);
        QVERIFY(!back);
        QCOMPARE(back.error().code, QStringLiteral("keychain_unavailable"));
    }

    void fileFallbackWithConsentIsOwnerOnly() {
        Fixture f;
#ifdef Q_OS_UNIX
        const mode_t old = ::umask(0); // even a permissive umask must not widen the file
#endif
        SettingsStore s(f.options(&f.unavailable));
        const auto r = store(s, SecretKind::ApiKey, kKey, AllowFileFallback::Yes);
#ifdef Q_OS_UNIX
        ::umask(old);
#endif
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(*r, SecretBackend::File);
        QCOMPARE(f.unavailable.calls, 1); // the keychain was tried first

        const QString path = s.fallbackFile(SecretKind::ApiKey);
        QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(f.dir.path()).absoluteFilePath());
        QCOMPARE(modeOf(path), k0600);
        QCOMPARE(contents(path), kKey.toUtf8());
        QCOMPARE(s.backend(SecretKind::ApiKey), SecretBackend::File);
        QVERIFY(!contents(s.settingsFile()).contains(kKey.toUtf8()));
        // No temporary file left behind.
        QCOMPARE(QDir(f.dir.path()).entryList(QDir::Files).filter(QStringLiteral(".tmp-")),
                 QStringList());

        SettingsStore again(f.options(&f.unavailable));
        const auto back = read(again, SecretKind::ApiKey);
        QVERIFY(back);
        QCOMPARE(back->value, kKey);
        QCOMPARE(back->backend, SecretBackend::File);
    }

    void webhookSecretFollowsTheSameRules() {
        Fixture f;
        SettingsStore s(f.options(&f.unavailable));
        const QString secret = QStringLiteral("whsec_abc");
        QVERIFY(!store(s, SecretKind::WebhookSecret, secret, AllowFileFallback::No));
        QVERIFY(!QFileInfo::exists(s.fallbackFile(SecretKind::WebhookSecret)));
        QCOMPARE(*store(s, SecretKind::WebhookSecret, secret, AllowFileFallback::Yes),
                 SecretBackend::File);
        QVERIFY(s.fallbackFile(SecretKind::WebhookSecret)
                    .endsWith(QLatin1String("webhook_secret.secret")));
        QCOMPARE(modeOf(s.fallbackFile(SecretKind::WebhookSecret)), k0600);
        QCOMPARE(read(s, SecretKind::WebhookSecret)->value, secret);
        QCOMPARE(s.backend(SecretKind::ApiKey), SecretBackend::None); // one secret, one file
    }

    void fileOthersCanReadIsRefused() {
        Fixture f;
        SettingsStore s(f.options(&f.unavailable));
        QVERIFY(store(s, SecretKind::ApiKey, kKey, AllowFileFallback::Yes));
        const QString path = s.fallbackFile(SecretKind::ApiKey);
        QVERIFY(
            QFile::setPermissions(path, k0600 | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        const auto back = read(s, SecretKind::ApiKey);
        QVERIFY(!back);
        QCOMPARE(back.error().code, QStringLiteral("secret_file_exposed"));
        QVERIFY(back.error().message.contains(QLatin1String("chmod 600")));
        QVERIFY(!back.error().message.contains(kKey));

        // Saving again replaces it with a fresh owner-only file.
        QVERIFY(store(s, SecretKind::ApiKey, kKey, AllowFileFallback::Yes));
        QCOMPARE(modeOf(path), k0600);
    }

    // A key is a few dozen bytes; a secret file grown (or replaced) beyond 4 KiB is refused
    // unread with one line, not loaded into memory and sent as a header.
    void hugeSecretFileIsRefused() {
        Fixture f;
        SettingsStore s(f.options(&f.unavailable));
        QVERIFY(store(s, SecretKind::ApiKey, kKey, AllowFileFallback::Yes));
        const QString path = s.fallbackFile(SecretKind::ApiKey);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
            QVERIFY(file.write(QByteArray(100 * 1024, 'k')) > 0);
        }
        QCOMPARE(modeOf(path), k0600);
        const auto back = read(s, SecretKind::ApiKey);
        QVERIFY(!back);
        QCOMPARE(back.error().code, QStringLiteral("secret_file_failed"));
        QVERIFY2(back.error().message.contains(QLatin1String("larger than 4 KiB")),
                 qPrintable(back.error().message));
        QVERIFY(!back.error().message.contains(QLatin1Char('\n')));
    }

    void eraseRemovesTheFile() {
        Fixture f;
        SettingsStore s(f.options(&f.unavailable));
        QVERIFY(store(s, SecretKind::ApiKey, kKey, AllowFileFallback::Yes));
        QVERIFY(erase(s, SecretKind::ApiKey));
        QVERIFY(!QFileInfo::exists(s.fallbackFile(SecretKind::ApiKey)));
        QCOMPARE(s.backend(SecretKind::ApiKey), SecretBackend::None);
        // An empty value erases too.
        QVERIFY(store(s, SecretKind::ApiKey, kKey, AllowFileFallback::Yes));
        QCOMPARE(*store(s, SecretKind::ApiKey, QString(), AllowFileFallback::No),
                 SecretBackend::None);
        QVERIFY(!QFileInfo::exists(s.fallbackFile(SecretKind::ApiKey)));
    }

    void movingToTheKeychainDeletesTheFile() {
        Fixture f;
        {
            SettingsStore s(f.options(&f.unavailable));
            QVERIFY(store(s, SecretKind::ApiKey, kKey, AllowFileFallback::Yes));
        }
        SettingsStore s(f.options(&f.memory)); // the keychain is back
        QCOMPARE(read(s, SecretKind::ApiKey)->backend, SecretBackend::File);
        QCOMPARE(*store(s, SecretKind::ApiKey, kKey, AllowFileFallback::No),
                 SecretBackend::Keychain);
        QVERIFY(!QFileInfo::exists(s.fallbackFile(SecretKind::ApiKey)));
        QCOMPARE(f.memory.entries.value(QStringLiteral("api_key")), kKey);
        const auto back = read(s, SecretKind::ApiKey);
        QCOMPARE(back->value, kKey);
        QCOMPARE(back->backend, SecretBackend::Keychain);
    }

    void realKeychainWithoutServiceRefusesSilentFallback() {
        if (!keychainUnavailableReason())
            QSKIP("a secret service is available here; keychainRoundTrip covers it");
        QTemporaryDir dir;
        SettingsStore::Options o;
        o.settingsFile = dir.filePath(QStringLiteral("FlightDesk.ini"));
        o.keychainService = m_service;
        SettingsStore s(o);
        const auto r = store(s, SecretKind::ApiKey, kKey, AllowFileFallback::No);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("keychain_unavailable"));
        QVERIFY(!QFileInfo::exists(s.fallbackFile(SecretKind::ApiKey)));
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
            QCOMPARE(*store(s, SecretKind::ApiKey, kKey, AllowFileFallback::No),
                     SecretBackend::Keychain);
            QCOMPARE(s.backend(SecretKind::ApiKey), SecretBackend::Keychain);
            QVERIFY(!QFileInfo::exists(s.fallbackFile(SecretKind::ApiKey)));
            QVERIFY(!contents(s.settingsFile()).contains(kKey.toUtf8()));
        }
        SettingsStore s(o); // a later run of the desk
        const auto back = read(s, SecretKind::ApiKey);
        QVERIFY2(back, back ? "" : qPrintable(back.error().message));
        QCOMPARE(back->value, kKey);
        QCOMPARE(back->backend, SecretBackend::Keychain);

        QVERIFY(erase(s, SecretKind::ApiKey));
        const auto gone = read(s, SecretKind::ApiKey);
        QVERIFY(gone);
        QCOMPARE(gone->backend, SecretBackend::None);
        QVERIFY(gone->value.isEmpty());
        qInfo("keychain round trip done through the system secret service");
    }
};

QTEST_GUILESS_MAIN(TestSettingsStore)
#include "tst_settingsstore.moc"
