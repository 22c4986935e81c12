#include "money.h"

#include "isocodes.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace fd {
namespace {

// ISO 4217 minor units for the codes whose exponent is not 2 (iso-codes does not carry them).
int exponentException(QStringView code) {
    static const char *const zero[] = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY",
                                       "KMF", "KRW", "PYG", "RWF", "UGX", "UYI",
                                       "VND", "VUV", "XAF", "XOF", "XPF"};
    static const char *const three[] = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"};
    static const char *const four[] = {"CLF", "UYW"};
    for (const char *c : zero)
        if (code == QLatin1String(c))
            return 0;
    for (const char *c : three)
        if (code == QLatin1String(c))
            return 3;
    for (const char *c : four)
        if (code == QLatin1String(c))
            return 4;
    return 2;
}

// Qualified calls (Text::tr) so that lupdate files each string under this context, whatever
// function it is in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(fd::Money)
};

Error currencyMismatch(const Money &a, const Money &b) {
    return {
        QStringLiteral("currency_mismatch"),
        Text::tr("Cannot combine %1 with %2: amounts in different currencies are never converted.")
            .arg(a.currency(), b.currency())};
}

} // namespace

std::optional<int> Money::exponent(const QString &currency) {
    if (!iso::isCurrency(currency))
        return std::nullopt;
    return exponentException(currency);
}

Result<Money> Money::fromMinor(qint64 minor, const QString &currency) {
    if (!exponent(currency))
        return Error{QStringLiteral("unknown_currency"),
                     Text::tr("\"%1\" is not an ISO 4217 currency code.").arg(currency)};
    return Money(minor, currency);
}

Result<Money> Money::parse(const QString &amount, const QString &currency) {
    const auto exp = exponent(currency);
    if (!exp)
        return Error{QStringLiteral("unknown_currency"),
                     Text::tr("\"%1\" is not an ISO 4217 currency code.").arg(currency)};
    // anchoredPattern (\A…\z): `$` would also accept the amount followed by a line break.
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QLatin1String("(-?)([0-9]{1,15})(?:\\.([0-9]+))?")));
    const auto m = re.match(amount);
    const QString fraction = m.captured(3);
    if (!m.hasMatch() || fraction.size() != *exp || (*exp == 0 && m.hasCaptured(3)))
        return Error{
            QStringLiteral("bad_amount"),
            Text::tr("\"%1\" is not an amount in %2: write a decimal string with exactly %3 "
                     "digit(s) after the point.")
                .arg(amount, currency, QString::number(*exp))};
    qint64 minor = m.captured(2).toLongLong();
    for (int i = 0; i < *exp; ++i)
        minor *= 10;
    if (*exp > 0)
        minor += fraction.toLongLong();
    if (m.captured(1) == QLatin1String("-"))
        minor = -minor;
    return Money(minor, currency);
}

QString Money::amount() const {
    const int exp = exponentException(m_currency);
    // Magnitude as unsigned so the most negative value formats too.
    const quint64 mag =
        m_minor < 0 ? 0 - static_cast<quint64>(m_minor) : static_cast<quint64>(m_minor);
    quint64 unit = 1;
    for (int i = 0; i < exp; ++i)
        unit *= 10;
    QString out = m_minor < 0 ? QStringLiteral("-") : QString();
    out += QString::number(mag / unit);
    if (exp > 0)
        out += QLatin1Char('.') + QString::number(mag % unit).rightJustified(exp, QLatin1Char('0'));
    return out;
}

Result<int> Money::compare(const Money &other) const {
    if (m_currency != other.m_currency)
        return currencyMismatch(*this, other);
    return m_minor < other.m_minor ? -1 : (m_minor > other.m_minor ? 1 : 0);
}

Result<Money> Money::plus(const Money &other) const {
    if (m_currency != other.m_currency)
        return currencyMismatch(*this, other);
    qint64 sum = 0;
    if (__builtin_add_overflow(m_minor, other.m_minor, &sum))
        return Error{QStringLiteral("overflow"), Text::tr("The amount is too large.")};
    return Money(sum, m_currency);
}

Result<Money> Money::minus(const Money &other) const {
    if (m_currency != other.m_currency)
        return currencyMismatch(*this, other);
    qint64 diff = 0;
    if (__builtin_sub_overflow(m_minor, other.m_minor, &diff))
        return Error{QStringLiteral("overflow"), Text::tr("The amount is too large.")};
    return Money(diff, m_currency);
}

} // namespace fd
