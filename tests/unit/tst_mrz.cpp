// Reading a passport's machine-readable zone (ICAO 9303 part 4, TD3) with its check digits.
#include "core/isocodes.h"
#include "core/mrz.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace fd;

namespace {
const QDate kToday(2026, 12, 1);

// ICAO 9303 part 4, appendix: the specimen passport of the fictitious state Utopia.
const QString kSpecimen1 = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<");
const QString kSpecimen2 = QStringLiteral("L898902C36UTO7408122F1204159ZE184226B<<<<<10");
const QString kSpecimen = kSpecimen1 + QLatin1Char('\n') + kSpecimen2;

const QString kNigeria = QStringLiteral("P<NGAOKAFOR<<ADEBAYO<<<<<<<<<<<<<<<<<<<<<<<<\n"
                                        "A123456784NGA8804178M3105021<<<<<<<<<<<<<<<2");
const QString kGermany = QStringLiteral("P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<\n"
                                        "C01X00T478D<<6408125F3101012<<<<<<<<<<<<<<<6");

QString withChar(const QString &line, int pos, QChar c) {
    QString s = line;
    s[pos] = c;
    return s;
}

QStringList codes(const QList<Issue> &issues) {
    QStringList out;
    for (const Issue &i : issues)
        out << i.code;
    return out;
}
} // namespace

