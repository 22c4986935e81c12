#pragma once

#include <QString>
#include <QUrl>

namespace fd {

// The desk's settings as values: what the settings dialog edits, the desk layer stores
// (storage/SettingsStore) and the desk opens its session with. Secrets are never in here.

// Where a secret is kept. The UI shows it: File is a visible warning, never a quiet default.
enum class SecretBackend { None, Keychain, File };
// Writing a secret to a file happens only after the agent agreed to it.
enum class AllowFileFallback { No, Yes };

enum class SecretKind { ApiKey, WebhookSecret };

// The settings that are not secret.
struct DeskSettings {
    QUrl apiBase;
    QString webhookListen;            // HOST:PORT, empty = no receiver
    bool webhookListenPublic = false; // opt-in to a webhookListen other computers can reach
    double timingScale = 1.0;
    int requestTimeoutSeconds = 30;
};

struct StoredSecret {
    QString value; // empty when none is stored
    SecretBackend backend = SecretBackend::None;
};

} // namespace fd
