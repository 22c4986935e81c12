#pragma once

// Private to the checkout flow's two source files.
#include "checkoutflow.h"

#include <QStateMachine>

namespace fd {

enum class CheckoutFlow::Step {
    Submit,
    LocalInvalid,
    Validated,
    OfferGone,
    FundsShort,
    Created,
    CreatedAwaitingOutcome, // the create answered for the booking itself: no ticket action
    Rejected,
    TicketAccepted,
    OrderTicketed,
    OrderFailed,
    Unresolved,
    Interrupt,
    Fatal,
    ResumeValidate,
    ResumeCreate,
    ResumeTicket,
    ResumeProcess,
};

} // namespace fd
