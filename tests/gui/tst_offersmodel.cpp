// The offers table model: structure (QAbstractItemModelTester), the text of every column for
// one-way and return offers, numeric sorting through a proxy by every column, and the
// ValidFor countdown on a ManualClock.
#include "api/travelbasejson.h"
#include "guitestdata.h"
#include "offersmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using fd::ui::OffersModel;

namespace {

QString apiTime(const QDateTime &t) {
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QJsonObject place(const char *code, const char *country, const char *city, const char *zone) {
    return {{QStringLiteral("iata_code"), QLatin1String(code)},
            {QStringLiteral("country_code"), QLatin1String(country)},
            {QStringLiteral("city_name"), QLatin1String(city)},
            {QStringLiteral("time_zone"), QLatin1String(zone)}};
}

struct Leg {
    QDateTime departs;
    int minutes = 0;
    int segments = 1;
};

QJsonObject slice(const Leg &leg, bool back, const QString &carrier, int number) {
    QJsonArray segments;
    for (int i = 0; i < leg.segments; ++i)
        segments.append(QJsonObject{
            {QStringLiteral("marketing_carrier"), carrier},
            {QStringLiteral("flight_number"), QString(carrier + QString::number(number + i))}});
    const QJsonObject los = place("LOS", "NG", "Lagos", "Africa/Lagos");
    const QJsonObject lhr = place("LHR", "GB", "London", "Europe/London");
    return {{QStringLiteral("origin"), back ? lhr : los},
            {QStringLiteral("destination"), back ? los : lhr},
            {QStringLiteral("departing_at"), apiTime(leg.departs)},
            {QStringLiteral("arriving_at"), apiTime(leg.departs.addSecs(leg.minutes * 60))},
            {QStringLiteral("segments"), segments}};
}

QDateTime at(int day, int h, int m = 0) {
    return QDateTime(QDate(2026, 12, day), QTime(h, m), Qt::UTC);
}

// Each offer differs from the others in every sortable column, in a different order.
fd::Offer offer(const char *id, const char *carrier, const char *name, Leg out, const char *price,
                int validMinutes, std::optional<Leg> back = std::nullopt) {
    QJsonArray slices{slice(out, false, QLatin1String(carrier), 70)};
    if (back)
        slices.append(slice(*back, true, QLatin1String(carrier), 80));
    const QJsonObject json{
        {QStringLiteral("id"), QLatin1String(id)},
        {QStringLiteral("expires_at"), apiTime(guitest::morning().addSecs(validMinutes * 60))},
        {QStringLiteral("total_amount"), QLatin1String(price)},
        {QStringLiteral("total_currency"), QStringLiteral("EUR")},
        {QStringLiteral("owner"), QJsonObject{{QStringLiteral("iata_code"), QLatin1String(carrier)},
                                              {QStringLiteral("name"), QLatin1String(name)}}},
        {QStringLiteral("slices"), slices},
        {QStringLiteral("passengers"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("pas_1")},
                                {QStringLiteral("type"), QStringLiteral("adult")}}}}};
    const auto parsed = fd::travelbase::parseOffer(json);
    if (!parsed)
        qFatal("bad test offer: %s", qPrintable(parsed.error().message));
    return *parsed;
}

QList<fd::Offer> sample() {
    // Price 1000.00 sorts after 999.99 only when compared as numbers, not as text.
    QList<fd::Offer> offers{
        offer("off_a", "P4", "Air Peace", {at(10, 22, 15), 390, 2}, "1000.00", 20),
        offer("off_b", "BA", "British Airways", {at(10, 8, 0), 400, 1}, "999.99", 5),
        offer("off_c", "KL", "KLM", {at(10, 9, 30), 380, 3}, "412.30", 29,
              Leg{at(20, 21, 0), 80, 1})};
    // A mixed list, as a search of both providers gives.
    offers[0].provider = QStringLiteral("travomatrix");
    offers[1].provider = QStringLiteral("travelbase");
    offers[2].provider = QStringLiteral("travelbase");
    return offers;
}

struct Fixture {
    fd::ManualClock clock{guitest::morning()};
    OffersModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    Fixture() {
        model.setClock(&clock);
        model.setOffers(sample());
    }
    QString text(int row, int column) const { return model.index(row, column).data().toString(); }
};

} // namespace

