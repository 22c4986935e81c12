#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <variant>

namespace fd::desk {

// The offline demo: one embedded sandbox per provider and the scenario that decides the next
// booking's outcome, with whichever provider. Everything is inert when the desk books against
// real servers (available() false).
class Demo {
public:
    virtual ~Demo() = default;

    virtual bool available() const = 0;
    // The provider's sandbox, http://127.0.0.1:<port>; empty without.
    virtual QUrl baseUrl(const QString &provider) const = 0;
    virtual QString scenario() const = 0;          // the current one's name; empty = the default
    virtual QStringList scenarioNames() const = 0; // the built-in ones, of every provider
    // A built-in name or a scenario file, for every provider that has it (the others book
    // happily); refused when none has it.
    virtual Result<std::monostate> setScenario(const QString &nameOrFile) = 0;
};

} // namespace fd::desk
