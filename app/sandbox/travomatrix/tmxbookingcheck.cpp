#include "tmxbookingcheck.h"

#include <QRegularExpression>
#include <QSet>

#include <limits>
#include <optional>

namespace fd::sandbox::tmx {

namespace {

// An object-valued field; records the issue and returns nothing when it is not one.
std::optional<QJsonObject> requireObject(const QJsonObject &o, const QString &key,
                                         FieldErrors &errors, const QString &prefix = {}) {
    const auto v = o.value(key);
    if (v.isUndefined()) {
        errors.add(fieldPath(prefix, key), QStringLiteral("is required"));
        return std::nullopt;
    }
    if (!v.isObject()) {
        errors.add(fieldPath(prefix, key), QStringLiteral("must be an object"));
        return std::nullopt;
    }
    return v.toObject();
}

void requireOneOf(const QJsonObject &o, const QString &key, const QStringList &allowed,
                  FieldErrors &errors, const QString &prefix) {
    const QString value = requireString(o, key, errors, prefix);
    if (!value.isEmpty() && !allowed.contains(value))
        errors.add(fieldPath(prefix, key),
                   QStringLiteral("must be one of %1").arg(allowed.join(QStringLiteral(", "))));
}

void validatePassport(const QJsonObject &passport, const QString &at, const Fare &fare,
                      FieldErrors &errors) {
    requireString(passport, QStringLiteral("number"), errors, at);
    static const QRegularExpression country(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Z]{2}")));
    const QString issuer = requireString(passport, QStringLiteral("issuing_country"), errors, at);
    if (!issuer.isEmpty() && !country.match(issuer).hasMatch())
        errors.add(at + QStringLiteral(".issuing_country"),
                   QStringLiteral("must be an ISO 3166-1 alpha-2 code"));
    const QDate expires = requireDate(passport, QStringLiteral("expiry_date"), errors, at);
    // The contract's own words for a passport that runs out before the last flight.
    if (expires.isValid() && expires < fare.lastDeparture)
        errors.add(at + QStringLiteral(".expiry_date"), QStringLiteral("before travel"));
}

void validateTraveller(const QJsonObject &t, const QString &at, const FareTraveller &priced,
                       const Fare &fare, FieldErrors &errors) {
    requireOneOf(t, QStringLiteral("title"),
                 {QStringLiteral("MR"), QStringLiteral("MS"), QStringLiteral("MRS"),
                  QStringLiteral("MISS"), QStringLiteral("DR")},
                 errors, at);
    requireString(t, QStringLiteral("first_name"), errors, at);
    requireString(t, QStringLiteral("last_name"), errors, at);
    const QDate born = requireDate(t, QStringLiteral("date_of_birth"), errors, at);
    if (born.isValid()) {
        if (born > fare.firstDeparture) {
            errors.add(at + QStringLiteral(".date_of_birth"),
                       QStringLiteral("is after the first departure"));
        } else {
            const QString type = travellerTypeForAge(ageOn(born, fare.firstDeparture));
            if (type != priced.type)
                errors.add(at + QStringLiteral(".date_of_birth"),
                           QStringLiteral("makes this traveller %1 on %2, but %3 is priced as %4")
                               .arg(type, fare.firstDeparture.toString(Qt::ISODate), priced.ref,
                                    priced.type));
        }
    }
    requireOneOf(t, QStringLiteral("gender"), {QStringLiteral("M"), QStringLiteral("F")}, errors,
                 at);
    const QString passportAt = at + QStringLiteral(".passport");
    const auto passport = t.value(QLatin1String("passport"));
    if (fare.passportRequired || (!passport.isUndefined() && !passport.isNull())) {
        if (const auto p = requireObject(t, QStringLiteral("passport"), errors, at))
            validatePassport(*p, passportAt, fare, errors);
    }
}

void validateContact(const QJsonObject &body, FieldErrors &errors) {
    const auto contact = requireObject(body, QStringLiteral("contact"), errors);
    if (!contact)
        return;
    const QString at = QStringLiteral("contact");
    const QString email = requireString(*contact, QStringLiteral("email"), errors, at);
    if (!email.isEmpty() && !looksLikeEmail(email))
        errors.add(at + QStringLiteral(".email"), QStringLiteral("must be an email address"));
    const QString phone = requireString(*contact, QStringLiteral("phone"), errors, at);
    if (!phone.isEmpty() && !isE164(phone))
        errors.add(at + QStringLiteral(".phone"), QStringLiteral("must be E.164 (+2348012345678)"));
}

void validatePayment(const QJsonObject &body, const Fare &fare, FieldErrors &errors) {
    const auto payment = requireObject(body, QStringLiteral("payment"), errors);
    if (!payment)
        return;
    const QString at = QStringLiteral("payment");
    requireOneOf(*payment, QStringLiteral("method"), {QStringLiteral("WALLET")}, errors, at);
    const QString currency = requireString(*payment, QStringLiteral("currency"), errors, at);
    const auto amount = readInteger(*payment, QStringLiteral("amount"), errors, 0,
                                    std::numeric_limits<qint32>::max(), true, at);
    if (!currency.isEmpty() && currency != fare.price.currency())
        errors.add(at + QStringLiteral(".currency"),
                   QStringLiteral("must be the fare's currency %1").arg(fare.price.currency()));
    else if (amount && *amount != fare.price.minorUnits())
        errors.add(at + QStringLiteral(".amount"),
                   QStringLiteral("must equal the fare's price %1").arg(fare.price.minorUnits()));
}

} // namespace

Outcome<QString> bookingFareId(const QJsonObject &body) {
    FieldErrors errors;
    const QString id = requireString(body, QStringLiteral("fare_id"), errors);
    if (!errors.isEmpty())
        return Error::validation(errors.list);
    return id;
}

QList<FieldError> validateBookingCreate(const QJsonObject &body, const Fare &fare) {
    FieldErrors errors;
    const auto travellers = requireArray(body, QStringLiteral("travellers"), errors,
                                         fare.travellers.size(), fare.travellers.size());
    QSet<QString> seen;
    for (qsizetype i = 0; i < travellers.size(); ++i) {
        const QString at = QStringLiteral("travellers[%1]").arg(i);
        if (!travellers[i].isObject()) {
            errors.add(at, QStringLiteral("must be an object"));
            continue;
        }
        const auto t = travellers[i].toObject();
        const QString ref = requireString(t, QStringLiteral("ref"), errors, at);
        if (ref.isEmpty())
            continue;
        const auto priced = std::find_if(fare.travellers.begin(), fare.travellers.end(),
                                         [&](const FareTraveller &ft) { return ft.ref == ref; });
        if (priced == fare.travellers.end()) {
            errors.add(at + QStringLiteral(".ref"),
                       QStringLiteral("\"%1\" is not a traveller of fare %2").arg(ref, fare.id));
            continue;
        }
        if (seen.contains(ref)) {
            errors.add(at + QStringLiteral(".ref"),
                       QStringLiteral("\"%1\" appears twice").arg(ref));
            continue;
        }
        seen.insert(ref);
        validateTraveller(t, at, *priced, fare, errors);
    }
    validateContact(body, errors);
    validatePayment(body, fare, errors);
    return errors.list;
}

} // namespace fd::sandbox::tmx
