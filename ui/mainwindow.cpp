#include "mainwindow.h"

#include "checkoutpage.h"
#include "checkouttab.h"
#include "desk/providers.h"
#include "messagebox.h"
#include "ordersmodel.h"
#include "orderspage.h"
#include "profilebook.h"
#include "profilesdialog.h"
#include "schedulequeuepage.h"
#include "searchpage.h"
#include "ui_mainwindow.h"
#include "walletstatus.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>

namespace fd::ui {

MainWindow::MainWindow(Mode mode, desk::Desk *desk, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_mode(mode)
    , m_desk(desk) {
    m_ui->setupUi(this);
    const bool demo = mode == Mode::Demo;
    m_ui->demoBannerLabel->setVisible(demo);
    // The banner is text, not colour alone, so it reads the same in a dark palette.
    m_ui->demoBannerLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #8a5a00; color: white; font-weight: bold; }"));
    m_ui->connectionLabel->hide();
    //: Window title in demo mode; %1 is the application name.
    setWindowTitle(demo ? tr("%1 — DEMO").arg(QStringLiteral("FlightDesk"))
                        : QStringLiteral("FlightDesk"));

    if (m_desk) {
        m_search = new SearchPage(&m_desk->search(), &m_desk->clock(), this);
        m_search->setObjectName(QStringLiteral("searchPage"));
        m_orders = new OrdersPage(&m_desk->orders(), this);
        m_orders->setObjectName(QStringLiteral("ordersPage"));
        m_ui->pagesTabWidget->addTab(m_search, tr("&Search"));
        m_ui->pagesTabWidget->addTab(m_orders, tr("&Orders"));
        addScheduleQueue();
        connect(m_search, &SearchPage::offerChosen, this,
                [this](const Offer &offer, const QList<Passenger> &prefill) {
                    openCheckout(offer, prefill);
                });
        connect(m_orders, &OrdersPage::resumeRequested, this, &MainWindow::openIntent);
        m_orders->setBookingServices(
            {&m_desk->cancellations(), &m_desk->contacts(), &m_desk->clock()});
        // One wallet display for the window; every checkout tab of that provider follows it.
        m_wallet = new WalletStatus(&m_desk->wallet(), this);
        statusBar()->addPermanentWidget(m_wallet);
        connect(m_orders, &OrdersPage::walletChanged, m_wallet, &WalletStatus::refresh);
        connect(m_wallet, &WalletStatus::fetched, this,
                [this](const QString &provider, const Wallet &wallet) {
                    for (CheckoutTab *tab : checkoutTabs())
                        if (tab->provider() == provider)
                            tab->page()->setWallet(wallet);
                });
        statusBar()->showMessage(m_desk->demo().available()
                                     ? tr("Demo mode: offline sandboxes of %1").arg(demoServers())
                                     : tr("Ready"));
    } else {
        setConnectionProblem(tr("FlightDesk is not connected to a booking server. Open "
                                "File → Settings to enter the API address and key, or use the "
                                "launcher's \"Demo mode\" to try it offline."));
    }
    // The search and orders tabs stay; only checkouts close.
    for (int i = 0; i < m_ui->pagesTabWidget->count(); ++i)
        m_ui->pagesTabWidget->tabBar()->setTabButton(i, QTabBar::RightSide, nullptr);

    connect(m_ui->pagesTabWidget, &QTabWidget::tabCloseRequested, this,
            &MainWindow::requestCloseTab);
    connect(m_ui->closeTabAction, &QAction::triggered, this,
            [this] { requestCloseTab(m_ui->pagesTabWidget->currentIndex()); });
    connect(m_ui->newSearchAction, &QAction::triggered, this, [this] {
        if (m_search)
            m_ui->pagesTabWidget->setCurrentWidget(m_search);
    });
    connect(m_ui->ordersAction, &QAction::triggered, this, [this] {
        if (m_orders) {
            m_orders->refresh();
            m_ui->pagesTabWidget->setCurrentWidget(m_orders);
        }
    });
    connect(m_ui->settingsAction, &QAction::triggered, this, &MainWindow::settingsRequested);
    connect(m_ui->profilesAction, &QAction::triggered, this, &MainWindow::showProfiles);
    m_ui->profilesAction->setVisible(false); // until there are profiles to show
    connect(m_ui->retryButton, &QPushButton::clicked, this, [this] {
        m_ui->retryButton->setEnabled(false); // one retry at a time; the window is replaced
        Q_EMIT retryRequested();
    });
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    buildDemoMenu();
}

MainWindow::~MainWindow() = default;

void MainWindow::addScheduleQueue() {
    m_queue = new ScheduleQueuePage(&m_desk->scheduleChanges(), this);
    m_queue->setObjectName(QStringLiteral("scheduleQueuePage"));
    //: The schedule-change queue's tab, while nothing waits in it.
    m_ui->pagesTabWidget->addTab(m_queue, tr("&Queue"));
    // The count is in the title, so a change that arrives is seen from any tab.
    connect(m_queue, &ScheduleQueuePage::totalChanged, this, [this](qint64 total) {
        m_ui->pagesTabWidget->setTabText(
            m_ui->pagesTabWidget->indexOf(m_queue),
            //: The schedule-change queue's tab; %1 is how many changes wait in it.
            total > 0 ? tr("&Queue (%1)").arg(total) : tr("&Queue"));
    });
    // A booking whose schedule changed needs the agent until the change is acknowledged.
    connect(m_queue, &ScheduleQueuePage::bookingsWaiting, this, [this](const QSet<qint64> &ids) {
        if (m_orders)
            m_orders->filterModel()->setNeedsAttention(QStringLiteral("schedule_change"), ids);
    });
}

void MainWindow::setConnectionProblem(const QString &message, bool offerRetry) {
    m_ui->connectionLabel->setText(message);
    m_ui->connectionLabel->setVisible(!message.isEmpty());
    m_ui->retryButton->setVisible(offerRetry && !message.isEmpty());
}

QList<CheckoutTab *> MainWindow::checkoutTabs() const {
    QList<CheckoutTab *> tabs;
    for (int i = 0; i < m_ui->pagesTabWidget->count(); ++i)
        if (auto *tab = qobject_cast<CheckoutTab *>(m_ui->pagesTabWidget->widget(i)))
            tabs << tab;
    return tabs;
}

CheckoutTab *MainWindow::openCheckout(const Offer &offer, const QList<Passenger> &prefill) {
    if (!m_desk)
        return nullptr;
    auto *tab = new CheckoutTab(m_desk, offer, prefill);
    addCheckoutTab(tab);
    tab->page()->focusFirstToFill();
    return tab;
}

CheckoutTab *MainWindow::openIntent(qint64 intentId) {
    if (!m_desk)
        return nullptr;
    // One intent, one tab: a second tab on the same booking could only confuse.
    for (CheckoutTab *tab : checkoutTabs())
        if (tab->intentId() == intentId) {
            m_ui->pagesTabWidget->setCurrentWidget(tab);
            return tab;
        }
    auto *tab = new CheckoutTab(m_desk, intentId);
    addCheckoutTab(tab);
    return tab;
}

void MainWindow::resumeUnfinished() {
    if (!m_desk)
        return;
    // Outcomes reached while no window showed them first: their tabs open on the outcome (and
    // mark it shown), so an agent who saw a crash learns that the booking went through. Read
    // off this thread: the window is drawn first, the tabs follow.
    m_desk->checkouts().readLeftOpen(this, [this](const Result<desk::Checkouts::LeftOpen> &read) {
        if (!read)
            return setConnectionProblem(read.error().message);
        reopenLeftOpen(read->outcomesNotShown, read->unfinished);
    });
}

void MainWindow::reopenLeftOpen(const QList<Intent> &notShown, const QList<Intent> &unfinished) {
    QStringList closedWhile;
    for (const Intent &intent : notShown) {
        openIntent(intent.id);
        if (intent.state == CheckoutState::Ticketed)
            //: %1 is a booking reference, e.g. "TB7Q2X".
            closedWhile.append(tr("booked %1").arg(intent.bookingReference));
        else if (intent.state == CheckoutState::Failed)
            //: %1 is an order id; the airline declined it, nothing was charged.
            closedWhile.append(tr("order %1 failed").arg(intent.orderId));
        else
            closedWhile.append(tr("a booking needs support"));
    }
    int resumed = 0;
    for (const Intent &intent : unfinished)
        if (intent.isResumable()) {
            openIntent(intent.id);
            ++resumed;
        }
    QStringList parts;
    if (!closedWhile.isEmpty())
        //: %1 lists what happened, e.g. "booked TB7Q2X, order ord_12 failed".
        parts.append(
            tr("While FlightDesk was closed: %1.").arg(closedWhile.join(QStringLiteral(", "))));
    if (resumed > 0)
        parts.append(
            tr("Resumed %n unfinished booking(s) from the last session.", nullptr, resumed));
    if (!parts.isEmpty())
        statusBar()->showMessage(parts.join(QLatin1Char(' ')));
}

void MainWindow::setProfileBook(ProfileBook *book) {
    m_profileBook = book;
    m_ui->profilesAction->setVisible(book && book->isAvailable());
    for (CheckoutTab *tab : checkoutTabs())
        tab->setProfileBook(book);
}

ProfilesDialog *MainWindow::showProfiles() {
    if (!m_profileBook || !m_profileBook->isAvailable())
        return nullptr;
    if (!m_profilesDialog) {
        m_profilesDialog = new ProfilesDialog(m_profileBook, this);
        m_profilesDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_profilesDialog->show();
    m_profilesDialog->raise();
    m_profilesDialog->activateWindow();
    return m_profilesDialog;
}

void MainWindow::addCheckoutTab(CheckoutTab *tab) {
    tab->setProfileBook(m_profileBook);
    const int index = m_ui->pagesTabWidget->addTab(tab, tab->title());
    m_ui->pagesTabWidget->setCurrentIndex(index);
    connect(tab, &CheckoutTab::titleChanged, this, [this, tab](const QString &title) {
        m_ui->pagesTabWidget->setTabText(m_ui->pagesTabWidget->indexOf(tab), title);
    });
    connect(tab, &CheckoutTab::journalChanged, this, [this] {
        if (m_orders)
            m_orders->refresh();
    });
    connect(tab, &CheckoutTab::walletChanged, m_wallet, &WalletStatus::refresh);
    connect(tab, &CheckoutTab::searchAgainRequested, this,
            [this](const Offer &offer, const QList<Passenger> &passengers) {
                if (!m_search)
                    return;
                m_ui->pagesTabWidget->setCurrentWidget(m_search);
                m_search->searchAgain(offer, passengers);
            });
}

void MainWindow::requestCloseTab(int index) {
    auto *tab = qobject_cast<CheckoutTab *>(m_ui->pagesTabWidget->widget(index));
    if (!tab)
        return;
    const auto close = [this, tab] {
        m_ui->pagesTabWidget->removeTab(m_ui->pagesTabWidget->indexOf(tab));
        tab->deleteLater();
    };
    if (!tab->isInFlight())
        return close();
    MessageBox::ask(this, tr("Close this checkout?"),
                    tr("This booking is still being processed. Closing the tab does not cancel "
                       "it: the order stays safe in the journal and FlightDesk picks it up again "
                       "at the next start or from the Orders page."),
                    tr("Close tab"), [close, tab = QPointer<CheckoutTab>(tab)](bool yes) {
                        if (yes && tab)
                            close();
                    });
}

void MainWindow::closeEvent(QCloseEvent *event) {
    int inFlight = 0;
    for (CheckoutTab *tab : checkoutTabs())
        inFlight += tab->isInFlight() ? 1 : 0;
    if (inFlight == 0 || m_closeConfirmed)
        return event->accept();
    event->ignore();
    MessageBox::ask(this, tr("Quit FlightDesk?"),
                    tr("%n booking(s) are still being processed. They stay safe in the journal "
                       "and continue when FlightDesk starts again.",
                       nullptr, inFlight),
                    tr("Quit"), [this](bool yes) {
                        if (!yes)
                            return;
                        m_closeConfirmed = true;
                        close();
                    });
}

QString MainWindow::demoServers() const {
    QStringList servers;
    for (const QString &provider : m_desk->search().providers())
        //: %1 a booking provider's name, %2 its sandbox's address.
        servers << tr("%1 at %2")
                       .arg(desk::providerName(provider),
                            m_desk->demo().baseUrl(provider).toString());
    return servers.join(QStringLiteral(", "));
}

void MainWindow::buildDemoMenu() {
    const bool demo = m_desk && m_desk->demo().available();
    m_ui->demoMenu->menuAction()->setVisible(m_mode == Mode::Demo && demo);
    if (!demo)
        return;
    QMenu *scenarios = m_ui->demoMenu->addMenu(tr("Next booking's &outcome"));
    auto *group = new QActionGroup(this);
    const QList<std::pair<QString, QString>> names = {
        {QStringLiteral("happy_path"), tr("Happy path: ticketed")},
        {QStringLiteral("airline_rejects"), tr("Airline rejects (payment reversed)")},
        {QStringLiteral("slow_airline"), tr("Slow airline (still processing)")},
        {QStringLiteral("lost_webhook"), tr("Lost webhook (found by polling)")},
        {QStringLiteral("never_resolves"), tr("Never resolves (contact support)")},
        {QStringLiteral("wallet_too_low"), tr("Wallet too low (top up)")},
        {QStringLiteral("offer_about_to_expire"), tr("Offer about to expire")},
        {QStringLiteral("flaky_network"), tr("Flaky network (retries, one booking)")}};
    const QString current = m_desk->demo().scenario();
    const QStringList offered = m_desk->demo().scenarioNames();
    for (const auto &[name, label] : names) {
        if (!offered.contains(name))
            continue;
        QAction *a = scenarios->addAction(label);
        a->setObjectName(QStringLiteral("scenario_") + name);
        a->setCheckable(true);
        a->setChecked(name == current ||
                      (current.isEmpty() && name == QLatin1String("happy_path")));
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, name = name, label = label] {
            if (auto set = m_desk->demo().setScenario(name); !set)
                statusBar()->showMessage(set.error().message);
            else
                //: %1 is the demo scenario's description.
                statusBar()->showMessage(tr("Demo: the next booking will go: %1").arg(label));
        });
    }
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About FlightDesk"),
                       //: %1 is the version number.
                       tr("FlightDesk %1\nA checkout for travel agents that never books or "
                          "charges twice.")
                           .arg(QStringLiteral(FLIGHTDESK_VERSION)));
}

} // namespace fd::ui
