#include "jsonarraystream.h"

#include "boundedfile.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace fd {

namespace {
constexpr qint64 kBlock = 64 * 1024;

bool isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
} // namespace

JsonArrayStream::JsonArrayStream(QIODevice *device, qint64 elementCap)
    : m_device(device)
    , m_cap(elementCap) {}

bool JsonArrayStream::fill() {
    // Drop what was consumed first, so the buffer never holds more than an element and a block.
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_base += m_pos;
        m_pos = 0;
    }
    const QByteArray block = m_device->read(kBlock);
    m_buffer.append(block);
    return !block.isEmpty();
}

int JsonArrayStream::byteAt(qsizetype at) {
    // `at` is relative to m_pos, which fill() may move to 0.
    while (m_pos + at >= m_buffer.size())
        if (!fill())
            return -1;
    return static_cast<unsigned char>(m_buffer.at(m_pos + at));
}

int JsonArrayStream::skipSpace() {
    for (;;) {
        const int c = byteAt(0);
        if (!isSpace(c))
            return c;
        ++m_pos;
    }
}

Error JsonArrayStream::broken(const QString &what) const {
    return Error{
        QStringLiteral("broken_json"),
        QStringLiteral("it is not valid JSON (%1 at byte %2)").arg(what).arg(m_base + m_pos)};
}

Result<std::optional<QJsonValue>> JsonArrayStream::next() {
    if (m_ended)
        return std::optional<QJsonValue>();
    if (!m_started) {
        const int c = skipSpace();
        if (c != '[')
            return Error{QStringLiteral("not_array"),
                         QStringLiteral("it does not hold a JSON array")};
        ++m_pos;
        m_started = true;
    }
    int c = skipSpace();
    if (c == ']') {
        if (m_afterComma)
            return broken(QStringLiteral("a comma before the closing bracket"));
        ++m_pos;
        m_ended = true;
        if (skipSpace() != -1)
            return broken(QStringLiteral("something after the array"));
        return std::optional<QJsonValue>();
    }
    if (c == -1)
        return broken(QStringLiteral("the file ends inside the array"));
    if (m_count > 0 && !m_afterComma)
        return broken(QStringLiteral("a missing comma"));

    // The element's extent: up to a comma or the closing bracket outside any string, object or
    // array of its own. QJsonDocument checks the rest.
    qsizetype length = 0;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (;; ++length) {
        if (length > m_cap)
            return Error{QStringLiteral("too_large"),
                         QStringLiteral("element %1 (at byte %2) is larger than %3")
                             .arg(m_count)
                             .arg(m_base + m_pos)
                             .arg(sizeText(m_cap))};
        c = byteAt(length);
        if (c == -1)
            return broken(QStringLiteral("the file ends inside element %1").arg(m_count));
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                break;
            --depth;
        } else if (c == ',' && depth == 0) {
            break;
        }
    }
    // Not trimmed: QJsonDocument judges what surrounds the value (JSON's whitespace is four
    // characters, QByteArray::trimmed() knows six).
    QByteArray element = m_buffer.mid(m_pos, length);
    if (std::all_of(element.cbegin(), element.cend(), [](char b) { return isSpace(b); }))
        return broken(QStringLiteral("an empty element"));
    // Wrapped: a document's top level is an array or an object, an element may be anything.
    element.prepend('[').append(']');
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(element, &error);
    if (error.error != QJsonParseError::NoError)
        return Error{QStringLiteral("broken_json"),
                     QStringLiteral("it is not valid JSON (%1 in element %2, at byte %3)")
                         .arg(error.errorString())
                         .arg(m_count)
                         .arg(m_base + m_pos + qMax(0, error.offset - 1))};
    m_pos += length;
    m_afterComma = byteAt(0) == ',';
    if (m_afterComma)
        ++m_pos;
    ++m_count;
    return std::optional<QJsonValue>(doc.array().at(0));
}

} // namespace fd
