#include "offer.h"

#include <QRegularExpression>

namespace fd {

QDateTime parseApiTime(const QString &text) {
    static const QRegularExpression re(QRegularExpression::anchoredPattern(
        QStringLiteral("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z")));
    if (!re.match(text).hasMatch())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

bool Offer::isInternational() const {
    if (identityDocumentsRequired)
        return true;
    for (const Slice &s : slices)
        if (s.origin.countryCode != s.destination.countryCode)
            return true;
    return false;
}

Trip Offer::trip() const {
    Trip t;
    t.international = isInternational();
    if (!slices.isEmpty()) {
        t.firstDeparture = slices.first().departingAt.date();
        t.lastArrival = slices.last().arrivingAt.date();
    }
    for (const OfferPassenger &p : passengers)
        t.passengerTypes.append(p.type);
    return t;
}

} // namespace fd
