#pragma once

#include "apierror.h"

#include <QDateTime>
#include <QString>

#include <chrono>
#include <functional>

namespace fd {

struct RetryDecision {
    enum Action {
        Retry,  // wait, then send the same request again with the SAME idempotency key
        GiveUp, // surface the error; the caller must not resend this request as it is
    };
    Action action = GiveUp;
    std::chrono::milliseconds wait{0}; // already scaled; 0 for GiveUp
    QString reason;                    // English, for logs and the journal's attempt events
};

QString actionName(RetryDecision::Action action);

// The retry rules of seed 003 and the contract, as a pure function of the error, the attempt
// count and two instants read from an injected fd::Clock. The decision comes from `retryable`
// (and the error kind), never from the status code alone.
class RetryPolicy {
public:
    // Returns a value in [0, 1); injected so tests get deterministic jitter.
    using RandomSource = std::function<double()>;

    static constexpr int kMaxAttempts = 5;
    static constexpr std::chrono::milliseconds kMaxWait{30'000};
    static constexpr std::chrono::milliseconds kTotalBudget{120'000};
    static constexpr std::chrono::milliseconds kMaxJitter{1'000};
    static constexpr std::chrono::milliseconds kInFlightBase{2'000};

    // timeScale shrinks (or stretches) the desk's own waits AND the budget, so a scaled run
    // takes the same decisions as a real one, only faster. A server's Retry-After is never
    // shortened: a scaled wait is at least what the server asked for. A non-positive or
    // non-finite scale means 1.0.
    explicit RetryPolicy(RandomSource random = {}, double timeScale = 1.0);

    // attemptsMadeSoFar counts the attempt that just failed (1 after the first request).
    // firstAttemptAt and now come from the same fd::Clock.
    RetryDecision decide(const ApiError &error, int attemptsMadeSoFar,
                         const QDateTime &firstAttemptAt, const QDateTime &now) const;

    double timeScale() const { return m_scale; }

private:
    std::chrono::milliseconds jitter() const;
    std::chrono::milliseconds backoff(const ApiError &error, int attempt) const;

    RandomSource m_random;
    double m_scale = 1.0;
};

} // namespace fd
