// Changing a booked order's contact details (desk/contacts.h) with each provider's real gateway
// against its own sandbox on 127.0.0.1, reached the way the desk reaches it (a demo
// ProviderLink), and judged by re-reading the order by id and by the sandbox's ledger.
#include "testdata.h"

#include "core/scheduler.h"
#include "desk/contacts.h"
#include "desk/providerlink.h"
#include "sandbox/ledger.h"
#include "sandbox/sandbox.h"
#include "sandbox/travomatrix/travomatrixsandbox.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace fd;

namespace {

const QString kTheirEmail = QStringLiteral("okafor.family@example.net");
const QString kTheirPhone = QStringLiteral("+2348098765432");
const QString kMyEmail = QStringLiteral("ade@example.org");
const QString kMyPhone = QStringLiteral("+447700900123");

const sandbox::Ledger &ledgerOf(desk::ProviderLink &link) {
    if (auto *tb = qobject_cast<sandbox::Sandbox *>(link.demoSandbox()))
        return tb->ledger();
    return qobject_cast<sandbox::TravomatrixSandbox *>(link.demoSandbox())->ledger();
}

QList<int> statusesOf(desk::ProviderLink &link, const QString &endpoint) {
    QList<int> out;
    for (const auto &r : ledgerOf(link).requests())
        if (r.endpoint == endpoint)
            out << r.status;
    return out;
}

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
};

} // namespace

class TstContacts final : public QObject {
    Q_OBJECT

    SystemClock m_clock;
    QtScheduler m_scheduler;
    QObject m_context;

    std::unique_ptr<desk::ProviderLink> connect(const QString &provider) {
        desk::LinkOptions o;
        o.demo = true;
        o.timing.scale = 0.01;
        o.timing.requestTimeout = std::chrono::seconds(10);
        auto link = desk::connectProvider(provider, o, &m_clock, &m_scheduler);
        if (!link)
            qFatal("%s", qPrintable(link.error().message));
        return std::move(link).value();
    }

    static std::unique_ptr<desk::Contacts> contactsOver(desk::ProviderLink &link) {
        return desk::makeContacts([&link](const QString &provider) -> BookingGateway * {
            return provider == link.providerId() ? &link.gateway() : nullptr;
        });
    }

    // A pending booking of one adult on LOS→LHR; its order as the create answered it.
    OrderSnapshot book(desk::ProviderLink &link) {
        QList<Passenger> people = test::testPassengers("family-valid").mid(0, 1);
        people[0].type = QStringLiteral("adult");
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
        link.searchOffers(request, &m_context, {}, offers.callback());
        if (!offers.wait() || !offers.value() || offers.value()->isEmpty())
            return {};
        BookingGateway &g = link.gateway();
        Answer<OrderSnapshot> created;
        g.createOrder(g.createBody(offers.value()->first(), people),
                      QUuid::createUuid().toString(QUuid::WithoutBraces), &m_context, {},
                      created.callback());
        return created.wait() && created.value() ? *created.value() : OrderSnapshot{};
    }

    OrderSnapshot read(desk::ProviderLink &link, const QString &orderId) {
        Answer<OrderSnapshot> a;
        link.gateway().fetchOrder(orderId, &m_context, {}, a.callback());
        return a.wait() && a.value() ? *a.value() : OrderSnapshot{};
    }

    // Someone else's change, straight to the provider at `version`; the order after it.
    OrderSnapshot theirChange(desk::ProviderLink &link, const OrderSnapshot &at,
                              const ContactChange &change) {
        Answer<OrderSnapshot> a;
        link.gateway().updateContact(at.id, at.version, change, &m_context, {}, a.callback());
        return a.wait() && a.value() ? *a.value() : OrderSnapshot{};
    }

