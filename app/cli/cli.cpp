#include "cli.h"

#include "cancelcommand.h"
#include "checkoutcommand.h"
#include "contactcommand.h"
#include "journalcommand.h"
#include "orderscommand.h"
#include "queuecommand.h"
#include "validatecommand.h"

#include <QTextStream>

#include <cstdio>

namespace fd::cli {
namespace {

int usage(QTextStream &out) {
    out << "usage: flightdesk [--demo]                 open the desktop window\n"
           "       flightdesk validate --passengers FILE [--offer-file OFFER.json | "
           "--international] [--departure-date YYYY-MM-DD]\n"
           "       flightdesk checkout (--offer ID | --search FROM-TO[/DATE]) --passengers FILE "
           "--journal PATH|URL\n"
           "                (--api-base URL [--api-key-file PATH] | --demo [--scenario NAME])\n"
           "                [--webhook-listen HOST:PORT [--webhook-listen-public]\n"
           "                 --webhook-secret-file PATH]\n"
           "                [--timing-scale F] [--request-timeout SECONDS]\n"
           "       flightdesk resume --journal PATH|URL (connection flags as for checkout)\n"
           "                (also finishes cancellations whose confirm may have been sent)\n"
           "       flightdesk cancel --order ORDER_ID [--quote-only] [--yes]\n"
           "                (connection flags as for checkout)\n"
           "       flightdesk contact --order ORDER_ID [--email E] [--phone P]\n"
           "                [--on-conflict mine|theirs] (connection flags as for checkout)\n"
           "       flightdesk orders --journal PATH|URL [--jsonl] [--needs-attention]\n"
           "       flightdesk queue --journal PATH|URL [--limit N] [--ack ID [--by NAME]]\n"
           "                (the schedule changes no agent has acknowledged, as JSON lines)\n"
           "       flightdesk journal migrate --from PATH --to URL|PATH\n"
           "       flightdesk --version\n"
           "journal: a SQLite file, or the agency's PostgreSQL database as\n"
           "postgresql://USER@HOST:PORT/DB[?sslmode=verify-full&...], shared by many desks;\n"
           "without --journal, FLIGHTDESK_JOURNAL. The database password never goes on the\n"
           "command line: PGPASSWORD, ~/.pgpass, or for the agency journal saved in the\n"
           "desk's Settings, the password the desk keeps in the keychain.\n"
           "secrets: FLIGHTDESK_API_KEY and FLIGHTDESK_WEBHOOK_SECRET, or the -file options\n"
           "(mode 0600); --api-key KEY and --webhook-secret S still work but show in `ps`.\n";
    return 0;
}

} // namespace

bool isCommand(const QString &first) {
    return first == QLatin1String("validate") || first == QLatin1String("checkout") ||
           first == QLatin1String("resume") || first == QLatin1String("orders") ||
           first == QLatin1String("queue") || first == QLatin1String("contact") ||
           first == QLatin1String("cancel") || first == QLatin1String("journal") ||
           first == QLatin1String("--version") || first == QLatin1String("--help") ||
           first == QLatin1String("-h");
}

std::optional<int> run(const QStringList &arguments) {
    if (arguments.size() < 2 || !isCommand(arguments.at(1)))
        return std::nullopt;
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString &command = arguments.at(1);
    if (command == QLatin1String("--version")) {
        out << "flightdesk " << FLIGHTDESK_VERSION << '\n';
        return 0;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h"))
        return usage(out);
    if (command == QLatin1String("validate"))
        return runValidate(arguments.mid(1), out, err);
    if (command == QLatin1String("checkout"))
        return runCheckout(arguments.mid(1), out, err);
    if (command == QLatin1String("resume"))
        return runResume(arguments.mid(1), out, err);
    if (command == QLatin1String("cancel"))
        return runCancel(arguments.mid(1), out, err);
    if (command == QLatin1String("contact"))
        return runContact(arguments.mid(1), out, err);
    if (command == QLatin1String("orders"))
        return runOrders(arguments.mid(1), out, err);
    if (command == QLatin1String("queue"))
        return runQueue(arguments.mid(1), out, err);
    if (command == QLatin1String("journal"))
        return runJournal(arguments.mid(1), out, err);
    err << "flightdesk: unknown command " << command << '\n';
    return 1;
}

} // namespace fd::cli
