#pragma once

#include "checkoutstate.h"
#include "result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace fd {

struct ETicket {
    QString passengerId;
    QString number; // 13 digits
};

// What the provider says about an order right now (create/ticket/get responses and webhooks).
struct OrderSnapshot {
    QString id;
    // The contract's status; nothing when the provider sent one the contract does not define
    // (the order still exists: it is kept, polled and shown, never taken as an outcome).
    std::optional<ProviderStatus> status;
    QString statusName; // as the provider sent it, for support notes
    int version = 0;
    QString bookingReference;
    QList<ETicket> tickets;
    bool paymentReversed = false;
    QString failureReason;
    // The booking's contact details (Travelbase's email/phone_number, Travomatrix's contact).
    QString email;
    QString phone;
    QJsonObject raw;

    bool isTicketed() const { return status == ProviderStatus::Ticketed; }
    bool isFailed() const { return status == ProviderStatus::Failed; }
    QJsonArray ticketsJson() const;
};

} // namespace fd
