#include "journalargument.h"

#include "secretinput.h"

#include "desk/orders.h"

namespace fd::cli {

QCommandLineOption journalOption() {
    return {QStringLiteral("journal"),
            QStringLiteral("order journal: a file, or the agency's postgresql://USER@HOST:PORT/DB "
                           "(default: FLIGHTDESK_JOURNAL)"),
            QStringLiteral("PATH|URL")};
}

std::optional<JournalArgument> journalArgument(const QCommandLineParser &parser,
                                               const QCommandLineOption &option,
                                               const QString &command, QTextStream &err) {
    JournalArgument a;
    a.location = desk::journalOrEnvironment(parser.value(option));
    if (a.location.isEmpty()) {
        err << "flightdesk " << command
            << ": --journal PATH|URL (or FLIGHTDESK_JOURNAL) is required\n";
        return std::nullopt;
    }
    QStringList warnings;
    a.password = agencyJournalPassword(a.location, &warnings);
    for (const QString &w : std::as_const(warnings))
        err << "flightdesk " << command << ": " << w << '\n';
    return a;
}

} // namespace fd::cli
