#include "countrylist.h"

#include "core/isocodes.h"

#include <QComboBox>
#include <QCompleter>

#include <algorithm>

namespace fd::ui {

const QList<Country> &countries() {
    static const QList<Country> list = [] {
        QList<Country> out;
        for (const iso::Country &c : iso::countries())
            out.append({c.alpha2, c.commonName.isEmpty() ? c.name : c.commonName});
        std::sort(out.begin(), out.end(), [](const Country &a, const Country &b) {
            return QString::localeAwareCompare(a.name, b.name) < 0;
        });
        return out;
    }();
    return list;
}

QString countryEntryText(const QString &code) {
    for (const Country &c : countries())
        if (c.code == code)
            return QStringLiteral("%1 (%2)").arg(c.name, c.code);
    return code;
}

void fillCountryCombo(QComboBox *combo) {
    combo->clear();
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->addItem(QString(), QString());
    for (const Country &c : countries())
        combo->addItem(QStringLiteral("%1 (%2)").arg(c.name, c.code), c.code);
    auto *completer = new QCompleter(combo->model(), combo);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    combo->setCompleter(completer);
    combo->setCurrentIndex(0);
}

QString countryCodeFromComboText(const QString &text) {
    QString t = text.trimmed(); // not const: returned by move
    if (t.isEmpty())
        return {};
    for (const Country &c : countries()) {
        if (t.compare(c.code, Qt::CaseInsensitive) == 0 ||
            t.compare(c.name, Qt::CaseInsensitive) == 0 ||
            t == QStringLiteral("%1 (%2)").arg(c.name, c.code))
            return c.code;
    }
    return t;
}

} // namespace fd::ui