class TestMrz final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void checkDigit_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("digit");
        QTest::newRow("document number") << QStringLiteral("L898902C3") << 6;
        QTest::newRow("birth date") << QStringLiteral("740812") << 2;
        QTest::newRow("expiry date") << QStringLiteral("120415") << 9;
        QTest::newRow("optional data") << QStringLiteral("ZE184226B<<<<<") << 1;
        QTest::newRow("all filler") << QStringLiteral("<<<<<<<<<<<<<<") << 0;
        QTest::newRow("bad character") << QStringLiteral("L8989-2C3") << -1;
    }
    void checkDigit() {
        QFETCH(QString, field);
        QFETCH(int, digit);
        QCOMPARE(mrz::checkDigit(field), digit);
    }

    void readsTheIcaoSpecimen() {
        const auto r = mrz::parse(kSpecimen, kToday);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        const mrz::Passport &p = *r;
        QCOMPARE(p.documentType, QStringLiteral("P"));
        QCOMPARE(p.issuingState, QStringLiteral("UTO"));
        QCOMPARE(p.familyName, QStringLiteral("ERIKSSON"));
        QCOMPARE(p.givenNames, QStringLiteral("ANNA MARIA"));
        QCOMPARE(p.documentNumber, QStringLiteral("L898902C3"));
        QCOMPARE(p.nationality, QStringLiteral("UTO"));
        QCOMPARE(p.birthDate, QDate(1974, 8, 12));
        QCOMPARE(p.gender, QStringLiteral("f"));
        QCOMPARE(p.expiryDate, QDate(2012, 4, 15));
        QCOMPARE(p.personalNumber, QStringLiteral("ZE184226B"));
        QVERIFY(p.checkDigitsOk());
        // Utopia is not an ISO 3166 country: the code stays, with no alpha-2 and a clear note.
        QVERIFY(p.issuingCountryCode.isEmpty());
        QVERIFY(p.nationalityCountryCode.isEmpty());
        QCOMPARE(codes(p.issues), (QStringList{QStringLiteral("unknown_issuing_state"),
                                               QStringLiteral("unknown_nationality")}));
        QVERIFY(!p.issues.first().isError());
        QVERIFY(p.issues.first().message.contains(QLatin1String("UTO")));
        QCOMPARE(p.issues.first().field,
                 QStringLiteral("identity_documents[0].issuing_country_code"));
    }

    void mapsIcaoCodesToIsoCountries_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("alpha3");
        QTest::addColumn<QString>("alpha2");
        QTest::addColumn<QString>("given");
        QTest::addColumn<QDate>("born");
        QTest::addColumn<QString>("gender");
        QTest::newRow("Nigeria") << kNigeria << QStringLiteral("NGA") << QStringLiteral("NG")
                                 << QStringLiteral("ADEBAYO") << QDate(1988, 4, 17)
                                 << QStringLiteral("m");
        QTest::newRow("Germany writes D<<")
            << kGermany << QStringLiteral("D") << QStringLiteral("DE") << QStringLiteral("ERIKA")
            << QDate(1964, 8, 12) << QStringLiteral("f");
    }
    void mapsIcaoCodesToIsoCountries() {
        QFETCH(QString, text);
        QFETCH(QString, alpha3);
        QFETCH(QString, alpha2);
        QFETCH(QString, given);
        QFETCH(QDate, born);
        QFETCH(QString, gender);
        const auto r = mrz::parse(text, kToday);
        QVERIFY(r.ok());
        QCOMPARE(r->issuingState, alpha3);
        QCOMPARE(r->issuingCountryCode, alpha2);
        QCOMPARE(r->nationalityCountryCode, alpha2);
        QCOMPARE(r->givenNames, given);
        QCOMPARE(r->birthDate, born);
        QCOMPARE(r->gender, gender);
        QVERIFY(r->issues.isEmpty());
    }

    // The MRZ, field rules and country list all read one parse of iso-codes' 3166-1 data.
    void isoCountriesAreOneSharedTable() {
        std::vector<const QList<iso::Country> *> seen(4, nullptr);
        {
            std::vector<std::thread> threads;
            for (auto &slot : seen)
                threads.emplace_back([&slot] { slot = &iso::countries(); });
            for (auto &t : threads)
                t.join();
        }
        for (const auto *list : seen)
            QCOMPARE(list, &iso::countries());
        const QList<iso::Country> &all = iso::countries();
        QVERIFY(all.size() >= 249);
        bool nigeria = false, bolivia = false;
        for (const iso::Country &c : all) {
            QCOMPARE(c.alpha2.size(), 2);
            QCOMPARE(c.alpha3.size(), 3);
            QVERIFY(iso::isCountry(c.alpha2));
            QCOMPARE(iso::countryName(c.alpha2), c.name);
            nigeria =
                nigeria || (c.alpha2 == QLatin1String("NG") && c.alpha3 == QLatin1String("NGA") &&
                            c.name == QLatin1String("Nigeria"));
            bolivia = bolivia ||
                      (c.alpha2 == QLatin1String("BO") && c.commonName == QLatin1String("Bolivia"));
        }
        QVERIFY(nigeria);
        QVERIFY(bolivia);
        QVERIFY(!iso::isCountry(QStringLiteral("XX")));
        QVERIFY(iso::isCurrency(QStringLiteral("EUR")));
    }

    void toleratesPastedText_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("CRLF and blanks") << QStringLiteral("  \r\n") + kSpecimen1 +
                                                QStringLiteral("  \r\n\t") + kSpecimen2 +
                                                QStringLiteral("\r\n\r\n");
        QTest::newRow("lower case") << kSpecimen.toLower();
        QTest::newRow("one run-on line") << kSpecimen1 + kSpecimen2;
        QTest::newRow("old Mac CR") << kSpecimen1 + QLatin1Char('\r') + kSpecimen2;
        QTest::newRow("spaces inside (OCR)") << kSpecimen1.left(10) + QStringLiteral(" ") +
                                                    kSpecimen1.mid(10) + QLatin1Char('\n') +
                                                    kSpecimen2;
    }
    void toleratesPastedText() {
        QFETCH(QString, text);
        const auto r = mrz::parse(text, kToday);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->documentNumber, QStringLiteral("L898902C3"));
        QCOMPARE(r->givenNames, QStringLiteral("ANNA MARIA"));
        QVERIFY(r->checkDigitsOk());
    }

    // What a passenger card takes as a pasted zone (and fills from), and what it leaves to the
    // field it was pasted in.
    void tellsAPastedZoneFromOtherText_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("zone");
        QTest::newRow("specimen") << kSpecimen << true;
        QTest::newRow("CRLF, lower case, spaces")
            << QStringLiteral("  ") + kSpecimen1.toLower() + QStringLiteral("\r\n") + kSpecimen2
            << true;
        QTest::newRow("one line cut short (still meant as a zone)") << kSpecimen1 << true;
        QTest::newRow("a name") << QStringLiteral("Adebayo Okafor") << false;
        QTest::newRow("an e-mail address")
            << QStringLiteral("a.very.long.address.okafor@example.com") << false;
        QTest::newRow("a phone number") << QStringLiteral("+2348031234567") << false;
        QTest::newRow("fillers in prose")
            << QStringLiteral("Not a zone: P<UTO, but << with punctuation, and more text here.")
            << false;
        QTest::newRow("too long") << kSpecimen.repeated(3) << false;
    }
    void tellsAPastedZoneFromOtherText() {
        QFETCH(QString, text);
        QFETCH(bool, zone);
        QCOMPARE(fd::mrz::looksLikeZone(text), zone);
    }

    void refusesWhatIsNotAPassportZone_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QStringLiteral(" \n ") << QStringLiteral("empty");
        QTest::newRow("one line") << kSpecimen1 << QStringLiteral("wrong_line_count");
        QTest::newRow("three lines")
            << kSpecimen + QStringLiteral("\nABC") << QStringLiteral("wrong_line_count");
        QTest::newRow("short line") << kSpecimen1 + QLatin1Char('\n') + kSpecimen2.left(43)
                                    << QStringLiteral("wrong_line_length");
        QTest::newRow("long line") << kSpecimen1 + QStringLiteral("<\n") + kSpecimen2
                                   << QStringLiteral("wrong_line_length");
        QTest::newRow("punctuation")
            << kSpecimen1 + QLatin1Char('\n') + withChar(kSpecimen2, 3, QLatin1Char('-'))
            << QStringLiteral("invalid_characters");
        QTest::newRow("accented") << withChar(kSpecimen1, 8, QChar(0xC9)) + QLatin1Char('\n') +
                                         kSpecimen2
                                  << QStringLiteral("invalid_characters");
        QTest::newRow("ID card type")
            << withChar(kSpecimen1, 0, QLatin1Char('I')) + QLatin1Char('\n') + kSpecimen2
            << QStringLiteral("not_a_passport");
    }
    void refusesWhatIsNotAPassportZone() {
        QFETCH(QString, text);
        QFETCH(QString, code);
        const auto r = mrz::parse(text, kToday);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QVERIFY(!r.error().message.isEmpty());
    }

    // Each corrupted check digit is reported by its own code, and the fields still read.
    void reportsEachCheckDigitFailure_data() {
        QTest::addColumn<int>("position");
        QTest::addColumn<QChar>("replacement");
        QTest::addColumn<QStringList>("expected");
        const QString composite = QStringLiteral("composite_check");
        QTest::newRow("document number digit")
            << 9 << QChar(u'7') << QStringList{QStringLiteral("document_number_check"), composite};
        QTest::newRow("document number itself")
            << 1 << QChar(u'9') << QStringList{QStringLiteral("document_number_check"), composite};
        QTest::newRow("birth date digit")
            << 19 << QChar(u'3') << QStringList{QStringLiteral("birth_date_check"), composite};
        QTest::newRow("birth date itself")
            << 17 << QChar(u'2') << QStringList{QStringLiteral("birth_date_check"), composite};
        QTest::newRow("expiry date digit")
            << 27 << QChar(u'0') << QStringList{QStringLiteral("expiry_date_check"), composite};
        QTest::newRow("personal number digit")
            << 42 << QChar(u'2') << QStringList{QStringLiteral("personal_number_check"), composite};
        QTest::newRow("composite digit only") << 43 << QChar(u'1') << QStringList{composite};
        QTest::newRow("sex is outside every check but the composite")
            << 20 << QChar(u'M') << QStringList{};
    }
    void reportsEachCheckDigitFailure() {
        QFETCH(int, position);
        QFETCH(QChar, replacement);
        QFETCH(QStringList, expected);
        const auto r = mrz::parse(
            kSpecimen1 + QLatin1Char('\n') + withChar(kSpecimen2, position, replacement), kToday);
        QVERIFY(r.ok());
        QStringList found = codes(r->issues);
        found.removeAll(QStringLiteral("unknown_issuing_state"));
        found.removeAll(QStringLiteral("unknown_nationality"));
        QCOMPARE(found, expected);
        QCOMPARE(r->checkDigitsOk(), expected.isEmpty());
        for (const Issue &i : r->issues)
            if (expected.contains(i.code))
                QVERIFY(i.isError());
    }

    void birthCenturyComesFromToday_data() {
        QTest::addColumn<QString>("yymmdd");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QDate>("born");
        QTest::newRow("last century") << QStringLiteral("740812") << kToday << QDate(1974, 8, 12);
        QTest::newRow("this century") << QStringLiteral("180601") << kToday << QDate(2018, 6, 1);
        QTest::newRow("born today") << QStringLiteral("261201") << kToday << QDate(2026, 12, 1);
        QTest::newRow("tomorrow is a century ago")
            << QStringLiteral("261202") << kToday << QDate(1926, 12, 2);
    }
    void birthCenturyComesFromToday() {
        QFETCH(QString, yymmdd);
        QFETCH(QDate, today);
        QFETCH(QDate, born);
        QString l2 = kSpecimen2;
        l2.replace(13, 6, yymmdd);
        l2[19] = QChar(u'0' + mrz::checkDigit(yymmdd));
        l2[43] =
            QChar(u'0' + mrz::checkDigit(QString(l2.mid(0, 10) + l2.mid(13, 7) + l2.mid(21, 22))));
        const auto r = mrz::parse(kSpecimen1 + QLatin1Char('\n') + l2, today);
        QVERIFY(r.ok());
        QCOMPARE(r->birthDate, born);
        QVERIFY(r->checkDigitsOk());
    }

    void unknownBirthDayIsAFinding() {
        QString l2 = kSpecimen2;
        l2.replace(13, 6, QStringLiteral("74<<<<"));
        const auto r = mrz::parse(kSpecimen1 + QLatin1Char('\n') + l2, kToday);
        QVERIFY(r.ok());
        QVERIFY(r->birthDate.isNull());
        QVERIFY(codes(r->issues).contains(QStringLiteral("invalid_birth_date")));
    }

    void unspecifiedSexLeavesGenderEmpty() {
        const auto r = mrz::parse(
            kSpecimen1 + QLatin1Char('\n') + withChar(kSpecimen2, 20, QLatin1Char('<')), kToday);
        QVERIFY(r.ok());
        QVERIFY(r->gender.isEmpty());
        QVERIFY(codes(r->issues).contains(QStringLiteral("gender_unspecified")));
    }

    void longDocumentNumberContinuesInOptionalData() {
        // A 12-character number: 9 in place, '<' as the check digit, the rest + digit after.
        const QString number = QStringLiteral("D23145890734");
        QString l2 = number.left(9) + QStringLiteral("<UTO7408122F1204159") + number.mid(9) +
                     QChar(u'0' + mrz::checkDigit(number));
        l2 = l2.leftJustified(43, QLatin1Char('<'));
        l2 +=
            QChar(u'0' + mrz::checkDigit(QString(l2.mid(0, 10) + l2.mid(13, 7) + l2.mid(21, 22))));
        const auto r = mrz::parse(kSpecimen1 + QLatin1Char('\n') + l2, kToday);
        QVERIFY(r.ok());
        QCOMPARE(r->documentNumber, number);
        QVERIFY(r->checkDigitsOk());
    }

    void fullNameFieldMayBeTruncated() {
        const QString l1 = QStringLiteral("P<UTO") + QStringLiteral("ABCDEFGHIJKLMNOPQRST<<"
                                                                    "ABCDEFGHIJKLMNOPQ");
        QCOMPARE(l1.size(), 44);
        const auto r = mrz::parse(l1 + QLatin1Char('\n') + kSpecimen2, kToday);
        QVERIFY(r.ok());
        QVERIFY(codes(r->issues).contains(QStringLiteral("name_truncated")));
    }
};

QTEST_GUILESS_MAIN(TestMrz)
#include "tst_mrz.moc"
