// The Travomatrix gateway over real HTTP against the in-process Travomatrix sandbox: every call,
// the status-code classification of the contract, and the retry rules of seed 000 (same key,
// same bytes, bounded), each checked in the sandbox's ledger.
#include "rawhttpserver.h"
#include "tmxgatewayfixture.h"

using namespace fd;
using namespace fd::test;
using Kind = GatewayFailure::Kind;

namespace {

QList<Passenger> oneAdult() {
    return passengersFrom(readTestJson("passengers/provider-example.json").array());
}

// Searches, then builds the exact create body the checkout would send for that fare.
bool prepare(TmxEnv &env, Offer &offer, QByteArray &body) {
    const auto found = env.searchFirstOffer();
    if (!found)
        return false;
    offer = *found;
    body = env.gateway->createBody(offer, oneAdult());
    return true;
}

QByteArray rawAnswer(const QByteArray &statusLine, const QByteArray &headers,
                     const QByteArray &body) {
    return "HTTP/1.1 " + statusLine + "\r\n" + headers +
           "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" +
           body;
}

const QString kKey = QStringLiteral("6f1c2a9e-3b7d-4c1e-9a55-0d2f7e8b9c10");

} // namespace

class TestTravomatrixGateway final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void searchFetchAndWallet() {
        TmxEnv env;
        AttemptRecorder log;
        Answer<QList<Offer>> found;
        env.gateway->searchOffers(TmxEnv::searchRequest({QStringLiteral("adult")}), &env.context,
                                  log.log(), found.sink());
        QVERIFY(found.wait());
        QVERIFY2(found.value(), qPrintable(found.why()));
        QVERIFY(!found.value()->isEmpty());
        const Offer offer = found.value()->first();
        QVERIFY(offer.id.startsWith(QLatin1String("TMX-LOSLHR-")));
        QVERIFY(offer.isInternational());
        QVERIFY(offer.identityDocumentsRequired);
        QCOMPARE(offer.passengers.size(), 1);
        QCOMPARE(offer.passengers.first().type, QStringLiteral("adult"));
        QCOMPARE(log.entries.first().value(QLatin1String("path")).toString(),
                 QStringLiteral("/api/v1/search"));
        QCOMPARE(env.requestsTo(QStringLiteral("search")).first().idempotencyKey, QString());

        Answer<Offer> fetched;
        env.gateway->fetchOffer(offer.id, &env.context, {}, fetched.sink());
        QVERIFY(fetched.wait());
        QVERIFY2(fetched.value(), qPrintable(fetched.why()));
        QCOMPARE(fetched.value()->id, offer.id);
        QCOMPARE(fetched.value()->total.minorUnits(), offer.total.minorUnits());

