#include "orderscommand.h"

#include "journalargument.h"

#include "desk/orders.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace fd::cli {
namespace {

QString mask(const QString &value, int keep) {
    if (value.isEmpty())
        return value;
    return QString(QString(qMax<qsizetype>(0, value.size() - keep), QLatin1Char('*')) +
                   value.right(keep));
}

// Support needs to tell passengers apart, never to read a passport number or birth date.
QJsonArray redactedPassengers(const QJsonArray &passengers) {
    QJsonArray out;
    for (const QJsonValue &v : passengers) {
        QJsonObject p = v.toObject();
        const QString born = p.value(QLatin1String("born_on")).toString();
        if (!born.isEmpty())
            p.insert(QStringLiteral("born_on"), QString(born.left(4) + QStringLiteral("-**-**")));
        QJsonArray docs;
        for (const QJsonValue &d : p.value(QLatin1String("identity_documents")).toArray()) {
            QJsonObject doc = d.toObject();
            doc.insert(QStringLiteral("unique_identifier"),
                       mask(doc.value(QLatin1String("unique_identifier")).toString(), 2));
            docs.append(doc);
        }
        if (p.contains(QLatin1String("identity_documents")))
            p.insert(QStringLiteral("identity_documents"), docs);
        out.append(p);
    }
    return out;
}

QJsonValue orNull(const QString &s) {
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QJsonArray cancellationsJson(const QList<CancellationRecord> &records) {
    QJsonArray out;
    for (const CancellationRecord &c : records)
        out.append(QJsonObject{
            {QStringLiteral("idempotency_key"), c.idempotencyKey},
            {QStringLiteral("state"), cancellation::name(c.state)},
            {QStringLiteral("quote_id"), c.quote.quoteId},
            {QStringLiteral("refund_amount"), c.quote.refund.amount()},
            {QStringLiteral("refund_currency"), c.quote.refund.currency()},
            {QStringLiteral("expires_at"), c.quote.expiresAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("message"), c.message.isEmpty() ? QJsonValue() : QJsonValue(c.message)},
            {QStringLiteral("updated_at"), c.updatedAt.toString(Qt::ISODateWithMs)}});
    return out;
}

// Why an intent needs someone to act, or nothing: a checkout stopped where an agent or support
// must act, or a cancellation whose confirm may have executed without an answer.
QString attentionReason(const Intent &i, const QList<CancellationRecord> &cancellations,
                        const QSet<qint64> &scheduleChanged) {
    for (const CancellationRecord &c : cancellations)
        if (cancellation::mayHaveExecuted(c.state))
            return QStringLiteral("cancellation_in_progress");
    if (scheduleChanged.contains(i.id))
        return QStringLiteral("schedule_changed");
    if (state::needsAttention(i.state))
        return QString(state::name(i.state));
    return {};
}

// One intent as support reads it: masked passengers, the body as a hash, its event log.
QJsonObject intentJson(const desk::Orders &journal, const Intent &i,
                       const QList<CancellationRecord> &cancellations,
                       const QSet<qint64> &scheduleChanged) {
    QJsonArray events;
    if (const auto evs = journal.events(i.id))
        for (const JournalEvent &e : *evs) {
            QJsonObject ev{{QStringLiteral("kind"), eventKindName(e.kind)},
                           {QStringLiteral("at"), e.at.toString(Qt::ISODateWithMs)},
                           {QStringLiteral("detail"), e.detail}};
            if (!e.webhookEventId.isEmpty())
                ev.insert(QStringLiteral("event_id"), e.webhookEventId);
            events.append(ev);
        }
    return QJsonObject{
        {QStringLiteral("intent_id"), i.id},
        {QStringLiteral("idempotency_key"), i.idempotencyKey},
        {QStringLiteral("supersedes_key"), orNull(i.supersededKey)},
        {QStringLiteral("offer_id"), i.offerId},
        {QStringLiteral("provider"), i.provider},
        {QStringLiteral("state"), state::name(i.state)},
        {QStringLiteral("provider_status"),
         i.providerStatus ? QJsonValue(state::name(*i.providerStatus)) : QJsonValue()},
        {QStringLiteral("outcome"), orNull(i.outcome)},
        {QStringLiteral("outcome_message"), orNull(i.outcomeMessage)},
        {QStringLiteral("order_id"), orNull(i.orderId)},
        {QStringLiteral("booking_reference"), orNull(i.bookingReference)},
        {QStringLiteral("ticket_idempotency_key"), orNull(i.ticketKey)},
        {QStringLiteral("tickets"), i.eTickets},
        {QStringLiteral("passengers"), redactedPassengers(i.passengers)},
        {QStringLiteral("request_sha256"),
         i.requestBody
             ? QJsonValue(QString::fromLatin1(
                   QCryptographicHash::hash(*i.requestBody, QCryptographicHash::Sha256).toHex()))
             : QJsonValue()},
        {QStringLiteral("created_at"), i.createdAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("updated_at"), i.updatedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("cancellations"), cancellationsJson(cancellations)},
        {QStringLiteral("needs_attention"),
         orNull(attentionReason(i, cancellations, scheduleChanged))},
        {QStringLiteral("events"), events}};
}

// `o` as QJsonDocument::Indented writes it two levels deep (inside "intents": [...]), without
// the final newline. JSON strings hold no raw newline, so every line can simply be shifted.
QByteArray indentedElement(const QJsonObject &o) {
    QByteArray text = QJsonDocument(o).toJson(QJsonDocument::Indented);
    text.chop(1); // the document's trailing newline
    QByteArray out = "        ";
    out.reserve(text.size() + text.size() / 8);
    for (const char c : std::as_const(text)) {
        out.append(c);
        if (c == '\n')
            out.append("        ");
    }
    return out;
}

QByteArray jsonString(const QString &s) {
    QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact); // ["…"]
    return a.mid(1, a.size() - 2);
}

} // namespace

