#include "offerchecks.h"

#include <QCoreApplication>

namespace fd {
namespace {
// Qualified calls (Text::tr) so that lupdate files each string under this context, whatever
// function it is in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(fd::offerchecks)
};
} // namespace

QList<Issue> checkOffer(const Offer &offer, const std::optional<Wallet> &wallet,
                        const QDateTime &now) {
    QList<Issue> out;
    const qint64 left = now.secsTo(offer.expiresAt);
    if (left <= 0)
        out.append({-1, QStringLiteral("expires_at"), QStringLiteral("offer_expired"),
                    Text::tr("This offer expired at %1: search again.")
                        .arg(offer.expiresAt.toString(Qt::ISODate))});
    else if (left <= kOfferSafetyMarginSeconds)
        out.append({-1, QStringLiteral("expires_at"), QStringLiteral("offer_expiring"),
                    Text::tr("This offer expires in %1 s, too soon to book safely: search again.")
                        .arg(left)});
    if (offer.priceGuaranteeExpiresAt && *offer.priceGuaranteeExpiresAt <= now)
        out.append(
            {-1, QStringLiteral("payment_requirements.price_guarantee_expires_at"),
             QStringLiteral("price_guarantee_expired"),
             Text::tr("The price is no longer guaranteed: search again for a current price.")});
    if (wallet) {
        const auto cmp = wallet->available.compare(offer.total);
        if (!cmp)
            out.append({-1, QStringLiteral("wallet"), QStringLiteral("wallet_currency_mismatch"),
                        Text::tr("The wallet holds %1 but the offer costs %2; amounts are never "
                                 "converted.")
                            .arg(wallet->available.currency(), offer.total.currency())});
        else if (*cmp < 0)
            out.append(
                {-1, QStringLiteral("wallet"), QStringLiteral("insufficient_funds"),
                 Text::tr("The wallet has %1 available but this booking costs %2: top up the "
                          "wallet first.")
                     .arg(wallet->available.toString(), offer.total.toString())});
    }
    return out;
}

} // namespace fd
