#pragma once

#include "core/travellerprofile.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSortFilterProxyModel>
#include <QString>

namespace fd::ui {

class ProfileBook;

// The traveller profiles of a ProfileBook as a table, one row per profile, rebuilt whenever the
// book changes. The birth date is shown (the agent's own data, on the agent's screen) but this
// model never logs anything.
class ProfilesModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesModel)

public:
    enum Column { Name, Born, Email, Phone, Passport, Updated, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole, // what sorting compares: QString, int, QDateTime (UTC)
        ProfileIdRole,               // QString: the profile's id, on every column
    };
    // Ordered: sorting the Passport column by its raw value groups them this way.
    enum class PassportState { None, Sealed, Saved };

    // `book` is not owned and must outlive the model; nullptr: always empty.
    explicit ProfilesModel(ProfileBook *book, QObject *parent = nullptr);
    ~ProfilesModel() override;

    static PassportState passportState(const TravellerProfile &profile);
    // nullptr when `row` is out of range.
    const TravellerProfile *profileAt(int row) const;
    int rowOf(const QString &profileId) const; // -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void refresh();
    QVariant rawValue(const TravellerProfile &p, Column column) const;
    QVariant display(const TravellerProfile &p, Column column) const;
    QVariant accessible(const TravellerProfile &p, Column column) const;

    ProfileBook *m_book;
    QList<TravellerProfile> m_rows;
};

// The profiles the agent's words name (profiles::matchesName; nothing typed: all), sorted by
// the raw values. Over a ProfilesModel only.
class ProfilesFilterModel final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesFilterModel)

public:
    explicit ProfilesFilterModel(QObject *parent = nullptr);
    ~ProfilesFilterModel() override;

    void setNameFilter(const QString &typed);
    QString nameFilter() const { return m_typed; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_typed;
};

} // namespace fd::ui
