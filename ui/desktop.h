#pragma once

#include "desk/sessionoptions.h"

#include "core/result.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QApplication;

namespace fd::desk {
class Desk;
class Profiles;
class Settings;
} // namespace fd::desk

namespace fd::ui {

class MainWindow;
class ProfileBook;

// Parses the desktop's command line (--demo, --help) and runs the window until it closes.
int runDesktop(QApplication &app);

// The session the saved settings describe: every provider in use (enabled, with a base URL),
// in the registry's order, the first as provider/apiBase/apiKey and the others in
// moreProviders, each with its API key from the keychain; the webhook receiver and its secret;
// the timing; with the agency journal chosen, its URL as journalPath and its password from the
// keychain (ThisDesk leaves journalPath empty for the caller: the file in the data folder).
// The secrets are read asynchronously: `done` runs later on `context`'s thread - at once, with
// nullopt, when no provider is in use.
void savedSessionOptions(desk::Settings &settings, QObject *context,
                         std::function<void(std::optional<SessionOptions>)> done);

// Owns the desk and its window, and rebuilds both when the settings change (never while a
// booking is in flight: that one keeps its connection until it is done). When the desk
// cannot open - the agency journal is unreachable, no provider can be connected - the
// window still opens, without search or bookings, and says what to fix in Settings.
class Desktop final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Desktop)

public:
    // The user's settings and keychain.
    Desktop(bool demo, QString scenario, double timingScale);
    // Over other settings (tests: a temporary INI and a fake keychain).
    Desktop(std::unique_ptr<desk::Settings> settings, double timingScale);
    ~Desktop() override;

    // Reads the settings (asynchronously: the keychain) and opens the desk and its window.
    void start();
    MainWindow *window() const { return m_window.get(); }
    desk::Desk *desk() const { return m_desk.get(); } // nullptr when it could not open

Q_SIGNALS:
    void windowOpened(); // after each start(), once the window is shown

private:
    // With the agency journal, the window first says it is connecting while the database is
    // reached on a worker thread (a server that does not answer never holds a blank screen);
    // then openNow().
    void open(const SessionOptions &o);
    // `journalFailure`: the agency journal could not be reached (no desk is opened).
    void openNow(const SessionOptions &o, const std::optional<Error> &journalFailure);
    void showSettings();
    // What the window says when the desk could not open.
    static QString startProblem(const SessionOptions &o, const Error &e);

    bool m_demo = false;
    bool m_autoDemo = false; // demo only because nothing was configured yet
    bool m_iconSet = false;  // the window icon, set once after the first frame
    QString m_scenario;
    double m_timingScale = 1.0;
    std::unique_ptr<desk::Settings> m_settings;
    quint64 m_openSerial = 0; // a later start() makes an earlier journal check's answer stale
    // Declared before the window: the window (and the flows in its tabs) go first.
    std::unique_ptr<desk::Desk> m_desk;
    // The traveller profiles of the desk's file (a demo desk has its own), kept across starts.
    QString m_profilesFile;
    std::unique_ptr<desk::Profiles> m_profiles;
    std::unique_ptr<ProfileBook> m_profileBook;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace fd::ui
