#include "session.h"

#include "providers.h"

#include "sandbox/sandbox.h"
#include "sandbox/travomatrix/travomatrixsandbox.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

namespace fd {

namespace {
Q_LOGGING_CATEGORY(lcSession, "flightdesk.session")
} // namespace

Session::Session(SessionOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_journal(&m_clock)
    , m_journalQueue(std::make_unique<JournalQueue>(&m_journal))
    , m_leaseOwner(OrderJournal::makeOwnerId()) {}

Session::~Session() {
    stopReceiver(); // no event arrives for a flow that is gone
    for (const auto &flow : std::as_const(m_flows))
        delete flow.data(); // before the journal and gateway they use
    m_journalQueue.reset(); // what the flows queued is written before the journal closes
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
    m_journal.setPassword(m_options.journalPassword);
    // The whole-file check of a SQLite journal runs as the journal thread's first job, so the
    // window's first frame does not wait for every page to be read; every write waits for it.
    if (auto opened = m_journal.open(m_options.journalPath, journalschema::Integrity::Later);
        !opened)
        return opened.error();
    m_journalQueue->write([journal = &m_journal](CheckoutJournal &) {
        if (auto whole = journal->verify(); !whole)
            qWarning("%s", qUtf8Printable(whole.error().message));
    });

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
        // Recorded on the journal's thread, behind the flows' writes: one connection writes
        // (SQLite syncs the folder once per connection), and an event never overtakes them.
        o.runJournalCall = [queue = m_journalQueue.get()](WebhookReceiver::Options::JournalCall c) {
            return queue->call<Result<WebhookResult>>(std::move(c));
        };
        if (auto started = startReceiver(o); !started)
            return started;
    }

    // The first provider, then the others; in demo mode every registered provider, each with
    // its own sandbox.
    QList<ProviderConnection> connections{
        {m_options.provider, m_options.apiBase, m_options.apiKey}};
    if (m_options.demo) {
        for (const QString &id : desk::providerIds())
            if (id != m_options.provider)
                connections.append({id, {}, {}});
    } else {
        connections.append(m_options.moreProviders);
    }
    for (const ProviderConnection &c : std::as_const(connections)) {
        if (link(c.provider))
            continue; // named twice: the first connection wins
        desk::LinkOptions lo;
        lo.apiBase = c.apiBase;
        lo.apiKey = c.apiKey;
        lo.timing = timing();
        lo.demo = m_options.demo;
        lo.demoScenario = m_options.demoScenario;
        if (m_receiver) {
            lo.webhookUrl = m_webhookUrl;
            lo.webhookSecret = secret;
        }
        auto connected = desk::connectProvider(c.provider, lo, &m_clock, &m_scheduler);
        if (!connected) {
            // A demo sandbox that cannot start is the desk's failure. A live provider that
            // cannot be reached as configured (no key, a bad URL) is left out and named, so
            // one misconfigured provider never keeps the agent from the others.
            const Error &e = connected.error();
            if (m_options.demo)
                return Error{e.code,
                             desk::providerName(c.provider) + QStringLiteral(": ") + e.message};
            m_unavailable.append({c.provider, e});
            continue;
        }
        (*connected)
            ->gateway()
            .observeOrderReads(
                [this, id = c.provider](const OrderSnapshot &order) { noteOrderRead(id, order); });
        m_links.push_back(std::move(connected).value());
    }
    if (m_links.empty()) {
        if (m_unavailable.size() == 1)
            return m_unavailable.first().second;
        QStringList reasons;
        for (const auto &[provider, e] : std::as_const(m_unavailable))
            reasons << desk::providerName(provider) + QStringLiteral(": ") + e.message;
        return Error{m_unavailable.first().second.code, reasons.join(QLatin1Char(' '))};
    }
    if (m_options.demo && !m_options.demoScenario.isEmpty()) {
        bool known = false;
        for (const auto &l : m_links)
            known = known || l->scenario() == m_options.demoScenario ||
                    QFileInfo::exists(m_options.demoScenario);
        if (!known)
            return Error{QStringLiteral("unknown_scenario"),
                         QStringLiteral("No demo scenario \"%1\" (built in: %2)")
                             .arg(m_options.demoScenario.left(80), scenarioNames())};
    }
    return std::monostate{};
}

QString Session::scenarioNames() const {
    QStringList names;
    for (const auto &l : m_links)
        for (const QString &n : l->scenarioNames())
            if (!names.contains(n))
                names.append(n);
    return names.join(QStringLiteral(", "));
}

QStringList Session::providers() const {
    QStringList ids;
    for (const auto &l : m_links)
        ids.append(l->providerId());
    return ids;
}

desk::ProviderLink *Session::link(const QString &providerId) {
    for (const auto &l : m_links)
        if (l->providerId() == providerId)
            return l.get();
    return nullptr;
}

sandbox::Sandbox *Session::sandbox() {
    auto *l = link(QStringLiteral("travelbase"));
    return l ? qobject_cast<sandbox::Sandbox *>(l->demoSandbox()) : nullptr;
}

sandbox::TravomatrixSandbox *Session::travomatrixSandbox() {
    auto *l = link(QStringLiteral("travomatrix"));
    return l ? qobject_cast<sandbox::TravomatrixSandbox *>(l->demoSandbox()) : nullptr;
}

namespace {
Error notConnected(const QString &providerId) {
    return Error{QStringLiteral("provider_not_connected"),
                 QStringLiteral("This desk is not connected to %1: enable it in Settings to "
                                "book its offers.")
                     .arg(desk::providerName(providerId))};
}
} // namespace

Result<CheckoutFlow *> Session::openCheckout(const QString &providerId, const QString &offerId,
                                             const QJsonObject &offer,
                                             const QList<Passenger> &passengers) {
    desk::ProviderLink *with = bookingLink(providerId);
    if (!with)
        return notConnected(providerId);
    auto intent = m_journal.createIntent(offerId, offer, passengersToJournalJson(passengers),
                                         with->providerId());
    if (!intent)
        return intent.error();
    return flowFor(*intent);
}

CancellationFlow *Session::openCancellation(const QString &providerId) {
    desk::ProviderLink *with = link(providerId);
    if (!with)
        return nullptr;
    return new CancellationFlow({&with->gateway(), m_journalQueue.get(), &m_journal, &m_clock});
}

void Session::openCheckoutLater(const QString &providerId, const QString &offerId,
                                const QJsonObject &offer, const QList<Passenger> &passengers,
                                QObject *context,
                                std::function<void(Result<CheckoutFlow *>)> done) {
    desk::ProviderLink *with = bookingLink(providerId);
    if (!with) {
        const Error e = notConnected(providerId);
        QTimer::singleShot(0, context, [done = std::move(done), e] { done(e); });
        return;
    }
    OrderJournal *journal = &m_journal;
    const QString provider = with->providerId();
    const QJsonArray people = passengersToJournalJson(passengers);
    m_journalQueue->run<Result<Intent>>(
        this,
        [journal, offerId, offer, people, provider] {
            return journal->createIntent(offerId, offer, people, provider);
        },
        [this, context = QPointer<QObject>(context),
         done = std::move(done)](const Result<Intent> &intent) {
            if (!context)
                return; // the tab was closed meanwhile: the draft stays in the journal
            if (!intent)
                return done(intent.error());
            done(flowFor(*intent));
        });
}

desk::ProviderLink *Session::bookingLink(const QString &providerId) {
    return providerId.isEmpty() ? &firstLink() : link(providerId);
}

CheckoutFlow *Session::flowFor(qint64 intentId) {
    const auto intent = m_journal.intent(intentId);
    if (intent)
        return flowFor(*intent);
    Intent unknown;
    unknown.id = intentId;
    return flowFor(unknown);
}

CheckoutFlow *Session::flowFor(const Intent &intent) {
    desk::ProviderLink *with = link(intent.provider);
    if (!with)
        with = &firstLink(); // it refuses the intent and writes nothing
    CheckoutFlow::Deps d{&with->gateway(), m_journalQueue.get(),   &m_clock,
                         &m_scheduler,     with->timing(timing()), m_leaseOwner};
    auto *flow = new CheckoutFlow(d, intent.id);
    m_flows.removeAll(nullptr);
    m_flows.append(flow);
    Q_EMIT flowCreated(flow);
    return flow;
}

Result<std::monostate> Session::startReceiver(const WebhookReceiver::Options &options) {
    m_webhookThread = new QThread;
    m_webhookThread->setObjectName(QStringLiteral("flightdesk-webhooks"));
    m_receiver = new WebhookReceiver(options, &m_journal, &m_clock);
    // Deleted on its own thread as that thread ends, after the event it may be recording: its
    // sockets belong there, and any journal connection it opened. (finished is emitted there.)
    connect(m_webhookThread, &QThread::finished, [receiver = m_receiver, journal = &m_journal] {
        delete receiver;
        journal->closeThreadConnection();
    });
    m_webhookThread->start();
    m_receiver->moveToThread(m_webhookThread);
    // Queued: the receiver records on its thread, the flows hear of it on theirs.
    connect(m_receiver, &WebhookReceiver::orderEvent, this, &Session::routeOrderEvent,
            Qt::QueuedConnection);
    connect(m_receiver, &WebhookReceiver::scheduleChangeQueued, this,
            &Session::scheduleChangeQueued, Qt::QueuedConnection);
    // Its server and sockets are made on its thread, so they are served there.
    Result<quint16> bound = Error{};
    QMetaObject::invokeMethod(
        m_receiver, [&bound, receiver = m_receiver] { bound = receiver->start(); },
        Qt::BlockingQueuedConnection);
    if (!bound) {
        stopReceiver();
        return bound.error();
    }
    m_webhookUrl = m_receiver->url();
    return std::monostate{};
}

void Session::stopReceiver() {
    if (!m_webhookThread)
        return;
    // An event being recorded is finished first; it was not answered yet, so the provider
    // retries it if the journal never answers.
    m_receiver = nullptr;
    m_webhookUrl.clear();
    m_webhookThread->quit();
    m_webhookThread->wait();
    delete m_webhookThread;
    m_webhookThread = nullptr;
}

void Session::noteOrderRead(const QString &providerId, const OrderSnapshot &order) {
    // The contract's Order carries no itinerary; only one that brings its slices can say the
    // schedule moved (the journal compares times and keeps one item per order version).
    if (!order.raw.contains(QLatin1String("slices")))
        return;
    OrderJournal *journal = &m_journal;
    m_journalQueue->run<Result<bool>>(
        this,
        [journal, providerId, raw = order.raw] {
            return journal->recordScheduleChange(providerId, raw, QString());
        },
        [this, orderId = order.id](const Result<bool> &queued) {
            if (!queued)
                qCWarning(lcSession, "a schedule change of order %s was not queued: %s",
                          qUtf8Printable(orderId), qUtf8Printable(queued.error().code));
            else if (*queued)
                Q_EMIT scheduleChangeQueued(orderId);
        });
}

void Session::routeOrderEvent(const OrderSnapshot &order) {
    for (const auto &flow : std::as_const(m_flows))
        if (flow)
            flow->orderUpdated(order);
}

} // namespace fd
