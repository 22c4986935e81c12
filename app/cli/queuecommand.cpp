#include "queuecommand.h"

#include "journalargument.h"

#include "desk/orders.h"
#include "desk/schedulechanges.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

namespace fd::cli {
namespace {

QJsonValue timeOrNull(const QDateTime &t) {
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QJsonValue orNull(const QString &s) {
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QJsonObject changeJson(const ScheduleChange &c) {
    QJsonArray flights;
    for (const desk::ScheduleLeg &leg : desk::scheduleLegs(c))
        flights.append(
            QJsonObject{{QStringLiteral("flight"), orNull(leg.flight)},
                        {QStringLiteral("origin"), leg.origin},
                        {QStringLiteral("destination"), leg.destination},
                        {QStringLiteral("origin_time_zone"), orNull(leg.originZone)},
                        {QStringLiteral("destination_time_zone"), orNull(leg.destinationZone)},
                        {QStringLiteral("old_departing_at"), timeOrNull(leg.oldDeparture)},
                        {QStringLiteral("old_arriving_at"), timeOrNull(leg.oldArrival)},
                        {QStringLiteral("new_departing_at"), timeOrNull(leg.newDeparture)},
                        {QStringLiteral("new_arriving_at"), timeOrNull(leg.newArrival)},
                        {QStringLiteral("changed"), leg.changed()}});
    return {{QStringLiteral("id"), c.id},
            {QStringLiteral("provider"), c.provider},
            {QStringLiteral("order_id"), c.orderId},
            {QStringLiteral("order_version"), c.orderVersion},
            {QStringLiteral("booking_reference"), orNull(c.bookingReference)},
            {QStringLiteral("event_id"), orNull(c.eventId)},
            {QStringLiteral("received_at"), timeOrNull(c.receivedAt)},
            {QStringLiteral("flights"), flights}};
}

// Who acknowledged, for the journal: the login and the machine, never anything typed in a form.
QString defaultAgent() {
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return (user.isEmpty() ? QStringLiteral("cli") : user) + QLatin1Char('@') +
           QSysInfo::machineHostName();
}

} // namespace

int runQueue(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    QCommandLineParser parser;
    const QCommandLineOption journalOpt = journalOption();
    const QCommandLineOption limitOpt(QStringLiteral("limit"),
                                      QStringLiteral("at most N changes (default 100)"),
                                      QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption ackOpt(QStringLiteral("ack"),
                                    QStringLiteral("acknowledge the change with this id"),
                                    QStringLiteral("ID"));
    const QCommandLineOption byOpt(QStringLiteral("by"),
                                   QStringLiteral("who acknowledges (default: USER@host)"),
                                   QStringLiteral("NAME"));
    parser.addOptions({journalOpt, limitOpt, ackOpt, byOpt});
    if (!parser.parse(arguments)) {
        err << "flightdesk queue: " << parser.errorText() << '\n';
        return 1;
    }
    bool limitOk = false;
    const int limit = parser.value(limitOpt).toInt(&limitOk);
    if (!limitOk || limit < 1 || limit > 500) {
        err << "flightdesk queue: --limit must be a number from 1 to 500\n";
        return 1;
    }
    const auto journalArg = journalArgument(parser, journalOpt, QStringLiteral("queue"), err);
    if (!journalArg)
        return 1;
    auto opened = desk::openScheduleChanges(journalArg->location, journalArg->password);
    if (!opened) {
        err << "flightdesk queue: " << opened.error().message << '\n';
        return 1;
    }
    desk::ScheduleChanges &changes = **opened;

    if (parser.isSet(ackOpt)) {
        const QString id = parser.value(ackOpt);
        const QString by = parser.isSet(byOpt) ? parser.value(byOpt) : defaultAgent();
        const auto done = changes.acknowledge(id, by);
        if (!done) {
            err << "flightdesk queue: " << done.error().message << '\n';
            return 1;
        }
        out << QJsonDocument(
                   QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("acknowledged"), *done}})
                   .toJson(QJsonDocument::Compact)
            << '\n';
        out.flush();
        return out.status() == QTextStream::Ok ? 0 : 1;
    }
    const auto queue = changes.queue(limit);
    if (!queue) {
        err << "flightdesk queue: " << queue.error().message << '\n';
        return 1;
    }
    for (const ScheduleChange &c : queue->changes)
        out << QJsonDocument(changeJson(c)).toJson(QJsonDocument::Compact) << '\n';
    if (queue->total > queue->changes.size())
        err << "flightdesk queue: " << queue->total - queue->changes.size()
            << " more change(s) not shown (--limit)\n";
    out.flush();
    return out.status() == QTextStream::Ok ? 0 : 1;
}

} // namespace fd::cli
