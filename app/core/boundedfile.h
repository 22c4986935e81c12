#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace fd {

// Reads a whole file of at most `cap` bytes, or refuses it with one line naming `what`
// ("the passengers file /dev/zero is larger than 1 MiB; refusing to read it"). A regular
// file's size is checked before reading; devices, FIFOs and pipes (whose size says nothing)
// are read up to cap + 1 bytes and no further, so /dev/zero stops at the cap too.
Result<QByteArray> readBoundedFile(const QString &path, qint64 cap, const QString &what);

// "1 MiB", "64 KiB", "1500 bytes": a cap as people read it.
QString sizeText(qint64 bytes);

} // namespace fd
