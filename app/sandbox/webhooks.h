#pragma once

#include "ledger.h"
#include "scenario.h"

#include "core/clock.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace fd::sandbox {

// Delivers order events to the agency's endpoint the way the provider does: signed, at least
// once, retried with backoff until a 2xx, and misbehaving on purpose when the scenario says so.
class WebhookDispatcher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookDispatcher)

public:
    static constexpr int kMaxAttempts = 12;
    static constexpr int kFirstBackoffMs = 1000;
    static constexpr int kMaxBackoffMs = 60000;

    WebhookDispatcher(const Clock *clock, Ledger *ledger, QObject *parent = nullptr);
    ~WebhookDispatcher() override;

    void setEndpoint(const QUrl &url, const QByteArray &secret);
    QUrl endpoint() const { return m_url; }
    void setMode(WebhookMode mode) { m_mode = mode; }
    void setTimingScale(double scale) { m_scale = scale; }
    // Late webhooks: each event's first delivery waits this long (times the timing scale).
    void setFirstDeliveryDelay(int ms) { m_delayMs = ms; }

    // Publishes one event about an order and returns its id. `firstAttemptDone` runs once the
    // first delivery attempt has its answer, or at once when nothing is sent (dropped, no
    // endpoint): the "early" webhook mode holds an HTTP response back until then.
    QString publish(const QString &type, const QJsonObject &order,
                    std::function<void()> firstAttemptDone = {});

    // evt_0001 by default; a desk's journal records event ids once, across demo runs.
    void setFirstEventNumber(qint64 number) { m_nextEvent = number; }

    // "t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>", the Travelbase-Signature value.
    static QByteArray signature(const QByteArray &secret, qint64 unixTime, const QByteArray &body);

Q_SIGNALS:
    void attemptFinished(const QString &eventId, int attempt, int status);

private:
    struct Delivery;
    void send(const std::shared_ptr<Delivery> &d);

    const Clock *m_clock;
    Ledger *m_ledger;
    QNetworkAccessManager *m_nam;
    QUrl m_url;
    QByteArray m_secret;
    WebhookMode m_mode = WebhookMode::Normal;
    double m_scale = 1.0;
    int m_delayMs = 0;
    qint64 m_nextEvent = 1;
};

} // namespace fd::sandbox
