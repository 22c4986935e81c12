#include "checkoutcommand.h"

#include "cancelcommand.h"

#include "connectionoptions.h"
#include "orderscommand.h"

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
    // Cancellations whose confirm may have been sent are finished with their own key (never a
    // second quote), with the provider that quoted them.
    const auto cancellations = app.cancellations().unfinished();
    if (!cancellations)
        return usageError(err, QStringLiteral("resume"), cancellations.error().message);
    QList<CancellationRecord> toFinish;
    for (const CancellationRecord &r : *cancellations) {
        if (connected.contains(r.provider)) {
            toFinish.append(r);
            continue;
        }
        printLine(out, {{QStringLiteral("type"), QStringLiteral("notice")},
                        {QStringLiteral("order_id"), r.quote.orderId},
                        {QStringLiteral("provider"), r.provider},
                        {QStringLiteral("message"),
                         QStringLiteral("A cancellation with %1: finish it with resume "
                                        "--provider %2.")
                             .arg(desk::providerName(r.provider), r.provider)}});
    }
    if (ids.isEmpty() && toFinish.isEmpty()) {
        printLine(out, {{QStringLiteral("type"), QStringLiteral("notice")},
                        {QStringLiteral("message"), QStringLiteral("Nothing to resume.")}});
        return 0;
    }
    int worst = 0;
    qsizetype remaining = ids.size() + toFinish.size();
    std::vector<std::unique_ptr<CancellationFlow>> cancelling;
    for (const CancellationRecord &r : std::as_const(toFinish)) {
        auto flow = app.cancellations().open(r.provider);
        if (!flow)
            return usageError(err, QStringLiteral("resume"), flow.error().message);
        cancelling.emplace_back(*flow);
        followCancellation(*flow, out, [&worst, &remaining](int code) {
            if (worst == 0)
                worst = code;
            if (--remaining == 0)
                QCoreApplication::quit();
        });
        (*flow)->resume(r);
    }
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
