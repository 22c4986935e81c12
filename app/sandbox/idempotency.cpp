#include "idempotency.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <utility>

namespace fd::sandbox {

QByteArray IdempotencyStore::fingerprint(const QString &method, const QString &path,
                                         const QByteArray &body) {
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(body, &error);
    // QJsonObject keeps keys sorted, so compact re-serialisation is a canonical form.
    const QByteArray canonical =
        error.error == QJsonParseError::NoError ? doc.toJson(QJsonDocument::Compact) : body;
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(QByteArray(method.toUtf8() + ' ' + path.toUtf8() + '\n'));
    h.addData(canonical);
    return h.result();
}

QString IdempotencyStore::slot(const QString &scope, const QString &key) {
    return scope + QLatin1Char('\n') + key;
}

void IdempotencyStore::expire(const QDateTime &now) {
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (!it->inFlight && it->createdAt.secsTo(now) >= kRetentionSeconds)
            it = m_entries.erase(it);
        else
            ++it;
    }
}

IdempotencyStore::Lookup IdempotencyStore::lookup(const QString &scope, const QString &key,
                                                  const QByteArray &fingerprint,
                                                  const QDateTime &now) {
    expire(now);
    const auto it = m_entries.constFind(slot(scope, key));
    if (it == m_entries.cend())
        return {};
    if (it->fingerprint != fingerprint)
        return {Verdict::Reused, {}};
    if (it->inFlight)
        return {Verdict::InFlight, {}};
    return {Verdict::Replay, it->stored};
}

void IdempotencyStore::begin(const QString &scope, const QString &key,
                             const QByteArray &fingerprint, const QDateTime &now) {
    m_entries.insert(slot(scope, key), Entry{fingerprint, now, true, {}, {}});
}

void IdempotencyStore::complete(const QString &scope, const QString &key, Stored stored) {
    const auto it = m_entries.find(slot(scope, key));
    if (it == m_entries.end())
        return;
    it->inFlight = false;
    it->stored = std::move(stored);
    // Taken out first: a waiter's answer may reach back into the store.
    const QList<Waiter> waiters = std::exchange(it->waiters, {});
    const Stored answer = it->stored;
    for (const auto &w : waiters)
        w(answer);
}

void IdempotencyStore::abandon(const QString &scope, const QString &key, const Stored &answer) {
    const auto it = m_entries.find(slot(scope, key));
    if (it == m_entries.end())
        return;
    const QList<Waiter> waiters = std::exchange(it->waiters, {});
    m_entries.erase(it);
    for (const auto &w : waiters)
        w(answer);
}

void IdempotencyStore::wait(const QString &scope, const QString &key, Waiter waiter) {
    const auto it = m_entries.find(slot(scope, key));
    if (it == m_entries.end() || !it->inFlight)
        return;
    it->waiters.append(std::move(waiter));
}

int IdempotencyStore::waiting(const QString &scope, const QString &key) const {
    const auto it = m_entries.constFind(slot(scope, key));
    return it == m_entries.cend() ? 0 : int(it->waiters.size());
}

} // namespace fd::sandbox
