#pragma once

#include "core/offer.h"
#include "core/passenger.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What the agent asked for on the search page, apart from the widgets: the checks with the
// sentences that explain them, and the request body in the contract's shape.
namespace fd::ui::searchquery {

inline constexpr int kMaxPassengers = 9;

struct Query {
    QString origin;      // IATA code, resolved from what was typed
    QString destination; // IATA code
    QDate departure;
    std::optional<QDate> returnDate; // a return trip when set
    int adults = 1;
    int children = 0;
    int infants = 0;
    QString cabin = QStringLiteral("economy"); // economy, premium_economy, business, first

    friend bool operator==(const Query &, const Query &) = default;
};

// One sentence per problem, empty when there is none.
QString routeProblem(const QString &origin, const QString &destination);
QString dateProblem(const QDate &departure, const std::optional<QDate> &returnDate,
                    const QDate &today);
QString passengerProblem(int adults, int children, int infants);

// `{"slices": [...], "passengers": [{"type": ...}, ...], "cabin_class": ...}` (the gateway
// wraps it in "data"); passengers in the order adults, children, infants.
QJsonObject toRequest(const Query &query);
QStringList passengerTypes(const Query &query);

// The route, dates and passenger counts of an offer (cabin unchanged from `base`).
Query fromOffer(const fd::Offer &offer, const QList<fd::Passenger> &passengers, Query base);

// The prefill kept from an earlier booking, lined up with a new offer's passengers by type,
// in order: each gets the next unused earlier passenger of its type (with the new offer's
// passenger id), or an empty one of that type.
QList<fd::Passenger> matchPrefill(const QList<fd::Passenger> &prefill, const fd::Offer &offer);

} // namespace fd::ui::searchquery
