#include "settingsdialog.h"
#include "ui_providersection.h"
#include "ui_settingsdialog.h"

#include "fieldmessage.h"
#include "messagebox.h"
#include "translation.h"

#include "checkouttext.h"

#include "desk/providers.h"

#include <QDir>
#include <QHostAddress>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTimer>

#include <algorithm>

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
    for (const QString &provider : desk::providerIds())
        addSection(provider);
    for (const ProviderSettings &p : s.providers) {
        if (Section *section = this->section(p.provider)) {
            section->ui->enabledCheckBox->setChecked(p.enabled);
            section->ui->apiBaseUrlEdit->setText(p.apiBase.toString());
        } else {
            m_otherProviders.append(p);
        }
    }
    // Reading order: each page's fields (hidden pages are skipped), then the shared timeout.
    QWidget *previous = m_ui->providerTabWidget;
    for (const auto &section : m_sections) {
        const Ui::ProviderSection &u = *section->ui;
        for (QWidget *w :
             {static_cast<QWidget *>(u.enabledCheckBox), static_cast<QWidget *>(u.apiBaseUrlEdit),
              static_cast<QWidget *>(u.apiKeyEdit), static_cast<QWidget *>(u.showApiKeyButton),
              static_cast<QWidget *>(u.testConnectionButton)}) {
            setTabOrder(previous, w);
            previous = w;
        }
    }
    setTabOrder(previous, m_ui->requestTimeoutSpinBox);
    setTabOrder(m_ui->requestTimeoutSpinBox, m_ui->thisDeskRadioButton);

    m_ui->webhookListenEdit->setText(s.webhookListen);
    m_ui->webhookPublicCheckBox->setChecked(s.webhookListenPublic);
    m_ui->timingScaleSpinBox->setValue(s.timingScale);
    m_ui->requestTimeoutSpinBox->setValue(s.requestTimeoutSeconds);
    //: The language choice that follows the computer's: %1 that language's name.
    m_ui->languageComboBox->addItem(
        tr("The system's (%1)").arg(QLocale::system().nativeLanguageName()), QString());
    for (const Language &language : shippedLanguages())
        m_ui->languageComboBox->addItem(language.name, language.code);
    m_ui->languageComboBox->setCurrentIndex(
        std::max(0, m_ui->languageComboBox->findData(s.language)));
    bindShowButton(m_ui->showWebhookSecretButton, m_ui->webhookSecretEdit);
    m_ui->showWebhookSecretButton->setText(tr("Sh&ow"));
    m_webhookSecret.edit = m_ui->webhookSecretEdit;
    m_webhookSecret.storageLabel = m_ui->webhookSecretStorageLabel;
    (s.journal == JournalKind::Agency ? m_ui->agencyRadioButton : m_ui->thisDeskRadioButton)
        ->setChecked(true);
    m_ui->agencyUrlEdit->setText(s.agencyUrl);
    m_journalPassword.edit = m_ui->journalPasswordEdit;
    m_journalPassword.storageLabel = m_ui->journalPasswordStorageLabel;

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    for (QLineEdit *e : {m_ui->webhookListenEdit, m_ui->webhookSecretEdit})
        connect(e, &QLineEdit::textChanged, this, [this] { validate(false); });
    connect(m_ui->webhookPublicCheckBox, &QCheckBox::toggled, this, [this] { validate(false); });
    connect(m_ui->agencyRadioButton, &QRadioButton::toggled, this, [this] {
        validate(false);
        updateButtons();
    });
    connect(m_ui->agencyUrlEdit, &QLineEdit::textChanged, this, [this] { validate(false); });
    connect(m_ui->testJournalButton, &QPushButton::clicked, this, &SettingsDialog::testJournal);
    connect(m_ui->timingScaleSpinBox, &QDoubleSpinBox::valueChanged, this,
            &SettingsDialog::updateTimingNote);
    updateTimingNote();
    validate(false);

    for (const auto &section : m_sections)
        loadSecret(SecretRef::apiKey(section->provider));
    loadSecret(SecretRef::webhookSecret());
    loadSecret(SecretRef::journalPassword());
    updateButtons();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::addSection(const QString &provider) {
    auto section = std::make_unique<Section>();
    section->provider = provider;
    section->page = new QWidget;
    section->page->setObjectName(QStringLiteral("providerPage_") + provider);
    section->ui = std::make_unique<Ui::ProviderSection>();
    section->ui->setupUi(section->page);
    const Ui::ProviderSection &u = *section->ui;
    const QString name = desk::providerName(provider);
    //: %1 is a booking provider, e.g. Travelbase.
    u.enabledCheckBox->setAccessibleName(tr("Use %1").arg(name));
    u.apiBaseUrlEdit->setAccessibleName(tr("%1 API base URL").arg(name));
    u.apiBaseUrlEdit->setPlaceholderText(QStringLiteral("https://api.%1.example").arg(provider));
    u.apiKeyEdit->setAccessibleName(tr("%1 API key").arg(name));
    u.showApiKeyButton->setAccessibleName(tr("Show the %1 API key").arg(name));
    u.testConnectionButton->setAccessibleName(tr("Test the connection to %1").arg(name));
    section->key.edit = u.apiKeyEdit;
    section->key.storageLabel = u.apiKeyStorageLabel;
    bindShowButton(u.showApiKeyButton, u.apiKeyEdit);

    Section *s = section.get();
    connect(u.apiBaseUrlEdit, &QLineEdit::textEdited, this, [s](const QString &text) {
        // Typing the address of a provider never set up means using it; a tick the agent
        // set or cleared is left as it is.
        if (!s->enabledTouched && !s->ui->enabledCheckBox->isChecked() &&
            !text.trimmed().isEmpty() && s->key.loaded.isEmpty() &&
            s->ui->apiKeyEdit->text().isEmpty())
            s->ui->enabledCheckBox->setChecked(true);
    });
    connect(u.apiBaseUrlEdit, &QLineEdit::textChanged, this, [this] { validate(false); });
    connect(u.enabledCheckBox, &QCheckBox::clicked, this, [this, s] {
        s->enabledTouched = true;
        validate(false);
    });
    connect(u.testConnectionButton, &QPushButton::clicked, this,
            [this, provider] { testConnection(provider); });
    m_ui->providerTabWidget->addTab(section->page, name);
    m_sections.push_back(std::move(section));
}

