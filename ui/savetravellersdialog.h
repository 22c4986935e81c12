#pragma once

#include "core/passenger.h"

#include <QDialog>
#include <QList>

#include <memory>

namespace Ui {
class SaveTravellersDialog;
}

namespace fd::ui {

// After a booking: which of its passengers to keep as traveller profiles (all ticked), and
// whether their passports go too (not unless the agent ticks it).
class SaveTravellersDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SaveTravellersDialog)

public:
    explicit SaveTravellersDialog(const QList<fd::Passenger> &passengers,
                                  QWidget *parent = nullptr);
    ~SaveTravellersDialog() override;

    QList<fd::Passenger> chosen() const; // the ticked ones
    bool withPassports() const;

private:
    std::unique_ptr<Ui::SaveTravellersDialog> m_ui;
    QList<fd::Passenger> m_passengers;
};

} // namespace fd::ui
