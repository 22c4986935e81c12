#pragma once

#include "core/desksettings.h"
#include "core/result.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <variant>

class QSettings;

namespace fd {

// The secret service, asynchronous like QtKeychain itself. The product uses QtKeychain;
// tests put in one that is unavailable. `done` runs later, on the caller's thread, unless
// `context` is gone by then. An absent entry is not an error: read gives an empty value.
class SecretKeychain {
public:
    using Done = std::function<void(Result<QString>)>;
    virtual ~SecretKeychain() = default;
    virtual void read(const QString &key, QObject *context, Done done) = 0;
    virtual void write(const QString &key, const QString &value, QObject *context, Done done) = 0;
    virtual void remove(const QString &key, QObject *context, Done done) = 0;
};

// The desk's settings: plain values in QSettings (an INI file), each provider's API key and the
// webhook secret in the system keychain. When the keychain is unavailable (no D-Bus session, no
// keyring, locked) a secret goes to a file only the user can read (0600) - and only when the
// caller passes AllowFileFallback::Yes after asking; otherwise nothing is written and the
// error says why. A secret is never written to QSettings and never logged.
class SettingsStore final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsStore)

public:
    struct Options {
        // The INI file; empty = the user's config dir (~/.config/FlightDesk/FlightDesk.ini).
        // Fallback secret files live next to it.
        QString settingsFile;
        QString keychainService = QStringLiteral("FlightDesk");
        // Not owned; nullptr = QtKeychain under keychainService.
        SecretKeychain *keychain = nullptr;
    };

    explicit SettingsStore(QObject *parent = nullptr);
    explicit SettingsStore(Options options, QObject *parent = nullptr);
    ~SettingsStore() override;

    // An INI from before several providers (one "api/baseUrl") loads as an enabled Travelbase
    // connection; the next save writes it in the new form and drops the old key. One from
    // before the journal choice loads as ThisDesk (the file in the desk's data folder).
    DeskSettings load() const;
    // Refuses an agencyUrl with a password in it (the keychain holds that), writing nothing.
    Result<std::monostate> save(const DeskSettings &settings);
    QString settingsFile() const;

    // Where the secret was last stored, as recorded by this store (no keychain round trip).
    SecretBackend backend(const SecretRef &secret) const;
    // The fallback file of a secret, whether or not it exists.
    QString fallbackFile(const SecretRef &secret) const;

    // Keychain first. On success any fallback file is removed. When the keychain fails:
    // with AllowFileFallback::Yes the secret goes to the 0600 file; with No nothing is
    // written and the error's code is "keychain_unavailable" (ask the agent, then call again
    // with Yes). An empty value erases the secret.
    void storeSecret(const SecretRef &secret, const QString &value, AllowFileFallback fallback,
                     QObject *context, std::function<void(Result<SecretBackend>)> done);
    // From where it was stored; an empty value with backend None when there is none.
    void readSecret(const SecretRef &secret, QObject *context,
                    std::function<void(Result<StoredSecret>)> done);
    // Removes the secret from the keychain and the fallback file.
    void eraseSecret(const SecretRef &secret, QObject *context,
                     std::function<void(Result<std::monostate>)> done);

    // The secret's name in the keychain, the INI and its fallback file's name:
    // "api_key.<provider>" (the id percent-encoded), "webhook_secret", "journal_password".
    static QString keyName(const SecretRef &secret);
    // Before several providers there was one API key, named "api_key": it is Travelbase's.
    // Reading Travelbase's key falls back to it; storing or erasing that key removes it.
    static QString legacyKeyName(const SecretRef &secret); // empty when there is none

private:
    // The same, by entry name (keyName or legacyKeyName).
    SecretBackend backendOf(const QString &name) const;
    void setBackend(const QString &name, SecretBackend backend);
    QString fileOf(const QString &name) const;
    Result<std::monostate> writeFile(const QString &name, const QString &value) const;
    Result<QString> readFile(const QString &name) const;
    bool removeFile(const QString &name) const;
    void readNamed(const QString &name, QObject *context,
                   std::function<void(Result<StoredSecret>)> done);
    void eraseNamed(const QString &name, QObject *context,
                    std::function<void(Result<std::monostate>)> done);
    // Drops the legacy copy of `secret` (file, record, and the keychain entry when the
    // keychain works) once it has a new home.
    void dropLegacy(const SecretRef &secret, bool keychainWorks);

    Options m_options;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretKeychain> m_ownKeychain;
    SecretKeychain *m_keychain = nullptr;
};

} // namespace fd
