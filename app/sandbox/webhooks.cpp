#include "webhooks.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <utility>

namespace fd::sandbox {

struct WebhookDispatcher::Delivery {
    QString eventId, type, orderId;
    QByteArray body;
    int attempt = 0;
    bool badSignatureFirst = false;
    std::function<void()> firstAttemptDone;
};

WebhookDispatcher::WebhookDispatcher(const Clock *clock, Ledger *ledger, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_ledger(ledger)
    , m_nam(new QNetworkAccessManager(this)) {}

WebhookDispatcher::~WebhookDispatcher() = default;

void WebhookDispatcher::setEndpoint(const QUrl &url, const QByteArray &secret) {
    m_url = url;
    m_secret = secret;
}

QByteArray WebhookDispatcher::signature(const QByteArray &secret, qint64 unixTime,
                                        const QByteArray &body) {
    const QByteArray t = QByteArray::number(unixTime);
    const QByteArray mac =
        QMessageAuthenticationCode::hash(t + '.' + body, secret, QCryptographicHash::Sha256);
    return "t=" + t + ",v1=" + mac.toHex();
}

QString WebhookDispatcher::publish(const QString &type, const QJsonObject &order,
                                   std::function<void()> firstAttemptDone) {
    QString id = QStringLiteral("evt_%1").arg(m_nextEvent++, 4, 10, QLatin1Char('0'));
    const QJsonObject event{
        {QStringLiteral("id"), id},
        {QStringLiteral("type"), type},
        {QStringLiteral("created_at"), m_clock->now().toUTC().toString(Qt::ISODate)},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("object"), order}}}};
    const QByteArray body = QJsonDocument(event).toJson(QJsonDocument::Compact);
    const QString orderId = order.value(QLatin1String("id")).toString();

    if (m_mode == WebhookMode::Dropped || !m_url.isValid()) {
        m_ledger->recordDelivery(
            {id, type, orderId, 0, true, 0,
             m_url.isValid() ? QStringLiteral("dropped") : QStringLiteral("no webhook endpoint"),
             m_clock->now()});
        if (firstAttemptDone)
            firstAttemptDone();
        return id;
    }
    const int copies = m_mode == WebhookMode::Duplicated ? 2 : 1;
    for (int i = 0; i < copies; ++i) {
        auto d = std::make_shared<Delivery>();
        d->eventId = id;
        d->type = type;
        d->orderId = orderId;
        d->body = body;
        d->badSignatureFirst = m_mode == WebhookMode::BadSignatureFirst;
        if (i == 0)
            d->firstAttemptDone = std::exchange(firstAttemptDone, nullptr); // the first copy only
        if (m_delayMs > 0)
            QTimer::singleShot(int(m_delayMs * m_scale), this, [this, d] { send(d); });
        else
            send(d);
    }
    return id;
}

void WebhookDispatcher::send(const std::shared_ptr<Delivery> &d) {
    ++d->attempt;
    const qint64 t = m_clock->now().toSecsSinceEpoch();
    const bool badSignature = d->badSignatureFirst && d->attempt == 1;
    // A wrong secret, not garbage: the header parses but does not verify, as a rotated
    // secret or a tampered body would look to the receiver.
    const QByteArray secret = badSignature ? m_secret + "-not-the-secret" : m_secret;
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Travelbase-Signature", signature(secret, t, d->body));
    request.setTransferTimeout(qMax(500, int(10000 * m_scale)));
    QNetworkReply *reply = m_nam->post(request, d->body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, d, badSignature] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString error = reply->error() == QNetworkReply::NoError || status != 0
                                  ? QString()
                                  : reply->errorString();
        m_ledger->recordDelivery({d->eventId, d->type, d->orderId, d->attempt, !badSignature,
                                  status, error, m_clock->now()});
        Q_EMIT attemptFinished(d->eventId, d->attempt, status);
        if (auto done = std::exchange(d->firstAttemptDone, nullptr))
            done();
        if ((status >= 200 && status < 300) || d->attempt >= kMaxAttempts)
            return;
        const int backoff = qMin(kMaxBackoffMs, kFirstBackoffMs << qMin(d->attempt - 1, 10));
        QTimer::singleShot(int(backoff * m_scale), this, [this, d] { send(d); });
    });
}

} // namespace fd::sandbox
