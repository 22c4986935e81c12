#pragma once

#include <QList>
#include <QString>

class QComboBox;

namespace fd::ui {

struct Country {
    QString code; // ISO 3166-1 alpha-2
    QString name;
};

// Every ISO 3166-1 country, by name, from the iso-codes data embedded in the core.
const QList<Country> &countries();

// Fills an editable combo with "Nigeria (NG)" entries (item data: the code) and a completer that
// matches names and codes anywhere in the text, in any case.
void fillCountryCombo(QComboBox *combo);

// The ISO code the agent meant: an entry's text, a code in any case, or a country's name;
// otherwise the text as typed (validation then says what is wrong with it).
QString countryCodeFromComboText(const QString &text);

// The entry text for a code ("NG" → "Nigeria (NG)"); the code itself when unknown.
QString countryEntryText(const QString &code);

} // namespace fd::ui
