// What a Travelbase server sends back. The input is an HTTP answer in a small text form:
//     <status>\n<Retry-After value>\n<body>
// An error status goes through parseError (both error shapes, Retry-After as seconds or an
// IMF-fixdate, the printable excerpt); any body that is a JSON object also goes through the
// success-body parsers the gateway uses, travelbase::parseOffer/parseOrder/parseWallet.
#include "api/travelbasejson.h"
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

    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        successBody(doc.object());
    return 0;
}
