#include "order.h"

#include <QCoreApplication>

namespace fd {

QJsonArray OrderSnapshot::ticketsJson() const {
    QJsonArray out;
    for (const ETicket &t : tickets)
        out.append(QJsonObject{{QStringLiteral("passenger_id"), t.passengerId},
                               {QStringLiteral("unique_identifier"), t.number}});
    return out;
}

Result<OrderSnapshot> OrderSnapshot::fromJson(const QJsonObject &json) {
    const QJsonObject o = json.size() == 1 && json.contains(QLatin1String("data"))
                              ? json.value(QLatin1String("data")).toObject()
                              : json;
    OrderSnapshot s;
    s.raw = o;
    s.id = o.value(QLatin1String("id")).toString();
    const QString status = o.value(QLatin1String("status")).toString();
    if (s.id.isEmpty() || status.isEmpty())
        return Error{
            QStringLiteral("wrong_shape"),
            QCoreApplication::translate("fd::Order", "The order has no \"id\" or \"status\".")};
    s.status = state::providerStatusNamed(status);
    s.statusName = status.left(40);
    s.version = o.value(QLatin1String("version")).toInt();
    s.bookingReference = o.value(QLatin1String("booking_reference")).toString();
    s.paymentReversed = o.value(QLatin1String("payment_reversed")).toBool();
    s.failureReason = o.value(QLatin1String("failure_reason")).toString();
    for (const QJsonValue &v : o.value(QLatin1String("documents")).toArray()) {
        const QJsonObject d = v.toObject();
        if (d.value(QLatin1String("type")).toString() == QLatin1String("electronic_ticket"))
            s.tickets.append({d.value(QLatin1String("passenger_id")).toString(),
                              d.value(QLatin1String("unique_identifier")).toString()});
    }
    return s;
}

} // namespace fd
