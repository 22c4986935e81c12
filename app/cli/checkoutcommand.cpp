#include "checkoutcommand.h"

#include "orderscommand.h"
#include "secretinput.h"

#include "core/boundedfile.h"
#include "core/limits.h"
#include "desk/desk.h"
#include "desk/orders.h"
#include "desk/providers.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>

namespace fd::cli {
namespace {

using Outcome = CheckoutFlow::Outcome;

void printLine(QTextStream &out, const QJsonObject &line) {
    out << QJsonDocument(line).toJson(QJsonDocument::Compact) << '\n';
    out.flush(); // a supervisor reading the pipe sees each state as it happens
}

// `provider` names the provider when there is no intent yet (a search that failed); an intent's
// own provider wins.
QJsonObject outcomeLine(const QString &outcome, const QString &message, const Intent *intent,
                        const Report *report = nullptr, const QString &provider = {}) {
    QJsonObject o{
        {QStringLiteral("type"), QStringLiteral("outcome")},
        {QStringLiteral("outcome"), outcome},
        {QStringLiteral("message"), message},
        {QStringLiteral("provider"), provider.isEmpty() ? QJsonValue() : QJsonValue(provider)},
        {QStringLiteral("order_id"), QJsonValue()},
        {QStringLiteral("booking_reference"), QJsonValue()},
        {QStringLiteral("idempotency_key"), QJsonValue()},
        {QStringLiteral("tickets"), QJsonArray()}};
    if (intent) {
        const auto orNull = [](const QString &s) {
            return s.isEmpty() ? QJsonValue() : QJsonValue(s);
        };
        o.insert(QStringLiteral("intent_id"), intent->id);
        // A journal from before providers holds Travelbase intents only.
        o.insert(QStringLiteral("provider"),
                 intent->provider.isEmpty() ? desk::defaultProvider() : intent->provider);
        o.insert(QStringLiteral("order_id"), orNull(intent->orderId));
        o.insert(QStringLiteral("booking_reference"), orNull(intent->bookingReference));
        o.insert(QStringLiteral("idempotency_key"), intent->idempotencyKey);
        o.insert(QStringLiteral("tickets"), intent->eTickets);
    }
    if (report) {
        QJsonArray errors;
        for (const Issue &i : report->errors)
            errors.append(QJsonObject{{QStringLiteral("passenger"),
                                       i.passenger < 0 ? QJsonValue() : QJsonValue(i.passenger)},
                                      {QStringLiteral("field"), i.field},
                                      {QStringLiteral("code"), i.code},
                                      {QStringLiteral("message"), i.message}});
        o.insert(QStringLiteral("errors"), errors);
    }
    return o;
}

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
};

// Prints every state of `flow` and finishes with its outcome line; calls `done(exit code)`.
void follow(CheckoutFlow *flow, desk::Checkouts *checkouts, QTextStream &out,
            const std::function<void(int)> &done) {
    QObject::connect(flow, &CheckoutFlow::stateEntered, flow,
                     [flow, &out](CheckoutState state, const QJsonObject &detail) {
                         QJsonObject line = detail;
                         line.insert(QStringLiteral("type"), QStringLiteral("state"));
                         line.insert(QStringLiteral("state"), state::name(state));
                         line.insert(QStringLiteral("intent_id"), flow->intentId());
                         printLine(out, line);
                     });
    QObject::connect(flow, &CheckoutFlow::stillProcessing, flow, [&out] {
        printLine(out, {{QStringLiteral("type"), QStringLiteral("notice")},
                        {QStringLiteral("message"),
                         QStringLiteral("Still processing: the airline has not answered yet.")}});
    });
    auto reported = std::make_shared<bool>(false);
    QObject::connect(
        flow, &CheckoutFlow::outcomeReached, flow,
        [flow, checkouts, &out, done, reported](Outcome outcome, const QString &message) {
            if (std::exchange(*reported, true))
                return; // the command reports the first outcome it reaches, once
            const auto intent = checkouts->intent(flow->intentId());
            const Report *report =
                outcome == Outcome::InvalidInput ? &flow->validationReport() : nullptr;
            printLine(out, outcomeLine(CheckoutFlow::outcomeName(outcome), message,
                                       intent ? &intent.value() : nullptr, report));
            // Printed and flushed: only now has a person (or a supervisor) been told.
            checkouts->markOutcomeShown(flow->intentId());
            done(state::exitCode(CheckoutFlow::outcomeState(outcome)));
        });
}

// "LOS-LHR/2026-12-10" → an offer request for one slice; empty when it does not parse.
QJsonObject searchRequest(const QString &spec) {
    static const QRegularExpression re(QRegularExpression::anchoredPattern(
        QStringLiteral("([A-Z]{3})-([A-Z]{3})(?:/([0-9]{4}-[0-9]{2}-[0-9]{2}))?")));
    const auto m = re.match(spec);
    if (!m.hasMatch())
        return {};
    QDate date = QDate::currentDate().addDays(14);
    if (m.hasCaptured(3))
        date = QDate::fromString(m.captured(3), Qt::ISODate);
    if (!date.isValid())
        return {};
    return {
        {QStringLiteral("slices"),
         QJsonArray{QJsonObject{{QStringLiteral("origin"), m.captured(1)},
                                {QStringLiteral("destination"), m.captured(2)},
                                {QStringLiteral("departure_date"), date.toString(Qt::ISODate)}}}},
        {QStringLiteral("cabin_class"), QStringLiteral("economy")}};
}

QString closedWhileMessage(const Intent &i) {
    if (i.state == CheckoutState::Ticketed)
        return QStringLiteral("Booked while FlightDesk was closed: order %1, booking reference %2.")
            .arg(i.orderId, i.bookingReference);
    if (i.state == CheckoutState::Failed)
        return QStringLiteral("Failed while FlightDesk was closed: order %1 was not booked.")
            .arg(i.orderId);
    return QStringLiteral("Ended while FlightDesk was closed: %1").arg(i.outcomeMessage);
}

int usageError(QTextStream &err, const QString &command, const QString &message) {
    err << "flightdesk " << command << ": " << message << '\n';
    return 1;
}

} // namespace