class TestOffersModel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void structureHoldsThroughChanges() {
        Fixture f;
        QCOMPARE(f.model.rowCount(), 3);
        QCOMPARE(f.model.columnCount(), int(OffersModel::ColumnCount));
        f.clock.advance(60'000);
        f.model.refresh();
        f.model.clear();
        QCOMPARE(f.model.rowCount(), 0);
        f.model.refresh(); // nothing to refresh: no signal with an empty range
        f.model.setOffers(sample());
        QCOMPARE(f.model.offerAt(2).id, QStringLiteral("off_c"));
        QVERIFY(!f.model.index(0, 0).flags().testFlag(Qt::ItemIsEditable));
    }

    void oneWayColumns() {
        Fixture f;
        QCOMPARE(f.text(1, OffersModel::Carrier), QStringLiteral("British Airways (BA) · BA70"));
        // Each airport's local time (08:00 and 14:40 UTC), with its zone.
        QCOMPARE(f.text(1, OffersModel::Departure), QStringLiteral("LOS · Thu 10 Dec 09:00 WAT"));
        QCOMPARE(f.text(1, OffersModel::Arrival), QStringLiteral("LHR · 14:40 GMT"));
        QCOMPARE(f.text(1, OffersModel::Stops), QStringLiteral("direct"));
        QCOMPARE(f.text(0, OffersModel::Stops), QStringLiteral("1 stop"));
        QCOMPARE(f.text(1, OffersModel::Duration), QStringLiteral("6 h 40 min"));
        QCOMPARE(f.text(1, OffersModel::Price), QStringLiteral("999.99 EUR"));
        QCOMPARE(f.text(1, OffersModel::ValidFor), QStringLiteral("5:00"));
        // A late departure lands the next day, local time (23:15 WAT, 04:45 GMT).
        QCOMPARE(f.text(0, OffersModel::Departure), QStringLiteral("LOS · Thu 10 Dec 23:15 WAT"));
        QCOMPARE(f.text(0, OffersModel::Arrival), QStringLiteral("LHR · 04:45 GMT +1"));
        // The headers no longer say UTC: the cells say each zone.
        QCOMPARE(f.model.headerData(OffersModel::Departure, Qt::Horizontal).toString(),
                 QStringLiteral("Departs"));
        QCOMPARE(f.model.headerData(OffersModel::Arrival, Qt::Horizontal).toString(),
                 QStringLiteral("Arrives"));
    }

