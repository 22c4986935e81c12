#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace fd::sandbox {

// Everything the sandbox did, in order, so a test can assert exactly-once effects from the
// outside (GET /__sandbox/ledger) or in-process. Never holds API keys or webhook secrets.
class Ledger {
public:
    struct Request {
        int seq = 0;
        QString method;
        QString path;
        QString endpoint;       // e.g. "create_order"; empty when no route matched
        QString idempotencyKey; // as sent; empty when absent
        QString bodySha256;     // hex
        QDateTime receivedAt;
        int attempt = 0; // nth request to this endpoint since the scenario was set
        int status = 0;  // 0 while unanswered (hang, reset)
        QString outcome; // executed, replayed, rejected, fault:<kind>, ...
    };
    struct Movement {
        QString type; // debit, reversal, top_up, refund
        QString orderId;
        QString amount;
        QString currency;
        QString balanceAfter;
        QDateTime at;
    };
    struct Delivery {
        QString eventId;
        QString eventType;
        QString orderId;
        int attempt = 0;
        bool signatureValid = true;
        int status = 0; // HTTP status of the receiver's answer; 0 when none
        QString error;  // network error text, or "dropped" when the scenario lost it
        QDateTime at;
    };

    int recordRequest(Request r);
    void answer(int seq, int status, const QString &outcome);
    void setAttempt(int seq, int attempt);
    void recordMovement(Movement m) { m_movements.append(std::move(m)); }
    void recordDelivery(Delivery d) { m_deliveries.append(std::move(d)); }

    const QList<Request> &requests() const { return m_requests; }
    const QList<Movement> &movements() const { return m_movements; }
    const QList<Delivery> &deliveries() const { return m_deliveries; }

    QJsonArray requestsJson() const;
    QJsonArray movementsJson() const;
    QJsonArray deliveriesJson() const;

private:
    QList<Request> m_requests;
    QList<Movement> m_movements;
    QList<Delivery> m_deliveries;
};

} // namespace fd::sandbox
