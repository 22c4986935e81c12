#pragma once

// Reading tests/data, shared by every test that needs an offer, passengers or a checksum.
#include "core/offer.h"
#include "core/passenger.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QString>

namespace fd::test {

// The absolute path of a file under tests/data.
QString testDataPath(const QString &relative);
// A JSON file under tests/data; a missing file ends the test run (qFatal).
QJsonDocument readTestJson(const QString &relative);
inline QJsonDocument readTestJson(const char *relative) {
    return readTestJson(QString::fromUtf8(relative));
}
// Passengers in the API's shape; bad input ends the test run.
QList<Passenger> passengersFrom(const QJsonArray &json);
// tests/data/passengers/<name>.json and tests/data/offers/<name>.json.
QList<Passenger> testPassengers(const char *name);
Offer testOffer(const char *name);
QString sha256Hex(const QByteArray &bytes);

// A fixed instant, so offers, ages on the departure date and passports never drift with the
// real calendar. The offers in tests/data expire at 10:15 UTC that day, the price guarantee at
// 10:10.
inline QDateTime sandboxStart() {
    return QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC);
}

} // namespace fd::test
