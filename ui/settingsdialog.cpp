#include "settingsdialog.h"
#include "ui_settingsdialog.h"

#include "fieldmessage.h"
#include "messagebox.h"

#include "checkouttext.h"

#include <QDir>
#include <QHostAddress>
#include <QLocale>
#include <QPushButton>
#include <QTimer>

namespace fd::ui {
namespace {

void bindShowButton(QPushButton *button, QLineEdit *edit) {
    QObject::connect(button, &QPushButton::toggled, edit, [button, edit](bool shown) {
        edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        //: Toggle of a password field; &Hide / Sho&w keep their shortcut letters apart.
        button->setText(shown ? SettingsDialog::tr("&Hide") : SettingsDialog::tr("Sho&w"));
    });
}

} // namespace

SettingsDialog::SettingsDialog(desk::Settings *settings, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_settings(settings) {
    m_ui->setupUi(this);
    // Wide enough that the explanations under the fields wrap into a few lines, not a column.
    setMinimumWidth(fontMetrics().averageCharWidth() * 84);
    const DeskSettings s = m_settings->load();
    m_ui->apiBaseUrlEdit->setText(s.apiBase.toString());
    m_ui->webhookListenEdit->setText(s.webhookListen);
    m_ui->webhookPublicCheckBox->setChecked(s.webhookListenPublic);
    m_ui->timingScaleSpinBox->setValue(s.timingScale);
    m_ui->requestTimeoutSpinBox->setValue(s.requestTimeoutSeconds);
    bindShowButton(m_ui->showApiKeyButton, m_ui->apiKeyEdit);
    bindShowButton(m_ui->showWebhookSecretButton, m_ui->webhookSecretEdit);
    m_ui->showWebhookSecretButton->setText(tr("Sh&ow"));

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_ui->testConnectionButton, &QPushButton::clicked, this,
            &SettingsDialog::testConnection);
    for (QLineEdit *e : {m_ui->apiBaseUrlEdit, m_ui->webhookListenEdit, m_ui->webhookSecretEdit})
        connect(e, &QLineEdit::textChanged, this, [this] { validate(false); });
    connect(m_ui->webhookPublicCheckBox, &QCheckBox::toggled, this, [this] { validate(false); });
    connect(m_ui->timingScaleSpinBox, &QDoubleSpinBox::valueChanged, this,
            &SettingsDialog::updateTimingNote);
    updateTimingNote();
    validate(false);

    loadSecret(SecretKind::ApiKey);
    loadSecret(SecretKind::WebhookSecret);
    updateButtons();
}

SettingsDialog::~SettingsDialog() = default;

DeskSettings SettingsDialog::settings() const {
    DeskSettings s;
    s.apiBase = QUrl(m_ui->apiBaseUrlEdit->text().trimmed());
    s.webhookListen = m_ui->webhookListenEdit->text().trimmed();
    s.webhookListenPublic = m_ui->webhookPublicCheckBox->isChecked();
    s.timingScale = m_ui->timingScaleSpinBox->value();
    s.requestTimeoutSeconds = m_ui->requestTimeoutSpinBox->value();
    return s;
}

QString SettingsDialog::apiKey() const {
    return m_ui->apiKeyEdit->text().trimmed();
}

QString SettingsDialog::webhookSecret() const {
    return m_ui->webhookSecretEdit->text();
}

QString SettingsDialog::baseUrlProblem(const QString &text) {
    const QUrl url(text.trimmed());
    if (text.trimmed().isEmpty())
        return tr("Required: the address of the Travelbase API, e.g. "
                  "https://api.travelbase.example");
    if (desk::isUsableBaseUrl(url))
        return {};
    if (!url.isValid() || url.host().isEmpty())
        return tr("Not a full URL: write it like https://api.travelbase.example");
    if (url.scheme() == QLatin1String("http")) {
        QUrl secure = url;
        secure.setScheme(QStringLiteral("https"));
        //: %1 is the same address with https, e.g. https://api.example.com
        return tr("Plain http is allowed only to this computer (localhost, 127.0.0.1): the key "
                  "and passenger data would travel readable. Use %1")
            .arg(secure.toDisplayString());
    }
    return tr("Use an https:// address.");
}

QString SettingsDialog::listenProblem(const QString &text, bool acceptFromOtherComputers) {
    const QString listen = text.trimmed();
    if (listen.isEmpty())
        return {};
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = listen.mid(colon + 1).toUInt(&portOk);
    const QHostAddress address(
        listen.left(colon).remove(QLatin1Char('[')).remove(QLatin1Char(']')));
    if (colon <= 0 || address.isNull())
        //: HOST must be an IP address of this computer.
        return tr("Write it as IP address:port, e.g. 127.0.0.1:8787 or 0.0.0.0:8787.");
    if (!portOk || port < 1 || port > 65535)
        return tr("The port must be a number from 1 to 65535.");
    if (!address.isLoopback() && !acceptFromOtherComputers)
        //: %1 is the address typed, e.g. 0.0.0.0. The checkbox label is quoted.
        return tr("%1 can be reached from other computers. Tick \"Accept webhooks from other "
                  "computers\" to allow that, or use 127.0.0.1.")
            .arg(address.toString());
    return {};
}

bool SettingsDialog::validate(bool focusFirstProblem) {
    struct Check {
        QLabel *label;
        QWidget *input;
        QString problem;
    };
    const QString url = m_ui->apiBaseUrlEdit->text();
    const QList<Check> checks = {
        // An empty URL is only reported when saving: the form opens empty the first time.
        {m_ui->apiBaseUrlMessageLabel, m_ui->apiBaseUrlEdit,
         url.trimmed().isEmpty() && !focusFirstProblem ? QString() : baseUrlProblem(url)},
        {m_ui->webhookListenMessageLabel, m_ui->webhookListenEdit,
         listenProblem(m_ui->webhookListenEdit->text(), m_ui->webhookPublicCheckBox->isChecked())},
        {m_ui->webhookSecretMessageLabel, m_ui->webhookSecretEdit,
         !m_ui->webhookListenEdit->text().trimmed().isEmpty() && webhookSecret().isEmpty() &&
                 m_pendingReads == 0
             ? tr("Required with a listen address: the provider signs every webhook with it.")
             : QString()},
    };
    bool ok = true;
    for (const Check &c : checks) {
        //: Prefix of a problem shown under a settings field.
        const QString text = c.problem.isEmpty() ? QString() : tr("Error: %1").arg(c.problem);
        showToned(c.label, text, Tone::Error);
        c.input->setAccessibleDescription(text);
        if (!c.problem.isEmpty() && ok && focusFirstProblem)
            c.input->setFocus(Qt::OtherFocusReason);
        ok = ok && c.problem.isEmpty();
    }
    growToFit();
    return ok;
}

void SettingsDialog::updateTimingNote() {
    const double scale = m_ui->timingScaleSpinBox->value();
    if (scale >= 1.0)
        showToned(m_ui->timingScaleNoteLabel,
                  tr("1.00 is real time. For training, a smaller value shortens every wait of "
                     "the checkout (0.10 runs ten times faster); HTTP timeouts stay as set."),
                  Tone::Neutral);
    else
        //: %1 is how many times faster, e.g. 10.
        showToned(m_ui->timingScaleNoteLabel,
                  tr("Training speed: every wait of the checkout runs %1 times faster than real "
                     "time. Set 1.00 before booking for real customers.")
                      .arg(QLocale().toString(1.0 / scale, 'g', 3)),
                  Tone::Warning);
    growToFit();
}

void SettingsDialog::loadSecret(SecretKind kind) {
    QLineEdit *edit = kind == SecretKind::ApiKey ? m_ui->apiKeyEdit : m_ui->webhookSecretEdit;
    QLabel *where =
        kind == SecretKind::ApiKey ? m_ui->apiKeyStorageLabel : m_ui->webhookSecretStorageLabel;
    edit->setEnabled(false);
    //: Shown in a secret field while the system keychain is being asked for it.
    edit->setPlaceholderText(tr("Reading the keychain…"));
    ++m_pendingReads;
    m_settings->readSecret(kind, this, [this, kind, edit, where](Result<StoredSecret> r) {
        --m_pendingReads;
        edit->setEnabled(true);
        edit->setPlaceholderText(kind == SecretKind::ApiKey ? tr("From the agency portal")
                                                            : QString());
        if (r) {
            edit->setText(r->value);
            (kind == SecretKind::ApiKey ? m_loadedApiKey : m_loadedWebhookSecret) = r->value;
            showBackend(kind, r->backend);
        } else {
            (kind == SecretKind::ApiKey ? m_apiKeyUnreadable : m_webhookSecretUnreadable) = true;
            //: %1 says why, e.g. the keychain is locked.
            showToned(where,
                      tr("The saved value cannot be read: %1 Enter it again to replace it.")
                          .arg(r.error().message),
                      Tone::Warning);
        }
        updateButtons();
        if (m_pendingReads == 0) {
            validate(false);
            Q_EMIT secretsLoaded();
        }
    });
}

void SettingsDialog::showBackend(SecretKind kind, SecretBackend backend) {
    (kind == SecretKind::ApiKey ? m_apiKeyBackend : m_webhookSecretBackend) = backend;
    QLabel *label =
        kind == SecretKind::ApiKey ? m_ui->apiKeyStorageLabel : m_ui->webhookSecretStorageLabel;
    switch (backend) {
    case SecretBackend::Keychain:
        showToned(label, tr("Saved in the system keychain."), Tone::Neutral);
        break;
    case SecretBackend::File:
        //: %1 is a file path. Shown as a warning: the keychain was not available.
        showToned(label,
                  tr("Warning: saved in a file readable only by you: %1. The system keychain "
                     "was not available; saving again moves it there when it is.")
                      .arg(QDir::toNativeSeparators(m_settings->fallbackFile(kind))),
                  Tone::Warning);
        break;
    case SecretBackend::None:
        showToned(label, tr("Not saved."), Tone::Neutral);
        break;
    }
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    growToFit();
}

void SettingsDialog::growToFit() {
    // Messages appear and wrap while the dialog is open; a top-level window does not grow for
    // height-for-width content by itself, so make room once the layout has settled.
    QTimer::singleShot(0, this, [this] {
        layout()->activate();
        const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                         : layout()->totalSizeHint().height();
        if (needed > height())
            resize(width(), needed);
    });
}

void SettingsDialog::updateButtons() {
    const bool busy = m_saving || m_pendingReads > 0;
    if (QPushButton *save = m_ui->buttonBox->button(QDialogButtonBox::Save))
        save->setEnabled(!busy);
    m_ui->testConnectionButton->setEnabled(!m_testing && m_pendingReads == 0);
    for (QWidget *w : {static_cast<QWidget *>(m_ui->connectionGroupBox),
                       static_cast<QWidget *>(m_ui->webhookGroupBox),
                       static_cast<QWidget *>(m_ui->trainingGroupBox)})
        w->setEnabled(!m_saving);
}

void SettingsDialog::testConnection() {
    if (m_testing || m_pendingReads > 0)
        return;
    const QString urlProblem = baseUrlProblem(m_ui->apiBaseUrlEdit->text());
    if (!urlProblem.isEmpty()) {
        validate(true);
        finishTest(false, urlProblem);
        return;
    }
    if (apiKey().isEmpty()) {
        m_ui->apiKeyEdit->setFocus(Qt::OtherFocusReason);
        finishTest(false, tr("Enter the API key first: it is in the agency portal."));
        return;
    }
    const desk::ConnectionTest test{settings().apiBase, apiKey(),
                                    m_ui->requestTimeoutSpinBox->value()};
    const QString where = test.apiBase.toDisplayString();
    m_testing = true;
    //: %1 is the API base URL.
    showToned(m_ui->connectionResultLabel, tr("Connecting to %1…").arg(where), Tone::Neutral);
    updateButtons();
    const auto done = [this, where](GatewayResult<Wallet> r) {
        if (const auto *w = std::get_if<Wallet>(&r)) {
            //: %1 amount with thousands separators, %2 currency, e.g. 1,500.00 EUR.
            finishTest(true, tr("Connected. Wallet: %1 %2")
                                 .arg(checkouttext::groupedAmount(w->available.amount()),
                                      w->available.currency()));
            return;
        }
        const GatewayFailure &f = std::get<GatewayFailure>(r);
        using K = GatewayFailure::Kind;
        QString message;
        if (f.kind == K::Unauthorized)
            message = tr("The API key was refused: check it in the agency portal.");
        else if (f.code == QLatin1String("FD_TLS"))
            message = tr("The secure connection to %1 failed: check the URL. FlightDesk never "
                         "ignores certificate errors.")
                          .arg(where);
        else if (f.code == QLatin1String("FD_TIMEOUT") || f.code == QLatin1String("FD_NETWORK"))
            message = tr("Cannot reach %1: check the URL and the network.").arg(where);
        else if (f.kind == K::NotFound || f.httpStatus == 404)
            message = tr("%1 answered, but it is not the Travelbase API (404 for /v1/wallet): "
                         "check the URL.")
                          .arg(where);
        else if (f.httpStatus >= 500 || f.kind == K::OutcomeUnknown)
            message = tr("%1 has a problem right now (HTTP %2): try again later.")
                          .arg(where)
                          .arg(f.httpStatus);
        else
            message = tr("The server refused the request: check the URL and the key.");
        //: Second line of a failed connection test: the technical detail, for support.
        finishTest(false, message + QLatin1Char('\n') + tr("Detail: %1").arg(f.message));
    };
    // Refused before anything is sent (plain http to another computer, say): say why at once.
    if (auto started = m_settings->testConnection(test, this, done); !started)
        finishTest(false, started.error().message);
}

void SettingsDialog::finishTest(bool ok, const QString &message) {
    m_testing = false;
    showToned(m_ui->connectionResultLabel, message, ok ? Tone::Neutral : Tone::Error);
    updateButtons();
    growToFit();
    Q_EMIT connectionTested(ok, message);
}

void SettingsDialog::accept() {
    if (m_saving || m_pendingReads > 0)
        return;
    if (!validate(true)) {
        finishSave(false, tr("fix the fields marked above, then save again."));
        return;
    }
    if (auto saved = m_settings->save(settings()); !saved) {
        finishSave(false, saved.error().message);
        return;
    }
    m_saving = true;
    updateButtons();
    showToned(m_ui->statusLabel, QString(), Tone::Neutral);
    saveSecrets({SecretKind::ApiKey, SecretKind::WebhookSecret});
}

void SettingsDialog::saveSecrets(QList<SecretKind> remaining) {
    if (remaining.isEmpty()) {
        finishSave(true, {});
        return;
    }
    const SecretKind kind = remaining.takeFirst();
    const bool isKey = kind == SecretKind::ApiKey;
    const QString value = isKey ? apiKey() : webhookSecret();
    const QString loaded = isKey ? m_loadedApiKey : m_loadedWebhookSecret;
    const SecretBackend backend = isKey ? m_apiKeyBackend : m_webhookSecretBackend;
    const bool unreadable = isKey ? m_apiKeyUnreadable : m_webhookSecretUnreadable;
    // Unchanged values are left alone, except a file copy: the keychain may be back.
    const bool skip =
        (value == loaded && backend != SecretBackend::File) || (value.isEmpty() && unreadable);
    if (skip) {
        saveSecrets(remaining);
        return;
    }
    storeSecret(kind, AllowFileFallback::No, [this, remaining](bool ok) {
        if (ok)
            saveSecrets(remaining);
    });
}

void SettingsDialog::storeSecret(SecretKind kind, AllowFileFallback fallback,
                                 std::function<void(bool)> next) {
    const bool isKey = kind == SecretKind::ApiKey;
    const QString value = isKey ? apiKey() : webhookSecret();
    m_settings->storeSecret(
        kind, value, fallback, this,
        [this, kind, isKey, value, fallback, next = std::move(next)](Result<SecretBackend> r) {
            if (r) {
                (isKey ? m_loadedApiKey : m_loadedWebhookSecret) = value;
                (isKey ? m_apiKeyUnreadable : m_webhookSecretUnreadable) = false;
                showBackend(kind, *r);
                next(true);
                return;
            }
            const SecretBackend backend = isKey ? m_apiKeyBackend : m_webhookSecretBackend;
            const QString loaded = isKey ? m_loadedApiKey : m_loadedWebhookSecret;
            if (r.error().code != QLatin1String("keychain_unavailable") ||
                fallback == AllowFileFallback::Yes) {
                finishSave(false, r.error().message);
                return;
            }
            if (backend == SecretBackend::File && value == loaded) {
                next(true); // still unavailable: it stays in the file the agent agreed to
                return;
            }
            const QString what = isKey ? tr("API key") : tr("webhook secret");
            //: %1 "API key" or "webhook secret", %2 why the keychain failed, %3 a file path.
            const QString question =
                tr("The system keychain is not available, so the %1 cannot be kept there.\n\n"
                   "%2\n\nFlightDesk can save it in a file that only your user account can "
                   "read:\n%3\n\nAnyone who can use your account, or read its backups, can "
                   "read that file. Save it there?")
                    .arg(what, r.error().message,
                         QDir::toNativeSeparators(m_settings->fallbackFile(kind)));
            MessageBox::ask(this, tr("Save the %1 in a file?").arg(what), question,
                            tr("Save in a file"), [this, kind, what, next](bool yes) {
                                if (yes) {
                                    storeSecret(kind, AllowFileFallback::Yes, next);
                                    return;
                                }
                                finishSave(false, tr("The %1 was not saved: enter it again "
                                                     "when the system keychain is unlocked.")
                                                      .arg(what));
                            });
        });
}

void SettingsDialog::finishSave(bool ok, const QString &message) {
    m_saving = false;
    updateButtons();
    if (!ok) {
        //: %1 explains what failed.
        showToned(m_ui->statusLabel, tr("Not saved: %1").arg(message), Tone::Error);
        growToFit();
        Q_EMIT saveFailed(message);
        return;
    }
    Q_EMIT saved();
    QDialog::accept();
}

} // namespace fd::ui
