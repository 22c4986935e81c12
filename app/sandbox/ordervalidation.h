#pragma once

#include "catalogue.h"
#include "jsonfields.h"

namespace fd::sandbox {

// The one offer id an order create names, or the validation error that says why not.
ApiResult<QString> selectedOfferId(const QJsonObject &data);

// Checks an order-create body against the offer it books: passenger ids and types, required
// fields and formats, passports on international offers, and the payment equal to the total.
// Pure: returns every problem found, empty when the body is bookable.
QList<FieldError> validateOrderCreate(const QJsonObject &data, const Offer &offer);

} // namespace fd::sandbox
