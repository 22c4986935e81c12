// Cancelling a booking through the provider seam (BookingGateway::quoteCancellation and
// confirmCancellation), one test body for both providers: each provider's real gateway against
// its own sandbox on 127.0.0.1, reached the way the desk reaches it (a demo ProviderLink), and
// judged by the sandbox's ledger — one refund, whatever the network does.
#include "checkoutstates.h"
#include "testdata.h"

#include "core/scheduler.h"
#include "desk/providerlink.h"
#include "sandbox/ledger.h"
#include "sandbox/sandbox.h"
#include "sandbox/travomatrix/travomatrixsandbox.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace fd;

namespace {

const sandbox::Ledger &ledgerOf(desk::ProviderLink &link) {
    if (auto *tb = qobject_cast<sandbox::Sandbox *>(link.demoSandbox()))
        return tb->ledger();
    return qobject_cast<sandbox::TravomatrixSandbox *>(link.demoSandbox())->ledger();
}

int movements(desk::ProviderLink &link, const QString &type) {
    int n = 0;
    for (const auto &m : ledgerOf(link).movements())
        n += m.type == type ? 1 : 0;
    return n;
}

QStringList keysOf(desk::ProviderLink &link, const QString &endpoint) {
    QStringList keys;
    for (const auto &r : ledgerOf(link).requests())
        if (r.endpoint == endpoint)
            keys << r.idempotencyKey;
    return keys;
}

void setScenario(desk::ProviderLink &link, const QString &name) {
    const auto set = link.setScenario(name);
    QVERIFY2(set && *set, qPrintable(name));
}

// Waits for one gateway answer of type T (the scheduler's timers run on this event loop).
template <typename T> struct Answer {
    std::optional<GatewayResult<T>> result;
    auto callback() {
        return [this](GatewayResult<T> r) {
            result = std::move(r);
        };
    }
    bool wait() {
        return QTest::qWaitFor([this] { return result.has_value(); }, 20'000);
    }
    const T *value() const { return result ? std::get_if<T>(&*result) : nullptr; }
    const GatewayFailure *failure() const {
        return result ? std::get_if<GatewayFailure>(&*result) : nullptr;
    }
};

QString describe(const GatewayFailure *f) {
    return f ? f->code + QStringLiteral(": ") + f->message : QStringLiteral("(no failure)");
}

} // namespace

class TstCancellation final : public QObject {
    Q_OBJECT

    SystemClock m_clock;
    QtScheduler m_scheduler;
    QObject m_context;

    std::unique_ptr<desk::ProviderLink> connect(const QString &provider) {
        desk::LinkOptions o;
        o.demo = true;
        o.timing.scale = 0.01; // backoffs and the sandboxes' airline delays in milliseconds
        o.timing.requestTimeout = std::chrono::seconds(10);
        auto link = desk::connectProvider(provider, o, &m_clock, &m_scheduler);
        if (!link)
            qFatal("%s", qPrintable(link.error().message));
        return std::move(link).value();
    }

