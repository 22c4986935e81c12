// Every single-field rule of passenger validation, with its edges.
#include "core/fieldrules.h"

#include <QTest>

#include <phonenumbers/phonenumberutil.h>

#include <set>

using fd::Issue;
namespace rules = fd::rules;

namespace {
const QDate kToday(2026, 11, 23);

// "" = no finding; "code" = error; "~code" = warning.
QString summary(const QList<Issue> &found) {
    QStringList parts;
    for (const Issue &i : found)
        parts << (i.isError() ? QString() : QStringLiteral("~")) + i.code;
    return parts.join(QLatin1Char(','));
}

QList<Issue> check(const QString &rule, const QString &value) {
    if (rule == QLatin1String("name"))
        return rules::name(value);
    if (rule == QLatin1String("born_on"))
        return rules::bornOn(value, kToday);
    if (rule == QLatin1String("gender"))
        return rules::gender(value);
    if (rule == QLatin1String("title"))
        return rules::title(value);
    if (rule == QLatin1String("email"))
        return rules::email(value);
    if (rule == QLatin1String("phone"))
        return rules::phoneNumber(value);
    if (rule == QLatin1String("passport"))
        return rules::passportNumber(value);
    if (rule == QLatin1String("country"))
        return rules::issuingCountry(value);
    if (rule == QLatin1String("expiry")) // trip 2026-12-10 → 2026-12-24
        return rules::passportExpiry(value, QDate(2026, 12, 10), QDate(2026, 12, 24));
    qFatal("unknown rule");
}
} // namespace

