// The Travomatrix sandbox's idempotency (seed 000) and its injected faults, over real HTTP on
// 127.0.0.1 and checked from the outside through the ledger: replays, the wait for the first
// request under a key (truly concurrent duplicates on their own connections), mismatches,
// expiry on the sandbox clock, scopes, and every fault kind per endpoint and attempt.
#include "travomatrixharness.h"

using namespace fd::sandbox;
using namespace fd::sandbox::tmxtest;
using namespace Qt::StringLiterals;

namespace {

const QString kCreate = u"/api/v1/booking/create"_s;
const QString kBalance = u"/api/v1/account/balance"_s;

// The airline answers after `delayMs`; the create holds its answer up to `withinMs` (both
// before the fixture's 0.01 timing scale).
QJsonObject airline(int delayMs, int withinMs, const QJsonArray &faults = {}) {
    return {{u"name"_s, u"test"_s},
            {u"airline"_s, QJsonObject{{u"outcome"_s, u"ticketed"_s},
                                       {u"delay_ms"_s, delayMs},
                                       {u"answer_within_ms"_s, withinMs}}},
            {u"faults"_s, faults}};
}

QJsonObject fault(const QString &endpoint, int attempt, const QString &kind,
                  const QJsonObject &more = {}) {
    QJsonObject f{
        {u"endpoint"_s, endpoint}, {u"attempts"_s, QJsonArray{attempt}}, {u"kind"_s, kind}};
    for (auto it = more.begin(); it != more.end(); ++it)
        f.insert(it.key(), it.value());
    return f;
}

QStringList outcomes(const TmxFixture &f, const QString &key) {
    QStringList list;
    for (const auto &r : f.sandbox->ledger().requests())
        if (r.idempotencyKey == key)
            list.append(r.outcome);
    return list;
}

} // namespace

