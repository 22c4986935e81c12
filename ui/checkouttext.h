#pragma once

#include "fieldmessage.h"

#include "core/offer.h"

#include <QDateTime>
#include <QString>

#include <optional>

// The sentences of the checkout page's summary, apart from the widgets that show them.
namespace fd::ui::checkouttext {

struct Toned {
    QString text;
    Tone tone = Tone::Neutral;
};

QString remaining(qint64 seconds); // "12:34", "1:02:03"; "0:00" when none is left
QString route(const Slice &slice); // "LOS Lagos → LHR London"
// "Thu 10 Dec 2026 · 09:00 WAT → 14:30 GMT · 6 h 30 min · direct": each airport's local time.
QString times(const Slice &slice);
QString carrier(const Offer &offer);    // "British Airways (BA)"
QString groupedAmount(QString decimal); // "1500.00" -> "1,500.00", digits never re-rounded

// The offer's life and the price guarantee as the agent should read them at `now`: a plain
// countdown, a warning inside the provider's 60 s safety margin, then an error once lapsed.
// The booking as the agent and support read it: "Booked with Travomatrix, PNR RZPVAB", with the
// order id after it only when it differs from the reference (Travomatrix's order id is the PNR).
QString bookedWith(const QString &providerName, const QString &bookingReference,
                   const QString &orderId);
// "Order ord_123" or, when the order id is the booking reference, "PNR RZPVAB": the order once.
QString orderText(const QString &bookingReference, const QString &orderId);

Toned offerCountdown(const QDateTime &expiresAt, const QDateTime &now);
Toned guaranteeCountdown(const std::optional<QDateTime> &guaranteeEnds, const QDateTime &now);
Toned wallet(const std::optional<Wallet> &wallet, const Money &total);

} // namespace fd::ui::checkouttext
