#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <variant>

namespace fd::desk {

// The offline demo: the embedded sandbox and the scenario that decides the next booking's
// outcome. Everything is inert when the desk books against a real server (available() false).
class Demo {
public:
    virtual ~Demo() = default;

    virtual bool available() const = 0;
    virtual QUrl baseUrl() const = 0;              // http://127.0.0.1:<port>; empty without
    virtual QString scenario() const = 0;          // the current one's name; empty = the default
    virtual QStringList scenarioNames() const = 0; // the built-in ones
    // A built-in name or a scenario file.
    virtual Result<std::monostate> setScenario(const QString &nameOrFile) = 0;
};

} // namespace fd::desk
