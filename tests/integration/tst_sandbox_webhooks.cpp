// Webhook delivery: signature, event shape, retries until a 2xx, and each scenario mode.
#include "sandboxharness.h"

#include <QHttpServer>
#include <QMessageAuthenticationCode>

#include "sandbox/webhooks.h"

using namespace fd::sandbox;
using namespace fd::sandbox::test;

namespace {

const QByteArray kSecret = "whsec_test_secret";

// The desk's side: a loopback receiver that records what arrives and answers from a plan.
class Receiver {
public:
    struct Hit {
        QByteArray signature;
        QByteArray body;
        QJsonObject event;
    };

    Receiver() {
        m_http.route(QStringLiteral("/hooks"), QHttpServerRequest::Method::Post,
                     [this](const QHttpServerRequest &r) {
                         hits.append({r.value("Travelbase-Signature"), r.body(),
                                      QJsonDocument::fromJson(r.body()).object()});
                         const int status = plan.isEmpty() ? 200 : plan.takeFirst();
                         return QHttpServerResponse(
                             static_cast<QHttpServerResponder::StatusCode>(status));
                     });
        m_port = m_http.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/hooks").arg(m_port)); }

    QList<Hit> hits;
    QList<int> plan; // statuses for the next answers; 200 once empty

private:
    QHttpServer m_http;
    quint16 m_port = 0;
};

bool signatureValid(const QByteArray &header, const QByteArray &body, const QByteArray &secret) {
    QByteArray t, v1;
    for (const auto &part : header.split(',')) {
        if (part.startsWith("t="))
            t = part.mid(2);
        else if (part.startsWith("v1="))
            v1 = part.mid(3);
    }
    const QByteArray expected =
        QMessageAuthenticationCode::hash(t + '.' + body, secret, QCryptographicHash::Sha256)
            .toHex();
    return !t.isEmpty() && v1 == expected;
}

struct WebhookFixture : Fixture {
    explicit WebhookFixture(const QString &scenario)
        : Fixture(nullptr, options()) {
        sandbox->setWebhookEndpoint(receiver->url(), kSecret);
        if (!scenario.isEmpty())
            sandbox->setScenario(scenario);
    }
    static Sandbox::Options options() { return {}; }
    QString bookAndTicket(HttpResult *ticketAnswer = nullptr) {
        const QString id =
            createOrder(firstOffer(), "c").data().value(QLatin1String("id")).toString();
        const auto r = client->call(
            "POST", QStringLiteral("/v1/air/orders/%1/actions/ticket").arg(id), {}, "t");
        if (ticketAnswer)
            *ticketAnswer = r;
        return id;
    }
    // A marker: one more order, ticketed under a plain scenario whose event leaves `delayMs`
    // (scaled) after ticketing. Waits until its delivery has its answer; returns its id. A
    // delivery or a ticketing the sandbox had put on a shorter timer before was sent first.
    QString marker(int delayMs = 0) {
        Scenario s;
        s.webhookDelayMs = delayMs;
        sandbox->setScenario(s);
        const QString id =
            createOrder(firstOffer(), "marker").data().value(QLatin1String("id")).toString();
        client->call("POST", QStringLiteral("/v1/air/orders/%1/actions/ticket").arg(id), {},
                     "marker-t");
        const bool answered = QTest::qWaitFor(
            [&] {
                const auto &rows = sandbox->ledger().deliveries();
                return std::any_of(rows.begin(), rows.end(), [&](const Ledger::Delivery &d) {
                    return d.orderId == id && d.status != 0;
                });
            },
            10000);
        return answered ? id : QString();
    }
    // What reached the receiver about one order.
    int hitsFor(const QString &orderId) const {
        return int(std::count_if(receiver->hits.begin(), receiver->hits.end(), [&](const auto &h) {
            return h.event.value(QLatin1String("data"))
                       .toObject()
                       .value(QLatin1String("object"))
                       .toObject()
                       .value(QLatin1String("id"))
                       .toString() == orderId;
        }));
    }
    std::unique_ptr<Receiver> receiver = std::make_unique<Receiver>();
};

} // namespace

class TestSandboxWebhooks final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void ticketedEventSignedAndShaped() {
        WebhookFixture f(QStringLiteral("happy_path"));
        const QString id = f.bookAndTicket();
        QTRY_COMPARE(f.receiver->hits.size(), 1);
        const auto &hit = f.receiver->hits.first();
        QVERIFY(signatureValid(hit.signature, hit.body, kSecret));
        QVERIFY(!signatureValid(hit.signature, hit.body, "another secret"));
        QVERIFY(hit.event.value(QLatin1String("id")).toString().startsWith(QLatin1String("evt_")));
        QCOMPARE(hit.event.value(QLatin1String("type")).toString(),
                 QStringLiteral("order.ticketed"));
        QVERIFY(hit.event.value(QLatin1String("created_at")).toString().endsWith(QLatin1Char('Z')));
        const auto order = hit.event.value(QLatin1String("data"))
                               .toObject()
                               .value(QLatin1String("object"))
                               .toObject();
        QCOMPARE(order.value(QLatin1String("id")).toString(), id);
        QCOMPARE(order.value(QLatin1String("status")).toString(), QStringLiteral("ticketed"));
        QCOMPARE(order.value(QLatin1String("documents")).toArray().size(), 1);
        // The signature's t is the sandbox clock, within the receiver's 300 s window.
        const qint64 t = hit.signature.split(',').first().mid(2).toLongLong();
        QVERIFY(qAbs(t - QDateTime::currentSecsSinceEpoch()) < 300);
        // The sandbox records the delivery when the receiver's answer gets back to it.
        QTRY_COMPARE(f.sandbox->ledger().deliveries().size(), qsizetype(1));
        QCOMPARE(f.sandbox->ledger().deliveries().first().status, 200);
    }

