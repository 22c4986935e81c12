#include "isocodes.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fd::iso {
namespace {

// Function-local statics below: initialised once, on first use, thread-safe (C++11).
QJsonArray load(const QString &resource, const QString &listKey) {
    QFile f(resource);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("iso-codes data missing from the build: %s", qPrintable(resource));
    return QJsonDocument::fromJson(f.readAll()).object().value(listKey).toArray();
}

const QHash<QString, QString> &namesByAlpha2() {
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> out;
        for (const Country &c : countries())
            out.insert(c.alpha2, c.name);
        return out;
    }();
    return table;
}

const QHash<QString, QString> &currencies() {
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> out;
        for (const QJsonValue &v :
             load(QStringLiteral(":/iso-codes/iso_4217.json"), QStringLiteral("4217"))) {
            const QJsonObject o = v.toObject();
            out.insert(o.value(QLatin1String("alpha_3")).toString(),
                       o.value(QLatin1String("name")).toString());
        }
        return out;
    }();
    return table;
}

} // namespace

const QList<Country> &countries() {
    static const QList<Country> list = [] {
        QList<Country> out;
        for (const QJsonValue &v :
             load(QStringLiteral(":/iso-codes/iso_3166-1.json"), QStringLiteral("3166-1"))) {
            const QJsonObject o = v.toObject();
            out.append({o.value(QLatin1String("alpha_2")).toString(),
                        o.value(QLatin1String("alpha_3")).toString(),
                        o.value(QLatin1String("name")).toString(),
                        o.value(QLatin1String("common_name")).toString()});
        }
        return out;
    }();
    return list;
}

bool isCountry(const QString &alpha2) {
    return namesByAlpha2().contains(alpha2);
}
QString countryName(const QString &alpha2) {
    return namesByAlpha2().value(alpha2);
}
bool isCurrency(const QString &alpha3) {
    return currencies().contains(alpha3);
}

} // namespace fd::iso
