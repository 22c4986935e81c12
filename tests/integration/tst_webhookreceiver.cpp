// The webhook receiver over real HTTP on 127.0.0.1: raw requests signed here (independently of
// the receiver's code), a real SQLite journal, and the sandbox delivering real events.
#include "checkoutstates.h"
#include "sandboxharness.h"

#include "api/webhookreceiver.h"
#include "core/scheduler.h"
#include "storage/orderjournal.h"
#include "testjournal.h"

#include <QElapsedTimer>
#include <QMessageAuthenticationCode>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <sys/resource.h>

using namespace fd;

namespace {

const QByteArray kSecret = "whsec_receiver_test_secret";
const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-12-01T10:05:09Z"), Qt::ISODate);
const QString kPassport = QStringLiteral("P99887766");
const QString kBirthDate = QStringLiteral("1979-03-14");

using Headers = QList<QPair<QByteArray, QByteArray>>;

QByteArray sign(const QByteArray &secret, qint64 t, const QByteArray &body) {
    const QByteArray ts = QByteArray::number(t);
    return "t=" + ts + ",v1=" +
           QMessageAuthenticationCode::hash(ts + "." + body, secret, QCryptographicHash::Sha256)
               .toHex();
}

QJsonObject orderObject(const QString &orderId, const QString &status,
                        const QStringList &tickets = {}) {
    QJsonArray documents;
    for (const QString &t : tickets)
        documents.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("electronic_ticket")},
                                     {QStringLiteral("passenger_id"), QStringLiteral("pas_1")},
                                     {QStringLiteral("unique_identifier"), t}});
    const QJsonObject passport{{QStringLiteral("type"), QStringLiteral("passport")},
                               {QStringLiteral("unique_identifier"), kPassport}};
    const QJsonObject passenger{{QStringLiteral("id"), QStringLiteral("pas_1")},
                                {QStringLiteral("born_on"), kBirthDate},
                                {QStringLiteral("identity_documents"), QJsonArray{passport}}};
    return {{QStringLiteral("id"), orderId},
            {QStringLiteral("status"), status},
            {QStringLiteral("booking_reference"), QStringLiteral("RZPNX8")},
            {QStringLiteral("passengers"), QJsonArray{passenger}},
            {QStringLiteral("documents"), documents}};
}

QByteArray eventBody(const QString &id, const QString &type, const QJsonObject &order) {
    const QJsonObject e{{QStringLiteral("id"), id},
                        {QStringLiteral("type"), type},
                        {QStringLiteral("created_at"), QStringLiteral("2026-12-01T10:05:09Z")},
                        {QStringLiteral("data"), QJsonObject{{QStringLiteral("object"), order}}}};
    return QJsonDocument(e).toJson(QJsonDocument::Compact);
}

Headers with(Headers headers, const QByteArray &name, const QByteArray &value) {
    headers.removeIf(
        [&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
    if (!value.isNull())
        headers.append({name, value});
    return headers;
}

struct Answer {
    int status = 0; // 0: no HTTP answer
    QByteArray head;
    QByteArray body;
    QJsonObject json;
    QString code() const {
        return json.value(QLatin1String("error"))
            .toObject()
            .value(QLatin1String("code"))
            .toString();
    }
    QString result() const { return json.value(QLatin1String("result")).toString(); }
};

qsizetype contentLength(const QByteArray &head) {
    for (const QByteArray &line : head.split('\n')) {
        const QByteArray l = line.trimmed();
        if (l.toLower().startsWith("content-length:"))
            return l.mid(15).trimmed().toLongLong();
    }
    return 0;
}

// One request on its own connection; the event loop runs meanwhile (the receiver lives in this
// thread), so no blocking socket waits.
Answer exchange(quint16 port, const QByteArray &request) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    Answer a;
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000))
        return a;
    socket.write(request);
    QByteArray raw;
    const auto complete = [&] {
        raw += socket.readAll();
        const qsizetype end = raw.indexOf("\r\n\r\n");
        return end >= 0 && raw.size() >= end + 4 + contentLength(raw.left(end));
    };
    if (!QTest::qWaitFor(
            [&] { return complete() || socket.state() == QAbstractSocket::UnconnectedState; },
            8000))
        qWarning("no complete answer within 8 s");
    raw += socket.readAll();
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (!raw.startsWith("HTTP/1.1 ") || end < 0)
        return a;
    a.status = raw.mid(9, 3).toInt();
    a.head = raw.left(end);
    a.body = raw.mid(end + 4);
    a.json = QJsonDocument::fromJson(a.body).object();
    return a;
}

QByteArray rawRequest(const QByteArray &method, const QByteArray &path, const Headers &headers,
                      const QByteArray &body) {
    QByteArray r = method + ' ' + path + " HTTP/1.1\r\n";
    for (const auto &h : headers)
        r += h.first + ": " + h.second + "\r\n";
    r += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
    return r + body;
}

struct Fixture {
    explicit Fixture(WebhookReceiver::Options options = {}) {
        journal.setPassword(fd::test::journalPassword());
        if (!dir.isValid() ||
            !journal.open(fd::test::freshJournalLocation(dir, QStringLiteral("journal.sqlite"))))
            qFatal("cannot open the journal");
        if (options.secret.isEmpty())
            options.secret = kSecret;
        if (!options.scheduler)
            options.scheduler = &scheduler; // header timeouts fire only when a test says so
        receiver = std::make_unique<WebhookReceiver>(options, &journal, &clock);
        const auto port = receiver->start();
        if (!port)
            qFatal("receiver did not start: %s", qPrintable(port.error().message));
    }

    qint64 newIntent(const QString &orderId = {}) {
        auto i = journal.createIntent(QStringLiteral("off_1"), {}, {});
        if (!i)
            qFatal("createIntent: %s", qPrintable(i.error().message));
        if (!orderId.isEmpty() && !journal.recordCreateResponse(i->id, orderId, {}))
            qFatal("recordCreateResponse failed");
        return i->id;
    }
    // The journal's words: the checkout's state and the provider's status ("" for none).
    QString state(qint64 intentId) const {
        return fd::state::name(journal.intent(intentId)->state);
    }
    QString providerStatus(qint64 intentId) const {
        const auto status = journal.intent(intentId)->providerStatus;
        return status ? QString(fd::state::name(*status)) : QString();
    }

