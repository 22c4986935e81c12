#pragma once

// The journal a reading command works on (`orders`, `queue`): its --journal option, the
// location given (or FLIGHTDESK_JOURNAL), and the agency journal's password, found the same way
// for every command.
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

#include <optional>

namespace fd::cli {

QCommandLineOption journalOption();

struct JournalArgument {
    QString location; // a file, or the agency's postgresql:// URL (no password in it)
    QString password; // empty unless the keychain has the agency journal's (agencyJournalPassword)
};

// nullopt, with the reason written to `err` under "flightdesk `command`:", when neither
// --journal nor FLIGHTDESK_JOURNAL names one; a keychain's warnings are written there too.
std::optional<JournalArgument> journalArgument(const QCommandLineParser &parser,
                                               const QCommandLineOption &option,
                                               const QString &command, QTextStream &err);

} // namespace fd::cli
