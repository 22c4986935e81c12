#pragma once

#include "issue.h"
#include "offer.h"

#include <QDateTime>

#include <optional>

namespace fd {

// The provider's pre-booking checks: the offer lives more than 60 s longer, its price guarantee
// has not lapsed, and the wallet covers the total in the same currency. Each failure has its
// own code: offer_expired, offer_expiring, price_guarantee_expired, insufficient_funds,
// wallet_currency_mismatch.
QList<Issue> checkOffer(const Offer &offer, const std::optional<Wallet> &wallet,
                        const QDateTime &now);

inline constexpr qint64 kOfferSafetyMarginSeconds = 60;

} // namespace fd
