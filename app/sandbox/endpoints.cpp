// The endpoints of the contract: what each validates before executing, and what it does.
#include "service.h"

#include "jsonfields.h"
#include "webhooks.h"

#include <QJsonArray>
#include <QTimer>

namespace fd::sandbox {

namespace {
constexpr int kMaxPlaceQuery = 64; // characters of a place query
constexpr int kMaxPlaces = 20;     // places in one answer, as the contract says
} // namespace

std::optional<ApiError> Service::precheck(const Spec &spec, const QString &id,
                                          const Exchange &ex) const {
    switch (spec.endpoint) {
    case Endpoint::SearchOffers:
    case Endpoint::TopUp:
    case Endpoint::PatchOrder:
    case Endpoint::CreateCancellation: {
        const auto data = parseDataBody(ex.body());
        if (!data.ok())
            return data.error();
        return std::nullopt;
    }
    case Endpoint::CreateOrder: {
        const auto data = parseDataBody(ex.body());
        if (!data.ok())
            return data.error();
        return m_book.checkCreate(data.value());
    }
    case Endpoint::PlaceSuggestions: {
        const QString query = ex.queryItem(QStringLiteral("query")).trimmed();
        if (query.isEmpty() || query.size() > kMaxPlaceQuery)
            return ApiError::validation(
                QStringLiteral("query"),
                QStringLiteral("must be 1 to %1 characters").arg(kMaxPlaceQuery));
        return std::nullopt;
    }
    case Endpoint::TicketOrder: {
        // The action takes no body; an unknown order is rejected before anything runs.
        const auto order = m_book.order(id);
        if (!order.ok())
            return order.error();
        return std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

ApiResult<Service::Executed> Service::execute(const Spec &spec, const QString &id,
                                              const Exchange &ex) {
    const auto wrap = [](int status, const ApiResult<QJsonObject> &r) -> ApiResult<Executed> {
        if (!r.ok())
            return r.error();
        return Executed{status, r.value(), {}};
    };
    const auto data = parseDataBody(ex.body());
    switch (spec.endpoint) {
    case Endpoint::SearchOffers:
        return wrap(201, m_book.search(data.value(), m_scenario.offers));
    case Endpoint::GetOffer:
        return wrap(200, m_book.offer(id));
    case Endpoint::GetWallet:
        return Executed{200, m_book.wallet(), {}};
    case Endpoint::PlaceSuggestions: {
        QJsonArray places;
        const auto found =
            m_book.catalogue().suggest(ex.queryItem(QStringLiteral("query")), kMaxPlaces);
        for (const Catalogue::Airport &a : found)
            places.append(Catalogue::placeJson(a));
        return Executed{200, places, {}};
    }
    case Endpoint::TopUp:
        return wrap(201, m_book.topUp(data.value()));
    case Endpoint::CreateOrder: {
        const auto order = m_book.createOrder(data.value());
        if (order.ok())
            Q_EMIT orderChanged(order.value());
        return wrap(201, order);
    }
    case Endpoint::TicketOrder:
        return ticket(id);
    case Endpoint::GetOrder:
        return wrap(200, m_book.order(id));
    case Endpoint::PatchOrder: {
        const auto order = m_book.patchOrder(id, data.value());
        if (order.ok())
            Q_EMIT orderChanged(order.value());
        return wrap(200, order);
    }
    case Endpoint::CreateCancellation:
        return wrap(201, m_book.quoteCancellation(data.value()));
    case Endpoint::ConfirmCancellation: {
        QJsonObject cancelled;
        const auto confirmed = m_book.confirmCancellation(id, &cancelled);
        if (!cancelled.isEmpty()) {
            Q_EMIT orderChanged(cancelled);
            m_webhooks->publish(QStringLiteral("order.cancelled"), cancelled);
        }
        return wrap(200, confirmed);
    }
    case Endpoint::Ledger:
    case Endpoint::SetScenario:
    case Endpoint::ScheduleChange:
        break;
    }
    return ApiError::notFound(QStringLiteral("No such endpoint"));
}

ApiResult<Service::Executed> Service::ticket(const QString &id) {
    const auto start = m_book.startTicketing(id);
    if (!start.ok())
        return start.error();
    Executed done{202, start.value().order, {}};
    if (!start.value().started)
        return done;
    Q_EMIT orderChanged(start.value().order);
    // The outcome is the scenario's at the time of the action, whatever happens meanwhile.
    const TicketingOutcome outcome = m_scenario.outcome;
    if (outcome == TicketingOutcome::Never)
        return done;
    if (m_scenario.webhooks == WebhookMode::Early) {
        // The airline answers at once and its webhook reaches the desk before this response.
        done.hold = [this, id, outcome](std::function<void()> respond) {
            resolveTicketing(id, outcome, std::move(respond));
        };
        return done;
    }
    if (m_scenario.webhooks == WebhookMode::StaleAfter) {
        // Delivery is unordered: once the outcome's first delivery has its answer, the order as
        // it was when ticketing started (older version, in_progress) arrives after it.
        const QJsonObject stale = start.value().order;
        QTimer::singleShot(scaled(m_scenario.ticketingDelayMs), this, [this, id, outcome, stale] {
            resolveTicketing(id, outcome, [this, stale] {
                m_webhooks->publish(QStringLiteral("order.schedule_changed"), stale);
            });
        });
        return done;
    }
    QTimer::singleShot(scaled(m_scenario.ticketingDelayMs), this,
                       [this, id, outcome] { resolveTicketing(id, outcome); });
    return done;
}

void Service::resolveTicketing(const QString &orderId, TicketingOutcome outcome,
                               std::function<void()> firstAttemptDone) {
    const auto order = m_book.resolveTicketing(orderId, outcome == TicketingOutcome::Ticketed);
    if (!order) {
        if (firstAttemptDone)
            firstAttemptDone();
        return;
    }
    Q_EMIT orderChanged(*order);
    const QString type = outcome == TicketingOutcome::Ticketed ? QStringLiteral("order.ticketed")
                                                               : QStringLiteral("order.failed");
    m_webhooks->publish(type, *order, std::move(firstAttemptDone));
}

} // namespace fd::sandbox
