#include "localtime.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimeZone>

#include <optional>

namespace fd::ui {
namespace {

// An empty id would name the desk's own zone (QTimeZone("") is the system zone): never that.
std::optional<QTimeZone> zoneNamed(const QString &ianaZone) {
    if (ianaZone.isEmpty())
        return std::nullopt;
    QTimeZone zone(ianaZone.toUtf8());
    return zone.isValid() ? std::optional<QTimeZone>(zone) : std::nullopt;
}

QDateTime inZone(const QDateTime &utc, const std::optional<QTimeZone> &zone) {
    return zone ? utc.toTimeZone(*zone) : utc.toUTC();
}

QString withZone(const QString &time, const QDateTime &local, const std::optional<QTimeZone> &zone,
                 const QDate &referenceDay) {
    QString text =
        time + QLatin1Char(' ') + (zone ? zone->abbreviation(local) : QStringLiteral("UTC"));
    if (const QString offset = dayOffset(local.date(), referenceDay); !offset.isEmpty())
        text += QLatin1Char(' ') + offset;
    return text;
}

QString noTime() {
    //: Instead of a flight time the airline did not give.
    return QCoreApplication::translate("fd::ui::LocalTime", "see the airline");
}

} // namespace

QDate localDay(const QDateTime &utc, const QString &ianaZone) {
    if (!utc.isValid())
        return {};
    return inZone(utc, zoneNamed(ianaZone)).date();
}

QString localTime(const QDateTime &utc, const QString &ianaZone, const QDate &referenceDay) {
    if (!utc.isValid())
        return noTime();
    const auto zone = zoneNamed(ianaZone);
    const QDateTime local = inZone(utc, zone);
    return withZone(QLocale().toString(local, QStringLiteral("ddd d MMM HH:mm")), local, zone,
                    referenceDay);
}

QString localClock(const QDateTime &utc, const QString &ianaZone, const QDate &referenceDay) {
    if (!utc.isValid())
        return noTime();
    const auto zone = zoneNamed(ianaZone);
    const QDateTime local = inZone(utc, zone);
    return withZone(QLocale().toString(local.time(), QStringLiteral("HH:mm")), local, zone,
                    referenceDay);
}

QString zoneAbbreviation(const QDateTime &utc, const QString &ianaZone) {
    const auto zone = zoneNamed(ianaZone);
    return zone && utc.isValid() ? zone->abbreviation(utc) : QStringLiteral("UTC");
}

QString dayOffset(const QDate &day, const QDate &referenceDay) {
    if (!day.isValid() || !referenceDay.isValid() || day == referenceDay)
        return {};
    const qint64 days = referenceDay.daysTo(day);
    return days > 0 ? QStringLiteral("+%1").arg(days) : QString::number(days);
}

} // namespace fd::ui
