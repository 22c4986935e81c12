#include "settings.h"

#include "api/travelbasegateway.h"
#include "core/scheduler.h"
#include "providerlink.h"
#include "storage/journallocation.h"
#include "storage/orderjournal.h"
#include "storage/settingsstore.h"

#include <QEventLoop>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <optional>

namespace fd::desk {
namespace {

// Connection tests give up fast: the retry waits and their budget shrink to a fiftieth
// (about 2 s in all), while each request still gets the timeout the agent chose.
constexpr double kTestRetryScale = 0.02;

// One connection test: a gateway and what it runs on, a child of the caller's context, so a
// dialog closed mid-test takes its test along.
class ConnectionProbe final : public QObject {
    Q_DISABLE_COPY_MOVE(ConnectionProbe)

public:
    explicit ConnectionProbe(QObject *parent)
        : QObject(parent) {}

    SystemClock clock;
    QtScheduler scheduler;
    std::unique_ptr<ProviderLink> link; // declared last: it goes first
};

// Runs on the worker thread: the journal's connection is made, used and removed there.
// `count`: also how many orders it holds (a connection test shows it; a start does not need it).
Result<JournalSummary> probeJournal(const QString &url, const QString &password, bool count) {
    OrderJournal journal;
    journal.setPassword(password);
    if (auto opened = journal.open(url); !opened)
        return opened.error();
    const auto version = journal.schemaVersion();
    if (!version)
        return version.error();
    if (!count)
        return JournalSummary{*version, 0};
    const auto orders = journal.count();
    if (!orders)
        return orders.error();
    return JournalSummary{*version, *orders};
}

// The caller's end of a journal probe: a child of its context, so a dialog closed mid-test
// drops the answer (the worker finishes alone: libpq gives up after connect_timeout).
class JournalProbe final : public QObject {
    Q_DISABLE_COPY_MOVE(JournalProbe)

public:
    explicit JournalProbe(QObject *parent)
        : QObject(parent) {}
};

// probeJournal on a worker thread of its own, `done` on `context`'s thread unless it is gone.
Result<std::monostate> probeJournalLater(const QString &url, const QString &password, bool count,
                                         QObject *context,
                                         std::function<void(Result<JournalSummary>)> done) {
    if (auto usable = checkAgencyUrl(url); !usable)
        return usable;
    auto result = std::make_shared<Result<JournalSummary>>(JournalSummary{});
    QThread *worker = QThread::create(
        [result, url, password, count] { *result = probeJournal(url, password, count); });
    auto *probe = new JournalProbe(context);
    QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    QObject::connect(worker, &QThread::finished, probe, [probe, result, done = std::move(done)] {
        probe->deleteLater();
        done(*result);
    });
    worker->start();
    return std::monostate{};
}

class StoreSettings final : public Settings {
public:
    explicit StoreSettings(SettingsStore &store, std::unique_ptr<SettingsStore> owned = {})
        : m_owned(std::move(owned))
        , m_store(store) {}

    DeskSettings load() const override { return m_store.load(); }
    Result<std::monostate> save(const DeskSettings &settings) override {
        return m_store.save(settings);
    }
    void readSecret(const SecretRef &secret, QObject *context,
                    std::function<void(Result<StoredSecret>)> done) override {
        m_store.readSecret(secret, context, std::move(done));
    }
    void storeSecret(const SecretRef &secret, const QString &value, AllowFileFallback fallback,
                     QObject *context, std::function<void(Result<SecretBackend>)> done) override {
        m_store.storeSecret(secret, value, fallback, context, std::move(done));
    }
    QString fallbackFile(const SecretRef &secret) const override {
        return m_store.fallbackFile(secret);
    }

