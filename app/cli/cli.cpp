#include "cli.h"

#include "validatecommand.h"

#include <QTextStream>

#include <cstdio>

namespace fd::cli {
namespace {

int usage(QTextStream &out) {
    out << "usage: flightdesk [--demo]                 open the desktop window\n"
           "       flightdesk validate --passengers FILE [--offer-file OFFER.json | "
           "--international] [--departure-date YYYY-MM-DD]\n"
           "       flightdesk --version\n";
    return 0;
}

} // namespace

bool isCommand(const QString &first) {
    return first == QLatin1String("validate") || first == QLatin1String("--version") ||
           first == QLatin1String("--help") || first == QLatin1String("-h");
}

std::optional<int> run(const QStringList &arguments) {
    if (arguments.size() < 2 || !isCommand(arguments.at(1)))
        return std::nullopt;
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString command = arguments.at(1);
    if (command == QLatin1String("--version")) {
        out << "flightdesk " << FLIGHTDESK_VERSION << '\n';
        return 0;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h"))
        return usage(out);
    if (command == QLatin1String("validate"))
        return runValidate(arguments.mid(1), out, err);
    err << "flightdesk: unknown command " << command << '\n';
    return 1;
}

} // namespace fd::cli
