#include "checkouttext.h"

#include "localtime.h"

#include "core/offerchecks.h"

#include <QCoreApplication>
#include <QLocale>

namespace fd::ui::checkouttext {
namespace {

// Qualified calls (Text::tr) so that lupdate files each string under this context, whatever
// function it is in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(fd::ui::CheckoutPage)
};

QString twoDigits(qint64 n) {
    return QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0'));
}

QString duration(qint64 minutes) {
    //: A flight's duration: %1 hours, %2 minutes.
    return Text::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

} // namespace

QString remaining(qint64 seconds) {
    seconds = std::max<qint64>(0, seconds);
    const qint64 h = seconds / 3600;
    const qint64 m = seconds / 60 % 60;
    const qint64 s = seconds % 60;
    return h > 0 ? QStringLiteral("%1:%2:%3").arg(h).arg(twoDigits(m), twoDigits(s))
                 : QStringLiteral("%1:%2").arg(m).arg(twoDigits(s));
}

QString route(const Slice &slice) {
    //: One flight of the offer: origin code and city → destination code and city.
    return Text::tr("%1 %2 → %3 %4")
        .arg(slice.origin.iataCode, slice.origin.cityName, slice.destination.iataCode,
             slice.destination.cityName);
}

QString times(const Slice &slice) {
    const QDate leaves = localDay(slice.departingAt, slice.origin.timeZone);
    const int stops = std::max(0, slice.segmentCount - 1);
    const QString stopText = stops == 0   ? Text::tr("direct")
                             : stops == 1 ? Text::tr("1 stop")
                                          : Text::tr("%1 stops").arg(stops);
    //: %1 the departure's local date, %2 departure time and zone ("09:00 WAT"), %3 arrival time
    //: and zone ("06:15 WAT +1" when it lands on a later local day), %4 duration, %5 "direct"
    //: or the number of stops. Each time is the airport's local time.
    return Text::tr("%1 · %2 → %3 · %4 · %5")
        .arg(QLocale().toString(leaves, QStringLiteral("ddd d MMM yyyy")),
             localClock(slice.departingAt, slice.origin.timeZone),
             localClock(slice.arrivingAt, slice.destination.timeZone, leaves),
             duration(slice.departingAt.secsTo(slice.arrivingAt) / 60), stopText);
}

QString carrier(const Offer &offer) {
    if (offer.ownerName.isEmpty())
        return offer.ownerIata;
    return QStringLiteral("%1 (%2)").arg(offer.ownerName, offer.ownerIata);
}

QString bookedWith(const QString &providerName, const QString &bookingReference,
                   const QString &orderId) {
    //: A ticketed booking: %1 the provider's name, %2 the airline booking reference (PNR).
    QString text = Text::tr("Booked with %1, PNR %2").arg(providerName, bookingReference);
    if (!orderId.isEmpty() && orderId != bookingReference)
        //: After "Booked with …, PNR …": %1 the provider's order id.
        text += Text::tr(", order %1").arg(orderId);
    return text;
}

QString orderText(const QString &bookingReference, const QString &orderId) {
    if (!orderId.isEmpty() && orderId == bookingReference)
        //: The order of a provider whose order id is the PNR (Travomatrix): %1 the PNR.
        return Text::tr("PNR %1").arg(orderId);
    //: %1 the provider's order id, e.g. ord_0001.
    return Text::tr("Order %1").arg(orderId);
}

Toned offerCountdown(const QDateTime &expiresAt, const QDateTime &now) {
    const qint64 left = now.secsTo(expiresAt);
    if (left <= 0)
        //: The offer's time ran out; the agent must search again.
        return {Text::tr("Error: the offer has expired — search again."), Tone::Error};
    if (left <= kOfferSafetyMarginSeconds)
        return {Text::tr("Warning: the offer expires in %1 s — too soon to book; search again.")
                    .arg(left),
                Tone::Warning};
    //: %1 is a countdown such as 12:34 (minutes:seconds).
    return {Text::tr("Offer expires in %1").arg(remaining(left)), Tone::Neutral};
}

Toned guaranteeCountdown(const std::optional<QDateTime> &guaranteeEnds, const QDateTime &now) {
    if (!guaranteeEnds)
        return {Text::tr("No price guarantee: the price is confirmed when booking."),
                Tone::Neutral};
    const qint64 left = now.secsTo(*guaranteeEnds);
    if (left <= 0)
        return {Text::tr("Error: the price is no longer guaranteed — search again."), Tone::Error};
    if (left <= kOfferSafetyMarginSeconds)
        return {Text::tr("Warning: the price guarantee ends in %1 s.").arg(left), Tone::Warning};
    //: %1 is a countdown such as 9:59 (minutes:seconds).
    return {Text::tr("Price guaranteed for %1").arg(remaining(left)), Tone::Neutral};
}

Toned wallet(const std::optional<Wallet> &wallet, const Money &total) {
    if (!wallet)
        return {Text::tr("Wallet balance not loaded yet."), Tone::Neutral};
    const auto cmp = wallet->available.compare(total);
    if (!cmp)
        return {Text::tr("Error: the wallet holds %1 but the offer costs %2; amounts are never "
                         "converted.")
                    .arg(wallet->available.currency(), total.currency()),
                Tone::Error};
    if (*cmp < 0) {
        const auto shortBy = total.minus(wallet->available);
        return {Text::tr("Error: the wallet has %1, %2 short of the total — top up first.")
                    .arg(wallet->available.toString(), shortBy->toString()),
                Tone::Error};
    }
    //: %1 the wallet's balance, %2 the offer's total.
    return {Text::tr("Wallet: %1 available, covers %2")
                .arg(wallet->available.toString(), total.toString()),
            Tone::Neutral};
}

QString groupedAmount(QString amount) {
    const qsizetype dot = amount.indexOf(QLatin1Char('.'));
    const qsizetype minus = amount.startsWith(QLatin1Char('-')) ? 1 : 0;
    for (qsizetype i = (dot < 0 ? amount.size() : dot) - 3; i > minus; i -= 3)
        amount.insert(i, QLatin1Char(','));
    return amount;
}

} // namespace fd::ui::checkouttext
