// The orders page's booking actions: cancelling a booking and changing its contact details, and
// the bookings whose cancellation is still in progress (they need attention).
#include "orderspage.h"
#include "ui_orderspage.h"

#include "canceldialog.h"
#include "contactdialog.h"
#include "ordersmodel.h"

#include <QSet>

namespace fd::ui {

namespace {
// The order exists and has not ended: the provider may still cancel it or change its contact.
bool isLiveBooking(const OrdersModel::Row &r) {
    return !r.orderId.isEmpty() &&
           (r.state == CheckoutState::Ticketed || r.state == CheckoutState::Ticketing ||
            r.state == CheckoutState::Processing);
}
} // namespace

void OrdersPage::setBookingServices(const BookingServices &services) {
    m_services = services;
    updateBookingActions(selectedIntentId());
    if (m_model->loaded())
        readCancellationsInProgress();
}

void OrdersPage::updateBookingActions(qint64 intentId) {
    const OrdersModel::Row *r = m_model->rowForIntent(intentId);
    const bool live = r && isLiveBooking(*r);
    m_ui->cancelButton->setEnabled(live && m_services.cancellations && m_services.clock);
    m_ui->contactButton->setEnabled(live && m_services.contacts);
    const QString why =
        live ? QString()
             //: Why Cancel booking… and Change contact details… are not available.
             : tr("Only a booking whose order exists and has not ended (ticketed or being "
                  "ticketed) can be cancelled or changed.");
    m_ui->cancelButton->setToolTip(why);
    m_ui->contactButton->setToolTip(why);
}

void OrdersPage::openCancelDialog() {
    const OrdersModel::Row *r = m_model->rowForIntent(selectedIntentId());
    if (!r || !m_ui->cancelButton->isEnabled())
        return;
    auto *dialog = new CancelDialog(
        m_services.cancellations, m_services.clock,
        {r->provider, r->orderId, r->bookingReference.isEmpty() ? r->orderId : r->bookingReference,
         r->total},
        this);
    dialog->setObjectName(QStringLiteral("cancelDialog"));
    connect(dialog, &CancelDialog::settled, this,
            [this](const QString &provider, CancellationState state) {
                refresh();
                if (state == CancellationState::Cancelled)
                    Q_EMIT walletChanged(provider);
            });
    dialog->open();
}

void OrdersPage::openContactDialog() {
    const OrdersModel::Row *r = m_model->rowForIntent(selectedIntentId());
    if (!r || !m_ui->contactButton->isEnabled())
        return;
    auto *dialog = new ContactDialog(
        m_services.contacts,
        {r->provider, r->orderId, r->bookingReference.isEmpty() ? r->orderId : r->bookingReference,
         r->contact},
        this);
    dialog->setObjectName(QStringLiteral("contactDialog"));
    dialog->open();
}

void OrdersPage::readCancellationsInProgress() {
    if (!m_services.cancellations)
        return;
    m_services.cancellations->readUnfinished(
        this, [this](const Result<QList<CancellationRecord>> &read) {
            if (!read)
                return; // the history's own read says when the journal cannot be read
            QSet<qint64> ids;
            for (const CancellationRecord &c : *read)
                if (c.intentId > 0)
                    ids.insert(c.intentId);
            m_filter->setNeedsAttention(QStringLiteral("cancellation"), ids);
        });
}

} // namespace fd::ui