    desk::ContactOutcome run(desk::Contacts &contacts, const desk::ContactRequest &request) {
        std::optional<desk::ContactOutcome> outcome;
        contacts.change(request, &m_context,
                        [&outcome](const desk::ContactOutcome &o) { outcome = o; });
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 20'000))
            qFatal("no contact outcome within 20 s");
        return *outcome;
    }

private Q_SLOTS:
    // (a) The order is read by id, changed at its version, and reads back changed: version + 1.
    void changesEmail() {
        auto link = connect(QStringLiteral("travelbase"));
        const OrderSnapshot booked = book(*link);
        QVERIFY(!booked.id.isEmpty());
        QVERIFY(!booked.email.isEmpty()); // the parser reads the contact details
        QVERIFY(booked.email != kMyEmail);
        auto contacts = contactsOver(*link);
        desk::ContactRequest r;
        r.provider = QStringLiteral("travelbase");
        r.orderId = booked.id;
        r.change.email = kMyEmail;
        const desk::ContactOutcome o = run(*contacts, r);
        QVERIFY2(o.kind == desk::ContactOutcome::Kind::Changed, qPrintable(o.message));
        QCOMPARE(o.version, booked.version + 1);
        QCOMPARE(o.patches, 1);
        const OrderSnapshot after = read(*link, booked.id);
        QCOMPARE(after.version, booked.version + 1);
        QCOMPARE(after.email, kMyEmail);
        QCOMPARE(after.phone, booked.phone); // a field left empty stays as it was
        // One PATCH, with a key of its own (a lost answer can be retried without a second write).
        QCOMPARE(statusesOf(*link, QStringLiteral("patch_order")), QList<int>{200});
        for (const auto &req : ledgerOf(*link).requests())
            if (req.endpoint == QLatin1String("patch_order"))
                QVERIFY(!req.idempotencyKey.isEmpty());
    }

