#pragma once

#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace fd::ui {

// Asks a yes/no question without a nested event loop: `answer` runs when the agent decides.
// Tests queue the answer with setNextAnswer(), and no dialog is shown for it.
class MessageBox {
public:
    static void ask(QWidget *parent, const QString &title, const QString &text,
                    const QString &yesText, std::function<void(bool)> answer);
    static void setNextAnswer(bool yes) { s_next = yes; }

private:
    static inline std::optional<bool> s_next;
};

} // namespace fd::ui
