#pragma once

#include "core/result.h"
#include "desk/providers.h"
#include "desk/sessionoptions.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

namespace fd::cli {

// The connection flags every command that talks to a provider shares (checkout, resume,
// contact): provider, API base and key, journal, webhook receiver, timing, demo mode.
struct Connection {
    QCommandLineOption provider{
        QStringLiteral("provider"),
        QStringLiteral("booking provider: %1 (default %2)")
            .arg(desk::providerIds().join(QStringLiteral(", ")), desk::defaultProvider()),
        QStringLiteral("NAME"), desk::defaultProvider()};
    QCommandLineOption apiBase{QStringLiteral("api-base"), QStringLiteral("API base URL"),
                               QStringLiteral("URL")};
    QCommandLineOption apiKey{QStringLiteral("api-key"),
                              QStringLiteral("API key (visible in the process list: prefer "
                                             "FLIGHTDESK_API_KEY or --api-key-file)"),
                              QStringLiteral("KEY")};
    QCommandLineOption apiKeyFile{QStringLiteral("api-key-file"),
                                  QStringLiteral("file holding the API key (mode 0600)"),
                                  QStringLiteral("PATH")};
    QCommandLineOption journal{QStringLiteral("journal"),
                               QStringLiteral("order journal: a file, or the agency's "
                                              "postgresql://USER@HOST:PORT/DB (default: "
                                              "FLIGHTDESK_JOURNAL)"),
                               QStringLiteral("PATH|URL")};
    QCommandLineOption webhookListen{QStringLiteral("webhook-listen"),
                                     QStringLiteral("webhook receiver address"),
                                     QStringLiteral("HOST:PORT")};
    QCommandLineOption webhookListenPublic{
        QStringLiteral("webhook-listen-public"),
        QStringLiteral("allow a --webhook-listen address other computers can reach")};
    QCommandLineOption webhookSecret{
        QStringLiteral("webhook-secret"),
        QStringLiteral("webhook signing secret (visible in the process "
                       "list: prefer FLIGHTDESK_WEBHOOK_SECRET or "
                       "--webhook-secret-file)"),
        QStringLiteral("S")};
    QCommandLineOption webhookSecretFile{
        QStringLiteral("webhook-secret-file"),
        QStringLiteral("file holding the webhook signing secret (mode 0600)"),
        QStringLiteral("PATH")};
    QCommandLineOption timingScale{QStringLiteral("timing-scale"),
                                   QStringLiteral("shrink policy durations"), QStringLiteral("F"),
                                   QStringLiteral("1")};
    QCommandLineOption requestTimeout{QStringLiteral("request-timeout"),
                                      QStringLiteral("seconds per HTTP request"),
                                      QStringLiteral("SECONDS"), QStringLiteral("30")};
    QCommandLineOption demo{QStringLiteral("demo"),
                            QStringLiteral("book against the embedded offline sandbox")};
    QCommandLineOption scenario{QStringLiteral("scenario"),
                                QStringLiteral("demo scenario name or file"),
                                QStringLiteral("NAME")};

    void addTo(QCommandLineParser &p) const {
        p.addOptions({provider, apiBase, apiKey, apiKeyFile, journal, webhookListen,
                      webhookListenPublic, webhookSecret, webhookSecretFile, timingScale,
                      requestTimeout, demo, scenario});
    }

    // Warnings (a secret in argv, a secret file others can read) go to `err`, one line each.
    Result<SessionOptions> read(const QCommandLineParser &p, QTextStream &err,
                                const QString &command) const;
};

} // namespace fd::cli
