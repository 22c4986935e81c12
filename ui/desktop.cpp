#include "desktop.h"

#include "checkouttab.h"
#include "mainwindow.h"
#include "profilebook.h"
#include "settingsdialog.h"
#include "translation.h"

#include "desk/desk.h"
#include "desk/profiles.h"
#include "desk/providers.h"
#include "desk/settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QPointer>
#include <QStatusBar>
#include <QTimer>

#include <utility>

namespace fd::ui {

// An agency journal that cannot be used is named as such: the desk never falls back to a file
// of its own, which would split the agency's history, so bookings wait until it is back.
QString Desktop::startProblem(const SessionOptions &o, const Error &e) {
    const bool journal = e.code.startsWith(QLatin1String("FD_JOURNAL"));
    if (journal && desk::isAgencyJournal(o.journalPath)) {
        if (e.code == QLatin1String("FD_JOURNAL_UNREACHABLE"))
            //: %1 says which database and why, e.g. "The agency journal postgresql://desk@db:5432/
            //: agency cannot be reached: connection refused".
            return tr("%1; bookings cannot start until it is back. Fix it in File → Settings.")
                .arg(e.message);
        //: %1 the database's URL, %2 why it cannot be used.
        return tr("The agency journal %1 cannot be used: %2; bookings cannot start until it is "
                  "fixed. Fix it in File → Settings.")
            .arg(o.journalPath, e.message);
    }
    return tr("FlightDesk could not start its connection: %1 Open File → Settings to fix it.")
        .arg(e.message);
}

namespace {

// When the desk's servers serve if the window has not been drawn by then (times the timing
// scale: --timing-scale, and tests).
constexpr std::chrono::milliseconds kServeAtTheLatest{1000};

// Runs `then` once `window` has painted its first frame: what the agent waits for comes first.
class AfterFirstPaint final : public QObject {
public:
    AfterFirstPaint(QWidget *window, std::function<void()> then)
        : QObject(window)
        , m_then(std::move(then)) {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::Paint && m_then) {
            QTimer::singleShot(0, parent(), std::exchange(m_then, {}));
            deleteLater();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_then;
};

// Reads each provider's API key, then the webhook secret, then (agency journal) the journal's
// password, one after the other.
void readSecrets(desk::Settings &settings, QObject *context, SessionOptions o,
                 QList<ProviderSettings> remaining,
                 std::function<void(std::optional<SessionOptions>)> done) {
    if (remaining.isEmpty()) {
        settings.readSecret(
            SecretRef::webhookSecret(), context,
            [&settings, context, o, done = std::move(done)](Result<StoredSecret> secret) mutable {
                o.webhookSecret = secret ? secret->value.toUtf8() : QByteArray();
                if (o.journalPath.isEmpty())
                    return done(o);
                // None in the keychain (or unreadable): libpq's PGPASSWORD or ~/.pgpass.
                settings.readSecret(
                    SecretRef::journalPassword(), context,
                    [o, done = std::move(done)](Result<StoredSecret> password) mutable {
                        o.journalPassword = password ? password->value : QString();
                        done(o);
                    });
            });
        return;
    }
    const ProviderSettings p = remaining.takeFirst();
    settings.readSecret(
        SecretRef::apiKey(p.provider), context,
        [&settings, context, o, p, remaining,
         done = std::move(done)](Result<StoredSecret> key) mutable {
            const QString apiKey = key ? key->value : QString();
            if (o.apiBase.isEmpty()) {
                o.provider = p.provider;
                o.apiBase = p.apiBase;
                o.apiKey = apiKey;
            } else {
                o.moreProviders.append(ProviderConnection{p.provider, p.apiBase, apiKey});
            }
            readSecrets(settings, context, o, remaining, std::move(done));
        });
}

} // namespace

void savedSessionOptions(desk::Settings &settings, QObject *context,
                         std::function<void(std::optional<SessionOptions>)> done) {
    const DeskSettings saved = settings.load();
    QList<ProviderSettings> used;
    for (const QString &provider : desk::providerIds())
        if (const ProviderSettings p = saved.connection(provider);
            p.enabled && !p.apiBase.isEmpty())
            used.append(p);
    if (used.isEmpty())
        return done(std::nullopt);
    SessionOptions o;
    o.webhookListen = saved.webhookListen;
    o.webhookListenPublic = saved.webhookListenPublic;
    o.timingScale = saved.timingScale;
    o.requestTimeoutSeconds = saved.requestTimeoutSeconds;
    if (saved.journal == JournalKind::Agency)
        o.journalPath = saved.agencyUrl.trimmed(); // never the file instead: see startProblem
    readSecrets(settings, context, o, used, std::move(done));
}

Desktop::Desktop(bool demo, QString scenario, double timingScale)
    : m_demo(demo)
    , m_scenario(std::move(scenario))
    , m_timingScale(timingScale)
    , m_settings(desk::makeSettings()) {}

Desktop::Desktop(std::unique_ptr<desk::Settings> settings, double timingScale)
    : m_timingScale(timingScale)
    , m_settings(std::move(settings)) {}

Desktop::~Desktop() {
    desk::releaseServing(); // nothing is left waiting for a window that is gone
}

void Desktop::start() {
    if (m_demo) {
        SessionOptions o;
        o.demo = true;
        o.demoScenario = m_scenario;
        o.timingScale = m_timingScale;
        o.journalPath = desk::privateDataFile(QStringLiteral("demo-journal.sqlite"));
        return open(o);
    }
    savedSessionOptions(*m_settings, this, [this](std::optional<SessionOptions> saved) {
        if (!saved) {
            // Never configured: show the offline demo rather than an empty desk, and say so.
            m_autoDemo = true;
            SessionOptions o;
            o.demo = true;
            o.timingScale = m_timingScale;
            o.journalPath = desk::privateDataFile(QStringLiteral("demo-journal.sqlite"));
            open(o);
            m_window->statusBar()->showMessage(
                tr("Not connected to a booking server yet: this is the offline demo. Set up "
                   "the connection in File → Settings."));
            return;
        }
        m_autoDemo = false;
        SessionOptions o = *saved;
        if (o.journalPath.isEmpty()) // this desk's own journal
            o.journalPath = desk::privateDataFile(QStringLiteral("journal.sqlite"));
        if (m_timingScale != 1.0)
            o.timingScale = m_timingScale;
        open(o);
    });
}

void Desktop::open(const SessionOptions &o) {
    const quint64 attempt = ++m_openSerial;
    if (o.demo || o.apiBase.isEmpty() || !desk::isAgencyJournal(o.journalPath))
        return openNow(o, std::nullopt);
    m_window.reset();
    m_desk.reset();
    m_window = std::make_unique<MainWindow>(MainWindow::Mode::Live, nullptr);
    //: %1 the agency database's URL (no password).
    m_window->setConnectionProblem(tr("Connecting to the agency journal %1…").arg(o.journalPath));
    m_window->show();
    auto checked = desk::reachJournalLater(
        o.journalPath, o.journalPassword, this, [this, o, attempt](const Result<int> &reached) {
            if (attempt != m_openSerial)
                return; // a later start replaced this one
            openNow(o, reached ? std::nullopt : std::optional<Error>(reached.error()));
        });
    if (!checked)
        openNow(o, checked.error());
}

void Desktop::openNow(const SessionOptions &o, const std::optional<Error> &journalFailure) {
    m_window.reset();
    m_desk.reset();
    const QString profilesFile = desk::privateDataFile(
        o.demo ? QStringLiteral("demo-profiles.sqlite") : QStringLiteral("profiles.sqlite"));
    if (profilesFile != m_profilesFile) {
        m_profileBook.reset();
        m_profiles = desk::makeProfiles(*m_settings, profilesFile);
        m_profileBook = std::make_unique<ProfileBook>(m_profiles.get());
        m_profilesFile = profilesFile;
    }
    QString problem;
    if (journalFailure) {
        problem = startProblem(o, *journalFailure);
    } else if (o.demo || !o.apiBase.isEmpty()) {
        // The desk's servers (its webhook receiver, the demo sandboxes) bind their ports now and
        // serve once the window is drawn: the first frame does not wait for Qt's TLS backend,
        // which their QHttpServers load (desk::holdServing). Released after the first paint below.
        desk::holdServing();
        auto opened = desk::makeDesk(o);
        if (opened)
            m_desk = std::move(opened).value();
        else
            problem = startProblem(o, opened.error());
    }
    m_window = std::make_unique<MainWindow>(
        o.demo ? MainWindow::Mode::Demo : MainWindow::Mode::Live, m_desk.get());
    m_window->setProfileBook(m_profileBook.get());
    if (m_desk && m_desk->orders().tightenedOnOpen())
        m_window->statusBar()->showMessage(
            tr("The order journal could be read by other users of this computer; it is now "
               "private to you."));
    if (m_desk && !m_desk->search().unavailable().isEmpty())
        //: %1 one line per provider: its name and why it could not be connected.
        m_window->statusBar()->showMessage(
            tr("Searching without %1 Fix it in File → Settings.")
                .arg(m_desk->search().unavailable().join(QLatin1Char(' '))));
    if (!problem.isEmpty()) {
        m_window->setConnectionProblem(problem, /*offerRetry=*/true);
        m_window->statusBar()->showMessage(problem);
    }
    connect(m_window.get(), &MainWindow::settingsRequested, this, &Desktop::showSettings);
    // Later, not from the button's own click: starting again replaces the window.
    connect(m_window.get(), &MainWindow::retryRequested, this,
            [this] { QTimer::singleShot(0, this, &Desktop::start); });
    m_window->show();
    const bool setIcon = !std::exchange(m_iconSet, true);
    new AfterFirstPaint(m_window.get(), [setIcon] {
        desk::releaseServing();
        if (setIcon)
            QApplication::setWindowIcon(
                QIcon::fromTheme(QStringLiteral("io.flightdesk.FlightDesk")));
    });
    // A window that is never drawn (started minimized, say) still gets its servers.
    QTimer::singleShot(
        std::chrono::milliseconds(qRound64(double(kServeAtTheLatest.count()) * m_timingScale)),
        this, [] { desk::releaseServing(); });
    m_window->resumeUnfinished();
    Q_EMIT windowOpened();
}

void Desktop::showSettings() {
    auto *dialog = new SettingsDialog(m_settings.get(), m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::saved, this, [this] {
        if (m_demo && !m_autoDemo)
            return m_window->statusBar()->showMessage(
                tr("Settings saved. Demo mode keeps using the offline sandbox."));
        for (const auto *tab : m_window->checkoutTabs())
            if (tab->isInFlight())
                return m_window->statusBar()->showMessage(
                    tr("Settings saved. They apply once the bookings in progress are done "
                       "and FlightDesk starts again."));
        QTimer::singleShot(0, this, [this] { start(); }); // after the dialog is gone
    });
    dialog->open();
}

int runDesktop(QApplication &app) {
    QApplication::setApplicationName(QStringLiteral("FlightDesk"));
    QApplication::setOrganizationName(QStringLiteral("FlightDesk"));
    QApplication::setApplicationVersion(QStringLiteral(FLIGHTDESK_VERSION));
    // Docks and Wayland match the window to the installed launcher and its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.flightdesk.FlightDesk"));
    // The window icon (a theme lookup that loads image plugins) comes after the first frame.

    // The language chosen in Settings, else the system's (flightdesk_<lang>.ts).
    installTranslation(desk::makeSettings()->load().language);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("fd::ui", "Book flights for travel agents."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QApplication::translate("fd::ui", "Run against the built-in offline sandbox."));
    const QCommandLineOption scenario(
        QStringLiteral("scenario"),
        QApplication::translate("fd::ui", "Demo: the outcome of the next booking."),
        QStringLiteral("NAME"));
    const QCommandLineOption timingScale(
        QStringLiteral("timing-scale"),
        QApplication::translate("fd::ui", "Training: shrink every waiting time by this factor."),
        QStringLiteral("F"), QStringLiteral("1"));
    parser.addOptions({demo, scenario, timingScale});
    parser.process(app);

    Desktop desktop(parser.isSet(demo), parser.value(scenario),
                    qMax(0.001, parser.value(timingScale).toDouble()));
    desktop.start();
    return QApplication::exec();
}

} // namespace fd::ui
