#pragma once

#include "core/travellerprofile.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ProfileEditDialog;
}

namespace fd::ui {

class ProfileBook;

// One traveller profile on a passenger card, checked by the checkout's own rules: nothing is
// saved while a field is wrong. The passport fields show only when the profile's passport is at
// hand (a sealed one stays as it is). Saving goes through the ProfileBook.
class ProfileEditDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileEditDialog)

public:
    // `book` is not owned and must outlive the dialog. The dialog deletes itself when closed.
    ProfileEditDialog(ProfileBook *book, TravellerProfile profile, QWidget *parent = nullptr);
    ~ProfileEditDialog() override;

Q_SIGNALS:
    void saved(const fd::TravellerProfile &profile);

private:
    void save();
    TravellerProfile edited() const;
    void focusFirstProblem();
    void setBusy(bool busy);

    std::unique_ptr<Ui::ProfileEditDialog> m_ui;
    ProfileBook *m_book;
    TravellerProfile m_profile;
};

} // namespace fd::ui