SettingsDialog::Section *SettingsDialog::section(const QString &provider) {
    for (const auto &s : m_sections)
        if (s->provider == provider)
            return s.get();
    return nullptr;
}

const SettingsDialog::Section *SettingsDialog::section(const QString &provider) const {
    return const_cast<SettingsDialog *>(this)->section(provider);
}

SettingsDialog::SecretState &SettingsDialog::state(const SecretRef &secret) {
    if (secret.kind == SecretKind::ApiKey)
        if (Section *s = section(secret.provider))
            return s->key;
    return secret.kind == SecretKind::JournalPassword ? m_journalPassword : m_webhookSecret;
}

QString SettingsDialog::secretName(const SecretRef &secret) const {
    if (secret.kind == SecretKind::JournalPassword)
        return tr("agency database password");
    //: %1 is a booking provider, e.g. Travelbase.
    return secret.kind == SecretKind::ApiKey
               ? tr("%1 API key").arg(desk::providerName(secret.provider))
               : tr("webhook secret");
}

bool SettingsDialog::isTesting() const {
    if (m_journalTesting)
        return true;
    for (const auto &s : m_sections)
        if (s->testing)
            return true;
    return false;
}

DeskSettings SettingsDialog::settings() const {
    DeskSettings s;
    for (const auto &section : m_sections)
        s.providers.append(ProviderSettings{section->provider,
                                            QUrl(section->ui->apiBaseUrlEdit->text().trimmed()),
                                            section->ui->enabledCheckBox->isChecked()});
    s.providers += m_otherProviders;
    s.webhookListen = m_ui->webhookListenEdit->text().trimmed();
    s.webhookListenPublic = m_ui->webhookPublicCheckBox->isChecked();
    s.timingScale = m_ui->timingScaleSpinBox->value();
    s.requestTimeoutSeconds = m_ui->requestTimeoutSpinBox->value();
    s.journal = agencyChosen() ? JournalKind::Agency : JournalKind::ThisDesk;
    s.agencyUrl = m_ui->agencyUrlEdit->text().trimmed();
    s.language = m_ui->languageComboBox->currentData().toString();
    return s;
}

QString SettingsDialog::apiKey(const QString &provider) const {
    const Section *s = section(provider);
    return s ? s->ui->apiKeyEdit->text().trimmed() : QString();
}

QString SettingsDialog::webhookSecret() const {
    return m_ui->webhookSecretEdit->text();
}

QString SettingsDialog::journalPassword() const {
    return m_ui->journalPasswordEdit->text();
}

