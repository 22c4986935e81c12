#pragma once

#include "core/desksettings.h"
#include "desk/settings.h"

#include <QDialog>

#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

class QLabel;
class QLineEdit;

namespace Ui {
class SettingsDialog;
class ProviderSection;
} // namespace Ui

namespace fd::ui {

// The desk's settings: for each registered booking provider (desk/providers.h) whether it is
// used, where its API is and the key it takes, one page each; the webhook receiver; the
// training timing scale; where the order journal is (this desk's file, or the agency's
// PostgreSQL database, whose password is a secret too, with its own "Test"). Secrets go through the
// desk's Settings (the system keychain); when the keychain is unavailable the agent is asked before
// the key goes to an owner-only file, and the dialog keeps saying where each secret is. A
// provider's "Test connection" asks its server for the wallet with the values as entered and
// explains any failure with its fix.
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
    QString apiKey(const QString &provider) const;
    QString webhookSecret() const;
    QString journalPassword() const;
    bool isLoading() const { return m_pendingReads > 0; }
    bool isSaving() const { return m_saving; }
    bool isTesting() const; // any provider's (or the journal's) connection test is running

    // An empty string when the text is a usable value, else the problem and its fix.
    // `provider`: the id of the provider it is the API of (for the example in the message).
    static QString baseUrlProblem(const QString &text, const QString &provider);
    // `acceptFromOtherComputers`: the agent's opt-in to an address other than loopback.
    static QString listenProblem(const QString &text, bool acceptFromOtherComputers);
    // The agency journal's URL: an empty string when usable (postgresql://, no password).
    static QString agencyUrlProblem(const QString &text);

public Q_SLOTS:
    void testConnection(const QString &provider);
    // Opens the agency journal with the URL and password as entered, on a worker thread.
    void testJournal();
    // Validates, writes the settings, then stores each changed secret (asking before a file
    // fallback) and closes once everything is saved. Stays open and says why otherwise.
    void accept() override;

Q_SIGNALS:
    void secretsLoaded();
    void connectionTested(const QString &provider, bool ok, const QString &message);
    void journalTested(bool ok, const QString &message);
    void saved();
    void saveFailed(const QString &message);

private:
    // A secret as the dialog holds it: its field, where it was found and what it was.
    struct SecretState {
        QLineEdit *edit = nullptr;
        QLabel *storageLabel = nullptr;
        QString loaded;
        fd::SecretBackend backend = fd::SecretBackend::None;
        bool unreadable = false; // never erase what could not be read
    };
    // One provider's page.
    struct Section {
        QString provider;
        QWidget *page = nullptr;
        std::unique_ptr<Ui::ProviderSection> ui;
        SecretState key;
        bool testing = false;
        bool enabledTouched = false; // the agent ticked or unticked it
    };

    void addSection(const QString &provider);
    Section *section(const QString &provider);
    const Section *section(const QString &provider) const;
    SecretState &state(const fd::SecretRef &secret);
    QString secretName(const fd::SecretRef &secret) const; // "Travelbase API key"
    void loadSecret(const fd::SecretRef &secret);
    void showBackend(const fd::SecretRef &secret, fd::SecretBackend backend);
    bool validate(bool focusFirstProblem);
    void saveSecrets(QList<fd::SecretRef> remaining);
    void storeSecret(const fd::SecretRef &secret, fd::AllowFileFallback fallback,
                     std::function<void(bool)> next);
    void finishSave(bool ok, const QString &message);
    void finishTest(Section &s, bool ok, const QString &message);
    void finishJournalTest(bool ok, const QString &message);
    QString secretValue(const fd::SecretRef &secret) const; // as entered
    bool agencyChosen() const;
    void updateButtons();
    void updateTimingNote();
    void growToFit();

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    fd::desk::Settings *m_settings;
    std::vector<std::unique_ptr<Section>> m_sections; // in the registry's order
    QList<fd::ProviderSettings> m_otherProviders;     // saved, but not registered: kept as they are
    SecretState m_webhookSecret;
    SecretState m_journalPassword;
    int m_pendingReads = 0;
    bool m_saving = false;
    bool m_journalTesting = false;
};

} // namespace fd::ui
