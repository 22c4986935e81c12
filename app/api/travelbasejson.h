#pragma once

#include "core/bookinggateway.h"
#include "core/offer.h"
#include "core/order.h"
#include "core/passenger.h"
#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace fd::travelbase {

// An Offer object of the contract, bare or in its {"data": Offer} envelope.
Result<Offer> parseOffer(const QJsonObject &json);
// {"available_balance", "currency"}, bare or enveloped.
Result<Wallet> parseWallet(const QJsonObject &json);
// An Order object (create/ticket/get answers and webhooks), bare or enveloped.
Result<OrderSnapshot> parseOrder(const QJsonObject &json);
// The exact bytes of POST /v1/air/orders for this offer and these passengers (compact JSON,
// keys sorted, so the same data always makes the same bytes).
QByteArray createBody(const Offer &offer, const QList<Passenger> &passengers);

// An order cancellation (`data` of POST /air/order_cancellations or of its confirm).
Result<Cancellation> parseCancellation(const QJsonObject &json);

} // namespace fd::travelbase
