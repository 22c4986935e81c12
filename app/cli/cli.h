#pragma once

#include <QStringList>

#include <optional>

namespace fd::cli {

// Runs a headless command when argv names one ("validate", ...); nullopt means "not a
// command: open the window". The caller owns the QCoreApplication.
std::optional<int> run(const QStringList &arguments);

bool isCommand(const QString &firstArgument);

} // namespace fd::cli
