#pragma once

// Shared by the sandbox's integration tests: a real HTTP client (QNetworkAccessManager) against
// an in-process sandbox on 127.0.0.1, and builders for valid request bodies.

#include "sandbox/sandbox.h"
#include "sandbox/webhooks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace fd::sandbox::test {

struct HttpResult {
    int status = 0; // 0: no HTTP answer (reset, timeout)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
    QJsonObject data() const { return json.value(QLatin1String("data")).toObject(); }
    QString errorCode() const { return json.value(QLatin1String("errorCode")).toString(); }
};

class Client {
public:
    explicit Client(QUrl base, QString apiKey = Sandbox::defaultApiKey())
        : m_base(std::move(base))
        , m_apiKey(std::move(apiKey)) {}

    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body,
                         const QByteArray &idempotencyKey = {}, int timeoutMs = 5000) {
        QUrl url = m_base;
        url.setPath(path);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        if (!m_apiKey.isNull())
            request.setRawHeader("Authorization", "Bearer " + m_apiKey.toUtf8());
        if (!idempotencyKey.isEmpty())
            request.setRawHeader("Idempotency-Key", idempotencyKey);
        request.setTransferTimeout(timeoutMs);
        if (method == "GET")
            return nam.get(request);
        return nam.sendCustomRequest(request, method, body);
    }

    static HttpResult finish(QNetworkReply *reply, int waitMs = 8000) {
        std::unique_ptr<QNetworkReply, void (*)(QNetworkReply *)> guard(
            reply, [](QNetworkReply *r) { r->deleteLater(); });
        if (!reply->isFinished()) {
            QSignalSpy spy(reply, &QNetworkReply::finished);
            if (!spy.wait(waitMs))
                qWarning("request did not finish in %d ms", waitMs);
        }
        HttpResult r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = reply->error();
        if (reply->isOpen())
            r.body = reply->readAll();
        r.json = QJsonDocument::fromJson(r.body).object();
        r.headers = reply->rawHeaderPairs();
        return r;
    }

    HttpResult call(const QByteArray &method, const QString &path, const QJsonObject &body = {},
                    const QByteArray &key = {}) {
        const QByteArray raw =
            body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
        return finish(start(method, path, raw, key));
    }
    HttpResult raw(const QByteArray &method, const QString &path, const QByteArray &body,
                   const QByteArray &key = {}) {
        return finish(start(method, path, body, key));
    }

    QNetworkAccessManager nam;

private:
    QUrl m_base;
    QString m_apiKey;
};

inline QJsonObject wrap(const QJsonObject &data) {
    return {{QStringLiteral("data"), data}};
}

// A search for the given route; `back` adds the return slice.
inline QJsonObject searchBody(const QString &from, const QString &to, const QString &date,
                              const QStringList &types = {QStringLiteral("adult")},
                              const QString &back = {}) {
    QJsonArray slices{QJsonObject{{QStringLiteral("origin"), from},
                                  {QStringLiteral("destination"), to},
                                  {QStringLiteral("departure_date"), date}}};
    if (!back.isEmpty())
        slices.append(QJsonObject{{QStringLiteral("origin"), to},
                                  {QStringLiteral("destination"), from},
                                  {QStringLiteral("departure_date"), back}});
    QJsonArray passengers;
    for (const auto &t : types)
        passengers.append(QJsonObject{{QStringLiteral("type"), t}});
    return wrap({{QStringLiteral("slices"), slices},
                 {QStringLiteral("passengers"), passengers},
                 {QStringLiteral("cabin_class"), QStringLiteral("economy")}});
}

