#include "scenario.h"

#include <QFileInfo>
#include <QJsonArray>

namespace fd::sandbox {

QStringList Scenario::endpointNames() {
    return {QStringLiteral("search_offers"),       QStringLiteral("get_offer"),
            QStringLiteral("get_wallet"),          QStringLiteral("top_up"),
            QStringLiteral("create_order"),        QStringLiteral("ticket_order"),
            QStringLiteral("get_order"),           QStringLiteral("patch_order"),
            QStringLiteral("create_cancellation"), QStringLiteral("confirm_cancellation"),
            QStringLiteral("place_suggestions")};
}

FaultRules Scenario::faultRules() {
    return {endpointNames(),
            {FaultKind::Unavailable, FaultKind::Internal, FaultKind::RateLimited,
             FaultKind::InternalFatal, FaultKind::InFlight, FaultKind::BadGatewayHtml,
             FaultKind::ResetBeforeCommit, FaultKind::ResetAfterCommit, FaultKind::HangAfterCommit,
             FaultKind::Slow}};
}

const Fault *Scenario::faultFor(const QString &endpoint, int attempt) const {
    return firstFault(faults, endpoint, attempt);
}

Result<Scenario> Scenario::fromJson(const QJsonObject &o) {
    Scenario s;
    s.name = o.value(QLatin1String("name")).toString(QStringLiteral("custom"));
    s.description = o.value(QLatin1String("description")).toString();
    auto faults = parseFaults(o.value(QLatin1String("faults")), faultRules());
    if (!faults)
        return faults.error();
    s.faults = std::move(faults).value();
    const auto ticketing = o.value(QLatin1String("ticketing")).toObject();
    const QString outcome =
        ticketing.value(QLatin1String("outcome")).toString(QStringLiteral("ticketed"));
    if (outcome == QLatin1String("ticketed"))
        s.outcome = TicketingOutcome::Ticketed;
    else if (outcome == QLatin1String("failed"))
        s.outcome = TicketingOutcome::Failed;
    else if (outcome == QLatin1String("never"))
        s.outcome = TicketingOutcome::Never;
    else
        return badScenario(QStringLiteral("ticketing.outcome must be ticketed, failed or never"));
    s.ticketingDelayMs = ticketing.value(QLatin1String("delay_ms")).toInt(s.ticketingDelayMs);
    const QString mode = o.value(QLatin1String("webhooks"))
                             .toObject()
                             .value(QLatin1String("mode"))
                             .toString(QStringLiteral("normal"));
    const QList<std::pair<QString, WebhookMode>> modes{
        {QStringLiteral("normal"), WebhookMode::Normal},
        {QStringLiteral("dropped"), WebhookMode::Dropped},
        {QStringLiteral("duplicated"), WebhookMode::Duplicated},
        {QStringLiteral("early"), WebhookMode::Early},
        {QStringLiteral("bad_signature_first"), WebhookMode::BadSignatureFirst},
        {QStringLiteral("stale_after"), WebhookMode::StaleAfter}};
    const auto m =
        std::find_if(modes.begin(), modes.end(), [&](const auto &p) { return p.first == mode; });
    if (m == modes.end())
        return badScenario(QStringLiteral("webhooks.mode \"%1\" is unknown").arg(mode));
    s.webhooks = m->second;
    s.webhookDelayMs =
        o.value(QLatin1String("webhooks")).toObject().value(QLatin1String("delay_ms")).toInt(0);
    const auto wallet = o.value(QLatin1String("wallet")).toObject();
    if (wallet.contains(QLatin1String("balance")))
        s.walletBalance = wallet.value(QLatin1String("balance")).toString();
    const auto offers = o.value(QLatin1String("offers")).toObject();
    s.offers.ttlSeconds = offers.value(QLatin1String("ttl_seconds")).toInteger(s.offers.ttlSeconds);
    s.offers.priceGuaranteeSeconds = offers.value(QLatin1String("price_guarantee_seconds"))
                                         .toInteger(s.offers.priceGuaranteeSeconds);
    if (s.ticketingDelayMs < 0 || s.webhookDelayMs < 0 || s.offers.ttlSeconds < 0 ||
        s.offers.priceGuaranteeSeconds < 0)
        return badScenario(QStringLiteral("delays and lifetimes must not be negative"));
    return s;
}

Result<Scenario> Scenario::fromFile(const QString &path) {
    const auto object = readScenarioFile(path);
    if (!object)
        return object.error();
    return fromJson(*object);
}

QStringList Scenario::builtInNames() {
    return {QStringLiteral("happy_path"),
            QStringLiteral("airline_rejects"),
            QStringLiteral("slow_airline"),
            QStringLiteral("lost_webhook"),
            QStringLiteral("never_resolves"),
            QStringLiteral("wallet_too_low"),
            QStringLiteral("offer_about_to_expire"),
            QStringLiteral("flaky_network")};
}

std::optional<Scenario> Scenario::builtIn(const QString &name) {
    if (!builtInNames().contains(name))
        return std::nullopt;
    // The built-ins are ordinary scenario files, embedded: they double as format examples.
    auto s = fromFile(QStringLiteral(":/sandbox/scenarios/%1.json").arg(name));
    if (!s)
        return std::nullopt;
    return *s;
}

Result<Scenario> Scenario::resolve(const QString &nameOrFile) {
    if (auto s = builtIn(nameOrFile))
        return *s;
    if (!QFileInfo::exists(nameOrFile))
        return badScenario(QStringLiteral("\"%1\" is neither a built-in scenario (%2) nor a file")
                               .arg(nameOrFile, builtInNames().join(QStringLiteral(", "))));
    return fromFile(nameOrFile);
}

} // namespace fd::sandbox
