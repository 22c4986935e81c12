#pragma once

class QApplication;

namespace fd::ui {

// Parses the desktop's command line (--demo, --help) and runs the window until it closes.
int runDesktop(QApplication &app);

} // namespace fd::ui
