// flightdesk-sandbox: the offline Travelbase Air API as a process, for demos and manual tests.
#include "sandbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("flightdesk-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLIGHTDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Serves the Travelbase Air API v1 on 127.0.0.1 for offline demos."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("TCP port on 127.0.0.1 (0: pick a free one)."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption scenario(
        QStringLiteral("scenario"),
        QStringLiteral("Built-in scenario (%1) or scenario JSON file.")
            .arg(fd::sandbox::Scenario::builtInNames().join(QStringLiteral(", "))),
        QStringLiteral("NAME|FILE"), QStringLiteral("happy_path"));
    const QCommandLineOption webhookUrl(QStringLiteral("webhook-url"),
                                        QStringLiteral("Where order events are POSTed."),
                                        QStringLiteral("URL"));
    const QCommandLineOption webhookSecret(QStringLiteral("webhook-secret"),
                                           QStringLiteral("Secret that signs the events."),
                                           QStringLiteral("S"));
    const QCommandLineOption apiKey(QStringLiteral("api-key"),
                                    QStringLiteral("API key clients must send (default %1).")
                                        .arg(fd::sandbox::Sandbox::defaultApiKey()),
                                    QStringLiteral("KEY"), fd::sandbox::Sandbox::defaultApiKey());
    const QCommandLineOption timing(QStringLiteral("timing-scale"),
                                    QStringLiteral("Multiplies every sandbox delay (default 1)."),
                                    QStringLiteral("F"), QStringLiteral("1"));
    parser.addOptions({port, scenario, webhookUrl, webhookSecret, apiKey, timing});
    parser.process(app);

    QTextStream err(stderr);
    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535) {
        err << "flightdesk-sandbox: --port must be a number from 0 to 65535\n";
        return 2;
    }
    fd::sandbox::Sandbox::Options options;
    options.apiKey = parser.value(apiKey);
    options.timingScale = parser.value(timing).toDouble(&ok);
    if (!ok || options.timingScale <= 0) {
        err << "flightdesk-sandbox: --timing-scale must be a positive number\n";
        return 2;
    }
    if (parser.isSet(webhookUrl)) {
        options.webhookUrl = QUrl(parser.value(webhookUrl), QUrl::StrictMode);
        options.webhookSecret = parser.value(webhookSecret).toUtf8();
        if (!options.webhookUrl.isValid() || options.webhookSecret.isEmpty()) {
            err << "flightdesk-sandbox: --webhook-url needs a valid URL and --webhook-secret\n";
            return 2;
        }
    }
    fd::sandbox::Sandbox sandbox(options);
    const auto chosen = sandbox.setScenario(parser.value(scenario));
    if (!chosen) {
        err << "flightdesk-sandbox: " << chosen.error().message << '\n';
        return 2;
    }
    const auto bound = sandbox.start(quint16(portNumber));
    if (!bound) {
        err << "flightdesk-sandbox: " << bound.error().message << '\n';
        return 1;
    }
    // The URL alone on stdout, flushed, so scripts and tests can read it as the ready signal.
    QTextStream out(stdout);
    out << sandbox.baseUrl().toString() << Qt::endl;
    err << "scenario " << *chosen << "; press Ctrl+C to stop\n";
    err.flush();
    return app.exec();
}
