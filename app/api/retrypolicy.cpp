#include "retrypolicy.h"

#include <QRandomGenerator>

#include <cmath>

namespace fd {
namespace {

using std::chrono::milliseconds;

RetryDecision giveUp(const QString &reason) {
    return {RetryDecision::GiveUp, milliseconds(0), reason};
}

QString seconds(milliseconds ms) {
    return QString::number(double(ms.count()) / 1000.0, 'f', 1);
}

// Whether this error says the same request may succeed later.
bool isTransient(const ApiError &e) {
    switch (e.kind) {
    case ApiError::Kind::Envelope:
        return e.retryable; // the source of truth; no status-code overrides
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Network:
        return true; // the request may have executed: same key, same body
    case ApiError::Kind::BadBody:
        // A proxy or load balancer answered instead of Travelbase; only a 5xx is transient.
        return e.httpStatus >= 500 && e.httpStatus <= 599;
    case ApiError::Kind::Conflict:
    case ApiError::Kind::Cancelled:
    case ApiError::Kind::Tls:
    case ApiError::Kind::Redirect:
        return false;
    }
    return false;
}

} // namespace

QString actionName(RetryDecision::Action action) {
    switch (action) {
    case RetryDecision::Retry:
        return QStringLiteral("retry");
    case RetryDecision::GiveUp:
        return QStringLiteral("give up");
    }
    return QStringLiteral("unknown");
}

RetryPolicy::RetryPolicy(RandomSource random, double timeScale)
    : m_random(std::move(random))
    , m_scale(std::isfinite(timeScale) && timeScale > 0.0 ? timeScale : 1.0) {
    if (!m_random)
        m_random = [] {
            return QRandomGenerator::global()->generateDouble();
        };
}

milliseconds RetryPolicy::jitter() const {
    double r = m_random();
    if (!std::isfinite(r) || r < 0.0)
        r = 0.0;
    if (r >= 1.0)
        r = 0.999;
    return milliseconds(qint64(r * double(kMaxJitter.count())));
}

milliseconds RetryPolicy::backoff(const ApiError &error, int attempt) const {
    if (error.kind == ApiError::Kind::Envelope &&
        error.code == QLatin1String("TB_IDEMPOTENCY_IN_FLIGHT")) {
        // The first request with this key is still running: 2-3 s, longer only if asked.
        return qMax(kInFlightBase, error.retryAfter.value_or(milliseconds(0))) + jitter();
    }
    if (error.retryAfter)
        return *error.retryAfter + jitter();
    const int exponent = qBound(0, attempt, 20);
    return milliseconds(qint64(1000) << exponent) + jitter();
}

RetryDecision RetryPolicy::decide(const ApiError &error, int attemptsMadeSoFar,
                                  const QDateTime &firstAttemptAt, const QDateTime &now) const {
    if (error.kind == ApiError::Kind::Cancelled)
        return giveUp(QStringLiteral("cancelled; never retried"));
    if (error.kind == ApiError::Kind::Tls)
        return giveUp(QStringLiteral("TLS failure; retrying cannot fix it"));
    if (error.kind == ApiError::Kind::Redirect)
        return giveUp(QStringLiteral("redirects are never followed; retrying cannot fix it"));
    if (error.kind == ApiError::Kind::Conflict) {
        // Seed 002's answer to a stale `version` (PATCH): "re-fetch, apply, retry" re-applies
        // the caller's change to a newer record, which only the caller can do (and maybe only
        // after asking the agent: desk/contacts.h). Resending the same bytes cannot succeed,
        // so it is never retried here.
        return giveUp(QStringLiteral("version conflict: the same request cannot succeed; "
                                     "re-fetching and re-applying is the caller's decision"));
    }
    if (!isTransient(error)) {
        return giveUp(error.kind == ApiError::Kind::Envelope
                          ? QStringLiteral("%1 is not retryable").arg(error.code)
                          : QStringLiteral("HTTP %1 with an unreadable body is not retried")
                                .arg(error.httpStatus));
    }

    const int attempt = qMax(1, attemptsMadeSoFar);
    if (attempt >= kMaxAttempts)
        return giveUp(
            QStringLiteral("%1 attempts made; the limit is %2").arg(attempt).arg(kMaxAttempts));

    // Elapsed time in policy units, so a scaled clock and scaled waits stay consistent.
    const qint64 elapsedReal = firstAttemptAt.isValid() && now.isValid()
                                   ? qMax<qint64>(0, firstAttemptAt.msecsTo(now))
                                   : 0;
    const milliseconds elapsed(qint64(std::ceil(double(elapsedReal) / m_scale)));
    if (elapsed >= kTotalBudget)
        return giveUp(QStringLiteral("the %1 s retry budget is spent").arg(seconds(kTotalBudget)));

    if (error.retryAfter && *error.retryAfter > kMaxWait) {
        // Honouring it would break the per-wait ceiling; retrying sooner would ignore the server.
        return giveUp(QStringLiteral("the server asked to wait %1 s, beyond the %2 s ceiling")
                          .arg(seconds(*error.retryAfter), seconds(kMaxWait)));
    }
    const milliseconds wait = qMin(backoff(error, attempt), kMaxWait);
    if (elapsed + wait > kTotalBudget) {
        return giveUp(QStringLiteral("waiting %1 s more would exceed the %2 s retry budget")
                          .arg(seconds(wait), seconds(kTotalBudget)));
    }
    milliseconds scaled(qint64(std::llround(double(wait.count()) * m_scale)));
    // The scale shortens the desk's own waits only: a server's Retry-After is an instruction,
    // and a training or test run must not hammer a server that asked it to wait.
    if (error.retryAfter)
        scaled = qMax(scaled, *error.retryAfter);
    return {RetryDecision::Retry, scaled,
            QStringLiteral("%1; retry %2 of %3 after %4 s with the same key")
                .arg(error.code)
                .arg(attempt + 1)
                .arg(kMaxAttempts)
                .arg(seconds(wait))};
}

} // namespace fd
