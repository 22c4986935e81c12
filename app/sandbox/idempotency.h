#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace fd::sandbox {

// The idempotency rules of the contracts (seeds 000-003): keys scoped to the API key, kept 24 h
// on the sandbox clock, replay only of what executed, in-flight and reuse detected.
//
// A duplicate that arrives while the first is executing is the provider's choice: Travelbase
// answers it 409 at once; Travomatrix holds it until the first ends (wait()) and answers it
// with the first's result.
class IdempotencyStore {
public:
    static constexpr qint64 kRetentionSeconds = 24 * 60 * 60;

    struct Stored {
        int status = 0;
        QByteArray body;
    };
    enum class Verdict { Fresh, Replay, InFlight, Reused };
    struct Lookup {
        Verdict verdict = Verdict::Fresh;
        Stored stored;
    };
    // Receives the first request's answer when it ends: what complete() stored, or what
    // abandon() was given.
    using Waiter = std::function<void(const Stored &answer)>;

    // What makes two requests "the same": method, path and the body's canonical JSON (so
    // whitespace or key order do not count as a different payload).
    static QByteArray fingerprint(const QString &method, const QString &path,
                                  const QByteArray &body);

    Lookup lookup(const QString &scope, const QString &key, const QByteArray &fingerprint,
                  const QDateTime &now);
    void begin(const QString &scope, const QString &key, const QByteArray &fingerprint,
               const QDateTime &now);
    // Stores the answer and hands it to every waiter.
    void complete(const QString &scope, const QString &key, Stored stored);
    // The request did not execute after all: keep nothing, so a retry runs afresh. Waiters, if
    // any, get `answer` (the first's own answer), not stored either.
    void abandon(const QString &scope, const QString &key, const Stored &answer);
    void abandon(const QString &scope, const QString &key) { abandon(scope, key, Stored{}); }
    // Holds `waiter` until the request executing under this key ends. Only after lookup() said
    // InFlight; a waiter that gives up meanwhile must ignore the later call.
    void wait(const QString &scope, const QString &key, Waiter waiter);
    int waiting(const QString &scope, const QString &key) const;

private:
    struct Entry {
        QByteArray fingerprint;
        QDateTime createdAt;
        bool inFlight = true;
        Stored stored;
        QList<Waiter> waiters;
    };
    static QString slot(const QString &scope, const QString &key);
    void expire(const QDateTime &now);

    QHash<QString, Entry> m_entries;
};

} // namespace fd::sandbox
