#include "profilesdialog.h"
#include "ui_profilesdialog.h"

#include "fieldmessage.h"
#include "messagebox.h"
#include "profilebook.h"
#include "profileeditdialog.h"
#include "profilesmodel.h"

#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QKeyEvent>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>

namespace fd::ui {

namespace {
// The store's reasons come as English phrases; the status line shows whole sentences.
QString sentence(QString text) {
    text = text.trimmed();
    if (!text.isEmpty() && !text.endsWith(QLatin1Char('.')) && !text.endsWith(QLatin1Char('!')) &&
        !text.endsWith(QLatin1Char('?')))
        text += QLatin1Char('.');
    return text;
}

QString noProfilesYet() {
    return ProfilesDialog::tr(
        "No traveller profiles are saved yet: they are saved from a booking's passengers.");
}
} // namespace

ProfilesDialog::ProfilesDialog(ProfileBook *book, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ProfilesDialog>())
    , m_book(book)
    , m_model(new ProfilesModel(book, this))
    , m_filter(new ProfilesFilterModel(this)) {
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("profilesDialog"));
    m_filter->setSourceModel(m_model);
    QTableView *table = m_ui->profilesTableView;
    table->setModel(m_filter);
    table->sortByColumn(ProfilesModel::Name, Qt::AscendingOrder);
    table->installEventFilter(this);
    showToned(m_ui->statusLabel, QString(), Tone::Neutral);

    // The model resets on every change of the book; the agent's row stays selected across it.
    connect(m_filter, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_resetting = true; });
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] {
        m_resetting = false;
        reselect();
    });
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_resetting)
            return;
        const QModelIndexList rows = m_ui->profilesTableView->selectionModel()->selectedRows();
        m_selectedId = rows.isEmpty()
                           ? QString()
                           : rows.constFirst().data(ProfilesModel::ProfileIdRole).toString();
        updateActions();
    });
    if (m_book)
        connect(m_book, &ProfileBook::changed, this, &ProfilesDialog::bookChanged);

    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, &ProfilesDialog::filterChanged);
    // Enter in the search field goes to the first match, where Enter again edits it.
    connect(m_ui->filterEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_filter->rowCount() == 0)
            return;
        if (m_selectedId.isEmpty())
            selectRow(0);
        m_ui->profilesTableView->setFocus(Qt::OtherFocusReason);
    });
    connect(table, &QAbstractItemView::doubleClicked, this, &ProfilesDialog::editSelected);
    connect(m_ui->editButton, &QPushButton::clicked, this, &ProfilesDialog::editSelected);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &ProfilesDialog::deleteSelected);
    connect(m_ui->erasePassportButton, &QPushButton::clicked, this,
            &ProfilesDialog::erasePassportOfSelected);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &ProfilesDialog::askExportFile);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::reject);
    updateActions();
    m_ui->filterEdit->setFocus();
}

ProfilesDialog::~ProfilesDialog() = default;

void ProfilesDialog::showEvent(QShowEvent *event) {
    QDialog::showEvent(event);
    if (!m_book || !m_book->isAvailable()) {
        say(tr("Traveller profiles are not kept on this desk."), true);
        return;
    }
    if (!m_book->isLoaded()) {
        m_reading = true;
        say(tr("Reading the traveller profiles…"));
        m_book->ensureLoaded();
        return;
    }
    // Read already (a passenger card's matches): only the columns to fit.
    if (m_book->all().isEmpty())
        say(noProfilesYet());
    m_ui->profilesTableView->resizeColumnsToContents();
}

