#pragma once

// The offer a desk test books: the first LOS–LHR offer for one adult, 20 days ahead, as the
// desk's own search finds it (over loopback in demo mode). Header-only: the tests that include
// it link the desk (flightdesk_ui) themselves.
#include "desk/desk.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTest>

#include <optional>

namespace fd::test {

// nullopt when the search failed, found nothing, or gave no answer within `waitMs`.
inline std::optional<Offer> firstDeskOffer(desk::Desk &desk,
                                           const QString &provider = QStringLiteral("travelbase"),
                                           int waitMs = 15000) {
    const QJsonObject request{
        {QStringLiteral("slices"),
         QJsonArray{QJsonObject{{QStringLiteral("origin"), QStringLiteral("LOS")},
                                {QStringLiteral("destination"), QStringLiteral("LHR")},
                                {QStringLiteral("departure_date"),
                                 QDate::currentDate().addDays(20).toString(Qt::ISODate)}}}},
        {QStringLiteral("passengers"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("adult")}}}},
        {QStringLiteral("cabin_class"), QStringLiteral("economy")}};
    std::optional<Offer> found;
    bool done = false;
    QObject context;
    desk.search().searchOffers(provider, request, &context, {}, [&](GatewayResult<QList<Offer>> r) {
        if (const auto *offers = std::get_if<QList<Offer>>(&r); offers && !offers->isEmpty())
            found = offers->first();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, waitMs))
        return std::nullopt;
    return found;
}

} // namespace fd::test
