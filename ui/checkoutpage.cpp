#include "checkoutpage.h"

#include "checkouttext.h"
#include "fieldmessage.h"
#include "passengerform.h"
#include "profilebook.h"
#include "ui_checkoutpage.h"

#include "core/offerchecks.h"
#include "desk/providers.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QSet>
#include <QShortcut>
#include <QTimer>

namespace fd::ui {

CheckoutPage::CheckoutPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CheckoutPage>())
    , m_ticker(new QTimer(this)) {
    m_ui->setupUi(this);
    m_ui->supportGroupBox->setVisible(false);
    m_ui->passengersLayout->addStretch(1);

    QFont total = m_ui->totalLabel->font();
    total.setBold(true);
    total.setPointSizeF(total.pointSizeF() * 1.25);
    m_ui->totalLabel->setFont(total);
    QFont book = m_ui->bookButton->font();
    book.setBold(true);
    m_ui->bookButton->setFont(book);
    m_ui->bookButton->setMinimumWidth(m_ui->bookButton->sizeHint().width() * 2);

    // Shortcuts scoped to this page, not the window: several checkouts may share a window in
    // tabs, and Ctrl+Return must book the one the agent is looking at. No auto-repeat: a held
    // key is one press.
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        shortcut->setAutoRepeat(false);
        connect(shortcut, &QShortcut::activated, this, &CheckoutPage::requestBooking);
    }
    connect(m_ui->bookButton, &QPushButton::clicked, this, &CheckoutPage::requestBooking);
    connect(m_ui->copySupportButton, &QPushButton::clicked, this,
            &CheckoutPage::copySupportDetails);
    m_ticker->setInterval(500);
    connect(m_ticker, &QTimer::timeout, this, &CheckoutPage::refresh);
    refresh();
}

CheckoutPage::~CheckoutPage() {
    // The forms outlive this part of the page by a moment (QWidget deletes its children);
    // their last focus-out validation must not call back into it.
    for (PassengerForm *form : std::as_const(m_forms))
        form->disconnect(this);
}

void CheckoutPage::setClock(const Clock *clock) {
    m_clock = clock ? clock : &m_systemClock;
    for (PassengerForm *form : std::as_const(m_forms))
        form->setToday(m_clock->now().date());
    refresh();
}

void CheckoutPage::setOffer(const Offer &offer) {
    m_offer = offer;
    m_hasOffer = true;
    showSummary();
    rebuildForms();
    m_ticker->start();
    refresh();
}

void CheckoutPage::setWallet(std::optional<Wallet> wallet) {
    m_wallet = std::move(wallet);
    refresh();
}

void CheckoutPage::setPassengers(const QList<Passenger> &passengers) {
    for (qsizetype i = 0; i < m_forms.size() && i < passengers.size(); ++i)
        m_forms.at(i)->setPassenger(passengers.at(i));
    refresh();
}

QList<Passenger> CheckoutPage::passengers() const {
    QList<Passenger> out;
    for (PassengerForm *form : m_forms) {
        Passenger p = form->passenger();
        p.id = m_offer.passengers.value(form->index()).id;
        out.append(p);
    }
    return out;
}

void CheckoutPage::showSummary() {
    while (QLayoutItem *item = m_ui->slicesLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const Slice &slice : std::as_const(m_offer.slices)) {
        auto *routeLabel = new QLabel(checkouttext::route(slice), m_ui->offerGroupBox);
        QFont bold = routeLabel->font();
        bold.setBold(true);
        routeLabel->setFont(bold);
        auto *timesLabel = new QLabel(checkouttext::times(slice), m_ui->offerGroupBox);
        timesLabel->setWordWrap(true);
        m_ui->slicesLayout->addWidget(routeLabel);
        m_ui->slicesLayout->addWidget(timesLabel);
    }
    //: %1 the airline selling the offer.
    m_ui->carrierLabel->setText(tr("Sold by %1").arg(checkouttext::carrier(m_offer)));
    //: %1 the amount with its currency, e.g. 412.30 EUR.
    m_ui->totalLabel->setText(tr("Total %1").arg(m_offer.total.toString()));
}

void CheckoutPage::setProfileBook(ProfileBook *book) {
    m_profileBook = book;
    if (book)
        book->ensureLoaded(); // read while the agent looks at the offer
    for (PassengerForm *form : std::as_const(m_forms))
        form->setProfileBook(book);
}

void CheckoutPage::rebuildForms() {
    qDeleteAll(m_forms);
    m_forms.clear();
    const Trip trip = m_offer.trip();
    const QDate today = m_clock->now().date();
    QWidget *previous = nullptr;
    for (qsizetype i = 0; i < m_offer.passengers.size(); ++i) {
        auto *form = new PassengerForm(m_ui->passengersContainer);
        form->setObjectName(QStringLiteral("passengerForm%1").arg(i + 1));
        form->setToday(today);
        form->setTrip(trip, static_cast<int>(i), m_offer.passengers.at(i).type);
        form->setReadOnly(m_busy);
        // Before the trailing stretch.
        m_ui->passengersLayout->insertWidget(m_ui->passengersLayout->count() - 1, form);
        connect(form, &PassengerForm::reportChanged, this, &CheckoutPage::refresh);
        form->setProfileBook(m_profileBook);
        const auto filled = [this, form](bool complete) {
            if (complete)
                moveOnFrom(form);
        };
        connect(form, &PassengerForm::mrzPasted, this, filled);
        connect(form, &PassengerForm::profileChosen, this, filled);
        if (previous)
            setTabOrder(previous, form);
        previous = form;
        m_forms.append(form);
    }
    if (previous)
        setTabOrder(previous, m_ui->bookButton);
}