    // A ticketed booking of the family on LOS→LHR with `link`'s provider; its order id.
    QString book(desk::ProviderLink &link) {
        QList<Passenger> people = test::testPassengers("family-valid");
        const QStringList types{QStringLiteral("adult"), QStringLiteral("child"),
                                QStringLiteral("infant_without_seat")};
        QJsonArray requested;
        for (qsizetype i = 0; i < people.size(); ++i) {
            people[i].type = types.value(i);
            requested.append(QJsonObject{{QStringLiteral("type"), people[i].type}});
        }
        const QJsonObject request{
            {QStringLiteral("slices"),
             QJsonArray{QJsonObject{{QStringLiteral("origin"), QStringLiteral("LOS")},
                                    {QStringLiteral("destination"), QStringLiteral("LHR")},
                                    {QStringLiteral("departure_date"),
                                     QDate::currentDate().addDays(20).toString(Qt::ISODate)}}}},
            {QStringLiteral("passengers"), requested},
            {QStringLiteral("cabin_class"), QStringLiteral("economy")}};
        Answer<QList<Offer>> offers;
        link.searchOffers(request, &m_context, {}, offers.callback());
        if (!offers.wait() || !offers.value() || offers.value()->isEmpty()) {
            qWarning("search: %s", qPrintable(describe(offers.failure())));
            return {};
        }
        const Offer offer = offers.value()->first();
        if (offer.provider != link.providerId())
            return {};
        BookingGateway &g = link.gateway();
        Answer<OrderSnapshot> created;
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        g.createOrder(g.createBody(offer, people), key, &m_context, {}, created.callback());
        if (!created.wait() || !created.value()) {
            qWarning("create: %s", qPrintable(describe(created.failure())));
            return {};
        }
        QString orderId = created.value()->id;
        if (g.ticketsSeparately()) {
            Answer<OrderSnapshot> ticketing;
            // The ticket action has a key of its own (the flow journals it as Intent::ticketKey).
            g.ticketOrder(orderId, QUuid::createUuid().toString(QUuid::WithoutBraces), &m_context,
                          {}, ticketing.callback());
            if (!ticketing.wait() || !ticketing.value()) {
                qWarning("ticket: %s", qPrintable(describe(ticketing.failure())));
                return {};
            }
        }
        // Ticketed once the airline answers (a few milliseconds at this scale).
        const bool ticketed = QTest::qWaitFor(
            [&] {
                Answer<OrderSnapshot> read;
                g.fetchOrder(orderId, &m_context, {}, read.callback());
                return read.wait() && read.value() &&
                       read.value()->status == ProviderStatus::Ticketed;
            },
            20'000);
        return ticketed ? orderId : QString();
    }

private Q_SLOTS:
    void confirmRefundsOnce_data() {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("scenario");
        for (const char *provider : {"travelbase", "travomatrix"}) {
            QTest::addRow("%s", provider) << QString::fromLatin1(provider) << QString();
            QTest::addRow("%s flaky", provider)
                << QString::fromLatin1(provider) << QStringLiteral("flaky_network");
        }
        // Travomatrix's flaky network times out the first confirm (504). Travelbase's has no
        // cancellation fault: this one cancels on the first confirm and loses the answer.
        QTest::addRow("travelbase confirm lost")
            << QStringLiteral("travelbase") << QStringLiteral("file:confirm_lost");
    }

    // Quote then confirm: the quote changes nothing; the confirm cancels with its own key (never
    // the booking's), a retry or a second confirm with that key refunds nothing more.
    void confirmRefundsOnce() {
        QFETCH(QString, provider);
        QFETCH(QString, scenario);
        auto link = connect(provider);
        QTemporaryDir dir;
        if (scenario == QLatin1String("file:confirm_lost")) {
            scenario = dir.filePath(QStringLiteral("confirm_lost.json"));
            QFile file(scenario);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(R"({"name": "confirm_lost", "faults": [{"endpoint": "confirm_cancellation",
                           "attempts": [1], "kind": "reset_after_commit"}]})");
        }
        if (!scenario.isEmpty())
            setScenario(*link, scenario);
        const QString orderId = book(*link);
        QVERIFY2(!orderId.isEmpty(), "the booking to cancel was not ticketed");
        const int debits = movements(*link, QStringLiteral("debit"));
        QCOMPARE(movements(*link, QStringLiteral("refund")), 0);

        BookingGateway &g = link->gateway();
        Answer<Cancellation> quoted;
        g.quoteCancellation(orderId, &m_context, {}, quoted.callback());
        QVERIFY(quoted.wait());
        QVERIFY2(quoted.value(), qPrintable(describe(quoted.failure())));
        const Cancellation quote = *quoted.value();
        QCOMPARE(quote.orderId, orderId);
        QVERIFY(!quote.quoteId.isEmpty());
        QVERIFY(quote.refund.minorUnits() > 0);
        QVERIFY(quote.expiresAt.isValid());
        QVERIFY(!quote.confirmed);
        QCOMPARE(movements(*link, QStringLiteral("refund")), 0); // a quote changes nothing

