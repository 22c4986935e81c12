#pragma once

// Shared by the Travomatrix sandbox's integration tests: a real HTTP client
// (QNetworkAccessManager) with X-Api-Key against an in-process TravomatrixSandbox on 127.0.0.1,
// on a manual clock and a fast timing scale, and builders for valid request bodies.

#include "rawhttpclient.h"
#include "sandboxharness.h"

#include "sandbox/travomatrix/travomatrixsandbox.h"

namespace fd::sandbox::tmxtest {

using test::HttpResult;

inline QString errorCode(const HttpResult &r) {
    return r.json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
}
inline QJsonArray errorDetails(const HttpResult &r) {
    return r.json.value(QLatin1String("error"))
        .toObject()
        .value(QLatin1String("details"))
        .toArray();
}
inline QByteArray compact(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

class TmxClient {
public:
    explicit TmxClient(QUrl base, QString apiKey = TravomatrixSandbox::defaultApiKey())
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
            request.setRawHeader("X-Api-Key", m_apiKey.toUtf8());
        if (!idempotencyKey.isEmpty())
            request.setRawHeader("Idempotency-Key", idempotencyKey);
        request.setTransferTimeout(timeoutMs);
        if (method == "GET")
            return nam.get(request);
        return nam.sendCustomRequest(request, method, body);
    }
    HttpResult call(const QByteArray &method, const QString &path, const QJsonObject &body = {},
                    const QByteArray &key = {}) {
        return test::Client::finish(
            start(method, path, body.isEmpty() ? QByteArray() : compact(body), key));
    }
    HttpResult raw(const QByteArray &method, const QString &path, const QByteArray &body,
                   const QByteArray &key = {}) {
        return test::Client::finish(start(method, path, body, key));
    }

    QNetworkAccessManager nam;

private:
    QUrl m_base;
    QString m_apiKey;
};

inline QJsonObject searchBody(const QString &from, const QString &to,
                              const QString &date = QStringLiteral("2027-12-10"), int adults = 1,
                              int children = 0, int infants = 0, const QString &back = {}) {
    return {{QStringLiteral("origin"), from},
            {QStringLiteral("destination"), to},
            {QStringLiteral("departure_date"), date},
            {QStringLiteral("return_date"), back.isEmpty() ? QJsonValue() : QJsonValue(back)},
            {QStringLiteral("adults"), adults},
            {QStringLiteral("children"), children},
            {QStringLiteral("infants"), infants},
            {QStringLiteral("cabin"), QStringLiteral("ECONOMY")}};
}

// A valid booking/create body for a fare: birth dates that fit each traveller type on a
// departure in December 2027, passports whenever the fare requires them, the exact price.
inline QJsonObject bookingBody(const QJsonObject &fare,
                               const QString &firstName = QStringLiteral("Adebayo")) {
    const bool passports = fare.value(QLatin1String("passport_required")).toBool();
    QJsonArray travellers;
    for (const auto &tv : fare.value(QLatin1String("travellers")).toArray()) {
        const auto t = tv.toObject();
        const QString type = t.value(QLatin1String("type")).toString();
        const QString born = type == QLatin1String("ADT")   ? QStringLiteral("1988-04-17")
                             : type == QLatin1String("CHD") ? QStringLiteral("2019-06-01")
                                                            : QStringLiteral("2026-03-01");
        QJsonObject traveller{{QStringLiteral("ref"), t.value(QLatin1String("ref"))},
                              {QStringLiteral("title"), QStringLiteral("MR")},
                              {QStringLiteral("first_name"), firstName},
                              {QStringLiteral("last_name"), QStringLiteral("Okafor")},
                              {QStringLiteral("date_of_birth"), born},
                              {QStringLiteral("gender"), QStringLiteral("M")}};
        if (passports)
            traveller.insert(
                QStringLiteral("passport"),
                QJsonObject{
                    {QStringLiteral("number"), QStringLiteral("A1234567%1").arg(travellers.size())},
                    {QStringLiteral("issuing_country"), QStringLiteral("NG")},
                    {QStringLiteral("expiry_date"), QStringLiteral("2031-05-02")}});
        travellers.append(traveller);
    }
    const auto price = fare.value(QLatin1String("price")).toObject();
    return {{QStringLiteral("fare_id"), fare.value(QLatin1String("fare_id"))},
            {QStringLiteral("travellers"), travellers},
            {QStringLiteral("contact"),
             QJsonObject{{QStringLiteral("email"), QStringLiteral("a.okafor@example.com")},
                         {QStringLiteral("phone"), QStringLiteral("+2348012345678")}}},
            {QStringLiteral("payment"),
             QJsonObject{{QStringLiteral("method"), QStringLiteral("WALLET")},
                         {QStringLiteral("amount"), price.value(QLatin1String("amount"))},
                         {QStringLiteral("currency"), price.value(QLatin1String("currency"))}}}};
}

// Counts rows whose `key` equals `value` (e.g. wallet movements of type "debit").
inline int countWhere(const QJsonArray &rows, const QString &key, const QString &value) {
    return test::countWhere(rows, key, value);
}

// A Travomatrix sandbox on a free loopback port, on its own manual clock (1 December 2026,
// 10:00 UTC) at a hundredth of real delays, with a client for it.
struct TmxFixture {
    static QDateTime startTime() { return QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC); }