void CheckoutPage::moveOnFrom(PassengerForm *form) {
    // Later cards first, then earlier ones (wrapping round), then Book.
    const qsizetype at = m_forms.indexOf(form);
    for (qsizetype step = 1; step < m_forms.size(); ++step)
        if (m_forms.at((at + step) % m_forms.size())->focusFirstToFill())
            return;
    m_ui->bookButton->setFocus(Qt::OtherFocusReason);
}

void CheckoutPage::focusFirstToFill() {
    for (PassengerForm *form : std::as_const(m_forms))
        if (form->focusFirstToFill())
            return;
    m_ui->bookButton->setFocus(Qt::OtherFocusReason);
}

void CheckoutPage::showCountdowns(const QDateTime &now) {
    if (!m_hasOffer) {
        showToned(m_ui->expiryCountdownLabel, QString(), Tone::Neutral);
        showToned(m_ui->guaranteeCountdownLabel, QString(), Tone::Neutral);
        showToned(m_ui->walletLabel, QString(), Tone::Neutral);
        return;
    }
    const auto wallet = checkouttext::wallet(m_wallet, m_offer.total);
    showToned(m_ui->walletLabel, wallet.text, wallet.tone);
    // Once booking has begun the offer's clocks no longer apply: the order has its own.
    if (m_busy) {
        showToned(m_ui->expiryCountdownLabel, QString(), Tone::Neutral);
        showToned(m_ui->guaranteeCountdownLabel, QString(), Tone::Neutral);
        return;
    }
    const auto expiry = checkouttext::offerCountdown(m_offer.expiresAt, now);
    showToned(m_ui->expiryCountdownLabel, expiry.text, expiry.tone);
    const auto guarantee = checkouttext::guaranteeCountdown(m_offer.priceGuaranteeExpiresAt, now);
    showToned(m_ui->guaranteeCountdownLabel, guarantee.text, guarantee.tone);
    if (now.secsTo(m_offer.expiresAt) <= 0)
        m_ticker->stop(); // nothing left to count; a new offer restarts it
}

QString CheckoutPage::passengerProblems() const {
    QStringList lines;
    for (PassengerForm *form : m_forms) {
        QSet<QString> fields;
        for (const Issue &i : form->report().errors)
            fields.insert(i.field);
        const int n = static_cast<int>(fields.size());
        if (n == 1)
            lines << tr("Fix 1 field for passenger %1.").arg(form->index() + 1);
        else if (n > 1)
            lines << tr("Fix %1 fields for passenger %2.").arg(n).arg(form->index() + 1);
    }
    return lines.join(QLatin1Char('\n'));
}

QString CheckoutPage::bookBlockedReason() const {
    if (m_canBook)
        return {};
    if (!m_hasOffer)
        return tr("Choose an offer first.");
    if (m_busy)
        return m_lockedReason.isEmpty()
                   ? tr("Booking in progress: the form is locked until the booking finishes.")
                   : m_lockedReason;
    QStringList lines = m_offerProblems;
    if (const QString passengers = passengerProblems(); !passengers.isEmpty())
        lines << passengers;
    return lines.join(QLatin1Char('\n'));
}

void CheckoutPage::setLockedReason(const QString &reason) {
    m_lockedReason = reason;
    refresh();
}

void CheckoutPage::refresh() {
    const QDateTime now = m_clock->now();
    showCountdowns(now);
    m_offerProblems.clear();
    if (m_hasOffer)
        for (const Issue &i : checkOffer(m_offer, m_wallet, now))
            m_offerProblems << i.message;
    bool formsValid = true;
    for (PassengerForm *form : std::as_const(m_forms))
        formsValid = formsValid && form->isValid();
    m_canBook = m_hasOffer && !m_busy && formsValid && m_offerProblems.isEmpty();
    m_ui->bookButton->setEnabled(m_canBook);
    const QString reason = bookBlockedReason();
    const QString shown =
        reason.isEmpty() ? tr("Ready to book for %1.").arg(m_offer.total.toString()) : reason;
    showToned(m_ui->bookReasonLabel, shown, m_canBook || m_busy ? Tone::Neutral : Tone::Error);
    m_ui->bookButton->setAccessibleDescription(shown);
}

void CheckoutPage::requestBooking() {
    if (m_busy)
        return;
    // The last keystroke may still wait for its typing pause, and time has moved since the
    // last tick: decide on the state as it is now.
    for (PassengerForm *form : std::as_const(m_forms))
        form->validateNow();
    refresh();
    if (!m_canBook) {
        for (PassengerForm *form : std::as_const(m_forms))
            form->revealAllProblems();
        return;
    }
    setBusy(true);
    Q_EMIT bookRequested(passengers());
}

void CheckoutPage::setBusy(bool busy) {
    m_busy = busy;
    for (PassengerForm *form : std::as_const(m_forms))
        form->setReadOnly(busy);
    refresh();
}

void CheckoutPage::setSupportDetails(const QString &idempotencyKey, const QString &orderId) {
    m_ui->idempotencyKeyLabel->setText(idempotencyKey);
    //: Shown where the order id will be, before the provider has created the order.
    m_ui->orderIdLabel->setText(orderId.isEmpty() ? tr("not created yet") : orderId);
    m_ui->supportGroupBox->setVisible(!idempotencyKey.isEmpty() || !orderId.isEmpty());
}

void CheckoutPage::copySupportDetails() {
    QStringList lines;
    // Support starts with whose booking it is: each provider has its own desk and ids.
    if (m_hasOffer && !m_offer.provider.isEmpty())
        lines << tr("Provider: %1").arg(desk::providerName(m_offer.provider));
    lines << tr("Idempotency key: %1").arg(m_ui->idempotencyKeyLabel->text());
    lines << tr("Order: %1").arg(m_ui->orderIdLabel->text());
    QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}

} // namespace fd::ui
