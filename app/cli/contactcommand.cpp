#include "contactcommand.h"

#include "connectionoptions.h"
#include "orderscommand.h"

#include "desk/desk.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fd::cli {
namespace {

using Kind = desk::ContactOutcome::Kind;

constexpr int kExitChanged = 0;
constexpr int kExitError = 1;
constexpr int kExitInvalid = 2;
constexpr int kExitConflict = 8;

void printLine(QTextStream &out, const QJsonObject &line) {
    out << QJsonDocument(line).toJson(QJsonDocument::Compact) << '\n';
    out.flush(); // a supervisor reading the pipe sees each attempt as it happens
}

QJsonValue orNull(const QString &s) {
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QString policyName(desk::OnConflict policy) {
    switch (policy) {
    case desk::OnConflict::Mine:
        return QStringLiteral("mine");
    case desk::OnConflict::Theirs:
        return QStringLiteral("theirs");
    case desk::OnConflict::Ask:
        break;
    }
    return {};
}

QJsonArray errorsJson(const Report &report) {
    QJsonArray errors;
    for (const Issue &i : report.errors)
        errors.append(QJsonObject{{QStringLiteral("field"), i.field},
                                  {QStringLiteral("code"), i.code},
                                  {QStringLiteral("message"), i.message}});
    return errors;
}

QJsonObject outcomeLine(const desk::ContactOutcome &o, const QString &provider) {
    QJsonObject line{
        {QStringLiteral("type"), QStringLiteral("outcome")},
        {QStringLiteral("outcome"), desk::outcomeName(o.kind)},
        {QStringLiteral("provider"), provider},
        {QStringLiteral("order_id"), orNull(o.orderId)},
        {QStringLiteral("version"), o.version > 0 ? QJsonValue(o.version) : QJsonValue()},
        {QStringLiteral("message"), o.message}};
    if (o.version > 0) {
        line.insert(QStringLiteral("email"), orNull(o.contact.email));
        line.insert(QStringLiteral("phone_number"), orNull(o.contact.phone));
    }
    if (!o.conflicts.isEmpty()) {
        QJsonArray conflicts;
        for (const ContactConflict &c : o.conflicts)
            conflicts.append(QJsonObject{{QStringLiteral("field"), contactFieldName(c.field)},
                                         {QStringLiteral("mine"), c.mine},
                                         {QStringLiteral("theirs"), c.theirs}});
        line.insert(QStringLiteral("conflicts"), conflicts);
        line.insert(QStringLiteral("resolution"), orNull(policyName(o.resolution)));
    }
    if (o.kind == Kind::InvalidInput)
        line.insert(QStringLiteral("errors"), errorsJson(o.report));
    if (o.failure && !o.failure->code.isEmpty())
        line.insert(QStringLiteral("code"), o.failure->code);
    return line;
}

int exitCode(const desk::ContactOutcome &o) {
    switch (o.kind) {
    case Kind::Changed:
        return kExitChanged;
    case Kind::Conflict:
        // Theirs kept as the agent asked is settled; only an unanswered conflict waits.
        return o.resolution == desk::OnConflict::Theirs ? kExitChanged : kExitConflict;
    case Kind::InvalidInput:
        return kExitInvalid;
    case Kind::Error:
        break;
    }
    return kExitError;
}

int usage(QTextStream &err, const QString &message) {
    err << "flightdesk contact: " << message << '\n';
    return kExitInvalid;
}

} // namespace

int runContact(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    QCommandLineParser parser;
    Connection c;
    c.addTo(parser);
    const QCommandLineOption orderOpt(QStringLiteral("order"),
                                      QStringLiteral("the provider's order id"),
                                      QStringLiteral("ORDER_ID"));
    const QCommandLineOption emailOpt(QStringLiteral("email"),
                                      QStringLiteral("the new contact email address"),
                                      QStringLiteral("EMAIL"));
    const QCommandLineOption phoneOpt(QStringLiteral("phone"),
                                      QStringLiteral("the new contact phone number (E.164)"),
                                      QStringLiteral("PHONE"));
    const QCommandLineOption onConflictOpt(
        QStringLiteral("on-conflict"),
        QStringLiteral("when someone else changed the same detail meanwhile: keep mine or theirs"),
        QStringLiteral("mine|theirs"));
    parser.addOptions({orderOpt, emailOpt, phoneOpt, onConflictOpt});
    if (!parser.parse(arguments))
        return usage(err, parser.errorText());
    if (!parser.isSet(orderOpt) || parser.value(orderOpt).isEmpty())
        return usage(err, QStringLiteral("--order ORDER_ID is required"));
    if (!parser.isSet(emailOpt) && !parser.isSet(phoneOpt))
        return usage(err, QStringLiteral("give --email, --phone, or both"));
    desk::ContactRequest request;
    request.orderId = parser.value(orderOpt);
    request.change = {parser.value(emailOpt).trimmed(), parser.value(phoneOpt)};
    if (parser.isSet(onConflictOpt)) {
        const QString policy = parser.value(onConflictOpt);
        if (policy == QLatin1String("mine"))
            request.onConflict = desk::OnConflict::Mine;
        else if (policy == QLatin1String("theirs"))
            request.onConflict = desk::OnConflict::Theirs;
        else
            return usage(err, QStringLiteral("--on-conflict must be mine or theirs"));
    }
    auto options = c.read(parser, err, QStringLiteral("contact"));
    if (!options)
        return usage(err, options.error().message);
    request.provider = options->provider;

    // Refused before the desk opens: an invalid detail never reaches a connection.
    if (const Report report = desk::validateContactChange(request.change); !report.valid()) {
        desk::ContactOutcome invalid;
        invalid.kind = Kind::InvalidInput;
        invalid.orderId = request.orderId;
        invalid.report = report;
        invalid.message = QStringLiteral("Some contact details are not valid; nothing was sent.");
        printLine(out, outcomeLine(invalid, request.provider));
        return kExitInvalid;
    }

    auto opened = desk::makeDesk(*options);
    if (!opened) {
        err << "flightdesk contact: " << opened.error().message << '\n';
        return kExitError;
    }
    desk::Desk &app = **opened;
    noteTightenedJournal(err, QStringLiteral("contact"), app.orders());
    request.log = [&out](const QJsonObject &attempt) {
        QJsonObject line = attempt;
        line.insert(QStringLiteral("type"), QStringLiteral("attempt"));
        printLine(out, line);
    };
    int code = kExitError;
    app.contacts().change(request, qApp, [&](const desk::ContactOutcome &outcome) {
        printLine(out, outcomeLine(outcome, request.provider));
        code = exitCode(outcome);
        QCoreApplication::quit();
    });
    QCoreApplication::exec();
    return code;
}

} // namespace fd::cli