void noteTightenedJournal(QTextStream &err, const QString &command, const desk::Orders &orders) {
    if (orders.tightenedOnOpen())
        err << "flightdesk " << command << ": notice: the journal " << orders.journalPath()
            << " was readable by other users of this computer; it is now private to you (0600)"
            << '\n';
}

int runOrders(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    QCommandLineParser parser;
    const QCommandLineOption journalOpt = journalOption();
    const QCommandLineOption jsonlOpt(QStringLiteral("jsonl"),
                                      QStringLiteral("one intent per line (JSON Lines)"));
    const QCommandLineOption attentionOpt(
        QStringLiteral("needs-attention"),
        QStringLiteral("only the orders someone must act on: interrupted, unresolved, error, "
                       "insufficient funds, a cancellation whose outcome is unknown, or a "
                       "schedule change nobody acknowledged"));
    parser.addOption(journalOpt);
    parser.addOption(jsonlOpt);
    parser.addOption(attentionOpt);
    if (!parser.parse(arguments)) {
        err << "flightdesk orders: " << parser.errorText() << '\n';
        return 1;
    }
    const auto journalArg = journalArgument(parser, journalOpt, QStringLiteral("orders"), err);
    if (!journalArg)
        return 1;
    const QString &path = journalArg->location;
    // Never creates a journal: a mistyped path is "no journal at PATH", not an empty history.
    const auto orders = desk::openOrders(path, journalArg->password);
    if (!orders) {
        err << "flightdesk orders: " << orders.error().message << '\n';
        return 1;
    }
    const desk::Orders &journal = **orders;
    noteTightenedJournal(err, QStringLiteral("orders"), journal);
    const bool lines = parser.isSet(jsonlOpt);
    const bool attentionOnly = parser.isSet(attentionOpt);

    // Streamed: each intent is written as soon as it is read, and the journal is read a page at
    // a time, so memory stays bounded by one page however long the history. The document is the
    // one QJsonDocument::Indented would write for {"intents": [...], "journal": PATH}, byte for
    // byte (keys in its order: "intents" before "journal").
    if (!lines)
        out << "{\n    \"intents\": [\n";
    bool first = true;
    std::optional<Error> readError;
    const auto scheduleChanged = journal.scheduleChangesWaiting();
    if (!scheduleChanged) {
        err << "flightdesk orders: " << scheduleChanged.error().message << '\n';
        return 1;
    }
    const auto streamed = journal.forEach([&](const Intent &i) {
        auto cancellations = journal.cancellations(i);
        if (!cancellations) {
            readError = cancellations.error();
            return false;
        }
        if (attentionOnly && attentionReason(i, *cancellations, *scheduleChanged).isEmpty())
            return true;
        const QJsonObject o = intentJson(journal, i, *cancellations, *scheduleChanged);
        if (lines) {
            out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        } else {
            if (!first)
                out << ",\n";
            out << indentedElement(o);
        }
        first = false;
        return out.status() == QTextStream::Ok; // a closed pipe ends the stream
    });
    if (!streamed || readError) {
        out.flush();
        // What was written stays written; the exit status says the list is incomplete.
        err << "flightdesk orders: " << (readError ? *readError : streamed.error()).message << '\n';
        return 1;
    }
    if (!lines)
        out << (first ? "" : "\n") << "    ],\n    \"journal\": " << jsonString(path) << "\n}\n";
    out.flush();
    return out.status() == QTextStream::Ok ? 0 : 1;
}

} // namespace fd::cli
