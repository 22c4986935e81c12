#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace fd {

// One field the provider rejected in a validation failure (`errors[]` of the envelope).
struct FieldError {
    QString field;
    QString message;
    friend bool operator==(const FieldError &, const FieldError &) = default;
};

// Every way a Travelbase call can fail, as one value. The two body shapes of the contract
// (the seed-003 envelope and the older seed-002 conflict shape) and the transport failures
// that never produced a body all end up here, so the retry policy has one input.
struct ApiError {
    enum class Kind {
        Envelope,  // the standard error envelope: retryable/fault are the source of truth
        Conflict,  // {"success":false,"error":{"code":"CONFLICT",...}}: a stale version; never
                   // resent
        BadBody,   // an HTTP error whose body is not JSON or neither shape: never guessed at
        Timeout,   // no answer in time: the request may have executed
        Network,   // reset, refused, DNS, ...: the request may have executed
        Cancelled, // the caller gave up (user or shutdown)
        Tls,       // certificate or handshake failure: retrying cannot fix it
        Redirect,  // a 3xx: never followed (it would carry the key and body to another host)
    };
    enum class Fault { Unknown, Client, Server };

    Kind kind = Kind::BadBody;
    int httpStatus = 0; // 0 when no HTTP response arrived
    QString code;       // errorCode, the conflict code, or a local code (FD_TIMEOUT, ...)
    QString message;    // the provider's sentence, or ours; always printable
    Fault fault = Fault::Unknown;
    bool retryable = false;
    QString suggestedAction;
    QList<FieldError> fieldErrors;
    // How long the provider asked us to wait, already resolved against "now".
    std::optional<std::chrono::milliseconds> retryAfter;
    // BadBody only: the start of what the server sent, control characters removed.
    QString bodyExcerpt;

    // Transport failures carry the contract's reading: a timeout or reset is
    // `retryable: true, fault: "server"` because the request may have executed.
    static ApiError timeout(const QString &detail);
    static ApiError network(const QString &detail);
    static ApiError cancelled();
    // An answer that is not JSON or neither documented shape, or an unreadable success
    // body: FD_BAD_BODY with `why` and a printable excerpt of what the server sent.
    static ApiError badBody(int httpStatus, const QByteArray &body, const QString &why);
    static ApiError tls(const QString &detail);
    // `location` is the redirect's target as sent; only its host is kept in the message.
    static ApiError redirect(int httpStatus, const QByteArray &location);
    // A request URL that breaks the transport rule (plain http off loopback): never sent.
    static ApiError insecureUrl(const QString &detail);

    // A one-line English summary for logs and the CLI (never contains the request body).
    QString describe() const;
    Error toError() const { return Error{code, describe()}; }
};

QString kindName(ApiError::Kind kind);

// Bodies larger than this are not parsed as JSON: an error envelope is a few hundred bytes.
inline constexpr qsizetype kMaxErrorBodyBytes = 256 * 1024;
inline constexpr int kMaxExcerptChars = 200;

// Reads an HTTP error response. Never crashes and never guesses: anything that is not one of
// the two documented shapes comes back as Kind::BadBody with the status and an excerpt.
ApiError parseError(int httpStatus, const QByteArray &body, const QByteArray &retryAfterHeader,
                    const QDateTime &now);

// `Retry-After` as delta-seconds or an IMF-fixdate (RFC 7231 7.1.3); nullopt when invalid.
// A date in the past means "now" (zero).
std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &header,
                                                         const QDateTime &now);

// At most maxChars printable characters of a body that may be binary or hostile.
QString printableExcerpt(const QByteArray &body, int maxChars = kMaxExcerptChars);

} // namespace fd
