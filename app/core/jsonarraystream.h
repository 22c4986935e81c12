#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonValue>

#include <optional>

class QIODevice;

namespace fd {

// A JSON array read one element at a time: memory holds the element being read (at most
// `elementCap` bytes) and one read-ahead block, however long the array is. For files a
// command reads whole today but need not (`flightdesk validate` over a large passengers file).
// Errors (code, and an English message naming the byte offset): "not_array" (the bytes do not
// start a JSON array), "broken_json" (an element or the array is not valid JSON, or the file
// ends inside it), "too_large" (an element over the cap), "unreadable".
class JsonArrayStream {
public:
    JsonArrayStream(QIODevice *device, qint64 elementCap);

    // The next element; nullopt once the array has ended (and nothing but whitespace follows).
    Result<std::optional<QJsonValue>> next();
    // Elements returned so far.
    int count() const { return m_count; }

private:
    bool fill(); // one more block; false at the end of the device
    // The byte at `at` (relative to the buffer), reading more as needed; -1 at the end.
    int byteAt(qsizetype at);
    int skipSpace(); // the first byte that is not whitespace, or -1
    Error broken(const QString &what) const;

    QIODevice *m_device;
    qint64 m_cap;
    QByteArray m_buffer;
    qsizetype m_pos = 0; // into m_buffer
    qint64 m_base = 0;   // the file offset of m_buffer[0]
    bool m_started = false;
    bool m_ended = false;
    bool m_afterComma = false;
    int m_count = 0;
};

} // namespace fd
