// The real desk: each interface of desk.h over one Session.
#include "desk.h"
#include "providers.h"
#include "session.h"

#include "net/serving.h"
#include "storage/privatefiles.h"

#include <QDir>
#include <QStandardPaths>
#include <QTimer>

namespace fd::desk {
namespace {

GatewayFailure notConnected(const QString &provider) {
    GatewayFailure f;
    f.kind = GatewayFailure::Kind::Rejected;
    f.code = QStringLiteral("FD_PROVIDER_NOT_CONNECTED");
    f.message = QStringLiteral("This desk is not connected to %1: enable it in Settings.")
                    .arg(providerName(provider));
    return f;
}

template <typename T>
void failLater(QObject *context, std::function<void(GatewayResult<T>)> done, GatewayFailure f) {
    QTimer::singleShot(0, context, [done = std::move(done), f] { done(f); });
}

class SessionSearch final : public Search {
public:
    explicit SessionSearch(Session &session)
        : m_session(session) {}

    QStringList providers() const override { return m_session.providers(); }
    void searchOffers(const QString &provider, const QJsonObject &request, QObject *context,
                      const AttemptLog &log,
                      std::function<void(GatewayResult<QList<Offer>>)> done) override {
        if (auto *link = m_session.link(provider))
            return link->searchOffers(request, context, log, std::move(done));
        failLater(context, std::move(done), notConnected(provider));
    }
    void suggestPlaces(const QString &provider, const QString &query, QObject *context,
                       std::function<void(GatewayResult<QList<Place>>)> done) override {
        if (auto *link = m_session.link(provider))
            return link->suggestPlaces(query, context, {}, std::move(done));
        failLater(context, std::move(done), notConnected(provider));
    }
    QStringList unavailable() const override {
        QStringList out;
        for (const auto &[provider, e] : m_session.unavailable())
            out << providerName(provider) + QStringLiteral(": ") + e.message;
        return out;
    }
    QString server(const QString &provider) const override {
        auto *link = m_session.link(provider);
        return link ? link->baseUrl().toString() : QString();
    }

private:
    Session &m_session;
};

class SessionWallet final : public Wallet {
public:
    explicit SessionWallet(Session &session)
        : m_session(session) {}

    void fetch(const QString &provider, QObject *context,
               std::function<void(GatewayResult<fd::Wallet>)> done) override {
        if (auto *link = m_session.link(provider))
            return link->gateway().fetchWallet(context, {}, std::move(done));
        failLater(context, std::move(done), notConnected(provider));
    }
    bool canTopUp(const QString &provider) const override {
        auto *link = m_session.link(provider);
        return link && link->demoSandbox() != nullptr;
    }
    void topUp(const QString &provider, const Money &amount, QObject *context,
               std::function<void(GatewayResult<fd::Wallet>)> done) override {
        if (auto *link = m_session.link(provider))
            return link->topUp(amount, context, std::move(done));
        failLater(context, std::move(done), notConnected(provider));
    }

private:
    Session &m_session;
};

class SessionCheckouts final : public Checkouts {
public:
    explicit SessionCheckouts(Session &session)
        : m_session(session) {}

    Result<CheckoutFlow *> open(const QString &provider, const QString &offerId,
                                const QJsonObject &offer,
                                const QList<Passenger> &passengers) override {
        return m_session.openCheckout(provider, offerId, offer, passengers);
    }
    CheckoutFlow *flowFor(qint64 intentId) override { return m_session.flowFor(intentId); }
    CheckoutFlow *flowForIntent(const Intent &intent) override { return m_session.flowFor(intent); }
    Result<Intent> intent(qint64 intentId) const override {
        return m_session.journal().intent(intentId);
    }
    void openLater(const QString &provider, const QString &offerId, const QJsonObject &offer,
                   const QList<Passenger> &passengers, QObject *context,
                   std::function<void(Result<CheckoutFlow *>)> done) override {
        m_session.openCheckoutLater(provider, offerId, offer, passengers, context, std::move(done));
    }
    void readIntent(qint64 intentId, QObject *context,
                    std::function<void(Result<Intent>)> done) override {
        OrderJournal *journal = &m_session.journal();
        m_session.journalQueue().run<Result<Intent>>(
            context, [journal, intentId] { return journal->intent(intentId); }, std::move(done));
    }
    void readLeftOpen(QObject *context, std::function<void(Result<LeftOpen>)> done) override {
        OrderJournal *journal = &m_session.journal();
        m_session.journalQueue().run<Result<LeftOpen>>(
            context,
            [journal] { return leftOpen(journal->outcomesNotShown(), journal->unfinished()); },
            std::move(done));
    }
    Result<QList<Intent>> unfinished() const override { return m_session.journal().unfinished(); }
    Result<QList<Intent>> outcomesNotShown() const override {
        return m_session.journal().outcomesNotShown();
    }
    Result<std::monostate> markOutcomeShown(qint64 intentId) override {
        OrderJournal *journal = &m_session.journal();
        m_session.journalQueue().write(
            [journal, intentId](CheckoutJournal &) { journal->markOutcomeShown(intentId); });
        return std::monostate{};
    }

private:
    Session &m_session;
};

class SessionCancellations final : public Cancellations {
public:
    explicit SessionCancellations(Session &session)
        : m_session(session) {}

