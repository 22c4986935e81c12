#include "fieldrules.h"

#include "isocodes.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <phonenumbers/phonenumberutil.h>

namespace fd::rules {
namespace {

// Qualified calls (Text::tr) so that lupdate files each string under this context, whatever
// function it is in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(fd::rules)
};

Issue error(const char *code, const QString &message) {
    return {-1, {}, QLatin1String(code), message, Issue::Severity::Error};
}
Issue warning(const char *code, const QString &message) {
    return {-1, {}, QLatin1String(code), message, Issue::Severity::Warning};
}
QList<Issue> required() {
    return {error("required", Text::tr("Required."))};
}

bool isApostrophe(char32_t c) {
    return c == U'\'' || c == U'\u2019';
}

// A whole-value match: PCRE's `$` also matches before a final line break, `\z` does not.
QRegularExpression whole(const char *pattern) {
    return QRegularExpression(QRegularExpression::anchoredPattern(QString::fromUtf8(pattern)));
}

// Fields of a fixed shape are sent exactly as entered, so a line break, tab or no-break space
// at either end (invisible in a form and in most editors) is refused, not silently sent.
std::optional<Issue> strayWhitespace(const QString &value) {
    if (value == value.trimmed())
        return std::nullopt;
    return error("stray_whitespace",
                 Text::tr("Remove the space or line break at the start or end of this field."));
}

bool isInvisible(char32_t c) {
    const auto category = QChar::category(c);
    return QChar::isSpace(c) || category == QChar::Other_Control || category == QChar::Other_Format;
}

} // namespace

QString mrzSpelling(const QString &name) {
    // ICAO 9303 part 3, recommended transliterations that are not mere accent removal.
    static const QHash<char32_t, QString> special = {
        {U'Ä', QStringLiteral("AE")}, {U'Æ', QStringLiteral("AE")}, {U'Å', QStringLiteral("AA")},
        {U'Ö', QStringLiteral("OE")}, {U'Ø', QStringLiteral("OE")}, {U'Œ', QStringLiteral("OE")},
        {U'Ü', QStringLiteral("UE")}, {U'ß', QStringLiteral("SS")}, {U'Þ', QStringLiteral("TH")},
        {U'Ð', QStringLiteral("D")},  {U'Đ', QStringLiteral("D")},  {U'Ł', QStringLiteral("L")},
        {U'Ħ', QStringLiteral("H")},  {U'Ĳ', QStringLiteral("IJ")}, {U'ı', QStringLiteral("I")}};
    // Keep the agent's capitalisation; an all-capitals name stays all capitals.
    const bool allCaps = name == name.toUpper();
    QString out;
    for (char32_t c : name.toUcs4()) {
        const QString one = QString::fromUcs4(&c, 1);
        const bool lower = one != one.toUpper();
        const QString upper = one.toUpper();
        const char32_t u = upper.size() == 1 ? upper.at(0).unicode() : c;
        QString plain;
        if (auto it = special.constFind(u); it != special.constEnd()) {
            plain = *it;
        } else {
            for (QChar d : upper.normalized(QString::NormalizationForm_KD))
                if (!d.isMark())
                    plain += d;
        }
        if (lower)
            plain = plain.toLower();
        else if (!allCaps && plain.size() > 1)
            plain = plain.left(1) + plain.mid(1).toLower();
        out += plain;
    }
    return out;
}