int runCheckout(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    QCommandLineParser parser;
    Connection c;
    c.addTo(parser);
    const QCommandLineOption offerOpt(QStringLiteral("offer"), QStringLiteral("offer id"),
                                      QStringLiteral("ID"));
    const QCommandLineOption searchOpt(
        QStringLiteral("search"),
        QStringLiteral("search and book the cheapest offer, e.g. LOS-LHR/2026-12-10"),
        QStringLiteral("FROM-TO[/DATE]"));
    const QCommandLineOption passengersOpt(
        QStringLiteral("passengers"), QStringLiteral("passengers file"), QStringLiteral("FILE"));
    parser.addOptions({offerOpt, searchOpt, passengersOpt});
    if (!parser.parse(arguments))
        return usageError(err, QStringLiteral("checkout"), parser.errorText());
    auto options = c.read(parser, err, QStringLiteral("checkout"));
    if (!options)
        return usageError(err, QStringLiteral("checkout"), options.error().message);
    if (parser.isSet(offerOpt) == parser.isSet(searchOpt) || !parser.isSet(passengersOpt))
        return usageError(
            err, QStringLiteral("checkout"),
            QStringLiteral(
                "--passengers FILE and one of --offer ID or --search FROM-TO[/DATE] are required"));
    std::optional<QJsonObject> search;
    if (parser.isSet(searchOpt)) {
        search = searchRequest(parser.value(searchOpt));
        if (search->isEmpty())
            return usageError(
                err, QStringLiteral("checkout"),
                QStringLiteral("--search must look like LOS-LHR or LOS-LHR/2026-12-10"));
    }

    const QString passengersPath = parser.value(passengersOpt);
    const auto bytes = readBoundedFile(passengersPath, limits::kPassengersFileBytes,
                                       QStringLiteral("the passengers file"));
    if (!bytes)
        return usageError(err, QStringLiteral("checkout"), bytes.error().message);
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &parseError);
    auto list = parseError.error == QJsonParseError::NoError ? passengersFromJson(doc.array())
                                                             : Result<PassengerList>(Error{});
    if (parseError.error != QJsonParseError::NoError || !doc.isArray() || !list)
        return usageError(
            err, QStringLiteral("checkout"),
            QStringLiteral("%1 is not a JSON array of passengers").arg(passengersPath));
    if (!list->typeIssues.valid()) {
        printLine(out, outcomeLine(
                           state::name(CheckoutState::InvalidInput),
                           QStringLiteral(
                               "Some passenger fields have the wrong JSON type; nothing was sent."),
                           nullptr, &list->typeIssues, options->provider));
        return state::exitCode(CheckoutState::InvalidInput);
    }

    auto opened = desk::makeDesk(*options);
    if (!opened)
        return usageError(err, QStringLiteral("checkout"), opened.error().message);
    desk::Desk &app = **opened;
    noteTightenedJournal(err, QStringLiteral("checkout"), app.orders());
    int code = 1;
    // The intent and its key are stored before any booking call; the offer itself is fetched
    // fresh by the validating step.
    const auto book = [&](const QString &offerId) {
        auto flow = app.checkouts().open(options->provider, offerId, {}, list->passengers);
        if (!flow) {
            code = usageError(err, QStringLiteral("checkout"), flow.error().message);
            return QCoreApplication::quit();
        }
        follow(*flow, &app.checkouts(), out, [&code](int exitCode) {
            code = exitCode;
            QCoreApplication::quit();
        });
        (*flow)->submit();
    };
    if (!search) {
        QTimer::singleShot(0, qApp, [&] { book(parser.value(offerOpt)); });
    } else {
        QJsonArray types;
        for (const Passenger &p : list->passengers)
            types.append(QJsonObject{
                {QStringLiteral("type"), p.type.isEmpty() ? QStringLiteral("adult") : p.type}});
        search->insert(QStringLiteral("passengers"), types);
        app.search().searchOffers(
            options->provider, *search, qApp, {}, [&](GatewayResult<QList<Offer>> r) {
                if (const auto *f = std::get_if<GatewayFailure>(&r)) {
                    printLine(out, outcomeLine(state::name(CheckoutState::Error), f->message,
                                               nullptr, nullptr, options->provider));
                    return QCoreApplication::quit();
                }
                const QList<Offer> &offers = std::get<QList<Offer>>(r);
                if (offers.isEmpty()) {
                    printLine(out, outcomeLine(state::name(CheckoutState::OfferUnavailable),
                                               QStringLiteral("No offers for that search."),
                                               nullptr, nullptr, options->provider));
                    code = state::exitCode(CheckoutState::OfferUnavailable);
                    return QCoreApplication::quit();
                }
                const Offer *cheapest = &offers.first();
                for (const Offer &o : offers)
                    if (o.total.compare(cheapest->total).value_or(1) < 0)
                        cheapest = &o;
                printLine(out, {{QStringLiteral("type"), QStringLiteral("offer")},
                                {QStringLiteral("offer_id"), cheapest->id},
                                {QStringLiteral("total_amount"), cheapest->total.amount()},
                                {QStringLiteral("total_currency"), cheapest->total.currency()}});
                book(cheapest->id);
            });
    }
    QCoreApplication::exec();
    return code;
}

