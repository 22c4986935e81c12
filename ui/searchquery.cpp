#include "searchquery.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace fd::ui::searchquery {
namespace {

// Qualified calls (Text::tr) so that lupdate files each string under this context, whatever
// function it is in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(fd::ui::SearchPage)
};

const QString kAdult = QStringLiteral("adult");
const QString kChild = QStringLiteral("child");
const QString kInfant = QStringLiteral("infant_without_seat");

QJsonObject slice(const QString &from, const QString &to, const QDate &date) {
    return {{QStringLiteral("origin"), from},
            {QStringLiteral("destination"), to},
            {QStringLiteral("departure_date"), date.toString(Qt::ISODate)}};
}

} // namespace

QString routeProblem(const QString &origin, const QString &destination) {
    if (!origin.isEmpty() && origin.compare(destination, Qt::CaseInsensitive) == 0)
        //: %1 is an airport code.
        return Text::tr(
                   "Origin and destination are the same airport (%1): pick another destination.")
            .arg(origin);
    return {};
}

QString dateProblem(const QDate &departure, const std::optional<QDate> &returnDate,
                    const QDate &today) {
    if (!departure.isValid())
        return Text::tr("Pick a departure date.");
    if (departure < today)
        //: %1 is today's date.
        return Text::tr("The departure date is in the past: pick %1 or later.")
            .arg(QLocale().toString(today, QLocale::ShortFormat));
    if (returnDate && (!returnDate->isValid() || *returnDate < departure))
        return Text::tr("The return date is before the departure: pick %1 or later, or choose one "
                        "way.")
            .arg(QLocale().toString(departure, QLocale::ShortFormat));
    return {};
}

QString passengerProblem(int adults, int children, int infants) {
    if (adults < 1)
        return Text::tr("At least one adult must travel: children and infants fly with an adult.");
    if (infants > adults)
        //: Lap infants: each needs an adult's lap. %1 the number of infants, %2 of adults.
        return Text::tr(
                   "Each infant travels on an adult's lap: %1 infants need at least %1 adults, "
                   "not %2.")
            .arg(infants)
            .arg(adults);
    if (const int total = adults + children + infants; total > kMaxPassengers)
        //: %1 the maximum per booking, %2 the number chosen.
        return Text::tr(
                   "At most %1 passengers fit in one booking (%2 chosen): split the group into "
                   "two searches.")
            .arg(kMaxPassengers)
            .arg(total);
    return {};
}

QStringList passengerTypes(const Query &query) {
    QStringList types;
    for (int i = 0; i < query.adults; ++i)
        types << kAdult;
    for (int i = 0; i < query.children; ++i)
        types << kChild;
    for (int i = 0; i < query.infants; ++i)
        types << kInfant;
    return types;
}

QJsonObject toRequest(const Query &query) {
    QJsonArray slices{slice(query.origin, query.destination, query.departure)};
    if (query.returnDate)
        slices.append(slice(query.destination, query.origin, *query.returnDate));
    QJsonArray passengers;
    for (const QString &type : passengerTypes(query))
        passengers.append(QJsonObject{{QStringLiteral("type"), type}});
    return {{QStringLiteral("slices"), slices},
            {QStringLiteral("passengers"), passengers},
            {QStringLiteral("cabin_class"), query.cabin}};
}

Query fromOffer(const Offer &offer, const QList<Passenger> &passengers, Query base) {
    if (!offer.slices.isEmpty()) {
        const Slice &out = offer.slices.first();
        base.origin = out.origin.iataCode;
        base.destination = out.destination.iataCode;
        base.departure = out.departingAt.toUTC().date();
        base.returnDate.reset();
        if (offer.slices.size() > 1)
            base.returnDate = offer.slices.at(1).departingAt.toUTC().date();
    }
    QStringList types;
    for (const OfferPassenger &p : offer.passengers)
        types << p.type;
    if (types.isEmpty())
        for (const Passenger &p : passengers)
            types << p.type;
    if (!types.isEmpty()) {
        base.adults = static_cast<int>(types.count(kAdult));
        base.children = static_cast<int>(types.count(kChild));
        base.infants = static_cast<int>(types.count(kInfant));
    }
    return base;
}

QList<Passenger> matchPrefill(const QList<Passenger> &prefill, const Offer &offer) {
    QList<Passenger> out;
    QList<bool> used(prefill.size(), false);
    for (const OfferPassenger &seat : offer.passengers) {
        Passenger p;
        for (qsizetype i = 0; i < prefill.size(); ++i) {
            if (!used.at(i) && prefill.at(i).type == seat.type) {
                used[i] = true;
                p = prefill.at(i);
                break;
            }
        }
        p.id = seat.id;
        p.type = seat.type;
        out << p;
    }
    return out;
}

} // namespace fd::ui::searchquery
