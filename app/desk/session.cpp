#include "session.h"

#include <QRandomGenerator>

namespace fd {

Session::Session(SessionOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_journal(&m_clock)
    , m_leaseOwner(OrderJournal::makeOwnerId()) {}

Session::~Session() {
    for (const auto &flow : std::as_const(m_flows))
        delete flow.data(); // before the journal and gateway they use
}

Result<std::unique_ptr<Session>> Session::open(SessionOptions options, QObject *parent) {
    std::unique_ptr<Session> s(new Session(std::move(options), parent));
    if (auto started = s->start(); !started)
        return started.error();
    return s;
}

TimingPolicy Session::timing() const {
    TimingPolicy t;
    t.scale = m_options.timingScale;
    t.requestTimeout = std::chrono::seconds(m_options.requestTimeoutSeconds);
    return t;
}

Result<std::monostate> Session::start() {
    if (m_options.journalPath.isEmpty())
        return Error{QStringLiteral("usage"), QStringLiteral("--journal PATH is required")};
    if (auto opened = m_journal.open(m_options.journalPath); !opened)
        return opened.error();

    QString webhookListen = m_options.webhookListen;
    QByteArray secret = m_options.webhookSecret;
    if (m_options.demo && webhookListen.isEmpty()) {
        webhookListen = QStringLiteral("127.0.0.1:0");
        secret = QByteArray::number(QRandomGenerator::system()->generate64(), 16) +
                 QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    }
    if (!webhookListen.isEmpty()) {
        const qsizetype colon = webhookListen.lastIndexOf(QLatin1Char(':'));
        bool portOk = false;
        const quint16 port = webhookListen.mid(colon + 1).toUShort(&portOk);
        const QHostAddress address(
            webhookListen.left(colon).remove(QLatin1Char('[')).remove(QLatin1Char(']')));
        if (colon <= 0 || !portOk || address.isNull())
            return Error{QStringLiteral("usage"),
                         QStringLiteral("--webhook-listen must be HOST:PORT, e.g. 127.0.0.1:8787")};
        if (secret.isEmpty())
            return Error{QStringLiteral("usage"),
                         QStringLiteral("a webhook secret is required with --webhook-listen "
                                        "(FLIGHTDESK_WEBHOOK_SECRET or --webhook-secret-file)")};
        WebhookReceiver::Options o;
        o.address = address;
        o.port = port;
        o.secret = secret;
        o.allowPublic = m_options.webhookListenPublic;
        m_receiver = std::make_unique<WebhookReceiver>(o, &m_journal, &m_clock);
        if (auto bound = m_receiver->start(); !bound)
            return bound.error();
        connect(m_receiver.get(), &WebhookReceiver::orderEvent, this, &Session::routeOrderEvent);
    }

    QUrl base = m_options.apiBase;
    QString key = m_options.apiKey;
    if (m_options.demo) {
        sandbox::SandboxOptions so;
        so.timingScale = m_options.timingScale;
        if (m_receiver) {
            so.webhookUrl = m_receiver->url();
            so.webhookSecret = secret;
        }
        m_sandbox = std::make_unique<sandbox::Sandbox>(so, &m_clock);
        if (auto bound = m_sandbox->start(); !bound)
            return bound.error();
        if (!m_options.demoScenario.isEmpty())
            if (auto picked = m_sandbox->setScenario(m_options.demoScenario); !picked)
                return picked.error();
        base = m_sandbox->baseUrl();
        key = m_sandbox->apiKey();
    }
    TravelbaseGateway::Options go;
    go.baseUrl = base;
    go.apiKey = key;
    go.timing = timing();
    auto gateway = TravelbaseGateway::create(go, &m_clock, &m_scheduler);
    if (!gateway)
        return gateway.error();
    m_gateway = std::move(gateway).value();
    return std::monostate{};
}

Result<CheckoutFlow *> Session::openCheckout(const QString &offerId, const QJsonObject &offer,
                                             const QList<Passenger> &passengers) {
    QJsonArray people;
    for (const Passenger &p : passengers) {
        QJsonObject o = p.toJson();
        if (!p.type.isEmpty())
            o.insert(QStringLiteral("type"), p.type);
        people.append(o);
    }
    auto intent = m_journal.createIntent(offerId, offer, people, m_gateway->providerId());
    if (!intent)
        return intent.error();
    return flowFor(intent->id);
}

CheckoutFlow *Session::flowFor(qint64 intentId) {
    CheckoutFlow::Deps d{m_gateway.get(), &m_journal, &m_clock,
                         &m_scheduler,    timing(),   m_leaseOwner};
    auto *flow = new CheckoutFlow(d, intentId);
    m_flows.removeAll(nullptr);
    m_flows.append(flow);
    Q_EMIT flowCreated(flow);
    return flow;
}

void Session::routeOrderEvent(const OrderSnapshot &order) {
    for (const auto &flow : std::as_const(m_flows))
        if (flow)
            flow->orderUpdated(order);
}

} // namespace fd
