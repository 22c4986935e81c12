// A passport's machine-readable zone as an agent pastes it (UTF-8 text, any line breaks):
// mrz::parse with its check digits and country lookups, and checkDigit on each line.
#include "fuzzsupport.h"

#include "core/mrz.h"

#include <QString>
#include <QStringList>

using namespace fd;

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    if (const auto passport = mrz::parse(text, fuzz::kToday))
        (void)passport->checkDigitsOk();
    // Far from today too: the century of two-digit years turns on it.
    (void)mrz::parse(text, QDate(1999, 12, 31));
    for (const QString &line : text.split(QLatin1Char('\n')))
        (void)mrz::checkDigit(line);
    return 0;
}
