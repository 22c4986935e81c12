#pragma once

#include "tmxfares.h"

namespace fd::sandbox::tmx {

// The fare a booking create names, or the validation error that says why not.
Outcome<QString> bookingFareId(const QJsonObject &body);

// Checks a booking-create body against its fare: one traveller per fare traveller (ref, type by
// age on the first departure, title, names, gender, a passport valid for the whole trip when
// the fare requires one), the contact, and a WALLET payment equal to the fare's price.
// Pure: returns every problem found, empty when the body is bookable.
QList<FieldError> validateBookingCreate(const QJsonObject &body, const Fare &fare);

} // namespace fd::sandbox::tmx
