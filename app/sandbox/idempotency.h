#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>

namespace fd::sandbox {

// The idempotency rules of the contract (seeds 000-003): keys scoped to the API key, kept 24 h
// on the sandbox clock, replay only of what executed, in-flight and reuse detected.
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

    // What makes two requests "the same": method, path and the body's canonical JSON (so
    // whitespace or key order do not count as a different payload).
    static QByteArray fingerprint(const QString &method, const QString &path,
                                  const QByteArray &body);

    Lookup lookup(const QString &scope, const QString &key, const QByteArray &fingerprint,
                  const QDateTime &now);
    void begin(const QString &scope, const QString &key, const QByteArray &fingerprint,
               const QDateTime &now);
    void complete(const QString &scope, const QString &key, Stored stored);
    // The request did not execute after all: keep nothing, so a retry runs afresh.
    void abandon(const QString &scope, const QString &key);

private:
    struct Entry {
        QByteArray fingerprint;
        QDateTime createdAt;
        bool inFlight = true;
        Stored stored;
    };
    static QString slot(const QString &scope, const QString &key);
    void expire(const QDateTime &now);

    QHash<QString, Entry> m_entries;
};

} // namespace fd::sandbox
