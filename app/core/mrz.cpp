#include "mrz.h"

#include "isocodes.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace fd::mrz {
namespace {

constexpr qsizetype kLineLength = 44;

// Qualified calls (Text::tr) so that lupdate files each string under this context, whatever
// function it is in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(fd::mrz)
};

Error failure(const char *code, const QString &message) {
    return {QLatin1String(code), message};
}

Issue finding(const char *field, const char *code, const QString &message,
              Issue::Severity severity = Issue::Severity::Error) {
    return {-1, QLatin1String(field), QLatin1String(code), message, severity};
}

// ICAO 9303 part 3 codes to ISO 3166-1 alpha-2, from the iso-codes data, plus the ICAO codes
// that are not ISO alpha-3 but still name a country.
const QHash<QString, QString> &alpha2ByAlpha3() {
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> out;
        for (const iso::Country &c : iso::countries())
            out.insert(c.alpha3, c.alpha2);
        out.insert(QStringLiteral("D"), QStringLiteral("DE"));     // Germany writes "D<<"
        for (const char *gb : {"GBD", "GBN", "GBO", "GBP", "GBS"}) // British passport classes
            out.insert(QLatin1String(gb), QStringLiteral("GB"));
        return out;
    }();
    return table;
}

QString stripFiller(QStringView field) {
    QString s = field.toString();
    s.replace(QLatin1Char('<'), QLatin1Char(' '));
    return s.simplified();
}

// Lines as the agent pasted them, cleaned: upper case, no blanks, CR/LF in any mix.
QStringList cleanLines(const QString &text) {
    QStringList lines;
    QString current;
    for (QChar c : text.toUpper()) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (!current.isEmpty())
                lines << current;
            current.clear();
        } else if (!c.isSpace()) {
            current += c;
        }
    }
    if (!current.isEmpty())
        lines << current;
    if (lines.size() == 1 && lines.first().size() == 2 * kLineLength)
        lines = {lines.first().left(kLineLength), lines.first().mid(kLineLength)};
    return lines;
}

std::optional<QDate> readDate(QStringView six, const QDate &today, bool birth) {
    for (QChar c : six)
        if (!c.isDigit())
            return std::nullopt;
    const int yy = six.left(2).toInt();
    const int mm = six.mid(2, 2).toInt();
    const int dd = six.mid(4, 2).toInt();
    QDate d(2000 + yy, mm, dd);
    if (!d.isValid()) // 29 February: try the other century before giving up
        d = QDate(1900 + yy, mm, dd);
    if (!d.isValid())
        return std::nullopt;
    // A birth date cannot be in the future; an expiry date is at most a decade or so ahead and
    // rarely half a century behind.
    const bool previousCentury = birth ? d > today : d.year() > today.year() + 50;
    if (previousCentury)
        d = QDate(1900 + yy, mm, dd);
    return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
}

bool digitMatches(QStringView field, QChar printed) {
    const int expected = checkDigit(field);
    if (expected < 0)
        return false;
    // An empty optional field may carry '<' instead of 0.
    if (printed == QLatin1Char('<'))
        return expected == 0 && field.count(QLatin1Char('<')) == field.size();
    return printed.isDigit() && printed.digitValue() == expected;
}

void readNames(QStringView field, Passport &p) {
    const qsizetype split = field.indexOf(QLatin1String("<<"));
    p.familyName = stripFiller(split < 0 ? field : field.left(split));
    p.givenNames = split < 0 ? QString() : stripFiller(field.mid(split + 2));
    if (field.back() != QLatin1Char('<'))
        p.issues << finding(
            "given_name", "name_truncated",
            Text::tr("The name fills the whole machine-readable line and may be cut "
                     "short: copy the full name from the passport's printed page."),
            Issue::Severity::Warning);
}

void readCountry(const QString &code, QString &alpha2, const char *field, const char *issueCode,
                 const QString &message, Passport &p) {
    alpha2 = alpha2ByAlpha3().value(code);
    if (alpha2.isEmpty())
        p.issues << finding(field, issueCode, message.arg(code), Issue::Severity::Warning);
}

} // namespace

bool Passport::checkDigitsOk() const {
    for (const Issue &i : issues)
        if (i.code.endsWith(QLatin1String("_check")))
            return false;
    return true;
}

int checkDigit(QStringView field) {
    static constexpr int weights[] = {7, 3, 1};
    int sum = 0;
    for (qsizetype i = 0; i < field.size(); ++i) {
        const char16_t c = field.at(i).unicode();
        int value = 0;
        if (c >= u'0' && c <= u'9')
            value = c - u'0';
        else if (c >= u'A' && c <= u'Z')
            value = c - u'A' + 10;
        else if (c != u'<')
            return -1;
        sum += value * weights[i % 3];
    }
    return sum % 10;
}

bool looksLikeZone(const QString &text) {
    const QString t = text.trimmed();
    if (t.size() < 30 || t.size() > 200 || !t.contains(QLatin1String("<<")))
        return false;
    return std::all_of(t.cbegin(), t.cend(), [](QChar c) {
        return c.isSpace() || c == QLatin1Char('<') ||
               (c.unicode() < 128 && (c.isLetterOrNumber()));
    });
}