    void failedEventCarriesReversal() {
        WebhookFixture f(QStringLiteral("airline_rejects"));
        f.bookAndTicket();
        QTRY_COMPARE(f.receiver->hits.size(), 1);
        const auto &event = f.receiver->hits.first().event;
        QCOMPARE(event.value(QLatin1String("type")).toString(), QStringLiteral("order.failed"));
        const auto order =
            event.value(QLatin1String("data")).toObject().value(QLatin1String("object")).toObject();
        QCOMPARE(order.value(QLatin1String("payment_reversed")).toBool(), true);
        QCOMPARE(order.value(QLatin1String("failure_reason")).toString(),
                 QStringLiteral("airline_rejected"));
    }

    void retriedUntil2xx() {
        WebhookFixture f(QStringLiteral("happy_path"));
        f.receiver->plan = {500, 503, 404};
        const QString id = f.bookAndTicket();
        QTRY_COMPARE(f.receiver->hits.size(), 4);
        QCOMPARE(f.receiver->hits[0].body, f.receiver->hits[3].body); // the same event again
        const auto &deliveries = f.sandbox->ledger().deliveries();
        QTRY_COMPARE(deliveries.size(), qsizetype(4));
        QCOMPARE(deliveries[0].status, 500);
        QCOMPARE(deliveries[3].status, 200);
        QCOMPARE(deliveries[3].attempt, 4);
        // Backoff doubles: no further attempt after the 2xx. A fifth would have left 8 s (80 ms
        // scaled) after the fourth answer; the marker's event leaves later than that.
        QVERIFY(!f.marker(8000).isEmpty());
        QCOMPARE(f.hitsFor(id), 4);
    }

    void retriedWhenReceiverIsDown() {
        Fixture f;
        f.sandbox->setWebhookEndpoint(QUrl(QStringLiteral("http://127.0.0.1:1/hooks")), kSecret);
        const QString id =
            f.createOrder(f.firstOffer(), "c").data().value(QLatin1String("id")).toString();
        f.client->call("POST", QStringLiteral("/v1/air/orders/%1/actions/ticket").arg(id), {}, "t");
        QTRY_VERIFY(f.sandbox->ledger().deliveries().size() >= 2);
        QCOMPARE(f.sandbox->ledger().deliveries().first().status, 0);
        QVERIFY(!f.sandbox->ledger().deliveries().first().error.isEmpty());
    }

