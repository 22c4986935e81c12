#include "messagebox.h"

#include <QMessageBox>
#include <QPushButton>

namespace fd::ui {

void MessageBox::ask(QWidget *parent, const QString &title, const QString &text,
                     const QString &yesText, std::function<void(bool)> answer) {
    if (s_next) {
        const bool yes = *std::exchange(s_next, std::nullopt);
        answer(yes);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    QPushButton *yes = box->addButton(yesText, QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, box, [box, yes, answer = std::move(answer)] {
        answer(box->clickedButton() == yes);
    });
    box->open();
}

} // namespace fd::ui
