#include "schedulequeuemodel.h"

#include "localtime.h"

#include "desk/schedulechanges.h"

#include <QLocale>

namespace fd::ui {

ScheduleQueueModel::ScheduleQueueModel(QObject *parent)
    : QAbstractTableModel(parent) {}

ScheduleQueueModel::Row ScheduleQueueModel::rowFor(const ScheduleChange &c) {
    Row r;
    r.id = c.id;
    r.intentId = c.intentId;
    r.booking = c.bookingReference.isEmpty()
                    ? c.orderId
                    : c.bookingReference + QStringLiteral(" (") + c.orderId + QLatin1Char(')');
    r.received = c.receivedAt;
    QStringList flights, was, now;
    for (const desk::ScheduleLeg &leg : desk::scheduleLegs(c)) {
        if (!leg.changed())
            continue;
        if (!r.oldDeparture.isValid())
            r.oldDeparture = leg.oldDeparture;
        if (!r.newDeparture.isValid())
            r.newDeparture = leg.newDeparture;
        flights << QString(leg.flight + QLatin1Char(' ') + leg.origin + QStringLiteral(" → ") +
                           leg.destination)
                       .trimmed();
        // Days count from the booked departure's local day, as a ticket prints them.
        const QDate booked = localDay(leg.oldDeparture, leg.originZone);
        const QDate leaves =
            leg.newDeparture.isValid() ? localDay(leg.newDeparture, leg.originZone) : booked;
        //: Departure → arrival, each in its airport's local time.
        was << tr("%1 → %2").arg(localTime(leg.oldDeparture, leg.originZone),
                                 localTime(leg.oldArrival, leg.destinationZone, booked));
        //: Departure → arrival, each in its airport's local time.
        now << tr("%1 → %2").arg(localTime(leg.newDeparture, leg.originZone, booked),
                                 localTime(leg.newArrival, leg.destinationZone, leaves));
    }
    const QString sep = QStringLiteral("\n");
    r.flights = flights.join(sep);
    r.was = was.join(sep);
    r.now = now.join(sep);
    return r;
}

void ScheduleQueueModel::setChanges(const QList<ScheduleChange> &changes) {
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(changes.size());
    for (const ScheduleChange &c : changes)
        m_rows.append(rowFor(c));
    endResetModel();
}

int ScheduleQueueModel::rowOf(const QString &changeId) const {
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == changeId)
            return int(i);
    return -1;
}

int ScheduleQueueModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ScheduleQueueModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScheduleQueueModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    if (role == ChangeIdRole)
        return r.id;
    if (role == IntentIdRole)
        return r.intentId;
    const auto column = Column(index.column());
    if (role == RawValueRole) {
        switch (column) {
        case Booking:
            return r.booking;
        case Flight:
            return r.flights;
        case Was:
            return r.oldDeparture;
        case Now:
            return r.newDeparture;
        case Received:
            return r.received;
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (column) {
        case Booking:
            return r.booking;
        case Flight:
            return r.flights;
        case Was:
            return r.was;
        case Now:
            return r.now;
        case Received:
            return QLocale().toString(r.received.toLocalTime(), QLocale::ShortFormat);
        case ColumnCount:
            break;
        }
    }
    return {};
}

QVariant ScheduleQueueModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Booking:
        //: Column: the booking reference (PNR) and order id.
        return tr("Booking");
    case Flight:
        //: Column: flight number and route, e.g. "BA76 LOS → LHR".
        return tr("Flight");
    case Was:
        //: Column: the times as booked, in each airport's local time.
        return tr("Was");
    case Now:
        //: Column: the times the airline has now, in each airport's local time.
        return tr("Now");
    case Received:
        //: Column: when the desk learned of the change.
        return tr("Received");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace fd::ui
