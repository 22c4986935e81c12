#include "journallocation.h"

#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace fd {
namespace {

constexpr qsizetype kMaxLocation = 4096;

Error bad(const QString &why) {
    return Error{QStringLiteral("FD_JOURNAL_LOCATION"), why};
}

// The libpq connection keywords a journal URL may carry; anything else is refused rather than
// passed through (a typo must not silently weaken TLS).
const QStringList &allowedOptions() {
    static const QStringList keys = {
        QStringLiteral("sslmode"),          QStringLiteral("sslrootcert"),
        QStringLiteral("sslcert"),          QStringLiteral("sslkey"),
        QStringLiteral("sslcrl"),           QStringLiteral("connect_timeout"),
        QStringLiteral("application_name"), QStringLiteral("target_session_attrs"),
        QStringLiteral("service")};
    return keys;
}

} // namespace

bool JournalLocation::looksLikeUrl(const QString &text) {
    return text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

QString JournalLocation::display() const {
    if (kind == Kind::Sqlite)
        return path;
    QString out = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        out += user + QLatin1Char('@');
    out += host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    out += QLatin1Char(':') + QString::number(port) + QLatin1Char('/') + database;
    return out;
}

Result<JournalLocation> JournalLocation::parse(const QString &text) {
    if (text.isEmpty())
        return bad(QStringLiteral("No journal given"));
    if (text.size() > kMaxLocation)
        return bad(
            QStringLiteral("The journal location is longer than %1 characters").arg(kMaxLocation));
    JournalLocation loc;
    if (!looksLikeUrl(text)) {
        if (text.contains(QLatin1Char('\0')))
            return bad(QStringLiteral("The journal path contains a NUL character"));
        loc.path = text;
        return loc;
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return bad(QStringLiteral("The journal URL is not valid: %1").arg(url.errorString()));
    if (!url.password().isEmpty())
        return bad(QStringLiteral(
            "The journal URL contains a password; take it out and put it in PGPASSWORD, "
            "~/.pgpass or the desk's keychain (File → Settings), never on a command line"));
    loc.kind = Kind::Postgres;
    loc.user = url.userName();
    if (!url.host().isEmpty())
        loc.host = url.host();
    loc.port = url.port(5432);
    if (loc.port <= 0 || loc.port > 65535)
        return bad(QStringLiteral("The journal URL's port is not valid"));
    loc.database = url.path().mid(1);
    if (loc.database.isEmpty() || loc.database.contains(QLatin1Char('/')))
        return bad(QStringLiteral("The journal URL names no database (postgresql://USER@HOST:PORT/"
                                  "DATABASE)"));
    QStringList options;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (!allowedOptions().contains(key))
            return bad(QStringLiteral("The journal URL's option \"%1\" is not supported (%2)")
                           .arg(key.left(40), allowedOptions().join(QStringLiteral(", "))));
        if (value.contains(QLatin1Char(';')) || value.contains(QLatin1Char('=')) ||
            value.contains(QLatin1Char(' ')))
            return bad(QStringLiteral("The journal URL's option \"%1\" has a value that cannot "
                                      "be passed on")
                           .arg(key));
        options << key + QLatin1Char('=') + value;
    }
    // A server that does not answer must not hold the desk for libpq's default (forever): 5 s
    // to connect, and a connection whose packets go unanswered (a cable pulled, a VPN gone) is
    // given up after 10 s instead of the system's TCP timeout of many minutes.
    const QString given = options.join(QLatin1Char(';'));
    for (const QLatin1String dflt :
         {QLatin1String("connect_timeout=5"), QLatin1String("tcp_user_timeout=10000"),
          QLatin1String("keepalives_idle=10"), QLatin1String("keepalives_interval=5"),
          QLatin1String("keepalives_count=2")})
        if (!given.contains(QString(dflt).section(QLatin1Char('='), 0, 0) + QLatin1Char('=')))
            options << dflt;
    loc.options = options.join(QLatin1Char(';'));
    return loc;
}

} // namespace fd
