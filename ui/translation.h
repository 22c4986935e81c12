#pragma once

#include <QList>
#include <QString>

namespace fd::ui {

// A language FlightDesk ships a translation for: its code and its name in itself.
struct Language {
    QString code; // "fr"
    QString name; // "Français"
};

// English first, then every translation built in (resources/translations/flightdesk_*.ts).
QList<Language> shippedLanguages();

// Puts the window in `code`'s language ("fr"; empty: the system locale's, English when there
// is no translation for it): FlightDesk's strings, Qt's own (standard buttons and dialogs) when
// installed, and dates and numbers in that language's format. Replaces what an earlier call
// installed. Returns the code of the language now shown ("en" when none was found).
QString installTranslation(const QString &code);

} // namespace fd::ui
