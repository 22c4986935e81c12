#pragma once

// Offers and passengers from tests/data, for the GUI tests.
#include "testdata.h"

namespace guitest {

inline fd::Offer offer(const char *name) {
    return fd::test::testOffer(name);
}

inline QList<fd::Passenger> passengers(const char *name) {
    return fd::test::testPassengers(name);
}

// The offers in tests/data expire at 10:15 UTC that day, the price guarantee at 10:10.
inline QDateTime morning() {
    return fd::test::sandboxStart();
}

} // namespace guitest
