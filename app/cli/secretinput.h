#pragma once

#include "core/limits.h"

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

class QCommandLineParser;
class QCommandLineOption;

namespace fd::cli {

// The largest secret file read; an API key or a signing secret is far smaller, so anything
// bigger is the wrong file.
inline constexpr qsizetype kMaxSecretFileBytes = limits::kSecretFileBytes;

// Reads a secret from a file: one trailing newline (LF or CRLF) is stripped, an empty, unreadable
// or larger-than-kMaxSecretFileBytes file is an error naming `option` and the path (never the
// content). A file others may read or write is used but adds a warning to `warnings`.
Result<QByteArray> readSecretFile(const QString &path, const QString &option,
                                  QStringList *warnings);

// Where a secret may come from, so `ps` cannot see it: the environment variable or the file
// option; the argv form still works but warns. Giving both the argv and the file form is an
// error. Empty bytes when none of the three is given.
struct SecretWays {
    const QCommandLineOption &argv;
    const QCommandLineOption &file;
    const char *environmentVariable;
};
Result<QByteArray> readSecret(const QCommandLineParser &parser, const SecretWays &ways,
                              QStringList *warnings);

// The agency journal's password for a command's --journal: empty unless it is the agency
// database saved in the desk's Settings and PGPASSWORD is not set (then libpq's PGPASSWORD or
// ~/.pgpass apply); from the keychain otherwise. A keychain that fails adds a warning and gives
// empty (libpq may still find a password).
QString agencyJournalPassword(const QString &location, QStringList *warnings);

} // namespace fd::cli