int runResume(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    QCommandLineParser parser;
    Connection c;
    c.addTo(parser);
    if (!parser.parse(arguments))
        return usageError(err, QStringLiteral("resume"), parser.errorText());
    auto options = c.read(parser, err, QStringLiteral("resume"));
    if (!options)
        return usageError(err, QStringLiteral("resume"), options.error().message);
    auto opened = desk::makeDesk(*options);
    if (!opened)
        return usageError(err, QStringLiteral("resume"), opened.error().message);
    desk::Desk &app = **opened;
    noteTightenedJournal(err, QStringLiteral("resume"), app.orders());
    const auto unfinished = app.checkouts().unfinished();
    if (!unfinished)
        return usageError(err, QStringLiteral("resume"), unfinished.error().message);

    const auto notShown = app.checkouts().outcomesNotShown();
    if (!notShown)
        return usageError(err, QStringLiteral("resume"), notShown.error().message);

    QList<qint64> ids;
    // Outcomes reached while nobody was watching come first: an agent who saw a crash must
    // learn that the booking went through before thinking of booking again.
    for (const Intent &i : *notShown) {
        printLine(out, {{QStringLiteral("type"), QStringLiteral("notice")},
                        {QStringLiteral("intent_id"), i.id},
                        {QStringLiteral("message"), closedWhileMessage(i)}});
        ids.append(i.id);
    }
    // Each intent goes back to the provider it was booked with; one this command is not
    // connected to is left alone, untouched, for a resume with that --provider.
    const QStringList connected = app.search().providers();
    for (const Intent &i : *unfinished) {
        if (!i.isResumable())
            continue;
        const QString provider = i.provider.isEmpty() ? desk::defaultProvider() : i.provider;
        if (!connected.contains(provider)) {
            printLine(out,
                      {{QStringLiteral("type"), QStringLiteral("notice")},
                       {QStringLiteral("intent_id"), i.id},
                       {QStringLiteral("provider"), provider},
                       {QStringLiteral("message"),
                        QStringLiteral("Booked with %1: continue it with resume --provider %2.")
                            .arg(desk::providerName(provider), provider)}});
            continue;
        }
        ids.append(i.id);
    }
    if (ids.isEmpty()) {
        printLine(out, {{QStringLiteral("type"), QStringLiteral("notice")},
                        {QStringLiteral("message"), QStringLiteral("Nothing to resume.")}});
        return 0;
    }
    int worst = 0;
    qsizetype remaining = ids.size();
    for (qint64 id : ids) {
        CheckoutFlow *flow = app.checkouts().flowFor(id);
        follow(flow, &app.checkouts(), out, [&worst, &remaining](int code) {
            if (worst == 0)
                worst = code;
            if (--remaining == 0)
                QCoreApplication::quit();
        });
        flow->resume();
    }
    QCoreApplication::exec();
    return worst;
}

} // namespace fd::cli
