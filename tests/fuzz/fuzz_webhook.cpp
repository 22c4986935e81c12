// A webhook delivery as the receiver sees it. The input is
//     <Travelbase-Signature value>\n<body>
// The header goes through parseSignatureHeader/verifySignature (as sent, and with a correct
// MAC for its timestamp added, so the timestamp window is reached too), the body through
// parseEvent, which reads the event and the Order it carries.
#include "fuzzsupport.h"

#include "api/webhookreceiver.h"

using namespace fd;

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    static const QByteArray secret = QByteArrayLiteral("whsec_fuzz");
    QByteArray body = fuzz::bytes(data, size);
    const QByteArray header = fuzz::takeLine(body);

    (void)webhook::isJsonContentType(header);
    (void)webhook::verifySignature(header, body, secret, fuzz::kNow);
    if (const auto parsed = webhook::parseSignatureHeader(header)) {
        const QByteArray mac = webhook::expectedMac(secret, parsed->timestamp, body);
        for (const QByteArray &v1 : parsed->v1)
            (void)webhook::constantTimeEquals(mac, v1);
        const QByteArray signed_ =
            "t=" + QByteArray::number(parsed->timestamp) + ",v1=" + mac.toHex() + ',' + header;
        (void)webhook::verifySignature(signed_, body, secret, fuzz::kNow);
    }

    if (const auto event = webhook::parseEvent(body)) {
        (void)event->payload.size();
        if (event->order)
            (void)event->order->ticketsJson();
    }
    return 0;
}
