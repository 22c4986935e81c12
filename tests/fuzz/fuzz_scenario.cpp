// A sandbox scenario file (flightdesk-sandbox --scenario FILE, or an inline scenario in the
// control endpoint): Scenario::fromJson, then the fault lookup every request makes.
#include "fuzzsupport.h"

#include "sandbox/scenario.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace fd;
using namespace fd::sandbox;

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    // As Scenario::fromFile reads it.
    const QJsonDocument doc = QJsonDocument::fromJson(fuzz::bytes(data, size));
    if (!doc.isObject())
        return 0;
    const auto scenario = Scenario::fromJson(doc.object());
    if (!scenario)
        return 0;
    static const QStringList endpoints = Scenario::endpointNames();
    for (const QString &endpoint : endpoints) {
        for (int attempt = 1; attempt <= 4; ++attempt)
            (void)scenario->faultFor(endpoint, attempt);
    }
    return 0;
}
