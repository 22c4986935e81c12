#include "isocodes.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fd::iso {
namespace {

QHash<QString, QString> load(const QString &resource, const QString &listKey,
                             const QString &codeKey) {
    QHash<QString, QString> out;
    QFile f(resource);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("iso-codes data missing from the build: %s", qPrintable(resource));
    const QJsonArray list = QJsonDocument::fromJson(f.readAll()).object().value(listKey).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        out.insert(o.value(codeKey).toString(), o.value(QLatin1String("name")).toString());
    }
    return out;
}

const QHash<QString, QString> &countries() {
    static const auto table = load(QStringLiteral(":/iso-codes/iso_3166-1.json"),
                                   QStringLiteral("3166-1"), QStringLiteral("alpha_2"));
    return table;
}

const QHash<QString, QString> &currencies() {
    static const auto table = load(QStringLiteral(":/iso-codes/iso_4217.json"),
                                   QStringLiteral("4217"), QStringLiteral("alpha_3"));
    return table;
}

} // namespace

bool isCountry(const QString &alpha2) {
    return countries().contains(alpha2);
}
QString countryName(const QString &alpha2) {
    return countries().value(alpha2);
}
bool isCurrency(const QString &alpha3) {
    return currencies().contains(alpha3);
}

} // namespace fd::iso
