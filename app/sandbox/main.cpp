// flightdesk-sandbox: an offline provider API as a process, for demos and manual tests:
// Travelbase Air (default) or Travomatrix (--provider travomatrix).
#include "sandbox.h"
#include "travomatrix/travomatrixsandbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace {

// Starts the chosen sandbox, prints its URL alone on stdout (flushed: scripts and tests read it
// as the ready signal), and serves until the process is stopped.
template <typename S>
int serve(QCoreApplication &app, S &sandbox, const QString &scenario, quint16 port) {
    QTextStream err(stderr);
    const auto chosen = sandbox.setScenario(scenario);
    if (!chosen) {
        err << "flightdesk-sandbox: " << chosen.error().message << '\n';
        return 2;
    }
    const auto bound = sandbox.start(port);
    if (!bound) {
        err << "flightdesk-sandbox: " << bound.error().message << '\n';
        return 1;
    }
    QTextStream out(stdout);
    out << sandbox.baseUrl().toString() << Qt::endl;
    err << "scenario " << *chosen << "; press Ctrl+C to stop\n";
    err.flush();
    return app.exec();
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("flightdesk-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLIGHTDESK_VERSION));
    using fd::sandbox::Sandbox;
    using fd::sandbox::TravomatrixSandbox;

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Serves a provider API on 127.0.0.1 for offline demos: the Travelbase Air "
                       "API v1 (default) or the Travomatrix Booking API v1."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption provider(QStringLiteral("provider"),
                                      QStringLiteral("travelbase (default) or travomatrix."),
                                      QStringLiteral("NAME"), QStringLiteral("travelbase"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("TCP port on 127.0.0.1 (0: pick a free one)."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption scenario(
        QStringLiteral("scenario"),
        QStringLiteral("Built-in scenario or scenario JSON file. Travelbase: %1. Travomatrix: %2.")
            .arg(fd::sandbox::Scenario::builtInNames().join(QStringLiteral(", ")),
                 TravomatrixSandbox::Scenario::builtInNames().join(QStringLiteral(", "))),
        QStringLiteral("NAME|FILE"), QStringLiteral("happy_path"));
    const QCommandLineOption webhookUrl(
        QStringLiteral("webhook-url"),
        QStringLiteral("Where order events are POSTed (Travelbase only)."), QStringLiteral("URL"));
    const QCommandLineOption webhookSecret(QStringLiteral("webhook-secret"),
                                           QStringLiteral("Secret that signs the events."),
                                           QStringLiteral("S"));
    const QCommandLineOption apiKey(
        QStringLiteral("api-key"),
        QStringLiteral("API key clients must send (default %1; %2 for Travomatrix).")
            .arg(Sandbox::defaultApiKey(), TravomatrixSandbox::defaultApiKey()),
        QStringLiteral("KEY"));
    const QCommandLineOption timing(QStringLiteral("timing-scale"),
                                    QStringLiteral("Multiplies every sandbox delay (default 1)."),
                                    QStringLiteral("F"), QStringLiteral("1"));
    const QCommandLineOption firstOrder(
        QStringLiteral("first-order-number"),
        QStringLiteral("Number of the first order or booking (default 1: ord_0001). A journal "
                       "that outlives the sandbox needs a start above every earlier run's ids."),
        QStringLiteral("N"), QStringLiteral("1"));
    parser.addOptions(
        {provider, port, scenario, webhookUrl, webhookSecret, apiKey, timing, firstOrder});
    parser.process(app);

    QTextStream err(stderr);
    const QString providerName = parser.value(provider);
    const bool travomatrix = providerName == QLatin1String("travomatrix");
    if (!travomatrix && providerName != QLatin1String("travelbase")) {
        err << "flightdesk-sandbox: --provider must be travelbase or travomatrix\n";
        return 2;
    }
    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535) {
        err << "flightdesk-sandbox: --port must be a number from 0 to 65535\n";
        return 2;
    }
    const double scale = parser.value(timing).toDouble(&ok);
    if (!ok || scale <= 0) {
        err << "flightdesk-sandbox: --timing-scale must be a positive number\n";
        return 2;
    }
    const qint64 firstNumber = parser.value(firstOrder).toLongLong(&ok);
    if (!ok || firstNumber < 1) {
        err << "flightdesk-sandbox: --first-order-number must be a positive number\n";
        return 2;
    }

    if (travomatrix) {
        if (parser.isSet(webhookUrl) || parser.isSet(webhookSecret)) {
            err << "flightdesk-sandbox: Travomatrix sends no webhooks; drop --webhook-url and "
                   "--webhook-secret\n";
            return 2;
        }
        TravomatrixSandbox::Options options;
        if (parser.isSet(apiKey))
            options.apiKey = parser.value(apiKey);
        options.timingScale = scale;
        options.firstOrderNumber = firstNumber;
        TravomatrixSandbox sandbox(options);
        return serve(app, sandbox, parser.value(scenario), quint16(portNumber));
    }

    Sandbox::Options options;
    if (parser.isSet(apiKey))
        options.apiKey = parser.value(apiKey);
    options.timingScale = scale;
    options.firstOrderNumber = firstNumber;
    if (parser.isSet(webhookUrl)) {
        options.webhookUrl = QUrl(parser.value(webhookUrl), QUrl::StrictMode);
        options.webhookSecret = parser.value(webhookSecret).toUtf8();
        if (!options.webhookUrl.isValid() || options.webhookSecret.isEmpty()) {
            err << "flightdesk-sandbox: --webhook-url needs a valid URL and --webhook-secret\n";
            return 2;
        }
    }
    Sandbox sandbox(options);
    return serve(app, sandbox, parser.value(scenario), quint16(portNumber));
}
