// Reading offers and wallets, and the pre-booking checks against an injected clock.
#include "api/travelbasejson.h"
#include "core/clock.h"
#include "core/offer.h"
#include "core/offerchecks.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace fd;

namespace {
QJsonObject readObject(const QString &relative) {
    QFile f(QStringLiteral(FLIGHTDESK_TEST_DATA "/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(relative));
    return QJsonDocument::fromJson(f.readAll()).object();
}

Offer familyOffer() {
    return *fd::travelbase::parseOffer(readObject(QStringLiteral("offers/los-lhr-family.json")));
}

Wallet wallet(const char *amount, const char *currency = "EUR") {
    return *fd::travelbase::parseWallet(
        QJsonObject{{QStringLiteral("available_balance"), QLatin1String(amount)},
                    {QStringLiteral("currency"), QLatin1String(currency)}});
}

QStringList codes(const QList<Issue> &issues) {
    QStringList out;
    for (const Issue &i : issues)
        out << i.code;
    return out;
}
} // namespace

class TestOffer final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsTheContractExample() {
        const Offer o = familyOffer();
        QCOMPARE(o.id, QStringLiteral("off_0001"));
        QCOMPARE(o.total.minorUnits(), 41230);
        QCOMPARE(o.total.currency(), QStringLiteral("EUR"));
        QCOMPARE(o.expiresAt, QDateTime(QDate(2026, 12, 1), QTime(10, 15), Qt::UTC));
        QCOMPARE(o.priceGuaranteeExpiresAt, QDateTime(QDate(2026, 12, 1), QTime(10, 10), Qt::UTC));
        QCOMPARE(o.slices.size(), 2);
        QCOMPARE(o.passengers.size(), 3);
        const Trip t = o.trip();
        QVERIFY(t.international);
        QCOMPARE(t.firstDeparture, QDate(2026, 12, 10));
        QCOMPARE(t.lastArrival, QDate(2026, 12, 25));
        QCOMPARE(t.passengerTypes, (QStringList{QStringLiteral("adult"), QStringLiteral("child"),
                                                QStringLiteral("infant_without_seat")}));
    }

    void keepsEachAirportsZone() {
        const Offer o = familyOffer();
        QCOMPARE(o.slices.at(0).origin.timeZone, QStringLiteral("Africa/Lagos"));
        QCOMPARE(o.slices.at(0).destination.timeZone, QStringLiteral("Europe/London"));
        QCOMPARE(o.slices.at(1).origin.timeZone, QStringLiteral("Europe/London"));
        // Without a zone the place has none: the desk shows UTC, and says so.
        const auto domestic =
            fd::travelbase::parseOffer(readObject(QStringLiteral("offers/los-abv-domestic.json")));
        QVERIFY(domestic.ok());
        QVERIFY(domestic->slices.first().origin.timeZone.isEmpty());
        // An unknown zone is no zone, and never refuses the offer.
        QJsonObject raw = readObject(QStringLiteral("offers/los-lhr-family.json"))
                              .value(QStringLiteral("data"))
                              .toObject();
        QJsonArray slices = raw.value(QStringLiteral("slices")).toArray();
        QJsonObject first = slices.at(0).toObject();
        QJsonObject origin = first.value(QStringLiteral("origin")).toObject();
        origin.insert(QStringLiteral("time_zone"), QStringLiteral("Mars/Olympus_Mons"));
        first.insert(QStringLiteral("origin"), origin);
        slices.replace(0, first);
        raw.insert(QStringLiteral("slices"), slices);
        const auto odd = fd::travelbase::parseOffer(raw);
        QVERIFY(odd.ok());
        QVERIFY(odd->slices.first().origin.timeZone.isEmpty());
        QCOMPARE(odd->slices.first().destination.timeZone, QStringLiteral("Europe/London"));
    }

    void timeZones_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("zone");
        const QString none;
        QTest::newRow("Lagos") << QStringLiteral("Africa/Lagos") << QStringLiteral("Africa/Lagos");
        QTest::newRow("three parts") << QStringLiteral("America/Argentina/Buenos_Aires")
                                     << QStringLiteral("America/Argentina/Buenos_Aires");
        QTest::newRow("a link") << QStringLiteral("Asia/Calcutta")
                                << QStringLiteral("Asia/Calcutta");
        QTest::newRow("UTC") << QStringLiteral("UTC") << QStringLiteral("UTC");
        QTest::newRow("empty") << QString() << none;
        QTest::newRow("unknown") << QStringLiteral("Mars/Olympus_Mons") << none;
        QTest::newRow("a POSIX rule") << QStringLiteral("XYZ5") << none;
        QTest::newRow("a path") << QStringLiteral("../../../etc/passwd") << none;
        QTest::newRow("too long") << QString(QStringLiteral("Europe/") + QString(80, u'x')) << none;
    }
    void timeZones() {
        QFETCH(QString, text);
        QFETCH(QString, zone);
        QCOMPARE(parseTimeZone(text), zone);
    }