        const QString cancelKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
        Answer<Cancellation> confirmed;
        g.confirmCancellation(quote, cancelKey, &m_context, {}, confirmed.callback());
        QVERIFY(confirmed.wait());
        QVERIFY2(confirmed.value(), qPrintable(describe(confirmed.failure())));
        QVERIFY(confirmed.value()->confirmed);
        QCOMPARE(confirmed.value()->orderId, orderId);
        QCOMPARE(confirmed.value()->refund, quote.refund);
        QCOMPARE(movements(*link, QStringLiteral("refund")), 1);
        const bool confirmFault =
            (provider == QLatin1String("travomatrix") && !scenario.isEmpty()) ||
            scenario.endsWith(QLatin1String("confirm_lost.json"));
        // Retried by the gateway (or, for a connection dropped before any answer byte, resent
        // by Qt's own HTTP layer): the ledger, not the attempt log, counts what reached it.
        const qsizetype sent = keysOf(*link, QStringLiteral("confirm_cancellation")).size();
        if (confirmFault)
            QVERIFY2(sent >= 2, "the failed confirm was not retried");
        else
            QCOMPARE(sent, 1);

        // The agent's second click, or a crash and a resume: the same key, nothing more.
        Answer<Cancellation> again;
        g.confirmCancellation(quote, cancelKey, &m_context, {}, again.callback());
        QVERIFY(again.wait());
        QVERIFY2(again.value(), qPrintable(describe(again.failure())));
        QVERIFY(again.value()->confirmed);
        QCOMPARE(movements(*link, QStringLiteral("refund")), 1);
        QCOMPARE(movements(*link, QStringLiteral("debit")), debits);

        // Every confirm attempt carried the cancellation's key, never a booking's.
        const QStringList keys = keysOf(*link, QStringLiteral("confirm_cancellation"));
        QVERIFY(keys.size() >= 2);
        for (const QString &k : keys)
            QCOMPARE(k, cancelKey);

        Answer<OrderSnapshot> read;
        g.fetchOrder(orderId, &m_context, {}, read.callback());
        QVERIFY(read.wait());
        QVERIFY(read.value());
        QCOMPARE(read.value()->status, std::optional(ProviderStatus::Cancelled));
    }

    // A confirm without its key is the client's bug: refused, and nothing is refunded.
    void confirmNeedsItsOwnKey_data() {
        QTest::addColumn<QString>("provider");
        QTest::newRow("travelbase") << QStringLiteral("travelbase");
        QTest::newRow("travomatrix") << QStringLiteral("travomatrix");
    }
    void confirmNeedsItsOwnKey() {
        QFETCH(QString, provider);
        auto link = connect(provider);
        const QString orderId = book(*link);
        QVERIFY(!orderId.isEmpty());
        Answer<Cancellation> quoted;
        link->gateway().quoteCancellation(orderId, &m_context, {}, quoted.callback());
        QVERIFY(quoted.wait());
        QVERIFY(quoted.value());
        Answer<Cancellation> confirmed;
        link->gateway().confirmCancellation(*quoted.value(), QString(), &m_context, {},
                                            confirmed.callback());
        QVERIFY(confirmed.wait());
        QVERIFY(confirmed.failure());
        QCOMPARE(confirmed.failure()->kind, GatewayFailure::Kind::Rejected);
        QCOMPARE(movements(*link, QStringLiteral("refund")), 0);
    }

    // An order that is not there cannot be quoted; the provider's reason reaches the caller.
    void quoteOfAnUnknownOrderFails_data() { confirmNeedsItsOwnKey_data(); }
    void quoteOfAnUnknownOrderFails() {
        QFETCH(QString, provider);
        auto link = connect(provider);
        Answer<Cancellation> quoted;
        link->gateway().quoteCancellation(QStringLiteral("NOSUCH1"), &m_context, {},
                                          quoted.callback());
        QVERIFY(quoted.wait());
        QVERIFY(quoted.failure());
        QVERIFY(!quoted.failure()->message.isEmpty());
        QVERIFY(quoted.failure()->kind != GatewayFailure::Kind::OutcomeUnknown);
    }
};

QTEST_GUILESS_MAIN(TstCancellation)
#include "tst_cancellation.moc"
