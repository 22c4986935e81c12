#pragma once

#include "tmxfares.h"

#include "sandbox/ledger.h"

#include "core/clock.h"

#include <QHash>
#include <QJsonArray>
#include <QMap>

namespace fd::sandbox::tmx {

enum class BookingStatus { Pending, Ticketed, Rejected, Cancelled };
QString statusName(BookingStatus status); // "PENDING", ...

// Travomatrix's state: fares handed out, bookings, the account balance and cancellation quotes.
// Plain C++ over the injected clock; every money movement goes to the ledger (the PNR in its
// order_id column).
class Book {
public:
    Book(Catalogue catalogue, const Clock *clock, Ledger *ledger);

    Outcome<QJsonObject> search(const QJsonObject &body, qint64 fareTtlSeconds);
    // 404 unknown, 410 FARE_SOLD_OUT once booked, 410 FARE_EXPIRED after valid_until.
    Outcome<QJsonObject> fare(const QString &id) const;

    QJsonObject balanceJson() const; // {"available": minor units, "currency"}
    Money balance() const { return m_balance; }
    void setBalance(const Money &balance) { m_balance = balance; }

    // Everything that rejects a booking create before it executes (400, 402, 404, 410),
    // changing nothing: a rejected request must store nothing under its idempotency key.
    std::optional<Error> checkCreate(const QJsonObject &body) const;
    // checkCreate() again, then the commit: a PENDING booking and its single wallet debit.
    Outcome<QJsonObject> createBooking(const QJsonObject &body);
    // The airline's answer to a PENDING booking: TICKETED with a ticket per traveller, or
    // REJECTED with `reason` and the debit reversed. Nothing when it is no longer PENDING.
    std::optional<QJsonObject> resolve(const QString &pnr, bool ticketed, const QString &reason);
    Outcome<QJsonObject> booking(const QString &pnr) const;

    Outcome<QJsonObject> quoteCancellation(const QJsonObject &body);
    std::optional<Error> checkConfirm(const QJsonObject &body) const;
    // Cancels the quote's booking and credits the refund once; `cancelled` is set when this
    // call did it (a quote confirmed before answers the booking again, with no second refund).
    Outcome<QJsonObject> confirmCancellation(const QJsonObject &body, bool *cancelled);

    QJsonArray bookingsJson() const;
    // 1 by default; call before the first booking.
    void setFirstBookingNumber(qint64 number) { m_nextBooking = number; }

    // The PNR of booking `number`: 6 characters of an alphabet without 0/O and 1/I, and a
    // bijection of the number's low 30 bits, so numbers less than 2^30 apart never share one.
    static QString pnrFor(qint64 number);

private:
    struct Booking {
        QString pnr, fareId, failureReason, ticketPrefix;
        BookingStatus status = BookingStatus::Pending;
        qint64 number = 0;
        Money total = Money::fromMinor(0, QStringLiteral("EUR")).value();
        QStringList travellerRefs;
        QJsonArray tickets;
        QDateTime createdAt;
        QJsonObject json() const;
    };
    struct Quote {
        QString id, pnr;
        Money refund = Money::fromMinor(0, QStringLiteral("EUR")).value();
        QDateTime validUntil;
        bool confirmed = false;
    };

    void move(const QString &type, const QString &pnr, const Money &amount);

    Catalogue m_catalogue;
    const Clock *m_clock;
    Ledger *m_ledger;
    Money m_balance;
    int m_nextSearch = 1;
    int m_nextFare = 1;
    qint64 m_nextBooking = 1;
    int m_nextQuote = 1;
    QHash<QString, Fare> m_fares;
    QHash<QString, QString> m_soldFares; // fare id -> PNR: a fare books once
    QMap<QString, Booking> m_bookings;   // by PNR, for a stable ledger
    QHash<QString, Quote> m_quotes;
};

} // namespace fd::sandbox::tmx
