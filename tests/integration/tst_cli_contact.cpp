// `flightdesk contact` as a real process against a `flightdesk-sandbox` process on 127.0.0.1.
// Someone else's change is made straight to the sandbox by this test, with the real gateway,
// while the command's own PATCH is held by the sandbox (a `slow` fault on its first
// patch_order): the command's version is then stale, exactly as in a real race.
#include "processrun.h"
#include "testdata.h"

#include "api/travelbasegateway.h"
#include "core/clock.h"
#include "core/scheduler.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace fd;

namespace {

const QString kMyEmail = QStringLiteral("amara.n@example.org");
const QString kMyPhone = QStringLiteral("+447700900123");
const QString kTheirEmail = QStringLiteral("nwosu.family@example.net");
const QString kTheirPhone = QStringLiteral("+2348098765432");

struct Run {
    int exitCode = -1;
    QList<QJsonObject> lines;
    QByteArray err;
    QJsonObject outcome() const { return lines.isEmpty() ? QJsonObject() : lines.last(); }
};

Run finished(const test::ProcessRun &p) {
    Run r;
    r.exitCode = p.exitCode;
    r.err = p.err;
    for (const QByteArray &line : p.out.split('\n'))
        if (!line.trimmed().isEmpty())
            r.lines << QJsonDocument::fromJson(line).object();
    return r;
}

QList<QJsonObject> requestsTo(const QJsonObject &ledger, const QString &endpoint) {
    QList<QJsonObject> out;
    for (const QJsonValue &v : ledger.value(QLatin1String("requests")).toArray())
        if (endpoint.isEmpty() || v.toObject().value(QLatin1String("endpoint")) == endpoint)
            out << v.toObject();
    return out;
}

template <typename T> struct Answer {
    std::optional<GatewayResult<T>> result;
    auto callback() {
        return [this](GatewayResult<T> r) {
            result = std::move(r);
        };
    }
    const T *wait() {
        if (!QTest::qWaitFor([this] { return result.has_value(); }, 20'000))
            return nullptr;
        return std::get_if<T>(&*result);
    }
};

} // namespace

class TstCliContact final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    SystemClock m_clock;
    QtScheduler m_scheduler;
    QObject m_context;
    int m_journals = 0;

    // The connection flags of a command; the key comes from the environment, never argv.
    QStringList connection(const test::SandboxProcess &sandbox, const QString &provider) {
        return {QStringLiteral("--provider"),
                provider,
                QStringLiteral("--api-base"),
                sandbox.url,
                QStringLiteral("--journal"),
                m_dir.filePath(QStringLiteral("journal-%1.sqlite").arg(++m_journals)),
                QStringLiteral("--timing-scale"),
                QStringLiteral("0.01")};
    }
    static QProcessEnvironment environment(const QString &provider) {
        QProcessEnvironment env = test::environmentWithoutSecrets(
            {{QStringLiteral("FLIGHTDESK_API_KEY"), provider == QLatin1String("travomatrix")
                                                        ? QStringLiteral("tmx_sandbox_demo")
                                                        : QStringLiteral("tb_sandbox_demo")}});
        env.remove(QStringLiteral("FLIGHTDESK_JOURNAL"));
        return env;
    }
    Run contact(const test::SandboxProcess &sandbox, const QStringList &args,
                const QString &provider = QStringLiteral("travelbase")) {
        return finished(test::runProcess(QStringLiteral(FLIGHTDESK_BINARY),
                                         QStringList{QStringLiteral("contact")} + args +
                                             connection(sandbox, provider),
                                         environment(provider)));
    }

    std::unique_ptr<TravelbaseGateway> gatewayTo(const test::SandboxProcess &sandbox) {
        TravelbaseGateway::Options o;
        o.baseUrl = QUrl(sandbox.url);
        o.apiKey = QStringLiteral("tb_sandbox_demo");
        o.timing.scale = 0.01;
        auto g = TravelbaseGateway::create(o, &m_clock, &m_scheduler);
        if (!g)
            qFatal("%s", qPrintable(g.error().message));
        return std::move(g).value();
    }

    // A pending order of one adult on LOS→LHR, booked straight with the sandbox.
    OrderSnapshot book(TravelbaseGateway &g) {
        const QList<Passenger> people =
            test::passengersFrom(test::readTestJson("cli/adult-international.json").array());
        const QJsonObject request{
            {QStringLiteral("slices"),
             QJsonArray{QJsonObject{{QStringLiteral("origin"), QStringLiteral("LOS")},
                                    {QStringLiteral("destination"), QStringLiteral("LHR")},
                                    {QStringLiteral("departure_date"),
                                     QDate::currentDate().addDays(20).toString(Qt::ISODate)}}}},
            {QStringLiteral("passengers"),
             QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("adult")}}}},
            {QStringLiteral("cabin_class"), QStringLiteral("economy")}};
        Answer<QList<Offer>> offers;
        g.searchOffers(request, &m_context, {}, offers.callback());
        const auto *found = offers.wait();
        if (!found || found->isEmpty())
            return {};
        Answer<OrderSnapshot> created;
        g.createOrder(g.createBody(found->first(), people),
                      QUuid::createUuid().toString(QUuid::WithoutBraces), &m_context, {},
                      created.callback());
        const auto *order = created.wait();
        return order ? *order : OrderSnapshot{};
    }

    OrderSnapshot read(TravelbaseGateway &g, const QString &orderId) {
        Answer<OrderSnapshot> a;
        g.fetchOrder(orderId, &m_context, {}, a.callback());
        const auto *order = a.wait();
        return order ? *order : OrderSnapshot{};
    }

    // A sandbox whose first patch_order waits 1.5 s before it executes (the race's window).
    QString slowFirstPatch() {
        QString path = m_dir.filePath(QStringLiteral("slow-first-patch.json"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write(R"({"name": "slow_first_patch", "faults": [{"endpoint": "patch_order",
                       "attempts": [1], "kind": "slow", "delay_ms": 1500}]})");
        return path;
    }

