#include "core/money.h"

#include <QTest>

using fd::Money;

class TestMoney final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parse_data() {
        QTest::addColumn<QString>("amount");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("roundTrip");

        QTest::newRow("EUR two digits") << "412.30"
                                        << "EUR" << true << qint64(41230) << "412.30";
        QTest::newRow("EUR zero") << "0.00"
                                  << "EUR" << true << qint64(0) << "0.00";
        QTest::newRow("EUR cents only") << "0.05"
                                        << "EUR" << true << qint64(5) << "0.05";
        QTest::newRow("EUR negative") << "-1.50"
                                      << "EUR" << true << qint64(-150) << "-1.50";
        QTest::newRow("JPY no fraction") << "41230"
                                         << "JPY" << true << qint64(41230) << "41230";
        QTest::newRow("KWD three digits") << "12.345"
                                          << "KWD" << true << qint64(12345) << "12.345";
        QTest::newRow("CLF four digits") << "1.0001"
                                         << "CLF" << true << qint64(10001) << "1.0001";
        QTest::newRow("large EUR")
            << "999999999999999.99"
            << "EUR" << true << qint64(99999999999999999) << "999999999999999.99";

        QTest::newRow("EUR one digit") << "412.3"
                                       << "EUR" << false << qint64(0) << "";
        QTest::newRow("EUR three digits") << "412.300"
                                          << "EUR" << false << qint64(0) << "";
        QTest::newRow("EUR no fraction") << "412"
                                         << "EUR" << false << qint64(0) << "";
        QTest::newRow("JPY with fraction") << "412.00"
                                           << "JPY" << false << qint64(0) << "";
        QTest::newRow("KWD two digits") << "12.34"
                                        << "KWD" << false << qint64(0) << "";
        QTest::newRow("float exponent") << "4.123e2"
                                        << "EUR" << false << qint64(0) << "";
        QTest::newRow("comma") << "412,30"
                               << "EUR" << false << qint64(0) << "";
        QTest::newRow("plus sign") << "+412.30"
                                   << "EUR" << false << qint64(0) << "";
        QTest::newRow("spaces") << " 412.30"
                                << "EUR" << false << qint64(0) << "";
        // The whole value is the amount: nothing before or after it, not even a line break.
        for (const char *edge : {"412.30\n", "412.30\r\n", "412.30\r", "412.30\t", " 412.30",
                                 "\n412.30", "412.30\u00A0", "412.30\n\n"})
            QTest::addRow("edge %s", QByteArray(edge).toPercentEncoding().constData())
                << QString::fromUtf8(edge) << "EUR" << false << qint64(0) << "";
        QTest::newRow("arabic-indic digits") << "٤١٢.٣٠"
                                             << "EUR" << false << qint64(0) << "";
        QTest::newRow("empty") << ""
                               << "EUR" << false << qint64(0) << "";
        QTest::newRow("dot only") << ".30"
                                  << "EUR" << false << qint64(0) << "";
        QTest::newRow("too many digits") << "9999999999999999.00"
                                         << "EUR" << false << qint64(0) << "";
        QTest::newRow("unknown currency") << "1.00"
                                          << "EUX" << false << qint64(0) << "";
        QTest::newRow("lower-case currency") << "1.00"
                                             << "eur" << false << qint64(0) << "";
    }

    void parse() {
        QFETCH(QString, amount);
        QFETCH(QString, currency);
        QFETCH(bool, ok);
        const auto m = Money::parse(amount, currency);
        QCOMPARE(m.ok(), ok);
        if (!ok) {
            QVERIFY(!m.error().message.isEmpty());
            QVERIFY(m.error().message.contains(currency) || m.error().message.contains(amount));
            return;
        }
        QFETCH(qint64, minor);
        QFETCH(QString, roundTrip);
        QCOMPARE(m->minorUnits(), minor);
        QCOMPARE(m->currency(), currency);
        QCOMPARE(m->amount(), roundTrip);
    }

    void exponents() {
        QCOMPARE(Money::exponent(QStringLiteral("EUR")), 2);
        QCOMPARE(Money::exponent(QStringLiteral("NGN")), 2);
        QCOMPARE(Money::exponent(QStringLiteral("JPY")), 0);
        QCOMPARE(Money::exponent(QStringLiteral("KWD")), 3);
        QCOMPARE(Money::exponent(QStringLiteral("XYZ")), std::nullopt);
    }

    void unknownCurrencyCode() {
        const auto m = Money::parse(QStringLiteral("1.00"), QStringLiteral("EUX"));
        QCOMPARE(m.error().code, QStringLiteral("unknown_currency"));
        QCOMPARE(Money::parse(QStringLiteral("1.0"), QStringLiteral("EUR")).error().code,
                 QStringLiteral("bad_amount"));
    }

    void compareWithinCurrency() {
        const auto a = *Money::parse(QStringLiteral("412.30"), QStringLiteral("EUR"));
        const auto b = *Money::parse(QStringLiteral("1500.00"), QStringLiteral("EUR"));
        QCOMPARE(*a.compare(b), -1);
        QCOMPARE(*b.compare(a), 1);
        QCOMPARE(*a.compare(a), 0);
        QCOMPARE(b.minus(a)->amount(), QStringLiteral("1087.70"));
        QCOMPARE(a.plus(a)->amount(), QStringLiteral("824.60"));
    }

    void currencyMismatchIsAnError() {
        const auto eur = *Money::parse(QStringLiteral("100.00"), QStringLiteral("EUR"));
        const auto gbp = *Money::parse(QStringLiteral("100.00"), QStringLiteral("GBP"));
        const auto cmp = eur.compare(gbp);
        QVERIFY(!cmp.ok());
        QCOMPARE(cmp.error().code, QStringLiteral("currency_mismatch"));
        QVERIFY(!eur.plus(gbp).ok());
        QVERIFY(!eur.minus(gbp).ok());
        QVERIFY(!(eur == gbp));
    }

    void overflowIsAnError() {
        const auto big =
            *Money::fromMinor(std::numeric_limits<qint64>::max(), QStringLiteral("EUR"));
        const auto one = *Money::fromMinor(1, QStringLiteral("EUR"));
        QCOMPARE(big.plus(one).error().code, QStringLiteral("overflow"));
        const auto small =
            *Money::fromMinor(std::numeric_limits<qint64>::min(), QStringLiteral("EUR"));
        QCOMPARE(small.minus(one).error().code, QStringLiteral("overflow"));
        QCOMPARE(small.amount(), QStringLiteral("-92233720368547758.08"));
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
