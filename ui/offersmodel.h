#pragma once

#include "core/clock.h"
#include "core/offer.h"

#include <QAbstractTableModel>
#include <QList>

namespace fd::ui {

// The offers of one search (from every provider asked), one row each. A return trip shows each
// slice on its own line in the time columns ("outbound" above "return"), so both stay readable at a
// glance. Times are each airport's local time with its zone (UTC, saying so, when the provider
// gave no zone); sorting compares the instants (RawValueRole).
class OffersModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OffersModel)

public:
    enum Column {
        Carrier,
        Departure,
        Arrival,
        Stops,
        Duration,
        Price,
        ValidFor,
        Provider,
        ColumnCount
    };
    enum Role {
        // The plain value a proxy sorts by: QString (Carrier), QDateTime of the outbound
        // slice (Departure, Arrival), int (Stops; Duration in minutes, every slice together),
        // qint64 minor units (Price), qint64 seconds left (ValidFor) and the provider's name
        // (Provider).
        RawValueRole = Qt::UserRole + 1,
    };

    explicit OffersModel(QObject *parent = nullptr);
    ~OffersModel() override;

    // `clock` is not owned and must outlive the model; the system clock by default.
    void setClock(const fd::Clock *clock);
    void setOffers(QList<fd::Offer> offers);
    // Adds offers after the ones shown (another provider's answer): rows are inserted, so a
    // sorting proxy places them and the views keep their selection.
    void addOffers(const QList<fd::Offer> &offers);
    void clear() { setOffers({}); }
    const fd::Offer &offerAt(int row) const { return m_offers.at(row); }
    const QList<fd::Offer> &offers() const { return m_offers; }
    qint64 secondsLeft(int row) const; // until expires_at, by the clock; <= 0 once expired

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    // Re-reads the clock: the ValidFor column changes, nothing else does.
    void refresh();

private:
    QVariant display(const fd::Offer &offer, int row, int column) const;
    QVariant raw(const fd::Offer &offer, int row, int column) const;
    QString spoken(const fd::Offer &offer, int row, int column) const;

    fd::SystemClock m_systemClock;
    const fd::Clock *m_clock = &m_systemClock;
    QList<fd::Offer> m_offers;
};

} // namespace fd::ui