        Answer<Wallet> wallet;
        env.gateway->fetchWallet(&env.context, {}, wallet.sink());
        QVERIFY(wallet.wait());
        QVERIFY2(wallet.value(), qPrintable(wallet.why()));
        QCOMPARE(wallet.value()->available.toString(), QStringLiteral("5000.00 EUR"));
    }

    void fetchOfferUnknownIs404AndExpiredIs410() {
        TmxEnv env;
        Answer<Offer> unknown;
        env.gateway->fetchOffer(QStringLiteral("TMX-LOSLHR-9999"), &env.context, {},
                                unknown.sink());
        QVERIFY(unknown.wait());
        QVERIFY2(unknown.failure(), qPrintable(unknown.why()));
        QCOMPARE(unknown.failure()->kind, Kind::NotFound);
        QCOMPARE(unknown.failure()->httpStatus, 404);

        const auto offer = env.searchFirstOffer();
        QVERIFY(offer);
        env.clock.advance(31 * 60 * 1000); // fares are valid 30 min
        Answer<Offer> expired;
        env.gateway->fetchOffer(offer->id, &env.context, {}, expired.sink());
        QVERIFY(expired.wait());
        QVERIFY2(expired.failure(), qPrintable(expired.why()));
        QCOMPARE(expired.failure()->kind, Kind::OfferUnavailable);
        QCOMPARE(expired.failure()->httpStatus, 410);
        QCOMPARE(expired.failure()->code, QStringLiteral("FARE_EXPIRED"));
        QCOMPARE(env.requestsTo(QStringLiteral("get_fare")).size(), 2); // never retried
    }

    void createTicketedAtOnce() {
        TmxEnv env;
        Offer offer;
        QByteArray body;
        QVERIFY(prepare(env, offer, body));
        AttemptRecorder log;
        Answer<OrderSnapshot> created;
        env.gateway->createOrder(body, kKey, &env.context, log.log(), created.sink());
        QVERIFY(created.wait());
        QVERIFY2(created.value(), qPrintable(created.why()));
        QCOMPARE(created.calls, 1);
        QCOMPARE(created.value()->status, std::optional(ProviderStatus::Ticketed));
        QCOMPARE(created.value()->bookingReference, created.value()->id);
        QCOMPARE(created.value()->tickets.size(), 1);
        QCOMPARE(created.value()->tickets.first().passengerId, offer.passengers.first().id);

        QCOMPARE(env.bookings().size(), 1);
        QCOMPARE(env.bookings().first().toObject().value(QLatin1String("pnr")).toString(),
                 created.value()->id);
        QCOMPARE(env.movements(QStringLiteral("debit")), 1);
        QCOMPARE(env.createKeys(), QSet<QString>{kKey});
        QCOMPARE(env.createBodies(), QSet<QString>{sha256Hex(body)});
        QCOMPARE(log.entries.size(), 1);
        QCOMPARE(log.entries.first().value(QLatin1String("status")).toInt(), 201);
        QCOMPARE(log.entries.first().value(QLatin1String("path")).toString(),
                 QStringLiteral("/api/v1/booking/create"));
        QCOMPARE(log.entries.first().value(QLatin1String("idempotency_key")).toString(), kKey);

        // The same key and bytes again: the original answer, replayed, nothing executed.
        AttemptRecorder again;
        Answer<OrderSnapshot> replay;
        env.gateway->createOrder(body, kKey, &env.context, again.log(), replay.sink());
        QVERIFY(replay.wait());
        QVERIFY2(replay.value(), qPrintable(replay.why()));
        QCOMPARE(replay.value()->id, created.value()->id);
        QVERIFY(again.entries.first().value(QLatin1String("replayed")).toBool());
        QCOMPARE(env.bookings().size(), 1);
        QCOMPARE(env.movements(QStringLiteral("debit")), 1);
    }

    void pendingThenFetchOrderTicketed() {
        TmxEnv env;
        QVERIFY(env.sandbox->setScenario(QStringLiteral("slow_airline")));
        Offer offer;
        QByteArray body;
        QVERIFY(prepare(env, offer, body));
        Answer<OrderSnapshot> created;
        env.gateway->createOrder(body, kKey, &env.context, {}, created.sink());
        QVERIFY(created.wait());
        QVERIFY2(created.value(), qPrintable(created.why()));
        QCOMPARE(created.value()->status, std::optional(ProviderStatus::Pending));
        const QString pnr = created.value()->id;
        // The airline answers at 75 s (750 ms at the sandbox's scale); read it back by PNR.
        const auto ticketedNow = [&] {
            Answer<OrderSnapshot> got;
            env.gateway->fetchOrder(pnr, &env.context, {}, got.sink());
            return got.wait() && got.value() && got.value()->isTicketed() &&
                   got.value()->tickets.size() == 1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(ticketedNow(), 10000);
        QCOMPARE(env.movements(QStringLiteral("debit")), 1);
        QCOMPARE(env.creates(), 1);
    }

    void rejectedByTheAirlineIsFailed() {
        TmxEnv env;
        QVERIFY(env.sandbox->setScenario(QStringLiteral("airline_rejects")));
        Offer offer;
        QByteArray body;
        QVERIFY(prepare(env, offer, body));
        Answer<OrderSnapshot> created;
        env.gateway->createOrder(body, kKey, &env.context, {}, created.sink());
        QVERIFY(created.wait());
        QVERIFY2(created.value(), qPrintable(created.why()));
        QCOMPARE(created.value()->status, std::optional(ProviderStatus::Failed));
        QVERIFY(created.value()->isFailed());
        QVERIFY(!created.value()->failureReason.isEmpty());
        QCOMPARE(env.movements(QStringLiteral("reversal")), 1);
    }

    void walletTooLowIs402() {
        TmxEnv env;
        QVERIFY(env.sandbox->setScenario(QStringLiteral("wallet_too_low")));
        Offer offer;
        QByteArray body;
        QVERIFY(prepare(env, offer, body));
        Answer<OrderSnapshot> created;
        env.gateway->createOrder(body, kKey, &env.context, {}, created.sink());
        QVERIFY(created.wait());
        QVERIFY2(created.failure(), qPrintable(created.why()));
        QCOMPARE(created.failure()->kind, Kind::InsufficientFunds);
        QCOMPARE(created.failure()->httpStatus, 402);
        QCOMPARE(created.failure()->code, QStringLiteral("INSUFFICIENT_FUNDS"));
        QCOMPARE(env.creates(), 1);
        QCOMPARE(env.bookings().size(), 0);
    }

    void validationErrorIsRejectedWithFields() {
        TmxEnv env;
        Offer offer;
        QByteArray body;
        QVERIFY(prepare(env, offer, body));
        QList<Passenger> people = oneAdult();
        people.first().identityDocuments.first().expiresOn = QStringLiteral("2027-01-01");
        Answer<OrderSnapshot> created;
        env.gateway->createOrder(env.gateway->createBody(offer, people), kKey, &env.context, {},
                                 created.sink());
        QVERIFY(created.wait());
        QVERIFY2(created.failure(), qPrintable(created.why()));
        QCOMPARE(created.failure()->kind, Kind::Rejected);
        QCOMPARE(created.failure()->httpStatus, 400);
        QVERIFY(!created.failure()->fieldErrors.isEmpty());
        QCOMPARE(created.failure()->fieldErrors.first().first,
                 QStringLiteral("travellers[0].passport.expiry_date"));
        QCOMPARE(env.creates(), 1);
    }

    void wrongApiKeyIs401() {
        TmxEnv env;
        auto options = env.gatewayOptions();
        options.apiKey = QStringLiteral("tmx_wrong");
        auto gateway = env.makeGateway(options);
        Answer<Wallet> wallet;
        gateway->fetchWallet(&env.context, {}, wallet.sink());
        QVERIFY(wallet.wait());
        QVERIFY2(wallet.failure(), qPrintable(wallet.why()));
        QCOMPARE(wallet.failure()->kind, Kind::Unauthorized);
        QCOMPARE(wallet.failure()->httpStatus, 401);
    }

    void keyMismatchIs409AndNeverRetried() {
        TmxEnv env;
        Offer offer;
        QByteArray body;
        QVERIFY(prepare(env, offer, body));
        Answer<OrderSnapshot> first;
        env.gateway->createOrder(body, kKey, &env.context, {}, first.sink());
        QVERIFY(first.wait());
        QVERIFY2(first.value(), qPrintable(first.why()));

        QList<Passenger> other = oneAdult();
        other.first().givenName = QStringLiteral("Chidi");
        AttemptRecorder log;
        Answer<OrderSnapshot> second;
        env.gateway->createOrder(env.gateway->createBody(offer, other), kKey, &env.context,
                                 log.log(), second.sink());
        QVERIFY(second.wait());
        QVERIFY2(second.failure(), qPrintable(second.why()));
        QCOMPARE(second.calls, 1);
        QCOMPARE(second.failure()->kind, Kind::KeyReused);
        QCOMPARE(second.failure()->httpStatus, 409);
        QCOMPARE(second.failure()->code, QStringLiteral("IDEMPOTENCY_KEY_MISMATCH"));
        QCOMPARE(log.entries.size(), 1);
        QCOMPARE(log.entries.first().value(QLatin1String("decision")).toString(),
                 QStringLiteral("give up"));
        QTest::qWait(100);
        QCOMPARE(env.creates(), 2);
        QCOMPARE(env.bookings().size(), 1);
        QCOMPARE(env.movements(QStringLiteral("debit")), 1);
    }

    void retriedWithTheSameKeyAndBytes_data() {
        QTest::addColumn<QJsonArray>("faults");
        QTest::addColumn<QString>("firstOutcome");
        QTest::addColumn<int>("firstStatus"); // what the client saw first, when it saw it
        QTest::addColumn<bool>("replayed");
        QTest::newRow("503") << QJsonArray{tmxFault("create_booking", "unavailable", {1})}
                             << QStringLiteral("fault:unavailable") << 503 << false;
        QTest::newRow("500") << QJsonArray{tmxFault("create_booking", "internal", {1})}
                             << QStringLiteral("fault:internal") << 500 << false;
        QTest::newRow("504") << QJsonArray{tmxFault("create_booking", "upstream_timeout", {1})}
                             << QStringLiteral("fault:upstream_timeout") << 504 << false;
        QTest::newRow("502 html") << QJsonArray{tmxFault("create_booking", "bad_gateway_html", {1})}
                                  << QStringLiteral("fault:bad_gateway_html") << 502 << false;
        // Qt may re-send a POST by itself when the connection closes before any answer.
        QTest::newRow("reset after commit")
            << QJsonArray{tmxFault("create_booking", "reset_after_commit", {1})}
            << QStringLiteral("executed;fault:reset_after_commit") << 0 << true;
    }
    void retriedWithTheSameKeyAndBytes() {
        QFETCH(QJsonArray, faults);
        QFETCH(QString, firstOutcome);
        QFETCH(int, firstStatus);
        QFETCH(bool, replayed);
        TmxEnv env;
        QVERIFY(env.setFaults(faults));
        Offer offer;
        QByteArray body;
        QVERIFY(prepare(env, offer, body));
        AttemptRecorder log;
        Answer<OrderSnapshot> created;
        env.gateway->createOrder(body, kKey, &env.context, log.log(), created.sink());
        QVERIFY(created.wait());
        QVERIFY2(created.value(), qPrintable(created.why()));
        QCOMPARE(created.calls, 1);
        QCOMPARE(created.value()->status, std::optional(ProviderStatus::Ticketed));

        const auto creates = env.requestsTo(QStringLiteral("create_booking"));
        QCOMPARE(creates.size(), 2);
        QCOMPARE(creates.first().outcome, firstOutcome);
        QCOMPARE(creates.last().outcome,
                 replayed ? QStringLiteral("replayed") : QStringLiteral("executed"));
        QCOMPARE(env.createKeys(), QSet<QString>{kKey});
        QCOMPARE(env.createBodies(), QSet<QString>{sha256Hex(body)});
        QCOMPARE(env.bookings().size(), 1);
        QCOMPARE(env.movements(QStringLiteral("debit")), 1);
        for (const QJsonObject &e : std::as_const(log.entries))
            QCOMPARE(e.value(QLatin1String("idempotency_key")).toString(), kKey);
        QCOMPARE(log.entries.last().value(QLatin1String("status")).toInt(), 201);
        QCOMPARE(log.entries.last().value(QLatin1String("replayed")).toBool(), replayed);
        if (log.entries.size() == 2) {
            QCOMPARE(log.entries.first().value(QLatin1String("status")).toInt(), firstStatus);
            QCOMPARE(log.entries.first().value(QLatin1String("decision")).toString(),
                     QStringLiteral("retry"));
            QCOMPARE(log.entries.first().value(QLatin1String("wait_ms")).toInt(), 25);
        } else {
            QVERIFY(firstOutcome.contains(QLatin1String("reset")));
            QCOMPARE(log.entries.size(), 1);
        }
    }

    // Every create answers 503: five attempts, then "outcome unknown", one key throughout.
    void budgetSpentIsOutcomeUnknown() {
        TmxEnv env;
        QVERIFY(env.setFaults({tmxFault("create_booking", "unavailable")}));
        Offer offer;
        QByteArray body;
        QVERIFY(prepare(env, offer, body));
        AttemptRecorder log;
        Answer<OrderSnapshot> created;
        env.gateway->createOrder(body, kKey, &env.context, log.log(), created.sink());
        QVERIFY(created.wait());
        QVERIFY2(created.failure(), qPrintable(created.why()));
        QCOMPARE(created.failure()->kind, Kind::OutcomeUnknown);
        QCOMPARE(created.failure()->httpStatus, 503);
        QVERIFY(created.failure()->earlierAttemptMayHaveExecuted);
        QCOMPARE(env.creates(), RetryPolicy::kMaxAttempts);
        QCOMPARE(env.createKeys(), QSet<QString>{kKey});
        QCOMPARE(log.statuses(), QList<int>(RetryPolicy::kMaxAttempts, 503));
        QCOMPARE(env.bookings().size(), 0);
    }

    // A 429 waits the server's Retry-After (never shortened by the scale), then the same key.
    void rateLimitedHonoursRetryAfter() {
        TmxEnv env;
        QVERIFY(env.setFaults({tmxFault("create_booking", "rate_limited", {1}, 3)}));
        Offer offer;
        QByteArray body;
        QVERIFY(prepare(env, offer, body));
        ManualScheduler manual(&env.clock);
        auto gateway = env.makeGateway(env.gatewayOptions(), &manual);
        AttemptRecorder log;
        Answer<OrderSnapshot> created;
        gateway->createOrder(body, kKey, &env.context, log.log(), created.sink());
        QTRY_COMPARE(log.entries.size(), 1);
        QCOMPARE(log.entries.first().value(QLatin1String("status")).toInt(), 429);
        QCOMPARE(log.entries.first().value(QLatin1String("decision")).toString(),
                 QStringLiteral("retry"));
        QCOMPARE(log.entries.first().value(QLatin1String("wait_ms")).toInt(), 3000);
        manual.advance(2999);
        QTest::qWait(50);
        QCOMPARE(env.creates(), 1); // not a moment early
        manual.advance(1);
        QVERIFY(created.wait());
        QVERIFY2(created.value(), qPrintable(created.why()));
        QCOMPARE(env.creates(), 2);
        QCOMPARE(env.createKeys(), QSet<QString>{kKey});
        QCOMPARE(env.bookings().size(), 1);
    }

    // A create that never answers: the gateway gives up on it after 75 s (a duplicate may wait
    // 60 s at the server), then sends the same key and bytes again.
    void hangTimesOutAndIsRetriedWithTheSameKey_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("secondOutcome");
        QTest::newRow("hang (nothing executed)") << "hang"
                                                 << "executed";
        QTest::newRow("hang after commit (replayed)") << "hang_after_commit"
                                                      << "replayed";
    }
    void hangTimesOutAndIsRetriedWithTheSameKey() {
        QFETCH(QString, kind);
        QFETCH(QString, secondOutcome);
        TmxEnv env;
        QVERIFY(env.setFaults({tmxFault("create_booking", kind.toLatin1().constData(), {1})}));
        Offer offer;
        QByteArray body;
        QVERIFY(prepare(env, offer, body));
        ManualScheduler manual(&env.clock);
        auto gateway = env.makeGateway(env.gatewayOptions(1.0), &manual);
        AttemptRecorder log;
        Answer<OrderSnapshot> created;
        gateway->createOrder(body, kKey, &env.context, log.log(), created.sink());
        QTRY_COMPARE(env.creates(), 1);
        manual.advance(74999);
        QTest::qWait(50);
        QCOMPARE(log.entries.size(), 0); // 75 s, not the 10 s of the other requests
        manual.advance(1);
        QTRY_COMPARE(log.entries.size(), 1);
        QCOMPARE(log.entries.first().value(QLatin1String("status")).toInt(), 0);
        QVERIFY(log.entries.first()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("75")));
        const int wait = log.entries.first().value(QLatin1String("wait_ms")).toInt();
        QCOMPARE(wait, 2500); // 2 s + the fixed 0.5 s jitter
        manual.advance(wait);
        QVERIFY(created.wait());
        QVERIFY2(created.value(), qPrintable(created.why()));
        QCOMPARE(env.creates(), 2);
        QCOMPARE(env.requestsTo(QStringLiteral("create_booking")).last().outcome, secondOutcome);
        QCOMPARE(log.entries.last().value(QLatin1String("replayed")).toBool(),
                 secondOutcome == QLatin1String("replayed"));
        QCOMPARE(env.createKeys(), QSet<QString>{kKey});
        QCOMPARE(env.createBodies(), QSet<QString>{sha256Hex(body)});
        QCOMPARE(env.bookings().size(), 1);
        QCOMPARE(env.movements(QStringLiteral("debit")), 1);
    }

    void ticketOrderIsNeverSent() {
        TmxEnv env;
        Answer<OrderSnapshot> ticket;
        env.gateway->ticketOrder(QStringLiteral("QK7XRT"), kKey, &env.context, {}, ticket.sink());
        QVERIFY(ticket.wait());
        QVERIFY2(ticket.failure(), qPrintable(ticket.why()));
        QCOMPARE(ticket.failure()->kind, Kind::Fatal);
        QCOMPARE(env.sandbox->ledger().requests().size(), 0);
    }

    // ---- against a purpose-built server: what the sandbox never does ----

    std::unique_ptr<TravomatrixGateway> gatewayFor(const QString &origin, Scheduler *scheduler,
                                                   const Clock *clock) {
        TravomatrixGateway::Options o;
        o.baseUrl = QUrl(origin);
        o.apiKey = QStringLiteral("tmx_secret_do_not_leak");
        o.timing.scale = 0.01;
        o.random = [] {
            return 0.5;
        };
        auto g = TravomatrixGateway::create(o, clock, scheduler);
        if (!g)
            qFatal("%s", qPrintable(g.error().message));
        return std::move(g).value();
    }

    // A 3xx is never followed: the key and the passports would go to the next hop.
    void redirectIsNeverFollowed() {
        RawHttpServer elsewhere(rawAnswer("201 Created", {}, "{}"));
        RawHttpServer provider(rawAnswer(
            "307 Temporary Redirect",
            "Location: " + elsewhere.origin().toLatin1() + "/api/v1/booking/create\r\n", {}));
        ManualClock clock(TmxEnv::startTime());
        QtScheduler scheduler;
        auto gateway = gatewayFor(provider.origin(), &scheduler, &clock);
        QObject context;
        Answer<OrderSnapshot> created;
        gateway->createOrder("{\"fare_id\":\"TMX-LOSLHR-0001\"}", kKey, &context, {},
                             created.sink());
        QVERIFY(created.wait());
        QVERIFY2(created.failure(), qPrintable(created.why()));
        QCOMPARE(created.failure()->kind, Kind::Fatal);
        QCOMPARE(created.failure()->httpStatus, 307);
        QCOMPARE(provider.requests().size(), 1);
        QVERIFY(provider.requests().first().contains("X-Api-Key: tmx_secret_do_not_leak"));
        QCOMPARE(elsewhere.requests().size(), 0);
    }

    // The status code decides: a 429 whose body is not the contract's is still retried after
    // its Retry-After, and an oversized answer is cut off at 4 MiB, never buffered.
    void rateLimitedWithAnHtmlBodyIsRetried() {
        RawHttpServer provider(
            rawAnswer("429 Too Many Requests", "Retry-After: 1\r\n", "<html>slow down</html>"));
        ManualClock clock(TmxEnv::startTime());
        ManualScheduler manual(&clock);
        auto gateway = gatewayFor(provider.origin(), &manual, &clock);
        QObject context;
        AttemptRecorder log;
        Answer<Wallet> wallet;
        gateway->fetchWallet(&context, log.log(), wallet.sink());
        QTRY_COMPARE(log.entries.size(), 1);
        QCOMPARE(log.entries.first().value(QLatin1String("decision")).toString(),
                 QStringLiteral("retry"));
        QCOMPARE(log.entries.first().value(QLatin1String("wait_ms")).toInt(), 1000);
        provider.setAnswer(rawAnswer("200 OK", "Content-Type: application/json\r\n",
                                     "{\"available\":150000,\"currency\":\"EUR\"}"));
        manual.advance(1000);
        QVERIFY(wallet.wait());
        QVERIFY2(wallet.value(), qPrintable(wallet.why()));
        QCOMPARE(wallet.value()->available.minorUnits(), 150000);
        QCOMPARE(provider.requests().size(), 2);
    }

    void oversizedAnswerIsCutOff() {
        RawHttpServer provider("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                               "Content-Length: 5242880\r\nConnection: close\r\n\r\n{");
        ManualClock clock(TmxEnv::startTime());
        QtScheduler scheduler;
        auto gateway = gatewayFor(provider.origin(), &scheduler, &clock);
        QObject context;
        Answer<Wallet> wallet;
        gateway->fetchWallet(&context, {}, wallet.sink());
        QVERIFY(wallet.wait());
        QVERIFY2(wallet.failure(), qPrintable(wallet.why()));
        QCOMPARE(wallet.failure()->code, QStringLiteral("FD_ANSWER_TOO_LARGE"));
        QCOMPARE(provider.requests().size(), 1);
    }

    void plainHttpOnlyToLoopback() {
        TravomatrixGateway::Options o;
        o.apiKey = QStringLiteral("k");
        ManualClock clock(TmxEnv::startTime());
        QtScheduler scheduler;
        o.baseUrl = QUrl(QStringLiteral("http://api.travomatrix.com"));
        QVERIFY(!TravomatrixGateway::create(o, &clock, &scheduler));
        o.baseUrl = QUrl(QStringLiteral("https://api.travomatrix.com"));
        QVERIFY(TravomatrixGateway::create(o, &clock, &scheduler));
        o.apiKey.clear();
        QVERIFY(!TravomatrixGateway::create(o, &clock, &scheduler));
    }
};

QTEST_GUILESS_MAIN(TestTravomatrixGateway)
#include "tst_travomatrix_gateway.moc"
