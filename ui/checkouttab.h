#pragma once

#include "core/checkoutflow.h"
#include "core/offer.h"
#include "core/passenger.h"
#include "desk/desk.h"
#include "profilebook.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QTimer;

namespace Ui {
class CheckoutTab;
}

namespace fd::ui {

class CheckoutPage;

// One checkout in its own tab: the CheckoutPage for the agent's input, and the engine's state
// shown above it from the moment Book is pressed until an outcome with a way forward.
class CheckoutTab final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckoutTab)

public:
    // A new checkout: the intent (and its Idempotency-Key) is stored as the tab opens, on the
    // journal's thread; the form can be filled meanwhile, Book waits for it. `desk` is not
    // owned and must outlive the tab.
    CheckoutTab(desk::Desk *desk, const Offer &offer, const QList<Passenger> &prefill,
                QWidget *parent = nullptr);
    // An intent from the journal (resume at start-up, or from the orders page), read on the
    // journal's thread.
    CheckoutTab(desk::Desk *desk, qint64 intentId, QWidget *parent = nullptr);
    ~CheckoutTab() override;

    CheckoutPage *page() const;
    // nullptr until the journal has stored (or read) the intent.
    CheckoutFlow *flow() const { return m_flow; }
    qint64 intentId() const;
    QString title() const;
    // A request may be on the wire or an answer awaited: closing must ask first.
    bool isInFlight() const;

    // Writes the itinerary of a ticketed booking; false (with a reason) otherwise.
    bool saveItineraryPdf(const QString &path, QString *error = nullptr) const;
    // The provider booked with (the offer's); empty when the offer is unknown.
    QString provider() const;
    // The itinerary as printed and saved: provider, booking reference, flights, passengers.
    QString itineraryHtml() const;

    // Saved travellers offered in the passenger cards, and "Save travellers…" once booked.
    // Not owned; nullptr: neither.
    void setProfileBook(ProfileBook *book);

Q_SIGNALS:
    void searchAgainRequested(const fd::Offer &offer, const QList<fd::Passenger> &passengers);
    void titleChanged(const QString &title);
    void journalChanged();
    // The provider's wallet moved (a booking ticketed, a top-up, a cancellation refunded).
    void walletChanged(const QString &provider);

private:
    explicit CheckoutTab(desk::Desk *desk, QWidget *parent);
    void attach(CheckoutFlow *flow);
    void showState(fd::CheckoutState state);
    void showOutcome(CheckoutFlow::Outcome outcome, const QString &message);
    void showTickets(const Intent &intent);
    void waitingForJournal();
    void hideActions();
    void tickElapsed();
    void topUp();
    void refreshWallet();
    void cancelBooking();
    void savePdf();
    void print();
    void saveTravellers();

    std::unique_ptr<Ui::CheckoutTab> m_ui;
    desk::Desk *m_desk;
    QPointer<CheckoutFlow> m_flow;
    qint64 m_intentId = 0;                         // known before the flow when resuming
    std::optional<QList<Passenger>> m_pendingBook; // Book pressed before the key was stored
    std::optional<Offer> m_offer;
    QTimer *m_elapsedTimer;
    QTimer *m_journalWait; // says so when the journal is slow to store or read the intent
    QDateTime m_sentAt;
    bool m_cancelled = false; // cancelled from this tab after it was ticketed
    QPointer<ProfileBook> m_profileBook;
};

} // namespace fd::ui
