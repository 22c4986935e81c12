// Thin on purpose: a headless command runs without a display; anything else opens the window.
#include "cli/cli.h"
#include "desktop.h"

#include <QApplication>
#include <QCoreApplication>

int main(int argc, char *argv[]) {
    if (argc > 1 && fd::cli::isCommand(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("flightdesk"));
        QCoreApplication::setApplicationVersion(QStringLiteral(FLIGHTDESK_VERSION));
        return fd::cli::run(QCoreApplication::arguments()).value_or(1);
    }
    QApplication app(argc, argv);
    return fd::ui::runDesktop(app);
}