    void domesticUnlessDocumentsRequired() {
        QJsonObject raw = readObject(QStringLiteral("offers/los-abv-domestic.json"));
        QVERIFY(!fd::travelbase::parseOffer(raw)->isInternational());
        raw.insert(QStringLiteral("passenger_identity_documents_required"), true);
        QVERIFY(fd::travelbase::parseOffer(raw)->isInternational());
    }

    void unusableOffers_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("no id") << "id" << QJsonValue();
        QTest::newRow("float amount") << "total_amount" << QJsonValue(412.3);
        QTest::newRow("local time")
            << "expires_at" << QJsonValue(QStringLiteral("2026-12-01T10:15:00"));
        QTest::newRow("no slices") << "slices" << QJsonValue(QJsonArray());
        QTest::newRow("no passengers") << "passengers" << QJsonValue(QJsonArray());
        QTest::newRow("bad currency") << "total_currency" << QJsonValue(QStringLiteral("EURO"));
    }
    void unusableOffers() {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QJsonObject raw = readObject(QStringLiteral("offers/los-abv-domestic.json"));
        if (value.isUndefined() || value.isNull())
            raw.remove(key);
        else
            raw.insert(key, value);
        const auto o = fd::travelbase::parseOffer(raw);
        QVERIFY(!o.ok());
        QCOMPARE(o.error().code, QStringLiteral("wrong_shape"));
    }

    void checks_data() {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QString>("balance");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QStringList>("expected");
        const QDateTime guarantee(QDate(2026, 12, 1), QTime(10, 10), Qt::UTC);
        const QDateTime expiry(QDate(2026, 12, 1), QTime(10, 15), Qt::UTC);
        QTest::newRow("all good") << guarantee.addSecs(-1) << "1500.00"
                                  << "EUR" << QStringList();
        QTest::newRow("exact balance") << guarantee.addSecs(-1) << "412.30"
                                       << "EUR" << QStringList();
        QTest::newRow("one cent short")
            << guarantee.addSecs(-1) << "412.29"
            << "EUR" << QStringList{QStringLiteral("insufficient_funds")};
        QTest::newRow("other currency")
            << guarantee.addSecs(-1) << "5000.00"
            << "GBP" << QStringList{QStringLiteral("wallet_currency_mismatch")};
        QTest::newRow("guarantee lapsed")
            << guarantee << "1500.00"
            << "EUR" << QStringList{QStringLiteral("price_guarantee_expired")};
        QTest::newRow("61 s left")
            << expiry.addSecs(-61) << "1500.00"
            << "EUR" << QStringList{QStringLiteral("price_guarantee_expired")};
        QTest::newRow("60 s left") << expiry.addSecs(-60) << "1500.00"
                                   << "EUR"
                                   << QStringList{QStringLiteral("offer_expiring"),
                                                  QStringLiteral("price_guarantee_expired")};
        QTest::newRow("expired and poor") << expiry << "1.00"
                                          << "EUR"
                                          << QStringList{QStringLiteral("offer_expired"),
                                                         QStringLiteral("price_guarantee_expired"),
                                                         QStringLiteral("insufficient_funds")};
    }
    void checks() {
        QFETCH(QDateTime, now);
        QFETCH(QString, balance);
        QFETCH(QString, currency);
        QFETCH(QStringList, expected);
        ManualClock clock(now);
        const QList<Issue> found = checkOffer(
            familyOffer(), wallet(qPrintable(balance), qPrintable(currency)), clock.now());
        QCOMPARE(codes(found), expected);
    }

    void expiryMarginWithoutGuarantee() {
        QJsonObject raw = readObject(QStringLiteral("offers/los-abv-domestic.json"));
        const Offer o = *fd::travelbase::parseOffer(raw);
        ManualClock clock(o.expiresAt.addSecs(-61));
        QVERIFY(checkOffer(o, std::nullopt, clock.now()).isEmpty());
        clock.advance(1000);
        QCOMPARE(codes(checkOffer(o, std::nullopt, clock.now())),
                 QStringList{QStringLiteral("offer_expiring")});
    }
};

QTEST_GUILESS_MAIN(TestOffer)
#include "tst_offer.moc"
