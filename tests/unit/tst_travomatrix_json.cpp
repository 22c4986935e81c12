// Travomatrix's JSON in the desk's terms (fares, balance, bookings), its create body (exact and
// byte-stable), the search body, and the gateway's reading of error answers by status code.
#include "api/travomatrixgateway.h"
#include "api/travomatrixjson.h"
#include "desk/providers.h"
#include "testdata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fd;
using Kind = GatewayFailure::Kind;

Q_DECLARE_METATYPE(fd::GatewayFailure::Kind)

namespace {

// The contract's example fare.
QJsonObject exampleFare() {
    return test::readTestJson("offers/travomatrix-fare.json").object();
}

QByteArray readBytes(const char *relative) {
    QFile f(QStringLiteral(FLIGHTDESK_TEST_DATA "/") + QLatin1String(relative));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QList<Passenger> family() {
    return test::passengersFrom(test::readTestJson("passengers/family-valid.json").array());
}

} // namespace

class TestTravomatrixJson final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fareBecomesAnOffer() {
        const auto offer = travomatrix::parseFare(exampleFare());
        QVERIFY2(offer, qPrintable(offer.ok() ? QString() : offer.error().message));
        QCOMPARE(offer->id, QStringLiteral("TMX-LOSLHR-0001"));
        QCOMPARE(offer->expiresAt, QDateTime(QDate(2026, 12, 1), QTime(10, 20), Qt::UTC));
        QCOMPARE(offer->total.minorUnits(), 39850);
        QCOMPARE(offer->total.currency(), QStringLiteral("EUR"));
        QCOMPARE(offer->ownerIata, QStringLiteral("P4"));
        QCOMPARE(offer->ownerName, QStringLiteral("Air Peace"));
        QCOMPARE(offer->slices.size(), 1);
        QCOMPARE(offer->slices.first().origin.iataCode, QStringLiteral("LOS"));
        QCOMPARE(offer->slices.first().origin.countryCode, QStringLiteral("NG"));
        QCOMPARE(offer->slices.first().destination.countryCode, QStringLiteral("GB"));
        QCOMPARE(offer->slices.first().origin.timeZone, QStringLiteral("Africa/Lagos"));
        QCOMPARE(offer->slices.first().destination.timeZone, QStringLiteral("Europe/London"));
        QCOMPARE(offer->slices.first().segmentCount, 1);
        QVERIFY(offer->isInternational());
        QVERIFY(offer->identityDocumentsRequired);
        QCOMPARE(offer->passengers.size(), 3);
        QCOMPARE(offer->passengers.at(0).id, QStringLiteral("T1"));
        QCOMPARE(offer->passengers.at(0).type, QStringLiteral("adult"));
        QCOMPARE(offer->passengers.at(1).type, QStringLiteral("child"));
        QCOMPARE(offer->passengers.at(2).type, QStringLiteral("infant_without_seat"));
        QCOMPARE(offer->raw, exampleFare());
    }

    // The desk reads a journaled Travomatrix fare through its one provider table.
    void registeredWithTheDesk() {
        QVERIFY(desk::providerIds().contains(QStringLiteral("travomatrix")));
        const auto offer = desk::offerFromJson(QStringLiteral("travomatrix"), exampleFare());
        QVERIFY(offer);
        QCOMPARE(offer->id, QStringLiteral("TMX-LOSLHR-0001"));
    }

