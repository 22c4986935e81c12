#pragma once

#include "core/bookinggateway.h"
#include "core/offer.h"
#include "core/order.h"
#include "core/passenger.h"
#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace fd::travomatrix {

// A fare object of travomatrix-v1.md in the desk's terms: fare_id, valid_until, the price in
// minor units, itineraries as slices, travellers (ADT/CHD/INF) as the desk's passenger types.
Result<Offer> parseFare(const QJsonObject &json);
// {"available", "currency"} in minor units.
Result<Wallet> parseBalance(const QJsonObject &json);
// A booking object (create and GET answers): the PNR is both the id and the booking reference.
Result<OrderSnapshot> parseBooking(const QJsonObject &json);
// The exact bytes of POST /api/v1/booking/create for this fare and these passengers (compact
// JSON, keys sorted, so the same data always makes the same bytes).
QByteArray createBody(const Offer &offer, const QList<Passenger> &passengers);
// The desk's search request (slices, passengers by type, cabin_class) as Travomatrix's search
// body; an Error when it has no slice or more than two.
Result<QByteArray> searchBody(const QJsonObject &request);

// "ADT" -> "adult", "CHD" -> "child", "INF" -> "infant_without_seat"; empty when unknown.
QString deskPassengerType(const QString &travellerType);

// The answer of POST /booking/cancel/quote.
Result<Cancellation> parseCancellationQuote(const QJsonObject &json);

} // namespace fd::travomatrix
