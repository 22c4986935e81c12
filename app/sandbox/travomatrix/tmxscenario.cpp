#include "tmxscenario.h"

#include <QFileInfo>

namespace fd::sandbox::tmx {

namespace {
// A day is far beyond any demo or test; the bound keeps scaled waits inside an int.
constexpr int kMaxDelayMs = 24 * 3600 * 1000;
} // namespace

QStringList Scenario::endpointNames() {
    return {QStringLiteral("search"),
            QStringLiteral("get_fare"),
            QStringLiteral("get_balance"),
            QStringLiteral("create_booking"),
            QStringLiteral("get_booking"),
            QStringLiteral("quote_cancellation"),
            QStringLiteral("confirm_cancellation")};
}

FaultRules Scenario::faultRules() {
    return {endpointNames(),
            {FaultKind::Unavailable, FaultKind::Internal, FaultKind::UpstreamTimeout,
             FaultKind::RateLimited, FaultKind::BadGatewayHtml, FaultKind::ResetBeforeCommit,
             FaultKind::ResetAfterCommit, FaultKind::Hang, FaultKind::HangAfterCommit,
             FaultKind::Slow}};
}

Result<Scenario> Scenario::fromJson(const QJsonObject &o) {
    Scenario s;
    s.name = o.value(QLatin1String("name")).toString(QStringLiteral("custom"));
    s.description = o.value(QLatin1String("description")).toString();
    auto faults = parseFaults(o.value(QLatin1String("faults")), faultRules());
    if (!faults)
        return faults.error();
    s.faults = std::move(faults).value();

    const auto airline = o.value(QLatin1String("airline")).toObject();
    const QString outcome =
        airline.value(QLatin1String("outcome")).toString(QStringLiteral("ticketed"));
    if (outcome == QLatin1String("ticketed"))
        s.outcome = AirlineOutcome::Ticketed;
    else if (outcome == QLatin1String("rejected"))
        s.outcome = AirlineOutcome::Rejected;
    else if (outcome == QLatin1String("never"))
        s.outcome = AirlineOutcome::Never;
    else
        return badScenario(QStringLiteral("airline.outcome must be ticketed, rejected or never"));
    s.airlineDelayMs = airline.value(QLatin1String("delay_ms")).toInt(s.airlineDelayMs);
    s.answerWithinMs = airline.value(QLatin1String("answer_within_ms")).toInt(s.answerWithinMs);
    s.failureReason = airline.value(QLatin1String("failure_reason")).toString(s.failureReason);
    if (s.airlineDelayMs < 0 || s.airlineDelayMs > kMaxDelayMs || s.answerWithinMs < 0 ||
        s.answerWithinMs > kMaxDelayMs)
        return badScenario(QStringLiteral(
            "airline.delay_ms and airline.answer_within_ms must be between 0 and one day"));

    const auto wallet = o.value(QLatin1String("wallet")).toObject();
    if (wallet.contains(QLatin1String("available"))) {
        const auto available = wallet.value(QLatin1String("available"));
        if (!available.isDouble() || available.toInteger(-1) < 0)
            return badScenario(
                QStringLiteral("wallet.available must be a whole number of minor units"));
        s.walletAvailable = available.toInteger();
    }
    const auto fares = o.value(QLatin1String("fares")).toObject();
    s.fareTtlSeconds = fares.value(QLatin1String("ttl_seconds")).toInteger(s.fareTtlSeconds);
    if (s.fareTtlSeconds < 0)
        return badScenario(QStringLiteral("fares.ttl_seconds must not be negative"));
    return s;
}

Result<Scenario> Scenario::fromFile(const QString &path) {
    const auto object = readScenarioFile(path);
    if (!object)
        return object.error();
    return fromJson(*object);
}

QStringList Scenario::builtInNames() {
    return {QStringLiteral("happy_path"),     QStringLiteral("airline_rejects"),
            QStringLiteral("slow_airline"),   QStringLiteral("never_resolves"),
            QStringLiteral("wallet_too_low"), QStringLiteral("fare_about_to_expire"),
            QStringLiteral("flaky_network")};
}

std::optional<Scenario> Scenario::builtIn(const QString &name) {
    if (!builtInNames().contains(name))
        return std::nullopt;
    // The built-ins are ordinary scenario files, embedded: they double as format examples.
    auto s = fromFile(QStringLiteral(":/sandbox/travomatrix/scenarios/%1.json").arg(name));
    if (!s)
        return std::nullopt;
    return *s;
}

Result<Scenario> Scenario::resolve(const QString &nameOrFile) {
    if (auto s = builtIn(nameOrFile))
        return *s;
    if (!QFileInfo::exists(nameOrFile))
        return badScenario(
            QStringLiteral("\"%1\" is neither a built-in Travomatrix scenario (%2) nor a file")
                .arg(nameOrFile, builtInNames().join(QStringLiteral(", "))));
    return fromFile(nameOrFile);
}

} // namespace fd::sandbox::tmx