private Q_SLOTS:
    // (a) The order is changed and reads back changed by id, at version + 1.
    void changesEmail() {
        test::SandboxProcess sandbox(QStringLiteral(FLIGHTDESK_SANDBOX_BINARY));
        auto g = gatewayTo(sandbox);
        const OrderSnapshot booked = book(*g);
        QVERIFY(!booked.id.isEmpty());
        const Run r = contact(
            sandbox, {QStringLiteral("--order"), booked.id, QStringLiteral("--email"), kMyEmail});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = r.outcome();
        QCOMPARE(o.value(QLatin1String("outcome")).toString(), QStringLiteral("changed"));
        QCOMPARE(o.value(QLatin1String("order_id")).toString(), booked.id);
        QCOMPARE(o.value(QLatin1String("version")).toInt(), booked.version + 1);
        const OrderSnapshot after = read(*g, booked.id);
        QCOMPARE(after.email, kMyEmail);
        QCOMPARE(after.phone, booked.phone);
        QCOMPARE(after.version, booked.version + 1);
        QVERIFY(!r.err.contains("tb_sandbox_demo")); // the key is never printed
        for (const QJsonObject &line : r.lines)
            QVERIFY(!QJsonDocument(line).toJson().contains("tb_sandbox_demo"));
    }

    // (b) and (c): someone else changes the order while the command's PATCH is in flight.
    void race_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("theirEmail");
        QTest::addColumn<QString>("theirPhone");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<QString>("email"); // the order's email at the end ("old": unchanged)
        QTest::addColumn<QString>("phone");
        QTest::addColumn<int>("conflicts");
        QTest::addColumn<int>("patches"); // every patch_order the sandbox saw, theirs included
        const QString email = QStringLiteral("--email");
        const QString phone = QStringLiteral("--phone");
        const QString old = QStringLiteral("old");
        // They changed the other field: mine is re-applied at the new version; both stand.
        QTest::newRow("other field")
            << QStringList{email, kMyEmail} << QString() << kTheirPhone << 0
            << QStringLiteral("changed") << kMyEmail << kTheirPhone << 0 << 3;
        // The same field: both values printed, exit 8, nothing of mine written (nor the phone).
        QTest::newRow("same field")
            << QStringList{email, kMyEmail, phone, kMyPhone} << kTheirEmail << QString() << 8
            << QStringLiteral("conflict") << kTheirEmail << old << 1 << 2;
        QTest::newRow("same field, mine")
            << QStringList{email,
                           kMyEmail,
                           phone,
                           kMyPhone,
                           QStringLiteral("--on-conflict"),
                           QStringLiteral("mine")}
            << kTheirEmail << QString() << 0 << QStringLiteral("changed") << kMyEmail << kMyPhone
            << 1 << 3;
        // Theirs kept; the phone nobody else touched is still changed.
        QTest::newRow("same field, theirs")
            << QStringList{email,
                           kMyEmail,
                           phone,
                           kMyPhone,
                           QStringLiteral("--on-conflict"),
                           QStringLiteral("theirs")}
            << kTheirEmail << QString() << 0 << QStringLiteral("changed") << kTheirEmail << kMyPhone
            << 1 << 3;
        // Theirs kept and nothing else to change: settled as asked, nothing more sent.
        QTest::newRow("same field, theirs, nothing else")
            << QStringList{email, kMyEmail, QStringLiteral("--on-conflict"),
                           QStringLiteral("theirs")}
            << kTheirEmail << QString() << 0 << QStringLiteral("conflict") << kTheirEmail << old
            << 1 << 2;
    }
    void race() {
        QFETCH(QStringList, args);
        QFETCH(QString, theirEmail);
        QFETCH(QString, theirPhone);
        QFETCH(int, exitCode);
        QFETCH(QString, outcome);
        QFETCH(QString, email);
        QFETCH(QString, phone);
        QFETCH(int, conflicts);
        QFETCH(int, patches);
        test::SandboxProcess sandbox(QStringLiteral(FLIGHTDESK_SANDBOX_BINARY),
                                     {QStringLiteral("--scenario"), slowFirstPatch()});
        auto g = gatewayTo(sandbox);
        const OrderSnapshot booked = book(*g);
        QVERIFY(!booked.id.isEmpty());

        QProcess desk;
        desk.setProcessEnvironment(environment(QStringLiteral("travelbase")));
        desk.start(QStringLiteral(FLIGHTDESK_BINARY),
                   QStringList{QStringLiteral("contact"), QStringLiteral("--order"), booked.id} +
                       args + connection(sandbox, QStringLiteral("travelbase")));
        // The command read the order at booked.version and its PATCH is being held.
        QTRY_VERIFY_WITH_TIMEOUT(
            !requestsTo(sandbox.ledger(), QStringLiteral("patch_order")).isEmpty(), 20000);
        Answer<OrderSnapshot> theirs;
        g->updateContact(booked.id, booked.version, {theirEmail, theirPhone}, &m_context, {},
                         theirs.callback());
        QVERIFY(theirs.wait());
        const Run r = finished(test::finishProcess(desk));

        QVERIFY2(r.exitCode == exitCode, r.err.constData());
        const QJsonObject o = r.outcome();
        QCOMPARE(o.value(QLatin1String("outcome")).toString(), outcome);
        const QJsonArray reported = o.value(QLatin1String("conflicts")).toArray();
        QCOMPARE(reported.size(), conflicts);
        if (conflicts > 0) {
            const QJsonObject c = reported.first().toObject();
            QCOMPARE(c.value(QLatin1String("field")).toString(), QStringLiteral("email"));
            QCOMPARE(c.value(QLatin1String("mine")).toString(), kMyEmail);
            QCOMPARE(c.value(QLatin1String("theirs")).toString(), kTheirEmail);
        }
        const OrderSnapshot after = read(*g, booked.id);
        QCOMPARE(after.email, email == QLatin1String("old") ? booked.email : email);
        QCOMPARE(after.phone, phone == QLatin1String("old") ? booked.phone : phone);
        QCOMPARE(o.value(QLatin1String("version")).toInt(), after.version);
        const auto sent = requestsTo(sandbox.ledger(), QStringLiteral("patch_order"));
        QCOMPARE(sent.size(), patches);
        // The command's stale PATCH met the conflict shape; it was never resent as it was.
        QCOMPARE(sent.first().value(QLatin1String("status")).toInt(), 409);
    }

    // (d) Details the checkout would refuse are refused here too: exit 2, nothing sent.
    void invalidInputSendsNothing_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("field");
        QTest::newRow("phone") << QStringList{QStringLiteral("--phone"),
                                              QStringLiteral("0803 123 4567")}
                               << QStringLiteral("phone_number");
        QTest::newRow("email") << QStringList{QStringLiteral("--email"),
                                              QStringLiteral("amara@@example.com")}
                               << QStringLiteral("email");
    }
    void invalidInputSendsNothing() {
        QFETCH(QStringList, args);
        QFETCH(QString, field);
        test::SandboxProcess sandbox(QStringLiteral(FLIGHTDESK_SANDBOX_BINARY));
        auto g = gatewayTo(sandbox);
        const OrderSnapshot booked = book(*g);
        QVERIFY(!booked.id.isEmpty());
        const qsizetype before = requestsTo(sandbox.ledger(), {}).size();
        const Run r = contact(sandbox, QStringList{QStringLiteral("--order"), booked.id} + args);
        QCOMPARE(r.exitCode, 2);
        const QJsonObject o = r.outcome();
        QCOMPARE(o.value(QLatin1String("outcome")).toString(), QStringLiteral("invalid_input"));
        const QJsonArray errors = o.value(QLatin1String("errors")).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().toObject().value(QLatin1String("field")).toString(), field);
        QVERIFY(requestsTo(sandbox.ledger(), QStringLiteral("patch_order")).isEmpty());
        QCOMPARE(requestsTo(sandbox.ledger(), {}).size(), before);
        QCOMPARE(read(*g, booked.id).version, booked.version);
    }

    void usageIsRefused() {
        test::SandboxProcess sandbox(QStringLiteral(FLIGHTDESK_SANDBOX_BINARY));
        const Run noOrder = contact(sandbox, {QStringLiteral("--email"), kMyEmail});
        QCOMPARE(noOrder.exitCode, 2);
        QVERIFY(noOrder.err.contains("--order"));
        const Run badPolicy = contact(
            sandbox, {QStringLiteral("--order"), QStringLiteral("ord_1"), QStringLiteral("--email"),
                      kMyEmail, QStringLiteral("--on-conflict"), QStringLiteral("newest")});
        QCOMPARE(badPolicy.exitCode, 2);
        QVERIFY(requestsTo(sandbox.ledger(), {}).isEmpty());
    }

    // (e) Travomatrix has no contact change: a clear refusal, and not one request reaches it.
    void travomatrixIsNotSupported() {
        test::SandboxProcess sandbox(QStringLiteral(FLIGHTDESK_SANDBOX_BINARY),
                                     {QStringLiteral("--provider"), QStringLiteral("travomatrix")});
        const Run r = contact(sandbox,
                              {QStringLiteral("--order"), QStringLiteral("QK7XRT"),
                               QStringLiteral("--email"), kMyEmail},
                              QStringLiteral("travomatrix"));
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = r.outcome();
        QCOMPARE(o.value(QLatin1String("outcome")).toString(), QStringLiteral("error"));
        QCOMPARE(o.value(QLatin1String("code")).toString(), QStringLiteral("FD_NOT_SUPPORTED"));
        QVERIFY2(o.value(QLatin1String("message")).toString().contains(QStringLiteral("portal")),
                 qPrintable(o.value(QLatin1String("message")).toString()));
        QVERIFY(requestsTo(sandbox.ledger(), {}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstCliContact)
#include "tst_cli_contact.moc"
