#include "profileeditdialog.h"
#include "ui_profileeditdialog.h"

#include "fieldmessage.h"
#include "profilebook.h"

#include "core/fieldrules.h"

#include <QPointer>
#include <QPushButton>

namespace fd::ui {

namespace {
// A profile has no passenger type; the card's age rule needs one, so the traveller's age
// today decides it (a child's profile must not be refused as "too young for an adult").
QString typeForAge(const QString &bornOn) {
    const auto born = rules::isoDate(bornOn);
    const int age = born ? rules::ageOn(*born, QDate::currentDate()) : 99;
    if (age < 2)
        return QStringLiteral("infant_without_seat");
    return age < 12 ? QStringLiteral("child") : QStringLiteral("adult");
}
} // namespace

ProfileEditDialog::ProfileEditDialog(ProfileBook *book, TravellerProfile profile, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ProfileEditDialog>())
    , m_book(book)
    , m_profile(std::move(profile)) {
    m_ui->setupUi(this);
    setAttribute(Qt::WA_DeleteOnClose);
    const QString type = typeForAge(m_profile.bornOn);
    Trip trip;
    trip.international = m_profile.passport.has_value();
    m_ui->passengerForm->setTrip(trip, 0, type);
    Passenger card;
    card.type = type;
    m_ui->passengerForm->setPassenger(profiles::fill(card, m_profile));
    m_ui->busyProgressBar->hide();
    if (m_profile.hasPassport && !m_profile.passport)
        showToned(m_ui->messageLabel,
                  tr("The saved passport is sealed and its key is not available on this desk: "
                     "it is kept as it is."),
                  Tone::Neutral);
    else
        showToned(m_ui->messageLabel, QString(), Tone::Neutral);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &ProfileEditDialog::save);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &QDialog::reject);
}

ProfileEditDialog::~ProfileEditDialog() = default;

TravellerProfile ProfileEditDialog::edited() const {
    const Passenger p = m_ui->passengerForm->passenger();
    TravellerProfile out = m_profile;
    out.title = p.title;
    out.givenName = p.givenName;
    out.familyName = p.familyName;
    out.bornOn = p.bornOn;
    out.gender = p.gender;
    out.email = p.email;
    out.phoneNumber = p.phoneNumber.trimmed();
    // Only a passport at hand was on the card; a sealed one is left to the store to keep.
    if (m_profile.passport && !p.identityDocuments.isEmpty())
        out.passport = p.identityDocuments.constFirst();
    return out;
}

// The first input the card marked (its findings are the input's accessible description), in
// the order the agent tabs through them.
void ProfileEditDialog::focusFirstProblem() {
    PassengerForm *form = m_ui->passengerForm;
    for (QWidget *w = form->nextInFocusChain(); w && w != form; w = w->nextInFocusChain()) {
        if (!form->isAncestorOf(w))
            break;
        if (w->isVisibleTo(form) && !w->accessibleDescription().isEmpty()) {
            w->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
}

void ProfileEditDialog::save() {
    PassengerForm *form = m_ui->passengerForm;
    form->validateNow();
    if (!form->isValid()) {
        form->revealAllProblems();
        focusFirstProblem();
        showToned(m_ui->messageLabel,
                  tr("Nothing was saved: correct the fields marked above first."), Tone::Error);
        return;
    }
    setBusy(true);
    showToned(m_ui->messageLabel, tr("Saving the profile…"), Tone::Neutral);
    QPointer<ProfileEditDialog> self(this);
    m_book->update(edited(), false, [self](Result<TravellerProfile> stored) {
        if (!self)
            return;
        self->setBusy(false);
        if (!stored) {
            //: %1 the store's reason, in English.
            showToned(self->m_ui->messageLabel,
                      tr("The profile was not saved: %1").arg(stored.error().message), Tone::Error);
            return;
        }
        Q_EMIT self->saved(*stored);
        self->accept();
    });
}

void ProfileEditDialog::setBusy(bool busy) {
    m_ui->busyProgressBar->setVisible(busy);
    m_ui->saveButton->setEnabled(!busy);
    m_ui->passengerForm->setReadOnly(busy);
}

} // namespace fd::ui
