#include "travellerprofile.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace fd {

QString TravellerProfile::displayName() const {
    return QStringList{givenName, familyName}.join(QLatin1Char(' ')).trimmed();
}

namespace profiles {

QString fold(const QString &text) {
    QString out;
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    out.reserve(decomposed.size());
    for (const QChar c : decomposed)
        if (c.category() != QChar::Mark_NonSpacing)
            out += c.toLower();
    return out;
}

TravellerProfile fromPassenger(const Passenger &passenger, bool withPassport) {
    TravellerProfile p;
    p.title = passenger.title;
    p.givenName = passenger.givenName.trimmed();
    p.familyName = passenger.familyName.trimmed();
    p.bornOn = passenger.bornOn;
    p.gender = passenger.gender;
    p.email = passenger.email.trimmed();
    p.phoneNumber = passenger.phoneNumber.trimmed();
    if (withPassport)
        for (const IdentityDocument &d : passenger.identityDocuments)
            if (d.type == QLatin1String("passport") && !d.uniqueIdentifier.isEmpty()) {
                p.passport = d;
                p.hasPassport = true;
                break;
            }
    return p;
}

Passenger fill(Passenger card, const TravellerProfile &profile) {
    const auto take = [](QString &field, const QString &value) {
        if (!value.isEmpty())
            field = value;
    };
    take(card.title, profile.title);
    take(card.givenName, profile.givenName);
    take(card.familyName, profile.familyName);
    take(card.bornOn, profile.bornOn);
    take(card.gender, profile.gender);
    take(card.email, profile.email);
    take(card.phoneNumber, profile.phoneNumber);
    if (profile.passport)
        card.identityDocuments = {*profile.passport};
    return card;
}

bool samePerson(const TravellerProfile &profile, const TravellerProfile &other) {
    return fold(profile.givenName.simplified()) == fold(other.givenName.simplified()) &&
           fold(profile.familyName.simplified()) == fold(other.familyName.simplified()) &&
           profile.bornOn == other.bornOn;
}

namespace {

QStringList words(const QString &text) {
    static const QRegularExpression separators(QStringLiteral("[\\s\\-']+"));
    return fold(text).split(separators, Qt::SkipEmptyParts);
}

// 0: the first word typed starts the given name; 1: it starts a family name word; 2: another.
int rank(const TravellerProfile &p, const QStringList &typed) {
    if (words(p.givenName).value(0).startsWith(typed.value(0)))
        return 0;
    for (const QString &w : words(p.familyName))
        if (w.startsWith(typed.value(0)))
            return 1;
    return 2;
}

} // namespace

bool matchesName(const TravellerProfile &profile, const QString &typed) {
    const QStringList wanted = words(typed);
    if (wanted.isEmpty())
        return false;
    QStringList names = words(profile.givenName) + words(profile.familyName);
    // Each typed word takes a name word of its own ("a a" needs two names starting with a).
    for (const QString &w : wanted) {
        const auto hit = std::find_if(names.begin(), names.end(),
                                      [&w](const QString &n) { return n.startsWith(w); });
        if (hit == names.end())
            return false;
        names.erase(hit);
    }
    return true;
}

QList<TravellerProfile> matching(const QList<TravellerProfile> &all, const QString &typed,
                                 int limit) {
    const QStringList wanted = words(typed);
    QList<std::pair<int, TravellerProfile>> hits;
    for (const TravellerProfile &p : all)
        if (matchesName(p, typed))
            hits.append({rank(p, wanted), p});
    std::stable_sort(hits.begin(), hits.end(), [](const auto &a, const auto &b) {
        if (a.first != b.first)
            return a.first < b.first;
        const QString an = fold(a.second.displayName()), bn = fold(b.second.displayName());
        return an != bn ? an < bn : a.second.bornOn < b.second.bornOn;
    });
    QList<TravellerProfile> out;
    for (const auto &h : std::as_const(hits)) {
        if (out.size() >= limit)
            break;
        out.append(h.second);
    }
    return out;
}

QJsonObject exportJson(const QList<TravellerProfile> &all, bool withPassports) {
    QJsonArray list;
    for (const TravellerProfile &p : all) {
        QJsonObject o{{QStringLiteral("id"), p.id},
                      {QStringLiteral("title"), p.title},
                      {QStringLiteral("given_name"), p.givenName},
                      {QStringLiteral("family_name"), p.familyName},
                      {QStringLiteral("born_on"), p.bornOn},
                      {QStringLiteral("gender"), p.gender},
                      {QStringLiteral("email"), p.email},
                      {QStringLiteral("phone_number"), p.phoneNumber},
                      {QStringLiteral("updated_at"), p.updatedAt.toUTC().toString(Qt::ISODate)}};
        if (withPassports && p.passport)
            o.insert(QStringLiteral("identity_documents"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("type"), QStringLiteral("passport")},
                         {QStringLiteral("unique_identifier"), p.passport->uniqueIdentifier},
                         {QStringLiteral("issuing_country_code"), p.passport->issuingCountryCode},
                         {QStringLiteral("expires_on"), p.passport->expiresOn}}});
        list.append(o);
    }
    return QJsonObject{{QStringLiteral("traveller_profiles"), list},
                       {QStringLiteral("count"), list.size()}};
}

} // namespace profiles
} // namespace fd
