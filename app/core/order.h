#pragma once

#include "result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace fd {

struct ETicket {
    QString passengerId;
    QString number; // 13 digits
};

// What the provider says about an order right now (create/ticket/get responses and webhooks).
struct OrderSnapshot {
    QString id;
    QString status; // pending, in_progress, ticketed, failed, cancelled
    int version = 0;
    QString bookingReference;
    QList<ETicket> tickets;
    bool paymentReversed = false;
    QString failureReason;
    QJsonObject raw;

    bool isTicketed() const { return status == QLatin1String("ticketed"); }
    bool isFailed() const { return status == QLatin1String("failed"); }
    QJsonArray ticketsJson() const;

    // Accepts the Order object or its {"data": Order} envelope.
    static Result<OrderSnapshot> fromJson(const QJsonObject &json);
};

} // namespace fd
