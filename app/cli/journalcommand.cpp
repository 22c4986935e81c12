#include "journalcommand.h"
#include "secretinput.h"

#include "storage/orderjournal.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fd::cli {

int runJournal(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    QCommandLineParser parser;
    const QCommandLineOption fromOpt(
        QStringLiteral("from"), QStringLiteral("the desk's journal file"), QStringLiteral("PATH"));
    const QCommandLineOption toOpt(QStringLiteral("to"), QStringLiteral("the agency's journal"),
                                   QStringLiteral("URL"));
    parser.addOption(fromOpt);
    parser.addOption(toOpt);
    parser.addPositionalArgument(QStringLiteral("migrate"), QStringLiteral("the action"));
    const auto usage = [&err](const QString &why) {
        err << "flightdesk journal: " << why << '\n'
            << "usage: flightdesk journal migrate --from PATH --to postgresql://USER@HOST:PORT/DB"
               "\n(the password from PGPASSWORD, ~/.pgpass or the desk's keychain, never on the "
               "command line)\n";
        return 2;
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.positionalArguments() != QStringList{QStringLiteral("migrate")})
        return usage(QStringLiteral("the only action is `migrate`"));
    if (!parser.isSet(fromOpt) || !parser.isSet(toOpt))
        return usage(QStringLiteral("--from and --to are required"));
    const QString fromPath = parser.value(fromOpt);
    const QString to = parser.value(toOpt);
    for (const QString &where : {fromPath, to})
        if (auto parsed = JournalLocation::parse(where); !parsed)
            return usage(parsed.error().message);
    // Never creates the source: a mistyped path is "no journal at PATH", not an empty copy.
    if (!JournalLocation::looksLikeUrl(fromPath) && !QFileInfo(fromPath).isFile()) {
        err << "flightdesk journal: no journal at " << fromPath << '\n';
        return 1;
    }
    OrderJournal source;
    if (auto opened = source.open(fromPath); !opened) {
        err << "flightdesk journal: " << opened.error().message << '\n';
        return 1;
    }
    OrderJournal target;
    QStringList warnings;
    target.setPassword(cli::agencyJournalPassword(to, &warnings));
    for (const QString &w : std::as_const(warnings))
        err << "flightdesk journal: " << w << '\n';
    if (auto opened = target.open(to); !opened) {
        err << "flightdesk journal: " << opened.error().message << '\n';
        return 1;
    }
    const auto report = target.importFrom(source);
    if (!report) {
        err << "flightdesk journal: " << report.error().message
            << " (what was copied before stays; run the same command again to finish)\n";
        return 1;
    }
    const QJsonObject line{
        {QStringLiteral("type"), QStringLiteral("migrated")},
        {QStringLiteral("from"), source.path()},
        {QStringLiteral("to"), target.path()},
        {QStringLiteral("copied"), report->copied},
        {QStringLiteral("already_there"), report->alreadyThere},
        {QStringLiteral("events"), report->events},
        {QStringLiteral("cancellations"), report->cancellations},
        {QStringLiteral("schedule_changes"), report->scheduleChanges},
        {QStringLiteral("conflicts"), QJsonArray::fromStringList(report->conflicts)}};
    out << QJsonDocument(line).toJson(QJsonDocument::Compact) << '\n';
    if (!report->conflicts.isEmpty())
        err << "flightdesk journal: " << report->conflicts.size()
            << " intent(s) not copied: the agency journal records their order for another "
               "booking; see \"conflicts\"\n";
    return 0;
}

} // namespace fd::cli
