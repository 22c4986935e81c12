#pragma once

#include "apierror.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>

namespace fd::sandbox {

// Collects every field problem of one body, so a client learns all of them in one answer.
struct FieldErrors {
    QList<FieldError> list;
    void add(const QString &field, const QString &message) { list.append({field, message}); }
    bool isEmpty() const { return list.isEmpty(); }
};

// "passengers[0]" + "email" -> "passengers[0].email"; an empty prefix gives the bare key.
QString fieldPath(const QString &prefix, const QString &key);

// Readers that record a precise message when the field is missing or of the wrong type, and
// return an empty value then. Pure functions over QJsonObject.
QJsonArray requireArray(const QJsonObject &o, const QString &key, FieldErrors &errors,
                        qsizetype min, qsizetype max, const QString &prefix = {});
QString requireString(const QJsonObject &o, const QString &key, FieldErrors &errors,
                      const QString &prefix = {});
QDate requireDate(const QJsonObject &o, const QString &key, FieldErrors &errors,
                  const QString &prefix = {});
// Present-but-wrong-type is an error; absent is fine (returns a null QString).
QString optionalString(const QJsonObject &o, const QString &key, FieldErrors &errors,
                       const QString &prefix = {});

QDate parseIsoDate(const QString &text); // strict YYYY-MM-DD, else invalid
// Age in whole years on a date, for the adult/child/infant rules of the contracts.
int ageOn(const QDate &born, const QDate &on);
bool isE164(const QString &phone);
bool looksLikeEmail(const QString &email);

// Parses a request body that must be {"data": {...}}; the error names what is wrong.
ApiResult<QJsonObject> parseDataBody(const QByteArray &body);

} // namespace fd::sandbox