    Headers headers(const QByteArray &body, qint64 t) const {
        return {{"Host", "127.0.0.1:" + QByteArray::number(receiver->port())},
                {"Content-Type", "application/json"},
                {"Travelbase-Signature", sign(kSecret, t, body)}};
    }
    Headers headers(const QByteArray &body) const {
        return headers(body, clock.now().toSecsSinceEpoch());
    }
    Answer post(const QByteArray &body, const Headers &h) {
        return exchange(receiver->port(), rawRequest("POST", "/webhooks/travelbase", h, body));
    }
    Answer post(const QByteArray &body) { return post(body, headers(body)); }

    QTemporaryDir dir;
    ManualClock clock{kNow};
    ManualScheduler scheduler{&clock};
    OrderJournal journal{&clock};
    std::unique_ptr<WebhookReceiver> receiver;
};

// A connection that sent the start of a request header and then nothing more.
std::unique_ptr<QTcpSocket> halfSent(quint16 port) {
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, port);
    socket->write("POST /webhooks/travelbase HTTP/1.1\r\nHost: 127.0.0.1:" +
                  QByteArray::number(port) + "\r\nContent-Ty");
    return socket;
}

bool isClosed(const QTcpSocket &socket) {
    return socket.state() == QAbstractSocket::UnconnectedState;
}

// Room for `sockets` client descriptors plus the receiver's own in this one process.
bool enoughDescriptors(rlim_t needed) {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return false;
    if (limit.rlim_cur >= needed)
        return true;
    limit.rlim_cur = std::min(needed, limit.rlim_max);
    return ::setrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur >= needed;
}

int countEvents(const OrderJournal &journal, qint64 intentId, JournalEvent::Kind kind,
                const QString &cause = {}) {
    const auto events = journal.events(intentId); // kept: a range-for over *temporary dangles
    if (!events)
        qFatal("events: %s", qPrintable(events.error().message));
    int n = 0;
    for (const JournalEvent &e : *events) {
        if (e.kind == kind &&
            (cause.isEmpty() || e.detail.value(QLatin1String("cause")).toString() == cause))
            ++n;
    }
    return n;
}

} // namespace

