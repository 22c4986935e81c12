#pragma once

#include "core/offer.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace fd::ui {

struct Airport {
    QString iataCode;    // "LOS"
    QString cityName;    // "Lagos"
    QString countryCode; // ISO 3166-1 alpha-2, "NG"
    QString name;        // "Murtala Muhammed International Airport"
};

// The bundled airport list (resources/airports/airports.json), for search completion.
class AirportModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AirportModel)

public:
    enum Column { Code, City, Country, Name, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1, // the plain value of the column, for sorting
        // One line an agent may type any part of: "LOS Lagos Nigeria NG Murtala Muhammed
        // International Airport" — and what a completer shows and matches.
        SearchTextRole,
    };

    // The bundled list; `airports` replaces it (tests).
    explicit AirportModel(QObject *parent = nullptr);
    AirportModel(QList<Airport> airports, QObject *parent = nullptr);
    ~AirportModel() override;

    static QList<Airport> bundled();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const Airport &airport(int row) const { return m_airports.at(row); }
    // The airport of `row` as a place (no time zone: the bundled list has none).
    fd::Place place(int row) const;
    int rowOfCode(const QString &iataCode) const; // -1 when unknown
    // What the agent typed, resolved to one airport: its code (any case), the text a completer
    // inserted, or a city or airport name that names exactly one airport. -1 otherwise.
    int resolve(const QString &typed) const;

private:
    QList<Airport> m_airports;
};

} // namespace fd::ui
