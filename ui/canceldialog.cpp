#include "canceldialog.h"
#include "ui_canceldialog.h"

#include "fieldmessage.h"

#include <QCoreApplication>
#include <QFont>
#include <QLocale>
#include <QPushButton>
#include <QTimer>

namespace fd::ui {

namespace {
// The local time a quote runs out, to the minute.
QString untilText(const QDateTime &expires) {
    return QLocale().toString(expires.toLocalTime().time(), QStringLiteral("HH:mm"));
}
QString stateWords(CancellationState s) {
    return QCoreApplication::translate("fd::CancellationState", cancellation::label(s));
}
} // namespace

CancelDialog::CancelDialog(desk::Cancellations *cancellations, const Clock *clock, Booking booking,
                           QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::CancelDialog>())
    , m_cancellations(cancellations)
    , m_clock(clock)
    , m_booking(std::move(booking))
    , m_countdown(new QTimer(this)) {
    m_ui->setupUi(this);
    setAttribute(Qt::WA_DeleteOnClose);
    QFont headline = m_ui->headlineLabel->font();
    headline.setBold(true);
    headline.setPointSizeF(headline.pointSizeF() * 1.15);
    m_ui->headlineLabel->setFont(headline);
    //: %1 is a booking reference or an order id, %2 what the booking cost (may be empty).
    m_ui->bookingLabel->setText(
        tr("Booking %1 %2")
            .arg(m_booking.reference, m_booking.total ? m_booking.total->toString() : QString())
            .trimmed());
    m_countdown->setInterval(250); // a second never shows twice or is skipped for long
    connect(m_countdown, &QTimer::timeout, this, &CancelDialog::tick);
    connect(m_ui->confirmButton, &QPushButton::clicked, this, &CancelDialog::confirm);
    connect(m_ui->keepButton, &QPushButton::clicked, this, &CancelDialog::reject);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &CancelDialog::reject);
    connect(m_ui->newQuoteButton, &QPushButton::clicked, this, &CancelDialog::openFlow);
    openFlow();
}

CancelDialog::~CancelDialog() = default;

void CancelDialog::openFlow() {
    m_countdown->stop();
    m_ui->quoteWidget->hide();
    showBusy(tr("Fetching a cancellation quote…"), tr("Nothing is cancelled until you confirm."));
    setButtons(false, true, false, false);
    m_ui->newQuoteButton->setDefault(false);
    m_ui->closeButton->setDefault(false);
    m_flow.reset(); // a finished flow: its quote is closed in the journal already
    auto flow = m_cancellations->open(m_booking.provider);
    if (!flow)
        return showOutcome(CancellationState::Error, flow.error().message);
    m_flow.reset(*flow);
    connect(m_flow.get(), &CancellationFlow::quoted, this, &CancelDialog::showQuote);
    connect(m_flow.get(), &CancellationFlow::finished, this, &CancelDialog::showOutcome);
    m_flow->requestQuote(m_booking.orderId);
}

void CancelDialog::showQuote(const CancellationRecord &record, bool resumed) {
    const Cancellation &q = record.quote;
    m_ui->busyProgressBar->hide();
    m_ui->quoteWidget->show();
    m_ui->refundLabel->setText(q.refund.toString());
    std::optional<Money> kept;
    if (m_booking.total)
        if (auto k = m_booking.total->minus(q.refund))
            kept = *k;
    m_ui->keptLabel->setText(
        kept ? tr("%1 of the %2 paid").arg(kept->toString(), m_booking.total->toString())
             //: The booking's total is not known, so what is not refunded cannot be shown.
             : tr("unknown (the booking's total is not known here)"));
    if (resumed) {
        // A confirm of this order may have been sent before: it is finished with its own key.
        m_ui->expiresLabel->setText(tr("—"));
        return showBusy(tr("Finishing the cancellation confirmed earlier…"),
                        tr("It is sent again with the same key, so it is refunded once."));
    }
    m_ui->headlineLabel->setText(tr("Cancel this booking?"));
    showToned(m_ui->messageLabel,
              tr("The refund goes back to the agency's wallet. Nothing is cancelled until you "
                 "confirm."),
              Tone::Neutral);
    setButtons(true, true, false, false);
    m_ui->confirmButton->setDefault(true); // only now: Enter never confirms an unseen quote
    m_ui->confirmButton->setFocus();
    tick();
    m_countdown->start();
    adjustSize(); // the quote's lines are longer than "Fetching…"
}

