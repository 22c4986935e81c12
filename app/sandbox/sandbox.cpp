#include "sandbox.h"

#include "service.h"

namespace fd::sandbox {

namespace {
const QString kCatalogue = QStringLiteral(":/sandbox/catalogue.json");
}

Sandbox::Sandbox(Options options, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options)) {
    if (!clock) {
        m_ownClock = std::make_unique<SystemClock>();
        clock = m_ownClock.get();
    }
    auto catalogue = Catalogue::load(kCatalogue);
    if (!catalogue)
        m_loadError = catalogue.error();
    m_service = new Service(catalogue ? std::move(catalogue).value() : Catalogue{}, clock,
                            QStringList{m_options.apiKey} + m_options.extraApiKeys, this);
    m_service->setTimingScale(m_options.timingScale);
    m_service->setFirstOrderNumber(m_options.firstOrderNumber);
    if (m_options.webhookUrl.isValid())
        m_service->setWebhookEndpoint(m_options.webhookUrl, m_options.webhookSecret);
    connect(m_service, &Service::orderChanged, this, &Sandbox::orderChanged);
}

Sandbox::~Sandbox() = default;

Result<quint16> Sandbox::start(quint16 port) {
    if (!m_loadError.code.isEmpty())
        return m_loadError;
    if (m_port != 0)
        return m_port;
    auto bound = m_service->listen(port);
    if (bound)
        m_port = *bound;
    return bound;
}

QUrl Sandbox::baseUrl() const {
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

void Sandbox::setScenario(const Scenario &scenario) {
    m_service->setScenario(scenario);
}

Result<QString> Sandbox::setScenario(const QString &nameOrFile) {
    auto s = Scenario::resolve(nameOrFile);
    if (!s)
        return s.error();
    m_service->setScenario(*s);
    return s->name;
}

const Scenario &Sandbox::scenario() const {
    return m_service->scenario();
}

void Sandbox::setTimingScale(double scale) {
    m_service->setTimingScale(scale);
}

void Sandbox::setWebhookEndpoint(const QUrl &url, const QByteArray &secret) {
    m_service->setWebhookEndpoint(url, secret);
}

void Sandbox::setWalletBalance(const Money &balance) {
    m_service->book().setBalance(balance);
}

Money Sandbox::walletBalance() const {
    return m_service->book().balance();
}

const Ledger &Sandbox::ledger() const {
    return m_service->ledger();
}

QJsonObject Sandbox::ledgerJson() const {
    return m_service->ledgerJson();
}

Result<QJsonObject> Sandbox::changeSchedule(const QString &orderId, int minutes, int slice) {
    const auto order = m_service->changeSchedule(orderId, minutes, slice);
    if (!order.ok())
        return Error{order.error().code, order.error().message};
    return order.value();
}

} // namespace fd::sandbox
