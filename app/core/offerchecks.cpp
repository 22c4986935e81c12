#include "offerchecks.h"

#include <QCoreApplication>

namespace fd {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("fd::offerchecks", text);
}
} // namespace

QList<Issue> checkOffer(const Offer &offer, const std::optional<Wallet> &wallet,
                        const QDateTime &now) {
    QList<Issue> out;
    const qint64 left = now.secsTo(offer.expiresAt);
    if (left <= 0)
        out.append({-1, QStringLiteral("expires_at"), QStringLiteral("offer_expired"),
                    tr("This offer expired at %1: search again.")
                        .arg(offer.expiresAt.toString(Qt::ISODate))});
    else if (left <= kOfferSafetyMarginSeconds)
        out.append(
            {-1, QStringLiteral("expires_at"), QStringLiteral("offer_expiring"),
             tr("This offer expires in %1 s, too soon to book safely: search again.").arg(left)});
    if (offer.priceGuaranteeExpiresAt && *offer.priceGuaranteeExpiresAt <= now)
        out.append({-1, QStringLiteral("payment_requirements.price_guarantee_expires_at"),
                    QStringLiteral("price_guarantee_expired"),
                    tr("The price is no longer guaranteed: search again for a current price.")});
    if (wallet) {
        const auto cmp = wallet->available.compare(offer.total);
        if (!cmp)
            out.append({-1, QStringLiteral("wallet"), QStringLiteral("wallet_currency_mismatch"),
                        tr("The wallet holds %1 but the offer costs %2; amounts are never "
                           "converted.")
                            .arg(wallet->available.currency(), offer.total.currency())});
        else if (*cmp < 0)
            out.append({-1, QStringLiteral("wallet"), QStringLiteral("insufficient_funds"),
                        tr("The wallet has %1 available but this booking costs %2: top up the "
                           "wallet first.")
                            .arg(wallet->available.toString(), offer.total.toString())});
    }
    return out;
}

} // namespace fd
