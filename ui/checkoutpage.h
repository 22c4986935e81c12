#pragma once

#include "core/clock.h"
#include "core/offer.h"
#include "core/passenger.h"

#include <QList>
#include <QWidget>

#include <memory>
#include <optional>

class QTimer;

namespace Ui {
class CheckoutPage;
}

namespace fd::ui {

class PassengerForm;
class ProfileBook;

// One offer on its way to an order: what is being bought and until when, whether the wallet
// covers it, a form per passenger, and the one Book button. The engine is driven from outside
// through bookRequested() and setBusy(); the page itself never talks to the network.
class CheckoutPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckoutPage)

public:
    explicit CheckoutPage(QWidget *parent = nullptr);
    ~CheckoutPage() override;

    // `clock` is not owned and must outlive the page; the system clock by default.
    void setClock(const fd::Clock *clock);
    // Saved travellers offered in every passenger card (nullptr: none). Not owned.
    void setProfileBook(ProfileBook *book);
    void setOffer(const fd::Offer &offer); // one form per offer passenger, emptied
    const fd::Offer &offer() const { return m_offer; }
    void setWallet(std::optional<fd::Wallet> wallet);
    void setPassengers(const QList<fd::Passenger> &passengers); // prefill, by position

    QList<fd::Passenger> passengers() const; // with the offer's passenger ids
    QList<PassengerForm *> forms() const { return m_forms; }

    bool canBook() const { return m_canBook; }
    QString bookBlockedReason() const; // empty when Book is enabled

    bool isBusy() const { return m_busy; }

    // Where the agent starts: the first empty field of the first passenger who has one, else
    // Book. A machine-readable zone pasted anywhere on a card fills that card and moves on the
    // same way.
    void focusFirstToFill();

public Q_SLOTS:
    // Locks every input and Book (true), or gives them back (false) when the engine is done
    // and the agent may correct and retry. Pressing Book sets it by itself, before the signal.
    void setBusy(bool busy);
    // What the locked page says instead of "booking in progress" (e.g. once it is booked).
    void setLockedReason(const QString &reason);
    void setSupportDetails(const QString &idempotencyKey, const QString &orderId);
    // Re-reads the clock: countdowns and whether Book is allowed. A timer calls it every
    // half second; tests call it after moving a ManualClock.
    void refresh();
    // What Book and Ctrl+Return do: validates everything at once and, when all is well, goes
    // busy and emits bookRequested() — once, whatever the number of presses.
    void requestBooking();

Q_SIGNALS:
    void bookRequested(const QList<fd::Passenger> &passengers);

private:
    void showSummary();
    void showCountdowns(const QDateTime &now);
    void rebuildForms();
    QString passengerProblems() const;
    void copySupportDetails();
    // After a zone completed `form`: on to the next card with an empty field (wrapping
    // round), or Book.
    void moveOnFrom(PassengerForm *form);

    std::unique_ptr<Ui::CheckoutPage> m_ui;
    fd::SystemClock m_systemClock;
    const fd::Clock *m_clock = &m_systemClock;
    ProfileBook *m_profileBook = nullptr;
    QTimer *m_ticker;
    fd::Offer m_offer;
    std::optional<fd::Wallet> m_wallet;
    QList<PassengerForm *> m_forms;
    QStringList m_offerProblems;
    bool m_hasOffer = false;
    bool m_canBook = false;
    bool m_busy = false;
    QString m_lockedReason;
};

} // namespace fd::ui
