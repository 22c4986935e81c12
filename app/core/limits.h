#pragma once

#include <QtGlobal>

// How much the desk reads from anything outside it, in one place: each cap is far above any
// real input and far below what would hurt the machine. README.md "Input sizes FlightDesk
// refuses" lists them with what the agent sees.
namespace fd::limits {

constexpr qint64 kKiB = 1024;
constexpr qint64 kMiB = 1024 * kKiB;

// Files named on the command line: a passengers array (validate, checkout) and an offer.
constexpr qint64 kPassengersFileBytes = 1 * kMiB;
constexpr qint64 kOfferFileBytes = 1 * kMiB;
// `flightdesk validate` reads its passengers one at a time (memory holds one): the file may be
// long, each passenger in it may not.
constexpr qint64 kValidateFileBytes = 1024 * kMiB;
constexpr qint64 kPassengerJsonBytes = 64 * kKiB;
// A secret kept in a file when there is no keychain (an API key, a webhook secret).
constexpr qint64 kSecretFileBytes = 4 * kKiB; // keys and secrets are a few dozen bytes
// One answer of the provider's API, body only (Qt bounds the header block itself).
constexpr qint64 kApiAnswerBytes = 4 * kMiB;

} // namespace fd::limits