    void badFaresAreRefused_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("no fare_id") << "fare_id" << QJsonValue();
        QTest::newRow("bad valid_until") << "valid_until" << QJsonValue(QStringLiteral("soon"));
        QTest::newRow("fractional amount")
            << "price"
            << QJsonValue(QJsonObject{{QStringLiteral("amount"), 398.5},
                                      {QStringLiteral("currency"), QStringLiteral("EUR")}});
        QTest::newRow("amount as text")
            << "price"
            << QJsonValue(QJsonObject{{QStringLiteral("amount"), QStringLiteral("398.50")},
                                      {QStringLiteral("currency"), QStringLiteral("EUR")}});
        QTest::newRow("no itineraries") << "itineraries" << QJsonValue(QJsonArray());
        QTest::newRow("unknown traveller type")
            << "travellers"
            << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("ref"), QStringLiteral("T1")},
                                                 {QStringLiteral("type"), QStringLiteral("YTH")}}});
    }
    void badFaresAreRefused() {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QJsonObject fare = exampleFare();
        if (value.isUndefined() || value.isNull())
            fare.remove(key);
        else
            fare.insert(key, value);
        const auto offer = travomatrix::parseFare(fare);
        QVERIFY(!offer);
        QCOMPARE(offer.error().code, QStringLiteral("wrong_shape"));
    }

    void balanceBecomesAWallet() {
        const auto w =
            travomatrix::parseBalance({{QStringLiteral("available"), 150000},
                                       {QStringLiteral("currency"), QStringLiteral("EUR")}});
        QVERIFY(w);
        QCOMPARE(w->available.amount(), QStringLiteral("1500.00"));
        QVERIFY(
            !travomatrix::parseBalance({{QStringLiteral("available"), QStringLiteral("1500.00")},
                                        {QStringLiteral("currency"), QStringLiteral("EUR")}}));
    }

    void bookingBecomesASnapshot_data() {
        QTest::addColumn<QString>("status");
        QTest::addColumn<std::optional<ProviderStatus>>("expected");
        QTest::newRow("PENDING") << "PENDING" << std::optional(ProviderStatus::Pending);
        QTest::newRow("TICKETED") << "TICKETED" << std::optional(ProviderStatus::Ticketed);
        QTest::newRow("REJECTED") << "REJECTED" << std::optional(ProviderStatus::Failed);
        QTest::newRow("CANCELLED") << "CANCELLED" << std::optional(ProviderStatus::Cancelled);
        QTest::newRow("unknown") << "ON_HOLD" << std::optional<ProviderStatus>();
    }
    void bookingBecomesASnapshot() {
        QFETCH(QString, status);
        QFETCH(std::optional<ProviderStatus>, expected);
        const QJsonObject booking{
            {QStringLiteral("pnr"), QStringLiteral("QK7XRT")},
            {QStringLiteral("status"), status},
            {QStringLiteral("fare_id"), QStringLiteral("TMX-LOSLHR-0001")},
            {QStringLiteral("tickets"),
             QJsonArray{QJsonObject{{QStringLiteral("traveller_ref"), QStringLiteral("T1")},
                                    {QStringLiteral("number"), QStringLiteral("0832145678901")}}}},
            {QStringLiteral("failure_reason"), QJsonValue()}};
        const auto s = travomatrix::parseBooking(booking);
        QVERIFY(s);
        QCOMPARE(s->id, QStringLiteral("QK7XRT"));
        QCOMPARE(s->bookingReference, QStringLiteral("QK7XRT"));
        QCOMPARE(s->status, expected);
        QCOMPARE(s->statusName, status);
        QCOMPARE(s->tickets.size(), 1);
        QCOMPARE(s->tickets.first().passengerId, QStringLiteral("T1"));
        QCOMPARE(s->tickets.first().number, QStringLiteral("0832145678901"));
        QVERIFY(!travomatrix::parseBooking({{QStringLiteral("status"), status}}));
    }

    void createBodyIsExactAndStable() {
        const Offer offer = travomatrix::parseFare(exampleFare()).value();
        const QByteArray body = travomatrix::createBody(offer, family());
        // The file holds the exact bytes, without a final newline.
        const QByteArray expected = readBytes("offers/travomatrix-family-create.body");
        QCOMPARE(body, expected);
        // Same data, same bytes: a reparsed offer and copied passengers change nothing.
        const Offer again = travomatrix::parseFare(offer.raw).value();
        QCOMPARE(travomatrix::createBody(again, QList<Passenger>(family())), body);
    }

    void noPassportWhenTheFareDoesNotAskForOne() {
        QJsonObject fare = exampleFare();
        fare.insert(QStringLiteral("passport_required"), false);
        const Offer offer = travomatrix::parseFare(fare).value();
        const QByteArray body = travomatrix::createBody(offer, family());
        QVERIFY(!body.contains("passport"));
    }

    void searchBodyFromTheDesksRequest() {
        const QJsonObject request{
            {QStringLiteral("slices"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("origin"), QStringLiteral("LOS")},
                             {QStringLiteral("destination"), QStringLiteral("LHR")},
                             {QStringLiteral("departure_date"), QStringLiteral("2027-12-10")}},
                 QJsonObject{{QStringLiteral("origin"), QStringLiteral("LHR")},
                             {QStringLiteral("destination"), QStringLiteral("LOS")},
                             {QStringLiteral("departure_date"), QStringLiteral("2027-12-20")}}}},
            {QStringLiteral("passengers"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("type"), QStringLiteral("adult")}},
                 QJsonObject{{QStringLiteral("type"), QStringLiteral("infant_without_seat")}}}},
            {QStringLiteral("cabin_class"), QStringLiteral("economy")}};
        const auto body = travomatrix::searchBody(request);
        QVERIFY(body);
        QCOMPARE(*body, QByteArray("{\"adults\":1,\"cabin\":\"ECONOMY\",\"children\":0,\"departure_"
                                   "date\":\"2027-12-10\",\"destination\":\"LHR\",\"infants\":1,"
                                   "\"origin\":\"LOS\",\"return_date\":\"2027-12-20\"}"));
        QVERIFY(!travomatrix::searchBody({}));
    }

    void classifiedByStatusCode_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<bool>("retryable");
        const auto e = [](const char *code) {
            return QJsonDocument(
                       QJsonObject{{QStringLiteral("error"),
                                    QJsonObject{{QStringLiteral("code"), QString::fromLatin1(code)},
                                                {QStringLiteral("message"), QStringLiteral("m")}}}})
                .toJson(QJsonDocument::Compact);
        };
        QTest::newRow("400") << 400 << e("VALIDATION_ERROR") << Kind::Rejected << false;
        QTest::newRow("401") << 401 << e("UNAUTHORIZED") << Kind::Unauthorized << false;
        QTest::newRow("402") << 402 << e("INSUFFICIENT_FUNDS") << Kind::InsufficientFunds << false;
        QTest::newRow("404") << 404 << e("NOT_FOUND") << Kind::NotFound << false;
        QTest::newRow("409") << 409 << e("IDEMPOTENCY_KEY_MISMATCH") << Kind::KeyReused << false;
        QTest::newRow("410 expired") << 410 << e("FARE_EXPIRED") << Kind::OfferUnavailable << false;
        QTest::newRow("410 sold out")
            << 410 << e("FARE_SOLD_OUT") << Kind::OfferUnavailable << false;
        QTest::newRow("422") << 422 << e("QUOTE_EXPIRED") << Kind::Rejected << false;
        QTest::newRow("429") << 429 << e("RATE_LIMITED") << Kind::OutcomeUnknown << true;
        QTest::newRow("500") << 500 << e("INTERNAL") << Kind::OutcomeUnknown << true;
        QTest::newRow("504") << 504 << e("UPSTREAM_TIMEOUT") << Kind::OutcomeUnknown << true;
        QTest::newRow("502 html") << 502 << QByteArray("<html>bad gateway</html>")
                                  << Kind::OutcomeUnknown << false;
        QTest::newRow("429 html") << 429 << QByteArray("<html>slow down</html>")
                                  << Kind::OutcomeUnknown << true;
        QTest::newRow("403 html") << 403 << QByteArray("<html>no</html>") << Kind::Rejected
                                  << false;
    }
    void classifiedByStatusCode() {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(Kind, kind);
        QFETCH(bool, retryable);
        const ApiError error = TravomatrixGateway::readError(status, body, {}, QDateTime());
        QCOMPARE(error.retryable, retryable);
        const GatewayFailure f = TravomatrixGateway::classify(error);
        QCOMPARE(f.kind, kind);
        QCOMPARE(f.httpStatus, status);
    }

    void validationDetailsBecomeFieldErrors() {
        const ApiError error = TravomatrixGateway::readError(
            400,
            QByteArray(
                "{\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"bad\",\"details\":[{"
                "\"field\":\"travellers[0].passport.expiry_date\",\"issue\":\"before travel\"}]}}"),
            "3", QDateTime::currentDateTimeUtc());
        const GatewayFailure f = TravomatrixGateway::classify(error);
        QCOMPARE(f.kind, Kind::Rejected);
        QCOMPARE(f.code, QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(f.fieldErrors.size(), 1);
        QCOMPARE(f.fieldErrors.first().first, QStringLiteral("travellers[0].passport.expiry_date"));
        QCOMPARE(f.fieldErrors.first().second, QStringLiteral("before travel"));
    }

    void transportFailures() {
        QCOMPARE(TravomatrixGateway::classify(ApiError::timeout(QStringLiteral("t"))).kind,
                 Kind::OutcomeUnknown);
        QCOMPARE(TravomatrixGateway::classify(ApiError::network(QStringLiteral("n"))).kind,
                 Kind::OutcomeUnknown);
        QCOMPARE(TravomatrixGateway::classify(ApiError::redirect(302, "https://x.example/")).kind,
                 Kind::Fatal);
        QCOMPARE(TravomatrixGateway::classify(ApiError::cancelled()).kind, Kind::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestTravomatrixJson)
#include "tst_travomatrix_json.moc"
