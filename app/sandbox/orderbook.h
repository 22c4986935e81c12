#pragma once

#include "catalogue.h"
#include "ledger.h"

#include "core/clock.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>

namespace fd::sandbox {

// The provider's state: offers handed out, orders, the agency wallet and cancellations.
// Plain C++ over the injected clock; every money movement goes to the ledger.
class OrderBook {
public:
    const Catalogue &catalogue() const { return m_catalogue; }
    OrderBook(Catalogue catalogue, const Clock *clock, Ledger *ledger);

    ApiResult<QJsonObject> search(const QJsonObject &data, const OfferTerms &terms);
    ApiResult<QJsonObject> offer(const QString &id) const;

    QJsonObject wallet() const;
    void setBalance(const Money &balance);
    Money balance() const { return m_balance; }
    ApiResult<QJsonObject> topUp(const QJsonObject &data);

    // Everything that can reject an order create before it executes (400/402/422), without
    // changing anything: a rejected request must store nothing under its idempotency key.
    std::optional<ApiError> checkCreate(const QJsonObject &data) const;
    // checkCreate() again, then the commit: the order and its single wallet debit.
    ApiResult<QJsonObject> createOrder(const QJsonObject &data);

    struct TicketStart {
        QJsonObject order;
        bool started = false; // false when the order was already past pending
    };
    ApiResult<TicketStart> startTicketing(const QString &id);
    // The airline's answer: ticketed (e-tickets), or failed with the debit reversed. Returns
    // the order, or nothing when it is no longer in progress (cancelled meanwhile).
    std::optional<QJsonObject> resolveTicketing(const QString &id, bool ticketed);

    ApiResult<QJsonObject> order(const QString &id) const;
    ApiResult<QJsonObject> patchOrder(const QString &id, const QJsonObject &data);
    // The airline re-times a booked flight (schedulechange.cpp): every time of slice `slice`
    // (0-based) moves by `minutes`, the version goes up, and the order carries its `slices`
    // from now on. Refused for an unknown, failed or cancelled order.
    ApiResult<QJsonObject> changeSchedule(const QString &id, int minutes, int slice = 0);

    ApiResult<QJsonObject> quoteCancellation(const QJsonObject &data);
    // Confirms a quote; *cancelledOrder receives the order when this call cancelled it.
    ApiResult<QJsonObject> confirmCancellation(const QString &id, QJsonObject *cancelledOrder);

    QJsonArray ordersJson() const;
    qsizetype orderCount() const { return m_orders.size(); }
    // ord_0001 by default; call before the first order.
    void setFirstOrderNumber(qint64 number) { m_nextOrder = number; }

private:
    struct Order {
        QString id, status, bookingReference, offerId, email, phone, failureReason;
        qint64 number = 0;
        int version = 1;
        Money total = Money::fromMinor(0, QStringLiteral("EUR")).value();
        QJsonArray passengers;
        QJsonArray documents;
        QDateTime createdAt;
        bool paymentReversed = false;
        QString ticketPrefix;
        QJsonArray slices;            // the offer's, re-timed by changeSchedule()
        bool scheduleChanged = false; // only then does the Order show its slices
        QJsonObject json() const;
    };
    struct Cancellation {
        QString id, orderId;
        Money refund = Money::fromMinor(0, QStringLiteral("EUR")).value();
        QDateTime expiresAt, confirmedAt;
        QJsonObject json() const;
    };

    void move(const QString &type, const QString &orderId, const Money &amount);
    static QString bookingReference(qint64 number);

    Catalogue m_catalogue;
    const Clock *m_clock;
    Ledger *m_ledger;
    Money m_balance;
    int m_nextOffer = 1;
    int m_nextRequest = 1;
    qint64 m_nextOrder = 1;
    int m_nextCancellation = 1;
    QHash<QString, Offer> m_offers;
    QHash<QString, QString> m_bookedOffers; // offer id -> order id: an offer books once
    QMap<QString, Order> m_orders;          // ordered by id, for a stable ledger
    QHash<QString, Cancellation> m_cancellations;
};

} // namespace fd::sandbox
