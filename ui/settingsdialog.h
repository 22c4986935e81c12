#pragma once

#include "core/desksettings.h"
#include "desk/settings.h"

#include <QDialog>

#include <functional>
#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace fd::ui {

// The desk's settings: where the Travelbase API is and the key it takes, the webhook receiver,
// the training timing scale. Secrets go through the desk's Settings (the system keychain); when the
// keychain is unavailable the agent is asked before the key goes to an owner-only file, and
// the dialog keeps saying where each secret is. "Test connection" asks the server for the
// wallet with the values as entered and explains any failure with its fix.
//
// Everything is asynchronous (keychain jobs, the HTTP request); nothing blocks the GUI thread.
class SettingsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    // `settings` is not owned and must outlive the dialog. The secrets are read at once; until
    // they are in, their fields and Save wait (isLoading()).
    explicit SettingsDialog(fd::desk::Settings *settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    fd::DeskSettings settings() const; // as entered
    QString apiKey() const;
    QString webhookSecret() const;
    bool isLoading() const { return m_pendingReads > 0; }
    bool isSaving() const { return m_saving; }
    bool isTesting() const { return m_testing; }

    // An empty string when the text is a usable value, else the problem and its fix.
    static QString baseUrlProblem(const QString &text);
    // `acceptFromOtherComputers`: the agent's opt-in to an address other than loopback.
    static QString listenProblem(const QString &text, bool acceptFromOtherComputers);

public Q_SLOTS:
    void testConnection();
    // Validates, writes the settings, then stores each changed secret (asking before a file
    // fallback) and closes once everything is saved. Stays open and says why otherwise.
    void accept() override;

Q_SIGNALS:
    void secretsLoaded();
    void connectionTested(bool ok, const QString &message);
    void saved();
    void saveFailed(const QString &message);

private:
    void loadSecret(fd::SecretKind kind);
    void showBackend(fd::SecretKind kind, fd::SecretBackend backend);
    bool validate(bool focusFirstProblem);
    void saveSecrets(QList<fd::SecretKind> remaining);
    void storeSecret(fd::SecretKind kind, fd::AllowFileFallback fallback,
                     std::function<void(bool)> next);
    void finishSave(bool ok, const QString &message);
    void finishTest(bool ok, const QString &message);
    void updateButtons();
    void updateTimingNote();
    void growToFit();

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    fd::desk::Settings *m_settings;
    bool m_testing = false; // a connection test is running
    QString m_loadedApiKey;
    QString m_loadedWebhookSecret;
    fd::SecretBackend m_apiKeyBackend = fd::SecretBackend::None;
    fd::SecretBackend m_webhookSecretBackend = fd::SecretBackend::None;
    bool m_apiKeyUnreadable = false; // never erase what could not be read
    bool m_webhookSecretUnreadable = false;
    int m_pendingReads = 0;
    bool m_saving = false;
};

} // namespace fd::ui
