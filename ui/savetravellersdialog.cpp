#include "savetravellersdialog.h"

#include "ui_savetravellersdialog.h"

#include <QPushButton>

namespace fd::ui {

SaveTravellersDialog::SaveTravellersDialog(const QList<Passenger> &passengers, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SaveTravellersDialog>())
    , m_passengers(passengers) {
    m_ui->setupUi(this);
    bool anyPassport = false;
    for (const Passenger &p : passengers) {
        auto *item = new QListWidgetItem(
            QStringList{p.givenName, p.familyName}.join(QLatin1Char(' ')).trimmed(),
            m_ui->travellersListWidget);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        anyPassport = anyPassport || !p.identityDocuments.isEmpty();
    }
    m_ui->travellersListWidget->setCurrentRow(0);
    m_ui->passportsCheckBox->setVisible(anyPassport);
    m_ui->passportsCheckBox->setChecked(false);
    QPushButton *save = m_ui->buttonBox->button(QDialogButtonBox::Save);
    save->setDefault(true);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->travellersListWidget, &QListWidget::itemChanged, this,
            [this, save] { save->setEnabled(!chosen().isEmpty()); });
}

SaveTravellersDialog::~SaveTravellersDialog() = default;

QList<Passenger> SaveTravellersDialog::chosen() const {
    QList<Passenger> out;
    for (int i = 0; i < m_passengers.size(); ++i)
        if (m_ui->travellersListWidget->item(i)->checkState() == Qt::Checked)
            out.append(m_passengers.at(i));
    return out;
}

bool SaveTravellersDialog::withPassports() const {
    return !m_ui->passportsCheckBox->isHidden() && m_ui->passportsCheckBox->isChecked();
}

} // namespace fd::ui