// A valid order-create body for an offer: birth dates that fit each passenger type on a
// departure in 2027, and passports whenever the offer is international.
inline QJsonObject orderBody(const QJsonObject &offer,
                             const QString &givenName = QStringLiteral("Adebayo")) {
    QJsonArray passengers;
    const bool intl = offer.value(QLatin1String("passenger_identity_documents_required")).toBool();
    int i = 0;
    for (const auto &pv : offer.value(QLatin1String("passengers")).toArray()) {
        const auto p = pv.toObject();
        const QString type = p.value(QLatin1String("type")).toString();
        const QString born = type == QLatin1String("adult")   ? QStringLiteral("1988-04-17")
                             : type == QLatin1String("child") ? QStringLiteral("2019-06-01")
                                                              : QStringLiteral("2026-03-01");
        QJsonObject pax{{QStringLiteral("id"), p.value(QLatin1String("id"))},
                        {QStringLiteral("title"), QStringLiteral("mr")},
                        {QStringLiteral("given_name"), givenName},
                        {QStringLiteral("family_name"), QStringLiteral("Okafor")},
                        {QStringLiteral("born_on"), born},
                        {QStringLiteral("gender"), QStringLiteral("m")},
                        {QStringLiteral("email"), QStringLiteral("a.okafor@example.com")},
                        {QStringLiteral("phone_number"), QStringLiteral("+2348012345678")}};
        if (intl)
            pax.insert(
                QStringLiteral("identity_documents"),
                QJsonArray{QJsonObject{
                    {QStringLiteral("type"), QStringLiteral("passport")},
                    {QStringLiteral("unique_identifier"), QStringLiteral("A1234567%1").arg(i)},
                    {QStringLiteral("issuing_country_code"), QStringLiteral("NG")},
                    {QStringLiteral("expires_on"), QStringLiteral("2031-05-02")}}});
        passengers.append(pax);
        ++i;
    }
    return wrap(
        {{QStringLiteral("selected_offers"), QJsonArray{offer.value(QLatin1String("id"))}},
         {QStringLiteral("passengers"), passengers},
         {QStringLiteral("payments"),
          QJsonArray{QJsonObject{
              {QStringLiteral("type"), QStringLiteral("balance")},
              {QStringLiteral("amount"), offer.value(QLatin1String("total_amount"))},
              {QStringLiteral("currency"), offer.value(QLatin1String("total_currency"))}}}}});
}

inline QJsonObject fetchLedger(Client &client) {
    return client.call("GET", QStringLiteral("/__sandbox/ledger")).data();
}

// Counts ledger rows whose `key` equals `value` (e.g. wallet movements of type "debit").
inline int countWhere(const QJsonArray &rows, const QString &key, const QString &value) {
    int n = 0;
    for (const auto &r : rows)
        if (r.toObject().value(key).toString() == value)
            ++n;
    return n;
}

// A sandbox on a free loopback port with a fast timing scale, plus a client for it.
// Deliveries the sandbox still owes: every answer but a 2xx (below the attempt cap) is followed
// by one more attempt of that delivery. Zero, with every attempt answered, means nothing
// further is on its way.
inline qsizetype deliveriesOwed(const Ledger &ledger) {
    qsizetype owed = 0;
    for (const Ledger::Delivery &d : ledger.deliveries()) {
        if (d.attempt > 1)
            --owed;
        if (d.attempt >= 1 && (d.status < 200 || d.status >= 300) &&
            d.attempt < WebhookDispatcher::kMaxAttempts)
            ++owed;
    }
    return owed;
}

struct Fixture {
    explicit Fixture(const Clock *clock = nullptr, Sandbox::Options options = {}) {
        options.timingScale = 0.01;
        sandbox = std::make_unique<Sandbox>(options, clock);
        const auto port = sandbox->start(0);
        if (!port)
            qFatal("sandbox did not start: %s", qPrintable(port.error().message));
        client = std::make_unique<Client>(sandbox->baseUrl());
    }
    // Searches LOS->LHR (international) or LOS->ABV (domestic) and returns the first offer.
    QJsonObject firstOffer(bool international = true,
                           const QStringList &types = {QStringLiteral("adult")}) {
        const auto r =
            client->call("POST", QStringLiteral("/v1/air/offer_requests"),
                         searchBody(QStringLiteral("LOS"),
                                    international ? QStringLiteral("LHR") : QStringLiteral("ABV"),
                                    QStringLiteral("2027-12-10"), types));
        return r.data().value(QLatin1String("offers")).toArray().first().toObject();
    }
    HttpResult createOrder(const QJsonObject &offer, const QByteArray &key) {
        return client->call("POST", QStringLiteral("/v1/air/orders"), orderBody(offer), key);
    }
    std::unique_ptr<Sandbox> sandbox;
    std::unique_ptr<Client> client;
};

} // namespace fd::sandbox::test
