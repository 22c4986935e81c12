#include "ordervalidation.h"

#include <QRegularExpression>
#include <QSet>

namespace fd::sandbox {

namespace {

QString expectedType(int age) {
    if (age >= 12)
        return QStringLiteral("adult");
    if (age >= 2)
        return QStringLiteral("child");
    return QStringLiteral("infant_without_seat");
}

void validatePassport(const QJsonObject &p, const QString &at, const Offer &offer,
                      FieldErrors &errors) {
    const auto docs = requireArray(p, QStringLiteral("identity_documents"), errors, 1, 4, at);
    if (docs.isEmpty())
        return;
    const QString dat = at + QStringLiteral(".identity_documents[0]");
    const auto d = docs.first().toObject();
    if (requireString(d, QStringLiteral("type"), errors, dat) != QLatin1String("passport") &&
        d.value(QLatin1String("type")).isString())
        errors.add(dat + QStringLiteral(".type"), QStringLiteral("must be passport"));
    requireString(d, QStringLiteral("unique_identifier"), errors, dat);
    static const QRegularExpression country(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Z]{2}")));
    const QString issuer = requireString(d, QStringLiteral("issuing_country_code"), errors, dat);
    if (!issuer.isEmpty() && !country.match(issuer).hasMatch())
        errors.add(dat + QStringLiteral(".issuing_country_code"),
                   QStringLiteral("must be an ISO 3166-1 alpha-2 code"));
    const QDate expires = requireDate(d, QStringLiteral("expires_on"), errors, dat);
    if (expires.isValid() && expires < offer.lastDeparture)
        errors.add(dat + QStringLiteral(".expires_on"),
                   QStringLiteral("must not be before the last flight on %1")
                       .arg(offer.lastDeparture.toString(Qt::ISODate)));
}

void validatePassenger(const QJsonObject &p, const QString &at, const OfferPassenger &booked,
                       const Offer &offer, FieldErrors &errors) {
    static const QStringList titles{QStringLiteral("mr"), QStringLiteral("ms"),
                                    QStringLiteral("mrs"), QStringLiteral("miss"),
                                    QStringLiteral("dr")};
    const QString title = optionalString(p, QStringLiteral("title"), errors, at);
    if (!title.isEmpty() && !titles.contains(title))
        errors.add(at + QStringLiteral(".title"),
                   QStringLiteral("must be mr, ms, mrs, miss or dr"));
    requireString(p, QStringLiteral("given_name"), errors, at);
    requireString(p, QStringLiteral("family_name"), errors, at);
    const QDate born = requireDate(p, QStringLiteral("born_on"), errors, at);
    if (born.isValid()) {
        if (born > offer.firstDeparture) {
            errors.add(at + QStringLiteral(".born_on"),
                       QStringLiteral("is after the first departure"));
        } else {
            const QString type = expectedType(ageOn(born, offer.firstDeparture));
            if (type != booked.type)
                errors.add(at + QStringLiteral(".born_on"),
                           QStringLiteral("makes this passenger %1 on %2, but %3 is booked as %4")
                               .arg(type, offer.firstDeparture.toString(Qt::ISODate), booked.id,
                                    booked.type));
        }
    }
    const QString gender = requireString(p, QStringLiteral("gender"), errors, at);
    if (!gender.isEmpty() && gender != QLatin1String("m") && gender != QLatin1String("f"))
        errors.add(at + QStringLiteral(".gender"), QStringLiteral("must be m or f"));
    const QString email = requireString(p, QStringLiteral("email"), errors, at);
    if (!email.isEmpty() && !looksLikeEmail(email))
        errors.add(at + QStringLiteral(".email"), QStringLiteral("must be an email address"));
    const QString phone = requireString(p, QStringLiteral("phone_number"), errors, at);
    if (!phone.isEmpty() && !isE164(phone))
        errors.add(at + QStringLiteral(".phone_number"), QStringLiteral("must be E.164"));
    if (offer.international)
        validatePassport(p, at, offer, errors);
}

void validatePayment(const QJsonObject &data, const Offer &offer, FieldErrors &errors) {
    const auto payments = requireArray(data, QStringLiteral("payments"), errors, 1, 1);
    if (payments.isEmpty())
        return;
    const QString at = QStringLiteral("payments[0]");
    const auto pay = payments.first().toObject();
    const QString type = requireString(pay, QStringLiteral("type"), errors, at);
    if (!type.isEmpty() && type != QLatin1String("balance"))
        errors.add(at + QStringLiteral(".type"), QStringLiteral("must be balance"));
    const QString currency = requireString(pay, QStringLiteral("currency"), errors, at);
    const QString amount = requireString(pay, QStringLiteral("amount"), errors, at);
    if (currency.isEmpty() || amount.isEmpty())
        return;
    if (currency != offer.total.currency()) {
        errors.add(at + QStringLiteral(".currency"),
                   QStringLiteral("must be the offer's currency %1").arg(offer.total.currency()));
        return;
    }
    const auto money = Money::parse(amount, currency);
    if (!money) {
        errors.add(at + QStringLiteral(".amount"), money.error().message);
        return;
    }
    if (!(*money == offer.total))
        errors.add(
            at + QStringLiteral(".amount"),
            QStringLiteral("must equal the offer's total_amount %1").arg(offer.total.amount()));
}

} // namespace

ApiResult<QString> selectedOfferId(const QJsonObject &data) {
    FieldErrors errors;
    const auto offers = requireArray(data, QStringLiteral("selected_offers"), errors, 1, 1);
    if (!errors.isEmpty())
        return ApiError::validation(errors.list);
    if (!offers.first().isString() || offers.first().toString().isEmpty())
        return ApiError::validation(QStringLiteral("selected_offers[0]"),
                                    QStringLiteral("must be an offer id string"));
    return offers.first().toString();
}

QList<FieldError> validateOrderCreate(const QJsonObject &data, const Offer &offer) {
    FieldErrors errors;
    const auto passengers = requireArray(data, QStringLiteral("passengers"), errors,
                                         offer.passengers.size(), offer.passengers.size());
    QSet<QString> seen;
    for (qsizetype i = 0; i < passengers.size(); ++i) {
        const QString at = QStringLiteral("passengers[%1]").arg(i);
        if (!passengers[i].isObject()) {
            errors.add(at, QStringLiteral("must be an object"));
            continue;
        }
        const auto p = passengers[i].toObject();
        const QString id = requireString(p, QStringLiteral("id"), errors, at);
        if (id.isEmpty())
            continue;
        const auto booked = std::find_if(offer.passengers.begin(), offer.passengers.end(),
                                         [&](const OfferPassenger &op) { return op.id == id; });
        if (booked == offer.passengers.end()) {
            errors.add(at + QStringLiteral(".id"),
                       QStringLiteral("\"%1\" is not a passenger of offer %2").arg(id, offer.id));
            continue;
        }
        if (seen.contains(id)) {
            errors.add(at + QStringLiteral(".id"), QStringLiteral("\"%1\" appears twice").arg(id));
            continue;
        }
        seen.insert(id);
        validatePassenger(p, at, *booked, offer, errors);
    }
    validatePayment(data, offer, errors);
    return errors.list;
}

} // namespace fd::sandbox
