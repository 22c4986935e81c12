#include "offersmodel.h"

#include "checkouttext.h"
#include "localtime.h"

#include "core/offerchecks.h"
#include "desk/providers.h"

#include <QJsonArray>
#include <QLocale>

namespace fd::ui {
namespace {

int stopsOf(const Slice &slice) {
    return std::max(0, slice.segmentCount - 1);
}

int minutesOf(const Slice &slice) {
    return static_cast<int>(slice.departingAt.secsTo(slice.arrivingAt) / 60);
}

QString stopsText(int stops) {
    // Separate sentences rather than %n: no translator is loaded for English.
    if (stops == 0)
        //: Stops of one flight: none.
        return OffersModel::tr("direct");
    if (stops == 1)
        return OffersModel::tr("1 stop");
    return OffersModel::tr("%1 stops").arg(stops);
}

QString durationText(int minutes) {
    //: A flight's duration: %1 hours, %2 minutes (the same words as on the checkout page).
    return OffersModel::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

QString departureText(const Slice &s) {
    //: Departure cell: %1 airport code, %2 the airport's local date, time and zone such as
    //: "Thu 10 Dec 09:00 WAT".
    return OffersModel::tr("%1 · %2").arg(s.origin.iataCode,
                                          localTime(s.departingAt, s.origin.timeZone));
}

QString arrivalText(const Slice &s) {
    //: Arrival cell: %1 airport code, %2 the airport's local time and zone, with "+1" when it
    //: lands on a later local day than it left ("06:15 WAT +1").
    return OffersModel::tr("%1 · %2").arg(s.destination.iataCode,
                                          localClock(s.arrivingAt, s.destination.timeZone,
                                                     localDay(s.departingAt, s.origin.timeZone)));
}

// The flight numbers of every segment, from the offer as received ("BA76, BA77"): Travelbase
// lists them under "slices", Travomatrix under "itineraries".
QString flightNumbers(const Offer &offer) {
    QStringList numbers;
    for (const char *journeys : {"slices", "itineraries"})
        for (const QJsonValue &slice : offer.raw.value(QLatin1String(journeys)).toArray())
            for (const QJsonValue &seg :
                 slice.toObject().value(QLatin1String("segments")).toArray())
                if (const QString n =
                        seg.toObject().value(QLatin1String("flight_number")).toString();
                    !n.isEmpty())
                    numbers << n;
    return numbers.join(QStringLiteral(", "));
}

template <typename F> QString perSlice(const Offer &offer, F text) {
    QStringList lines;
    for (const Slice &s : offer.slices)
        lines << text(s);
    return lines.join(QLatin1Char('\n'));
}

// The same, as one sentence a screen reader can say: "outbound …; return …".
template <typename F> QString spokenPerSlice(const Offer &offer, F text) {
    if (offer.slices.size() == 1)
        return text(offer.slices.first());
    QStringList parts;
    for (qsizetype i = 0; i < offer.slices.size(); ++i)
        parts << (i == 0 ? OffersModel::tr("outbound %1")
                         //: Spoken text of a return trip's second flight.
                         : OffersModel::tr("return %1"))
                     .arg(text(offer.slices.at(i)));
    return parts.join(QStringLiteral("; "));
}

QString validForText(qint64 left) {
    if (left <= 0)
        //: The offer's time ran out; it can no longer be booked.
        return OffersModel::tr("expired");
    if (left <= kOfferSafetyMarginSeconds)
        //: %1 a countdown (0:45). The provider refuses offers this close to expiry.
        return OffersModel::tr("%1 — too late").arg(checkouttext::remaining(left));
    return checkouttext::remaining(left);
}

} // namespace

OffersModel::OffersModel(QObject *parent)
    : QAbstractTableModel(parent) {}

OffersModel::~OffersModel() = default;

void OffersModel::setClock(const Clock *clock) {
    m_clock = clock ? clock : &m_systemClock;
    refresh();
}

void OffersModel::setOffers(QList<Offer> offers) {
    beginResetModel();
    m_offers = std::move(offers);
    endResetModel();
}

void OffersModel::addOffers(const QList<Offer> &offers) {
    if (offers.isEmpty())
        return;
    const int first = static_cast<int>(m_offers.size());
    beginInsertRows({}, first, first + static_cast<int>(offers.size()) - 1);
    m_offers.append(offers);
    endInsertRows();
}

qint64 OffersModel::secondsLeft(int row) const {
    return m_clock->now().secsTo(m_offers.at(row).expiresAt);
}

void OffersModel::refresh() {
    if (m_offers.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, ValidFor), index(rowCount() - 1, ValidFor));
}

int OffersModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_offers.size());
}

int OffersModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OffersModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Offer &offer = m_offers.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(offer, index.row(), index.column());
    case RawValueRole:
        return raw(offer, index.row(), index.column());
    case Qt::AccessibleTextRole:
        return spoken(offer, index.row(), index.column());
    case Qt::ToolTipRole: {
        QStringList lines{checkouttext::carrier(offer)};
        if (!offer.provider.isEmpty())
            //: Tooltip line: %1 the booking provider selling the offer.
            lines << tr("Sold by %1").arg(desk::providerName(offer.provider));
        for (const Slice &s : offer.slices)
            lines << checkouttext::route(s) << checkouttext::times(s);
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::TextAlignmentRole:
        if (index.column() == Price || index.column() == Duration || index.column() == ValidFor)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant OffersModel::display(const Offer &offer, int row, int column) const {
    switch (column) {
    case Carrier: {
        const QString numbers = flightNumbers(offer);
        return numbers.isEmpty() ? checkouttext::carrier(offer)
                                 : checkouttext::carrier(offer) + QStringLiteral(" · ") + numbers;
    }
    case Departure:
        return perSlice(offer, departureText);
    case Arrival:
        return perSlice(offer, arrivalText);
    case Stops:
        return perSlice(offer, [](const Slice &s) { return stopsText(stopsOf(s)); });
    case Duration:
        return perSlice(offer, [](const Slice &s) { return durationText(minutesOf(s)); });
    case Price:
        return offer.total.toString();
    case ValidFor:
        return validForText(secondsLeft(row));
    case Provider:
        return desk::providerName(offer.provider);
    default:
        return {};
    }
}

QVariant OffersModel::raw(const Offer &offer, int row, int column) const {
    const Slice *first = offer.slices.isEmpty() ? nullptr : &offer.slices.first();
    switch (column) {
    case Carrier:
        return checkouttext::carrier(offer);
    case Departure:
        return first ? first->departingAt : QDateTime();
    case Arrival:
        return first ? first->arrivingAt : QDateTime();
    case Stops: {
        int stops = 0;
        for (const Slice &s : offer.slices)
            stops += stopsOf(s);
        return stops;
    }
    case Duration: {
        int minutes = 0;
        for (const Slice &s : offer.slices)
            minutes += minutesOf(s);
        return minutes;
    }
    case Price:
        return offer.total.minorUnits();
    case ValidFor:
        return secondsLeft(row);
    case Provider:
        return desk::providerName(offer.provider);
    default:
        return {};
    }
}

QString OffersModel::spoken(const Offer &offer, int row, int column) const {
    const QLocale locale;
    switch (column) {
    case Departure:
        return spokenPerSlice(offer, [&](const Slice &s) {
            //: Spoken: departs Lagos (LOS) Thursday 10 December 2026 at 09:00 WAT (the
            //: airport's local time and zone).
            return tr("departs %1 (%2) %3 at %4")
                .arg(s.origin.cityName, s.origin.iataCode,
                     locale.toString(localDay(s.departingAt, s.origin.timeZone),
                                     QLocale::LongFormat),
                     localClock(s.departingAt, s.origin.timeZone));
        });
    case Arrival:
        return spokenPerSlice(offer, [&](const Slice &s) {
            //: Spoken: arrives London (LHR) Thursday 10 December 2026 at 14:30 GMT (the
            //: airport's local time and zone).
            return tr("arrives %1 (%2) %3 at %4")
                .arg(s.destination.cityName, s.destination.iataCode,
                     locale.toString(localDay(s.arrivingAt, s.destination.timeZone),
                                     QLocale::LongFormat),
                     localClock(s.arrivingAt, s.destination.timeZone));
        });
    case Stops:
        return spokenPerSlice(offer, [](const Slice &s) { return stopsText(stopsOf(s)); });
    case Duration:
        return spokenPerSlice(offer, [](const Slice &s) {
            const int m = minutesOf(s);
            //: Spoken duration: %1 hours and %2 minutes.
            return tr("%1 hours %2 minutes").arg(m / 60).arg(m % 60);
        });
    case ValidFor: {
        const qint64 left = secondsLeft(row);
        if (left <= 0)
            return tr("offer expired");
        //: Spoken: how long the offer can still be booked.
        return tr("valid for %1 minutes %2 seconds").arg(left / 60).arg(left % 60);
    }
    case Provider:
        //: Spoken: the provider selling the offer, e.g. "sold by Travomatrix".
        return tr("sold by %1").arg(desk::providerName(offer.provider));
    default:
        return display(offer, row, column).toString();
    }
}

QVariant OffersModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        if (section == Departure || section == Arrival)
            //: Header tooltip of the time columns.
            return tr("Times are each airport's local time, with its zone; \"+1\" marks an "
                      "arrival on a later day than the departure. A return trip shows the way "
                      "back on the second line.");
        if (section == ValidFor)
            return tr("How long the offer can still be booked. Offers in their last minute are "
                      "refused by the provider: search again.");
        if (section == Provider)
            return tr("The booking provider selling the offer: the booking is made with it.");
        return {};
    }
    if (role == Qt::AccessibleTextRole && section == Provider)
        //: Spoken name of the Provider column.
        return tr("Booking provider");
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Carrier:
        //: Column header: the airline selling the offer, and its flight numbers.
        return tr("Carrier");
    case Departure:
        //: Column header: departure airport and its local date and time.
        return tr("Departs");
    case Arrival:
        //: Column header: arrival airport and its local time.
        return tr("Arrives");
    case Stops:
        return tr("Stops");
    case Duration:
        return tr("Duration");
    case Price:
        //: Column header: the offer's total for every passenger.
        return tr("Total price");
    case ValidFor:
        //: Column header: time left before the offer expires.
        return tr("Valid for");
    case Provider:
        //: Column header: the booking provider selling the offer (Travelbase, Travomatrix).
        return tr("Provider");
    default:
        return {};
    }
}

} // namespace fd::ui
