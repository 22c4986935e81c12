// The Travomatrix sandbox serves the contract of shared/api/travomatrix-v1.md over real HTTP on
// 127.0.0.1: every endpoint's answers and errors, the airline's outcomes, the built-in
// scenarios, the sandbox-only endpoints, and what it refuses before reading (auth, Host, size).
// Idempotency and injected faults: tst_travomatrix_idempotency.
#include "travomatrixharness.h"

#include "sandbox/travomatrix/tmxbook.h"

#include <QRegularExpression>
#include <QSet>

using namespace fd::sandbox;
using namespace fd::sandbox::tmxtest;
using namespace Qt::StringLiterals;

namespace {

// The object at a path of keys and array indexes: pathValue(fare, {"itineraries", "0"}).
QJsonObject pathValue(const QJsonObject &o, std::initializer_list<const char *> path) {
    QJsonValue v = o;
    for (const char *p : path) {
        bool index = false;
        const int i = QByteArray(p).toInt(&index);
        v = index ? v.toArray().at(i) : v.toObject().value(QLatin1String(p));
    }
    return v.toObject();
}

// A body with one field replaced (or removed, for an undefined value), by dotted path.
QJsonObject with(QJsonObject o, const QString &dotted, const QJsonValue &value) {
    const QStringList path = dotted.split(QLatin1Char('.'));
    std::function<QJsonValue(QJsonValue, int)> set = [&](QJsonValue node, int at) -> QJsonValue {
        bool index = false;
        const int i = path[at].toInt(&index);
        if (index) {
            QJsonArray a = node.toArray();
            a[i] = at + 1 == path.size() ? value : set(a[i], at + 1);
            return a;
        }
        QJsonObject obj = node.toObject();
        if (at + 1 == path.size()) {
            if (value.isUndefined())
                obj.remove(path[at]);
            else
                obj[path[at]] = value;
        } else {
            obj[path[at]] = set(obj[path[at]], at + 1);
        }
        return obj;
    };
    return set(o, 0).toObject();
}

void verifyError(const HttpResult &r, int status, const QString &code) {
    QCOMPARE(r.status, status);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(r.json.keys(), QStringList{QStringLiteral("error")}); // no other envelope
    QCOMPARE(errorCode(r), code);
    QVERIFY(!pathValue(r.json, {"error"}).value(QLatin1String("message")).toString().isEmpty());
}

const QString kCreate = QStringLiteral("/api/v1/booking/create");
const QString kQuote = QStringLiteral("/api/v1/booking/cancel/quote");
const QString kConfirm = QStringLiteral("/api/v1/booking/cancel/confirm");
const QString kBalance = QStringLiteral("/api/v1/account/balance");

} // namespace

