#include "passengerform.h"

#include "countrylist.h"
#include "fieldmessage.h"
#include "profilecompleter.h"
#include "ui_passengerform.h"

#include "core/mrz.h"
#include "core/passengervalidation.h"

#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSet>
#include <QTimer>

namespace fd::ui {
namespace {

// Long enough not to flag an address while it is still being typed, short enough to feel
// immediate.
constexpr int kTypingPauseMs = 250;

QString typeLabel(const QString &type) {
    if (type == QLatin1String("adult"))
        return PassengerForm::tr("Adult");
    if (type == QLatin1String("child"))
        //: Passenger type; the ages are those of the airline contract.
        return PassengerForm::tr("Child (2–11)");
    if (type == QLatin1String("infant_without_seat"))
        return PassengerForm::tr("Infant on lap (under 2)");
    return type;
}

// Selects the item whose data is `value`, adding it as typed when the list has no such choice
// so that validation can name the problem instead of the value silently vanishing.
void selectData(QComboBox *combo, const QString &value) {
    int i = combo->findData(value);
    if (i < 0) {
        combo->addItem(value, value);
        i = combo->count() - 1;
    }
    combo->setCurrentIndex(i);
}

} // namespace

PassengerForm::PassengerForm(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::PassengerForm>())
    , m_debounce(new QTimer(this))
    , m_today(QDate::currentDate()) {
    m_ui->setupUi(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kTypingPauseMs);
    connect(m_debounce, &QTimer::timeout, this, &PassengerForm::validateNow);

    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->mrzEdit->setFont(mono);
    const int lineHeight = QFontMetrics(mono).lineSpacing();
    m_ui->mrzEdit->setFixedHeight(2 * lineHeight + 4 * m_ui->mrzEdit->frameWidth() + 12);

    setUpChoices();
    setUpFields();
    connectInputs();
    m_ui->passportGroupBox->setVisible(false);
    retitle();
    validateNow();
}

PassengerForm::~PassengerForm() {
    // Closing the window moves focus out of an input while the form is half destroyed; its
    // editingFinished must not reach validateNow() then.
    for (QObject *input : findChildren<QObject *>())
        input->disconnect(this);
}

void PassengerForm::setUpChoices() {
    //: No title chosen (the title is optional).
    m_ui->titleCombo->addItem(tr("—"), QString());
    m_ui->titleCombo->addItem(tr("Mr"), QStringLiteral("mr"));
    m_ui->titleCombo->addItem(tr("Ms"), QStringLiteral("ms"));
    m_ui->titleCombo->addItem(tr("Mrs"), QStringLiteral("mrs"));
    m_ui->titleCombo->addItem(tr("Miss"), QStringLiteral("miss"));
    m_ui->titleCombo->addItem(tr("Dr"), QStringLiteral("dr"));
    //: No gender chosen yet.
    m_ui->genderCombo->addItem(tr("—"), QString());
    //: Gender as on the passport; the contract's value is in brackets.
    m_ui->genderCombo->addItem(tr("Female (f)"), QStringLiteral("f"));
    m_ui->genderCombo->addItem(tr("Male (m)"), QStringLiteral("m"));
    fillCountryCombo(m_ui->issuingCountryCombo);
}

void PassengerForm::setUpFields() {
    const auto &u = *m_ui;
    m_fields = {
        {QStringLiteral("title"), u.titleCombo, u.titleMessageLabel, tr("Title")},
        {QStringLiteral("given_name"), u.givenNameEdit, u.givenNameMessageLabel, tr("Given names")},
        {QStringLiteral("family_name"), u.familyNameEdit, u.familyNameMessageLabel,
         tr("Family name")},
        {QStringLiteral("born_on"), u.bornOnEdit, u.bornOnMessageLabel,
         tr("Date of birth, YYYY-MM-DD")},
        {QStringLiteral("gender"), u.genderCombo, u.genderMessageLabel, tr("Gender")},
        {QStringLiteral("email"), u.emailEdit, u.emailMessageLabel, tr("Email")},
        {QStringLiteral("phone_number"), u.phoneEdit, u.phoneMessageLabel,
         tr("Phone, international format")},
        {QStringLiteral("identity_documents[0].unique_identifier"), u.passportNumberEdit,
         u.passportNumberMessageLabel, tr("Passport number")},
        {QStringLiteral("identity_documents[0].issuing_country_code"), u.issuingCountryCombo,
         u.issuingCountryMessageLabel, tr("Passport issuing country")},
        {QStringLiteral("identity_documents[0].expires_on"), u.passportExpiryEdit,
         u.passportExpiryMessageLabel, tr("Passport expiry date, YYYY-MM-DD")},
    };
}

void PassengerForm::connectInputs() {
    for (Field &f : m_fields) {
        QWidget *input = f.input;
        auto *edit = qobject_cast<QLineEdit *>(input);
        auto *combo = qobject_cast<QComboBox *>(input);
        if (combo && combo->isEditable())
            edit = combo->lineEdit();
        if (edit) {
            connect(edit, &QLineEdit::textEdited, this, &PassengerForm::scheduleValidation);
            connect(edit, &QLineEdit::editingFinished, this, [this, input] {
                if (Field *field = fieldFor(input))
                    field->touched = true;
                validateNow();
            });
        }
        if (combo)
            connect(combo, &QComboBox::currentIndexChanged, this, [this, input] {
                if (Field *field = fieldFor(input))
                    field->touched = true;
                validateNow();
            });
    }
    connect(m_ui->mrzEdit, &QPlainTextEdit::textChanged, this, &PassengerForm::onMrzEdited);
    // A zone pasted anywhere on the card fills it: the agent need not find the MRZ box first.
    for (QWidget *input : findChildren<QWidget *>())
        if (input != m_ui->mrzEdit && (input->focusPolicy() & Qt::TabFocus))
            input->installEventFilter(this);
    connect(m_ui->applyMrzButton, &QPushButton::clicked, this, &PassengerForm::applyMrz);
}

PassengerForm::Field *PassengerForm::fieldFor(const QWidget *input) {
    for (Field &f : m_fields)
        if (f.input == input)
            return &f;
    return nullptr;
}

bool PassengerForm::isEmpty(const Field &f) const {
    if (auto *edit = qobject_cast<QLineEdit *>(f.input))
        return edit->text().isEmpty();
    if (auto *combo = qobject_cast<QComboBox *>(f.input))
        return combo->isEditable() ? combo->currentText().trimmed().isEmpty()
                                   : combo->currentData().toString().isEmpty();
    return true;
}

void PassengerForm::retitle() {
    //: Heading of one passenger's form: %1 the number in the offer, %2 the type.
    m_ui->passengerGroupBox->setTitle(
        tr("Passenger %1 · %2").arg(m_index + 1).arg(typeLabel(m_type)));
    const QString number = QString::number(m_index + 1);
    for (const Field &f : m_fields)
        //: Accessible name of an input: %1 the field, %2 the passenger's number.
        f.input->setAccessibleName(tr("%1, passenger %2").arg(f.accessibleName, number));
    m_ui->mrzEdit->setAccessibleName(
        tr("%1, passenger %2").arg(tr("Passport machine-readable zone, two lines"), number));
    m_ui->applyMrzButton->setAccessibleName(
        tr("%1, passenger %2").arg(tr("Fill the fields from the machine-readable zone"), number));
}

void PassengerForm::setTrip(const Trip &trip, int index, const QString &type) {
    m_trip = trip;
    m_index = index;
    m_type = type;
    m_ui->passportGroupBox->setVisible(trip.international);
    retitle();
    validateNow();
}

void PassengerForm::setToday(const QDate &today) {
    m_today = today;
    validateNow();
}

Passenger PassengerForm::passenger() const {
    const auto &u = *m_ui;
    Passenger p;
    p.id = m_id;
    p.type = m_type;
    p.title = u.titleCombo->currentData().toString();
    p.givenName = u.givenNameEdit->text().trimmed();
    p.familyName = u.familyNameEdit->text().trimmed();
    p.bornOn = u.bornOnEdit->text();
    p.gender = u.genderCombo->currentData().toString();
    p.email = u.emailEdit->text().trimmed();
    p.phoneNumber = u.phoneEdit->text();
    if (m_trip.international)
        p.identityDocuments.append({QStringLiteral("passport"), u.passportNumberEdit->text(),
                                    countryCodeFromComboText(u.issuingCountryCombo->currentText()),
                                    u.passportExpiryEdit->text()});
    return p;
}

void PassengerForm::setPassenger(const Passenger &p) {
    auto &u = *m_ui;
    m_id = p.id;
    selectData(u.titleCombo, p.title);
    u.givenNameEdit->setText(p.givenName);
    u.familyNameEdit->setText(p.familyName);
    u.bornOnEdit->setText(p.bornOn);
    selectData(u.genderCombo, p.gender);
    u.emailEdit->setText(p.email);
    u.phoneEdit->setText(p.phoneNumber);
    const IdentityDocument doc = p.identityDocuments.value(0);
    u.passportNumberEdit->setText(doc.uniqueIdentifier);
    const int country = u.issuingCountryCombo->findData(doc.issuingCountryCode);
    if (country >= 0)
        u.issuingCountryCombo->setCurrentIndex(country);
    else
        u.issuingCountryCombo->setEditText(doc.issuingCountryCode);
    u.passportExpiryEdit->setText(doc.expiresOn);
    validateNow();
}

void PassengerForm::setReadOnly(bool readOnly) {
    m_readOnly = readOnly;
    for (const Field &f : m_fields) {
        if (auto *edit = qobject_cast<QLineEdit *>(f.input))
            edit->setReadOnly(readOnly);
        else
            f.input->setEnabled(!readOnly);
    }
    m_ui->mrzEdit->setReadOnly(readOnly);
    m_ui->applyMrzButton->setEnabled(!readOnly);
}

bool PassengerForm::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Paste) && pasteMrz())
        return true;
    // The line edit would otherwise take Ctrl+V as its own shortcut before any key press.
    if (event->type() == QEvent::ShortcutOverride &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Paste) && !m_readOnly &&
        mrz::looksLikeZone(QGuiApplication::clipboard()->text())) {
        event->accept();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void PassengerForm::setProfileBook(ProfileBook *book) {
    for (QLineEdit *edit : {m_ui->givenNameEdit, m_ui->familyNameEdit}) {
        delete edit->findChild<ProfileCompleter *>(QString(), Qt::FindDirectChildrenOnly);
        if (book)
            connect(new ProfileCompleter(edit, book), &ProfileCompleter::chosen, this,
                    &PassengerForm::takeProfile);
    }
}

void PassengerForm::takeProfile(const TravellerProfile &profile) {
    if (m_readOnly)
        return;
    Passenger filled = profiles::fill(passenger(), profile);
    if (!m_ui->passportGroupBox->isVisibleTo(this))
        filled.identityDocuments.clear(); // a domestic trip asks for none
    setPassenger(filled);
    Q_EMIT profileChosen(!focusFirstToFill());
}

bool PassengerForm::pasteMrz() {
    if (m_readOnly || !m_ui->passportGroupBox->isVisibleTo(this))
        return false;
    const QString text = QGuiApplication::clipboard()->text();
    if (!mrz::looksLikeZone(text))
        return false;
    m_ui->mrzEdit->setPlainText(text.trimmed());
    applyMrz();
    Q_EMIT mrzPasted(!focusFirstToFill());
    return true;
}

bool PassengerForm::focusFirstToFill() {
    for (const Field &f : std::as_const(m_fields)) {
        if (f.input == m_ui->titleCombo || !f.input->isVisibleTo(this) || !isEmpty(f))
            continue;
        f.input->setFocus(Qt::OtherFocusReason);
        return true;
    }
    return false;
}

void PassengerForm::revealAllProblems() {
    m_revealAll = true;
    showFindings();
}

void PassengerForm::scheduleValidation() {
    m_debounce->start();
}

void PassengerForm::validateNow() {
    m_debounce->stop();
    m_report = validatePassenger(passenger(), m_index, m_trip, m_today);
    showFindings();
    if (m_report.valid() != m_valid) {
        m_valid = m_report.valid();
        Q_EMIT validityChanged(m_valid);
    }
    Q_EMIT reportChanged();
}

void PassengerForm::showFindings() {
    QSet<QString> shown;
    for (const Field &f : m_fields) {
        shown.insert(f.apiField);
        const bool reveal = m_revealAll || f.touched || !isEmpty(f);
        showIssues(f.message, f.input,
                   reveal ? m_report.forField(m_index, f.apiField) : QList<Issue>{});
    }
    // Findings about the passenger as a whole (its type, the document list).
    QList<Issue> rest;
    for (const QList<Issue> *list : {&m_report.errors, &m_report.warnings})
        for (const Issue &i : *list)
            if (!shown.contains(i.field))
                rest.append(i);
    showIssues(m_ui->formMessageLabel, nullptr, rest);
}

void PassengerForm::onMrzEdited() {
    const QString text = m_ui->mrzEdit->toPlainText();
    // A complete zone fills the fields as soon as it is pasted; a partial one waits quietly
    // for the rest (or for the button, which then says what is missing).
    if (mrz::parse(text, m_today).ok())
        applyMrz();
    else
        showIssues(m_ui->mrzMessageLabel, m_ui->mrzEdit, {});
}

void PassengerForm::applyMrz() {
    if (m_readOnly)
        return;
    auto &u = *m_ui;
    const auto parsed = mrz::parse(u.mrzEdit->toPlainText(), m_today);
    if (!parsed) {
        showIssues(u.mrzMessageLabel, u.mrzEdit,
                   {{m_index, QStringLiteral("mrz"), parsed.error().code, parsed.error().message}});
        return;
    }
    const mrz::Passport &mp = *parsed;
    u.familyNameEdit->setText(mp.familyName);
    u.givenNameEdit->setText(mp.givenNames);
    if (mp.birthDate.isValid())
        u.bornOnEdit->setText(mp.birthDate.toString(Qt::ISODate));
    if (!mp.gender.isEmpty())
        selectData(u.genderCombo, mp.gender);
    u.passportNumberEdit->setText(mp.documentNumber);
    if (!mp.issuingCountryCode.isEmpty())
        u.issuingCountryCombo->setCurrentIndex(
            u.issuingCountryCombo->findData(mp.issuingCountryCode));
    if (mp.expiryDate.isValid())
        u.passportExpiryEdit->setText(mp.expiryDate.toString(Qt::ISODate));
    for (Field &f : m_fields)
        f.touched = f.touched || !isEmpty(f);
    if (mp.issues.isEmpty()) {
        const QString done = tr("Filled from the machine-readable zone; its check digits match.");
        showToned(u.mrzMessageLabel, done, Tone::Neutral);
        u.mrzEdit->setAccessibleDescription(done);
    } else
        showIssues(u.mrzMessageLabel, u.mrzEdit, mp.issues);
    validateNow();
}

} // namespace fd::ui
