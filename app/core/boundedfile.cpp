#include "boundedfile.h"

#include "limits.h"

#include <QFile>

namespace fd {

QString sizeText(qint64 bytes) {
    if (bytes >= limits::kMiB && bytes % limits::kMiB == 0)
        return QStringLiteral("%1 MiB").arg(bytes / limits::kMiB);
    if (bytes >= limits::kKiB && bytes % limits::kKiB == 0)
        return QStringLiteral("%1 KiB").arg(bytes / limits::kKiB);
    return QStringLiteral("%1 bytes").arg(bytes);
}

Result<QByteArray> readBoundedFile(const QString &path, qint64 cap, const QString &what) {
    const auto tooLarge = [&] {
        return Error{QStringLiteral("too_large"),
                     QStringLiteral("%1 %2 is larger than %3; refusing to read it")
                         .arg(what, path, sizeText(cap))};
    };
    QFile file(path);
    // Unbuffered: QIODevice's own buffer would read ahead past the cap on a device.
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return Error{QStringLiteral("unreadable"),
                     QStringLiteral("cannot read %1 %2: %3").arg(what, path, file.errorString())};
    if (!file.isSequential() && file.size() > cap)
        return tooLarge();
    const QByteArray bytes = file.read(cap + 1);
    if (bytes.size() > cap)
        return tooLarge();
    if (file.error() != QFileDevice::NoError)
        return Error{QStringLiteral("unreadable"),
                     QStringLiteral("cannot read %1 %2: %3").arg(what, path, file.errorString())};
    return bytes;
}

} // namespace fd
