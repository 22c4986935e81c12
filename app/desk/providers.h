#pragma once

#include "core/offer.h"
#include "core/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace fd::desk {

// The booking providers this desk knows, registered in providers.cpp and nowhere else: what
// the window and the commands know of a provider beyond the BookingGateway seam.
QStringList providerIds();
// The default provider: the one a command line without --provider books with.
QString defaultProvider();
bool isKnownProvider(const QString &providerId);
// The provider's name as the agent reads it ("Travelbase"); the id itself when unknown.
QString providerName(const QString &providerId);

// A provider's offer JSON (an offer file, the offer an intent was booked from) in the desk's
// terms, with Offer::provider set; an unknown provider is refused by name.
Result<Offer> offerFromJson(const QString &providerId, const QJsonObject &json);

} // namespace fd::desk
