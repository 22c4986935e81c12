#include "ledger.h"

namespace fd::sandbox {

namespace {
QJsonValue orNull(const QString &s) {
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}
QString iso(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODateWithMs);
}
} // namespace

int Ledger::recordRequest(Request r) {
    r.seq = int(m_requests.size()) + 1;
    m_requests.append(std::move(r));
    return m_requests.last().seq;
}

void Ledger::answer(int seq, int status, const QString &outcome) {
    if (seq < 1 || seq > m_requests.size())
        return;
    auto &r = m_requests[seq - 1];
    r.status = status;
    r.outcome = outcome;
}

void Ledger::setAttempt(int seq, int attempt) {
    if (seq >= 1 && seq <= m_requests.size())
        m_requests[seq - 1].attempt = attempt;
}

QJsonArray Ledger::requestsJson() const {
    QJsonArray a;
    for (const auto &r : m_requests)
        a.append(QJsonObject{{QStringLiteral("seq"), r.seq},
                             {QStringLiteral("method"), r.method},
                             {QStringLiteral("path"), r.path},
                             {QStringLiteral("endpoint"), orNull(r.endpoint)},
                             {QStringLiteral("idempotency_key"), orNull(r.idempotencyKey)},
                             {QStringLiteral("body_sha256"), r.bodySha256},
                             {QStringLiteral("received_at"), iso(r.receivedAt)},
                             {QStringLiteral("attempt"), r.attempt},
                             {QStringLiteral("status"), r.status},
                             {QStringLiteral("outcome"), r.outcome}});
    return a;
}

QJsonArray Ledger::movementsJson() const {
    QJsonArray a;
    for (const auto &m : m_movements)
        a.append(QJsonObject{{QStringLiteral("type"), m.type},
                             {QStringLiteral("order_id"), orNull(m.orderId)},
                             {QStringLiteral("amount"), m.amount},
                             {QStringLiteral("currency"), m.currency},
                             {QStringLiteral("balance_after"), m.balanceAfter},
                             {QStringLiteral("at"), iso(m.at)}});
    return a;
}

QJsonArray Ledger::deliveriesJson() const {
    QJsonArray a;
    for (const auto &d : m_deliveries)
        a.append(QJsonObject{{QStringLiteral("event_id"), d.eventId},
                             {QStringLiteral("type"), d.eventType},
                             {QStringLiteral("order_id"), d.orderId},
                             {QStringLiteral("attempt"), d.attempt},
                             {QStringLiteral("signature_valid"), d.signatureValid},
                             {QStringLiteral("status"), d.status},
                             {QStringLiteral("error"), orNull(d.error)},
                             {QStringLiteral("at"), iso(d.at)}});
    return a;
}

} // namespace fd::sandbox
