#include "secretinput.h"

#include "desk/settings.h"

#include "core/boundedfile.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace fd::cli {
namespace {

Error fileError(const QString &option, const QString &path, const QString &problem) {
    return Error{QStringLiteral("usage"), QStringLiteral("--%1 %2: %3").arg(option, path, problem)};
}

// Group or other bits of the open file itself (not of whatever the path names by now).
bool othersHaveAccess(const QFile &file) {
#ifdef Q_OS_UNIX
    struct stat st {};
    if (::fstat(file.handle(), &st) != 0)
        return false;
    return (st.st_mode & (S_IRWXG | S_IRWXO)) != 0;
#else
    return false; // ACLs, not mode bits, guard files there
#endif
}

} // namespace

Result<QByteArray> readSecretFile(const QString &path, const QString &option,
                                  QStringList *warnings) {
    QFile file(path);
    if (QFileInfo(path).isDir())
        return fileError(option, path, QStringLiteral("cannot read it: it is a folder"));
    if (!file.open(QIODevice::ReadOnly))
        return fileError(option, path,
                         QStringLiteral("cannot read it: %1").arg(file.errorString()));
    // Read in a loop: a pipe (--api-key-file <(pass show ...)) hands the bytes over in pieces.
    QByteArray bytes;
    while (bytes.size() <= kMaxSecretFileBytes) {
        const QByteArray chunk = file.read(kMaxSecretFileBytes + 1 - bytes.size());
        if (chunk.isEmpty())
            break;
        bytes += chunk;
    }
    if (bytes.size() > kMaxSecretFileBytes)
        return fileError(option, path,
                         QStringLiteral("it is larger than %1; it should hold the secret alone")
                             .arg(sizeText(kMaxSecretFileBytes)));
    if (bytes.endsWith('\n'))
        bytes.chop(bytes.endsWith("\r\n") ? 2 : 1); // written by echo or an editor
    if (bytes.isEmpty())
        return fileError(option, path, QStringLiteral("it is empty"));
    if (othersHaveAccess(file) && warnings)
        warnings->append(
            QStringLiteral("warning: %1 can be read by other users; run chmod 600 %1").arg(path));
    return bytes;
}

Result<QByteArray> readSecret(const QCommandLineParser &parser, const SecretWays &ways,
                              QStringList *warnings) {
    const QString argvName = ways.argv.names().constFirst();
    const QString fileName = ways.file.names().constFirst();
    const QString variable = QString::fromLatin1(ways.environmentVariable);
    if (parser.isSet(ways.argv) && parser.isSet(ways.file))
        return Error{QStringLiteral("usage"),
                     QStringLiteral("give the secret once: --%1 or --%2").arg(argvName, fileName)};
    if (parser.isSet(ways.file))
        return readSecretFile(parser.value(ways.file), fileName, warnings);
    if (parser.isSet(ways.argv)) {
        if (warnings)
            warnings->append(QStringLiteral("warning: --%1 is visible to other users in the "
                                            "process list; use %2 or --%3")
                                 .arg(argvName, variable, fileName));
        return parser.value(ways.argv).toUtf8();
    }
    return QProcessEnvironment::systemEnvironment().value(variable).toUtf8();
}

QString agencyJournalPassword(const QString &location, QStringList *warnings) {
    if (!desk::isAgencyJournal(location) || qEnvironmentVariableIsSet("PGPASSWORD"))
        return {};
    auto settings = desk::makeSettings();
    const auto password = desk::savedAgencyPassword(location, *settings);
    if (!password) {
        if (warnings)
            warnings->append(QStringLiteral("the agency journal's password could not be read "
                                            "from the keychain (%1); trying PGPASSWORD and "
                                            "~/.pgpass")
                                 .arg(password.error().message));
        return {};
    }
    return *password;
}

} // namespace fd::cli