bool ProfilesDialog::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_ui->profilesTableView && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const auto mods = key->modifiers() & ~Qt::KeypadModifier;
        if (mods == Qt::NoModifier &&
            (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
            editSelected();
            return true;
        }
        if (mods == Qt::NoModifier && key->key() == Qt::Key_Delete) {
            deleteSelected();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ProfilesDialog::bookChanged() {
    if (!m_book->problem().isEmpty()) {
        m_reading = false;
        //: %1 the reason, in English.
        say(tr("The traveller profiles could not be read: %1").arg(sentence(m_book->problem())),
            true);
    } else if (std::exchange(m_reading, false)) {
        say(m_book->all().isEmpty() ? noProfilesYet() : QString());
        m_ui->profilesTableView->resizeColumnsToContents();
    }
    updateActions();
}

void ProfilesDialog::filterChanged(const QString &typed) {
    m_filter->setNameFilter(typed);
    const bool none = !typed.trimmed().isEmpty() && m_filter->rowCount() == 0;
    if (none) {
        //: %1 what the agent typed in the Find field.
        say(tr("No traveller profile matches “%1”.").arg(typed.trimmed()));
    } else if (m_noMatchShown) {
        say(QString());
    }
    m_noMatchShown = none;
    if (m_filter->rowCount() == 1)
        selectRow(0); // the one the agent was looking for: Enter edits it
    updateActions();
}

void ProfilesDialog::reselect() {
    const QString id = m_selectedId;
    m_selectedId.clear();
    for (int row = 0; !id.isEmpty() && row < m_filter->rowCount(); ++row)
        if (m_filter->index(row, 0).data(ProfilesModel::ProfileIdRole).toString() == id) {
            selectRow(row);
            break;
        }
    updateActions();
}

void ProfilesDialog::selectRow(int row) {
    QTableView *table = m_ui->profilesTableView;
    if (row < 0 || row >= m_filter->rowCount()) {
        table->selectionModel()->clearSelection();
        return;
    }
    const QModelIndex index = m_filter->index(row, 0);
    table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                        QItemSelectionModel::Rows);
    table->scrollTo(index);
}

std::optional<TravellerProfile> ProfilesDialog::selectedProfile() const {
    if (!m_book || m_selectedId.isEmpty())
        return std::nullopt;
    return m_book->byId(m_selectedId);
}

void ProfilesDialog::updateActions() {
    const bool ready = m_book && m_book->isAvailable() && m_book->isLoaded() && !m_busy;
    const auto profile = ready ? selectedProfile() : std::nullopt;
    m_ui->editButton->setEnabled(profile.has_value());
    m_ui->deleteButton->setEnabled(profile.has_value());
    m_ui->erasePassportButton->setEnabled(profile && profile->hasPassport);
    const bool any = ready && !m_book->all().isEmpty();
    m_ui->exportButton->setEnabled(any);
    m_ui->exportPassportsCheckBox->setEnabled(any);
}

void ProfilesDialog::setBusy(bool busy) {
    m_busy = busy;
    updateActions();
}

void ProfilesDialog::say(const QString &text, bool error) {
    showToned(m_ui->statusLabel, text, error ? Tone::Error : Tone::Neutral);
}

void ProfilesDialog::editSelected() {
    const auto profile = selectedProfile();
    if (!profile || m_busy)
        return;
    auto *dialog = new ProfileEditDialog(m_book, *profile, this);
    dialog->setObjectName(QStringLiteral("profileEditDialog"));
    connect(dialog, &ProfileEditDialog::saved, this, [this](const TravellerProfile &saved) {
        //: %1 the traveller's name.
        say(tr("The profile of %1 was saved.").arg(saved.displayName()));
        m_ui->profilesTableView->setFocus(Qt::OtherFocusReason);
    });
    dialog->open();
}

void ProfilesDialog::deleteSelected() {
    const auto profile = selectedProfile();
    if (!profile || m_busy)
        return;
    const QString id = profile->id;
    const QString name = profile->displayName();
    const int row = m_ui->profilesTableView->currentIndex().row();
    QPointer<ProfilesDialog> self(this);
    MessageBox::ask(
        this, tr("Delete traveller profile"),
        //: %1 the traveller's name.
        tr("Delete the profile of %1? Their details and any saved passport are removed from this "
           "desk. Bookings already made keep their passengers.")
            .arg(name),
        tr("&Delete"), [self, id, name, row](bool yes) {
            if (!self || !yes)
                return;
            self->setBusy(true);
            self->say(tr("Deleting the profile…"));
            self->m_book->remove(id, [self, name, row](Result<bool> removed) {
                if (!self)
                    return;
                self->setBusy(false);
                if (!removed) {
                    //: %1 the reason, in English.
                    self->say(tr("The profile was not deleted: %1")
                                  .arg(sentence(removed.error().message)),
                              true);
                    return;
                }
                self->say(*removed ? tr("The profile of %1 was deleted.").arg(name)
                                   : tr("That profile had already been deleted."));
                // The next traveller, where the deleted one was: Delete again goes on.
                self->selectRow(std::min(row, self->m_filter->rowCount() - 1));
                self->m_ui->profilesTableView->setFocus(Qt::OtherFocusReason);
            });
        });
}

void ProfilesDialog::erasePassportOfSelected() {
    auto profile = selectedProfile();
    if (!profile || !profile->hasPassport || m_busy)
        return;
    // Without a passport of its own the update keeps nothing sealed: the stored one is erased.
    profile->passport.reset();
    QPointer<ProfilesDialog> self(this);
    MessageBox::ask(
        this, tr("Erase passport"),
        //: %1 the traveller's name.
        tr("Erase the passport saved with the profile of %1? The rest of the profile stays; the "
           "passport will have to be typed again for their next booking.")
            .arg(profile->displayName()),
        tr("&Erase"), [self, p = *profile](bool yes) {
            if (!self || !yes)
                return;
            self->setBusy(true);
            self->say(tr("Erasing the passport…"));
            self->m_book->update(p, true, [self](Result<TravellerProfile> stored) {
                if (!self)
                    return;
                self->setBusy(false);
                if (!stored) {
                    //: %1 the reason, in English.
                    self->say(
                        tr("The passport was not erased: %1").arg(sentence(stored.error().message)),
                        true);
                    return;
                }
                //: %1 the traveller's name.
                self->say(tr("The passport of %1 was erased.").arg(stored->displayName()));
            });
        });
}

void ProfilesDialog::askExportFile() {
    if (m_busy)
        return;
    if (s_nextExportFile) {
        const QString file = *std::exchange(s_nextExportFile, std::nullopt);
        if (!file.isEmpty())
            exportTo(file);
        return;
    }
    // open(), not getSaveFileName(): no nested event loop on the GUI thread.
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(QStringLiteral("traveller-profiles.json"));
    auto *box = new QFileDialog(this, tr("Export traveller profiles"), suggested,
                                tr("JSON files (*.json)"));
    box->setObjectName(QStringLiteral("exportFileDialog"));
    box->setAcceptMode(QFileDialog::AcceptSave);
    box->setDefaultSuffix(QStringLiteral("json"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QFileDialog::fileSelected, this, &ProfilesDialog::exportTo);
    box->open();
}

void ProfilesDialog::exportTo(const QString &file) {
    if (!m_book || file.isEmpty())
        return;
    const bool withPassports = m_ui->exportPassportsCheckBox->isChecked();
    setBusy(true);
    say(tr("Exporting the traveller profiles…"));
    QPointer<ProfilesDialog> self(this);
    m_book->exportTo(file, withPassports, [self, file, withPassports](Result<int> count) {
        if (!self)
            return;
        self->setBusy(false);
        if (!count) {
            //: %1 the reason, in English.
            self->say(tr("Nothing was exported: %1").arg(sentence(count.error().message)), true);
            return;
        }
        const QString where = QDir::toNativeSeparators(file);
        // Separate sentences rather than %n: no translator is loaded for English.
        QString text;
        if (*count == 1)
            //: %1 the file.
            text = tr("1 profile exported to %1.").arg(where);
        else
            //: %1 how many (0, or 2 or more), %2 the file.
            text = tr("%1 profiles exported to %2.").arg(QString::number(*count), where);
        if (withPassports)
            text += QLatin1Char(' ') + tr("Passport numbers are in the file: keep it safe.");
        self->say(text);
    });
}

} // namespace fd::ui
