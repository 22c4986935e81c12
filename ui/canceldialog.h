#pragma once

#include "core/cancellationflow.h"
#include "core/clock.h"
#include "core/money.h"
#include "desk/cancellations.h"

#include <QDialog>
#include <QPointer>

#include <memory>
#include <optional>

class QTimer;

namespace Ui {
class CancelDialog;
}

namespace fd::ui {

// Cancelling one booking: a quote first (refund, what is not refunded, a live countdown to the
// quote's expiry), then the agent's yes (Confirm) or no (Keep booking, Esc), then the outcome in
// the dialog itself. The flow is made as the dialog opens: that is when the cancellation's
// Idempotency-Key is minted and journaled with the quote.
//
// Closed while the confirm is under way, the dialog only hides: the confirm is never cut short,
// and `settled` still comes (then the dialog deletes itself). The journal keeps it `confirming`
// for resume whatever happens to the window.
class CancelDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CancelDialog)

public:
    struct Booking {
        QString provider;
        QString orderId;
        QString reference;          // shown to the agent (booking reference or order id)
        std::optional<Money> total; // what the booking cost, when known
    };

    // `cancellations` and `clock` are not owned and must outlive the dialog. The dialog deletes
    // itself when closed.
    CancelDialog(desk::Cancellations *cancellations, const Clock *clock, Booking booking,
                 QWidget *parent = nullptr);
    ~CancelDialog() override;

    CancellationFlow *flow() const { return m_flow.get(); }

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    // The cancellation stopped in `state` (cancelled, not cancellable, expired, unresolved, …):
    // the booking's row and, when cancelled, the wallet are worth reading again.
    void settled(const QString &provider, fd::CancellationState state);

private:
    void openFlow();
    void showQuote(const CancellationRecord &record, bool resumed);
    void showBusy(const QString &headline, const QString &message);
    void showOutcome(CancellationState state, const QString &message);
    void tick();
    void confirm();
    void setButtons(bool confirm, bool keep, bool newQuote, bool close);

    std::unique_ptr<Ui::CancelDialog> m_ui;
    desk::Cancellations *m_cancellations;
    const Clock *m_clock;
    Booking m_booking;
    std::unique_ptr<CancellationFlow> m_flow;
    QTimer *m_countdown;
    bool m_closeWhenSettled = false;
};

} // namespace fd::ui
