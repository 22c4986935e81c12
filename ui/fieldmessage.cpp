#include "fieldmessage.h"

#include <QCoreApplication>
#include <QLabel>
#include <QPalette>

namespace fd::ui {
namespace {

// Qualified calls (Text::tr) so that lupdate files each string under this context, whatever
// function it is in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(fd::ui::FieldMessage)
};

bool isDark(const QWidget *w) {
    return w->palette().color(QPalette::Window).lightness() < 128;
}

QString colourFor(Tone tone, bool dark) {
    switch (tone) {
    case Tone::Error:
        return dark ? QStringLiteral("#ff8a80") : QStringLiteral("#b00020");
    case Tone::Warning:
        return dark ? QStringLiteral("#ffd54f") : QStringLiteral("#8a5a00");
    case Tone::Neutral:
        break;
    }
    return {};
}

} // namespace

QString issueText(const Issue &issue) {
    return issue.isError()
               //: Prefix of a problem that blocks booking, shown next to a field.
               ? Text::tr("Error: %1").arg(issue.message)
               //: Prefix of a problem the agent should check but that does not block booking.
               : Text::tr("Warning: %1").arg(issue.message);
}

QString issuesText(const QList<Issue> &issues) {
    QStringList lines;
    for (const Issue &i : issues)
        lines << issueText(i);
    return lines.join(QLatin1Char('\n'));
}

void showToned(QLabel *label, const QString &text, Tone tone) {
    label->setTextFormat(Qt::PlainText);
    label->setText(text);
    const QString colour = colourFor(tone, isDark(label));
    label->setStyleSheet(colour.isEmpty() ? QString()
                                          : QStringLiteral("QLabel { color: %1; }").arg(colour));
    label->setVisible(!text.isEmpty());
}

void showIssues(QLabel *label, QWidget *input, const QList<Issue> &issues) {
    bool anyError = false;
    for (const Issue &i : issues)
        anyError = anyError || i.isError();
    const QString text = issuesText(issues);
    showToned(label, text, anyError ? Tone::Error : Tone::Warning);
    if (input)
        input->setAccessibleDescription(text);
}

} // namespace fd::ui