bool SettingsDialog::agencyChosen() const {
    return m_ui->agencyRadioButton->isChecked();
}

QString SettingsDialog::secretValue(const SecretRef &secret) const {
    switch (secret.kind) {
    case SecretKind::ApiKey:
        return apiKey(secret.provider);
    case SecretKind::WebhookSecret:
        return webhookSecret();
    case SecretKind::JournalPassword:
        return journalPassword();
    case SecretKind::ProfilesKey: // the profiles' own, never shown or typed
        break;
    }
    return {};
}

QString SettingsDialog::agencyUrlProblem(const QString &text) {
    const auto usable = desk::checkAgencyUrl(text);
    if (usable)
        return {};
    const QString code = usable.error().code;
    const QString example = QStringLiteral("postgresql://desk@db.agency.example:5432/flightdesk");
    if (code == QLatin1String("empty"))
        //: %1 is an example address.
        return tr("Required: the address of the agency database, e.g. %1").arg(example);
    if (code == QLatin1String("password"))
        return tr("Take the password out of the URL and type it in the Password field: it is "
                  "kept in the system keychain, never in the settings file.");
    if (code == QLatin1String("not_a_url"))
        //: %1 is an example address.
        return tr("Write it as a postgresql:// URL, e.g. %1").arg(example);
    //: %1 says what is wrong with it (in English).
    return tr("Not a usable database URL: %1").arg(usable.error().message);
}

