#include "translation.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace fd::ui {
namespace {

const QString kTranslations = QStringLiteral(":/i18n");

// The translators installed last; QCoreApplication owns them.
QTranslator *g_flightdesk = nullptr;
QTranslator *g_qt = nullptr;

void uninstall(QTranslator *&translator) {
    if (!translator)
        return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
    translator = nullptr;
}

} // namespace

QList<Language> shippedLanguages() {
    QList<Language> out{{QStringLiteral("en"), QStringLiteral("English")}};
    const QStringList files =
        QDir(kTranslations).entryList({QStringLiteral("flightdesk_*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString code = file.mid(11, file.size() - 11 - 3); // flightdesk_<code>.qm
        if (code == QLatin1String("en"))
            continue;
        QString name = QLocale(code).nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name.at(0).toUpper(); // "français" → "Français", as a menu lists it
        out.append({code, name.isEmpty() ? code : name});
    }
    return out;
}

QString installTranslation(const QString &code) {
    uninstall(g_flightdesk);
    uninstall(g_qt);
    const QLocale wanted = code.isEmpty() ? QLocale::system() : QLocale(code);
    auto *mine = new QTranslator(QCoreApplication::instance());
    QString shown = QStringLiteral("en");
    if (mine->load(wanted, QStringLiteral("flightdesk"), QStringLiteral("_"), kTranslations) &&
        !mine->language().startsWith(QLatin1String("en"))) {
        shown = QLocale(mine->language()).name().section(QLatin1Char('_'), 0, 0);
        QLocale::setDefault(wanted);
        auto *qt = new QTranslator(QCoreApplication::instance());
        if (qt->load(wanted, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
            g_qt = qt;
        } else {
            delete qt;
        }
    } else {
        // English: the sources' own text (flightdesk_en.qm holds only plural forms).
        (void)mine->load(QStringLiteral("flightdesk_en.qm"), kTranslations); // may be empty
        QLocale::setDefault(code.isEmpty() ? QLocale::system() : QLocale(QLocale::English));
    }
    QCoreApplication::installTranslator(mine);
    g_flightdesk = mine;
    return shown;
}

} // namespace fd::ui