Result<Passport> parse(const QString &text, const QDate &today) {
    const QStringList lines = cleanLines(text);
    if (lines.isEmpty())
        return failure("empty",
                       Text::tr("Paste the two lines at the bottom of the passport's photo "
                                "page."));
    if (lines.size() != 2)
        return failure("wrong_line_count",
                       Text::tr("A passport's machine-readable zone has 2 lines; this has %1.")
                           .arg(lines.size()));
    for (int n = 0; n < 2; ++n)
        if (lines.at(n).size() != kLineLength)
            return failure(
                "wrong_line_length",
                Text::tr("Line %1 has %2 characters; each line of a passport's zone has 44. "
                         "Check that nothing was cut off or added.")
                    .arg(n + 1)
                    .arg(lines.at(n).size()));
    for (int n = 0; n < 2; ++n)
        for (qsizetype i = 0; i < kLineLength; ++i) {
            const QChar c = lines.at(n).at(i);
            if (!(c.isDigit() || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                  c == QLatin1Char('<')))
                return failure(
                    "invalid_characters",
                    Text::tr("Line %1 has \"%2\" at position %3; the zone holds only A–Z, "
                             "0–9 and <.")
                        .arg(n + 1)
                        .arg(c)
                        .arg(i + 1));
        }
    const QString &l1 = lines.at(0);
    const QString &l2 = lines.at(1);
    if (l1.at(0) != QLatin1Char('P'))
        return failure("not_a_passport",
                       Text::tr("This zone is not a passport's (it starts with \"%1\", not \"P\").")
                           .arg(l1.left(2)));

    Passport p;
    p.documentType = stripFiller(QStringView(l1).left(2));
    p.issuingState = stripFiller(QStringView(l1).mid(2, 3));
    readCountry(p.issuingState, p.issuingCountryCode, "identity_documents[0].issuing_country_code",
                "unknown_issuing_state",
                Text::tr("The passport's issuing state %1 has no ISO 3166 country code: choose the "
                         "issuing country by hand."),
                p);
    readNames(QStringView(l1).mid(5), p);

    // A document number over 9 characters continues in the optional data (ICAO 9303 part 4,
    // note j): the check digit position holds '<' and the digit follows the rest.
    QString number = QStringView(l2).left(9).toString();
    QChar numberCheck = l2.at(9);
    QStringView optional = QStringView(l2).mid(28, 14);
    if (numberCheck == QLatin1Char('<') && optional.front() != QLatin1Char('<')) {
        const qsizetype end = optional.indexOf(QLatin1Char('<'));
        const QStringView rest = optional.left(end < 0 ? optional.size() : end);
        number += rest.left(rest.size() - 1);
        numberCheck = rest.back();
        optional = QStringView();
    }
    if (!digitMatches(number, numberCheck))
        p.issues << finding("identity_documents[0].unique_identifier", "document_number_check",
                            Text::tr("The passport number's check digit does not match: compare "
                                     "the number with the passport."));
    p.documentNumber = stripFiller(number).remove(QLatin1Char(' '));

    p.nationality = stripFiller(QStringView(l2).mid(10, 3));
    readCountry(p.nationality, p.nationalityCountryCode, "nationality", "unknown_nationality",
                Text::tr("The nationality %1 has no ISO 3166 country code."), p);

    const auto born = readDate(QStringView(l2).mid(13, 6), today, true);
    if (born)
        p.birthDate = *born;
    else
        p.issues << finding("born_on", "invalid_birth_date",
                            Text::tr("The zone gives no whole date of birth: enter it from the "
                                     "passport's printed page."));
    if (!digitMatches(QStringView(l2).mid(13, 6), l2.at(19)))
        p.issues << finding("born_on", "birth_date_check",
                            Text::tr("The date of birth's check digit does not match: compare the "
                                     "date with the passport."));

    const QChar sex = l2.at(20);
    p.gender = sex == QLatin1Char('M')   ? QStringLiteral("m")
               : sex == QLatin1Char('F') ? QStringLiteral("f")
                                         : QString();
    if (p.gender.isEmpty())
        p.issues << finding("gender", "gender_unspecified",
                            Text::tr("The passport gives no sex as M or F: ask the passenger which "
                                     "the airline should record."),
                            Issue::Severity::Warning);

    const auto expires = readDate(QStringView(l2).mid(21, 6), today, false);
    if (expires)
        p.expiryDate = *expires;
    else
        p.issues << finding("identity_documents[0].expires_on", "invalid_expiry_date",
                            Text::tr("The zone gives no valid expiry date: enter it from the "
                                     "passport's printed page."));
    if (!digitMatches(QStringView(l2).mid(21, 6), l2.at(27)))
        p.issues << finding(
            "identity_documents[0].expires_on", "expiry_date_check",
            Text::tr("The expiry date's check digit does not match: compare the date "
                     "with the passport."));

    p.personalNumber = stripFiller(optional);
    if (!optional.isEmpty() && !digitMatches(optional, l2.at(42)))
        p.issues << finding("mrz", "personal_number_check",
                            Text::tr("The personal number's check digit does not match: the zone "
                                     "may have been mistyped."));

    const QString composite = l2.mid(0, 10) + l2.mid(13, 7) + l2.mid(21, 22);
    if (!digitMatches(composite, l2.at(43)))
        p.issues << finding("mrz", "composite_check",
                            Text::tr("The zone's final check digit does not match: it was probably "
                                     "mistyped or misread; compare it with the passport."));
    return p;
}

} // namespace fd::mrz
