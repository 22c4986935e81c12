#include "walletstatus.h"

#include "checkouttext.h"

#include "desk/providers.h"

namespace fd::ui {

WalletStatus::WalletStatus(desk::Wallet *wallet, QWidget *parent)
    : QLabel(parent)
    , m_wallet(wallet) {
    setObjectName(QStringLiteral("walletStatusLabel"));
    setAccessibleName(tr("Wallet balance"));
    hide(); // until a balance is known
}

WalletStatus::~WalletStatus() = default;

void WalletStatus::refresh(const QString &provider) {
    if (!m_wallet || provider.isEmpty())
        return;
    m_wallet->fetch(provider, this, [this, provider](GatewayResult<fd::Wallet> r) {
        const auto *w = std::get_if<fd::Wallet>(&r);
        if (!w)
            return; // the last balance read stays; the checkout says why a booking stops
        m_balances.insert(provider, *w);
        showBalances();
        Q_EMIT fetched(provider, *w);
    });
}

std::optional<fd::Wallet> WalletStatus::balance(const QString &provider) const {
    const auto it = m_balances.constFind(provider);
    return it == m_balances.cend() ? std::nullopt : std::optional<fd::Wallet>(*it);
}

void WalletStatus::showBalances() {
    QStringList parts;
    for (auto it = m_balances.cbegin(); it != m_balances.cend(); ++it)
        //: %1 a provider's name, %2 its wallet's balance, e.g. "4,632.93 EUR".
        parts << tr("%1 %2").arg(desk::providerName(it.key()),
                                 checkouttext::groupedAmount(it->available.amount()) +
                                     QLatin1Char(' ') + it->available.currency());
    //: The status bar's wallet balances, e.g. "Wallet: Travelbase 4,632.93 EUR".
    setText(tr("Wallet: %1").arg(parts.join(QStringLiteral(" · "))));
    setVisible(!parts.isEmpty());
}

} // namespace fd::ui