void CancelDialog::tick() {
    if (!m_flow)
        return;
    const QDateTime expires = m_flow->record().quote.expiresAt;
    const qint64 left = m_clock->now().secsTo(expires);
    if (left <= 0) {
        // The provider would refuse it now: nothing to confirm, only a new quote to ask for.
        m_countdown->stop();
        m_ui->confirmButton->setDefault(false);
        setButtons(false, true, true, false);
        m_ui->newQuoteButton->setDefault(true);
        m_ui->headlineLabel->setText(stateWords(CancellationState::QuoteExpired));
        showToned(m_ui->expiresLabel, tr("expired at %1").arg(untilText(expires)), Tone::Warning);
        showToned(m_ui->messageLabel,
                  tr("This quote expired before it was confirmed. Nothing was cancelled; get a "
                     "new quote to try again."),
                  Tone::Warning);
        return;
    }
    //: Time left to confirm the quote, minutes:seconds, then the local time it ends.
    showToned(m_ui->expiresLabel,
              tr("%1:%2 (until %3)")
                  .arg(left / 60)
                  .arg(left % 60, 2, 10, QLatin1Char('0'))
                  .arg(untilText(expires)),
              left < 60 ? Tone::Warning : Tone::Neutral);
}

void CancelDialog::confirm() {
    if (!m_flow || !m_ui->confirmButton->isEnabled())
        return;
    m_countdown->stop();
    m_ui->confirmButton->setDefault(false);
    showBusy(tr("Cancelling…"), tr("Sent once with this cancellation's own key: whatever the "
                                   "network does, it is refunded once."));
    setButtons(false, false, false, true);
    m_flow->confirm();
}

void CancelDialog::showBusy(const QString &headline, const QString &message) {
    m_ui->headlineLabel->setText(headline);
    m_ui->busyProgressBar->show();
    showToned(m_ui->messageLabel, message, Tone::Neutral);
}

void CancelDialog::showOutcome(CancellationState state, const QString &message) {
    m_countdown->stop();
    m_ui->busyProgressBar->hide();
    m_ui->confirmButton->setDefault(false);
    setButtons(false, false, state == CancellationState::QuoteExpired, true);
    m_ui->closeButton->setDefault(true);
    m_ui->closeButton->setFocus();
    const QString refund = m_flow ? m_flow->record().quote.refund.toString() : QString();
    m_ui->headlineLabel->setText(stateWords(state));
    switch (state) {
    case CancellationState::Cancelled:
        //: %1 the refund, e.g. "371.07 EUR".
        showToned(m_ui->messageLabel,
                  tr("The booking is cancelled. %1 was refunded to the wallet.").arg(refund),
                  Tone::Neutral);
        break;
    case CancellationState::NotCancellable:
        //: %1 is the provider's reason.
        showToned(m_ui->messageLabel,
                  tr("The provider refused to cancel it: %1\nNothing changed.").arg(message),
                  Tone::Error);
        break;
    case CancellationState::QuoteExpired:
        showToned(m_ui->messageLabel,
                  tr("The quote expired before it was confirmed. Nothing was cancelled; get a "
                     "new quote to try again."),
                  Tone::Warning);
        m_ui->newQuoteButton->setFocus();
        break;
    case CancellationState::Unresolved:
    case CancellationState::Confirming:
        showToned(m_ui->messageLabel,
                  tr("The provider's answer is not known yet: %1\nIt is kept in the journal and "
                     "resumed later with the same key. Do not cancel it again elsewhere.")
                      .arg(message),
                  Tone::Warning);
        break;
    case CancellationState::Abandoned:
    case CancellationState::Quoted:
        showToned(m_ui->messageLabel, tr("Not cancelled: nothing was sent."), Tone::Neutral);
        break;
    case CancellationState::Error:
        showToned(m_ui->messageLabel, tr("The cancellation stopped: %1").arg(message), Tone::Error);
        break;
    }
    adjustSize();
    Q_EMIT settled(m_booking.provider, state);
    if (m_closeWhenSettled)
        deleteLater();
}

void CancelDialog::reject() {
    if (m_flow && m_flow->isBusy()) {
        // The confirm goes on: hidden, not deleted, until it settles.
        m_closeWhenSettled = true;
        setAttribute(Qt::WA_DeleteOnClose, false);
        QDialog::reject();
        return;
    }
    if (m_flow && m_flow->record().state == CancellationState::Quoted &&
        m_ui->keepButton->isEnabled())
        m_flow->decline();
    QDialog::reject();
}

void CancelDialog::setButtons(bool confirm, bool keep, bool newQuote, bool close) {
    m_ui->confirmButton->setVisible(confirm || keep);
    m_ui->confirmButton->setEnabled(confirm);
    m_ui->keepButton->setVisible(keep);
    m_ui->newQuoteButton->setVisible(newQuote);
    m_ui->closeButton->setVisible(close);
}

} // namespace fd::ui
