#include "airportmodel.h"

#include "core/isocodes.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fd::ui {
namespace {

QString completionText(const Airport &a) {
    //: Airport completion: %1 IATA code, %2 city, %3 airport name, %4 country code.
    return AirportModel::tr("%1 · %2 · %3 (%4)").arg(a.iataCode, a.cityName, a.name, a.countryCode);
}

} // namespace

AirportModel::AirportModel(QObject *parent)
    : AirportModel(bundled(), parent) {}

AirportModel::AirportModel(QList<Airport> airports, QObject *parent)
    : QAbstractTableModel(parent)
    , m_airports(std::move(airports)) {}

AirportModel::~AirportModel() = default;

QList<Airport> AirportModel::bundled() {
    QFile f(QStringLiteral(":/airports/airports.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("airport list missing from the build");
    QList<Airport> out;
    const QJsonArray list =
        QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("airports")).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        out.append({o.value(QLatin1String("iata_code")).toString(),
                    o.value(QLatin1String("city_name")).toString(),
                    o.value(QLatin1String("country_code")).toString(),
                    o.value(QLatin1String("name")).toString()});
    }
    return out;
}

int AirportModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_airports.size());
}

int AirportModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AirportModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Airport &a = m_airports.at(index.row());
    if (role == SearchTextRole || role == Qt::ToolTipRole)
        return completionText(a);
    if (role != Qt::DisplayRole && role != RawValueRole)
        return {};
    switch (index.column()) {
    case Code:
        return a.iataCode;
    case City:
        return a.cityName;
    case Country:
        if (role == Qt::DisplayRole) {
            const QString name = iso::countryName(a.countryCode);
            return name.isEmpty() ? a.countryCode : name;
        }
        return a.countryCode;
    case Name:
        return a.name;
    default:
        return {};
    }
}

QVariant AirportModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Code:
        //: Column header: the three-letter IATA airport code.
        return tr("Code");
    case City:
        return tr("City");
    case Country:
        return tr("Country");
    case Name:
        //: Column header: the airport's name.
        return tr("Airport");
    default:
        return {};
    }
}

fd::Place AirportModel::place(int row) const {
    const Airport &a = m_airports.at(row);
    fd::Place p;
    p.iataCode = a.iataCode;
    p.cityName = a.cityName;
    p.countryCode = a.countryCode;
    p.name = a.name;
    p.type = QStringLiteral("airport");
    return p;
}

int AirportModel::rowOfCode(const QString &iataCode) const {
    for (qsizetype i = 0; i < m_airports.size(); ++i)
        if (m_airports.at(i).iataCode.compare(iataCode, Qt::CaseInsensitive) == 0)
            return static_cast<int>(i);
    return -1;
}

int AirportModel::resolve(const QString &typed) const {
    const QString t = typed.trimmed();
    if (t.isEmpty())
        return -1;
    if (const int row = rowOfCode(t); row >= 0)
        return row;
    int found = -1;
    for (qsizetype i = 0; i < m_airports.size(); ++i) {
        const Airport &a = m_airports.at(i);
        if (completionText(a) == t)
            return static_cast<int>(i);
        if (a.cityName.compare(t, Qt::CaseInsensitive) == 0 ||
            a.name.compare(t, Qt::CaseInsensitive) == 0) {
            if (found >= 0)
                return -1; // London has several airports: let the agent pick one
            found = static_cast<int>(i);
        }
    }
    return found;
}

} // namespace fd::ui
