#include "checkouttab.h"

#include "canceldialog.h"
#include "checkoutpage.h"
#include "checkouttext.h"
#include "savetravellersdialog.h"
#include "ui_checkouttab.h"

#include "desk/providers.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHeaderView>
#include <QPrintDialog>
#include <QPrinter>
#include <QScopeGuard>
#include <QTextDocument>
#include <QTimer>

#include <utility>

namespace fd::ui {

namespace {
using Outcome = CheckoutFlow::Outcome;

QString passengerName(const Passenger &p) {
    return QString(p.givenName.trimmed() + QLatin1Char(' ') + p.familyName.trimmed()).trimmed();
}
} // namespace

CheckoutTab::CheckoutTab(desk::Desk *desk, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CheckoutTab>())
    , m_desk(desk)
    , m_elapsedTimer(new QTimer(this))
    , m_journalWait(new QTimer(this)) {
    m_ui->setupUi(this);
    m_ui->statusFrame->hide();
    m_ui->ticketsTableWidget->setColumnCount(2);
    m_ui->ticketsTableWidget->setHorizontalHeaderLabels({tr("Passenger"), tr("E-ticket")});
    m_elapsedTimer->setInterval(1000);
    connect(m_elapsedTimer, &QTimer::timeout, this, &CheckoutTab::tickElapsed);
    m_journalWait->setSingleShot(true);
    m_journalWait->setInterval(700);
    connect(m_journalWait, &QTimer::timeout, this, &CheckoutTab::waitingForJournal);
    page()->setClock(&m_desk->clock());

    connect(m_ui->retryButton, &QPushButton::clicked, this, [this] {
        if (m_flow)
            m_flow->retrySafely();
    });
    connect(m_ui->checkAgainButton, &QPushButton::clicked, this, [this] {
        if (m_flow)
            m_flow->retryAfterTopUp();
    });
    connect(m_ui->topUpButton, &QPushButton::clicked, this, &CheckoutTab::topUp);
    connect(m_ui->searchAgainButton, &QPushButton::clicked, this, [this] {
        // The form, not the journal: a final intent's passports and birth dates are erased
        // there, and the form was filled from the intent when the tab resumed one.
        if (m_offer)
            Q_EMIT searchAgainRequested(*m_offer, page()->passengers());
    });
    connect(m_ui->savePdfButton, &QPushButton::clicked, this, &CheckoutTab::savePdf);
    connect(m_ui->saveTravellersButton, &QPushButton::clicked, this, &CheckoutTab::saveTravellers);
    connect(m_ui->printButton, &QPushButton::clicked, this, &CheckoutTab::print);
    connect(m_ui->cancelBookingButton, &QPushButton::clicked, this, &CheckoutTab::cancelBooking);
    connect(m_ui->copyOrderIdButton, &QPushButton::clicked, this, [this] {
        if (m_flow)
            QGuiApplication::clipboard()->setText(m_flow->orderId());
    });
    connect(page(), &CheckoutPage::bookRequested, this, [this](const QList<Passenger> &people) {
        if (!m_flow) { // the key is still being stored: booked as soon as it is
            m_pendingBook = people;
            page()->setLockedReason(tr("Storing the booking's key first…"));
            page()->setBusy(true);
            return;
        }
        m_flow->setPassengers(people); // same intent, same key: nothing was sent yet
        if (!m_flow->submit())
            page()->setBusy(m_flow->isBusy());
    });
}

CheckoutTab::CheckoutTab(desk::Desk *desk, const Offer &offer, const QList<Passenger> &prefill,
                         QWidget *parent)
    : CheckoutTab(desk, parent) {
    m_offer = offer;
    page()->setOffer(offer);
    page()->setPassengers(prefill);
    m_journalWait->start(); // the form can be filled meanwhile; Book waits for the key
    m_desk->checkouts().openLater(
        offer.provider, offer.id, offer.raw, page()->passengers(), this,
        [this](const Result<CheckoutFlow *> &flow) {
            m_journalWait->stop();
            if (!flow) {
                m_ui->statusFrame->show();
                m_ui->busyProgressBar->hide();
                m_ui->stateLabel->setText(
                    tr("This checkout cannot be saved: %1").arg(flow.error().message));
                m_ui->detailLabel->setText(tr("Nothing was sent. Close this tab and try again "
                                              "once the order journal can be reached."));
                page()->setLockedReason(tr("This checkout cannot be saved, so it cannot be "
                                           "booked."));
                page()->setBusy(true);
                return;
            }
            m_ui->statusFrame->hide();
            attach(*flow);
            m_flow->start();
            if (auto people = std::exchange(m_pendingBook, std::nullopt)) {
                page()->setLockedReason({});
                m_flow->setPassengers(*people);
                m_flow->submit();
            }
        });
    // The wallet against the total, so the agent sees a shortfall before pressing Book.
    refreshWallet();
}

void CheckoutTab::refreshWallet() {
    m_desk->wallet().fetch(provider(), this, [this](GatewayResult<Wallet> r) {
        if (const auto *w = std::get_if<Wallet>(&r))
            page()->setWallet(*w);
    });
}

CheckoutTab::CheckoutTab(desk::Desk *desk, qint64 intentId, QWidget *parent)
    : CheckoutTab(desk, parent) {
    m_intentId = intentId;
    page()->setBusy(true);
    m_journalWait->start();
    m_desk->checkouts().readIntent(intentId, this, [this](const Result<Intent> &intent) {
        m_journalWait->stop();
        m_ui->statusFrame->hide();
        if (intent && !intent->offer.isEmpty())
            if (auto offer = desk::offerFromJson(intent->provider, intent->offer)) {
                m_offer = *offer;
                page()->setOffer(*offer);
                if (auto people = passengersFromJson(intent->passengers))
                    page()->setPassengers(people->passengers);
                Q_EMIT titleChanged(title());
            }
        Intent known; // unreadable: the flow reads it again and says why it cannot continue
        known.id = m_intentId;
        attach(m_desk->checkouts().flowForIntent(intent ? *intent : known));
        m_flow->resume();
    });
}

// The journal has not answered within a moment (a slow disk, an agency database that is not
// answering): the tab says so instead of looking stuck; nothing is sent meanwhile.
void CheckoutTab::waitingForJournal() {
    hideActions();
    m_ui->elapsedLabel->clear(); // nothing was sent: no time since
    m_ui->statusFrame->show();
    m_ui->busyProgressBar->show();
    m_ui->stateLabel->setText(tr("Waiting for the order journal…"));
    m_ui->detailLabel->setText(
        tr("The booking's key is stored before anything is sent; nothing has been sent yet. "
           "The window stays usable meanwhile."));
}

QString CheckoutTab::provider() const {
    return m_offer ? m_offer->provider : QString();
}

CheckoutTab::~CheckoutTab() {
    delete m_flow.data(); // its lease is released; the journal keeps the order safe
}

CheckoutPage *CheckoutTab::page() const {
    return m_ui->checkoutPage;
}

qint64 CheckoutTab::intentId() const {
    return m_flow ? m_flow->intentId() : m_intentId;
}

bool CheckoutTab::isInFlight() const {
    if (!m_flow)
        return false;
    return m_flow->isBusy() || m_flow->state() == CheckoutState::Unresolved;
}

QString CheckoutTab::title() const {
    QString route;
    if (m_offer && !m_offer->slices.isEmpty())
        route = m_offer->slices.first().origin.iataCode + QStringLiteral("–") +
                m_offer->slices.first().destination.iataCode;
    if (!m_flow)
        return route;
    if (m_cancelled)
        //: Tab title of a booking that was cancelled afterwards; %1 is the route.
        return tr("%1 (cancelled)").arg(route);
    if (m_flow->state() == CheckoutState::Ticketed)
        //: Tab title of a booked checkout; %1 is the route, %2 the booking reference.
        return tr("%1 ✓ %2").arg(route, m_flow->bookingReference());
    if (m_flow->isBusy())
        //: Tab title while a booking is being processed; %1 is the route.
        return tr("%1 (booking…)").arg(route);
    return route;
}

void CheckoutTab::attach(CheckoutFlow *flow) {
    m_flow = flow;
    flow->setParent(nullptr); // owned by this tab (deleted in the destructor)
    connect(flow, &CheckoutFlow::stateEntered, this, [this](CheckoutState state) {
        showState(state);
        Q_EMIT titleChanged(title());
        Q_EMIT journalChanged();
    });
    connect(flow, &CheckoutFlow::outcomeReached, this, &CheckoutTab::showOutcome);
    connect(flow, &CheckoutFlow::stillProcessing, this, [this] {
        m_ui->detailLabel->setText(
            tr("Still processing: the airline is taking longer than usual. You can keep working "
               "in other tabs; this one updates by itself."));
    });
    connect(flow, &CheckoutFlow::submitIgnored, this, [this](const QString &reason) {
        m_ui->statusFrame->show();
        m_ui->detailLabel->setText(reason);
        page()->setBusy(m_flow->isBusy()); // a refusal may come after the press (the journal)
    });
}

void CheckoutTab::hideActions() {
    const auto buttons = {
        m_ui->retryButton,       m_ui->topUpButton,         m_ui->checkAgainButton,
        m_ui->searchAgainButton, m_ui->savePdfButton,       m_ui->printButton,
        m_ui->copyOrderIdButton, m_ui->cancelBookingButton, m_ui->saveTravellersButton};
    for (QPushButton *b : buttons)
        b->hide();
    m_ui->ticketsTableWidget->hide();
}

void CheckoutTab::showState(CheckoutState state) {
    hideActions();
    if (state == CheckoutState::Editing) {
        m_ui->statusFrame->hide();
        return;
    }
    m_ui->statusFrame->show();
    page()->setSupportDetails(m_flow->idempotencyKey(), m_flow->orderId());
    const bool busy = m_flow->isBusy();
    m_ui->busyProgressBar->setVisible(busy);
    if (busy && !m_sentAt.isValid()) {
        m_sentAt = m_desk->clock().now();
        m_elapsedTimer->start();
        tickElapsed();
    }
    if (!busy && state != CheckoutState::Processing)
        m_elapsedTimer->stop();
    if (busy)
        page()->setLockedReason({});
    page()->setBusy(state != CheckoutState::InvalidInput);
    if (state == CheckoutState::Validating) {
        m_ui->stateLabel->setText(tr("Checking the offer and the wallet…"));
        m_ui->detailLabel->setText(tr("Nothing has been booked yet."));
    } else if (state == CheckoutState::Creating) {
        m_ui->stateLabel->setText(tr("Sending the booking…"));
        m_ui->detailLabel->setText(tr("It is sent once; if the network fails it is retried with "
                                      "the same key, so it cannot be booked twice."));
    } else if (state == CheckoutState::Ticketing) {
        m_ui->stateLabel->setText(tr("Booking created. Asking the airline to issue tickets…"));
        m_ui->detailLabel->setText(tr("Order %1").arg(m_flow->orderId()));
        m_ui->copyOrderIdButton->show();
    } else if (state == CheckoutState::Processing) {
        m_ui->stateLabel->setText(tr("Waiting for the airline to confirm…"));
        m_ui->detailLabel->setText(
            tr("Order %1. This usually takes under a minute.").arg(m_flow->orderId()));
        m_ui->copyOrderIdButton->show();
    }
}

void CheckoutTab::showOutcome(Outcome outcome, const QString &message) {
    // Whatever the outcome, it is on screen once this returns; a final one is then never
    // reported again as "while FlightDesk was closed".
    const auto markShown = qScopeGuard([this] {
        if (m_flow)
            m_desk->checkouts().markOutcomeShown(m_flow->intentId());
    });
    m_ui->busyProgressBar->hide();
    // A create that was sent may have booked, whatever stopped the checkout afterwards: such a
    // tab never invites the agent to book the trip again.
    const bool sent = m_flow->wasSent();
    page()->setLockedReason(
        outcome == Outcome::Ticketed ? tr("Booked: this checkout is closed.")
        : outcome == Outcome::Unresolved || outcome == Outcome::Interrupted
            ? tr("This booking was sent; it can only continue as it is.")
        : outcome == Outcome::Error && sent
            ? tr("This booking was sent and stopped; support settles it. Do not book it again.")
            : tr("This checkout is closed. Search again to book this trip."));
    m_elapsedTimer->stop();
    m_ui->detailLabel->setText(message);
    switch (outcome) {
    case Outcome::Ticketed:
        // "Booked" appears with its e-tickets, read from the journal (where they were stored
        // before the outcome was), so the agent never sees one without the other.
        m_ui->stateLabel->setText(tr("Ticketed. Reading the e-tickets…"));
        m_desk->checkouts().readIntent(
            m_flow->intentId(), this, [this](const Result<Intent> &intent) {
                m_ui->stateLabel->setText(checkouttext::bookedWith(
                    desk::providerName(provider()), m_flow->bookingReference(), m_flow->orderId()));
                //: %1 "Order ord_0001" or, when the order id is the PNR, "PNR RZPVAB".
                m_ui->detailLabel->setText(tr("%1 is ticketed.")
                                               .arg(checkouttext::orderText(
                                                   m_flow->bookingReference(), m_flow->orderId())));
                if (intent)
                    showTickets(*intent);
            });
        m_ui->savePdfButton->show();
        m_ui->printButton->show();
        m_ui->copyOrderIdButton->show();
        m_ui->cancelBookingButton->show();
        m_ui->saveTravellersButton->setVisible(m_profileBook && m_profileBook->isAvailable());
        // The balance shown before Book is out of date now: the booking was paid from it.
        refreshWallet();
        Q_EMIT walletChanged(provider());
        break;
    case Outcome::Failed:
        m_ui->stateLabel->setText(tr("The booking did not go through, no charge was applied."));
        m_ui->detailLabel->setText(tr("The airline declined order %1 and the payment was "
                                      "reversed. Search again to book this route; every "
                                      "passenger is kept.")
                                       .arg(m_flow->orderId()));
        m_ui->searchAgainButton->show();
        break;
    case Outcome::OfferUnavailable:
        m_ui->stateLabel->setText(tr("This offer can no longer be booked."));
        m_ui->searchAgainButton->show();
        break;
    case Outcome::InsufficientFunds:
        m_ui->stateLabel->setText(tr("The wallet does not cover this booking."));
        m_ui->detailLabel->setText(
            message + QLatin1Char('\n') +
            (m_desk->wallet().canTopUp(provider())
                 ? tr("Top up the demo wallet, then the booking continues.")
                 : tr("Top up the wallet in the agency portal, then check again.")));
        m_ui->topUpButton->setVisible(m_desk->wallet().canTopUp(provider()));
        m_ui->checkAgainButton->show();
        break;
    case Outcome::Interrupted:
        m_ui->stateLabel->setText(tr("Interrupted: the provider's answer is not known yet."));
        m_ui->detailLabel->setText(message + QLatin1Char('\n') +
                                   tr("Retrying is safe: the same booking is sent again with the "
                                      "same key and cannot be charged twice."));
        m_ui->retryButton->show();
        break;
    case Outcome::Unresolved:
        m_ui->stateLabel->setText(tr("Not settled: contact support."));
        // The flow's words carry the reason (no answer in time, or the ticket refused and why).
        m_ui->detailLabel->setText(message + QLatin1Char('\n') +
                                   tr("This tab still updates if the airline answers."));
        m_ui->copyOrderIdButton->show();
        break;
    case Outcome::InvalidInput: {
        m_ui->stateLabel->setText(tr("Some details need fixing. Nothing was booked."));
        QStringList lines;
        for (const Issue &i : m_flow->validationReport().errors)
            lines << (i.passenger >= 0
                          ? tr("Passenger %1, %2: %3")
                                .arg(QString::number(i.passenger + 1), i.field, i.message)
                          : i.message);
        m_ui->detailLabel->setText(lines.join(QLatin1Char('\n')));
        page()->setBusy(false);
        break;
    }
    case Outcome::Error:
        m_ui->stateLabel->setText(tr("The booking stopped."));
        if (!m_flow->orderId().isEmpty())
            m_ui->copyOrderIdButton->show();
        break;
    }
    Q_EMIT titleChanged(title());
    Q_EMIT journalChanged();
}

void CheckoutTab::showTickets(const Intent &intent) {
    if (!m_offer)
        return;
    const QList<Passenger> people = page()->passengers();
    m_ui->ticketsTableWidget->setRowCount(0);
    for (const QJsonValue &v : intent.eTickets) {
        const QJsonObject t = v.toObject();
        const QString passengerId = t.value(QLatin1String("passenger_id")).toString();
        QString name = passengerId;
        for (qsizetype i = 0; i < m_offer->passengers.size() && i < people.size(); ++i)
            if (m_offer->passengers.at(i).id == passengerId)
                name = passengerName(people.at(i));
        const int row = m_ui->ticketsTableWidget->rowCount();
        m_ui->ticketsTableWidget->insertRow(row);
        m_ui->ticketsTableWidget->setItem(row, 0, new QTableWidgetItem(name));
        m_ui->ticketsTableWidget->setItem(
            row, 1, new QTableWidgetItem(t.value(QLatin1String("unique_identifier")).toString()));
    }
    m_ui->ticketsTableWidget->resizeColumnsToContents();
    // As tall as its rows: no empty box under a one-passenger booking.
    QTableWidget *t = m_ui->ticketsTableWidget;
    int height = t->horizontalHeader()->height() + 2 * t->frameWidth();
    for (int row = 0; row < t->rowCount(); ++row)
        height += t->rowHeight(row);
    t->setFixedHeight(qMin(height, 220));
    t->show();
}

void CheckoutTab::tickElapsed() {
    const qint64 secs = m_sentAt.secsTo(m_desk->clock().now());
    //: Time since the booking was sent, minutes:seconds.
    m_ui->elapsedLabel->setText(tr("%1:%2").arg(secs / 60).arg(secs % 60, 2, 10, QLatin1Char('0')));
}

void CheckoutTab::topUp() {
    if (!m_offer || !m_desk->wallet().canTopUp(provider()))
        return;
    m_ui->topUpButton->setEnabled(false);
    // Enough for this booking and a few more: a demo wallet, not real money.
    const auto amount =
        Money::fromMinor(m_offer->total.minorUnits() * 3, m_offer->total.currency());
    if (!amount)
        return;
    m_desk->wallet().topUp(provider(), *amount, this, [this](GatewayResult<Wallet> r) {
        m_ui->topUpButton->setEnabled(true);
        if (const auto *w = std::get_if<Wallet>(&r)) {
            page()->setWallet(*w);
            Q_EMIT walletChanged(provider());
            if (m_flow)
                m_flow->retryAfterTopUp();
        } else {
            m_ui->detailLabel->setText(std::get<GatewayFailure>(r).message);
        }
    });
}

QString CheckoutTab::itineraryHtml() const {
    QString html = QStringLiteral("<h1>%1</h1>").arg(tr("Itinerary").toHtmlEscaped());
    html +=
        QStringLiteral("<p><b>%1</b> %2<br/><b>%3</b> %4")
            .arg(tr("Booked with").toHtmlEscaped(), desk::providerName(provider()).toHtmlEscaped(),
                 tr("Booking reference").toHtmlEscaped(),
                 m_flow->bookingReference().toHtmlEscaped());
    // Travomatrix's order id is the booking reference itself: printed once.
    if (m_flow->orderId() != m_flow->bookingReference())
        html += QStringLiteral("<br/><b>%1</b> %2")
                    .arg(tr("Order").toHtmlEscaped(), m_flow->orderId().toHtmlEscaped());
    html += QStringLiteral("</p>");
    if (m_offer) {
        html += QStringLiteral("<h2>%1</h2><ul>").arg(tr("Flights").toHtmlEscaped());
        for (const Slice &s : m_offer->slices)
            // In each airport's local time, as the airline's ticket prints it.
            html += QStringLiteral("<li>%1 (%2) → %3 (%4): %5</li>")
                        .arg(s.origin.cityName.toHtmlEscaped(), s.origin.iataCode.toHtmlEscaped(),
                             s.destination.cityName.toHtmlEscaped(),
                             s.destination.iataCode.toHtmlEscaped(),
                             checkouttext::times(s).toHtmlEscaped());
        html += QStringLiteral("</ul><p>%1 %2</p>")
                    .arg(m_offer->ownerName.toHtmlEscaped(), m_offer->total.toString());
    }
    html += QStringLiteral("<h2>%1</h2><table border=\"1\" cellpadding=\"4\">")
                .arg(tr("Passengers").toHtmlEscaped());
    for (int row = 0; row < m_ui->ticketsTableWidget->rowCount(); ++row)
        html += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                    .arg(m_ui->ticketsTableWidget->item(row, 0)->text().toHtmlEscaped(),
                         m_ui->ticketsTableWidget->item(row, 1)->text().toHtmlEscaped());
    html += QStringLiteral("</table>");
    return html;
}

bool CheckoutTab::saveItineraryPdf(const QString &path, QString *error) const {
    if (!m_flow || m_flow->state() != CheckoutState::Ticketed) {
        if (error)
            *error = tr("Only a ticketed booking has an itinerary.");
        return false;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    QTextDocument doc;
    doc.setHtml(itineraryHtml());
    doc.print(&printer);
    return true;
}

void CheckoutTab::savePdf() {
    auto *dialog = new QFileDialog(this, tr("Save itinerary"), QString(), tr("PDF (*.pdf)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    dialog->selectFile(m_flow->bookingReference() + QStringLiteral(".pdf"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        if (!saveItineraryPdf(path, &error))
            m_ui->detailLabel->setText(error);
        else
            m_ui->detailLabel->setText(tr("Itinerary saved to %1").arg(path));
    });
    dialog->open();
}

void CheckoutTab::setProfileBook(ProfileBook *book) {
    m_profileBook = book;
    page()->setProfileBook(book);
}

void CheckoutTab::saveTravellers() {
    if (!m_profileBook)
        return;
    auto *dialog = new SaveTravellersDialog(page()->passengers(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QList<Passenger> chosen = dialog->chosen();
        const bool withPassports = dialog->withPassports();
        m_ui->saveTravellersButton->setEnabled(false);
        m_profileBook->saveTravellers(
            chosen, withPassports, [this](Result<desk::SavedTravellers> saved) {
                m_ui->saveTravellersButton->setEnabled(true);
                if (!saved) {
                    //: %1 why, from the profiles' file.
                    m_ui->detailLabel->setText(
                        tr("The travellers were not saved: %1").arg(saved.error().message));
                    return;
                }
                const auto n = saved->profiles.size();
                QString text =
                    n == 1 ? tr("1 traveller saved: typing the name in a passenger card offers "
                                "them.")
                           //: %1 how many passengers were kept as traveller profiles (2 or more).
                           : tr("%1 travellers saved: typing a name in a passenger card offers "
                                "them.")
                                 .arg(n);
                if (saved->passportsRefused)
                    //: %1 why the keychain could not keep the passports' key.
                    text += QLatin1Char(' ') + tr("Their passports were not kept: the system "
                                                  "keychain is not available (%1).")
                                                   .arg(saved->passportNote);
                m_ui->detailLabel->setText(text);
            });
    });
    dialog->open();
}

void CheckoutTab::print() {
    auto *printer = new QPrinter(QPrinter::HighResolution);
    auto *dialog = new QPrintDialog(printer, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [printer] { delete printer; });
    connect(dialog, &QDialog::accepted, this, [this, printer] {
        QTextDocument doc;
        doc.setHtml(itineraryHtml());
        doc.print(printer);
    });
    dialog->open();
}

void CheckoutTab::cancelBooking() {
    if (!m_flow || m_flow->state() != CheckoutState::Ticketed)
        return;
    const QString reference =
        m_flow->bookingReference().isEmpty() ? m_flow->orderId() : m_flow->bookingReference();
    auto *dialog = new CancelDialog(&m_desk->cancellations(), &m_desk->clock(),
                                    {provider(), m_flow->orderId(), reference,
                                     m_offer ? std::optional<Money>(m_offer->total) : std::nullopt},
                                    this);
    dialog->setObjectName(QStringLiteral("cancelDialog"));
    connect(dialog, &CancelDialog::settled, this,
            [this](const QString &seller, CancellationState state) {
                Q_EMIT journalChanged();
                if (state != CancellationState::Cancelled)
                    return;
                hideActions();
                m_ui->stateLabel->setText(QCoreApplication::translate(
                    "fd::CheckoutState", state::label(CheckoutState::Cancelled)));
                m_ui->detailLabel->setText(tr("This booking was cancelled and refunded to the "
                                              "wallet."));
                page()->setLockedReason(tr("Cancelled: this checkout is closed."));
                m_cancelled = true;
                Q_EMIT titleChanged(title());
                refreshWallet();
                Q_EMIT walletChanged(seller);
            });
    dialog->open();
}

} // namespace fd::ui
