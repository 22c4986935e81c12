#pragma once

#include "issue.h"
#include "offer.h"
#include "passenger.h"

#include <QDate>

namespace fd {

// Everything that decides whether these passengers may be booked on this trip, all at once.
// `today` is the agent's date (injected, so tests are stable).
Report validatePassenger(const Passenger &passenger, int index, const Trip &trip,
                         const QDate &today);
Report validatePassengers(const QList<Passenger> &passengers, const Trip &trip, const QDate &today);
// What concerns the list as a whole: at least one passenger, as many as the offer has.
Report validatePassengerCount(qsizetype count, const Trip &trip);
// As above, folding in the wrong-JSON-type findings made while reading the list.
Report validatePassengers(const PassengerList &list, const Trip &trip, const QDate &today);
// Folds wrong-JSON-type findings into `report`: a field sent with the wrong type reads as empty,
// so its "required" (or a document's "passport required") gives way to "wrong type".
void foldTypeIssues(Report &report, const Report &typeIssues);

} // namespace fd
