#pragma once

#include "core/offer.h"
#include "core/passenger.h"
#include "desk/desk.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

namespace Ui {
class MainWindow;
}

namespace fd::ui {

class CheckoutTab;
class OrdersPage;
class ProfileBook;
class ProfilesDialog;
class ScheduleQueuePage;
class SearchPage;
class WalletStatus;

// The agent's desk: a search tab, the orders history, and one closable tab per checkout.
// Several checkouts run at once; closing one that is in flight asks first, and the journal
// keeps its order safe either way (it resumes at the next start).
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class Mode { Live, Demo };

    // `desk` may be null when it is not configured yet (Settings explain what to do); it is not
    // owned and must outlive the window.
    explicit MainWindow(Mode mode, desk::Desk *desk = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    Mode mode() const { return m_mode; }
    SearchPage *searchPage() const { return m_search; }
    OrdersPage *ordersPage() const { return m_orders; }
    ScheduleQueuePage *scheduleQueuePage() const { return m_queue; }
    // The wallet balances in the status bar; nullptr without a desk.
    WalletStatus *walletStatus() const { return m_wallet; }
    QList<CheckoutTab *> checkoutTabs() const;

    // Opens a checkout for `offer` (a new intent and key), or a saved intent from the journal.
    CheckoutTab *openCheckout(const Offer &offer, const QList<Passenger> &prefill);
    CheckoutTab *openIntent(qint64 intentId);
    // Every unfinished intent whose create was sent gets its tab back and continues, and every
    // outcome reached while no window showed it opens on it. The journal is read off this
    // thread: the tabs come after the window is drawn.
    void resumeUnfinished();
    // A problem the agent must know about, over the pages; empty hides it. With `offerRetry`,
    // a Retry button beside it (retryRequested), for a start that failed on something that may
    // come back (the agency database, a provider).
    void setConnectionProblem(const QString &message, bool offerRetry = false);
    // The traveller profiles: offered in every checkout's passenger cards, saved from a booked
    // tab, managed from File → Traveller profiles. Not owned; nullptr hides them.
    void setProfileBook(ProfileBook *book);
    // File → Traveller profiles: the dialog (opened once, raised after).
    ProfilesDialog *showProfiles();

Q_SIGNALS:
    void settingsRequested();
    void retryRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void reopenLeftOpen(const QList<Intent> &notShown, const QList<Intent> &unfinished);
    // "Travelbase at http://127.0.0.1:1234, Travomatrix at …"
    QString demoServers() const;
    void addCheckoutTab(CheckoutTab *tab);
    void requestCloseTab(int index);
    void buildDemoMenu();
    // The schedule-change queue's tab, after the orders (its title counts what waits).
    void addScheduleQueue();
    void showAbout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    Mode m_mode;
    desk::Desk *m_desk;
    QPointer<ProfileBook> m_profileBook;
    QPointer<ProfilesDialog> m_profilesDialog;
    SearchPage *m_search = nullptr;
    OrdersPage *m_orders = nullptr;
    ScheduleQueuePage *m_queue = nullptr;
    WalletStatus *m_wallet = nullptr;
    bool m_closeConfirmed = false;
};

} // namespace fd::ui
