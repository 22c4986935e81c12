#include "passenger.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace fd {
namespace {

// Qualified calls (Text::tr) so that lupdate files each string under this context, whatever
// function it is in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(fd::Passenger)
};

// Reads an optional string field; anything else present is reported, not guessed at.
QString stringField(const QJsonObject &o, const char *name, int index, const QString &prefix,
                    Report &issues) {
    const QJsonValue v = o.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString()) {
        issues.add({index, prefix + QLatin1String(name), QStringLiteral("wrong_type"),
                    Text::tr("Must be text (a JSON string).")});
        return {};
    }
    return v.toString();
}

} // namespace

QJsonObject Passenger::toJson() const {
    QJsonObject o;
    const auto put = [&o](const char *key, const QString &value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    put("id", id);
    put("title", title);
    put("given_name", givenName.trimmed());
    put("family_name", familyName.trimmed());
    put("born_on", bornOn);
    put("gender", gender);
    put("email", email.trimmed());
    put("phone_number", phoneNumber);
    if (!identityDocuments.isEmpty()) {
        QJsonArray docs;
        for (const IdentityDocument &d : identityDocuments)
            docs.append(QJsonObject{{QStringLiteral("type"), d.type},
                                    {QStringLiteral("unique_identifier"), d.uniqueIdentifier},
                                    {QStringLiteral("issuing_country_code"), d.issuingCountryCode},
                                    {QStringLiteral("expires_on"), d.expiresOn}});
        o.insert(QStringLiteral("identity_documents"), docs);
    }
    return o;
}

QJsonArray passengersToJournalJson(const QList<Passenger> &passengers) {
    QJsonArray json;
    for (const Passenger &p : passengers) {
        QJsonObject o = p.toJson();
        if (!p.type.isEmpty())
            o.insert(QStringLiteral("type"), p.type);
        json.append(o);
    }
    return json;
}

Result<PassengerList> passengersFromJson(const QJsonValue &value) {
    if (!value.isArray())
        return Error{QStringLiteral("wrong_shape"),
                     Text::tr("Passengers must be a JSON array of passenger objects.")};
    PassengerList out;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return Error{QStringLiteral("wrong_shape"),
                         Text::tr("Passenger %1 is not a JSON object.").arg(i)};
        const QJsonObject o = array.at(i).toObject();
        const int n = static_cast<int>(i);
        Report &iss = out.typeIssues;
        const QString none;
        Passenger p;
        p.id = stringField(o, "id", n, none, iss);
        p.type = stringField(o, "type", n, none, iss);
        p.title = stringField(o, "title", n, none, iss);
        p.givenName = stringField(o, "given_name", n, none, iss);
        p.familyName = stringField(o, "family_name", n, none, iss);
        p.bornOn = stringField(o, "born_on", n, none, iss);
        p.gender = stringField(o, "gender", n, none, iss);
        p.email = stringField(o, "email", n, none, iss);
        p.phoneNumber = stringField(o, "phone_number", n, none, iss);
        const QJsonValue docs = o.value(QLatin1String("identity_documents"));
        if (docs.isArray()) {
            const QJsonArray list = docs.toArray();
            for (qsizetype d = 0; d < list.size(); ++d) {
                const QString prefix = QStringLiteral("identity_documents[%1].").arg(d);
                if (!list.at(d).isObject()) {
                    iss.add({n, QStringLiteral("identity_documents[%1]").arg(d),
                             QStringLiteral("wrong_type"), Text::tr("Must be a document object.")});
                    continue;
                }
                const QJsonObject doc = list.at(d).toObject();
                p.identityDocuments.append(
                    {stringField(doc, "type", n, prefix, iss),
                     stringField(doc, "unique_identifier", n, prefix, iss),
                     stringField(doc, "issuing_country_code", n, prefix, iss),
                     stringField(doc, "expires_on", n, prefix, iss)});
            }
        } else if (!docs.isUndefined() && !docs.isNull()) {
            iss.add({n, QStringLiteral("identity_documents"), QStringLiteral("wrong_type"),
                     Text::tr("Must be a list (a JSON array) of documents.")});
        }
        out.passengers.append(std::move(p));
    }
    return out;
}

} // namespace fd
