#pragma once

#include "result.h"

#include <QString>

#include <optional>

namespace fd {

// An amount of one currency in integer minor units (cents, fils, yen). Never a float.
class Money {
public:
    // No amount and no currency: every comparison or sum with it is a currency mismatch.
    Money() = default;

    // Parses the API's decimal string ("412.30") for an ISO 4217 code. The string must carry
    // exactly the currency's minor digits, as the contract says ("412.3" is refused for EUR).
    static Result<Money> parse(const QString &amount, const QString &currency);
    static Result<Money> fromMinor(qint64 minor, const QString &currency);

    // ISO 4217 minor-unit exponent (EUR 2, JPY 0, KWD 3); nullopt for an unknown code.
    static std::optional<int> exponent(const QString &currency);

    qint64 minorUnits() const { return m_minor; }
    const QString &currency() const { return m_currency; }
    QString amount() const; // "412.30"
    QString toString() const { return amount() + QLatin1Char(' ') + m_currency; }

    // <0, 0, >0 like strcmp; an error when the currencies differ (no implicit conversion).
    Result<int> compare(const Money &other) const;
    Result<Money> plus(const Money &other) const;
    Result<Money> minus(const Money &other) const;

    friend bool operator==(const Money &, const Money &) = default;

private:
    Money(qint64 minor, QString currency)
        : m_minor(minor)
        , m_currency(std::move(currency)) {}
    qint64 m_minor = 0;
    QString m_currency;
};

} // namespace fd
