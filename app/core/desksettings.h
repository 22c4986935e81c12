#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace fd {

// The desk's settings as values: what the settings dialog edits, the desk layer stores
// (storage/SettingsStore) and the desk opens its session with. Secrets are never in here.

// Where a secret is kept. The UI shows it: File is a visible warning, never a quiet default.
enum class SecretBackend { None, Keychain, File };
// Writing a secret to a file happens only after the agent agreed to it.
enum class AllowFileFallback { No, Yes };

enum class SecretKind { ApiKey, WebhookSecret, JournalPassword, ProfilesKey };

// Which secret: a provider's API key (one per provider), the desk's webhook secret, the
// password of the agency's journal database, or the key that seals the traveller profiles'
// passports (keychain only: without a keychain no passport is kept).
struct SecretRef {
    SecretKind kind = SecretKind::WebhookSecret;
    QString provider; // ApiKey: a registered provider id (desk/providers.h); else empty

    static SecretRef apiKey(const QString &provider) { return {SecretKind::ApiKey, provider}; }
    static SecretRef webhookSecret() { return {SecretKind::WebhookSecret, {}}; }
    static SecretRef journalPassword() { return {SecretKind::JournalPassword, {}}; }
    static SecretRef profilesKey() { return {SecretKind::ProfilesKey, {}}; }
    friend bool operator==(const SecretRef &, const SecretRef &) = default;
};

// One provider's connection as the agent set it up; its API key is a secret (SecretRef::apiKey).
struct ProviderSettings {
    QString provider; // a registered provider id (desk/providers.h)
    QUrl apiBase;
    bool enabled = false;
    friend bool operator==(const ProviderSettings &, const ProviderSettings &) = default;
};

// Where the desk keeps its order journal: a file of its own, or the agency's PostgreSQL
// database that every desk shares (its password is a secret: SecretRef::journalPassword).
enum class JournalKind { ThisDesk, Agency };

// The settings that are not secret.
struct DeskSettings {
    QList<ProviderSettings> providers; // one per provider set up, in no particular order
    QString webhookListen;             // HOST:PORT, empty = no receiver
    bool webhookListenPublic = false;  // opt-in to a webhookListen other computers can reach
    double timingScale = 1.0;
    int requestTimeoutSeconds = 30;
    JournalKind journal = JournalKind::ThisDesk;
    QString agencyUrl; // postgresql://USER@HOST:PORT/DATABASE, never with a password; kept
                       // while ThisDesk is chosen, so switching back finds it
    QString language;  // the window's language ("fr"); empty: the system's

    // The connection of `provider`: as saved, or an empty, disabled one.
    ProviderSettings connection(const QString &provider) const {
        for (const ProviderSettings &p : providers)
            if (p.provider == provider)
                return p;
        return ProviderSettings{provider, {}, false};
    }
};

struct StoredSecret {
    QString value; // empty when none is stored
    SecretBackend backend = SecretBackend::None;
};

} // namespace fd