    explicit TmxFixture(TravomatrixSandbox::Options options = {}) {
        options.timingScale = 0.01;
        sandbox = std::make_unique<TravomatrixSandbox>(options, &clock);
        const auto port = sandbox->start(0);
        if (!port)
            qFatal("sandbox did not start: %s", qPrintable(port.error().message));
        client = std::make_unique<TmxClient>(sandbox->baseUrl());
    }

    quint16 port() const { return sandbox->port(); }

    HttpResult search(const QJsonObject &body) {
        return client->call("POST", QStringLiteral("/api/v1/search"), body);
    }
    // The first fare LOS -> `to` (LHR: international, ABV: domestic) for these travellers.
    QJsonObject firstFare(const QString &to = QStringLiteral("LHR"), int adults = 1,
                          int children = 0, int infants = 0) {
        const auto r = search(searchBody(QStringLiteral("LOS"), to, QStringLiteral("2027-12-10"),
                                         adults, children, infants));
        return r.json.value(QLatin1String("fares")).toArray().first().toObject();
    }
    HttpResult create(const QJsonObject &body, const QByteArray &key) {
        return client->call("POST", QStringLiteral("/api/v1/booking/create"), body, key);
    }
    HttpResult booking(const QString &pnr) {
        return client->call("GET", QStringLiteral("/api/v1/booking/") + pnr);
    }
    QString bookingStatus(const QString &pnr) {
        return booking(pnr).json.value(QLatin1String("status")).toString();
    }
    QJsonObject ledger() { return client->call("GET", QStringLiteral("/__sandbox/ledger")).json; }
    int debits() {
        return countWhere(ledger().value(QLatin1String("wallet_movements")).toArray(),
                          QStringLiteral("type"), QStringLiteral("debit"));
    }
    // Sets an inline scenario through POST /__sandbox/scenario; the answer's status.
    int setScenario(const QJsonObject &scenario) {
        return client
            ->call("POST", QStringLiteral("/__sandbox/scenario"),
                   {{QStringLiteral("scenario"), scenario}})
            .status;
    }
    // A booking/create written on its own connection (see rawhttpclient.h).
    std::unique_ptr<fd::test::RawRequest> rawCreate(const QByteArray &body, const QByteArray &key) {
        return std::make_unique<fd::test::RawRequest>(
            port(), fd::test::RawRequest::build(
                        "POST", "/api/v1/booking/create", port(), body,
                        "X-Api-Key: " + TravomatrixSandbox::defaultApiKey().toUtf8() +
                            "\r\nIdempotency-Key: " + key + "\r\n"));
    }

    ManualClock clock{startTime()};
    std::unique_ptr<TravomatrixSandbox> sandbox;
    std::unique_ptr<TmxClient> client;
};

} // namespace fd::sandbox::tmxtest
