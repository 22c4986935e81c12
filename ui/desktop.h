#pragma once

#include "desk/sessionoptions.h"

#include <functional>
#include <optional>

class QApplication;
class QObject;

namespace fd::desk {
class Settings;
}

namespace fd::ui {

// Parses the desktop's command line (--demo, --help) and runs the window until it closes.
int runDesktop(QApplication &app);

// The session the saved settings describe: every provider in use (enabled, with a base URL),
// in the registry's order, the first as provider/apiBase/apiKey and the others in
// moreProviders, each with its API key from the keychain; the webhook receiver and its secret;
// the timing. The journal is left for the caller. The secrets are read asynchronously: `done`
// runs later on `context`'s thread - at once, with nullopt, when no provider is in use.
void savedSessionOptions(desk::Settings &settings, QObject *context,
                         std::function<void(std::optional<SessionOptions>)> done);

} // namespace fd::ui
