#pragma once

#include <QAnyStringView>
#include <QLatin1String>
#include <QList>

#include <optional>

namespace fd {

// Where one checkout stands: the flow's own steps and its outcomes. Each state has one row in
// the table in checkoutstate.cpp: its name (the journal's and the CLI's word), its rank, whether
// it is busy, final or needs someone to act, the CLI's exit code and the agent's words.
// Information from outside — a webhook, a read, a resume — only ever moves a checkout to a
// HIGHER rank; the flow's own detours (invalid input → validating, a top-up, a safe retry) are
// the agent's doing.
enum class CheckoutState : unsigned char {
    // Nothing was sent (rank 0).
    Draft,
    Editing,
    Validating,
    InvalidInput,
    InsufficientFunds,
    // The create may have been sent (rank 1).
    Creating,
    Interrupted,
    // The order exists (ranks 2-3).
    Ticketing,
    Processing,
    Unresolved,
    // The provider's outcomes (ranks 4-5).
    Ticketed,
    Failed,
    Cancelled,
    // Local finals (rank 6): no provider news revives them.
    OfferUnavailable,
    Rejected,   // retryable:false, nothing booked
    Superseded, // replaced by an intent with a new key
    Error,      // "do not retry": support decides, never resent
};

// What the provider last said about the order: a field of its own beside the checkout state.
enum class ProviderStatus : unsigned char { Pending, InProgress, Ticketed, Failed, Cancelled };

namespace state {

// Every checkout state, lowest rank first.
QList<CheckoutState> all();
QList<ProviderStatus> allProviderStatuses();

// "ticketed", "in_progress": the journal's, the CLI's and the contract's words.
QLatin1String name(CheckoutState s);
QLatin1String name(ProviderStatus s);
// The state of that name; nothing for a name this desk does not know.
std::optional<CheckoutState> checkoutStateNamed(QAnyStringView name);
std::optional<ProviderStatus> providerStatusNamed(QAnyStringView name);

// Nothing may move a checkout (or a provider status) to a lower rank; equal ranks never
// replace each other.
int rank(CheckoutState s);
int rank(ProviderStatus s);
// A network step is under way (validating, creating, ticketing, processing).
bool isBusy(CheckoutState s);
// Final: no request will ever be sent for this checkout again, so its passenger PII is erased.
bool isFinal(CheckoutState s);
bool isFinal(ProviderStatus s);
// Stopped where an agent or support must act (insufficient funds, interrupted, unresolved,
// error).
bool needsAttention(CheckoutState s);
// `flightdesk checkout`'s exit code when it stops in this state (0 only for ticketed).
int exitCode(CheckoutState s);
// The agent's words, untranslated: the UI passes them through
// QCoreApplication::translate("fd::CheckoutState", ...) (or "fd::ProviderStatus").
const char *label(CheckoutState s);
const char *label(ProviderStatus s);
// The checkout state a provider status closes a checkout with: ticketed, failed, cancelled.
std::optional<CheckoutState> outcomeOf(ProviderStatus s);

} // namespace state

} // namespace fd
