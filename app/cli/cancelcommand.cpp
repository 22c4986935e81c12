#include "cancelcommand.h"

#include "connectionoptions.h"
#include "orderscommand.h"

#include "core/cancellationflow.h"
#include "desk/desk.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace fd::cli {
namespace {

using S = CancellationState;

void printLine(QTextStream &out, const QJsonObject &line) {
    out << QJsonDocument(line).toJson(QJsonDocument::Compact) << '\n';
    out.flush(); // a supervisor reading the pipe sees each state as it happens
}

QJsonValue orNull(const QString &s) {
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

// The outcome's word: the state's, except for a confirm cut short (resume finishes it) and a
// quote the agent did not confirm.
QString outcomeName(S state) {
    if (state == S::Confirming)
        return QStringLiteral("interrupted");
    if (state == S::Abandoned || state == S::Quoted)
        return QStringLiteral("not_confirmed");
    return cancellation::name(state);
}

QJsonObject quoteLine(const CancellationRecord &r) {
    return {{QStringLiteral("type"), QStringLiteral("quote")},
            {QStringLiteral("provider"), r.provider},
            {QStringLiteral("order_id"), r.quote.orderId},
            {QStringLiteral("quote_id"), r.quote.quoteId},
            {QStringLiteral("refund_amount"), r.quote.refund.amount()},
            {QStringLiteral("refund_currency"), r.quote.refund.currency()},
            {QStringLiteral("expires_at"), r.quote.expiresAt.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("idempotency_key"), r.idempotencyKey}};
}

// The flow's record names the order from the request on, even when no quote came.
QJsonObject outcomeLine(S state, const QString &message, const CancellationRecord &r) {
    const bool quoted = !r.idempotencyKey.isEmpty();
    return {{QStringLiteral("type"), QStringLiteral("outcome")},
            {QStringLiteral("action"), QStringLiteral("cancel")},
            {QStringLiteral("outcome"), outcomeName(state)},
            {QStringLiteral("order_id"), orNull(r.quote.orderId)},
            {QStringLiteral("refund_amount"),
             state == S::Cancelled ? QJsonValue(r.quote.refund.amount()) : QJsonValue()},
            {QStringLiteral("refund_currency"),
             quoted ? QJsonValue(r.quote.refund.currency()) : QJsonValue()},
            {QStringLiteral("idempotency_key"), orNull(r.idempotencyKey)},
            {QStringLiteral("message"), message}};
}

int usageError(QTextStream &err, const QString &message) {
    err << "flightdesk cancel: " << message << '\n';
    return 2;
}

// Asks on the terminal; false when there is none (nothing is ever sent unasked).
bool agentSaysYes(const CancellationRecord &r, QTextStream &err) {
    if (::isatty(STDIN_FILENO) == 0)
        return false;
    err << "Cancel order " << r.quote.orderId << " and refund " << r.quote.refund.toString()
        << " to the wallet? The quote expires at "
        << r.quote.expiresAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")) << ". [y/N] ";
    err.flush();
    char line[16] = {};
    if (!std::fgets(line, sizeof line, stdin))
        return false;
    return line[0] == 'y' || line[0] == 'Y';
}

} // namespace

void followCancellation(CancellationFlow *flow, QTextStream &out,
                        const std::function<void(int)> &done) {
    QObject::connect(flow, &CancellationFlow::stateEntered, flow, [flow, &out](S state) {
        printLine(out,
                  {{QStringLiteral("type"), QStringLiteral("state")},
                   {QStringLiteral("action"), QStringLiteral("cancel")},
                   {QStringLiteral("state"), cancellation::name(state)},
                   {QStringLiteral("order_id"), orNull(flow->record().quote.orderId)},
                   {QStringLiteral("idempotency_key"), orNull(flow->record().idempotencyKey)}});
    });
    QObject::connect(flow, &CancellationFlow::quoted, flow,
                     [&out](const CancellationRecord &r, bool resumed) {
                         printLine(out, quoteLine(r));
                         if (resumed)
                             printLine(out, {{QStringLiteral("type"), QStringLiteral("notice")},
                                             {QStringLiteral("order_id"), r.quote.orderId},
                                             {QStringLiteral("message"),
                                              QStringLiteral("This cancellation was already "
                                                             "confirmed; finishing it with the "
                                                             "same key.")}});
                     });
    QObject::connect(flow, &CancellationFlow::finished, flow,
                     [flow, &out, done](S state, const QString &message) {
                         printLine(out, outcomeLine(state, message, flow->record()));
                         done(state == S::Quoted ? 2 : cancellation::exitCode(state));
                     });
}

int runCancel(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    QCommandLineParser parser;
    Connection c;
    c.addTo(parser);
    const QCommandLineOption orderOpt(QStringLiteral("order"),
                                      QStringLiteral("the provider's order id"),
                                      QStringLiteral("ORDER_ID"));
    const QCommandLineOption quoteOnlyOpt(QStringLiteral("quote-only"),
                                          QStringLiteral("show the quote, cancel nothing"));
    const QCommandLineOption yesOpt(QStringLiteral("yes"),
                                    QStringLiteral("confirm without asking"));
    parser.addOptions({orderOpt, quoteOnlyOpt, yesOpt});
    if (!parser.parse(arguments))
        return usageError(err, parser.errorText());
    auto options = c.read(parser, err, QStringLiteral("cancel"));
    if (!options)
        return usageError(err, options.error().message);
    const QString orderId = parser.value(orderOpt).trimmed();
    if (orderId.isEmpty() || orderId.size() > 64)
        return usageError(err, QStringLiteral("--order ORDER_ID is required (at most 64 "
                                              "characters)"));
    if (parser.isSet(quoteOnlyOpt) && parser.isSet(yesOpt))
        return usageError(err, QStringLiteral("--quote-only and --yes exclude each other"));

    auto opened = desk::makeDesk(*options);
    if (!opened) {
        err << "flightdesk cancel: " << opened.error().message << '\n';
        return 1;
    }
    desk::Desk &app = **opened;
    noteTightenedJournal(err, QStringLiteral("cancel"), app.orders());
    auto made = app.cancellations().open(options->provider);
    if (!made) {
        err << "flightdesk cancel: " << made.error().message << '\n';
        return 1;
    }
    std::unique_ptr<CancellationFlow> flow(*made);
    int code = 1;
    const bool quoteOnly = parser.isSet(quoteOnlyOpt);
    const bool yes = parser.isSet(yesOpt);
    followCancellation(flow.get(), out, [&code](int exitCode) {
        code = exitCode;
        QCoreApplication::quit();
    });
    QObject::connect(flow.get(), &CancellationFlow::quoted, flow.get(),
                     [&, f = flow.get()](const CancellationRecord &r, bool resumed) {
                         if (resumed)
                             return; // already confirmed: it is being finished
                         if (quoteOnly) {
                             // Shown, nothing confirmed: the quote is closed, its key unused.
                             QObject::connect(f, &CancellationFlow::finished, f,
                                              [&code] { code = 0; });
                             return f->decline();
                         }
                         if (yes || agentSaysYes(r, err))
                             return f->confirm();
                         if (::isatty(STDIN_FILENO) == 0)
                             err << "flightdesk cancel: not confirmed (no terminal to ask on): "
                                    "pass --yes to cancel\n";
                         f->decline();
                     });
    QTimer::singleShot(0, flow.get(), [&] { flow->requestQuote(orderId); });
    QCoreApplication::exec();
    return code;
}

} // namespace fd::cli
