#include "faults.h"

#include "core/boundedfile.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <limits>

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
    {"upstream_timeout", FaultKind::UpstreamTimeout},
    {"hang", FaultKind::Hang},
};

Result<Fault> parseFault(const QJsonObject &o, int index, const FaultRules &rules) {
    const QString at = QStringLiteral("faults[%1]").arg(index);
    Fault f;
    f.endpoint = o.value(QLatin1String("endpoint")).toString();
    if (f.endpoint != QLatin1String("*") && !rules.endpoints.contains(f.endpoint))
        return badScenario(QStringLiteral("%1.endpoint \"%2\" is not one of %3 or *")
                               .arg(at, f.endpoint, rules.endpoints.join(QStringLiteral(", "))));
    const QString kind = o.value(QLatin1String("kind")).toString();
    const auto named = std::find_if(std::begin(kFaultNames), std::end(kFaultNames),
                                    [&](const Named &n) { return kind == QLatin1String(n.name); });
    if (named == std::end(kFaultNames) || !rules.kinds.contains(named->kind)) {
        QStringList known;
        for (const FaultKind k : rules.kinds)
            known.append(faultKindName(k));
        return badScenario(QStringLiteral("%1.kind \"%2\" is unknown here; use one of %3")
                               .arg(at, kind, known.join(QStringLiteral(", "))));
    }
    f.kind = named->kind;
    const auto attempts = o.value(QLatin1String("attempts"));
    if (attempts.isDouble()) {
        f.attempts.append(attempts.toInt());
    } else if (attempts.isArray()) {
        for (const auto &a : attempts.toArray()) {
            if (!a.isDouble() || a.toInt() < 1)
                return badScenario(QStringLiteral("%1.attempts must hold numbers from 1").arg(at));
            f.attempts.append(a.toInt());
        }
    } else if (!attempts.isUndefined()) {
        return badScenario(QStringLiteral("%1.attempts must be a number or an array").arg(at));
    }
    if (o.contains(QLatin1String("retry_after")))
        f.retryAfterSeconds = o.value(QLatin1String("retry_after")).toInt();
    f.delayMs = o.value(QLatin1String("delay_ms")).toInt(f.kind == FaultKind::Slow ? 2000 : 0);
    // A day is far beyond any test or demo; the bound keeps scaled waits inside an int.
    constexpr int kMaxDelayMs = 24 * 3600 * 1000;
    if (f.delayMs < 0 || f.delayMs > kMaxDelayMs || f.retryAfterSeconds.value_or(0) < 0 ||
        f.retryAfterSeconds.value_or(0) > kMaxDelayMs / 1000)
        return badScenario(
            QStringLiteral("%1: delay_ms and retry_after must be between 0 and one day").arg(at));
    return f;
}

} // namespace

QString faultKindName(FaultKind kind) {
    for (const auto &n : kFaultNames) {
        if (n.kind == kind)
            return QLatin1String(n.name);
    }
    return {};
}

Error badScenario(const QString &message) {
    return Error{QStringLiteral("bad_scenario"), message};
}

Result<QList<Fault>> parseFaults(const QJsonValue &faults, const FaultRules &rules) {
    QList<Fault> list;
    const auto array = faults.toArray();
    for (int i = 0; i < array.size(); ++i) {
        auto f = parseFault(array[i].toObject(), i, rules);
        if (!f)
            return f.error();
        list.append(*f);
    }
    return list;
}

const Fault *firstFault(const QList<Fault> &faults, const QString &endpoint, int attempt) {
    for (const auto &f : faults) {
        if ((f.endpoint == endpoint || f.endpoint == QLatin1String("*")) &&
            (f.attempts.isEmpty() || f.attempts.contains(attempt)))
            return &f;
    }
    return nullptr;
}

Result<QJsonObject> readScenarioFile(const QString &path) {
    const auto bytes =
        readBoundedFile(path, kMaxScenarioFileBytes, QStringLiteral("the scenario file"));
    if (!bytes)
        return badScenario(bytes.error().message);
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(*bytes, &error);
    if (!doc.isObject())
        return badScenario(QStringLiteral("Scenario file %1 is not a JSON object: %2")
                               .arg(path, error.errorString()));
    return doc.object();
}

int scaledDelay(int ms, double scale) {
    return int(qBound(0.0, double(ms) * scale, double(std::numeric_limits<int>::max())));
}

QByteArray badGatewayHtml() {
    return QByteArrayLiteral("<html><head><title>502 Bad Gateway</title></head><body>"
                             "<center><h1>502 Bad Gateway</h1></center></body></html>");
}

} // namespace fd::sandbox
