// The streamed reader of `flightdesk validate --passengers` (core/jsonarraystream.h), against
// Qt's own JSON parser: whatever bytes come in, the stream may refuse them but never crash, and
//  - when it reads a whole array, QJsonDocument reads the same array from the same bytes;
//  - when QJsonDocument reads an array from bytes shorter than the element cap (so no element
//    can be over it), the stream reads that array too.
// (A minute of this found the stream trimming an element with QByteArray::trimmed, which takes
// a form feed for whitespace where JSON does not.)
#include "fuzzsupport.h"

#include "core/jsonarraystream.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdlib>

using namespace fd;

namespace {

constexpr qint64 kCap = 256; // small, so that the cap is reached too
constexpr int kMaxElements = 100000;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray bytes = fuzz::bytes(data, size);
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    JsonArrayStream stream(&buffer, kCap);
    QJsonArray streamed;
    bool whole = false;
    for (int i = 0; i < kMaxElements; ++i) {
        auto next = stream.next();
        if (!next)
            break;
        if (!*next) {
            whole = true;
            break;
        }
        streamed.append(**next);
    }
    if (whole && stream.count() != streamed.size())
        std::abort();

    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    const bool qtReadsAnArray = parseError.error == QJsonParseError::NoError && doc.isArray();
    if (whole && (!qtReadsAnArray || doc.array() != streamed))
        std::abort();
    if (qtReadsAnArray && qint64(size) < kCap && !whole)
        std::abort();
    return 0;
}
