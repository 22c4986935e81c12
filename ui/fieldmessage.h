#pragma once

#include "core/issue.h"

#include <QList>
#include <QString>

class QLabel;
class QWidget;

namespace fd::ui {

enum class Tone { Neutral, Warning, Error };

// "Error: …" / "Warning: …": the words carry the meaning, the colour only repeats it.
QString issueText(const Issue &issue);
QString issuesText(const QList<Issue> &issues); // one finding per line

// Shows `text` in `label` in the tone's colour (chosen for the label's palette, light or dark)
// and hides the label when the text is empty.
void showToned(QLabel *label, const QString &text, Tone tone);

// The findings for one input: in the label next to it, and as the input's accessible
// description so a screen reader says the same thing.
void showIssues(QLabel *label, QWidget *input, const QList<Issue> &issues);

} // namespace fd::ui
