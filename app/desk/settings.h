#pragma once

#include "core/bookinggateway.h"
#include "core/desksettings.h"
#include "core/offer.h"
#include "core/result.h"

#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <variant>

class QObject;

namespace fd {
class SettingsStore;
}

namespace fd::desk {

// The values a connection test uses, as the agent entered them (nothing saved yet).
struct ConnectionTest {
    QString provider; // a registered provider id (desk/providers.h)
    QUrl apiBase;
    QString apiKey;
    int requestTimeoutSeconds = 30;
};

// What a test of the agency journal found: the database answered, with this schema and this
// many checkout intents (orders) in it.
struct JournalSummary {
    int schemaVersion = 0;
    qint64 orders = 0;
};

// The desk's settings: plain values, the secrets - one API key per provider and the webhook
// secret - (system keychain first, an owner-only file
// only with the agent's consent), and a test of a connection before it is saved. Asynchronous
// like the keychain: every `done` runs later on `context`'s thread, unless `context` is gone.
class Settings {
public:
    virtual ~Settings() = default;

    virtual DeskSettings load() const = 0;
    virtual Result<std::monostate> save(const DeskSettings &settings) = 0;

    // From where it was stored; an empty value with backend None when there is none.
    virtual void readSecret(const SecretRef &secret, QObject *context,
                            std::function<void(Result<StoredSecret>)> done) = 0;
    // Keychain first. When the keychain fails: with AllowFileFallback::Yes the secret goes to
    // the owner-only file; with No nothing is written and the error's code is
    // "keychain_unavailable" (ask the agent, then call again with Yes). Empty erases it.
    virtual void storeSecret(const SecretRef &secret, const QString &value,
                             AllowFileFallback fallback, QObject *context,
                             std::function<void(Result<SecretBackend>)> done) = 0;
    // The fallback file of a secret, whether or not it exists (the dialog names it).
    virtual QString fallbackFile(const SecretRef &secret) const = 0;

    // Asks the provider's server for the wallet with these values, giving up fast (a short retry
    // budget; each request still gets the timeout asked for). An error when the values cannot even
    // be tried (an unknown provider, plain http to a remote host, no key); otherwise `done` gets
    // the wallet or why not.
    virtual Result<std::monostate>
    testConnection(const ConnectionTest &test, QObject *context,
                   std::function<void(GatewayResult<fd::Wallet>)> done) = 0;

    // Opens the agency journal at `url` with `password` (empty: libpq's PGPASSWORD or
    // ~/.pgpass) on a worker thread - the GUI thread never waits for the database - and
    // reads its schema version and order count. An error at once when the URL is unusable
    // (checkAgencyUrl); otherwise `done` gets the summary or why the journal cannot be used.
    // Like the desk's own open, an empty database gets the journal's tables.
    virtual Result<std::monostate>
    testJournal(const QString &url, const QString &password, QObject *context,
                std::function<void(Result<JournalSummary>)> done) = 0;
};

// Whether `text` can be the agency journal's URL: its error's code is "empty", "not_a_url"
// (not postgresql://...), "password" (the URL carries one: it belongs in the keychain) or
// "invalid" (the message says what, in English).
Result<std::monostate> checkAgencyUrl(const QString &text);
// Whether a journal location is the agency's database (a postgresql:// URL), not a file.
bool isAgencyJournal(const QString &location);

// Whether `url` can be an API base: https, or plain http to this computer only.
bool isUsableBaseUrl(const QUrl &url);

// Opens the agency journal at `url` on a worker thread, as testJournal() does, without counting
// its orders: a desk starting on it (the window says it is connecting meanwhile). `done` gets
// the schema version or why the journal cannot be used, on `context`'s thread.
Result<std::monostate> reachJournalLater(const QString &url, const QString &password,
                                         QObject *context, std::function<void(Result<int>)> done);

// For the headless commands: the password of the agency journal at `location`, as the desk's
// Settings keep it (keychain, or the owner-only file the agent agreed to), when `location` is the
// agency journal saved in `settings` (same host, port, user and database). Empty when it is not
// (libpq then reads PGPASSWORD or ~/.pgpass), so a URL typed on a command line can never make the
// desk send the agency's password to another server. Blocks the calling thread (a local event
// loop, at most `waitMs`) until the keychain answers; an error only when the keychain failed.
Result<QString> savedAgencyPassword(const QString &location, Settings &settings,
                                    int waitMs = 30000);

// The user's settings (~/.config/FlightDesk) and the system keychain.
std::unique_ptr<Settings> makeSettings();
// Over a store someone else owns and keeps alive (tests: a temporary file, a fake keychain).
std::unique_ptr<Settings> makeSettings(SettingsStore &store);

} // namespace fd::desk
