#include "desktop.h"

#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

namespace fd::ui {

int runDesktop(QApplication &app) {
    QApplication::setApplicationName(QStringLiteral("FlightDesk"));
    QApplication::setOrganizationName(QStringLiteral("FlightDesk"));
    QApplication::setApplicationVersion(QStringLiteral(FLIGHTDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("fd::ui", "Book flights for travel agents."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QApplication::translate("fd::ui", "Run against the built-in offline sandbox."));
    parser.addOption(demo);
    parser.process(app);

    MainWindow window(parser.isSet(demo) ? MainWindow::Mode::Demo : MainWindow::Mode::Live);
    window.show();
    return QApplication::exec();
}

} // namespace fd::ui
