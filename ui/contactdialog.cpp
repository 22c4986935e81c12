#include "contactdialog.h"
#include "ui_contactdialog.h"

#include "fieldmessage.h"

#include <QPointer>
#include <QPushButton>

namespace fd::ui {

namespace {
QString fieldWords(ContactField f) {
    return f == ContactField::Email ? ContactDialog::tr("e-mail") : ContactDialog::tr("phone");
}
} // namespace

ContactDialog::ContactDialog(desk::Contacts *contacts, Booking booking, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ContactDialog>())
    , m_contacts(contacts)
    , m_booking(std::move(booking)) {
    m_ui->setupUi(this);
    setAttribute(Qt::WA_DeleteOnClose);
    //: %1 is a booking reference or an order id.
    m_ui->bookingLabel->setText(tr("Booking %1: the new details are sent to the airline's order.")
                                    .arg(m_booking.reference));
    m_ui->emailEdit->setText(m_booking.current.email);
    m_ui->phoneEdit->setText(m_booking.current.phone);
    m_ui->busyProgressBar->hide();
    m_ui->conflictWidget->hide();
    for (QLabel *l : {m_ui->emailMessageLabel, m_ui->phoneMessageLabel, m_ui->messageLabel})
        showToned(l, QString(), Tone::Neutral);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &ContactDialog::save);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_ui->mineButton, &QPushButton::clicked, this,
            [this] { choose(desk::OnConflict::Mine); });
    connect(m_ui->theirsButton, &QPushButton::clicked, this,
            [this] { choose(desk::OnConflict::Theirs); });
    m_ui->emailEdit->setFocus();
}

ContactDialog::~ContactDialog() = default;

bool ContactDialog::showFieldIssues(const Report &report) {
    showIssues(m_ui->emailMessageLabel, m_ui->emailEdit,
               report.forField(-1, QStringLiteral("email")));
    showIssues(m_ui->phoneMessageLabel, m_ui->phoneEdit,
               report.forField(-1, QStringLiteral("phone_number")));
    QList<Issue> rest;
    for (const Issue &i : report.errors)
        if (i.field != QLatin1String("email") && i.field != QLatin1String("phone_number"))
            rest << i;
    showIssues(m_ui->messageLabel, nullptr, rest);
    return report.valid();
}

void ContactDialog::save() {
    // Only what the agent changed: a field left as it was must never overwrite someone else's.
    ContactChange change;
    const QString email = m_ui->emailEdit->text().trimmed();
    const QString phone = m_ui->phoneEdit->text().trimmed();
    if (email != m_booking.current.email)
        change.email = email;
    if (phone != m_booking.current.phone)
        change.phone = phone;
    m_ui->conflictWidget->hide();
    if (change.isEmpty()) {
        showFieldIssues({});
        showToned(m_ui->messageLabel, tr("Nothing was changed, so nothing was sent."),
                  Tone::Neutral);
        return;
    }
    // The checkout's rules, here too: nothing is sent while a field is wrong.
    if (!showFieldIssues(desk::validateContactChange(change)))
        return;
    desk::ContactRequest request;
    request.provider = m_booking.provider;
    request.orderId = m_booking.orderId;
    request.change = change;
    // What the agent was shown is the base: a field someone else changed since is shown to
    // the agent as a conflict, never overwritten unseen.
    if (!m_booking.current.email.isEmpty() || !m_booking.current.phone.isEmpty())
        request.base = desk::ContactRequest::Base{m_booking.current, m_version};
    run(request);
}

void ContactDialog::run(const desk::ContactRequest &request) {
    m_sent = request.change;
    m_ui->busyProgressBar->show();
    m_ui->saveButton->setEnabled(false);
    m_ui->conflictWidget->hide();
    showToned(m_ui->messageLabel, tr("Sending the new contact details…"), Tone::Neutral);
    m_contacts->change(request, this,
                       [this](const desk::ContactOutcome &outcome) { showOutcome(outcome); });
}

void ContactDialog::showOutcome(const desk::ContactOutcome &outcome) {
    using Kind = desk::ContactOutcome::Kind;
    m_ui->busyProgressBar->hide();
    m_ui->saveButton->setEnabled(true);
    switch (outcome.kind) {
    case Kind::Changed:
        m_booking.current = outcome.contact;
        m_version = outcome.version;
        //: %1 the e-mail, %2 the phone the order has now.
        showToned(m_ui->messageLabel,
                  tr("Saved. The order's contact details are now %1, %2.")
                      .arg(outcome.contact.email, outcome.contact.phone),
                  Tone::Neutral);
        Q_EMIT changed(m_booking.orderId, outcome.contact);
        m_ui->closeButton->setDefault(true);
        m_ui->closeButton->setFocus();
        break;
    case Kind::Conflict: {
        QStringList lines;
        for (const ContactConflict &c : outcome.conflicts)
            //: %1 "e-mail" or "phone", %2 the value someone else saved, %3 the agent's.
            lines << tr("The %1 was changed by someone else to %2; yours is %3.")
                         .arg(fieldWords(c.field), c.theirs, c.mine);
        const bool choosing = outcome.resolution == desk::OnConflict::Ask;
        if (choosing)
            lines << tr("Nothing was changed. Choose whose to keep.");
        else
            lines << tr("Theirs were kept; nothing else was left to change.");
        showToned(m_ui->messageLabel, lines.join(QLatin1Char('\n')), Tone::Warning);
        m_lastOutcome = outcome;
        m_ui->conflictWidget->setVisible(choosing);
        if (choosing)
            m_ui->mineButton->setFocus();
        break;
    }
    case Kind::InvalidInput:
        showFieldIssues(outcome.report);
        if (m_ui->messageLabel->text().isEmpty())
            showToned(m_ui->messageLabel,
                      tr("The provider refused these details; nothing was "
                         "changed."),
                      Tone::Error);
        break;
    case Kind::Error:
        showToned(m_ui->messageLabel, tr("Not changed: %1").arg(outcome.message), Tone::Error);
        break;
    }
}

void ContactDialog::choose(desk::OnConflict policy) {
    // Decided on the order as just read: its values and version are the base of the run again.
    desk::ContactRequest request;
    request.provider = m_booking.provider;
    request.orderId = m_booking.orderId;
    request.change = m_sent;
    request.onConflict = policy;
    request.base = desk::ContactRequest::Base{m_lastOutcome.contact, m_lastOutcome.version};
    if (policy == desk::OnConflict::Theirs)
        for (const ContactConflict &c : std::as_const(m_lastOutcome.conflicts))
            (c.field == ContactField::Email ? request.change.email : request.change.phone).clear();
    if (request.change.isEmpty()) {
        m_ui->conflictWidget->hide();
        m_booking.current = m_lastOutcome.contact;
        m_version = m_lastOutcome.version;
        m_ui->emailEdit->setText(m_booking.current.email);
        m_ui->phoneEdit->setText(m_booking.current.phone);
        showToned(m_ui->messageLabel, tr("Theirs were kept; nothing was sent."), Tone::Neutral);
        Q_EMIT changed(m_booking.orderId, m_booking.current);
        return;
    }
    run(request);
}

} // namespace fd::ui
