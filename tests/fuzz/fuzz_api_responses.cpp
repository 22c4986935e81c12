// What a provider's server sends back. The input is an HTTP answer in a small text form:
//     <status>\n<Retry-After value>\n<body>
// An error status goes through both providers' error readers (Travelbase's two error shapes,
// Travomatrix's {"error": {code, message, details}}; Retry-After as seconds or an IMF-fixdate,
// the printable excerpt) and their classification; any body that is a JSON object also goes
// through every success-body parser the gateways use: travelbase::parseOffer/parseOrder/
// parseWallet and travomatrix::parseFare/parseBooking/parseBalance.
#include "api/travelbasejson.h"
#include "api/travomatrixgateway.h"
#include "api/travomatrixjson.h"
#include "fuzzsupport.h"

#include "api/apierror.h"
#include "core/offer.h"
#include "core/order.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace fd;

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
    fuzz::quietQt();
    return 0;
}

namespace {

void successBody(const QJsonObject &object) {
    if (const auto offer = fd::travelbase::parseOffer(object)) {
        (void)offer->isInternational();
        (void)offer->trip();
        (void)offer->total.toString();
    }
    if (const auto order = fd::travelbase::parseOrder(object))
        (void)order->ticketsJson();
    if (const auto wallet = fd::travelbase::parseWallet(object))
        (void)wallet->available.toString();
    // A search answers {"data": {"offers": [Offer, ...]}}.
    const QJsonObject data = object.value(QLatin1String("data")).toObject();
    for (const QJsonValue &v : data.value(QLatin1String("offers")).toArray())
        (void)fd::travelbase::parseOffer(v.toObject());

    if (const auto fare = fd::travomatrix::parseFare(object)) {
        (void)fare->trip();
        (void)fare->total.toString();
    }
    if (const auto booking = fd::travomatrix::parseBooking(object))
        (void)booking->ticketsJson();
    if (const auto balance = fd::travomatrix::parseBalance(object))
        (void)balance->available.toString();
    // A Travomatrix search answers {"search_id", "fares": [fare, ...]}.
    for (const QJsonValue &v : object.value(QLatin1String("fares")).toArray())
        (void)fd::travomatrix::parseFare(v.toObject());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    QByteArray rest = fuzz::bytes(data, size);
    bool ok = false;
    const int status = fuzz::takeLine(rest).trimmed().toInt(&ok);
    const QByteArray retryAfter = fuzz::takeLine(rest);
    const QByteArray &body = rest;

    const ApiError error = parseError(ok ? status : 500, body, retryAfter, fuzz::kNow);
    (void)error.describe();
    (void)error.toError();
    (void)kindName(error.kind);
    (void)parseRetryAfter(retryAfter, fuzz::kNow);
    (void)parseRetryAfter(retryAfter, QDateTime());
    (void)printableExcerpt(body, 7);
    const ApiError tmx =
        TravomatrixGateway::readError(ok ? status : 500, body, retryAfter, fuzz::kNow);
    (void)TravomatrixGateway::classify(tmx).message;

    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        successBody(doc.object());
    return 0;
}
