#include "scenario.h"

#include "core/boundedfile.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace fd::sandbox {

namespace {

struct Named {
    const char *name;
    FaultKind kind;
};
constexpr Named kFaultNames[] = {
    {"unavailable", FaultKind::Unavailable},
    {"internal", FaultKind::Internal},
    {"rate_limited", FaultKind::RateLimited},
    {"internal_fatal", FaultKind::InternalFatal},
    {"in_flight", FaultKind::InFlight},
    {"bad_gateway_html", FaultKind::BadGatewayHtml},
    {"reset_before_commit", FaultKind::ResetBeforeCommit},
    {"reset_after_commit", FaultKind::ResetAfterCommit},
    {"hang_after_commit", FaultKind::HangAfterCommit},
    {"slow", FaultKind::Slow},
};

Error bad(const QString &message) {
    return Error{QStringLiteral("bad_scenario"), message};
}

Result<Fault> parseFault(const QJsonObject &o, int index) {
    const QString at = QStringLiteral("faults[%1]").arg(index);
    Fault f;
    f.endpoint = o.value(QLatin1String("endpoint")).toString();
    if (f.endpoint != QLatin1String("*") && !Scenario::endpointNames().contains(f.endpoint))
        return bad(QStringLiteral("%1.endpoint \"%2\" is not one of %3 or *")
                       .arg(at, f.endpoint, Scenario::endpointNames().join(QStringLiteral(", "))));
    const QString kind = o.value(QLatin1String("kind")).toString();
    bool known = false;
    for (const auto &n : kFaultNames) {
        if (kind == QLatin1String(n.name)) {
            f.kind = n.kind;
            known = true;
        }
    }
    if (!known)
        return bad(QStringLiteral("%1.kind \"%2\" is unknown").arg(at, kind));
    const auto attempts = o.value(QLatin1String("attempts"));
    if (attempts.isDouble()) {
        f.attempts.append(attempts.toInt());
    } else if (attempts.isArray()) {
        for (const auto &a : attempts.toArray()) {
            if (!a.isDouble() || a.toInt() < 1)
                return bad(QStringLiteral("%1.attempts must hold numbers from 1").arg(at));
            f.attempts.append(a.toInt());
        }
    } else if (!attempts.isUndefined()) {
        return bad(QStringLiteral("%1.attempts must be a number or an array").arg(at));
    }
    if (o.contains(QLatin1String("retry_after")))
        f.retryAfterSeconds = o.value(QLatin1String("retry_after")).toInt();
    f.delayMs = o.value(QLatin1String("delay_ms")).toInt(f.kind == FaultKind::Slow ? 2000 : 0);
    // A day is far beyond any test or demo; the bound keeps scaled waits inside an int.
    constexpr int kMaxDelayMs = 24 * 3600 * 1000;
    if (f.delayMs < 0 || f.delayMs > kMaxDelayMs || f.retryAfterSeconds.value_or(0) < 0 ||
        f.retryAfterSeconds.value_or(0) > kMaxDelayMs / 1000)
        return bad(
            QStringLiteral("%1: delay_ms and retry_after must be between 0 and one day").arg(at));
    return f;
}

} // namespace

QStringList Scenario::endpointNames() {
    return {QStringLiteral("search_offers"),       QStringLiteral("get_offer"),
            QStringLiteral("get_wallet"),          QStringLiteral("top_up"),
            QStringLiteral("create_order"),        QStringLiteral("ticket_order"),
            QStringLiteral("get_order"),           QStringLiteral("patch_order"),
            QStringLiteral("create_cancellation"), QStringLiteral("confirm_cancellation")};
}

const Fault *Scenario::faultFor(const QString &endpoint, int attempt) const {
    for (const auto &f : faults) {
        if ((f.endpoint == endpoint || f.endpoint == QLatin1String("*")) &&
            (f.attempts.isEmpty() || f.attempts.contains(attempt)))
            return &f;
    }
    return nullptr;
}

Result<Scenario> Scenario::fromJson(const QJsonObject &o) {
    Scenario s;
    s.name = o.value(QLatin1String("name")).toString(QStringLiteral("custom"));
    s.description = o.value(QLatin1String("description")).toString();
    const auto faults = o.value(QLatin1String("faults")).toArray();
    for (int i = 0; i < faults.size(); ++i) {
        auto f = parseFault(faults[i].toObject(), i);
        if (!f)
            return f.error();
        s.faults.append(*f);
    }
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
        return bad(QStringLiteral("ticketing.outcome must be ticketed, failed or never"));
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
        return bad(QStringLiteral("webhooks.mode \"%1\" is unknown").arg(mode));
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
        return bad(QStringLiteral("delays and lifetimes must not be negative"));
    return s;
}

Result<Scenario> Scenario::fromFile(const QString &path) {
    const auto bytes = readBoundedFile(path, kMaxFileBytes, QStringLiteral("the scenario file"));
    if (!bytes)
        return bad(bytes.error().message);
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(*bytes, &error);
    if (!doc.isObject())
        return bad(QStringLiteral("Scenario file %1 is not a JSON object: %2")
                       .arg(path, error.errorString()));
    return fromJson(doc.object());
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
        return bad(QStringLiteral("\"%1\" is neither a built-in scenario (%2) nor a file")
                       .arg(nameOrFile, builtInNames().join(QStringLiteral(", "))));
    return fromFile(nameOrFile);
}

} // namespace fd::sandbox
