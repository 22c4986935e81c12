// The passengers file of `flightdesk validate --passengers` and `checkout --passengers`: read
// as the commands read it (JSON, passengersFromJson), then every field rule, libphonenumber
// included, for a domestic trip without dates and an international one with passenger types.
#include "fuzzsupport.h"

#include "core/passenger.h"
#include "core/passengervalidation.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace fd;

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(fuzz::bytes(data, size), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isArray())
        return 0;
    const auto list = passengersFromJson(doc.array());
    if (!list)
        return 0;

    Trip domestic;
    (void)validatePassengers(*list, domestic, fuzz::kToday).valid();

    Trip international;
    international.international = true;
    international.firstDeparture = fuzz::kToday.addDays(9);
    international.lastArrival = fuzz::kToday.addDays(23);
    const QStringList types{QStringLiteral("adult"), QStringLiteral("child"),
                            QStringLiteral("infant_without_seat")};
    for (qsizetype i = 0; i < list->passengers.size(); ++i)
        international.passengerTypes.append(types.at(i % types.size()));
    const Report report = validatePassengers(*list, international, fuzz::kToday);
    (void)report.valid();
    for (const Passenger &p : list->passengers)
        (void)p.toJson();
    return 0;
}
