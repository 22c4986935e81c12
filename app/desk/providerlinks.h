#pragma once

#include "providerlink.h"

// Each provider's link (providerlinks.cpp), named in the registry (providers.cpp) only.
namespace fd::desk {

Result<std::unique_ptr<ProviderLink>> connectTravelbase(const LinkOptions &options,
                                                        const Clock *clock, Scheduler *scheduler);
Result<std::unique_ptr<ProviderLink>> connectTravomatrix(const LinkOptions &options,
                                                         const Clock *clock, Scheduler *scheduler);

} // namespace fd::desk
