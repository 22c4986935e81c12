#pragma once

#include "core/travellerprofile.h"

#include <QDialog>
#include <QString>

#include <memory>
#include <optional>

namespace Ui {
class ProfilesDialog;
}

namespace fd::ui {

class ProfileBook;
class ProfilesFilterModel;
class ProfilesModel;

// The desk's traveller profiles: find by name, edit on a passenger card, delete, erase a
// passport, export the agency's JSON. Everything goes through the window's ProfileBook (its
// changes reach the desk's store off the GUI thread); the dialog never waits for an answer.
// Non-modal: the caller decides its lifetime (it may keep one and raise it again).
class ProfilesDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesDialog)

public:
    // `book` is not owned and must outlive the dialog.
    explicit ProfilesDialog(ProfileBook *book, QWidget *parent = nullptr);
    ~ProfilesDialog() override;

    // The file the next export writes to, instead of asking the agent (tests); empty: cancelled.
    static void setNextExportFile(const QString &file) { s_nextExportFile = file; }

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void bookChanged();
    void filterChanged(const QString &typed);
    void reselect();
    void updateActions();
    std::optional<TravellerProfile> selectedProfile() const;
    void selectRow(int row);

    void editSelected();
    void deleteSelected();
    void erasePassportOfSelected();
    void askExportFile();
    void exportTo(const QString &file);
    void setBusy(bool busy);
    void say(const QString &text, bool error = false);

    std::unique_ptr<Ui::ProfilesDialog> m_ui;
    ProfileBook *m_book;
    ProfilesModel *m_model;
    ProfilesFilterModel *m_filter;
    QString m_selectedId;     // kept across the model's resets
    bool m_busy = false;      // a change or an export is on its way
    bool m_resetting = false; // the model is being rebuilt: its empty selection is not the agent's
    bool m_reading = false;   // the first read was asked for when the dialog showed
    bool m_noMatchShown = false;

    static inline std::optional<QString> s_nextExportFile;
};

} // namespace fd::ui