QList<Issue> name(const QString &value) {
    const QString v = value.trimmed();
    if (v.isEmpty())
        return required();
    const QList<uint> cps = v.toUcs4();
    if (cps.size() > 50)
        return {error("too_long", Text::tr("At most 50 characters; this has %1.").arg(cps.size()))};
    bool hasLetter = false;
    bool mrzSafe = true;
    char32_t previous = 0;
    for (uint cp : cps) {
        const char32_t c = cp;
        if (QChar::isLetter(c)) {
            hasLetter = true;
            mrzSafe = mrzSafe && ((c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z'));
        } else if (QChar::isMark(c) && previous && QChar::isLetter(previous)) {
            mrzSafe = false; // combining accents and the vowel signs of many scripts
            continue;        // keep `previous` a letter for a following mark
        } else if (c != U' ' && isInvisible(c)) {
            return {error(
                "invalid_characters",
                Text::tr("Use plain spaces only: line breaks, tabs and special spaces are not "
                         "allowed in a name."))};
        } else if (c != U' ' && c != U'-' && !isApostrophe(c)) {
            return {error("invalid_characters",
                          Text::tr("Use letters, spaces, hyphens and apostrophes only, as in the "
                                   "passport (\"%1\" is not allowed).")
                              .arg(QString::fromUcs4(&c, 1)))};
        }
        previous = c;
    }
    if (!hasLetter)
        return {error("invalid_characters", Text::tr("A name needs at least one letter."))};
    if (!mrzSafe) {
        const QString suggestion = mrzSpelling(v);
        static const QRegularExpression latin = whole("[A-Za-z '\\-\u2019]+");
        if (latin.match(suggestion).hasMatch())
            return {
                warning("not_mrz_spelling",
                        Text::tr("Airlines match the passport's machine-readable spelling, which "
                                 "has no accents: check the passport and consider \"%1\".")
                            .arg(suggestion))};
        return {
            warning("not_mrz_spelling",
                    Text::tr("Airlines match the passport's machine-readable spelling: enter the "
                             "name in Latin letters exactly as printed in the passport."))};
    }
    return {};
}

std::optional<QDate> isoDate(const QString &value) {
    static const QRegularExpression re = whole("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    if (!re.match(value).hasMatch())
        return std::nullopt;
    const QDate d = QDate::fromString(value, Qt::ISODate);
    if (!d.isValid())
        return std::nullopt;
    return d;
}

int ageOn(const QDate &born, const QDate &on) {
    int age = on.year() - born.year();
    if (on.month() < born.month() || (on.month() == born.month() && on.day() < born.day()))
        --age;
    return age;
}

QList<Issue> bornOn(const QString &value, const QDate &today) {
    if (value.isEmpty())
        return required();
    if (auto stray = strayWhitespace(value))
        return {*stray};
    static const QRegularExpression shape = whole("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    if (!shape.match(value).hasMatch())
        return {
            error("invalid_format", Text::tr("Write the date as YYYY-MM-DD, e.g. 1988-04-17."))};
    const auto d = isoDate(value);
    if (!d)
        return {
            error("invalid_date", Text::tr("Not a calendar date: check the day and the month."))};
    if (*d > today)
        return {error("in_future", Text::tr("The date of birth cannot be in the future."))};
    if (ageOn(*d, today) > 120)
        return {
            error("implausible", Text::tr("Check the year: this passenger would be over 120."))};
    return {};
}

QList<Issue> gender(const QString &value) {
    if (value.isEmpty())
        return required();
    if (auto stray = strayWhitespace(value))
        return {*stray};
    if (value != QLatin1String("m") && value != QLatin1String("f"))
        return {error("invalid_value", Text::tr("Use \"m\" or \"f\", as on the passport."))};
    return {};
}

QList<Issue> title(const QString &value) {
    static const QStringList allowed = {QStringLiteral("mr"), QStringLiteral("ms"),
                                        QStringLiteral("mrs"), QStringLiteral("miss"),
                                        QStringLiteral("dr")};
    if (value.isEmpty() || allowed.contains(value))
        return {};
    if (auto stray = strayWhitespace(value))
        return {*stray};
    return {
        error("invalid_value", Text::tr("Use one of mr, ms, mrs, miss, dr — or leave it empty."))};
}

QList<Issue> email(const QString &value) {
    const QString v = value.trimmed();
    if (v.isEmpty())
        return required();
    const auto bad = [] {
        return QList<Issue>{
            error("invalid_format", Text::tr("Enter an address like name@example.com."))};
    };
    if (v.size() > 254 || v.count(QLatin1Char('@')) != 1)
        return bad();
    for (QChar c : v)
        if (isInvisible(c.unicode()))
            return {error("invalid_format",
                          Text::tr("An email address cannot contain spaces or line breaks."))};
    const QString local = v.section(QLatin1Char('@'), 0, 0);
    const QString domain = v.section(QLatin1Char('@'), 1);
    if (local.isEmpty() || !domain.contains(QLatin1Char('.')))
        return bad();
    for (const QString &label : domain.split(QLatin1Char('.')))
        if (label.isEmpty())
            return bad();
    return {};
}

QList<Issue> phoneNumber(const QString &value) {
    if (value.isEmpty())
        return required();
    if (auto stray = strayWhitespace(value))
        return {*stray};
    static const QRegularExpression e164 = whole("\\+[1-9][0-9]{1,14}");
    if (!e164.match(value).hasMatch()) {
        QString digits;
        for (QChar c : value)
            if (c.isDigit())
                digits += c;
        const bool plausible = value.trimmed().startsWith(QLatin1Char('+')) &&
                               !digits.startsWith(QLatin1Char('0')) && digits.size() <= 15 &&
                               digits.size() >= 2;
        return {error("not_e164",
                      plausible
                          ? Text::tr("Use international E.164 format with no spaces or "
                                     "punctuation: %1.")
                                .arg(QLatin1Char('+') + digits)
                          : Text::tr("Use international E.164 format: \"+\", the country code "
                                     "and the number, at most 15 digits (e.g. +2348012345678)."))};
    }
    // The short cut answers the common case (a valid number) without Parse's regexes; anything
    // else gets Parse's exact verdict.
    const std::optional<PhoneVerdict> quick = phoneVerdictShortCut(value);
    const PhoneVerdict verdict = quick ? *quick : phoneVerdictByParse(value);
    if (verdict == PhoneVerdict::NotPossible)
        return {
            error("not_possible",
                  Text::tr("%1 cannot be a phone number: check the country code and the number of "
                           "digits.")
                      .arg(value))};
    if (verdict == PhoneVerdict::NotValidForRegion)
        return {warning("not_valid_for_region",
                        Text::tr("%1 is not a known number for its country: check it with the "
                                 "passenger.")
                            .arg(value))};
    return {};
}

PhoneVerdict phoneVerdictByParse(const QString &e164) {
    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util->Parse(e164.toStdString(), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR ||
        !util->IsPossibleNumber(number))
        return PhoneVerdict::NotPossible;
    return util->IsValidNumber(number) ? PhoneVerdict::Valid : PhoneVerdict::NotValidForRegion;
}

std::optional<PhoneVerdict> phoneVerdictShortCut(const QString &e164) {
    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    // Parse is 80 % of the rule's cost (its regexes on ICU); for "+<digits>" most of its work
    // has nothing to do. Country calling codes are prefix-free: the one of 1 to 3 digits that
    // libphonenumber knows is the code, as Parse finds it, and the rest is the national number.
    // A national number that starts with 0 may carry a trunk prefix Parse would strip, or an
    // Italian leading zero: Parse decides those.
    if (e164.size() < 3 || e164.size() > 16 || e164.at(0) != QLatin1Char('+'))
        return std::nullopt;
    const QByteArray digits = e164.mid(1).toLatin1();
    for (const char c : digits)
        if (c < '0' || c > '9')
            return std::nullopt;
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    for (int length = 1; length <= 3 && length < digits.size(); ++length) {
        const int code = digits.left(length).toInt();
        std::string region;
        util->GetRegionCodeForCountryCode(code, &region);
        if (region == "ZZ")
            continue;
        const QByteArray national = digits.mid(length);
        if (national.size() < 2 || national.startsWith('0'))
            return std::nullopt;
        PhoneNumber number;
        number.set_country_code(code);
        number.set_national_number(national.toULongLong());
        if (util->IsValidNumber(number))
            return PhoneVerdict::Valid;
        return std::nullopt; // not valid as it stands: Parse may read it otherwise
    }
    return std::nullopt;
}

QList<Issue> passportNumber(const QString &value) {
    if (value.isEmpty())
        return required();
    if (auto stray = strayWhitespace(value))
        return {*stray};
    static const QRegularExpression re = whole("[A-Z0-9]{5,15}");
    if (re.match(value).hasMatch())
        return {};
    if (re.match(value.toUpper()).hasMatch())
        return {error("invalid_characters", Text::tr("Use capital letters, as in the passport."))};
    return {error("invalid_format",
                  Text::tr("A passport number has 5 to 15 letters A–Z and digits, no spaces."))};
}

QList<Issue> issuingCountry(const QString &value) {
    if (value.isEmpty())
        return required();
    if (auto stray = strayWhitespace(value))
        return {*stray};
    if (!iso::isCountry(value))
        return {error("unknown_country",
                      Text::tr("\"%1\" is not an ISO 3166-1 two-letter country code (e.g. NG, GB).")
                          .arg(value))};
    return {};
}

QList<Issue> passportExpiry(const QString &value, const QDate &firstDeparture,
                            const QDate &lastArrival) {
    if (value.isEmpty())
        return required();
    if (auto stray = strayWhitespace(value))
        return {*stray};
    const auto d = isoDate(value);
    if (!d)
        return {error("invalid_date", Text::tr("Write a real date as YYYY-MM-DD."))};
    if (*d <= lastArrival)
        return {
            error("expires_before_trip_end",
                  Text::tr("The passport expires on %1, before the trip ends on %2: the passenger "
                           "needs a valid passport.")
                      .arg(value, lastArrival.toString(Qt::ISODate)))};
    if (*d < firstDeparture.addMonths(6))
        return {warning("expires_within_six_months",
                        Text::tr("The passport expires less than six months after departure; many "
                                 "countries refuse entry then."))};
    return {};
}

} // namespace fd::rules