class TestTravomatrixSandbox final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void search_data() {
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("back");
        QTest::addColumn<QList<int>>("travellers"); // adults, children, infants
        QTest::addColumn<bool>("passport");
        QTest::addColumn<QStringList>("types");
        QTest::newRow("LOS-LHR one adult")
            << "LHR" << QString() << QList<int>{1, 0, 0} << true << QStringList{u"ADT"_s};
        QTest::newRow("LOS-ABV domestic")
            << "ABV" << QString() << QList<int>{1, 0, 0} << false << QStringList{u"ADT"_s};
        QTest::newRow("LOS-LHR family return")
            << "LHR"
            << "2027-12-20" << QList<int>{2, 1, 1} << true
            << QStringList{u"ADT"_s, u"ADT"_s, u"CHD"_s, u"INF"_s};
    }
    void search() {
        QFETCH(QString, to);
        QFETCH(QString, back);
        QFETCH(QList<int>, travellers);
        QFETCH(bool, passport);
        QFETCH(QStringList, types);
        TmxFixture f;
        const auto r = f.search(searchBody(QStringLiteral("LOS"), to, QStringLiteral("2027-12-10"),
                                           travellers[0], travellers[1], travellers[2], back));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json.contains(QLatin1String("data"))); // no wrapper
        QVERIFY(r.json.value(QLatin1String("search_id")).toString().startsWith(u"tms_"));
        const auto fares = r.json.value(QLatin1String("fares")).toArray();
        QVERIFY(!fares.isEmpty());
        for (const auto &fv : fares) {
            const auto fare = fv.toObject();
            QVERIFY(fare.value(QLatin1String("fare_id"))
                        .toString()
                        .startsWith(QStringLiteral("TMX-LOS") + to + QLatin1Char('-')));
            QCOMPARE(fare.value(QLatin1String("valid_until")).toString(),
                     QStringLiteral("2026-12-01T10:30:00Z"));
            const auto price = fare.value(QLatin1String("price")).toObject();
            QVERIFY(price.value(QLatin1String("amount")).isDouble()); // minor units
            QVERIFY(price.value(QLatin1String("amount")).toInteger() > 0);
            QCOMPARE(price.value(QLatin1String("currency")).toString(), QStringLiteral("EUR"));
            const auto carrier = fare.value(QLatin1String("validating_carrier")).toObject();
            QCOMPARE(carrier.value(QLatin1String("code")).toString().size(), 2);
            QVERIFY(!carrier.value(QLatin1String("name")).toString().isEmpty());
            const auto itineraries = fare.value(QLatin1String("itineraries")).toArray();
            QCOMPARE(itineraries.size(), back.isEmpty() ? 1 : 2);
            const auto segment = pathValue(fare, {"itineraries", "0", "segments", "0"});
            QCOMPARE(segment.value(QLatin1String("carrier")).toString(),
                     carrier.value(QLatin1String("code")).toString());
            QCOMPARE(pathValue(segment, {"from"}),
                     QJsonObject({{u"code"_s, u"LOS"_s},
                                  {u"country"_s, u"NG"_s},
                                  {u"time_zone"_s, u"Africa/Lagos"_s}}));
            QCOMPARE(pathValue(segment, {"to"}).value(QLatin1String("code")).toString(), to);
            QVERIFY(
                segment.value(QLatin1String("departs_at")).toString().startsWith(u"2027-12-10T"));
            QVERIFY(segment.value(QLatin1String("departs_at")).toString().endsWith(u'Z'));
            if (!back.isEmpty())
                QCOMPARE(pathValue(fare, {"itineraries", "1", "segments", "0", "from"})
                             .value(QLatin1String("code"))
                             .toString(),
                         to);
            QStringList got;
            int n = 0;
            for (const auto &t : fare.value(QLatin1String("travellers")).toArray()) {
                QCOMPARE(t.toObject().value(QLatin1String("ref")).toString(),
                         QStringLiteral("T%1").arg(++n));
                got.append(t.toObject().value(QLatin1String("type")).toString());
            }
            QCOMPARE(got, types);
            QCOMPARE(fare.value(QLatin1String("passport_required")).toBool(), passport);
        }
    }

    void searchSellsTheCataloguePrices() {
        // The Travelbase sandbox's catalogue, sold as Travomatrix fares: same flights, same totals.
        TmxFixture f;
        test::Fixture tb(&f.clock);
        const auto offer = tb.firstOffer(true, {QStringLiteral("adult"), QStringLiteral("child")});
        const auto fare = f.firstFare(QStringLiteral("LHR"), 1, 1);
        const auto tbTotal = fd::Money::parse(offer.value(QLatin1String("total_amount")).toString(),
                                              QStringLiteral("EUR"));
        QCOMPARE(pathValue(fare, {"price"}).value(QLatin1String("amount")).toInteger(),
                 tbTotal->minorUnits());
        QCOMPARE(pathValue(fare, {"itineraries", "0", "segments", "0"})
                     .value(QLatin1String("flight_number"))
                     .toString(),
                 pathValue(offer, {"slices", "0", "segments", "0"})
                     .value(QLatin1String("flight_number"))
                     .toString());
    }

    void searchIsDeterministic() {
        TmxFixture a, b;
        const auto body = searchBody(QStringLiteral("LOS"), QStringLiteral("LHR"));
        QCOMPARE(a.search(body).body, b.search(body).body);
    }

    void searchValidation_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("detail"); // the details[].field expected
        QTest::newRow("origin missing") << "origin" << QJsonValue() << "origin";
        QTest::newRow("origin unknown") << "origin" << QJsonValue(u"XXX"_s) << "origin";
        QTest::newRow("same airports") << "destination" << QJsonValue(u"LOS"_s) << "destination";
        QTest::newRow("date format")
            << "departure_date" << QJsonValue(u"10/12/2027"_s) << "departure_date";
        QTest::newRow("date past")
            << "departure_date" << QJsonValue(u"2026-11-30"_s) << "departure_date";
        QTest::newRow("return before")
            << "return_date" << QJsonValue(u"2027-12-01"_s) << "return_date";
        QTest::newRow("no adults") << "adults" << QJsonValue(0) << "adults";
        QTest::newRow("adults text") << "adults" << QJsonValue(u"1"_s) << "adults";
        QTest::newRow("adults fraction") << "adults" << QJsonValue(1.5) << "adults";
        QTest::newRow("too many") << "children" << QJsonValue(9) << "adults";
        QTest::newRow("infants outnumber") << "infants" << QJsonValue(2) << "infants";
        QTest::newRow("cabin") << "cabin" << QJsonValue(u"economy"_s) << "cabin";
    }
    void searchValidation() {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, detail);
        TmxFixture f;
        const auto body = with(searchBody(QStringLiteral("LOS"), QStringLiteral("LHR")), field,
                               value.isNull() ? QJsonValue(QJsonValue::Undefined) : value);
        const auto r = f.search(body);
        verifyError(r, 400, QStringLiteral("VALIDATION_ERROR"));
        const auto details = errorDetails(r);
        QCOMPARE(details.size(), 1);
        QCOMPARE(details.first().toObject().value(QLatin1String("field")).toString(), detail);
        QVERIFY(!details.first().toObject().value(QLatin1String("issue")).toString().isEmpty());
    }

    void malformedBodies_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("issue");
        for (const QString &path : {QStringLiteral("/api/v1/search"), kCreate, kQuote, kConfirm,
                                    QStringLiteral("/__sandbox/scenario")}) {
            QTest::addRow("broken %s", qPrintable(path))
                << path << QByteArray("{\"origin\":") << "is not valid JSON";
            QTest::addRow("array %s", qPrintable(path))
                << path << QByteArray("[]") << "must be a JSON object";
            QTest::addRow("empty %s", qPrintable(path)) << path << QByteArray() << "is empty";
        }
    }
    void malformedBodies() {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, issue);
        TmxFixture f;
        const auto r = f.client->raw("POST", path, body, "k");
        verifyError(r, 400, QStringLiteral("VALIDATION_ERROR"));
        const auto d = errorDetails(r).first().toObject();
        QCOMPARE(d.value(QLatin1String("field")).toString(), QStringLiteral("body"));
        QVERIFY2(d.value(QLatin1String("issue")).toString().startsWith(issue),
                 qPrintable(d.value(QLatin1String("issue")).toString()));
        QCOMPARE(f.sandbox->ledger().movements().size(), qsizetype(0));
    }

    void fareLookup() {
        TmxFixture f;
        const auto fare = f.firstFare();
        const QString id = fare.value(QLatin1String("fare_id")).toString();
        const QString path = QStringLiteral("/api/v1/fares/") + id;
        auto r = f.client->call("GET", path);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json, fare); // the same fare object
        verifyError(f.client->call("GET", QStringLiteral("/api/v1/fares/TMX-LOSLHR-9999")), 404,
                    QStringLiteral("NOT_FOUND"));
        f.clock.advance(30 * 60 * 1000 - 1);
        QCOMPARE(f.client->call("GET", path).status, 200);
        f.clock.advance(1);
        verifyError(f.client->call("GET", path), 410, QStringLiteral("FARE_EXPIRED"));
        // Booked: sold out, whatever its validity.
        const auto other = f.firstFare();
        QCOMPARE(f.create(bookingBody(other), "k").status, 201);
        verifyError(f.client->call("GET", QStringLiteral("/api/v1/fares/") +
                                              other.value(QLatin1String("fare_id")).toString()),
                    410, QStringLiteral("FARE_SOLD_OUT"));
        verifyError(f.create(bookingBody(other), "k2"), 410, QStringLiteral("FARE_SOLD_OUT"));
        verifyError(f.create(bookingBody(fare), "k3"), 410, QStringLiteral("FARE_EXPIRED"));
        QCOMPARE(f.debits(), 1);
    }

    void balance() {
        TmxFixture f;
        const auto r = f.client->call("GET", kBalance);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json, QJsonObject({{u"available"_s, 500000}, {u"currency"_s, u"EUR"_s}}));
    }

    void bookingTicketed() {
        TmxFixture f;
        QSignalSpy changes(f.sandbox.get(), &TravomatrixSandbox::bookingChanged);
        const auto fare = f.firstFare(QStringLiteral("LHR"), 2, 1, 1);
        const qint64 price = pathValue(fare, {"price"}).value(QLatin1String("amount")).toInteger();
        const auto r = f.create(bookingBody(fare), "intent-1");
        QCOMPARE(r.status, 201);
        QVERIFY(r.header("Idempotent-Replay").isEmpty());
        const QString pnr = r.json.value(QLatin1String("pnr")).toString();
        QCOMPARE(pnr.size(), 6);
        QCOMPARE(r.json.value(QLatin1String("status")).toString(), QStringLiteral("TICKETED"));
        QCOMPARE(r.json.value(QLatin1String("fare_id")), fare.value(QLatin1String("fare_id")));
        QCOMPARE(pathValue(r.json, {"total"}),
                 QJsonObject({{u"amount"_s, price}, {u"currency"_s, u"EUR"_s}}));
        QCOMPARE(r.json.value(QLatin1String("created_at")).toString(),
                 QStringLiteral("2026-12-01T10:00:00Z"));
        QVERIFY(r.json.value(QLatin1String("failure_reason")).isNull());
        const auto tickets = r.json.value(QLatin1String("tickets")).toArray();
        QCOMPARE(tickets.size(), 4);
        for (int i = 0; i < 4; ++i) {
            const auto t = tickets[i].toObject();
            QCOMPARE(t.value(QLatin1String("traveller_ref")).toString(),
                     QStringLiteral("T%1").arg(i + 1));
            QCOMPARE(t.value(QLatin1String("number")).toString().size(), 13);
        }
        QCOMPARE(f.booking(pnr).json, r.json); // strongly consistent
        QCOMPARE(changes.size(), 2);           // created PENDING, then TICKETED
        QCOMPARE(f.client->call("GET", kBalance).json.value(QLatin1String("available")).toInteger(),
                 500000 - price);
        verifyError(f.booking(QStringLiteral("NOPNR1")), 404, QStringLiteral("NOT_FOUND"));
    }

    // A demo run starts its numbers high (a journal outlives the run): PNRs follow the booking
    // number (Book::pnrFor), keep their 6 characters, and never repeat within 2^30 numbers.
    void firstOrderNumberOption() {
        const qint64 first = 3301234567; // 10 ms ticks since 2026 in 2027: above 2^31
        TravomatrixSandbox::Options options;
        options.firstOrderNumber = first;
        TmxFixture f(options);
        QStringList pnrs;
        for (const char *key : {"intent-1", "intent-2"}) {
            const auto r = f.create(bookingBody(f.firstFare()), key);
            QCOMPARE(r.status, 201);
            pnrs << r.json.value(QLatin1String("pnr")).toString();
            const auto tickets = r.json.value(QLatin1String("tickets")).toArray();
            QCOMPARE(tickets.size(), 1);
            QCOMPARE(tickets.first().toObject().value(QLatin1String("number")).toString().size(),
                     13);
        }
        QCOMPARE(pnrs, (QStringList{tmx::Book::pnrFor(first), tmx::Book::pnrFor(first + 1)}));
        QVERIFY(pnrs.first() != tmx::Book::pnrFor(1)); // what a run from 1 books first

        // A bijection of the low 30 bits: consecutive numbers, and numbers far apart, differ.
        const QRegularExpression shape(QStringLiteral("^[A-HJ-NP-Z2-9]{6}$"));
        QSet<QString> seen;
        // Low 30 bits pairwise apart; the third range wraps around 2^30.
        const qint64 starts[] = {200001, first, (qint64(1) << 30) - 50000,
                                 (qint64(1) << 40) + 500000};
        for (const qint64 start : starts)
            for (qint64 n = start; n < start + 20000; ++n) {
                const QString pnr = tmx::Book::pnrFor(n);
                QVERIFY(shape.match(pnr).hasMatch());
                seen.insert(pnr);
            }
        QCOMPARE(seen.size(), 4 * 20000);
        QCOMPARE(tmx::Book::pnrFor(first + (qint64(1) << 30)), tmx::Book::pnrFor(first));
    }

    void createRejections_data() {
        QTest::addColumn<QString>("field"); // dotted path into the body; "" leaves it valid
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("detail");
        const QJsonValue gone(QJsonValue::Undefined);
        QTest::newRow("fare_id missing") << "fare_id" << gone << 400 << "VALIDATION_ERROR"
                                         << "fare_id";
        QTest::newRow("fare unknown")
            << "fare_id" << QJsonValue(u"TMX-LOSLHR-9999"_s) << 404 << "NOT_FOUND"
            << "";
        QTest::newRow("title") << "travellers.0.title" << QJsonValue(u"SIR"_s) << 400
                               << "VALIDATION_ERROR"
                               << "travellers[0].title";
        QTest::newRow("gender") << "travellers.0.gender" << QJsonValue(u"X"_s) << 400
                                << "VALIDATION_ERROR"
                                << "travellers[0].gender";
        QTest::newRow("first_name")
            << "travellers.0.first_name" << gone << 400 << "VALIDATION_ERROR"
            << "travellers[0].first_name";
        QTest::newRow("adult born a child")
            << "travellers.0.date_of_birth" << QJsonValue(u"2019-06-01"_s) << 400
            << "VALIDATION_ERROR"
            << "travellers[0].date_of_birth";
        QTest::newRow("child born an adult")
            << "travellers.1.date_of_birth" << QJsonValue(u"2000-01-01"_s) << 400
            << "VALIDATION_ERROR"
            << "travellers[1].date_of_birth";
        QTest::newRow("unknown ref")
            << "travellers.1.ref" << QJsonValue(u"T9"_s) << 400 << "VALIDATION_ERROR"
            << "travellers[1].ref";
        QTest::newRow("ref twice")
            << "travellers.1.ref" << QJsonValue(u"T1"_s) << 400 << "VALIDATION_ERROR"
            << "travellers[1].ref";
        QTest::newRow("passport missing")
            << "travellers.0.passport" << gone << 400 << "VALIDATION_ERROR"
            << "travellers[0].passport";
        QTest::newRow("passport before travel")
            << "travellers.0.passport.expiry_date" << QJsonValue(u"2027-12-09"_s) << 400
            << "VALIDATION_ERROR"
            << "travellers[0].passport.expiry_date";
        QTest::newRow("passport country") << "travellers.0.passport.issuing_country"
                                          << QJsonValue(u"NGA"_s) << 400 << "VALIDATION_ERROR"
                                          << "travellers[0].passport.issuing_country";
        QTest::newRow("email") << "contact.email" << QJsonValue(u"okafor"_s) << 400
                               << "VALIDATION_ERROR"
                               << "contact.email";
        QTest::newRow("phone") << "contact.phone" << QJsonValue(u"08012345678"_s) << 400
                               << "VALIDATION_ERROR"
                               << "contact.phone";
        QTest::newRow("payment amount")
            << "payment.amount" << QJsonValue(1) << 400 << "VALIDATION_ERROR"
            << "payment.amount";
        QTest::newRow("payment decimal")
            << "payment.amount" << QJsonValue(u"398.50"_s) << 400 << "VALIDATION_ERROR"
            << "payment.amount";
        QTest::newRow("payment currency")
            << "payment.currency" << QJsonValue(u"USD"_s) << 400 << "VALIDATION_ERROR"
            << "payment.currency";
        QTest::newRow("payment method")
            << "payment.method" << QJsonValue(u"CARD"_s) << 400 << "VALIDATION_ERROR"
            << "payment.method";
    }
    void createRejections() {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, detail);
        TmxFixture f;
        const auto fare = f.firstFare(QStringLiteral("LHR"), 1, 1);
        const auto r = f.create(with(bookingBody(fare), field, value), "intent");
        verifyError(r, status, code);
        if (!detail.isEmpty()) {
            const auto details = errorDetails(r);
            QCOMPARE(details.size(), 1);
            QCOMPARE(details.first().toObject().value(QLatin1String("field")).toString(), detail);
        }
        // Rejected before executing: nothing booked, nothing debited, nothing kept for the key.
        QCOMPARE(f.ledger().value(QLatin1String("bookings")).toArray().size(), 0);
        QCOMPARE(f.sandbox->ledger().movements().size(), qsizetype(0));
        const auto retry = f.create(bookingBody(fare), "intent");
        QCOMPARE(retry.status, 201);
        QVERIFY(retry.header("Idempotent-Replay").isEmpty());
    }

    void passportOptionalOnDomesticFares() {
        TmxFixture f;
        const auto fare = f.firstFare(QStringLiteral("ABV"));
        QCOMPARE(fare.value(QLatin1String("passport_required")).toBool(), false);
        QCOMPARE(f.create(bookingBody(fare), "k").status, 201);
    }

    void insufficientFunds() {
        TmxFixture f;
        QVERIFY(f.sandbox->setScenario(QStringLiteral("wallet_too_low")).ok());
        const auto fare = f.firstFare();
        const auto r = f.create(bookingBody(fare), "k");
        verifyError(r, 402, QStringLiteral("INSUFFICIENT_FUNDS"));
        QVERIFY(pathValue(r.json, {"error"})
                    .value(QLatin1String("message"))
                    .toString()
                    .startsWith(u"Balance 100.00 EUR is below "));
        QVERIFY(errorDetails(r).isEmpty()); // details on validation errors only
        f.sandbox->setWalletBalance(fd::Money::fromMinor(500000, QStringLiteral("EUR")).value());
        QCOMPARE(f.create(bookingBody(fare), "k").status, 201); // nothing was kept for the key
    }

    void airlineRejects() {
        TmxFixture f;
        QVERIFY(f.sandbox->setScenario(QStringLiteral("airline_rejects")).ok());
        const auto r = f.create(bookingBody(f.firstFare()), "k");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(QLatin1String("status")).toString(), QStringLiteral("REJECTED"));
        QVERIFY(r.json.value(QLatin1String("failure_reason")).toString().contains(u"refused"));
        QVERIFY(r.json.value(QLatin1String("tickets")).toArray().isEmpty());
        const auto &moves = f.sandbox->ledger().movements();
        QCOMPARE(moves.size(), qsizetype(2));
        QCOMPARE(moves[0].type, QStringLiteral("debit"));
        QCOMPARE(moves[1].type, QStringLiteral("reversal"));
        QCOMPARE(moves[1].amount, moves[0].amount);
        QCOMPARE(f.sandbox->walletBalance().minorUnits(), 500000);
        verifyError(f.client->call("POST", kQuote,
                                   {{u"pnr"_s, r.json.value(QLatin1String("pnr")).toString()}}),
                    422, QStringLiteral("BOOKING_NOT_CANCELLABLE"));
    }

    void slowAirlineAnswersPendingThenTickets() {
        TmxFixture f;
        QVERIFY(f.sandbox->setScenario(QStringLiteral("slow_airline")).ok());
        const auto body = bookingBody(f.firstFare());
        const auto r = f.create(body, "k");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(QLatin1String("status")).toString(), QStringLiteral("PENDING"));
        QVERIFY(r.json.value(QLatin1String("tickets")).toArray().isEmpty());
        const QString pnr = r.json.value(QLatin1String("pnr")).toString();
        QCOMPARE(f.bookingStatus(pnr), QStringLiteral("PENDING"));
        QTRY_COMPARE_WITH_TIMEOUT(f.bookingStatus(pnr), QStringLiteral("TICKETED"), 10000);
        // A replay is the original answer, PENDING, not today's state.
        const auto again = f.create(body, "k");
        QCOMPARE(again.body, r.body);
        QCOMPARE(again.header("Idempotent-Replay"), QByteArray("true"));
        QCOMPARE(f.debits(), 1);
    }

    void slowAirlineRejectsLater() {
        TmxFixture f;
        QCOMPARE(f.setScenario({{u"name"_s, u"slow_reject"_s},
                                {u"airline"_s, QJsonObject{{u"outcome"_s, u"rejected"_s},
                                                           {u"delay_ms"_s, 5000},
                                                           {u"answer_within_ms"_s, 1000}}}}),
                 200);
        const auto r = f.create(bookingBody(f.firstFare()), "k");
        QCOMPARE(r.json.value(QLatin1String("status")).toString(), QStringLiteral("PENDING"));
        const QString pnr = r.json.value(QLatin1String("pnr")).toString();
        QTRY_COMPARE(f.bookingStatus(pnr), QStringLiteral("REJECTED"));
        QCOMPARE(f.sandbox->walletBalance().minorUnits(), 500000);
    }

    void neverResolves() {
        TmxFixture f;
        QVERIFY(f.sandbox->setScenario(QStringLiteral("never_resolves")).ok());
        const auto first = f.create(bookingBody(f.firstFare()), "a");
        QCOMPARE(first.json.value(QLatin1String("status")).toString(), QStringLiteral("PENDING"));
        // A later booking whose airline takes longer than any default settles; the first does not.
        QCOMPARE(f.setScenario({{u"airline"_s, QJsonObject{{u"delay_ms"_s, 3000},
                                                           {u"answer_within_ms"_s, 100}}}}),
                 200);
        const QString second =
            f.create(bookingBody(f.firstFare()), "b").json.value(QLatin1String("pnr")).toString();
        QTRY_COMPARE(f.bookingStatus(second), QStringLiteral("TICKETED"));
        QCOMPARE(f.bookingStatus(first.json.value(QLatin1String("pnr")).toString()),
                 QStringLiteral("PENDING"));
    }

    void cancellation() {
        TmxFixture f;
        const auto created = f.create(bookingBody(f.firstFare()), "c");
        const QString pnr = created.json.value(QLatin1String("pnr")).toString();
        const qint64 total = pathValue(created.json, {"total"}).value(u"amount").toInteger();
        auto quote = f.client->call("POST", kQuote, {{u"pnr"_s, pnr}});
        QCOMPARE(quote.status, 200);
        QCOMPARE(quote.json.value(QLatin1String("pnr")).toString(), pnr);
        QCOMPARE(pathValue(quote.json, {"refund"}),
                 QJsonObject({{u"amount"_s, total * 90 / 100}, {u"currency"_s, u"EUR"_s}}));
        QCOMPARE(quote.json.value(QLatin1String("valid_until")).toString(),
                 QStringLiteral("2026-12-01T10:15:00Z"));
        const QJsonObject confirm{{u"quote_id"_s, quote.json.value(QLatin1String("quote_id"))}};
        verifyError(f.client->call("POST", kConfirm, confirm), 400,
                    QStringLiteral("IDEMPOTENCY_KEY_REQUIRED"));
        const auto done = f.client->call("POST", kConfirm, confirm, "cancel-1");
        QCOMPARE(done.status, 200);
        QCOMPARE(done.json.value(QLatin1String("status")).toString(), QStringLiteral("CANCELLED"));
        QCOMPARE(done.json.value(QLatin1String("pnr")).toString(), pnr);
        const auto replay = f.client->call("POST", kConfirm, confirm, "cancel-1");
        QCOMPARE(replay.body, done.body);
        QCOMPARE(replay.header("Idempotent-Replay"), QByteArray("true"));
        // The same quote under another key: answered, not refunded again.
        const auto other = f.client->call("POST", kConfirm, confirm, "cancel-2");
        QCOMPARE(other.status, 200);
        QVERIFY(other.header("Idempotent-Replay").isEmpty());
        const auto moves = f.ledger().value(QLatin1String("wallet_movements")).toArray();
        QCOMPARE(countWhere(moves, QStringLiteral("type"), QStringLiteral("refund")), 1);
        QCOMPARE(f.sandbox->walletBalance().minorUnits(), 500000 - total + total * 90 / 100);
        verifyError(f.client->call("POST", kQuote, {{u"pnr"_s, pnr}}), 422,
                    QStringLiteral("BOOKING_NOT_CANCELLABLE"));
        verifyError(f.client->call("POST", kQuote, {{u"pnr"_s, u"NOPNR1"_s}}), 404,
                    QStringLiteral("NOT_FOUND"));
        verifyError(f.client->call("POST", kQuote, {{u"booking"_s, pnr}}), 400,
                    QStringLiteral("VALIDATION_ERROR"));
        verifyError(f.client->call("POST", kConfirm, {{u"quote_id"_s, u"CQ-9999"_s}}, "k9"), 404,
                    QStringLiteral("NOT_FOUND"));
    }

    void quoteExpiresAndPendingRefundsInFull() {
        TmxFixture f;
        QVERIFY(f.sandbox->setScenario(QStringLiteral("never_resolves")).ok());
        const auto created = f.create(bookingBody(f.firstFare()), "c");
        const QString pnr = created.json.value(QLatin1String("pnr")).toString();
        const qint64 total = pathValue(created.json, {"total"}).value(u"amount").toInteger();
        const auto quote = f.client->call("POST", kQuote, {{u"pnr"_s, pnr}});
        QCOMPARE(pathValue(quote.json, {"refund"}).value(u"amount").toInteger(), total);
        const QJsonObject confirm{{u"quote_id"_s, quote.json.value(QLatin1String("quote_id"))}};
        f.clock.advance(15 * 60 * 1000);
        verifyError(f.client->call("POST", kConfirm, confirm, "late"), 422,
                    QStringLiteral("QUOTE_EXPIRED"));
        const auto fresh = f.client->call("POST", kQuote, {{u"pnr"_s, pnr}});
        const auto done =
            f.client->call("POST", kConfirm,
                           {{u"quote_id"_s, fresh.json.value(QLatin1String("quote_id"))}}, "late");
        QCOMPARE(done.status, 200); // the expired attempt kept nothing under "late"
        QCOMPARE(f.sandbox->walletBalance().minorUnits(), 500000);
    }

    void builtInScenarios() {
        const auto names = TravomatrixSandbox::Scenario::builtInNames();
        QCOMPARE(names.size(), 7);
        for (const auto &name : names) {
            const auto s = TravomatrixSandbox::Scenario::builtIn(name);
            QVERIFY2(s.has_value(), qPrintable(name));
            QCOMPARE(s->name, name);
            QVERIFY(!s->description.isEmpty());
        }
        QVERIFY(!TravomatrixSandbox::Scenario::builtIn(QStringLiteral("lost_webhook")));
    }

    void fareAboutToExpire() {
        TmxFixture f;
        QVERIFY(f.sandbox->setScenario(QStringLiteral("fare_about_to_expire")).ok());
        const auto fare = f.firstFare();
        QCOMPARE(fare.value(QLatin1String("valid_until")).toString(),
                 QStringLiteral("2026-12-01T10:01:10Z"));
        f.clock.advance(70 * 1000);
        verifyError(f.create(bookingBody(fare), "k"), 410, QStringLiteral("FARE_EXPIRED"));
    }

    void scenarioEndpoint_data() {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("built-in") << QJsonObject{{u"name"_s, u"airline_rejects"_s}} << 200;
        QTest::newRow("unknown name") << QJsonObject{{u"name"_s, u"meteor"_s}} << 400;
        QTest::newRow("Travelbase name") << QJsonObject{{u"name"_s, u"lost_webhook"_s}} << 400;
        QTest::newRow("inline") << QJsonObject{{u"scenario"_s, QJsonObject{{u"name"_s, u"x"_s}}}}
                                << 200;
        QTest::newRow("Travelbase endpoint")
            << QJsonObject{{u"scenario"_s,
                            QJsonObject{{u"faults"_s,
                                         QJsonArray{QJsonObject{{u"endpoint"_s, u"create_order"_s},
                                                                {u"kind"_s, u"internal"_s}}}}}}}
            << 400;
        QTest::newRow("Travelbase kind")
            << QJsonObject{{u"scenario"_s,
                            QJsonObject{{u"faults"_s, QJsonArray{QJsonObject{
                                                          {u"endpoint"_s, u"create_booking"_s},
                                                          {u"kind"_s, u"in_flight"_s}}}}}}}
            << 400;
        QTest::newRow("bad outcome")
            << QJsonObject{{u"scenario"_s,
                            QJsonObject{{u"airline"_s, QJsonObject{{u"outcome"_s, u"failed"_s}}}}}}
            << 400;
        QTest::newRow("negative wallet")
            << QJsonObject{{u"scenario"_s,
                            QJsonObject{{u"wallet"_s, QJsonObject{{u"available"_s, -1}}}}}}
            << 400;
    }
    void scenarioEndpoint() {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        TmxFixture f;
        const auto r = f.client->call("POST", QStringLiteral("/__sandbox/scenario"), body);
        QCOMPARE(r.status, status);
        if (status == 200) {
            QCOMPARE(r.json.value(QLatin1String("name")).toString(), f.sandbox->scenario().name);
        } else {
            verifyError(r, 400, QStringLiteral("VALIDATION_ERROR"));
            QCOMPARE(f.sandbox->scenario().name, QStringLiteral("happy_path")); // unchanged
        }
    }

    void ledgerEndpoint() {
        TmxFixture f;
        const auto fare = f.firstFare();
        const auto created = f.create(bookingBody(fare), "intent-9");
        const QString pnr = created.json.value(QLatin1String("pnr")).toString();
        const auto ledger = f.ledger();
        QCOMPARE(ledger.value(QLatin1String("scenario")).toString(), QStringLiteral("happy_path"));
        QCOMPARE(ledger.value(QLatin1String("bookings")).toArray(), QJsonArray{created.json});
        const qint64 price = pathValue(fare, {"price"}).value(u"amount").toInteger();
        QCOMPARE(pathValue(ledger, {"wallet"}),
                 QJsonObject({{u"available"_s, 500000 - price}, {u"currency"_s, u"EUR"_s}}));
        const auto move = pathValue(ledger, {"wallet_movements", "0"});
        QCOMPARE(move.value(QLatin1String("type")).toString(), QStringLiteral("debit"));
        QCOMPARE(move.value(QLatin1String("pnr")).toString(), pnr);
        QCOMPARE(move.value(QLatin1String("amount")).toInteger(), price);
        QCOMPARE(move.value(QLatin1String("balance_after")).toInteger(), 500000 - price);
        const auto requests = ledger.value(QLatin1String("requests")).toArray();
        QCOMPARE(requests.size(), 2); // the search and the create; ledger reads are not recorded
        const auto row = requests[1].toObject();
        QCOMPARE(row.value(QLatin1String("endpoint")).toString(), QStringLiteral("create_booking"));
        QCOMPARE(row.value(QLatin1String("idempotency_key")).toString(),
                 QStringLiteral("intent-9"));
        QCOMPARE(row.value(QLatin1String("status")).toInt(), 201);
        QCOMPARE(row.value(QLatin1String("outcome")).toString(), QStringLiteral("executed"));
        QCOMPARE(row.value(QLatin1String("attempt")).toInt(), 1);
        TmxClient stranger(f.sandbox->baseUrl(), QStringLiteral("tmx_wrong"));
        verifyError(stranger.call("GET", QStringLiteral("/__sandbox/ledger")), 401,
                    QStringLiteral("UNAUTHORIZED"));
    }

    void authentication_data() {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << QByteArray() << QByteArray() << "Missing X-Api-Key";
        QTest::newRow("empty") << QByteArray("X-Api-Key") << QByteArray(" ") << "Missing X-Api-Key";
        QTest::newRow("wrong key")
            << QByteArray("X-Api-Key") << QByteArray("tmx_live_wrong") << "Invalid API key";
        QTest::newRow("Travelbase key")
            << QByteArray("X-Api-Key") << QByteArray("tb_sandbox_demo") << "Invalid API key";
        QTest::newRow("bearer instead")
            << QByteArray("Authorization") << QByteArray("Bearer tmx_sandbox_demo")
            << "Missing X-Api-Key";
    }
    void authentication() {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QFETCH(QString, message);
        TmxFixture f;
        for (const QString &path : {kBalance, kCreate}) {
            QUrl url = f.sandbox->baseUrl();
            url.setPath(path);
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
            if (!name.isEmpty())
                request.setRawHeader(name, value);
            request.setRawHeader("Idempotency-Key", "k");
            const auto r = test::Client::finish(
                path == kBalance
                    ? f.client->nam.get(request)
                    : f.client->nam.post(request, compact(bookingBody(f.firstFare()))));
            verifyError(r, 401, QStringLiteral("UNAUTHORIZED"));
            QVERIFY(pathValue(r.json, {"error"}).value(u"message").toString().startsWith(message));
            QVERIFY(!r.body.contains("tmx_live_wrong")); // never echo a key
        }
        QCOMPARE(f.sandbox->ledger().movements().size(), qsizetype(0));
        QCOMPARE(f.create(bookingBody(f.firstFare()), "k").status, 201); // nothing kept for "k"
    }

    // DNS rebinding: a web page's name resolved to 127.0.0.1 keeps its own Host.
    void hosts_data() {
        QTest::addColumn<QByteArray>("hosts"); // %P% = the sandbox's port; "|" separates headers
        QTest::addColumn<int>("status");
        QTest::newRow("127.0.0.1") << QByteArray("127.0.0.1:%P%") << 200;
        QTest::newRow("localhost") << QByteArray("localhost:%P%") << 200;
        QTest::newRow("[::1]") << QByteArray("[::1]:%P%") << 200;
        QTest::newRow("rebound name") << QByteArray("evil.example:%P%") << 403;
        QTest::newRow("other port") << QByteArray("127.0.0.1:1") << 403;
        QTest::newRow("no port") << QByteArray("localhost") << 403;
        QTest::newRow("no Host") << QByteArray() << 403;
        QTest::newRow("two Hosts") << QByteArray("127.0.0.1:%P%|evil.example") << 403;
    }
    void hosts() {
        QFETCH(QByteArray, hosts);
        QFETCH(int, status);
        TmxFixture f;
        hosts.replace("%P%", QByteArray::number(f.port()));
        for (const QByteArray &path :
             {QByteArray("/api/v1/account/balance"), QByteArray("/nope")}) {
            QByteArray head = "GET " + path + " HTTP/1.1\r\nX-Api-Key: " +
                              TravomatrixSandbox::defaultApiKey().toUtf8() +
                              "\r\nConnection: close\r\n";
            if (!hosts.isEmpty())
                for (const QByteArray &h : hosts.split('|'))
                    head += "Host: " + h + "\r\n";
            fd::test::RawRequest request(f.port(), head + "\r\n");
            QVERIFY(request.wait());
            const auto a = request.answer();
            QCOMPARE(a.status, status == 200 && path == "/nope" ? 404 : status);
            if (a.status == 403)
                QCOMPARE(pathValue(a.json, {"error"}).value(u"code").toString(),
                         QStringLiteral("HOST_REFUSED"));
        }
    }

    void bodyCap() {
        TmxFixture f;
        QByteArray big(2 * 1024 * 1024, 'x');
        big.prepend("{\"pad\":\"");
        big.append("\"}");
        const auto r = f.client->raw("POST", kCreate, big, "big");
        verifyError(r, 413, QStringLiteral("PAYLOAD_TOO_LARGE"));
        QVERIFY(pathValue(r.json, {"error"}).value(u"message").toString().contains(u"1048576"));
        // A 5 MB body is refused from its declared length, before it is sent.
        const QByteArray head = "POST /api/v1/booking/create HTTP/1.1\r\nHost: 127.0.0.1:" +
                                QByteArray::number(f.port()) +
                                "\r\nX-Api-Key: " + TravomatrixSandbox::defaultApiKey().toUtf8() +
                                "\r\nIdempotency-Key: huge\r\nContent-Length: 5000000\r\n\r\n{";
        fd::test::RawRequest huge(f.port(), head);
        QVERIFY(huge.wait());
        QCOMPARE(huge.answer().status, 413);
        QCOMPARE(f.client->call("GET", kBalance).status, 200); // still serving
    }

    void unknownRoutes_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::newRow("GET search") << QByteArray("GET") << "/api/v1/search";
        QTest::newRow("Travelbase path") << QByteArray("POST") << "/v1/air/orders";
        QTest::newRow("no version") << QByteArray("GET") << "/api/account/balance";
        QTest::newRow("booking list") << QByteArray("GET") << "/api/v1/booking";
        QTest::newRow("trailing slash") << QByteArray("GET") << "/api/v1/account/balance/";
    }
    void unknownRoutes() {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        TmxFixture f;
        const auto r = f.client->raw(method, path, {});
        verifyError(r, 404, QStringLiteral("NOT_FOUND"));
        QVERIFY(pathValue(r.json, {"error"}).value(u"message").toString().contains(path));
    }
};

QTEST_GUILESS_MAIN(TestTravomatrixSandbox)
#include "tst_travomatrix_sandbox.moc"