QString SettingsDialog::baseUrlProblem(const QString &text, const QString &provider) {
    const QUrl url(text.trimmed());
    const QString example = QStringLiteral("https://api.%1.example").arg(provider);
    if (text.trimmed().isEmpty())
        //: %1 is a booking provider, e.g. Travelbase; %2 an example address.
        return tr("Required: the address of the %1 API, e.g. %2")
            .arg(desk::providerName(provider), example);
    if (desk::isUsableBaseUrl(url))
        return {};
    if (!url.isValid() || url.host().isEmpty())
        //: %1 is an example address.
        return tr("Not a full URL: write it like %1").arg(example);
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
    QList<Check> checks;
    for (const auto &section : m_sections) {
        const Ui::ProviderSection &u = *section->ui;
        const QString url = u.apiBaseUrlEdit->text();
        // An empty URL is only reported when saving, and only for a provider in use: the form
        // opens empty the first time.
        const bool unused = !u.enabledCheckBox->isChecked() || !focusFirstProblem;
        checks.append({u.apiBaseUrlMessageLabel, u.apiBaseUrlEdit,
                       url.trimmed().isEmpty() && unused ? QString()
                                                         : baseUrlProblem(url, section->provider)});
    }
    // Like a provider's address: an empty URL is only reported when saving, with Agency chosen.
    const QString agencyUrl = m_ui->agencyUrlEdit->text();
    checks.append({m_ui->agencyUrlMessageLabel, m_ui->agencyUrlEdit,
                   !agencyChosen() || (agencyUrl.trimmed().isEmpty() && !focusFirstProblem)
                       ? QString()
                       : agencyUrlProblem(agencyUrl)});
    checks += {
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
        if (!c.problem.isEmpty() && ok && focusFirstProblem) {
            for (const auto &section : m_sections) // show its provider's page first
                if (section->page->isAncestorOf(c.input))
                    m_ui->providerTabWidget->setCurrentWidget(section->page);
            c.input->setFocus(Qt::OtherFocusReason);
        }
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

void SettingsDialog::loadSecret(const SecretRef &secret) {
    QLineEdit *edit = state(secret).edit;
    edit->setEnabled(false);
    //: Shown in a secret field while the system keychain is being asked for it.
    edit->setPlaceholderText(tr("Reading the keychain…"));
    ++m_pendingReads;
    m_settings->readSecret(secret, this, [this, secret, edit](Result<StoredSecret> r) {
        --m_pendingReads;
        SecretState &st = state(secret);
        edit->setEnabled(true);
        if (secret.kind == SecretKind::ApiKey)
            edit->setPlaceholderText(tr("From the agency portal"));
        else if (secret.kind == SecretKind::JournalPassword)
            //: Placeholder of the agency database password: where libpq looks when it is empty.
            edit->setPlaceholderText(tr("Empty: PGPASSWORD or ~/.pgpass"));
        else
            edit->setPlaceholderText(QString());
        if (r) {
            edit->setText(r->value);
            st.loaded = r->value;
            showBackend(secret, r->backend);
        } else {
            st.unreadable = true;
            //: %1 says why, e.g. the keychain is locked.
            showToned(st.storageLabel,
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

void SettingsDialog::showBackend(const SecretRef &secret, SecretBackend backend) {
    SecretState &st = state(secret);
    st.backend = backend;
    QLabel *label = st.storageLabel;
    switch (backend) {
    case SecretBackend::Keychain:
        showToned(label, tr("Saved in the system keychain."), Tone::Neutral);
        break;
    case SecretBackend::File:
        //: %1 is a file path. Shown as a warning: the keychain was not available.
        showToned(label,
                  tr("Warning: saved in a file readable only by you: %1. The system keychain "
                     "was not available; saving again moves it there when it is.")
                      .arg(QDir::toNativeSeparators(m_settings->fallbackFile(secret))),
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
    for (const auto &section : m_sections)
        section->ui->testConnectionButton->setEnabled(!section->testing && m_pendingReads == 0);
    // The URL, password and test mean something only for the agency database.
    const bool agency = agencyChosen();
    m_ui->agencyUrlEdit->setEnabled(agency);
    m_ui->journalPasswordEdit->setEnabled(agency && m_pendingReads == 0);
    m_ui->testJournalButton->setEnabled(agency && !m_journalTesting && m_pendingReads == 0);
    for (QWidget *w : {static_cast<QWidget *>(m_ui->connectionGroupBox),
                       static_cast<QWidget *>(m_ui->journalGroupBox),
                       static_cast<QWidget *>(m_ui->webhookGroupBox),
                       static_cast<QWidget *>(m_ui->trainingGroupBox)})
        w->setEnabled(!m_saving);
}

void SettingsDialog::testConnection(const QString &provider) {
    Section *s = section(provider);
    if (!s || s->testing || m_pendingReads > 0)
        return;
    const Ui::ProviderSection &u = *s->ui;
    m_ui->providerTabWidget->setCurrentWidget(s->page);
    const QString urlProblem = baseUrlProblem(u.apiBaseUrlEdit->text(), provider);
    if (!urlProblem.isEmpty()) {
        validate(true);
        u.apiBaseUrlEdit->setFocus(Qt::OtherFocusReason);
        finishTest(*s, false, urlProblem);
        return;
    }
    if (apiKey(provider).isEmpty()) {
        u.apiKeyEdit->setFocus(Qt::OtherFocusReason);
        finishTest(*s, false, tr("Enter the API key first: it is in the agency portal."));
        return;
    }
    const desk::ConnectionTest test{provider, QUrl(u.apiBaseUrlEdit->text().trimmed()),
                                    apiKey(provider), m_ui->requestTimeoutSpinBox->value()};
    const QString where = test.apiBase.toDisplayString();
    const QString name = desk::providerName(provider);
    s->testing = true;
    //: %1 is the API base URL.
    showToned(u.connectionResultLabel, tr("Connecting to %1…").arg(where), Tone::Neutral);
    updateButtons();
    const auto done = [this, provider, where, name](GatewayResult<Wallet> r) {
        Section &tested = *section(provider);
        if (const auto *w = std::get_if<Wallet>(&r)) {
            //: %1 amount with thousands separators, %2 currency, e.g. 1,500.00 EUR.
            finishTest(tested, true,
                       tr("Connected. Wallet: %1 %2")
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
            //: %1 is the API base URL, %2 a booking provider, e.g. Travelbase.
            message = tr("%1 answered, but it is not the %2 API (404 for its wallet): "
                         "check the URL.")
                          .arg(where, name);
        else if (f.httpStatus >= 500 || f.kind == K::OutcomeUnknown)
            message = tr("%1 has a problem right now (HTTP %2): try again later.")
                          .arg(where)
                          .arg(f.httpStatus);
        else
            message = tr("The server refused the request: check the URL and the key.");
        //: Second line of a failed connection test: the technical detail, for support.
        finishTest(tested, false, message + QLatin1Char('\n') + tr("Detail: %1").arg(f.message));
    };
    // Refused before anything is sent (plain http to another computer, say): say why at once.
    if (auto started = m_settings->testConnection(test, this, done); !started)
        finishTest(*s, false, started.error().message);
}

void SettingsDialog::finishTest(Section &s, bool ok, const QString &message) {
    s.testing = false;
    showToned(s.ui->connectionResultLabel, message, ok ? Tone::Neutral : Tone::Error);
    updateButtons();
    growToFit();
    Q_EMIT connectionTested(s.provider, ok, message);
}

void SettingsDialog::testJournal() {
    if (m_journalTesting || m_pendingReads > 0 || !agencyChosen())
        return;
    const QString url = m_ui->agencyUrlEdit->text().trimmed();
    if (const QString problem = agencyUrlProblem(url); !problem.isEmpty()) {
        validate(true);
        m_ui->agencyUrlEdit->setFocus(Qt::OtherFocusReason);
        finishJournalTest(false, problem);
        return;
    }
    m_journalTesting = true;
    //: %1 is the database URL.
    showToned(m_ui->journalResultLabel, tr("Connecting to %1…").arg(url), Tone::Neutral);
    updateButtons();
    const auto done = [this](Result<desk::JournalSummary> r) {
        if (!r) {
            //: %1 why, in one line, e.g. "The agency journal ... cannot be reached: ...".
            finishJournalTest(false, tr("Not connected: %1").arg(r.error().message.simplified()));
            return;
        }
        //: %1 the journal's schema version, %2 how many orders it holds.
        finishJournalTest(true, r->orders == 1
                                    ? tr("Connected: schema v%1, 1 order").arg(r->schemaVersion)
                                    : tr("Connected: schema v%1, %2 orders")
                                          .arg(r->schemaVersion)
                                          .arg(QLocale().toString(r->orders)));
    };
    if (auto started = m_settings->testJournal(url, journalPassword(), this, done); !started)
        finishJournalTest(false, started.error().message);
}

void SettingsDialog::finishJournalTest(bool ok, const QString &message) {
    m_journalTesting = false;
    showToned(m_ui->journalResultLabel, message, ok ? Tone::Neutral : Tone::Error);
    updateButtons();
    growToFit();
    Q_EMIT journalTested(ok, message);
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
    QList<SecretRef> secrets;
    for (const auto &section : m_sections)
        secrets.append(SecretRef::apiKey(section->provider));
    secrets.append(SecretRef::webhookSecret());
    secrets.append(SecretRef::journalPassword());
    saveSecrets(secrets);
}

void SettingsDialog::saveSecrets(QList<SecretRef> remaining) {
    if (remaining.isEmpty()) {
        finishSave(true, {});
        return;
    }
    const SecretRef secret = remaining.takeFirst();
    const SecretState &st = state(secret);
    const QString value = secretValue(secret);
    // Unchanged values are left alone, except a file copy: the keychain may be back.
    const bool skip = (value == st.loaded && st.backend != SecretBackend::File) ||
                      (value.isEmpty() && st.unreadable);
    if (skip) {
        saveSecrets(remaining);
        return;
    }
    storeSecret(secret, AllowFileFallback::No, [this, remaining](bool ok) {
        if (ok)
            saveSecrets(remaining);
    });
}

void SettingsDialog::storeSecret(const SecretRef &secret, AllowFileFallback fallback,
                                 std::function<void(bool)> next) {
    const QString value = secretValue(secret);
    m_settings->storeSecret(
        secret, value, fallback, this,
        [this, secret, value, fallback, next = std::move(next)](Result<SecretBackend> r) {
            SecretState &st = state(secret);
            if (r) {
                st.loaded = value;
                st.unreadable = false;
                showBackend(secret, *r);
                next(true);
                return;
            }
            if (r.error().code != QLatin1String("keychain_unavailable") ||
                fallback == AllowFileFallback::Yes) {
                finishSave(false, r.error().message);
                return;
            }
            if (st.backend == SecretBackend::File && value == st.loaded) {
                next(true); // still unavailable: it stays in the file the agent agreed to
                return;
            }
            const QString what = secretName(secret);
            //: %1 e.g. "Travelbase API key" or "webhook secret", %2 why the keychain failed,
            //: %3 a file path.
            const QString question =
                tr("The system keychain is not available, so the %1 cannot be kept there.\n\n"
                   "%2\n\nFlightDesk can save it in a file that only your user account can "
                   "read:\n%3\n\nAnyone who can use your account, or read its backups, can "
                   "read that file. Save it there?")
                    .arg(what, r.error().message,
                         QDir::toNativeSeparators(m_settings->fallbackFile(secret)));
            MessageBox::ask(this, tr("Save the %1 in a file?").arg(what), question,
                            tr("Save in a file"), [this, secret, what, next](bool yes) {
                                if (yes) {
                                    storeSecret(secret, AllowFileFallback::Yes, next);
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
