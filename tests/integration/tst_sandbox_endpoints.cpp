// Every endpoint of the contract, over real HTTP, in its happy and its documented error paths.
#include "sandboxharness.h"

#include <QRegularExpression>

using namespace fd::sandbox;
using namespace fd::sandbox::test;

class TestSandboxEndpoints final : public QObject {
    Q_OBJECT

private:
    const QDateTime m_start = QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC);

private Q_SLOTS:
    void search_data() {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("back");
        QTest::addColumn<QStringList>("types");
        QTest::addColumn<bool>("international");
        QTest::addColumn<int>("offers");
        const QStringList one{QStringLiteral("adult")};
        const QStringList family{QStringLiteral("adult"), QStringLiteral("adult"),
                                 QStringLiteral("child"), QStringLiteral("infant_without_seat")};
        QStringList nine(9, QStringLiteral("adult"));
        QTest::newRow("intl one-way") << "LOS"
                                      << "LHR"
                                      << "" << one << true << 2;
        QTest::newRow("intl return family") << "LOS"
                                            << "LHR"
                                            << "2027-12-20" << family << true << 2;
        QTest::newRow("domestic NG") << "LOS"
                                     << "ABV"
                                     << "" << one << false << 3;
        QTest::newRow("domestic return") << "CDG"
                                         << "NCE"
                                         << "2027-12-12" << family << false << 2;
        QTest::newRow("domestic US 9 pax") << "JFK"
                                           << "LAX"
                                           << "" << nine << false << 2;
        QTest::newRow("reverse direction") << "LHR"
                                           << "LOS"
                                           << "" << one << true << 2;
        QTest::newRow("no route") << "EDI"
                                  << "CPT"
                                  << "" << one << true << 0;
    }
    void search() {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, back);
        QFETCH(QStringList, types);
        QFETCH(bool, international);
        QFETCH(int, offers);
        fd::ManualClock clock(m_start);
        Fixture f(&clock);
        const auto r =
            f.client->call("POST", QStringLiteral("/v1/air/offer_requests"),
                           searchBody(from, to, QStringLiteral("2027-12-10"), types, back));
        QCOMPARE(r.status, 201);
        QVERIFY(r.data().value(QLatin1String("id")).toString().startsWith(QLatin1String("orq_")));
        const auto list = r.data().value(QLatin1String("offers")).toArray();
        QCOMPARE(list.size(), offers);
        for (const auto &v : list) {
            const auto o = v.toObject();
            QCOMPARE(o.value(QLatin1String("passenger_identity_documents_required")).toBool(),
                     international);
            QCOMPARE(o.value(QLatin1String("expires_at")).toString(),
                     QStringLiteral("2026-12-01T10:30:00Z"));
            QCOMPARE(o.value(QLatin1String("payment_requirements"))
                         .toObject()
                         .value(QLatin1String("price_guarantee_expires_at"))
                         .toString(),
                     QStringLiteral("2026-12-01T10:20:00Z"));
            QCOMPARE(o.value(QLatin1String("slices")).toArray().size(), back.isEmpty() ? 1 : 2);
            QCOMPARE(o.value(QLatin1String("passengers")).toArray().size(), types.size());
            const auto money =
                fd::Money::parse(o.value(QLatin1String("total_amount")).toString(),
                                 o.value(QLatin1String("total_currency")).toString());
            QVERIFY2(money.ok() && money->minorUnits() > 0, r.body.constData());
            // Strongly consistent read of the offer just handed out.
            const auto got = f.client->call("GET", QStringLiteral("/v1/air/offers/") +
                                                       o.value(QLatin1String("id")).toString());
            QCOMPARE(got.status, 200);
            QCOMPARE(got.data(), o);
        }
    }

    void searchIsDeterministic() {
        fd::ManualClock clock(m_start);
        Fixture a(&clock), b(&clock);
        const auto body =
            searchBody(QStringLiteral("LHR"), QStringLiteral("JFK"), QStringLiteral("2027-12-10"));
        QCOMPARE(a.client->call("POST", QStringLiteral("/v1/air/offer_requests"), body).body,
                 b.client->call("POST", QStringLiteral("/v1/air/offer_requests"), body).body);
    }

    void searchValidation_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("no slices")
            << QByteArray(R"({"data":{"passengers":[{"type":"adult"}]}})") << "slices";
        QTest::newRow("unknown airport")
            << QByteArray(
                   R"({"data":{"slices":[{"origin":"XXX","destination":"LHR","departure_date":"2027-12-10"}],"passengers":[{"type":"adult"}]}})")
            << "slices[0].origin";
        QTest::newRow("past date")
            << QByteArray(
                   R"({"data":{"slices":[{"origin":"LOS","destination":"LHR","departure_date":"2020-01-01"}],"passengers":[{"type":"adult"}]}})")
            << "slices[0].departure_date";
        QTest::newRow("ten passengers")
            << QByteArray(
                   R"({"data":{"slices":[{"origin":"LOS","destination":"LHR","departure_date":"2027-12-10"}],"passengers":[{"type":"adult"},{"type":"adult"},{"type":"adult"},{"type":"adult"},{"type":"adult"},{"type":"adult"},{"type":"adult"},{"type":"adult"},{"type":"adult"},{"type":"adult"}]}})")
            << "passengers";
        QTest::newRow("infant without adult")
            << QByteArray(
                   R"({"data":{"slices":[{"origin":"LOS","destination":"LHR","departure_date":"2027-12-10"}],"passengers":[{"type":"infant_without_seat"}]}})")
            << "passengers";
        QTest::newRow("bad type")
            << QByteArray(
                   R"({"data":{"slices":[{"origin":"LOS","destination":"LHR","departure_date":"2027-12-10"}],"passengers":[{"type":"senior"}]}})")
            << "passengers[0].type";
    }
    void searchValidation() {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        fd::ManualClock clock(m_start);
        Fixture f(&clock);
        const auto r = f.client->raw("POST", QStringLiteral("/v1/air/offer_requests"), body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("TB_VALIDATION_FAILED"));
        const auto errors = r.json.value(QLatin1String("errors")).toArray();
        QVERIFY2(countWhere(errors, QStringLiteral("field"), field) >= 1, r.body.constData());
    }

    void unknownOffer() {
        Fixture f;
        const auto r = f.client->call("GET", QStringLiteral("/v1/air/offers/off_9999"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("TB_NOT_FOUND"));
    }

    void walletAndTopUp() {
        Fixture f;
        auto r = f.client->call("GET", QStringLiteral("/v1/wallet"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(QLatin1String("available_balance")).toString(),
                 QStringLiteral("5000.00"));
        QCOMPARE(r.data().value(QLatin1String("currency")).toString(), QStringLiteral("EUR"));
        r = f.client->call("POST", QStringLiteral("/v1/wallet/top_ups"),
                           wrap({{QStringLiteral("amount"), QStringLiteral("500.00")}}));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.data().value(QLatin1String("available_balance")).toString(),
                 QStringLiteral("5500.00"));
        r = f.client->call("POST", QStringLiteral("/v1/wallet/top_ups"),
                           wrap({{QStringLiteral("amount"), QStringLiteral("5.5")}}));
        QCOMPARE(r.status, 400);
        r = f.client->call("POST", QStringLiteral("/v1/wallet/top_ups"),
                           wrap({{QStringLiteral("amount"), QStringLiteral("-5.00")}}));
        QCOMPARE(r.status, 400);
    }

    void orderLifecycleTicketed() {
        Fixture f;
        const auto offer = f.firstOffer(true, {QStringLiteral("adult"), QStringLiteral("child"),
                                               QStringLiteral("infant_without_seat")});
        const auto total = fd::Money::parse(offer.value(QLatin1String("total_amount")).toString(),
                                            QStringLiteral("EUR"))
                               .value();
        auto r = f.createOrder(offer, "create-1");
        QCOMPARE(r.status, 201);
        const auto order = r.data();
        const QString id = order.value(QLatin1String("id")).toString();
        QCOMPARE(order.value(QLatin1String("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(order.value(QLatin1String("version")).toInt(), 1);
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Z]{6}$"))
                    .match(order.value(QLatin1String("booking_reference")).toString())
                    .hasMatch());
        QCOMPARE(order.value(QLatin1String("total_amount")),
                 offer.value(QLatin1String("total_amount")));
        QCOMPARE(order.value(QLatin1String("failure_reason")), QJsonValue());
        QCOMPARE(f.sandbox->walletBalance().minorUnits(), 500000 - total.minorUnits());

        r = f.client->call("POST", QStringLiteral("/v1/air/orders/%1/actions/ticket").arg(id), {},
                           "ticket-1");
        QCOMPARE(r.status, 202);
        QCOMPARE(r.data().value(QLatin1String("status")).toString(), QStringLiteral("in_progress"));
        QTRY_COMPARE(f.client->call("GET", QStringLiteral("/v1/air/orders/") + id)
                         .data()
                         .value(QLatin1String("status"))
                         .toString(),
                     QStringLiteral("ticketed"));
        r = f.client->call("GET", QStringLiteral("/v1/air/orders/") + id);
        QCOMPARE(r.data().value(QLatin1String("version")).toInt(), 3);
        const auto docs = r.data().value(QLatin1String("documents")).toArray();
        QCOMPARE(docs.size(), 3);
        for (const auto &d : docs) {
            QVERIFY(QRegularExpression(QStringLiteral("^[0-9]{13}$"))
                        .match(d.toObject().value(QLatin1String("unique_identifier")).toString())
                        .hasMatch());
            QCOMPARE(d.toObject().value(QLatin1String("type")).toString(),
                     QStringLiteral("electronic_ticket"));
        }
        QCOMPARE(f.sandbox->walletBalance().minorUnits(), 500000 - total.minorUnits());
    }

    // A demo run starts its numbers high (a journal outlives the run): order and webhook event
    // ids count up from the option, and booking references and e-tickets keep their shape.
    void firstOrderNumberOption() {
        Sandbox::Options options;
        options.firstOrderNumber = 29012345678;
        Fixture f(nullptr, options);
        QStringList ids;
        for (const char *key : {"create-1", "create-2"}) {
            const auto r = f.createOrder(f.firstOffer(), key);
            QCOMPARE(r.status, 201);
            ids << r.data().value(QLatin1String("id")).toString();
            QVERIFY(QRegularExpression(QStringLiteral("^[A-Z]{6}$"))
                        .match(r.data().value(QLatin1String("booking_reference")).toString())
                        .hasMatch());
        }
        QCOMPARE(ids, (QStringList{QStringLiteral("ord_29012345678"),
                                   QStringLiteral("ord_29012345679")}));
        const auto r = f.client->call(
            "POST", QStringLiteral("/v1/air/orders/%1/actions/ticket").arg(ids.first()), {}, "t-1");
        QCOMPARE(r.status, 202);
        QTRY_COMPARE(f.client->call("GET", QStringLiteral("/v1/air/orders/") + ids.first())
                         .data()
                         .value(QLatin1String("status"))
                         .toString(),
                     QStringLiteral("ticketed"));
        const auto docs = f.client->call("GET", QStringLiteral("/v1/air/orders/") + ids.first())
                              .data()
                              .value(QLatin1String("documents"))
                              .toArray();
        QCOMPARE(docs.size(), 1);
        QVERIFY(
            QRegularExpression(QStringLiteral("^[0-9]{13}$"))
                .match(docs.first().toObject().value(QLatin1String("unique_identifier")).toString())
                .hasMatch());
        const auto &deliveries = f.sandbox->ledger().deliveries();
        QVERIFY(!deliveries.isEmpty());
        QCOMPARE(deliveries.first().eventId, QStringLiteral("evt_29012345678"));
    }

    void orderCreateRejections() {
        fd::ManualClock clock(m_start);
        Fixture f(&clock);
        const auto offer = f.firstOffer();
        // Payment that is not the offer's total.
        auto body = orderBody(offer);
        auto data = body.value(QLatin1String("data")).toObject();
        data.insert(QStringLiteral("payments"),
                    QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("balance")},
                                           {QStringLiteral("amount"), QStringLiteral("1.00")},
                                           {QStringLiteral("currency"), QStringLiteral("EUR")}}});
        auto r = f.client->call("POST", QStringLiteral("/v1/air/orders"), wrap(data), "k-pay");
        QCOMPARE(r.status, 400);
        QCOMPARE(countWhere(r.json.value(QLatin1String("errors")).toArray(),
                            QStringLiteral("field"), QStringLiteral("payments[0].amount")),
                 1);
        // A passenger id the offer does not have, and a missing passport.
        data = orderBody(offer).value(QLatin1String("data")).toObject();
        auto pax = data.value(QLatin1String("passengers")).toArray().first().toObject();
        pax.insert(QStringLiteral("id"), QStringLiteral("pas_9"));
        data.insert(QStringLiteral("passengers"), QJsonArray{pax});
        r = f.client->call("POST", QStringLiteral("/v1/air/orders"), wrap(data), "k-pax");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json.value(QLatin1String("errors"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("field")),
                 QJsonValue(QStringLiteral("passengers[0].id")));
        pax.insert(QStringLiteral("id"), QStringLiteral("pas_1"));
        pax.remove(QStringLiteral("identity_documents"));
        data.insert(QStringLiteral("passengers"), QJsonArray{pax});
        r = f.client->call("POST", QStringLiteral("/v1/air/orders"), wrap(data), "k-doc");
        QCOMPARE(r.status, 400);
        QVERIFY(r.body.contains("passengers[0].identity_documents"));
        // Unknown offer, then an expired one.
        r = f.createOrder(QJsonObject{{QStringLiteral("id"), QStringLiteral("off_9999")}}, "k-unk");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("TB_OFFER_UNAVAILABLE"));
        clock.advance(31 * 60 * 1000);
        r = f.createOrder(offer, "k-exp");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("TB_OFFER_EXPIRED"));
        QVERIFY(r.json.value(QLatin1String("message"))
                    .toString()
                    .contains(QLatin1String("2026-12-01T10:30:00Z")));
        QCOMPARE(f.sandbox->ledgerJson().value(QLatin1String("orders")).toArray().size(), 0);
    }

    void offerBooksOnce() {
        Fixture f;
        const auto offer = f.firstOffer(false);
        QCOMPARE(f.createOrder(offer, "a").status, 201);
        const auto r = f.createOrder(offer, "b");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("TB_OFFER_UNAVAILABLE"));
    }

    void insufficientBalance() {
        Fixture f;
        f.sandbox->setWalletBalance(
            fd::Money::parse(QStringLiteral("10.00"), QStringLiteral("EUR")).value());
        const auto r = f.createOrder(f.firstOffer(), "poor");
        QCOMPARE(r.status, 402);
        QCOMPARE(r.errorCode(), QStringLiteral("TB_INSUFFICIENT_BALANCE"));
        QCOMPARE(r.json.value(QLatin1String("retryable")).toBool(), false);
        QVERIFY(f.sandbox->ledger().movements().isEmpty());
    }

    void patchWithVersion() {
        Fixture f;
        const QString id =
            f.createOrder(f.firstOffer(false), "p").data().value(QLatin1String("id")).toString();
        const QString path = QStringLiteral("/v1/air/orders/") + id;
        auto r =
            f.client->call("PATCH", path,
                           wrap({{QStringLiteral("version"), 1},
                                 {QStringLiteral("email"), QStringLiteral("new@example.com")}}));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(QLatin1String("version")).toInt(), 2);
        QCOMPARE(r.data().value(QLatin1String("email")).toString(),
                 QStringLiteral("new@example.com"));
        r = f.client->call(
            "PATCH", path,
            wrap({{QStringLiteral("version"), 1},
                  {QStringLiteral("phone_number"), QStringLiteral("+447700900123")}}));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json, (QJsonObject{
                             {QStringLiteral("success"), false},
                             {QStringLiteral("error"),
                              QJsonObject{{QStringLiteral("code"), QStringLiteral("CONFLICT")},
                                          {QStringLiteral("detail"),
                                           QStringLiteral("Resource version mismatch. "
                                                          "Re-fetch the resource and retry.")}}}}));
        r = f.client->call("PATCH", path,
                           wrap({{QStringLiteral("version"), 2},
                                 {QStringLiteral("phone_number"), QStringLiteral("0800")}}));
        QCOMPARE(r.status, 400);
        QCOMPARE(f.client
                     ->call("PATCH", QStringLiteral("/v1/air/orders/ord_9999"),
                            wrap({{QStringLiteral("version"), 1},
                                  {QStringLiteral("email"), QStringLiteral("x@example.com")}}))
                     .status,
                 404);
    }

    void cancellation() {
        Fixture f;
        const auto offer = f.firstOffer(false);
        const QString id = f.createOrder(offer, "c").data().value(QLatin1String("id")).toString();
        const qint64 before = f.sandbox->walletBalance().minorUnits();
        auto r = f.client->call("POST", QStringLiteral("/v1/air/order_cancellations"),
                                wrap({{QStringLiteral("order_id"), id}}));
        QCOMPARE(r.status, 201);
        const QString quote = r.data().value(QLatin1String("id")).toString();
        QVERIFY(quote.startsWith(QLatin1String("ore_")));
        QCOMPARE(r.data().value(QLatin1String("refund_amount")),
                 offer.value(QLatin1String("total_amount")));
        QCOMPARE(r.data().value(QLatin1String("confirmed_at")), QJsonValue());
        const QString confirm =
            QStringLiteral("/v1/air/order_cancellations/%1/actions/confirm").arg(quote);
        QCOMPARE(f.client->call("POST", confirm).errorCode(),
                 QStringLiteral("TB_IDEMPOTENCY_KEY_MISSING"));
        r = f.client->call("POST", confirm, {}, "confirm-1");
        QCOMPARE(r.status, 200);
        QVERIFY(!r.data().value(QLatin1String("confirmed_at")).toString().isEmpty());
        r = f.client->call("GET", QStringLiteral("/v1/air/orders/") + id);
        QCOMPARE(r.data().value(QLatin1String("status")).toString(), QStringLiteral("cancelled"));
        const auto total = fd::Money::parse(offer.value(QLatin1String("total_amount")).toString(),
                                            QStringLiteral("EUR"))
                               .value();
        QCOMPARE(f.sandbox->walletBalance().minorUnits(), before + total.minorUnits());
        // A second confirmation under a new key refunds nothing more.
        QCOMPARE(f.client->call("POST", confirm, {}, "confirm-2").status, 200);
        QCOMPARE(f.sandbox->walletBalance().minorUnits(), before + total.minorUnits());
        QCOMPARE(f.client
                     ->call("POST", QStringLiteral("/v1/air/order_cancellations"),
                            wrap({{QStringLiteral("order_id"), id}}))
                     .status,
                 422);
        QCOMPARE(f.client
                     ->call("POST",
                            QStringLiteral("/v1/air/order_cancellations/ore_9999/actions/confirm"),
                            {}, "x")
                     .status,
                 404);
    }

    void unknownOrderAndTicket() {
        Fixture f;
        QCOMPARE(f.client->call("GET", QStringLiteral("/v1/air/orders/ord_9999")).status, 404);
        QCOMPARE(
            f.client
                ->call("POST", QStringLiteral("/v1/air/orders/ord_9999/actions/ticket"), {}, "t")
                .status,
            404);
    }
};

QTEST_GUILESS_MAIN(TestSandboxEndpoints)
#include "tst_sandbox_endpoints.moc"
