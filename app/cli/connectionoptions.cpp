#include "connectionoptions.h"

#include "secretinput.h"

#include "desk/orders.h"
#include "desk/providers.h"

namespace fd::cli {

Result<SessionOptions> Connection::read(const QCommandLineParser &p, QTextStream &err,
                                        const QString &command) const {
    SessionOptions o;
    o.provider = p.value(provider);
    if (!desk::isKnownProvider(o.provider))
        return Error{QStringLiteral("usage"),
                     QStringLiteral("--provider must be one of: %1")
                         .arg(desk::providerIds().join(QStringLiteral(", ")))};
    o.demo = p.isSet(demo);
    o.demoScenario = p.value(scenario);
    o.journalPath = desk::journalOrEnvironment(p.value(journal));
    o.apiBase = QUrl(p.value(apiBase));
    QStringList warnings;
    const auto key = cli::readSecret(p, {apiKey, apiKeyFile, "FLIGHTDESK_API_KEY"}, &warnings);
    if (!key)
        return key.error();
    const auto secret = cli::readSecret(
        p, {webhookSecret, webhookSecretFile, "FLIGHTDESK_WEBHOOK_SECRET"}, &warnings);
    if (!secret)
        return secret.error();
    // Travomatrix sends no webhooks: its outcome comes with the create, or by polling.
    if (o.provider == QLatin1String("travomatrix") &&
        (p.isSet(webhookListen) || p.isSet(webhookSecret) || p.isSet(webhookSecretFile) ||
         p.isSet(webhookListenPublic))) {
        warnings.append(QStringLiteral("--webhook-* options are ignored with --provider "
                                       "travomatrix, which sends no webhooks (it is polled)"));
    }
    for (const QString &w : std::as_const(warnings))
        err << "flightdesk " << command << ": " << w << '\n';
    err.flush();
    o.apiKey = QString::fromUtf8(*key);
    if (o.provider != QLatin1String("travomatrix")) {
        o.webhookListen = p.value(webhookListen);
        o.webhookListenPublic = p.isSet(webhookListenPublic);
        o.webhookSecret = *secret;
    }
    bool ok = false;
    o.timingScale = p.value(timingScale).toDouble(&ok);
    if (!ok || o.timingScale <= 0)
        return Error{QStringLiteral("usage"),
                     QStringLiteral("--timing-scale must be a positive number")};
    o.requestTimeoutSeconds = p.value(requestTimeout).toInt(&ok);
    if (!ok || o.requestTimeoutSeconds <= 0)
        return Error{QStringLiteral("usage"),
                     QStringLiteral("--request-timeout must be a positive number of seconds")};
    if (o.journalPath.isEmpty())
        return Error{QStringLiteral("usage"),
                     QStringLiteral("--journal PATH|URL (or FLIGHTDESK_JOURNAL) is required")};
    // A URL with a password (or one that does not parse) is refused before anything opens.
    if (const auto checked = desk::checkJournalLocation(o.journalPath); !checked)
        return Error{QStringLiteral("usage"), checked.error().message};
    QStringList passwordWarnings;
    o.journalPassword = cli::agencyJournalPassword(o.journalPath, &passwordWarnings);
    for (const QString &w : std::as_const(passwordWarnings))
        err << "flightdesk " << command << ": " << w << '\n';
    if (!o.demo && !p.isSet(apiBase))
        return Error{QStringLiteral("usage"),
                     QStringLiteral("--api-base URL is required (or --demo)")};
    if (p.isSet(scenario) && !o.demo)
        return Error{QStringLiteral("usage"), QStringLiteral("--scenario needs --demo")};
    return o;
}

} // namespace fd::cli
