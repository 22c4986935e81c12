#include "testdata.h"
#include "api/travelbasejson.h"

#include <QCryptographicHash>
#include <QFile>

namespace fd::test {

QString testDataPath(const QString &relative) {
    return QStringLiteral(FLIGHTDESK_TEST_DATA "/") + relative;
}

QJsonDocument readTestJson(const QString &relative) {
    QFile f(testDataPath(relative));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(relative));
    return QJsonDocument::fromJson(f.readAll());
}

QList<Passenger> passengersFrom(const QJsonArray &json) {
    const auto list = passengersFromJson(json);
    if (!list)
        qFatal("bad passengers: %s", qPrintable(list.error().message));
    return list->passengers;
}

QList<Passenger> testPassengers(const char *name) {
    return passengersFrom(
        readTestJson(QStringLiteral("passengers/%1.json").arg(QLatin1String(name))).array());
}

Offer testOffer(const char *name) {
    const auto offer = fd::travelbase::parseOffer(
        readTestJson(QStringLiteral("offers/%1.json").arg(QLatin1String(name))).object());
    if (!offer)
        qFatal("bad offer %s", name);
    return *offer;
}

QString sha256Hex(const QByteArray &bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace fd::test
