// Schedule changes: the airline re-times a booked flight, and the provider says so with an
// order.schedule_changed event whose Order carries the new slices (see README.md).
#include "orderbook.h"
#include "service.h"
#include "webhooks.h"

#include "jsonfields.h"

namespace fd::sandbox {

namespace {

// At most a week either way: enough for any re-timing a trainer wants to show.
constexpr int kMaxShiftMinutes = 7 * 24 * 60;

QString shifted(const QJsonValue &time, int minutes) {
    const QDateTime t = QDateTime::fromString(time.toString(), Qt::ISODate);
    return t.isValid() ? t.addSecs(qint64(minutes) * 60).toUTC().toString(Qt::ISODate)
                       : time.toString();
}

QJsonObject retimed(QJsonObject o, int minutes) {
    for (const char *key : {"departing_at", "arriving_at"})
        if (o.contains(QLatin1String(key)))
            o.insert(QLatin1String(key), shifted(o.value(QLatin1String(key)), minutes));
    return o;
}

} // namespace

ApiResult<QJsonObject> OrderBook::changeSchedule(const QString &id, int minutes, int slice) {
    const auto it = m_orders.find(id);
    if (it == m_orders.end())
        return ApiError::notFound(QStringLiteral("Order %1 not found").arg(id));
    if (minutes == 0 || qAbs(minutes) > kMaxShiftMinutes)
        return ApiError::validation(QStringLiteral("shift_minutes"),
                                    QStringLiteral("must be a non-zero number of minutes, at "
                                                   "most %1 either way")
                                        .arg(kMaxShiftMinutes));
    if (slice < 0 || slice >= it->slices.size())
        return ApiError::validation(
            QStringLiteral("slice"),
            QStringLiteral("the order has %1 slice(s)").arg(it->slices.size()));
    if (it->status == QLatin1String("failed") || it->status == QLatin1String("cancelled"))
        return ApiError::unprocessable(
            QStringLiteral("TB_ORDER_NOT_CHANGEABLE"),
            QStringLiteral("Order %1 is %2: there is no flight to re-time").arg(id, it->status),
            QStringLiteral("change a pending, in-progress or ticketed order"));
    QJsonObject s = retimed(it->slices.at(slice).toObject(), minutes);
    QJsonArray segments;
    for (const QJsonValue &seg : s.value(QLatin1String("segments")).toArray())
        segments.append(retimed(seg.toObject(), minutes));
    s.insert(QStringLiteral("segments"), segments);
    it->slices.replace(slice, s);
    it->scheduleChanged = true;
    ++it->version;
    return it->json();
}

ApiResult<QJsonObject> Service::changeSchedule(const QString &orderId, int minutes, int slice) {
    auto order = m_book.changeSchedule(orderId, minutes, slice);
    if (order.ok()) {
        Q_EMIT orderChanged(order.value());
        m_webhooks->publish(QStringLiteral("order.schedule_changed"), order.value());
    }
    return order;
}

// POST /__sandbox/schedule_change {"data": {"order_id": "ord_0001", "shift_minutes": 95,
// "slice": 0}}: a control endpoint like /__sandbox/scenario, outside the idempotency store.
ApiResult<QJsonObject> Service::changeScheduleFrom(const QByteArray &body) {
    const auto data = parseDataBody(body);
    if (!data.ok())
        return data.error();
    const QJsonObject &d = data.value();
    const QJsonValue minutes = d.value(QLatin1String("shift_minutes"));
    const QJsonValue slice = d.value(QLatin1String("slice"));
    FieldErrors errors;
    const QString orderId = d.value(QLatin1String("order_id")).toString();
    if (orderId.isEmpty())
        errors.add(QStringLiteral("order_id"), QStringLiteral("is required"));
    if (!minutes.isDouble() || minutes.toDouble() != double(minutes.toInt()))
        errors.add(QStringLiteral("shift_minutes"), QStringLiteral("must be an integer"));
    if (!slice.isUndefined() && (!slice.isDouble() || slice.toDouble() != double(slice.toInt())))
        errors.add(QStringLiteral("slice"), QStringLiteral("must be an integer"));
    if (!errors.isEmpty())
        return ApiError::validation(errors.list);
    return changeSchedule(orderId, minutes.toInt(), slice.toInt(0));
}

} // namespace fd::sandbox
