#include "passengervalidation.h"

#include "fieldrules.h"

#include <QCoreApplication>

namespace fd {
namespace {

// Qualified calls (Text::tr) so that lupdate files each string under this context, whatever
// function it is in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(fd::validation)
};

void addAll(Report &report, int index, const QString &field, const QList<Issue> &found) {
    for (Issue issue : found) {
        issue.passenger = index;
        issue.field = field;
        report.add(std::move(issue));
    }
}

bool isPassengerType(const QString &t) {
    return t == QLatin1String("adult") || t == QLatin1String("child") ||
           t == QLatin1String("infant_without_seat");
}

// The contract's ages on the date of the first departure.
std::optional<QString> ageProblem(const QString &type, int age) {
    if (type == QLatin1String("adult") && age < 12)
        return Text::tr("An adult must be 12 or older on the day of departure; this passenger will "
                        "be %1. Book a child ticket instead.")
            .arg(age);
    if (type == QLatin1String("child") && (age < 2 || age > 11))
        return age < 2 ? Text::tr("A child must be 2 to 11 on the day of departure; this passenger "
                                  "will be %1. Book an infant ticket instead.")
                             .arg(age)
                       : Text::tr("A child must be 2 to 11 on the day of departure; this passenger "
                                  "will be %1. Book an adult ticket instead.")
                             .arg(age);
    if (type == QLatin1String("infant_without_seat") && age >= 2)
        return Text::tr("An infant without a seat must be under 2 on the day of departure; this "
                        "passenger will be %1. Book a child ticket instead.")
            .arg(age);
    return std::nullopt;
}

void validateDocuments(Report &r, int index, const Passenger &p, const Trip &trip,
                       const QDate &today) {
    const auto &docs = p.identityDocuments;
    if (trip.international && docs.isEmpty())
        addAll(r, index, QStringLiteral("identity_documents"),
               {{-1,
                 {},
                 QStringLiteral("passport_required"),
                 Text::tr("This route crosses a border: enter the passenger's passport.")}});
    if (docs.size() > 1)
        addAll(r, index, QStringLiteral("identity_documents"),
               {{-1,
                 {},
                 QStringLiteral("too_many_documents"),
                 Text::tr("Enter exactly one passport for each passenger.")}});
    const QDate departure = trip.firstDeparture.value_or(today);
    const QDate arrival = trip.lastArrival.value_or(departure);
    for (qsizetype d = 0; d < docs.size(); ++d) {
        const QString prefix = QStringLiteral("identity_documents[%1].").arg(d);
        const IdentityDocument &doc = docs.at(d);
        if (doc.type != QLatin1String("passport")) {
            addAll(r, index, prefix + QLatin1String("type"),
                   {{-1,
                     {},
                     QStringLiteral("unsupported_document_type"),
                     Text::tr("Only a passport is accepted (type \"passport\").")}});
            continue;
        }
        addAll(r, index, prefix + QLatin1String("unique_identifier"),
               rules::passportNumber(doc.uniqueIdentifier));
        addAll(r, index, prefix + QLatin1String("issuing_country_code"),
               rules::issuingCountry(doc.issuingCountryCode));
        addAll(r, index, prefix + QLatin1String("expires_on"),
               rules::passportExpiry(doc.expiresOn, departure, arrival));
    }
}

} // namespace

Report validatePassenger(const Passenger &p, int index, const Trip &trip, const QDate &today) {
    Report r;
    const QString expected = trip.passengerTypes.value(index);
    if (!p.type.isEmpty() && !isPassengerType(p.type))
        addAll(r, index, QStringLiteral("type"),
               {{-1,
                 {},
                 QStringLiteral("invalid_value"),
                 Text::tr("Use adult, child or infant_without_seat.")}});
    else if (!p.type.isEmpty() && !expected.isEmpty() && p.type != expected)
        addAll(r, index, QStringLiteral("type"),
               {{-1,
                 {},
                 QStringLiteral("type_mismatch"),
                 Text::tr("The offer has passenger %1 as %2, not %3.")
                     .arg(QString::number(index + 1), expected, p.type)}});
    const QString type = expected.isEmpty() ? p.type : expected;

    addAll(r, index, QStringLiteral("title"), rules::title(p.title));
    addAll(r, index, QStringLiteral("given_name"), rules::name(p.givenName));
    addAll(r, index, QStringLiteral("family_name"), rules::name(p.familyName));
    const QList<Issue> born = rules::bornOn(p.bornOn, today);
    addAll(r, index, QStringLiteral("born_on"), born);
    if (born.isEmpty() && isPassengerType(type)) {
        const QDate on = trip.firstDeparture.value_or(today);
        if (auto problem = ageProblem(type, rules::ageOn(*rules::isoDate(p.bornOn), on)))
            addAll(r, index, QStringLiteral("born_on"),
                   {{-1, {}, QStringLiteral("age_mismatch"), *problem}});
    }
    addAll(r, index, QStringLiteral("gender"), rules::gender(p.gender));
    addAll(r, index, QStringLiteral("email"), rules::email(p.email));
    addAll(r, index, QStringLiteral("phone_number"), rules::phoneNumber(p.phoneNumber));
    validateDocuments(r, index, p, trip, today);
    return r;
}

Report validatePassengerCount(qsizetype count, const Trip &trip) {
    Report r;
    if (count == 0)
        r.add({-1, QStringLiteral("passengers"), QStringLiteral("required"),
               Text::tr("Add at least one passenger.")});
    if (!trip.passengerTypes.isEmpty() && count != trip.passengerTypes.size())
        r.add({-1, QStringLiteral("passengers"), QStringLiteral("count_mismatch"),
               Text::tr("The offer is for %1 passenger(s) but %2 were entered.")
                   .arg(trip.passengerTypes.size())
                   .arg(count)});
    return r;
}

Report validatePassengers(const QList<Passenger> &passengers, const Trip &trip,
                          const QDate &today) {
    Report r = validatePassengerCount(passengers.size(), trip);
    for (qsizetype i = 0; i < passengers.size(); ++i)
        r.merge(validatePassenger(passengers.at(i), static_cast<int>(i), trip, today));
    return r;
}

Report validatePassengers(const PassengerList &list, const Trip &trip, const QDate &today) {
    Report r = validatePassengers(list.passengers, trip, today);
    foldTypeIssues(r, list.typeIssues);
    return r;
}

void foldTypeIssues(Report &r, const Report &typeIssues) {
    // A field sent with the wrong JSON type reads as empty; say "wrong type", not "required"
    // (nor "passport required" when the document itself had the wrong type).
    for (const Issue &typeIssue : typeIssues.errors) {
        r.errors.removeIf([&](const Issue &i) {
            return i.passenger == typeIssue.passenger &&
                   (i.field == typeIssue.field ||
                    typeIssue.field.startsWith(i.field + QLatin1Char('[')));
        });
        r.add(typeIssue);
    }
}

} // namespace fd