class TestTravomatrixIdempotency final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void replaySameBody() {
        TmxFixture f;
        const auto body = bookingBody(f.firstFare());
        const auto first = f.create(body, "intent-1");
        QCOMPARE(first.status, 201);
        QVERIFY(first.header("Idempotent-Replay").isEmpty());
        const auto second = f.create(body, "intent-1");
        QCOMPARE(second.status, 201);
        QCOMPARE(second.header("Idempotent-Replay"), QByteArray("true"));
        QCOMPARE(second.body, first.body);
        // Whitespace and key order do not make it another payload (canonical JSON).
        const auto pretty = f.client->raw(
            "POST", kCreate, QJsonDocument(body).toJson(QJsonDocument::Indented), "intent-1");
        QCOMPARE(pretty.status, 201);
        QCOMPARE(pretty.header("Idempotent-Replay"), QByteArray("true"));
        QCOMPARE(f.ledger().value(u"bookings").toArray().size(), 1);
        QCOMPARE(f.debits(), 1);
        QCOMPARE(outcomes(f, u"intent-1"_s),
                 QStringList({u"executed"_s, u"replayed"_s, u"replayed"_s}));
    }

    void differentPayloadIsMismatch() {
        TmxFixture f;
        const auto fare = f.firstFare();
        QCOMPARE(f.create(bookingBody(fare), "intent-2").status, 201);
        const auto r = f.create(bookingBody(fare, u"Chinedu"_s), "intent-2");
        QCOMPARE(r.status, 409);
        QCOMPARE(errorCode(r), u"IDEMPOTENCY_KEY_MISMATCH"_s);
        QVERIFY(errorDetails(r).isEmpty());
        QVERIFY(r.header("Idempotent-Replay").isEmpty());
        // A key is one intent whatever the endpoint: confirming with it is a mismatch too.
        const auto confirm = f.client->call("POST", u"/api/v1/booking/cancel/confirm"_s,
                                            {{u"quote_id"_s, u"CQ-0001"_s}}, "intent-2");
        QCOMPARE(confirm.status, 409);
        QCOMPARE(outcomes(f, u"intent-2"_s),
                 QStringList({u"executed"_s, u"key_mismatch"_s, u"key_mismatch"_s}));
        QCOMPARE(f.debits(), 1);
    }

    void keyRequired_data() {
        QTest::addColumn<QString>("path");
        QTest::newRow("create") << kCreate;
        QTest::newRow("confirm") << u"/api/v1/booking/cancel/confirm"_s;
    }
    void keyRequired() {
        QFETCH(QString, path);
        TmxFixture f;
        const auto r = f.client->call("POST", path, bookingBody(f.firstFare()));
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), u"IDEMPOTENCY_KEY_REQUIRED"_s);
        QCOMPARE(f.ledger().value(u"bookings").toArray().size(), 0);
    }

    void keyIgnoredWhereNotIdempotent() {
        // Search and quote change nothing that matters and honour no key: each runs again.
        TmxFixture f;
        const QString pnr = f.create(bookingBody(f.firstFare()), "c").json.value(u"pnr").toString();
        const auto search = searchBody(u"LOS"_s, u"ABV"_s);
        const auto a = f.client->call("POST", u"/api/v1/search"_s, search, "same");
        const auto b = f.client->call("POST", u"/api/v1/search"_s, search, "same");
        QVERIFY(a.json.value(u"search_id") != b.json.value(u"search_id"));
        QVERIFY(b.header("Idempotent-Replay").isEmpty());
        const QString quote = u"/api/v1/booking/cancel/quote"_s;
        const auto q1 = f.client->call("POST", quote, {{u"pnr"_s, pnr}}, "same");
        const auto q2 = f.client->call("POST", quote, {{u"pnr"_s, pnr}}, "same");
        QVERIFY(q1.json.value(u"quote_id") != q2.json.value(u"quote_id"));
    }

    // Seed 000: the same key while the first is executing waits for it. Two connections send
    // the same create at once while the airline is slow (the create holds its answer 50 s, 500 ms
    // at the fixture's scale, and answers PENDING): the second is parked without blocking the event
    // loop, and both get the first's answer, one booking and one debit.
    void concurrentDuplicatesWaitForTheFirst() {
        TmxFixture f;
        QCOMPARE(f.setScenario(airline(75000, 50000)), 200);
        const QByteArray body = compact(bookingBody(f.firstFare()));
        const auto a = f.rawCreate(body, "dup");
        const auto b = f.rawCreate(body, "dup");
        QTRY_COMPARE(outcomes(f, u"dup"_s).count(u"waiting"_s), 1);
        QVERIFY(!a->done() && !b->done());                     // the first is still executing
        QCOMPARE(f.client->call("GET", kBalance).status, 200); // and others are served meanwhile
        QVERIFY(a->wait() && b->wait());
        const auto ra = a->answer(), rb = b->answer();
        QCOMPARE(ra.status, 201);
        QCOMPARE(rb.status, 201);
        QCOMPARE(ra.body, rb.body);
        QCOMPARE(ra.json.value(u"status").toString(), u"PENDING"_s);
        QCOMPARE(QList<QByteArray>({ra.header("Idempotent-Replay"), rb.header("Idempotent-Replay")})
                     .count("true"),
                 1);
        QCOMPARE(outcomes(f, u"dup"_s), QStringList({u"executed"_s, u"waited"_s}));
        const auto ledger = f.ledger();
        QCOMPARE(ledger.value(u"bookings").toArray().size(), 1);
        QCOMPARE(countWhere(ledger.value(u"wallet_movements").toArray(), u"type"_s, u"debit"_s), 1);
        const QString pnr = ra.json.value(u"pnr").toString();
        QTRY_COMPARE(f.bookingStatus(pnr), u"TICKETED"_s);
    }

    void duplicateWaitsThroughSlowFault() {
        TmxFixture f;
        QCOMPARE(
            f.setScenario(airline(
                500, 2000, {fault(u"create_booking"_s, 1, u"slow"_s, {{u"delay_ms"_s, 50000}})})),
            200);
        const QByteArray body = compact(bookingBody(f.firstFare()));
        const auto a = f.rawCreate(body, "k");
        QTRY_COMPARE(f.sandbox->ledger().requests().size(), qsizetype(2)); // search, create
        const auto b = f.rawCreate(body, "k");
        QTRY_COMPARE(outcomes(f, u"k"_s).count(u"waiting"_s), 1);
        QVERIFY(a->wait() && b->wait());
        QCOMPARE(a->answer().json.value(u"status").toString(), u"TICKETED"_s);
        QCOMPARE(b->answer().body, a->answer().body);
        QCOMPARE(f.debits(), 1);
    }

    void mismatchWhileInFlightIsImmediate() {
        TmxFixture f;
        QCOMPARE(f.setScenario(airline(75000, 50000)), 200);
        const auto fare = f.firstFare();
        const auto a = f.rawCreate(compact(bookingBody(fare)), "k");
        QTRY_COMPARE(f.sandbox->ledger().movements().size(), qsizetype(1)); // booked, held
        const auto other = f.create(bookingBody(fare, u"Chinedu"_s), "k");
        QCOMPARE(other.status, 409);
        QCOMPARE(errorCode(other), u"IDEMPOTENCY_KEY_MISMATCH"_s);
        QVERIFY(!a->done());
        QVERIFY(a->wait());
        QCOMPARE(a->answer().status, 201);
    }

    void waitGivesUpAfterSixtySeconds() {
        // The first holds its answer 10 minutes (PENDING after that); a duplicate waits 60 s,
        // then is told to retry with the same key. At a thousandth: 600 ms and 60 ms.
        TmxFixture f;
        f.sandbox->setTimingScale(0.001);
        QCOMPARE(f.setScenario(airline(900000, 600000)), 200);
        const QByteArray body = compact(bookingBody(f.firstFare()));
        const auto a = f.rawCreate(body, "slow");
        const auto b = f.rawCreate(body, "slow");
        QVERIFY(b->wait());
        QVERIFY(!a->done());
        QCOMPARE(b->answer().status, 504);
        QCOMPARE(b->answer().json.value(u"error").toObject().value(u"code").toString(),
                 u"UPSTREAM_TIMEOUT"_s);
        QVERIFY(a->wait());
        QCOMPARE(a->answer().status, 201);
        const auto retry = f.client->raw("POST", kCreate, body, "slow");
        QCOMPARE(retry.header("Idempotent-Replay"), QByteArray("true"));
        QCOMPARE(retry.body, a->answer().body);
        QCOMPARE(outcomes(f, u"slow"_s),
                 QStringList({u"executed"_s, u"waited;timeout"_s, u"replayed"_s}));
    }

    void duplicateGetsTheFirstsRejection() {
        // The first is held by a slow fault; meanwhile another intent books the same fare. The
        // first then finds it sold out: it and its waiting duplicate get that 410, and nothing is
        // kept under the key.
        TmxFixture f;
        QCOMPARE(
            f.setScenario(airline(
                0, 2000, {fault(u"create_booking"_s, 1, u"slow"_s, {{u"delay_ms"_s, 50000}})})),
            200);
        const auto fare = f.firstFare();
        const QByteArray body = compact(bookingBody(fare));
        const auto a = f.rawCreate(body, "first");
        QTRY_COMPARE(f.sandbox->ledger().requests().size(), qsizetype(2));
        const auto b = f.rawCreate(body, "first");
        QTRY_COMPARE(outcomes(f, u"first"_s).count(u"waiting"_s), 1);
        QCOMPARE(f.create(bookingBody(fare, u"Chinedu"_s), "second").status, 201);
        QVERIFY(a->wait() && b->wait());
        QCOMPARE(a->answer().status, 410);
        QCOMPARE(b->answer().body, a->answer().body);
        QCOMPARE(a->answer().json.value(u"error").toObject().value(u"code").toString(),
                 u"FARE_SOLD_OUT"_s);
        const auto again = f.client->raw("POST", kCreate, body, "first");
        QCOMPARE(again.status, 410);
        QVERIFY(again.header("Idempotent-Replay").isEmpty()); // judged afresh
        QCOMPARE(f.debits(), 1);
    }

    void keysExpireAfter24Hours() {
        TmxFixture f;
        const QString quote = u"/api/v1/booking/cancel/quote"_s;
        const QString confirm = u"/api/v1/booking/cancel/confirm"_s;
        const auto body = bookingBody(f.firstFare());
        QCOMPARE(f.create(body, "day").status, 201);
        f.clock.advance((24 * 3600 - 1) * 1000LL);
        QCOMPARE(f.create(body, "day").header("Idempotent-Replay"), QByteArray("true"));
        f.clock.advance(1000);
        // Forgotten: the same request is judged afresh, and its fare is gone by now.
        const auto late = f.create(body, "day");
        QCOMPARE(late.status, 410);
        QVERIFY(late.header("Idempotent-Replay").isEmpty());
        // The same for a confirm: replayed within the day, then executed again (no new refund).
        const QString pnr =
            f.ledger().value(u"bookings").toArray().first().toObject().value(u"pnr").toString();
        const auto q = f.client->call("POST", quote, {{u"pnr"_s, pnr}});
        const QJsonObject c{{u"quote_id"_s, q.json.value(u"quote_id")}};
        QCOMPARE(f.client->call("POST", confirm, c, "cancel").status, 200);
        f.clock.advance(24 * 3600 * 1000LL);
        const auto again = f.client->call("POST", confirm, c, "cancel");
        QCOMPARE(again.status, 200);
        QVERIFY(again.header("Idempotent-Replay").isEmpty());
        QCOMPARE(
            countWhere(f.ledger().value(u"wallet_movements").toArray(), u"type"_s, u"refund"_s), 1);
    }

    void keysScopedToApiKey() {
        TravomatrixSandbox::Options options;
        options.extraApiKeys = {u"tmx_other_agency"_s};
        TmxFixture f(options);
        TmxClient other(f.sandbox->baseUrl(), u"tmx_other_agency"_s);
        QCOMPARE(f.create(bookingBody(f.firstFare()), "shared").status, 201);
        const auto r =
            other.call("POST", kCreate, bookingBody(f.firstFare(), u"Chinedu"_s), "shared");
        QCOMPARE(r.status, 201); // another agency's key space: neither a replay nor a mismatch
        QVERIFY(r.header("Idempotent-Replay").isEmpty());
        QCOMPARE(f.debits(), 2);
    }

    void answerFaults() {
        TmxFixture f;
        const QString b = u"get_balance"_s;
        QCOMPARE(f.setScenario(
                     airline(500, 2000,
                             {fault(b, 1, u"unavailable"_s, {{u"retry_after"_s, 3}}),
                              fault(b, 2, u"unavailable"_s), fault(b, 3, u"internal"_s),
                              fault(b, 4, u"upstream_timeout"_s),
                              fault(b, 5, u"rate_limited"_s, {{u"retry_after"_s, 2}}),
                              fault(b, 6, u"rate_limited"_s), fault(b, 7, u"bad_gateway_html"_s)})),
                 200);
        struct Expect {
            int status;
            const char *code;
            QByteArray retryAfter;
        };
        const QList<Expect> expected{{503, "UNAVAILABLE", "3"},  {503, "UNAVAILABLE", ""},
                                     {500, "INTERNAL", ""},      {504, "UPSTREAM_TIMEOUT", ""},
                                     {429, "RATE_LIMITED", "2"}, {429, "RATE_LIMITED", "1"}};
        for (const auto &e : expected) {
            const auto r = f.client->call("GET", kBalance);
            QCOMPARE(r.status, e.status);
            QCOMPARE(errorCode(r), QLatin1String(e.code));
            QCOMPARE(r.json.keys(), QStringList{u"error"_s});
            QCOMPARE(r.header("Retry-After"), e.retryAfter);
        }
        const auto html = f.client->call("GET", kBalance);
        QCOMPARE(html.status, 502);
        QVERIFY(html.header("Content-Type").startsWith("text/html"));
        QVERIFY(QJsonDocument::fromJson(html.body).isNull());
        QCOMPARE(f.client->call("GET", kBalance).status, 200);
        QStringList seen;
        for (const auto &row : f.sandbox->ledger().requests())
            if (row.endpoint == b)
                seen.append(QString::number(row.attempt) + u' ' + row.outcome);
        QCOMPARE(seen, QStringList({u"1 fault:unavailable"_s, u"2 fault:unavailable"_s,
                                    u"3 fault:internal"_s, u"4 fault:upstream_timeout"_s,
                                    u"5 fault:rate_limited"_s, u"6 fault:rate_limited"_s,
                                    u"7 fault:bad_gateway_html"_s, u"8 executed"_s}));
    }

    void resetBeforeCommit() {
        TmxFixture f;
        QCOMPARE(f.setScenario(
                     airline(500, 2000, {fault(u"create_booking"_s, 1, u"reset_before_commit"_s)})),
                 200);
        const QByteArray body = compact(bookingBody(f.firstFare()));
        const auto a = f.rawCreate(body, "k");
        QVERIFY(a->wait());
        QVERIFY(a->closedUnanswered());
        QCOMPARE(f.sandbox->ledger().movements().size(), qsizetype(0)); // nothing executed
        const auto retry = f.client->raw("POST", kCreate, body, "k");
        QCOMPARE(retry.status, 201);
        QVERIFY(retry.header("Idempotent-Replay").isEmpty());
        QCOMPARE(outcomes(f, u"k"_s), QStringList({u"fault:reset_before_commit"_s, u"executed"_s}));
    }

    void resetAfterCommit() {
        TmxFixture f;
        QCOMPARE(f.setScenario(
                     airline(500, 2000, {fault(u"create_booking"_s, 1, u"reset_after_commit"_s)})),
                 200);
        const QByteArray body = compact(bookingBody(f.firstFare()));
        const auto a = f.rawCreate(body, "k");
        QVERIFY(a->wait());
        QVERIFY(a->closedUnanswered());
        QCOMPARE(f.debits(), 1); // booked before the connection dropped
        const auto retry = f.client->raw("POST", kCreate, body, "k");
        QCOMPARE(retry.status, 201);
        QCOMPARE(retry.header("Idempotent-Replay"), QByteArray("true"));
        QCOMPARE(retry.json.value(u"status").toString(), u"TICKETED"_s);
        QCOMPARE(outcomes(f, u"k"_s),
                 QStringList({u"executed;fault:reset_after_commit"_s, u"replayed"_s}));
        QCOMPARE(f.debits(), 1);
    }

    void hangs_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("committed");
        QTest::newRow("hang") << u"hang"_s << false;
        QTest::newRow("hang_after_commit") << u"hang_after_commit"_s << true;
    }
    void hangs() {
        QFETCH(QString, kind);
        QFETCH(bool, committed);
        TmxFixture f;
        QCOMPARE(f.setScenario(airline(500, 2000, {fault(u"create_booking"_s, 1, kind)})), 200);
        const QByteArray body = compact(bookingBody(f.firstFare()));
        const auto a = f.rawCreate(body, "k");
        QTRY_VERIFY(outcomes(f, u"k"_s).value(0).endsWith(u"fault:"_s + kind));
        // A later request is answered, so the hung one had its chance: it never will be.
        QCOMPARE(f.client->call("GET", kBalance).status, 200);
        QVERIFY(!a->done());
        QCOMPARE(f.debits(), committed ? 1 : 0);
        // The client gives up and retries with the same key.
        const auto retry = f.client->raw("POST", kCreate, body, "k");
        QCOMPARE(retry.status, 201);
        QCOMPARE(retry.header("Idempotent-Replay"), committed ? QByteArray("true") : QByteArray());
        QCOMPARE(f.debits(), 1);
    }

    void slowFaultKeepsServing() {
        TmxFixture f;
        QCOMPARE(f.setScenario(airline(
                     500, 2000, {fault(u"search"_s, 1, u"slow"_s, {{u"delay_ms"_s, 20000}})})),
                 200);
        QNetworkReply *slow =
            f.client->start("POST", u"/api/v1/search"_s, compact(searchBody(u"LOS"_s, u"LHR"_s)));
        QTRY_COMPARE(f.sandbox->ledger().requests().size(), qsizetype(1));
        QCOMPARE(f.client->call("GET", kBalance).status, 200);
        QVERIFY(!slow->isFinished());
        QCOMPARE(test::Client::finish(slow).status, 200);
    }

    void flakyNetworkBuiltIn() {
        // The trainer's scenario end to end, with a client that follows the contract's table.
        TmxFixture f;
        QVERIFY(f.sandbox->setScenario(u"flaky_network"_s).ok());
        const auto search = searchBody(u"LOS"_s, u"LHR"_s);
        auto r = f.search(search);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Retry-After"), QByteArray("1"));
        r = f.search(search);
        QCOMPARE(r.status, 200);
        const auto body = bookingBody(r.json.value(u"fares").toArray().first().toObject());
        r = f.create(body, "intent");
        QCOMPARE(r.status, 503);
        QCOMPARE(r.header("Retry-After"), QByteArray("1"));
        // Attempt 2 books, then its connection drops; Qt may resend by itself, or we retry.
        r = f.create(body, "intent");
        if (r.status == 0)
            r = f.create(body, "intent");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.header("Idempotent-Replay"), QByteArray("true"));
        const QString pnr = r.json.value(u"pnr").toString();
        QCOMPARE(f.booking(pnr).status, 500);
        QCOMPARE(f.bookingStatus(pnr), u"TICKETED"_s);
        const auto q = f.client->call("POST", u"/api/v1/booking/cancel/quote"_s, {{u"pnr"_s, pnr}});
        const QJsonObject c{{u"quote_id"_s, q.json.value(u"quote_id")}};
        const QString confirm = u"/api/v1/booking/cancel/confirm"_s;
        QCOMPARE(f.client->call("POST", confirm, c, "cancel").status, 504);
        QCOMPARE(f.client->call("POST", confirm, c, "cancel").status, 200);
        const auto moves = f.ledger().value(u"wallet_movements").toArray();
        QCOMPARE(countWhere(moves, u"type"_s, u"debit"_s), 1);
        QCOMPARE(countWhere(moves, u"type"_s, u"refund"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestTravomatrixIdempotency)
#include "tst_travomatrix_idempotency.moc"
