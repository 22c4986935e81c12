// The real desk: each interface of desk.h over one Session.
#include "desk.h"
#include "session.h"

#include "sandbox/sandbox.h"
#include "sandbox/scenario.h"
#include "storage/privatefiles.h"

#include <QDir>
#include <QStandardPaths>
#include <QTimer>

namespace fd::desk {
namespace {

class SessionSearch final : public Search {
public:
    explicit SessionSearch(Session &session)
        : m_session(session) {}

    void searchOffers(const QJsonObject &request, QObject *context, const AttemptLog &log,
                      std::function<void(GatewayResult<QList<Offer>>)> done) override {
        m_session.gateway().searchOffers(request, context, log, std::move(done));
    }
    QString server() const override {
        return m_session.sandbox() ? m_session.sandbox()->baseUrl().toString()
                                   : m_session.options().apiBase.toString();
    }

private:
    Session &m_session;
};

class SessionWallet final : public Wallet {
public:
    explicit SessionWallet(Session &session)
        : m_session(session) {}

    void fetch(QObject *context, std::function<void(GatewayResult<fd::Wallet>)> done) override {
        m_session.gateway().fetchWallet(context, {}, std::move(done));
    }
    bool canTopUp() const override { return m_session.sandbox() != nullptr; }
    void topUp(const Money &amount, QObject *context,
               std::function<void(GatewayResult<fd::Wallet>)> done) override {
        if (canTopUp())
            return m_session.gateway().topUp(amount, context, std::move(done));
        GatewayFailure refused;
        refused.kind = GatewayFailure::Kind::Rejected;
        refused.code = QStringLiteral("FD_NO_TOP_UP");
        refused.message = QStringLiteral("Only the demo wallet can be topped up from FlightDesk; "
                                         "top up in the agency portal.");
        QTimer::singleShot(0, context, [done = std::move(done), refused] { done(refused); });
    }

private:
    Session &m_session;
};

class SessionCheckouts final : public Checkouts {
public:
    explicit SessionCheckouts(Session &session)
        : m_session(session) {}

    Result<CheckoutFlow *> open(const QString &offerId, const QJsonObject &offer,
                                const QList<Passenger> &passengers) override {
        return m_session.openCheckout(offerId, offer, passengers);
    }
    CheckoutFlow *flowFor(qint64 intentId) override { return m_session.flowFor(intentId); }
    Result<Intent> intent(qint64 intentId) const override {
        return m_session.journal().intent(intentId);
    }
    Result<QList<Intent>> unfinished() const override { return m_session.journal().unfinished(); }
    Result<QList<Intent>> outcomesNotShown() const override {
        return m_session.journal().outcomesNotShown();
    }
    Result<std::monostate> markOutcomeShown(qint64 intentId) override {
        return m_session.journal().markOutcomeShown(intentId);
    }

private:
    Session &m_session;
};

class SessionDemo final : public Demo {
public:
    explicit SessionDemo(Session &session)
        : m_session(session) {}

    bool available() const override { return m_session.sandbox() != nullptr; }
    QUrl baseUrl() const override { return available() ? m_session.sandbox()->baseUrl() : QUrl(); }
    QString scenario() const override {
        return available() ? m_session.sandbox()->scenario().name : QString();
    }
    QStringList scenarioNames() const override {
        return available() ? sandbox::Scenario::builtInNames() : QStringList();
    }
    Result<std::monostate> setScenario(const QString &nameOrFile) override {
        if (!available())
            return Error{QStringLiteral("no_demo"),
                         QStringLiteral("scenarios exist only in demo mode")};
        if (auto set = m_session.sandbox()->setScenario(nameOrFile); !set)
            return set.error();
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
        , m_orders(makeOrders(session.journal()))
        , m_demo(session) {}

    Search &search() override { return m_search; }
    Wallet &wallet() override { return m_wallet; }
    Checkouts &checkouts() override { return m_checkouts; }
    Orders &orders() override { return *m_orders; }
    Demo &demo() override { return m_demo; }
    const Clock &clock() const override { return m_session.clock(); }

private:
    std::unique_ptr<Session> m_owned; // declared first: it goes after everything that uses it
    Session &m_session;
    SessionSearch m_search;
    SessionWallet m_wallet;
    SessionCheckouts m_checkouts;
    std::unique_ptr<Orders> m_orders;
    SessionDemo m_demo;
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

QString privateDataFile(const QString &fileName) {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    privatefiles::makeFolder(dir);      // a failure shows when the file cannot be opened there
    privatefiles::restrictToOwner(dir); // ours alone (~/.local/share/FlightDesk)
    return QDir(dir).filePath(fileName);
}

} // namespace fd::desk