class TestFieldRules final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The phone rule's short cut (no Parse for a plain E.164 number) gives Parse's verdict
    // whenever it answers: over every region's example numbers of every type, and each of them
    // with its last digit changed, a digit dropped or added, and a trunk 0 after the country code.
    void phoneShortCutAgreesWithParse() {
        using i18n::phonenumbers::PhoneNumber;
        using i18n::phonenumbers::PhoneNumberUtil;
        const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
        QStringList examples;
        const auto add = [&](const PhoneNumber &n) {
            std::string e164;
            util->Format(n, PhoneNumberUtil::E164, &e164);
            examples << QString::fromStdString(e164);
        };
        std::set<std::string> regions;
        util->GetSupportedRegions(&regions);
        for (const std::string &region : regions)
            for (int type = PhoneNumberUtil::FIXED_LINE; type <= PhoneNumberUtil::VOICEMAIL;
                 ++type) {
                PhoneNumber n;
                if (util->GetExampleNumberForType(
                        region, static_cast<PhoneNumberUtil::PhoneNumberType>(type), &n))
                    add(n);
            }
        std::set<int> global;
        util->GetSupportedGlobalNetworkCallingCodes(&global);
        for (const int code : global) {
            PhoneNumber n;
            if (util->GetExampleNumberForNonGeoEntity(code, &n))
                add(n);
        }
        QVERIFY2(examples.size() > 1000, qPrintable(QString::number(examples.size())));
        QStringList numbers;
        for (const QString &e : std::as_const(examples)) {
            numbers << e;
            for (char d = '0'; d <= '9'; ++d)
                numbers << e.chopped(1) + QLatin1Char(d);
            numbers << e.chopped(1) << e + QLatin1Char('5');
            for (int cc = 1; cc <= 3; ++cc)
                numbers << e.left(1 + cc) + QLatin1Char('0') + e.mid(1 + cc);
        }
        int answered = 0, valid = 0;
        for (const QString &number : std::as_const(numbers)) {
            const auto quick = rules::phoneVerdictShortCut(number);
            const rules::PhoneVerdict parsed = rules::phoneVerdictByParse(number);
            valid += parsed == rules::PhoneVerdict::Valid;
            if (!quick)
                continue;
            ++answered;
            QVERIFY2(*quick == parsed, qPrintable(number));
        }
        // Not vacuous: the short cut answers most valid numbers.
        QVERIFY2(answered * 10 > valid * 9,
                 qPrintable(QStringLiteral("%1 of %2").arg(answered).arg(valid)));
        qInfo("%lld numbers, %d valid by Parse, %d answered by the short cut",
              qlonglong(numbers.size()), valid, answered);
    }

    void rule_data() {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *name, const char *rule, const QString &value,
                            const char *expected) {
            QTest::newRow(name) << QString::fromLatin1(rule) << value
                                << QString::fromLatin1(expected);
        };
        // Names: letters of any script, spaces, hyphens, apostrophes; 1–50 after trimming.
        row("name plain", "name", QStringLiteral("Adebayo"), "");
        row("name hyphen apostrophe", "name", QStringLiteral("O'Brien-Smith"), "");
        row("name typographic apostrophe", "name", QStringLiteral("D\u2019Angelo"), "");
        row("name with spaces", "name", QStringLiteral("Mary Ann"), "");
        row("name trimmed", "name", QStringLiteral("  Ada  "), "");
        row("name one letter", "name", QStringLiteral("A"), "");
        row("name 50 letters", "name", QString(50, QLatin1Char('a')), "");
        row("name 51 letters", "name", QString(51, QLatin1Char('a')), "too_long");
        row("name 50 after trim", "name",
            QStringLiteral("  ") + QString(50, QLatin1Char('b')) + QStringLiteral(" "), "");
        row("name empty", "name", QString(), "required");
        row("name blank", "name", QStringLiteral("   "), "required");
        row("name digit", "name", QStringLiteral("Ad3bayo"), "invalid_characters");
        row("name dot", "name", QStringLiteral("J. Smith"), "invalid_characters");
        row("name punctuation only", "name", QStringLiteral("-'-"), "invalid_characters");
        row("name emoji", "name", QStringLiteral("Ada\U0001F600"), "invalid_characters");
        row("name accent warns", "name", QStringLiteral("José"), "~not_mrz_spelling");
        row("name umlaut warns", "name", QStringLiteral("Müller"), "~not_mrz_spelling");
        row("name combining accent warns", "name", QStringLiteral("Jose\u0301"),
            "~not_mrz_spelling");
        row("name cyrillic warns", "name", QStringLiteral("Иван"), "~not_mrz_spelling");
        row("name devanagari marks", "name", QStringLiteral("सीता"), "~not_mrz_spelling");
        row("name CJK outside BMP", "name", QStringLiteral("\U00020BB7田"), "~not_mrz_spelling");

        // Dates of birth: strictly YYYY-MM-DD, real, not in the future (today 2026-11-23).
        row("born ok", "born_on", QStringLiteral("1988-04-17"), "");
        row("born leap day", "born_on", QStringLiteral("2000-02-29"), "");
        row("born 1900 not leap", "born_on", QStringLiteral("1900-02-29"), "invalid_date");
        row("born 2023 not leap", "born_on", QStringLiteral("2023-02-29"), "invalid_date");
        row("born 2024 leap", "born_on", QStringLiteral("2024-02-29"), "");
        row("born april 31", "born_on", QStringLiteral("1990-04-31"), "invalid_date");
        row("born month 13", "born_on", QStringLiteral("1990-13-01"), "invalid_date");
        row("born today", "born_on", QStringLiteral("2026-11-23"), "");
        row("born tomorrow", "born_on", QStringLiteral("2026-11-24"), "in_future");
        row("born no padding", "born_on", QStringLiteral("1988-4-17"), "invalid_format");
        row("born slashes", "born_on", QStringLiteral("17/04/1988"), "invalid_format");
        row("born with time", "born_on", QStringLiteral("1988-04-17T00:00:00"), "invalid_format");
        row("born arabic-indic digits", "born_on", QStringLiteral("١٩٨٨-٠٤-١٧"), "invalid_format");
        row("born empty", "born_on", QString(), "required");
        row("born 1880", "born_on", QStringLiteral("1880-01-01"), "implausible");

        row("gender m", "gender", QStringLiteral("m"), "");
        row("gender f", "gender", QStringLiteral("f"), "");
        row("gender M", "gender", QStringLiteral("M"), "invalid_value");
        row("gender male", "gender", QStringLiteral("male"), "invalid_value");
        row("gender x", "gender", QStringLiteral("x"), "invalid_value");
        row("gender empty", "gender", QString(), "required");

        row("title none", "title", QString(), "");
        for (const char *t : {"mr", "ms", "mrs", "miss", "dr"})
            row(t, "title", QString::fromLatin1(t), "");
        row("title Mr", "title", QStringLiteral("Mr"), "invalid_value");
        row("title prof", "title", QStringLiteral("prof"), "invalid_value");

        row("email ok", "email", QStringLiteral("a.okafor@example.com"), "");
        row("email subdomain", "email", QStringLiteral("x@mail.example.co.uk"), "");
        row("email empty", "email", QString(), "required");
        row("email no at", "email", QStringLiteral("a.okafor.example.com"), "invalid_format");
        row("email two at", "email", QStringLiteral("a@b@example.com"), "invalid_format");
        row("email no local", "email", QStringLiteral("@example.com"), "invalid_format");
        row("email no dot", "email", QStringLiteral("a@localhost"), "invalid_format");
        row("email space", "email", QStringLiteral("a okafor@example.com"), "invalid_format");
        row("email trailing dot", "email", QStringLiteral("a@example."), "invalid_format");

        // Phones: strict E.164 first, then libphonenumber.
        row("phone provider example", "phone", QStringLiteral("+2348012345678"),
            "~not_valid_for_region");
        row("phone valid NG", "phone", QStringLiteral("+2348031234567"), "");
        row("phone valid GB", "phone", QStringLiteral("+442079460958"), "");
        row("phone 15 digits possible", "phone", QStringLiteral("+491512345678901"),
            "~not_valid_for_region");
        row("phone 16 digits", "phone", QStringLiteral("+4915123456789012"), "not_e164");
        row("phone spaces", "phone", QStringLiteral("+44 20 7946 0958"), "not_e164");
        row("phone no plus", "phone", QStringLiteral("442079460958"), "not_e164");
        row("phone 00 prefix", "phone", QStringLiteral("00442079460958"), "not_e164");
        row("phone country code 0", "phone", QStringLiteral("+0442079460958"), "not_e164");
        row("phone letters", "phone", QStringLiteral("+44207946095A"), "not_e164");
        row("phone too short for US", "phone", QStringLiteral("+1202555012"), "not_possible");
        row("phone unknown country", "phone", QStringLiteral("+999123456"), "not_possible");
        row("phone empty", "phone", QString(), "required");

        row("passport ok", "passport", QStringLiteral("A12345678"), "");
        row("passport 5", "passport", QStringLiteral("AB123"), "");
        row("passport 15", "passport", QStringLiteral("ABCDE1234567890"), "");
        row("passport 4", "passport", QStringLiteral("AB12"), "invalid_format");
        row("passport 16", "passport", QStringLiteral("ABCDE12345678901"), "invalid_format");
        row("passport lower", "passport", QStringLiteral("a12345678"), "invalid_characters");
        row("passport dash", "passport", QStringLiteral("A-12345678"), "invalid_format");
        row("passport empty", "passport", QString(), "required");

        row("country NG", "country", QStringLiteral("NG"), "");
        row("country GB", "country", QStringLiteral("GB"), "");
        row("country UK is not ISO", "country", QStringLiteral("UK"), "unknown_country");
        row("country lower", "country", QStringLiteral("ng"), "unknown_country");
        row("country alpha3", "country", QStringLiteral("NGA"), "unknown_country");
        row("country XX", "country", QStringLiteral("XX"), "unknown_country");

        row("expiry years away", "expiry", QStringLiteral("2031-05-02"), "");
        row("expiry exactly six months", "expiry", QStringLiteral("2027-06-10"), "");
        row("expiry under six months", "expiry", QStringLiteral("2027-06-09"),
            "~expires_within_six_months");
        row("expiry day after return", "expiry", QStringLiteral("2026-12-25"),
            "~expires_within_six_months");
        row("expiry on the day of return", "expiry", QStringLiteral("2026-12-24"),
            "expires_before_trip_end");
        row("expiry on the day of travel", "expiry", QStringLiteral("2026-12-10"),
            "expires_before_trip_end");
        row("expiry past", "expiry", QStringLiteral("2020-01-01"), "expires_before_trip_end");
        row("expiry not a date", "expiry", QStringLiteral("2031-02-30"), "invalid_date");
        row("expiry empty", "expiry", QString(), "required");

        // A value pasted or read from a file can carry a line break, a tab or a no-break space
        // that nobody sees. Fields of a fixed shape refuse them at either end (what is checked
        // is what is sent); names and emails are trimmed both when checked and when sent.
        const QList<std::pair<const char *, QString>> edges = {
            {"trailing LF", QStringLiteral("%1\n")},  {"trailing CRLF", QStringLiteral("%1\r\n")},
            {"trailing CR", QStringLiteral("%1\r")},  {"trailing tab", QStringLiteral("%1\t")},
            {"leading space", QStringLiteral(" %1")}, {"trailing NBSP", QStringLiteral("%1\u00A0")},
            {"leading LF", QStringLiteral("\n%1")}};
        const QList<std::pair<const char *, QString>> strict = {
            {"born_on", QStringLiteral("1988-04-17")}, {"gender", QStringLiteral("m")},
            {"title", QStringLiteral("mr")},           {"phone", QStringLiteral("+2348031234567")},
            {"passport", QStringLiteral("A12345678")}, {"country", QStringLiteral("NG")},
            {"expiry", QStringLiteral("2031-05-02")}};
        for (const auto &[rule, good] : strict)
            for (const auto &[edge, pattern] : edges)
                QTest::addRow("%s %s", rule, edge) << QString::fromLatin1(rule) << pattern.arg(good)
                                                   << QStringLiteral("stray_whitespace");
        for (const auto &[edge, pattern] : edges) {
            QTest::addRow("name %s trimmed", edge)
                << QStringLiteral("name") << pattern.arg(QStringLiteral("Ada")) << QString();
            QTest::addRow("email %s trimmed", edge)
                << QStringLiteral("email") << pattern.arg(QStringLiteral("a@example.com"))
                << QString();
        }
        row("name inner line break", "name", QStringLiteral("Ada\nLovelace"), "invalid_characters");
        row("name inner tab", "name", QStringLiteral("Mary\tAnn"), "invalid_characters");
        row("name inner NBSP", "name", QStringLiteral("Mary\u00A0Ann"), "invalid_characters");
        row("name NUL", "name", QStringLiteral("Ada") + QChar(0), "invalid_characters");
        row("email control character", "email", QStringLiteral("a\u0001b@example.com"),
            "invalid_format");
        row("born inner line break", "born_on", QStringLiteral("1988-04\n-17"), "invalid_format");
        row("passport inner NBSP", "passport", QStringLiteral("A1234\u00A05678"), "invalid_format");
    }

    void rule() {
        QFETCH(QString, rule);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        const QList<Issue> found = check(rule, value);
        QCOMPARE(summary(found), expected);
        for (const Issue &i : found)
            QVERIFY2(i.message.size() > 8, qPrintable(i.message)); // says something useful
    }

    void mrzSuggestion_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("mrz");
        QTest::newRow("acute") << QStringLiteral("José") << QStringLiteral("Jose");
        QTest::newRow("umlaut") << QStringLiteral("Müller") << QStringLiteral("Mueller");
        QTest::newRow("eszett") << QStringLiteral("Strauß") << QStringLiteral("Strauss");
        QTest::newRow("nordic") << QStringLiteral("Øyvind Ås") << QStringLiteral("Oeyvind Aas");
        QTest::newRow("all caps") << QStringLiteral("MÜLLER") << QStringLiteral("MUELLER");
        QTest::newRow("cedilla") << QStringLiteral("François") << QStringLiteral("Francois");
    }
    void mrzSuggestion() {
        QFETCH(QString, name);
        QFETCH(QString, mrz);
        QCOMPARE(rules::mrzSpelling(name), mrz);
        QVERIFY(rules::name(name).first().message.contains(mrz));
    }

    void phoneMessageSuggestsTheFix() {
        const QList<Issue> found = rules::phoneNumber(QStringLiteral("+44 20 7946 0958"));
        QVERIFY(found.first().message.contains(QStringLiteral("+442079460958")));
    }

    void age_data() {
        QTest::addColumn<QDate>("born");
        QTest::addColumn<QDate>("on");
        QTest::addColumn<int>("age");
        QTest::newRow("day before birthday") << QDate(2014, 12, 11) << QDate(2026, 12, 10) << 11;
        QTest::newRow("on birthday") << QDate(2014, 12, 10) << QDate(2026, 12, 10) << 12;
        QTest::newRow("leap birthday in common year")
            << QDate(2012, 2, 29) << QDate(2024, 2, 28) << 11;
        QTest::newRow("leap birthday 1 March") << QDate(2012, 2, 29) << QDate(2025, 3, 1) << 13;
        QTest::newRow("leap birthday in leap year")
            << QDate(2012, 2, 29) << QDate(2024, 2, 29) << 12;
    }
    void age() {
        QFETCH(QDate, born);
        QFETCH(QDate, on);
        QFETCH(int, age);
        QCOMPARE(rules::ageOn(born, on), age);
    }
};

QTEST_GUILESS_MAIN(TestFieldRules)
#include "tst_fieldrules.moc"
