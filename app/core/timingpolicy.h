#pragma once

#include <chrono>
#include <cmath>

namespace fd {

// Every duration of the checkout policy in one place. `scale` shrinks them all alike for
// training and tests (0.01 turns the 5-minute "contact support" deadline into 3 s).
struct TimingPolicy {
    using ms = std::chrono::milliseconds;

    double scale = 1.0;
    ms firstPoll{30'000};        // no webhook yet: GET the order once
    ms stillProcessing{60'000};  // tell the agent it is still processing
    ms pollInterval{30'000};     // then keep polling
    ms unresolvedAfter{300'000}; // contact support with the order id
    ms leaseTtl{120'000};        // another process may take over a crashed checkout after this
    ms requestTimeout{30'000};   // per HTTP request: the agent's setting, never scaled

    ms scaled(ms d) const {
        const double s = (std::isfinite(scale) && scale > 0) ? scale : 1.0;
        return ms(static_cast<long long>(std::llround(static_cast<double>(d.count()) * s)));
    }
};

} // namespace fd