    void returnTripShowsBothSlices() {
        Fixture f;
        QCOMPARE(f.text(2, OffersModel::Carrier),
                 QStringLiteral("KLM (KL) · KL70, KL71, KL72, KL80"));
        QCOMPARE(f.text(2, OffersModel::Departure),
                 QStringLiteral("LOS · Thu 10 Dec 10:30 WAT\nLHR · Sun 20 Dec 21:00 GMT"));
        QCOMPARE(f.text(2, OffersModel::Arrival),
                 QStringLiteral("LHR · 15:50 GMT\nLOS · 23:20 WAT"));
        QCOMPARE(f.text(2, OffersModel::Stops), QStringLiteral("2 stops\ndirect"));
        QCOMPARE(f.text(2, OffersModel::Duration), QStringLiteral("6 h 20 min\n1 h 20 min"));
        const QString spoken =
            f.model.index(2, OffersModel::Departure).data(Qt::AccessibleTextRole).toString();
        QVERIFY2(spoken.startsWith(QLatin1String("outbound departs Lagos (LOS)")),
                 qPrintable(spoken));
        QVERIFY2(spoken.contains(QLatin1String(" at 10:30 WAT;")), qPrintable(spoken));
        QVERIFY(spoken.contains(QLatin1String("; return departs London (LHR)")));
        const QString tip = f.model.index(2, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("LHR London → LOS Lagos")), qPrintable(tip));
    }

    void everyCellSpeaks() {
        Fixture f;
        for (int r = 0; r < f.model.rowCount(); ++r)
            for (int c = 0; c < f.model.columnCount(); ++c)
                QVERIFY2(!f.model.index(r, c).data(Qt::AccessibleTextRole).toString().isEmpty(),
                         qPrintable(QStringLiteral("row %1 column %2").arg(r).arg(c)));
        QCOMPARE(f.model.index(1, OffersModel::ValidFor).data(Qt::AccessibleTextRole).toString(),
                 QStringLiteral("valid for 5 minutes 0 seconds"));
        for (int c = 0; c < f.model.columnCount(); ++c)
            QVERIFY(!f.model.headerData(c, Qt::Horizontal).toString().isEmpty());
    }

    void rawValuesHaveTheirTypes() {
        Fixture f;
        const auto raw = [&](int column) {
            return f.model.index(0, column).data(OffersModel::RawValueRole);
        };
        QCOMPARE(raw(OffersModel::Carrier).typeId(), QMetaType::QString);
        QCOMPARE(raw(OffersModel::Departure).typeId(), QMetaType::QDateTime);
        QCOMPARE(raw(OffersModel::Arrival).typeId(), QMetaType::QDateTime);
        QCOMPARE(raw(OffersModel::Stops).typeId(), QMetaType::Int);
        QCOMPARE(raw(OffersModel::Duration).typeId(), QMetaType::Int);
        QCOMPARE(raw(OffersModel::Price).typeId(), QMetaType::LongLong);
        QCOMPARE(raw(OffersModel::ValidFor).typeId(), QMetaType::LongLong);
        QCOMPARE(raw(OffersModel::Price).toLongLong(), 100000);
        QCOMPARE(f.model.index(2, OffersModel::Duration).data(OffersModel::RawValueRole).toInt(),
                 380 + 80);
    }

    void sortsByEveryColumn_data() {
        QTest::addColumn<int>("column");
        QTest::addColumn<QStringList>("ascending");
        const auto ids = [](const char *a, const char *b, const char *c) {
            return QStringList{QLatin1String(a), QLatin1String(b), QLatin1String(c)};
        };
        QTest::newRow("carrier") << int(OffersModel::Carrier) << ids("off_a", "off_b", "off_c");
        QTest::newRow("departure") << int(OffersModel::Departure) << ids("off_b", "off_c", "off_a");
        QTest::newRow("arrival") << int(OffersModel::Arrival) << ids("off_b", "off_c", "off_a");
        QTest::newRow("stops") << int(OffersModel::Stops) << ids("off_b", "off_a", "off_c");
        QTest::newRow("duration") << int(OffersModel::Duration) << ids("off_a", "off_b", "off_c");
        QTest::newRow("price") << int(OffersModel::Price) << ids("off_c", "off_b", "off_a");
        QTest::newRow("valid for") << int(OffersModel::ValidFor) << ids("off_b", "off_a", "off_c");
    }
    void sortsByEveryColumn() {
        QFETCH(int, column);
        QFETCH(QStringList, ascending);
        Fixture f;
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&f.model);
        proxy.setSortRole(OffersModel::RawValueRole);
        const auto order = [&] {
            QStringList out;
            for (int r = 0; r < proxy.rowCount(); ++r)
                out << f.model.offerAt(proxy.mapToSource(proxy.index(r, 0)).row()).id;
            return out;
        };
        proxy.sort(column, Qt::AscendingOrder);
        QCOMPARE(order(), ascending);
        proxy.sort(column, Qt::DescendingOrder);
        QStringList descending(ascending.crbegin(), ascending.crend());
        QCOMPARE(order(), descending);
    }

    void sortsByTheInstantNotTheLocalText() {
        // 08:00 UTC leaves Lagos at 09:00 local; 09:00 UTC leaves Santo Domingo at 05:00 local.
        QList<fd::Offer> offers{
            offer("off_early", "BA", "British Airways", {at(10, 8, 0), 400, 1}, "500.00", 20),
            offer("off_late", "BA", "British Airways", {at(10, 9, 0), 400, 1}, "500.00", 20)};
        offers[1].slices[0].origin.timeZone = QStringLiteral("America/Santo_Domingo");
        OffersModel model;
        model.setOffers(offers);
        QCOMPARE(model.index(1, OffersModel::Departure).data().toString(),
                 QStringLiteral("LOS · Thu 10 Dec 05:00 AST"));
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(OffersModel::RawValueRole);
        proxy.sort(OffersModel::Departure, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, OffersModel::Departure).data().toString(),
                 QStringLiteral("LOS · Thu 10 Dec 09:00 WAT"));
    }

    void providerColumnNamesTheSeller() {
        Fixture f;
        QCOMPARE(f.text(0, OffersModel::Provider), QStringLiteral("Travomatrix"));
        QCOMPARE(f.text(1, OffersModel::Provider), QStringLiteral("Travelbase"));
        QCOMPARE(f.model.index(0, OffersModel::Provider).data(Qt::AccessibleTextRole).toString(),
                 QStringLiteral("sold by Travomatrix"));
        QCOMPARE(f.model.headerData(OffersModel::Provider, Qt::Horizontal).toString(),
                 QStringLiteral("Provider"));
        QCOMPARE(f.model.headerData(OffersModel::Provider, Qt::Horizontal, Qt::AccessibleTextRole)
                     .toString(),
                 QStringLiteral("Booking provider"));
        QVERIFY(!f.model.headerData(OffersModel::Provider, Qt::Horizontal, Qt::ToolTipRole)
                     .toString()
                     .isEmpty());
        QVERIFY(f.model.index(0, 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Sold by Travomatrix")));
        QCOMPARE(f.model.index(0, OffersModel::Provider).data(OffersModel::RawValueRole).typeId(),
                 QMetaType::QString);
        // Sorted by provider name: the Travelbase offers together, Travomatrix's after them.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&f.model);
        proxy.setSortRole(OffersModel::RawValueRole);
        proxy.sort(OffersModel::Provider, Qt::AscendingOrder);
        QCOMPARE(proxy.index(2, OffersModel::Provider).data().toString(),
                 QStringLiteral("Travomatrix"));
        proxy.sort(OffersModel::Provider, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, OffersModel::Provider).data().toString(),
                 QStringLiteral("Travomatrix"));
    }

    void travomatrixFlightNumbers() {
        // Travomatrix lists its segments under "itineraries".
        fd::Offer tmx = sample().first();
        tmx.raw = QJsonObject{
            {QStringLiteral("itineraries"),
             QJsonArray{QJsonObject{{QStringLiteral("segments"),
                                     QJsonArray{QJsonObject{{QStringLiteral("flight_number"),
                                                             QStringLiteral("P47200")}}}}}}}};
        OffersModel model;
        model.setOffers({tmx});
        QCOMPARE(model.index(0, OffersModel::Carrier).data().toString(),
                 QStringLiteral("Air Peace (P4) · P47200"));
    }

    void addedOffersAreInsertedAndSorted() {
        Fixture f;
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&f.model);
        proxy.setSortRole(OffersModel::RawValueRole);
        proxy.sort(OffersModel::Price, Qt::AscendingOrder);
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        fd::Offer cheap = offer("off_d", "AF", "Air France", {at(10, 7, 0), 420, 2}, "99.00", 25);
        cheap.provider = QStringLiteral("travomatrix");
        f.model.addOffers({cheap});
        f.model.addOffers({}); // nothing to add: no signal
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(f.model.rowCount(), 4);
        QCOMPARE(f.model.offerAt(proxy.mapToSource(proxy.index(0, 0)).row()).id,
                 QStringLiteral("off_d"));
    }

    void validForCountsDownOnRefresh() {
        Fixture f;
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        f.clock.advance(4 * 60'000 + 15'000);
        f.model.refresh();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex(), f.model.index(0, OffersModel::ValidFor));
        QCOMPARE(changed.at(0).at(1).toModelIndex(), f.model.index(2, OffersModel::ValidFor));
        QCOMPARE(f.text(1, OffersModel::ValidFor), QStringLiteral("0:45 — too late"));
        QCOMPARE(f.text(0, OffersModel::ValidFor), QStringLiteral("15:45"));
        f.clock.advance(60'000);
        f.model.refresh();
        QCOMPARE(f.text(1, OffersModel::ValidFor), QStringLiteral("expired"));
        QVERIFY(
            f.model.index(1, OffersModel::ValidFor).data(OffersModel::RawValueRole).toLongLong() <
            0);
        QCOMPARE(f.model.index(1, OffersModel::ValidFor).data(Qt::AccessibleTextRole).toString(),
                 QStringLiteral("offer expired"));
    }
};

QTEST_MAIN(TestOffersModel)
#include "tst_offersmodel.moc"
