#pragma once

#include "core/contactmerge.h"
#include "desk/contacts.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ContactDialog;
}

namespace fd::ui {

// Changing a booked order's e-mail and phone with its provider. The fields are checked by the
// checkout's own rules before anything is sent; only the fields the agent changed are sent. When
// someone else changed the same field meanwhile, both values are shown and the agent chooses
// whose to keep: the change runs again with that choice.
class ContactDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactDialog)

public:
    struct Booking {
        QString provider;
        QString orderId;
        QString reference;     // shown to the agent
        ContactValues current; // as the journal knows them (prefilled), may be empty
    };

    // `contacts` is not owned and must outlive the dialog. The dialog deletes itself when closed.
    ContactDialog(desk::Contacts *contacts, Booking booking, QWidget *parent = nullptr);
    ~ContactDialog() override;

Q_SIGNALS:
    void changed(const QString &orderId, const fd::ContactValues &contact);

private:
    void save();
    void run(const desk::ContactRequest &request);
    void showOutcome(const desk::ContactOutcome &outcome);
    void choose(desk::OnConflict policy);
    bool showFieldIssues(const Report &report);

    std::unique_ptr<Ui::ContactDialog> m_ui;
    desk::Contacts *m_contacts;
    Booking m_booking;
    int m_version = 0;    // the order's version once the provider answered (0: not known yet)
    ContactChange m_sent; // the change last sent
    desk::ContactOutcome m_lastOutcome; // the conflict the agent is choosing on
};

} // namespace fd::ui
