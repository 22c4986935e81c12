#pragma once

#include <QByteArray>
#include <QJsonValue>

#include <optional>

namespace fd {

// Erases what the journal must not keep once an intent is final: birth dates (`born_on`,
// anywhere) and identity document numbers (`identity_documents[].unique_identifier`). Values
// become "" so the JSON keeps its shape. Ticket numbers (`documents[].unique_identifier`)
// are deliberately left alone.
QJsonValue erasePii(const QJsonValue &value);

// The same over JSON text; nullopt when the bytes are not JSON (callers then drop them whole).
std::optional<QByteArray> erasePiiJson(const QByteArray &json);

} // namespace fd
