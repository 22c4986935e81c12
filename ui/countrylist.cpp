#include "countrylist.h"

#include <QComboBox>
#include <QCompleter>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace fd::ui {

const QList<Country> &countries() {
    static const QList<Country> list = [] {
        QList<Country> out;
        QFile f(QStringLiteral(":/iso-codes/iso_3166-1.json"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("iso-codes data missing from the build");
        const QJsonArray all =
            QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("3166-1")).toArray();
        for (const QJsonValue &v : all) {
            const QJsonObject o = v.toObject();
            const QString common = o.value(QLatin1String("common_name")).toString();
            out.append({o.value(QLatin1String("alpha_2")).toString(),
                        common.isEmpty() ? o.value(QLatin1String("name")).toString() : common});
        }
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