    void dropped() {
        WebhookFixture f(QStringLiteral("lost_webhook"));
        const QString id = f.bookAndTicket();
        QTRY_COMPARE(f.client->call("GET", QStringLiteral("/v1/air/orders/") + id)
                         .data()
                         .value(QLatin1String("status"))
                         .toString(),
                     QStringLiteral("ticketed"));
        // The event was published when the order was ticketed; the marker's came after it.
        QVERIFY(!f.marker().isEmpty());
        QCOMPARE(f.hitsFor(id), 0);
        QJsonArray deliveries;
        for (const QJsonValue &d :
             fetchLedger(*f.client).value(QLatin1String("webhook_deliveries")).toArray())
            if (d.toObject().value(QLatin1String("order_id")).toString() == id)
                deliveries.append(d);
        QCOMPARE(deliveries.size(), 1);
        QCOMPARE(deliveries.first().toObject().value(QLatin1String("error")).toString(),
                 QStringLiteral("dropped"));
    }

    void duplicated() {
        WebhookFixture f(QString{});
        Scenario s;
        s.webhooks = WebhookMode::Duplicated;
        f.sandbox->setScenario(s);
        f.bookAndTicket();
        QTRY_COMPARE(f.receiver->hits.size(), 2);
        QCOMPARE(f.receiver->hits[0].event.value(QLatin1String("id")),
                 f.receiver->hits[1].event.value(QLatin1String("id")));
    }

    void badSignatureFirst() {
        WebhookFixture f(QString{});
        Scenario s;
        s.webhooks = WebhookMode::BadSignatureFirst;
        f.sandbox->setScenario(s);
        f.receiver->plan = {401}; // a receiver refuses what does not verify
        f.bookAndTicket();
        QTRY_COMPARE(f.receiver->hits.size(), 2);
        QVERIFY(!signatureValid(f.receiver->hits[0].signature, f.receiver->hits[0].body, kSecret));
        QVERIFY(signatureValid(f.receiver->hits[1].signature, f.receiver->hits[1].body, kSecret));
        QCOMPARE(f.sandbox->ledger().deliveries().first().signatureValid, false);
    }

    void earlyArrivesBeforeResponse() {
        WebhookFixture f(QString{});
        Scenario s;
        s.webhooks = WebhookMode::Early;
        f.sandbox->setScenario(s);
        const QString id =
            f.createOrder(f.firstOffer(), "c").data().value(QLatin1String("id")).toString();
        QNetworkReply *reply = f.client->start(
            "POST", QStringLiteral("/v1/air/orders/%1/actions/ticket").arg(id), {}, "t");
        int hitsWhenAnswered = -1;
        QObject::connect(reply, &QNetworkReply::finished, reply,
                         [&] { hitsWhenAnswered = int(f.receiver->hits.size()); });
        const auto r = Client::finish(reply);
        QCOMPARE(r.status, 202);
        QCOMPARE(r.data().value(QLatin1String("status")).toString(), QStringLiteral("in_progress"));
        QCOMPARE(hitsWhenAnswered, 1);
        QCOMPARE(f.receiver->hits.first().event.value(QLatin1String("type")).toString(),
                 QStringLiteral("order.ticketed"));
    }

