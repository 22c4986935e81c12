#pragma once

// Offers and passengers from tests/data, for the GUI tests.
#include "core/offer.h"
#include "core/passenger.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace guitest {

inline QJsonDocument readJson(const QString &relative) {
    QFile f(QStringLiteral(FLIGHTDESK_TEST_DATA "/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(relative));
    return QJsonDocument::fromJson(f.readAll());
}

inline fd::Offer offer(const char *name) {
    return *fd::Offer::fromJson(
        readJson(QStringLiteral("offers/%1.json").arg(QLatin1String(name))).object());
}

inline QList<fd::Passenger> passengers(const char *name) {
    const QJsonDocument doc =
        readJson(QStringLiteral("passengers/%1.json").arg(QLatin1String(name)));
    return fd::passengersFromJson(QJsonValue(doc.array()))->passengers;
}

// The offers in tests/data expire at 10:15 UTC that day, the price guarantee at 10:10.
inline QDateTime morning() {
    return QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC);
}

} // namespace guitest
