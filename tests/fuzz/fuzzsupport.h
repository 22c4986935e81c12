#pragma once

// Shared by the libFuzzer targets: fixed dates, so a finding reproduces on any day, and quiet
// Qt logging, so warnings about hostile input do not drown libFuzzer's own output (a qFatal
// still aborts, and libFuzzer reports it as a crash).
#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>
#include <utility>

namespace fd::fuzz {

inline const QDate kToday(2026, 12, 1);
inline const QDateTime kNow(kToday, QTime(10, 5, 0), Qt::UTC);

inline QByteArray bytes(const std::uint8_t *data, std::size_t size) {
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// Splits off the first line (without its '\n'); `rest` is what follows it.
inline QByteArray takeLine(QByteArray &rest) {
    const qsizetype nl = rest.indexOf('\n');
    if (nl < 0)
        return std::exchange(rest, QByteArray());
    QByteArray line = rest.left(nl);
    rest = rest.mid(nl + 1);
    return line;
}

inline void quietQt() {
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
}

} // namespace fd::fuzz