    Result<std::monostate>
    testConnection(const ConnectionTest &test, QObject *context,
                   std::function<void(GatewayResult<fd::Wallet>)> done) override {
        auto *probe = new ConnectionProbe(context);
        LinkOptions o;
        o.apiBase = test.apiBase;
        o.apiKey = test.apiKey;
        o.timing.scale = kTestRetryScale;
        o.timing.requestTimeout = std::chrono::seconds(test.requestTimeoutSeconds);
        auto link = connectProvider(test.provider, o, &probe->clock, &probe->scheduler);
        if (!link) {
            delete probe;
            return link.error();
        }
        probe->link = std::move(link).value();
        probe->link->gateway().fetchWallet(
            probe, {}, [probe, done = std::move(done)](GatewayResult<fd::Wallet> r) {
                probe->deleteLater(); // we are inside its reply's slot
                done(std::move(r));
            });
        return std::monostate{};
    }

    Result<std::monostate> testJournal(const QString &url, const QString &password,
                                       QObject *context,
                                       std::function<void(Result<JournalSummary>)> done) override {
        return probeJournalLater(url, password, /*count=*/true, context, std::move(done));
    }

private:
    std::unique_ptr<SettingsStore> m_owned; // when made here
    SettingsStore &m_store;
};

} // namespace

bool isUsableBaseUrl(const QUrl &url) {
    return TravelbaseGateway::checkBaseUrl(url).ok();
}

Result<std::monostate> checkAgencyUrl(const QString &text) {
    const QString url = text.trimmed();
    if (url.isEmpty())
        return Error{QStringLiteral("empty"), QStringLiteral("No URL given")};
    if (!JournalLocation::looksLikeUrl(url))
        return Error{QStringLiteral("not_a_url"), QStringLiteral("Not a postgresql:// URL")};
    if (!QUrl(url).password().isEmpty())
        return Error{QStringLiteral("password"), QStringLiteral("The URL contains a password")};
    if (auto parsed = JournalLocation::parse(url); !parsed)
        return Error{QStringLiteral("invalid"), parsed.error().message};
    return std::monostate{};
}

bool isAgencyJournal(const QString &location) {
    return JournalLocation::looksLikeUrl(location.trimmed());
}

std::unique_ptr<Settings> makeSettings() {
    auto store = std::make_unique<SettingsStore>(SettingsStore::Options{});
    SettingsStore &s = *store;
    return std::make_unique<StoreSettings>(s, std::move(store));
}

std::unique_ptr<Settings> makeSettings(SettingsStore &store) {
    return std::make_unique<StoreSettings>(store);
}

Result<QString> savedAgencyPassword(const QString &location, Settings &settings, int waitMs) {
    const auto wanted = JournalLocation::parse(location);
    const DeskSettings saved = settings.load();
    if (!wanted || !wanted->isPostgres() || saved.journal != JournalKind::Agency)
        return QString();
    const auto agency = JournalLocation::parse(saved.agencyUrl.trimmed());
    if (!agency || !agency->isPostgres() || agency->host != wanted->host ||
        agency->port != wanted->port || agency->user != wanted->user ||
        agency->database != wanted->database)
        return QString();
    std::optional<Result<StoredSecret>> read;
    QEventLoop loop;
    QObject context;
    settings.readSecret(SecretRef::journalPassword(), &context,
                        [&read, &loop](Result<StoredSecret> r) {
                            read = std::move(r);
                            loop.quit();
                        });
    if (!read) {
        QTimer::singleShot(waitMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!read)
        return Error{QStringLiteral("keychain_timeout"),
                     QStringLiteral("The keychain did not answer for the agency journal's "
                                    "password")};
    if (!*read)
        return read->error();
    return (*read)->value;
}

Result<std::monostate> reachJournalLater(const QString &url, const QString &password,
                                         QObject *context, std::function<void(Result<int>)> done) {
    return probeJournalLater(url, password, /*count=*/false, context,
                             [done = std::move(done)](const Result<JournalSummary> &reached) {
                                 done(reached ? Result<int>(reached->schemaVersion)
                                              : Result<int>(reached.error()));
                             });
}

} // namespace fd::desk
