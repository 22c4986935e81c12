#include "jsonfields.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace fd::sandbox {

namespace {

QString typeName(const QJsonValue &v) {
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

} // namespace

QString fieldPath(const QString &prefix, const QString &key) {
    return prefix.isEmpty() ? key : prefix + QLatin1Char('.') + key;
}

QJsonArray requireArray(const QJsonObject &o, const QString &key, FieldErrors &errors,
                        qsizetype min, qsizetype max, const QString &prefix) {
    const QString at = fieldPath(prefix, key);
    const auto v = o.value(key);
    if (v.isUndefined()) {
        errors.add(at, QStringLiteral("is required"));
        return {};
    }
    if (!v.isArray()) {
        errors.add(at, QStringLiteral("must be an array, not %1").arg(typeName(v)));
        return {};
    }
    auto a = v.toArray(); // not const: returned by move
    if (a.size() < min || a.size() > max) {
        errors.add(at, min == max ? QStringLiteral("must hold exactly %1 item(s)").arg(min)
                                  : QStringLiteral("must hold %1 to %2 items").arg(min).arg(max));
        return a.size() > max ? QJsonArray{} : a;
    }
    return a;
}

QString requireString(const QJsonObject &o, const QString &key, FieldErrors &errors,
                      const QString &prefix) {
    const QString at = fieldPath(prefix, key);
    const auto v = o.value(key);
    if (v.isUndefined()) {
        errors.add(at, QStringLiteral("is required"));
        return {};
    }
    if (!v.isString()) {
        errors.add(at, QStringLiteral("must be a string, not %1").arg(typeName(v)));
        return {};
    }
    QString text = v.toString(); // not const: returned by move
    if (text.trimmed().isEmpty()) {
        errors.add(at, QStringLiteral("must not be empty"));
        return {};
    }
    // Like the real provider: a value is taken as sent, so an invisible line break, tab or
    // no-break space at either end would end up on a ticket. Refused, never trimmed.
    if (text != text.trimmed()) {
        errors.add(at, QStringLiteral("must not start or end with a space, tab or line break"));
        return {};
    }
    const bool control = std::any_of(text.cbegin(), text.cend(),
                                     [](QChar c) { return c.category() == QChar::Other_Control; });
    if (control) {
        errors.add(at, QStringLiteral("must not contain control characters"));
        return {};
    }
    return text;
}

QString optionalString(const QJsonObject &o, const QString &key, FieldErrors &errors,
                       const QString &prefix) {
    if (!o.contains(key))
        return {};
    return requireString(o, key, errors, prefix);
}

QDate parseIsoDate(const QString &text) {
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("[0-9]{4}-[0-9]{2}-[0-9]{2}")));
    if (!re.match(text).hasMatch())
        return {};
    return QDate::fromString(text, Qt::ISODate);
}

int ageOn(const QDate &born, const QDate &on) {
    int age = on.year() - born.year();
    if (on.month() < born.month() || (on.month() == born.month() && on.day() < born.day()))
        --age;
    return age;
}

QDate requireDate(const QJsonObject &o, const QString &key, FieldErrors &errors,
                  const QString &prefix) {
    const QString text = requireString(o, key, errors, prefix);
    if (text.isEmpty())
        return {};
    const QDate d = parseIsoDate(text);
    if (!d.isValid())
        errors.add(fieldPath(prefix, key), QStringLiteral("must be a date YYYY-MM-DD"));
    return d;
}

bool isE164(const QString &phone) {
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("\\+[1-9][0-9]{6,14}")));
    return re.match(phone).hasMatch();
}

bool looksLikeEmail(const QString &email) {
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")));
    return re.match(email).hasMatch();
}

ApiResult<QJsonObject> parseDataBody(const QByteArray &body) {
    if (body.trimmed().isEmpty())
        return ApiError::validation(QStringLiteral("body"),
                                    QStringLiteral("is empty; send {\"data\": {...}}"));
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return ApiError::validation(QStringLiteral("body"),
                                    QStringLiteral("is not valid JSON: %1 at offset %2")
                                        .arg(error.errorString())
                                        .arg(error.offset));
    if (!doc.isObject())
        return ApiError::validation(QStringLiteral("body"),
                                    QStringLiteral("must be a JSON object {\"data\": {...}}"));
    const auto data = doc.object().value(QLatin1String("data"));
    if (!data.isObject())
        return ApiError::validation(
            QStringLiteral("data"),
            data.isUndefined() ? QStringLiteral("is required")
                               : QStringLiteral("must be an object, not %1").arg(typeName(data)));
    return data.toObject();
}

} // namespace fd::sandbox