class TestWebhookReceiver final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { FD_SKIP_UNLESS_TEST_JOURNAL_RUNS(); }
    // --- the pure parts ------------------------------------------------------------------

    void signatureHeader_data() {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("v1Count");
        const QByteArray hex(64, 'a');
        QTest::newRow("plain") << "t=1796119500,v1=" + hex << true << 1;
        QTest::newRow("spaces") << " t = 1796119500 , v1 = " + hex << true << 1;
        QTest::newRow("two v1") << "t=1,v1=" + hex + ",v1=" + hex << true << 2;
        QTest::newRow("unknown key skipped") << "t=1,v0=zz,v1=" + hex << true << 1;
        QTest::newRow("short v1 kept, cannot match") << QByteArray("t=1,v1=abc") << true << 1;
        QTest::newRow("empty") << QByteArray() << false << 0;
        QTest::newRow("garbage") << QByteArray("sha256=abc") << false << 0;
        QTest::newRow("no t") << "v1=" + hex << false << 0;
        QTest::newRow("no v1") << QByteArray("t=1796119500") << false << 0;
        QTest::newRow("t not a number") << "t=abc,v1=" + hex << false << 0;
        QTest::newRow("negative t") << "t=-5,v1=" + hex << false << 0;
        QTest::newRow("t too long") << "t=1234567890123,v1=" + hex << false << 0;
        QTest::newRow("two t") << "t=1,t=2,v1=" + hex << false << 0;
        QTest::newRow("trailing comma") << "t=1,v1=" + hex + ',' << false << 0;
    }
    void signatureHeader() {
        QFETCH(QByteArray, header);
        QFETCH(bool, ok);
        QFETCH(int, v1Count);
        const auto parsed = webhook::parseSignatureHeader(header);
        QCOMPARE(parsed.ok(), ok);
        if (ok)
            QCOMPARE(parsed->v1.size(), qsizetype(v1Count));
        else
            QCOMPARE(parsed.error().code, QStringLiteral("malformed_signature"));
    }

    void constantTimeEquals() {
        QVERIFY(webhook::constantTimeEquals("abc", "abc"));
        QVERIFY(webhook::constantTimeEquals({}, {}));
        QVERIFY(!webhook::constantTimeEquals("abc", "abd"));
        QVERIFY(!webhook::constantTimeEquals("abc", "abcd"));
        QVERIFY(!webhook::constantTimeEquals(QByteArray(32, '\0'), QByteArray(31, '\0')));
    }

    void contentType_data() {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("json");
        QTest::newRow("plain") << QByteArray("application/json") << true;
        QTest::newRow("charset") << QByteArray("application/json; charset=utf-8") << true;
        QTest::newRow("case") << QByteArray("Application/JSON;Charset=UTF-8") << true;
        QTest::newRow("+json") << QByteArray("application/vnd.travelbase+json") << true;
        QTest::newRow("text") << QByteArray("text/plain") << false;
        QTest::newRow("form") << QByteArray("application/x-www-form-urlencoded") << false;
        QTest::newRow("empty") << QByteArray() << false;
    }
    void contentType() {
        QFETCH(QByteArray, value);
        QFETCH(bool, json);
        QCOMPARE(webhook::isJsonContentType(value), json);
    }

    void eventMapping_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("state");
        QTest::newRow("ticketed") << "order.ticketed"
                                  << "ticketed"
                                  << "ticketed";
        QTest::newRow("failed") << "order.failed"
                                << "failed"
                                << "failed";
        QTest::newRow("cancelled") << "order.cancelled"
                                   << "cancelled"
                                   << "cancelled";
        QTest::newRow("type wins") << "order.failed"
                                   << "in_progress"
                                   << "failed";
        QTest::newRow("schedule change: status") << "order.schedule_changed"
                                                 << "ticketed"
                                                 << "ticketed";
        QTest::newRow("other: pending") << "order.updated"
                                        << "pending"
                                        << "pending";
        QTest::newRow("other: odd status") << "order.updated"
                                           << "on_hold"
                                           << "";
    }
    void eventMapping() {
        QFETCH(QString, type);
        QFETCH(QString, status);
        QFETCH(QString, state);
        const auto e = webhook::parseEvent(
            eventBody(QStringLiteral("evt_1"), type,
                      orderObject(QStringLiteral("ord_1"), status, {QStringLiteral("1")})));
        QVERIFY(e.ok());
        QCOMPARE(e->status ? QString(fd::state::name(*e->status)) : QString(), state);
        QCOMPARE(e->orderId, QStringLiteral("ord_1"));
        QCOMPARE(e->eTickets.size(), state == QLatin1String("ticketed") ? 1 : 0);
        QVERIFY(e->order.has_value()); // an odd status is kept as the provider sent it
        QCOMPARE(e->order->statusName, status);
    }

    void eventShape_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not json") << QByteArray("{nope");
        QTest::newRow("array") << QByteArray("[]");
        const auto json = [](const QJsonObject &o) {
            return QJsonDocument(o).toJson(QJsonDocument::Compact);
        };
        const QJsonObject data{
            {QStringLiteral("object"), QJsonObject{{QStringLiteral("id"), QStringLiteral("o")}}}};
        const QJsonObject full{{QStringLiteral("id"), QStringLiteral("evt_1")},
                               {QStringLiteral("type"), QStringLiteral("order.ticketed")},
                               {QStringLiteral("data"), data}};
        QJsonObject e = full;
        e.remove(QStringLiteral("id"));
        QTest::newRow("no id") << json(e);
        e = full;
        e.remove(QStringLiteral("type"));
        QTest::newRow("no type") << json(e);
        e = full;
        e.insert(QStringLiteral("data"), QJsonObject{{QStringLiteral("object"), QJsonObject{}}});
        QTest::newRow("no order id") << json(e);
        e = full;
        e.insert(QStringLiteral("id"), 7);
        QTest::newRow("id not a string") << json(e);
        QVERIFY(webhook::parseEvent(json(full)).ok());
    }
    void eventShape() {
        QFETCH(QByteArray, body);
        const auto e = webhook::parseEvent(body);
        QVERIFY(!e.ok());
        QCOMPARE(e.error().code, QStringLiteral("invalid_event"));
    }

    // --- over HTTP -----------------------------------------------------------------------

    void bindsLoopbackAndReadsBackPort() {
        Fixture f;
        QVERIFY(f.receiver->isListening());
        QVERIFY(f.receiver->port() != 0);
        QCOMPARE(
            f.receiver->url(),
            QUrl(
                QStringLiteral("http://127.0.0.1:%1/webhooks/travelbase").arg(f.receiver->port())));
        QCOMPARE(f.receiver->start().error().code, QStringLiteral("already_listening"));
        OrderJournal j;
        WebhookReceiver noSecret({}, &j);
        QCOMPARE(noSecret.start().error().code, QStringLiteral("not_configured"));
    }

    void explicitListenAddress() {
        QTemporaryDir dir;
        OrderJournal journal;
        journal.setPassword(fd::test::journalPassword());
        QVERIFY(journal.open(fd::test::freshJournalLocation(dir, QStringLiteral("j.sqlite"))).ok());
        WebhookReceiver::Options options;
        options.address = QHostAddress(QHostAddress::LocalHostIPv6);
        options.secret = kSecret;
        WebhookReceiver receiver(options, &journal);
        const auto port = receiver.start();
        if (!port)
            QSKIP("no IPv6 loopback here");
        QCOMPARE(receiver.url(),
                 QUrl(QStringLiteral("http://[::1]:%1/webhooks/travelbase").arg(*port)));
        QNetworkAccessManager nam;
        const QByteArray body =
            eventBody(QStringLiteral("evt_1"), QStringLiteral("order.failed"),
                      orderObject(QStringLiteral("ord_1"), QStringLiteral("failed")));
        QNetworkRequest request(receiver.url());
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader("Travelbase-Signature",
                             sign(kSecret, QDateTime::currentSecsSinceEpoch(), body));
        QCOMPARE(sandbox::test::Client::finish(nam.post(request, body)).status, 200);
    }

    // --- exposure and load ------------------------------------------------------------------

    void publicAddressNeedsOptIn() {
        QTemporaryDir dir;
        OrderJournal journal;
        journal.setPassword(fd::test::journalPassword());
        QVERIFY(journal.open(fd::test::freshJournalLocation(dir, QStringLiteral("j.sqlite"))).ok());
        WebhookReceiver::Options options;
        options.address = QHostAddress(QHostAddress::AnyIPv4);
        options.secret = kSecret;
        WebhookReceiver refused(options, &journal);
        const auto denied = refused.start();
        QVERIFY(!denied);
        QCOMPARE(denied.error().code, QStringLiteral("public_listen_refused"));
        QVERIFY2(denied.error().message.contains(QLatin1String("0.0.0.0")),
                 qPrintable(denied.error().message));
        QVERIFY2(denied.error().message.contains(QLatin1String("other computers")),
                 qPrintable(denied.error().message));
        QVERIFY(!refused.isListening());

        options.allowPublic = true; // bound only: nothing connects from outside in a test
        WebhookReceiver allowed(options, &journal);
        const auto port = allowed.start();
        QVERIFY2(port.ok(), qPrintable(port ? QString() : port.error().message));
        QVERIFY(allowed.isListening());
    }

    // 1,064 half-sent requests once took every descriptor of the desk and a real webhook went
    // unanswered. Now the oldest idle connections make room, and the event is answered.
    void halfSentRequestsDoNotStarveASignedEvent() {
        constexpr int kSilent = 300;
        WebhookReceiver::Options options;
        QVERIFY(options.maxConnections < 200); // well under the usual 1024 descriptors
        if (!enoughDescriptors(rlim_t(kSilent + options.maxConnections + 64)))
            QSKIP("not enough file descriptors for this test");
        Fixture f(options);
        const qint64 intentId = f.newIntent(QStringLiteral("ord_1"));
        std::vector<std::unique_ptr<QTcpSocket>> silent;
        const auto closedCount = [&] {
            return int(std::count_if(silent.begin(), silent.end(),
                                     [](const auto &s) { return isClosed(*s); }));
        };
        // In waves no larger than the listen backlog, each accepted before the next, so "oldest"
        // means the same on both sides. Every connection over the cap closes exactly one.
        constexpr int kWave = 30;
        while (int(silent.size()) < kSilent) {
            for (int i = 0; i < kWave && int(silent.size()) < kSilent; ++i)
                silent.push_back(halfSent(f.receiver->port()));
            const int expectClosed = std::max(0, int(silent.size()) - options.maxConnections);
            QTRY_COMPARE_WITH_TIMEOUT(f.receiver->openConnections(),
                                      std::min(int(silent.size()), options.maxConnections), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(closedCount(), expectClosed, 10000);
        }
        // The receiver holds no more than its cap; the oldest were closed to make room.
        QCOMPARE(f.receiver->openConnections(), options.maxConnections);
        for (int i = 0; i < kWave; ++i) {
            QVERIFY(isClosed(*silent[i]));
            QVERIFY(!isClosed(*silent[kSilent - 1 - i]));
        }

        QElapsedTimer answeredIn;
        answeredIn.start();
        const QByteArray body =
            eventBody(QStringLiteral("evt_1"), QStringLiteral("order.ticketed"),
                      orderObject(QStringLiteral("ord_1"), QStringLiteral("ticketed")));
        const Answer a = f.post(body);
        QCOMPARE(a.status, 200);
        QVERIFY2(answeredIn.elapsed() < 3000, QByteArray::number(answeredIn.elapsed()).constData());
        QCOMPARE(f.state(intentId), QStringLiteral("ticketed"));
    }

    void halfSentAndIdleConnectionsCloseAfterTheHeaderTimeout() {
        WebhookReceiver::Options options;
        options.headerTimeout = std::chrono::milliseconds(4000);
        Fixture f(options);
        const auto silent = halfSent(f.receiver->port());
        QTRY_COMPARE(f.receiver->openConnections(), 1);

        // A keep-alive connection that got its answer and then says nothing more.
        f.newIntent(QStringLiteral("ord_1"));
        const QByteArray body =
            eventBody(QStringLiteral("evt_1"), QStringLiteral("order.failed"),
                      orderObject(QStringLiteral("ord_1"), QStringLiteral("failed")));
        QByteArray request = rawRequest("POST", "/webhooks/travelbase", f.headers(body), body);
        request.replace("Connection: close\r\n", "");
        QTcpSocket idle;
        idle.connectToHost(QHostAddress::LocalHost, f.receiver->port());
        idle.write(request);
        QByteArray answer;
        QTRY_VERIFY((answer += idle.readAll()).contains("\r\n\r\n{"));
        QVERIFY(answer.startsWith("HTTP/1.1 200"));
        QTRY_COMPARE(f.receiver->openConnections(), 2);

        f.scheduler.advance(3999);
        QCoreApplication::processEvents();
        QVERIFY(!isClosed(*silent));
        QCOMPARE(f.receiver->openConnections(), 2);
        f.scheduler.advance(1); // the scaled-down header timeout: no real seconds pass
        QTRY_VERIFY(isClosed(*silent));
        QTRY_VERIFY(isClosed(idle));
        QTRY_COMPARE(f.receiver->openConnections(), 0);
    }

    void ticketedEventAppliedOnce() {
        Fixture f;
        const qint64 intent = f.newIntent(QStringLiteral("ord_1"));
        QSignalSpy orders(f.receiver.get(), &WebhookReceiver::orderEvent);
        QSignalSpy recorded(f.receiver.get(), &WebhookReceiver::eventRecorded);
        const QByteArray body =
            eventBody(QStringLiteral("evt_1"), QStringLiteral("order.ticketed"),
                      orderObject(QStringLiteral("ord_1"), QStringLiteral("ticketed"),
                                  {QStringLiteral("1251234567890")}));

        const Answer a = f.post(body);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.result(), QStringLiteral("applied"));
        const Intent after = *f.journal.intent(intent);
        QCOMPARE(after.state, CheckoutState::Ticketed);
        QCOMPARE(after.eTickets.size(), 1);
        QCOMPARE(
            after.eTickets.first().toObject().value(QLatin1String("unique_identifier")).toString(),
            QStringLiteral("1251234567890"));
        QCOMPARE(orders.size(), 1);
        const auto snapshot = orders.first().first().value<OrderSnapshot>();
        QCOMPARE(snapshot.id, QStringLiteral("ord_1"));
        QVERIFY(snapshot.isTicketed());
        QCOMPARE(snapshot.tickets.size(), qsizetype(1));
        QCOMPARE(recorded.size(), 1);
        QCOMPARE(recorded.first().at(2).value<WebhookResult>(), WebhookResult::Applied);

        // The same event again (at-least-once delivery): 2xx, nothing changes, no signal.
        f.clock.advance(5000);
        const Answer again = f.post(body);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.result(), QStringLiteral("duplicate"));
        QCOMPARE(orders.size(), 1);
        QCOMPARE(recorded.size(), 2);
        QCOMPARE(recorded.last().at(2).value<WebhookResult>(), WebhookResult::Duplicate);
        QCOMPARE(f.journal.intent(intent)->updatedAt, after.updatedAt);
        QCOMPARE(countEvents(f.journal, intent, JournalEvent::Kind::Webhook), 1);
        QCOMPARE(
            countEvents(f.journal, intent, JournalEvent::Kind::State, QStringLiteral("webhook")),
            1);
    }

    void failedAndCancelledByType() {
        Fixture f;
        const qint64 intent = f.newIntent(QStringLiteral("ord_1"));
        // Recorded and acknowledged, but a failure moves nothing until the flow's by-id read of
        // the order agrees: a signed "failed" alone never tells an agent "no charge".
        QCOMPARE(f.post(eventBody(QStringLiteral("evt_1"), QStringLiteral("order.failed"),
                                  orderObject(QStringLiteral("ord_1"), QStringLiteral("failed"))))
                     .result(),
                 QStringLiteral("to_confirm"));
        QCOMPARE(f.state(intent), QStringLiteral("draft"));
        QCOMPARE(countEvents(f.journal, intent, JournalEvent::Kind::Webhook), 1);
        QCOMPARE(
            f.post(eventBody(QStringLiteral("evt_2"), QStringLiteral("order.cancelled"),
                             orderObject(QStringLiteral("ord_1"), QStringLiteral("cancelled"))))
                .result(),
            QStringLiteral("applied"));
        QCOMPARE(f.state(intent), QStringLiteral("cancelled"));
    }

    void otherTypesRecordedAndAnswered() {
        Fixture f;
        const qint64 intent = f.newIntent(QStringLiteral("ord_1"));
        QSignalSpy orders(f.receiver.get(), &WebhookReceiver::orderEvent);
        // A status that is not a webhook state: recorded, no state change, still 2xx.
        const Answer odd =
            f.post(eventBody(QStringLiteral("evt_1"), QStringLiteral("order.note_added"),
                             orderObject(QStringLiteral("ord_1"), QStringLiteral("on_hold"))));
        QCOMPARE(odd.status, 200);
        QCOMPARE(odd.result(), QStringLiteral("recorded"));
        QCOMPARE(f.state(intent), QStringLiteral("draft"));
        // A schedule change after a lost order.ticketed still carries the ticketed order.
        const Answer change =
            f.post(eventBody(QStringLiteral("evt_2"), QStringLiteral("order.schedule_changed"),
                             orderObject(QStringLiteral("ord_1"), QStringLiteral("ticketed"),
                                         {QStringLiteral("1251234567890")})));
        QCOMPARE(change.result(), QStringLiteral("applied"));
        QCOMPARE(f.state(intent), QStringLiteral("ticketed"));
        QCOMPARE(f.journal.intent(intent)->eTickets.size(), 1);
        QCOMPARE(orders.size(), 2);
    }

    void unknownOrderAnsweredAndMatchedLater() {
        Fixture f;
        const qint64 intent = f.newIntent(); // the create response has not arrived yet
        QSignalSpy recorded(f.receiver.get(), &WebhookReceiver::eventRecorded);
        const Answer a =
            f.post(eventBody(QStringLiteral("evt_early"), QStringLiteral("order.ticketed"),
                             orderObject(QStringLiteral("ord_9"), QStringLiteral("ticketed"),
                                         {QStringLiteral("1251234567890")})));
        QCOMPARE(a.status, 200);
        QCOMPARE(a.result(), QStringLiteral("unknown_order"));
        QCOMPARE(recorded.last().at(2).value<WebhookResult>(), WebhookResult::UnknownOrder);
        QCOMPARE(f.state(intent), QStringLiteral("draft"));

        QVERIFY(f.journal.recordCreateResponse(intent, QStringLiteral("ord_9"), {}).ok());
        QCOMPARE(f.state(intent), QStringLiteral("ticketed"));
        QCOMPARE(countEvents(f.journal, intent, JournalEvent::Kind::Webhook), 1);

        // An order this desk never made: 2xx, nothing else happens.
        QCOMPARE(
            f.post(eventBody(QStringLiteral("evt_x"), QStringLiteral("order.failed"),
                             orderObject(QStringLiteral("ord_foreign"), QStringLiteral("failed"))))
                .status,
            200);
        QCOMPARE(f.state(intent), QStringLiteral("ticketed"));
    }

    void latePendingAfterTicketedChangesNothing() {
        Fixture f;
        const qint64 intent = f.newIntent(QStringLiteral("ord_1"));
        QCOMPARE(f.post(eventBody(QStringLiteral("evt_2"), QStringLiteral("order.ticketed"),
                                  orderObject(QStringLiteral("ord_1"), QStringLiteral("ticketed"),
                                              {QStringLiteral("1251234567890")})))
                     .result(),
                 QStringLiteral("applied"));
        const Intent ticketed = *f.journal.intent(intent);
        f.clock.advance(10000);
        // Delivery is unordered: an older event about the same order arrives afterwards.
        const Answer late =
            f.post(eventBody(QStringLiteral("evt_1"), QStringLiteral("order.updated"),
                             orderObject(QStringLiteral("ord_1"), QStringLiteral("pending"))));
        QCOMPARE(late.status, 200);
        QCOMPARE(late.result(), QStringLiteral("recorded"));
        const Intent after = *f.journal.intent(intent);
        QCOMPARE(after.state, CheckoutState::Ticketed);
        QCOMPARE(after.eTickets, ticketed.eTickets);
        QCOMPARE(after.updatedAt, ticketed.updatedAt);
        QCOMPARE(countEvents(f.journal, intent, JournalEvent::Kind::Webhook), 2);
    }

    void refusedSignatures_data() {
        QTest::addColumn<QByteArray>("signature"); // %T% = now, %SIG% = valid v1 hex
        QTest::addColumn<qint64>("offset");        // seconds added to now for t
        QTest::addColumn<QString>("code");
        QTest::newRow("missing") << QByteArray() << qint64(0) << "missing_signature";
        QTest::newRow("malformed")
            << QByteArray("sha256=%SIG%") << qint64(0) << "malformed_signature";
        QTest::newRow("no v1") << QByteArray("t=%T%") << qint64(0) << "malformed_signature";
        QTest::newRow("other secret") << QByteArray("OTHER") << qint64(0) << "bad_signature";
        QTest::newRow("other body") << QByteArray("OTHERBODY") << qint64(0) << "bad_signature";
        QTest::newRow("t moved") << QByteArray("t=%T1%,v1=%SIG%") << qint64(0) << "bad_signature";
        QTest::newRow("301 s old") << QByteArray("VALID") << qint64(-301) << "stale_timestamp";
        QTest::newRow("301 s ahead") << QByteArray("VALID") << qint64(301) << "stale_timestamp";
    }
    void refusedSignatures() {
        QFETCH(QByteArray, signature);
        QFETCH(qint64, offset);
        QFETCH(QString, code);
        Fixture f;
        const qint64 intent = f.newIntent(QStringLiteral("ord_1"));
        QSignalSpy recorded(f.receiver.get(), &WebhookReceiver::eventRecorded);
        QSignalSpy rejected(f.receiver.get(), &WebhookReceiver::requestRejected);
        const QByteArray body =
            eventBody(QStringLiteral("evt_1"), QStringLiteral("order.ticketed"),
                      orderObject(QStringLiteral("ord_1"), QStringLiteral("ticketed"),
                                  {QStringLiteral("1")}));
        const qint64 t = f.clock.now().toSecsSinceEpoch() + offset;
        const QByteArray valid = sign(kSecret, t, body);
        QByteArray header = signature;
        if (signature == "VALID")
            header = valid;
        else if (signature == "OTHER")
            header = sign("whsec_another", t, body);
        else if (signature == "OTHERBODY") // the same event serialised differently
            header = sign(kSecret, t, QJsonDocument::fromJson(body).toJson());
        header.replace("%T1%", QByteArray::number(t + 1))
            .replace("%T%", QByteArray::number(t))
            .replace("%SIG%", valid.mid(valid.indexOf("v1=") + 3));

        const Answer a = f.post(body, with(f.headers(body), "Travelbase-Signature",
                                           header.isEmpty() ? QByteArray() : header));
        QCOMPARE(a.status, 400);
        QCOMPARE(a.code(), code);
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(recorded.size(), 0);
        QCOMPARE(f.state(intent), QStringLiteral("draft"));
        QCOMPARE(countEvents(f.journal, intent, JournalEvent::Kind::Webhook), 0);
        // Nothing was kept: the provider's retry with a good signature is the first record.
        QCOMPARE(f.post(body).result(), QStringLiteral("applied"));
    }

    void exactBytesAreVerified() {
        Fixture f;
        const qint64 intent = f.newIntent(QStringLiteral("ord_1"));
        // Whitespace, key order, escapes and UTF-8 as sent: the MAC is over these very bytes.
        const QByteArray body = "{ \"type\" : \"order.updated\",\n  \"id\":\"evt_1\", "
                                "\"note\": \"Ad\\u00e9bay\\u00f2 \xc3\x80\", \"data\": "
                                "{\"object\": {\"id\": \"ord_1\", \"status\": "
                                "\"in_progress\"}} }\n";
        QCOMPARE(f.post(body).status, 200);
        QCOMPARE(f.providerStatus(intent), QStringLiteral("in_progress"));
        // Chunked transfer coding is framing, not content: the MAC is over the decoded body.
        const QByteArray second =
            eventBody(QStringLiteral("evt_2"), QStringLiteral("order.ticketed"),
                      orderObject(QStringLiteral("ord_1"), QStringLiteral("ticketed")));
        QByteArray request = "POST /webhooks/travelbase HTTP/1.1\r\n";
        for (const auto &h : f.headers(second))
            request += h.first + ": " + h.second + "\r\n";
        request += "Transfer-Encoding: chunked\r\n\r\n";
        for (qsizetype i = 0; i < second.size(); i += 100) {
            const QByteArray chunk = second.mid(i, 100);
            request += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
        }
        request += "0\r\n\r\n";
        QCOMPARE(exchange(f.receiver->port(), request).status, 200);
        QCOMPARE(f.state(intent), QStringLiteral("ticketed"));
    }

    void toleranceBoundaryAndSeveralV1() {
        Fixture f;
        f.newIntent(QStringLiteral("ord_1"));
        const qint64 now = f.clock.now().toSecsSinceEpoch();
        int n = 0;
        for (const qint64 t : {now - 300, now + 300}) {
            const QByteArray body =
                eventBody(QStringLiteral("evt_%1").arg(++n), QStringLiteral("order.updated"),
                          orderObject(QStringLiteral("ord_1"), QStringLiteral("pending")));
            QCOMPARE(f.post(body, f.headers(body, t)).status, 200);
        }
        // Secret rotation: the provider signs with old and new secrets; either may match.
        const QByteArray body =
            eventBody(QStringLiteral("evt_3"), QStringLiteral("order.updated"),
                      orderObject(QStringLiteral("ord_1"), QStringLiteral("in_progress")));
        const QByteArray good = sign(kSecret, now, body);
        const QByteArray old = sign("whsec_old", now, body);
        const QByteArray both = old + ",v1=" + good.mid(good.indexOf("v1=") + 3);
        QCOMPARE(f.post(body, with(f.headers(body), "Travelbase-Signature", both)).status, 200);
    }

    void bodyOverCap() {
        WebhookReceiver::Options options;
        options.maxBodyBytes = 4096;
        Fixture f(options);
        f.newIntent(QStringLiteral("ord_1"));
        QByteArray body =
            eventBody(QStringLiteral("evt_1"), QStringLiteral("order.ticketed"),
                      orderObject(QStringLiteral("ord_1"), QStringLiteral("ticketed")));
        body.insert(1, "\"pad\":\"" + QByteArray(4096, 'x') + "\",");
        const Answer a = f.post(body);
        QCOMPARE(a.status, 413);
        QCOMPARE(a.code(), QStringLiteral("payload_too_large"));
    }

    void hugeBodyCutOffEarly() {
        Fixture f; // 64 KiB cap
        const QByteArray body(4 * 1024 * 1024, 'x');
        const Answer a = f.post(body);
        // Answered long before the 4 MiB are sent; the rest is read and dropped, not buffered.
        QCOMPARE(a.status, 413);
        QCOMPARE(a.code(), QStringLiteral("payload_too_large"));
        f.newIntent(QStringLiteral("ord_1"));
        const QByteArray ok =
            eventBody(QStringLiteral("evt_1"), QStringLiteral("order.failed"),
                      orderObject(QStringLiteral("ord_1"), QStringLiteral("failed")));
        QCOMPARE(f.post(ok).status, 200); // still serving
    }

    void hosts_data() {
        QTest::addColumn<QByteArray>("host"); // %P% = the receiver's port; "-" = no Host
        QTest::addColumn<int>("status");
        QTest::newRow("127.0.0.1") << QByteArray("127.0.0.1:%P%") << 200;
        QTest::newRow("localhost") << QByteArray("localhost:%P%") << 200;
        QTest::newRow("LOCALHOST") << QByteArray("LOCALHOST:%P%") << 200;
        QTest::newRow("[::1]") << QByteArray("[::1]:%P%") << 200;
        QTest::newRow("relay") << QByteArray("relay.agency.example") << 200;
        QTest::newRow("relay with port") << QByteArray("relay.agency.example:8443") << 200;
        QTest::newRow("rebound name") << QByteArray("evil.example:%P%") << 403;
        QTest::newRow("suffix trick") << QByteArray("127.0.0.1.evil.example:%P%") << 403;
        QTest::newRow("other port") << QByteArray("127.0.0.1:1") << 403;
        QTest::newRow("no port") << QByteArray("localhost") << 403;
        QTest::newRow("relay lookalike") << QByteArray("relay.agency.example.evil:80") << 403;
        QTest::newRow("no Host") << QByteArray("-") << 403;
    }
    void hosts() {
        QFETCH(QByteArray, host);
        QFETCH(int, status);
        WebhookReceiver::Options options;
        options.extraHosts = {QStringLiteral("Relay.Agency.Example")};
        Fixture f(options);
        f.newIntent(QStringLiteral("ord_1"));
        const QByteArray body =
            eventBody(QStringLiteral("evt_1"), QStringLiteral("order.failed"),
                      orderObject(QStringLiteral("ord_1"), QStringLiteral("failed")));
        host.replace("%P%", QByteArray::number(f.receiver->port()));
        const Answer a =
            f.post(body, with(f.headers(body), "Host", host == "-" ? QByteArray() : host));
        QCOMPARE(a.status, status);
        if (status == 403)
            QCOMPARE(a.code(), QStringLiteral("host_refused"));
    }

    void anyOriginRefused_data() {
        QTest::addColumn<QByteArray>("origin");
        QTest::newRow("attacker") << QByteArray("https://evil.example");
        QTest::newRow("same host") << QByteArray("http://127.0.0.1");
        QTest::newRow("null") << QByteArray("null");
    }
    void anyOriginRefused() {
        QFETCH(QByteArray, origin);
        Fixture f;
        const qint64 intent = f.newIntent(QStringLiteral("ord_1"));
        const QByteArray body =
            eventBody(QStringLiteral("evt_1"), QStringLiteral("order.failed"),
                      orderObject(QStringLiteral("ord_1"), QStringLiteral("failed")));
        const Answer a = f.post(body, with(f.headers(body), "Origin", origin));
        QCOMPARE(a.status, 403);
        QCOMPARE(a.code(), QStringLiteral("origin_refused"));
        QCOMPARE(f.state(intent), QStringLiteral("draft"));
        // Even on another path, before anything else is looked at.
        const Answer other = exchange(
            f.receiver->port(), rawRequest("GET", "/", with(f.headers({}), "Origin", origin), {}));
        QCOMPARE(other.status, 403);
    }

    void wrongPathMethodOrType() {
        Fixture f;
        const quint16 port = f.receiver->port();
        const QByteArray body =
            eventBody(QStringLiteral("evt_1"), QStringLiteral("order.failed"),
                      orderObject(QStringLiteral("ord_1"), QStringLiteral("failed")));
        const Headers h = f.headers(body);
        QCOMPARE(exchange(port, rawRequest("POST", "/webhooks/other", h, body)).status, 404);
        QCOMPARE(exchange(port, rawRequest("POST", "/webhooks/travelbase/", h, body)).status, 404);
        QCOMPARE(exchange(port, rawRequest("GET", "/", h, {})).status, 404);
        const Answer get = exchange(port, rawRequest("GET", "/webhooks/travelbase", h, {}));
        QCOMPARE(get.status, 405);
        QVERIFY(get.head.contains("Allow: POST"));
        QCOMPARE(exchange(port, rawRequest("PUT", "/webhooks/travelbase", h, body)).status, 405);
        const Answer text = f.post(body, with(h, "Content-Type", "text/plain"));
        QCOMPARE(text.status, 415);
        QCOMPARE(f.post(body, with(h, "Content-Type", QByteArray())).status, 415);
        QCOMPARE(f.post(body, with(h, "Content-Type", "application/json; charset=utf-8")).status,
                 200);
    }

    void queryStringAndQnamClient() {
        // A real HTTP client (as the provider or a relay would use), query string ignored.
        Fixture f;
        const qint64 intent = f.newIntent(QStringLiteral("ord_1"));
        const QByteArray body =
            eventBody(QStringLiteral("evt_1"), QStringLiteral("order.ticketed"),
                      orderObject(QStringLiteral("ord_1"), QStringLiteral("ticketed")));
        QUrl url = f.receiver->url();
        url.setQuery(QStringLiteral("relay=1"));
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader("Travelbase-Signature",
                             sign(kSecret, f.clock.now().toSecsSinceEpoch(), body));
        QNetworkAccessManager nam;
        const auto r = sandbox::test::Client::finish(nam.post(request, body));
        QCOMPARE(r.status, 200);
        QCOMPARE(f.state(intent), QStringLiteral("ticketed"));
    }

    void journalFailureIs500ThenRetried() {
        Fixture f;
        const qint64 intent = f.newIntent(QStringLiteral("ord_1"));
        const QString path = f.journal.path();
        QSignalSpy orders(f.receiver.get(), &WebhookReceiver::orderEvent);
        const QByteArray body =
            eventBody(QStringLiteral("evt_1"), QStringLiteral("order.ticketed"),
                      orderObject(QStringLiteral("ord_1"), QStringLiteral("ticketed")));
        f.journal.close();
        const Answer a = f.post(body);
        QCOMPARE(a.status, 500);
        QCOMPARE(a.code(), QStringLiteral("journal_unavailable"));
        QCOMPARE(orders.size(), 0);
        QVERIFY(f.journal.open(path).ok());
        QCOMPARE(f.state(intent), QStringLiteral("draft"));
        QCOMPARE(f.post(body).result(), QStringLiteral("applied"));
        QCOMPARE(f.state(intent), QStringLiteral("ticketed"));
        QCOMPARE(orders.size(), 1);
    }

    void secretAndPiiNeverLogged() {
        static QList<QString> messages;
        messages.clear();
        const auto previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &, const QString &m) { messages.append(m); });
        {
            Fixture f;
            f.newIntent(QStringLiteral("ord_1"));
            const QByteArray body =
                eventBody(QStringLiteral("evt_1"), QStringLiteral("order.ticketed"),
                          orderObject(QStringLiteral("ord_1"), QStringLiteral("ticketed")));
            f.post(body, with(f.headers(body), "Travelbase-Signature", sign("x", 1, body)));
            f.post(body);
            f.post(body);
            f.journal.close();
            f.post(eventBody(QStringLiteral("evt_2"), QStringLiteral("order.cancelled"),
                             orderObject(QStringLiteral("ord_1"), QStringLiteral("cancelled"))));
        }
        qInstallMessageHandler(previous);
        QVERIFY(!messages.isEmpty()); // it does log, just not those
        const QString all = messages.join(QLatin1Char('\n'));
        QVERIFY(!all.contains(QString::fromLatin1(kSecret)));
        QVERIFY(!all.contains(kPassport));
        QVERIFY(!all.contains(kBirthDate));
        QVERIFY(!all.contains(QLatin1String("v1=")));
    }

    // --- end to end with the sandbox -----------------------------------------------------

    void endToEndWithSandbox_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("deliveries");
        QTest::newRow("normal") << int(sandbox::WebhookMode::Normal) << 1;
        QTest::newRow("duplicated") << int(sandbox::WebhookMode::Duplicated) << 2;
        QTest::newRow("bad_signature_first") << int(sandbox::WebhookMode::BadSignatureFirst) << 2;
        QTest::newRow("early") << int(sandbox::WebhookMode::Early) << 1;
    }
    void endToEndWithSandbox() {
        QFETCH(int, mode);
        QFETCH(int, deliveries);
        sandbox::test::Fixture sb; // system clock, timing scale 0.01
        QTemporaryDir dir;
        OrderJournal journal;
        journal.setPassword(fd::test::journalPassword());
        QVERIFY(journal.open(fd::test::freshJournalLocation(dir, QStringLiteral("journal.sqlite")))
                    .ok());
        WebhookReceiver::Options options;
        options.secret = kSecret;
        WebhookReceiver receiver(options, &journal);
        QVERIFY(receiver.start().ok());
        sb.sandbox->setWebhookEndpoint(receiver.url(), kSecret);
        sandbox::Scenario scenario;
        scenario.webhooks = static_cast<sandbox::WebhookMode>(mode);
        sb.sandbox->setScenario(scenario);
        QSignalSpy orders(&receiver, &WebhookReceiver::orderEvent);
        QSignalSpy recorded(&receiver, &WebhookReceiver::eventRecorded);

        const QJsonObject offer = sb.firstOffer();
        const QJsonObject body = sandbox::test::orderBody(offer);
        const auto intent = journal.createIntent(offer.value(QLatin1String("id")).toString(), offer,
                                                 body.value(QLatin1String("data"))
                                                     .toObject()
                                                     .value(QLatin1String("passengers"))
                                                     .toArray());
        QVERIFY(intent.ok());
        const auto created = sb.createOrder(offer, intent->idempotencyKey.toUtf8());
        QCOMPARE(created.status, 201);
        const QString orderId = created.data().value(QLatin1String("id")).toString();
        QVERIFY(journal
                    .recordCreateResponse(
                        intent->id, orderId,
                        created.data().value(QLatin1String("booking_reference")).toString())
                    .ok());
        const auto ticket = sb.client->call(
            "POST", QStringLiteral("/v1/air/orders/%1/actions/ticket").arg(orderId), {}, "tk");
        QVERIFY2(ticket.status == 202 || ticket.status == 200,
                 QByteArray::number(ticket.status).constData());

        QTRY_COMPARE(journal.intent(intent->id)->state, CheckoutState::Ticketed);
        // Let every delivery (the duplicate, the retry after the bad signature) be answered.
        const auto answered = [&] {
            const auto &rows = sb.sandbox->ledger().deliveries();
            return std::count_if(rows.begin(), rows.end(),
                                 [](const auto &d) { return d.status != 0; });
        };
        QTRY_COMPARE(answered(), qsizetype(deliveries));
        const auto &rows = sb.sandbox->ledger().deliveries();
        QCOMPARE(rows.last().status, 200);
        if (mode == int(sandbox::WebhookMode::BadSignatureFirst))
            QCOMPARE(rows.first().status, 400);
        // Nothing further is on its way: every delivery has its answer and none is owed a retry
        // (the receiver records, and signals, before it answers).
        QCOMPARE(sandbox::test::deliveriesOwed(sb.sandbox->ledger()), 0);

        const Intent after = *journal.intent(intent->id);
        QCOMPARE(after.eTickets.size(), 1);
        QCOMPARE(countEvents(journal, intent->id, JournalEvent::Kind::Webhook), 1);
        QCOMPARE(
            countEvents(journal, intent->id, JournalEvent::Kind::State, QStringLiteral("webhook")),
            1);
        QCOMPARE(orders.size(), 1);
        QCOMPARE(orders.first().first().value<OrderSnapshot>().id, orderId);
        QCOMPARE(recorded.size(), mode == int(sandbox::WebhookMode::Duplicated) ? 2 : 1);
    }
};

QTEST_GUILESS_MAIN(TestWebhookReceiver)
#include "tst_webhookreceiver.moc"
