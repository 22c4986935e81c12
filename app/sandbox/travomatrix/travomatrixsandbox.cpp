#include "travomatrixsandbox.h"

#include "tmxservice.h"

namespace fd::sandbox {

namespace {
// The Travelbase sandbox's catalogue: the same routes and prices, sold as Travomatrix fares.
const QString kCatalogue = QStringLiteral(":/sandbox/catalogue.json");
} // namespace

TravomatrixSandbox::TravomatrixSandbox(Options options, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options)) {
    if (!clock) {
        m_ownClock = std::make_unique<SystemClock>();
        clock = m_ownClock.get();
    }
    auto catalogue = Catalogue::load(kCatalogue);
    if (!catalogue)
        m_loadError = catalogue.error();
    m_service = new tmx::Service(catalogue ? std::move(catalogue).value() : Catalogue{}, clock,
                                 QStringList{m_options.apiKey} + m_options.extraApiKeys, this);
    m_service->setTimingScale(m_options.timingScale);
    m_service->book().setFirstBookingNumber(m_options.firstOrderNumber);
    connect(m_service, &tmx::Service::bookingChanged, this, &TravomatrixSandbox::bookingChanged);
}

TravomatrixSandbox::~TravomatrixSandbox() = default;

Result<quint16> TravomatrixSandbox::start(quint16 port) {
    if (!m_loadError.code.isEmpty())
        return m_loadError;
    if (m_port != 0)
        return m_port;
    auto bound = m_service->listen(port);
    if (bound)
        m_port = *bound;
    return bound;
}

QUrl TravomatrixSandbox::baseUrl() const {
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

void TravomatrixSandbox::setScenario(const Scenario &scenario) {
    m_service->setScenario(scenario);
}

Result<QString> TravomatrixSandbox::setScenario(const QString &nameOrFile) {
    auto s = Scenario::resolve(nameOrFile);
    if (!s)
        return s.error();
    m_service->setScenario(*s);
    return s->name;
}

const TravomatrixSandbox::Scenario &TravomatrixSandbox::scenario() const {
    return m_service->scenario();
}

void TravomatrixSandbox::setTimingScale(double scale) {
    m_service->setTimingScale(scale);
}

void TravomatrixSandbox::setWalletBalance(const Money &balance) {
    m_service->book().setBalance(balance);
}

Money TravomatrixSandbox::walletBalance() const {
    return m_service->book().balance();
}

const Ledger &TravomatrixSandbox::ledger() const {
    return m_service->ledger();
}

QJsonObject TravomatrixSandbox::ledgerJson() const {
    return m_service->ledgerJson();
}

} // namespace fd::sandbox
