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

// The desk's settings: plain values in QSettings (an INI file), the API key and the webhook
// secret in the system keychain. When the keychain is unavailable (no D-Bus session, no
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

    DeskSettings load() const;
    Result<std::monostate> save(const DeskSettings &settings);
    QString settingsFile() const;

    // Where the secret was last stored, as recorded by this store (no keychain round trip).
    SecretBackend backend(SecretKind kind) const;
    // The fallback file of a secret, whether or not it exists.
    QString fallbackFile(SecretKind kind) const;

    // Keychain first. On success any fallback file is removed. When the keychain fails:
    // with AllowFileFallback::Yes the secret goes to the 0600 file; with No nothing is
    // written and the error's code is "keychain_unavailable" (ask the agent, then call again
    // with Yes). An empty value erases the secret.
    void storeSecret(SecretKind kind, const QString &value, AllowFileFallback fallback,
                     QObject *context, std::function<void(Result<SecretBackend>)> done);
    // From where it was stored; an empty value with backend None when there is none.
    void readSecret(SecretKind kind, QObject *context,
                    std::function<void(Result<StoredSecret>)> done);
    // Removes the secret from the keychain and the fallback file.
    void eraseSecret(SecretKind kind, QObject *context,
                     std::function<void(Result<std::monostate>)> done);

    static QString keyName(SecretKind kind); // "api_key", "webhook_secret"

private:
    void setBackend(SecretKind kind, SecretBackend backend);
    Result<std::monostate> writeFile(SecretKind kind, const QString &value) const;
    Result<QString> readFile(SecretKind kind) const;
    bool removeFile(SecretKind kind) const;

    Options m_options;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretKeychain> m_ownKeychain;
    SecretKeychain *m_keychain = nullptr;
};

} // namespace fd
