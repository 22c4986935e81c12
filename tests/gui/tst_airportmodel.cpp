// The bundled airport list and its model: complete, well-formed, and usable for completion.
#include "airportmodel.h"
#include "placecompleter.h"

#include "core/isocodes.h"

#include <QAbstractItemModelTester>
#include <QCompleter>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTest>

#include <algorithm>

using fd::ui::AirportModel;

class TestAirportModel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void passesTheModelTester() {
        AirportModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), int(AirportModel::ColumnCount));
        QVERIFY(model.rowCount() >= 80);
        QVERIFY(model.rowCount() <= 150);
    }

    void everyEntryIsWellFormed() {
        AirportModel model;
        static const QRegularExpression iata(QStringLiteral("^[A-Z]{3}$"));
        QSet<QString> codes;
        for (int row = 0; row < model.rowCount(); ++row) {
            const fd::ui::Airport &a = model.airport(row);
            QVERIFY2(iata.match(a.iataCode).hasMatch(), qPrintable(a.iataCode));
            QVERIFY2(fd::iso::isCountry(a.countryCode), qPrintable(a.iataCode));
            QVERIFY(!a.cityName.isEmpty());
            QVERIFY(!a.name.isEmpty());
            QVERIFY2(!codes.contains(a.iataCode), qPrintable(a.iataCode));
            codes.insert(a.iataCode);
        }
    }

    // The bundled list is only the offline fallback: the provider knows airports it lacks (the
    // sandbox's catalogue has three, found through its places endpoint). Every airport the
    // list and the catalogue share has the same facts in both.
    void agreesWithTheDemoCatalogue() {
        QFile f(QStringLiteral(FLIGHTDESK_TEST_DATA "/../../resources/demo/catalogue.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray airports = QJsonDocument::fromJson(f.readAll())
                                        .object()
                                        .value(QLatin1String("airports"))
                                        .toArray();
        QVERIFY(!airports.isEmpty());
        AirportModel model;
        QStringList outside;
        for (const QJsonValue &v : airports) {
            const QJsonObject o = v.toObject();
            const QString code = o.value(QLatin1String("iata_code")).toString();
            const int row = model.rowOfCode(code);
            if (row < 0) {
                outside << code;
                continue;
            }
            QCOMPARE(model.airport(row).countryCode,
                     o.value(QLatin1String("country_code")).toString());
            QCOMPARE(model.airport(row).cityName, o.value(QLatin1String("city_name")).toString());
        }
        outside.sort();
        QCOMPARE(outside, (QStringList{QStringLiteral("ILR"), QStringLiteral("OUA"),
                                       QStringLiteral("TMS")}));
    }

    void displayAndRawValues() {
        AirportModel model;
        const int row = model.rowOfCode(QStringLiteral("LOS"));
        QCOMPARE(model.index(row, AirportModel::Country).data().toString(),
                 QStringLiteral("Nigeria"));
        QCOMPARE(model.index(row, AirportModel::Country).data(AirportModel::RawValueRole),
                 QVariant(QStringLiteral("NG")));
        QCOMPARE(model.index(row, AirportModel::City).data().toString(), QStringLiteral("Lagos"));
        QCOMPARE(model.headerData(AirportModel::Code, Qt::Horizontal).toString(),
                 QStringLiteral("Code"));
    }

    void sortsByRawValue() {
        AirportModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(AirportModel::RawValueRole);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(AirportModel::Code);
        QCOMPARE(proxy.index(0, AirportModel::Code).data().toString(), QStringLiteral("ABJ"));
    }

    void completesByCodeCityOrName_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("code");
        QTest::newRow("code, lower case") << QStringLiteral("lhr") << QStringLiteral("LHR");
        QTest::newRow("city") << QStringLiteral("lagos") << QStringLiteral("LOS");
        QTest::newRow("part of the name") << QStringLiteral("heathrow") << QStringLiteral("LHR");
        QTest::newRow("accented name") << QStringLiteral("Côte") << QStringLiteral("NCE");
    }
    // Offline (no provider to ask), the completion list is the bundled list's matches, named
    // in full.
    void completesByCodeCityOrName() {
        QFETCH(QString, typed);
        QFETCH(QString, code);
        AirportModel model;
        QLineEdit edit;
        auto *places = new fd::ui::PlaceCompleter(&edit, nullptr, &model);
        edit.show();
        edit.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&edit));
        edit.insert(typed); // as typed (keyClicks knows no "ô")
        QAbstractItemModel *shown = places->completer()->model();
        QStringList found;
        for (int i = 0; i < shown->rowCount(); ++i)
            found << shown->index(i, 0).data().toString();
        const QString label = QStringLiteral("(%1), ").arg(code);
        QVERIFY2(std::any_of(found.cbegin(), found.cend(),
                             [&label](const QString &f) { return f.contains(label); }),
                 qPrintable(found.join(QLatin1Char('|'))));
        QVERIFY(found.size() <= 12);
    }

    void resolvesWhatWasTyped_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("code"); // empty: not one airport
        QTest::newRow("code") << QStringLiteral(" los ") << QStringLiteral("LOS");
        QTest::newRow("unique city") << QStringLiteral("abuja") << QStringLiteral("ABV");
        QTest::newRow("city with several airports") << QStringLiteral("London") << QString();
        QTest::newRow("airport name") << QStringLiteral("Gatwick Airport") << QStringLiteral("LGW");
        QTest::newRow("unknown") << QStringLiteral("XYZ") << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void resolvesWhatWasTyped() {
        QFETCH(QString, typed);
        QFETCH(QString, code);
        AirportModel model;
        const int row = model.resolve(typed);
        QCOMPARE(row < 0 ? QString() : model.airport(row).iataCode, code);
    }
};

QTEST_MAIN(TestAirportModel)
#include "tst_airportmodel.moc"