    Result<CancellationFlow *> open(const QString &provider) override {
        if (auto *flow = m_session.openCancellation(provider))
            return flow;
        return Error{QStringLiteral("FD_PROVIDER_NOT_CONNECTED"), notConnected(provider).message};
    }
    Result<QList<CancellationRecord>> unfinished() const override {
        return m_session.journal().unfinishedCancellations();
    }
    void readUnfinished(QObject *context,
                        std::function<void(Result<QList<CancellationRecord>>)> done) override {
        OrderJournal *journal = &m_session.journal();
        m_session.journalQueue().run<Result<QList<CancellationRecord>>>(
            context, [journal] { return journal->unfinishedCancellations(); }, std::move(done));
    }

private:
    Session &m_session;
};

class SessionDemo final : public Demo {
public:
    explicit SessionDemo(Session &session)
        : m_session(session) {}

    bool available() const override { return m_session.options().demo; }
    QUrl baseUrl(const QString &provider) const override {
        auto *link = m_session.link(provider);
        return link && link->demoSandbox() ? link->baseUrl() : QUrl();
    }
    QString scenario() const override {
        return available() ? m_session.firstLink().scenario() : QString();
    }
    QStringList scenarioNames() const override {
        QStringList names;
        for (const QString &id : m_session.providers())
            for (const QString &n : m_session.link(id)->scenarioNames())
                if (!names.contains(n))
                    names.append(n);
        return names;
    }
    Result<std::monostate> setScenario(const QString &nameOrFile) override {
        if (!available())
            return Error{QStringLiteral("no_demo"),
                         QStringLiteral("scenarios exist only in demo mode")};
        bool applied = false;
        for (const QString &id : m_session.providers()) {
            auto set = m_session.link(id)->setScenario(nameOrFile);
            if (!set)
                return set.error();
            applied = applied || *set;
        }
        if (!applied)
            return Error{QStringLiteral("unknown_scenario"),
                         QStringLiteral("No demo scenario \"%1\" (built in: %2)")
                             .arg(nameOrFile.left(80), scenarioNames().join(QStringLiteral(", ")))};
        return std::monostate{};
    }

private:
    Session &m_session;
};

class SessionDesk final : public Desk {
public:
    explicit SessionDesk(Session &session, std::unique_ptr<Session> owned = {})
        : m_owned(std::move(owned))
        , m_session(session)
        , m_search(session)
        , m_wallet(session)
        , m_checkouts(session)
        , m_cancellations(session)
        , m_orders(makeOrders(session.journal(), session.journalQueue()))
        , m_demo(session)
        , m_contacts(makeContacts([&session](const QString &provider) -> BookingGateway * {
            auto *link = session.link(provider);
            return link ? &link->gateway() : nullptr;
        }))
        , m_scheduleChanges(
              makeScheduleChanges(session.journal(), &session.journalQueue(), &session)) {}

    Search &search() override { return m_search; }
    Wallet &wallet() override { return m_wallet; }
    Checkouts &checkouts() override { return m_checkouts; }
    Cancellations &cancellations() override { return m_cancellations; }
    Orders &orders() override { return *m_orders; }
    Demo &demo() override { return m_demo; }
    Contacts &contacts() override { return *m_contacts; }
    ScheduleChanges &scheduleChanges() override { return *m_scheduleChanges; }
    const Clock &clock() const override { return m_session.clock(); }

private:
    std::unique_ptr<Session> m_owned; // declared first: it goes after everything that uses it
    Session &m_session;
    SessionSearch m_search;
    SessionWallet m_wallet;
    SessionCheckouts m_checkouts;
    SessionCancellations m_cancellations;
    std::unique_ptr<Orders> m_orders;
    SessionDemo m_demo;
    std::unique_ptr<Contacts> m_contacts;
    std::unique_ptr<ScheduleChanges> m_scheduleChanges;
};

} // namespace

Result<std::unique_ptr<Desk>> makeDesk(SessionOptions options) {
    auto session = Session::open(std::move(options));
    if (!session)
        return session.error();
    Session &s = **session;
    return std::unique_ptr<Desk>(std::make_unique<SessionDesk>(s, std::move(session).value()));
}

std::unique_ptr<Desk> makeDesk(Session &session) {
    return std::make_unique<SessionDesk>(session);
}

void holdServing() {
    net::holdServing();
}

void releaseServing() {
    net::releaseServing();
}

QString privateDataFile(const QString &fileName) {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    privatefiles::makeFolder(dir);      // a failure shows when the file cannot be opened there
    privatefiles::restrictToOwner(dir); // ours alone (~/.local/share/FlightDesk)
    return QDir(dir).filePath(fileName);
}

} // namespace fd::desk
