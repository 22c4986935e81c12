#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

// Flight times as agents, airlines and tickets read them: in each airport's local time, with
// the zone's abbreviation. The providers send UTC; an airport whose IANA zone is unknown shows
// its UTC time and says "UTC", never the desk's own zone (which would look local and be wrong).
namespace fd::ui {

// The airport's local day of an instant (the UTC day without a known zone); invalid for an
// invalid instant.
QDate localDay(const QDateTime &utc, const QString &ianaZone);

// "Thu 10 Dec 09:00 WAT". With a reference day (the departure's local day) that differs from
// the local day, the day offset follows, the way tickets print an arrival: "Fri 11 Dec 06:15
// WAT +1".
QString localTime(const QDateTime &utc, const QString &ianaZone, const QDate &referenceDay = {});

// The short form for tables and one-line summaries: "09:00 WAT", "06:15 WAT +1".
QString localClock(const QDateTime &utc, const QString &ianaZone, const QDate &referenceDay = {});

// The zone's abbreviation at that instant ("WAT", "GMT", "BST"; "-03" where the zone has no
// letters); "UTC" without a known zone.
QString zoneAbbreviation(const QDateTime &utc, const QString &ianaZone);

// "+1", "-1"; empty on the same day or without a reference day.
QString dayOffset(const QDate &day, const QDate &referenceDay);

} // namespace fd::ui