    void staleAfterFollowsTheOutcomeWithAnOlderSnapshot() {
        WebhookFixture f(QString{});
        Scenario s;
        s.webhooks = WebhookMode::StaleAfter;
        f.sandbox->setScenario(s);
        f.bookAndTicket();
        QTRY_COMPARE(f.receiver->hits.size(), 2);
        const QJsonObject outcome = f.receiver->hits[0].event;
        const QJsonObject stale = f.receiver->hits[1].event;
        QCOMPARE(outcome.value(QLatin1String("type")).toString(), QStringLiteral("order.ticketed"));
        QCOMPARE(stale.value(QLatin1String("type")).toString(),
                 QStringLiteral("order.schedule_changed"));
        const auto order = [](const QJsonObject &e) {
            return e.value(QLatin1String("data"))
                .toObject()
                .value(QLatin1String("object"))
                .toObject();
        };
        QCOMPARE(order(stale).value(QLatin1String("status")).toString(),
                 QStringLiteral("in_progress"));
        QVERIFY(order(stale).value(QLatin1String("version")).toInt() <
                order(outcome).value(QLatin1String("version")).toInt());
        QVERIFY(signatureValid(f.receiver->hits[1].signature, f.receiver->hits[1].body, kSecret));
    }

    void delayedFirstDelivery() {
        WebhookFixture f(QString{});
        Scenario s;
        s.webhookDelayMs = 50000; // 500 ms at the fixture's scale, after a 30 ms ticketing delay
        f.sandbox->setScenario(s);
        // When the order is ticketed, its event is published; nothing has reached the receiver.
        QDateTime ticketedAt;
        int hitsWhenTicketed = -1;
        QObject::connect(f.sandbox.get(), &Sandbox::orderChanged, f.sandbox.get(),
                         [&](const QJsonObject &order) {
                             if (order.value(QLatin1String("status")).toString() ==
                                 QLatin1String("ticketed")) {
                                 ticketedAt = QDateTime::currentDateTimeUtc();
                                 hitsWhenTicketed = int(f.receiver->hits.size());
                             }
                         });
        f.bookAndTicket();
        QTRY_COMPARE(f.receiver->hits.size(), 1);
        QCOMPARE(hitsWhenTicketed, 0);
        // The delivery left no sooner than the delay after that (the sandbox's clock is the
        // system's here); 50 ms of slack for the timer's and the clock's rounding.
        QTRY_COMPARE(f.sandbox->ledger().deliveries().size(), qsizetype(1));
        QVERIFY(ticketedAt.isValid());
        QVERIFY2(ticketedAt.msecsTo(f.sandbox->ledger().deliveries().first().at) >= 450,
                 qPrintable(QString::number(
                     ticketedAt.msecsTo(f.sandbox->ledger().deliveries().first().at))));
    }

    void cancelledEvent() {
        WebhookFixture f(QStringLiteral("never_resolves"));
        const QString id =
            f.createOrder(f.firstOffer(false), "c").data().value(QLatin1String("id")).toString();
        const QString quote = f.client
                                  ->call("POST", QStringLiteral("/v1/air/order_cancellations"),
                                         wrap({{QStringLiteral("order_id"), id}}))
                                  .data()
                                  .value(QLatin1String("id"))
                                  .toString();
        QCOMPARE(
            f.client
                ->call("POST",
                       QStringLiteral("/v1/air/order_cancellations/%1/actions/confirm").arg(quote),
                       {}, "cc")
                .status,
            200);
        QTRY_COMPARE(f.receiver->hits.size(), 1);
        QCOMPARE(f.receiver->hits.first().event.value(QLatin1String("type")).toString(),
                 QStringLiteral("order.cancelled"));
    }

    void neverResolvesSendsNothing() {
        WebhookFixture f(QStringLiteral("never_resolves"));
        const QString id = f.bookAndTicket();
        // The marker is ticketed on the happy path's timer, started after any this order could
        // have had, and its event is delivered.
        QVERIFY(!f.marker().isEmpty());
        QCOMPARE(f.hitsFor(id), 0);
        QCOMPARE(f.client->call("GET", QStringLiteral("/v1/air/orders/") + id)
                     .data()
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("in_progress"));
    }

    void signatureFunction() {
        // Known vector: the receiver's verification and the sandbox's signing agree.
        const QByteArray sig = WebhookDispatcher::signature("secret", 1796119500, "{}");
        QCOMPARE(sig.left(13), QByteArray("t=1796119500,"));
        QVERIFY(signatureValid(sig, "{}", "secret"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxWebhooks)
#include "tst_sandbox_webhooks.moc"
