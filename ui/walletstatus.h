#pragma once

#include "core/offer.h"
#include "desk/wallet.h"

#include <QLabel>
#include <QMap>

#include <optional>

namespace fd::ui {

// The agency's wallet balance at each provider, in the window's status bar. Read when asked:
// after a booking is ticketed, a cancellation, a top-up, so the agent never reads the balance
// from before.
class WalletStatus final : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WalletStatus)

public:
    // `wallet` is not owned and must outlive the label.
    explicit WalletStatus(desk::Wallet *wallet, QWidget *parent = nullptr);
    ~WalletStatus() override;

    // Reads `provider`'s balance again; the label and `fetched` follow.
    void refresh(const QString &provider);
    std::optional<fd::Wallet> balance(const QString &provider) const;

Q_SIGNALS:
    void fetched(const QString &provider, const fd::Wallet &wallet);

private:
    void showBalances();

    desk::Wallet *m_wallet;
    QMap<QString, fd::Wallet> m_balances; // by provider id
};

} // namespace fd::ui
