#include "order.h"

namespace fd {

QJsonArray OrderSnapshot::ticketsJson() const {
    QJsonArray out;
    for (const ETicket &t : tickets)
        out.append(QJsonObject{{QStringLiteral("passenger_id"), t.passengerId},
                               {QStringLiteral("unique_identifier"), t.number}});
    return out;
}

} // namespace fd
