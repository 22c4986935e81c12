#include "offer.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace fd {

QDateTime parseApiTime(const QString &text) {
    static const QRegularExpression re(QRegularExpression::anchoredPattern(
        QStringLiteral("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z")));
    if (!re.match(text).hasMatch())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QString parseTimeZone(const QString &text) {
    // The longest IANA name is 32 characters; a longer one is not a zone (and is not cut to one).
    constexpr qsizetype kMaxZoneLength = 64;
    if (text.isEmpty() || text.size() > kMaxZoneLength)
        return {};
    const QByteArray id = text.toLatin1();
    if (QTimeZone::isTimeZoneIdAvailable(id))
        return text;
    // Links the zone list leaves out ("Asia/Calcutta", "Etc/UTC") are names too. Region/City
    // only: Qt would also read "XYZ5" as a POSIX rule, which no contract means.
    static const QRegularExpression re(QRegularExpression::anchoredPattern(
        QStringLiteral("[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9][A-Za-z0-9_+-]*)+")));
    return re.match(text).hasMatch() && QTimeZone(id).isValid() ? text : QString();
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
