#pragma once

#include "core/issue.h"
#include "core/offer.h"
#include "core/passenger.h"
#include "core/travellerprofile.h"

#include <QDate>
#include <QList>
#include <QWidget>

#include <memory>

class QLabel;
class QTimer;

namespace Ui {
class PassengerForm;
}

namespace fd::ui {

class ProfileBook;

// One passenger of an offer: every field of the contract, checked as the agent types with the
// same rules the API applies (fd::validatePassenger), each problem named next to its field.
class PassengerForm final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PassengerForm)

public:
    explicit PassengerForm(QWidget *parent = nullptr);
    ~PassengerForm() override;

    // `index` is the passenger's place in the offer (0-based), `type` the offer's type for it
    // ("adult", "child", "infant_without_seat"). Passport fields show only when `trip` is
    // international.
    void setTrip(const fd::Trip &trip, int index, const QString &type);
    void setToday(const QDate &today); // the agent's date, for ages; today by default

    fd::Passenger passenger() const;
    void setPassenger(const fd::Passenger &passenger);

    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    // The findings of the latest validation (see validateNow()).
    fd::Report report() const { return m_report; }
    bool isValid() const { return m_report.valid(); }
    int index() const { return m_index; }

    // Empty fields the agent has not reached yet show "Required." only after this (or after
    // leaving them); every other finding shows at once.
    void revealAllProblems();

    // Offers the book's saved travellers as the agent types a given or family name; choosing
    // one fills the card (profileChosen). nullptr: none offered.
    void setProfileBook(ProfileBook *book);

    // Puts the cursor in the first field still empty, in reading order (the optional title
    // aside); false when every field is filled.
    bool focusFirstToFill();

public Q_SLOTS:
    // Validates at once, without waiting for the typing pause.
    void validateNow();
    // Fills names, date of birth, gender and the passport from the pasted machine-readable
    // zone, and reports what it could not read or what failed its check digits.
    void applyMrz();

Q_SIGNALS:
    void validityChanged(bool valid);
    // A pasted machine-readable zone filled the card (wherever on it it was pasted). The cursor
    // is in its first field still empty; `complete`: there is none, the card is done.
    void mrzPasted(bool complete);
    // A saved traveller filled the card; the cursor is in its first field still empty, and
    // `complete` says there is none.
    void profileChosen(bool complete);
    void reportChanged(); // after every validation

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Field {
        QString apiField;
        QWidget *input;
        QLabel *message;
        QString accessibleName;
        bool touched = false;
    };

    void setUpChoices();
    void setUpFields();
    void connectInputs();
    void retitle();
    void scheduleValidation();
    void showFindings();
    void onMrzEdited();
    Field *fieldFor(const QWidget *input);
    bool isEmpty(const Field &f) const;
    bool pasteMrz(); // the clipboard's zone into the card, when it holds one
    void takeProfile(const fd::TravellerProfile &profile);

    std::unique_ptr<Ui::PassengerForm> m_ui;
    QTimer *m_debounce;
    QList<Field> m_fields;
    fd::Trip m_trip;
    int m_index = 0;
    QString m_type;
    QString m_id;
    QDate m_today;
    fd::Report m_report;
    bool m_valid = false;
    bool m_revealAll = false;
    bool m_readOnly = false;
};

} // namespace fd::ui