    // The first PATCH is applied and its answer lost: the gateway's retry carries the same key,
    // so the provider replays its answer instead of applying (or refusing) it a second time.
    void lostAnswerIsReplayedNotReapplied() {
        auto link = connect(QStringLiteral("travelbase"));
        QTemporaryDir dir;
        const QString scenario = dir.filePath(QStringLiteral("patch_lost.json"));
        QFile file(scenario);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"name": "patch_lost", "faults": [{"endpoint": "patch_order",
                       "attempts": [1], "kind": "reset_after_commit"}]})");
        file.close();
        const auto set = link->setScenario(scenario);
        QVERIFY(set && *set);
        const OrderSnapshot booked = book(*link);
        QVERIFY(!booked.id.isEmpty());
        auto contacts = contactsOver(*link);
        desk::ContactRequest r;
        r.provider = QStringLiteral("travelbase");
        r.orderId = booked.id;
        r.change.email = kMyEmail;
        const desk::ContactOutcome o = run(*contacts, r);
        QVERIFY2(o.kind == desk::ContactOutcome::Kind::Changed, qPrintable(o.message));
        QCOMPARE(o.patches, 1); // one change request, retried inside the gateway
        QCOMPARE(read(*link, booked.id).version, booked.version + 1);
        QStringList keys, outcomes;
        for (const auto &req : ledgerOf(*link).requests())
            if (req.endpoint == QLatin1String("patch_order")) {
                keys << req.idempotencyKey;
                outcomes << req.outcome;
            }
        QCOMPARE(keys.size(), 2);
        QVERIFY(!keys.first().isEmpty());
        QCOMPARE(keys.last(), keys.first());
        QCOMPARE(outcomes.last(), QStringLiteral("replayed"));
    }

    // (b) The agent's base is stale: someone else changed the phone meanwhile. The 409 leads to
    // a re-read by id, the email is re-applied at the new version, and both changes stand.
    void staleVersionOtherFieldIsReapplied() {
        auto link = connect(QStringLiteral("travelbase"));
        const OrderSnapshot seen = book(*link);
        QVERIFY(!seen.id.isEmpty());
        const OrderSnapshot theirs = theirChange(*link, seen, {{}, kTheirPhone});
        QCOMPARE(theirs.version, seen.version + 1);
        auto contacts = contactsOver(*link);
        desk::ContactRequest r;
        r.provider = QStringLiteral("travelbase");
        r.orderId = seen.id;
        r.change.email = kMyEmail;
        r.base = desk::ContactRequest::Base{{seen.email, seen.phone}, seen.version};
        const desk::ContactOutcome o = run(*contacts, r);
        QVERIFY2(o.kind == desk::ContactOutcome::Kind::Changed, qPrintable(o.message));
        QVERIFY(o.conflicts.isEmpty());
        QCOMPARE(o.patches, 2);
        const OrderSnapshot after = read(*link, seen.id);
        QCOMPARE(after.email, kMyEmail);
        QCOMPARE(after.phone, kTheirPhone);
        QCOMPARE(after.version, seen.version + 2);
        // Theirs, our stale one refused with the conflict shape, ours again.
        QCOMPARE(statusesOf(*link, QStringLiteral("patch_order")), (QList<int>{200, 409, 200}));
    }

    // (c) The same field to another value: Ask stops with both values and writes nothing;
    // Mine overwrites theirs at the new version; Theirs keeps theirs and sends the rest.
    void sameFieldConflict_data() {
        QTest::addColumn<int>("policy");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("phone");
        QTest::addColumn<int>("patches");
        using K = desk::ContactOutcome::Kind;
        QTest::newRow("ask") << int(desk::OnConflict::Ask) << int(K::Conflict) << kTheirEmail
                             << QString() << 1;
        QTest::newRow("mine") << int(desk::OnConflict::Mine) << int(K::Changed) << kMyEmail
                              << kMyPhone << 2;
        QTest::newRow("theirs") << int(desk::OnConflict::Theirs) << int(K::Changed) << kTheirEmail
                                << kMyPhone << 2;
    }
    void sameFieldConflict() {
        QFETCH(int, policy);
        QFETCH(int, kind);
        QFETCH(QString, email);
        QFETCH(QString, phone);
        QFETCH(int, patches);
        auto link = connect(QStringLiteral("travelbase"));
        const OrderSnapshot seen = book(*link);
        QVERIFY(!seen.id.isEmpty());
        QVERIFY(!theirChange(*link, seen, {kTheirEmail, {}}).id.isEmpty());
        auto contacts = contactsOver(*link);
        desk::ContactRequest r;
        r.provider = QStringLiteral("travelbase");
        r.orderId = seen.id;
        r.change = {kMyEmail, kMyPhone};
        r.onConflict = desk::OnConflict(policy);
        r.base = desk::ContactRequest::Base{{seen.email, seen.phone}, seen.version};
        const desk::ContactOutcome o = run(*contacts, r);
        QVERIFY2(int(o.kind) == kind, qPrintable(o.message));
        QCOMPARE(o.patches, patches);
        QCOMPARE(o.conflicts.size(), 1);
        QCOMPARE(o.conflicts.first().field, ContactField::Email);
        QCOMPARE(o.conflicts.first().mine, kMyEmail);
        QCOMPARE(o.conflicts.first().theirs, kTheirEmail);
        const OrderSnapshot after = read(*link, seen.id);
        QCOMPARE(after.email, email);
        QCOMPARE(after.phone, phone.isEmpty() ? seen.phone : phone);
    }

    // (d) Invalid details are refused by the checkout's own rules before anything is sent:
    // not even the order is read.
    void invalidInputSendsNothing_data() {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("field");
        QTest::newRow("phone not E.164")
            << QString() << QStringLiteral("0803 123 4567") << QStringLiteral("phone_number");
        QTest::newRow("impossible phone")
            << QString() << QStringLiteral("+99912") << QStringLiteral("phone_number");
        QTest::newRow("email without domain")
            << QStringLiteral("ade@localhost") << QString() << QStringLiteral("email");
        QTest::newRow("nothing to change") << QString() << QString() << QString();
    }
    void invalidInputSendsNothing() {
        QFETCH(QString, email);
        QFETCH(QString, phone);
        QFETCH(QString, field);
        auto link = connect(QStringLiteral("travelbase"));
        const qsizetype before = ledgerOf(*link).requests().size();
        auto contacts = contactsOver(*link);
        desk::ContactRequest r;
        r.provider = QStringLiteral("travelbase");
        r.orderId = QStringLiteral("ord_0001");
        r.change = {email, phone};
        const desk::ContactOutcome o = run(*contacts, r);
        QCOMPARE(int(o.kind), int(desk::ContactOutcome::Kind::InvalidInput));
        QCOMPARE(o.report.errors.size(), 1);
        QCOMPARE(o.report.errors.first().field, field);
        QCOMPARE(o.patches, 0);
        QCOMPARE(ledgerOf(*link).requests().size(), before);
    }

    // (e) Travomatrix has no contact change: a clear refusal, and not one request reaches it.
    void travomatrixIsNotSupported() {
        auto link = connect(QStringLiteral("travomatrix"));
        const OrderSnapshot booked = book(*link);
        QVERIFY(!booked.id.isEmpty());
        const qsizetype before = ledgerOf(*link).requests().size();
        auto contacts = contactsOver(*link);
        desk::ContactRequest r;
        r.provider = QStringLiteral("travomatrix");
        r.orderId = booked.id;
        r.change.email = kMyEmail;
        const desk::ContactOutcome o = run(*contacts, r);
        QCOMPARE(int(o.kind), int(desk::ContactOutcome::Kind::Error));
        QVERIFY(o.failure);
        QCOMPARE(int(o.failure->kind), int(GatewayFailure::Kind::Rejected));
        QCOMPARE(o.failure->code, QStringLiteral("FD_NOT_SUPPORTED"));
        QVERIFY2(o.message.contains(QStringLiteral("portal")), qPrintable(o.message));
        QCOMPARE(ledgerOf(*link).requests().size(), before);
    }
};

QTEST_GUILESS_MAIN(TstContacts)
#include "tst_contacts.moc"
