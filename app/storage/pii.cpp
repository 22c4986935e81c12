#include "pii.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fd {
namespace {

QJsonValue walk(const QJsonValue &value, bool inIdentityDocuments);

QJsonObject walkObject(const QJsonObject &o, bool isIdentityDocument) {
    QJsonObject out;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString &key = it.key();
        if (key == QLatin1String("born_on") ||
            (isIdentityDocument && key == QLatin1String("unique_identifier"))) {
            out.insert(key, QString());
            continue;
        }
        out.insert(key, walk(it.value(), key == QLatin1String("identity_documents")));
    }
    return out;
}

QJsonValue walk(const QJsonValue &value, bool inIdentityDocuments) {
    if (value.isObject())
        return walkObject(value.toObject(), inIdentityDocuments);
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(item.isObject()
                           ? QJsonValue(walkObject(item.toObject(), inIdentityDocuments))
                           : walk(item, false));
        return out;
    }
    return value;
}

} // namespace

QJsonValue erasePii(const QJsonValue &value) {
    return walk(value, false);
}

std::optional<QByteArray> erasePiiJson(const QByteArray &json) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    const QJsonValue erased =
        erasePii(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()));
    return erased.isObject() ? QJsonDocument(erased.toObject()).toJson(QJsonDocument::Compact)
                             : QJsonDocument(erased.toArray()).toJson(QJsonDocument::Compact);
}

} // namespace fd
