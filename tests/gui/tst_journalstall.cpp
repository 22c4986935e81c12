// The agency database stops answering while an agent works: the window must stay usable, say
// what it waits for, send nothing whose key is not stored, and carry on when the database
// does. The real checkout tab, offscreen, on a real PostgreSQL (tests/support/pgserver.h) that
// the test freezes with SIGSTOP (every query waits, as on a database host that hangs) and
// stops, against the demo sandbox over loopback HTTP.
//
// A window that waited on the journal on its own thread could not show "Waiting for the order
// journal…" (a timer of the tab) while the database is frozen: that text appearing is the proof.
#include "checkoutpage.h"
#include "checkouttab.h"
#include "desk/desk.h"
#include "desk/session.h"
#include "deskoffers.h"
#include "pgserver.h"
#include "rawhttpclient.h"
#include "sandbox/sandbox.h"
#include "testdata.h"

#include <QJsonArray>
#include <QLabel>
#include <QMessageAuthenticationCode>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

#include <atomic>
#include <memory>
#include <optional>

using namespace fd;
using fd::test::PgServer;
using fd::test::RawRequest;
using fd::ui::CheckoutTab;

namespace {
constexpr int kWait = 20000;
constexpr char kSecret[] = "whsec_stall_test";

// Amara Nwosu, one international adult with a passport.
QList<Passenger> adult() {
    return fd::test::passengersFrom(fd::test::readTestJson("cli/adult-international.json").array());
}

int createsIn(const QJsonObject &ledger) {
    int n = 0;
    for (const QJsonValue &v : ledger.value(QLatin1String("requests")).toArray())
        if (v.toObject().value(QLatin1String("endpoint")).toString() ==
            QLatin1String("create_order"))
            ++n;
    return n;
}
} // namespace

class TestJournalStall final : public QObject {
    Q_OBJECT

    PgServer m_pg;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<desk::Desk> m_desk;

    std::optional<Offer> firstOffer() {
        return fd::test::firstDeskOffer(*m_desk, QStringLiteral("travelbase"), kWait);
    }

    static QString stateText(CheckoutTab &tab) {
        return tab.findChild<QLabel *>(QStringLiteral("stateLabel"))->text();
    }
    QJsonObject ledger() { return m_session->sandbox()->ledgerJson(); }

    // A signed order.ticketed event for an order this desk never booked, posted to the desk's
    // receiver as a provider would.
    std::unique_ptr<RawRequest> postEvent(const QString &eventId) {
        const QJsonObject object{{QStringLiteral("id"), QStringLiteral("ord_elsewhere")},
                                 {QStringLiteral("status"), QStringLiteral("ticketed")}};
        const QJsonObject event{
            {QStringLiteral("id"), eventId},
            {QStringLiteral("type"), QStringLiteral("order.ticketed")},
            {QStringLiteral("data"), QJsonObject{{QStringLiteral("object"), object}}}};
        const QByteArray body = QJsonDocument(event).toJson(QJsonDocument::Compact);
        const QByteArray t = QByteArray::number(QDateTime::currentSecsSinceEpoch());
        const QByteArray mac =
            QMessageAuthenticationCode::hash(t + '.' + body, kSecret, QCryptographicHash::Sha256);
        const quint16 port = quint16(m_session->webhookUrl().port());
        return std::make_unique<RawRequest>(
            port,
            RawRequest::build("POST", "/webhooks/travelbase", port, body,
                              "Travelbase-Signature: t=" + t + ",v1=" + mac.toHex() + "\r\n"));
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        if (const QString why = PgServer::skipReason(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QString error;
        QVERIFY2(m_pg.start(&error), qPrintable(error));
    }
    void init() {
        SessionOptions o;
        o.demo = true;
        o.journalPath = m_pg.url();
        o.journalPassword = m_pg.password();
        o.timingScale = 0.01;
        o.webhookListen = QStringLiteral("127.0.0.1:0");
        o.webhookSecret = kSecret;
        auto s = Session::open(o);
        QVERIFY2(s, s ? "" : qPrintable(s.error().message));
        m_session = std::move(s).value();
        m_desk = desk::makeDesk(*m_session);
        // One checkout opened normally first: the journal's worker has its connection.
        const auto offer = firstOffer();
        QVERIFY(offer);
        CheckoutTab warm(m_desk.get(), *offer, adult());
        QTRY_VERIFY_WITH_TIMEOUT(warm.flow(), kWait);
    }
    void cleanup() {
        m_pg.resume();
        m_desk.reset();
        m_session.reset();
    }
    void cleanupTestCase() { m_pg.stop(); }

    // Frozen while the tab stores the key: the tab says so, Book sends nothing; once the
    // database answers, the key is stored and the booking goes through, once.
    void frozenDatabaseNeverFreezesTheWindowAndBooksOnceItAnswers() {
        const auto offer = firstOffer();
        QVERIFY(offer);
        QVERIFY(m_pg.pause());
        CheckoutTab tab(m_desk.get(), *offer, adult());
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QTRY_VERIFY_WITH_TIMEOUT(stateText(tab).contains(QStringLiteral("Waiting for the order "
                                                                        "journal")),
                                 kWait);
        QVERIFY(!tab.flow());
        // The form is usable; Book is taken, and held until the key is stored.
        QVERIFY(tab.page()->canBook());
        tab.page()->requestBooking();
        QVERIFY(!tab.page()->bookBlockedReason().isEmpty());
        QCOMPARE(createsIn(ledger()), 0);

        QVERIFY(m_pg.resume());
        QTRY_VERIFY_WITH_TIMEOUT(stateText(tab).contains(QStringLiteral("Booked")), kWait);
        QCOMPARE(createsIn(ledger()), 1);
        const auto stored = m_desk->checkouts().intent(tab.intentId());
        QVERIFY(stored);
        QCOMPARE(stored->state, CheckoutState::Ticketed);
    }

    // A webhook arrives while the database is frozen: it is answered only once recorded, and
    // the window goes on meanwhile (the receiver waits on its own thread).
    void frozenDatabaseHoldsTheWebhookAnswerNotTheWindow() {
        const auto offer = firstOffer();
        QVERIFY(offer);
        // One event first: recorded and answered as usual.
        auto warm = postEvent(QStringLiteral("evt_stall_warm"));
        QVERIFY(warm->wait(kWait));
        QCOMPARE(warm->answer().status, 200);

        std::atomic<bool> verified{false};
        connect(
            m_session->receiver(), &WebhookReceiver::eventVerified, this,
            [&verified](const QString &eventId) {
                if (eventId == QLatin1String("evt_stall_frozen"))
                    verified = true;
            },
            Qt::DirectConnection);
        QVERIFY(m_pg.pause());
        auto frozen = postEvent(QStringLiteral("evt_stall_frozen"));
        QTRY_VERIFY_WITH_TIMEOUT(verified.load(), kWait); // the receiver is recording it now
        // The window is not held: a checkout opened now says what it waits for (its timer).
        CheckoutTab tab(m_desk.get(), *offer, adult());
        tab.show();
        QTRY_VERIFY_WITH_TIMEOUT(stateText(tab).contains(QStringLiteral("Waiting for the order "
                                                                        "journal")),
                                 kWait);
        QVERIFY2(!frozen->done(), "a webhook was answered before the journal recorded it");

        QVERIFY(m_pg.resume());
        QVERIFY(frozen->wait(kWait));
        QCOMPARE(frozen->answer().status, 200);
        QCOMPARE(frozen->answer().json.value(QLatin1String("result")).toString(),
                 QStringLiteral("unknown_order"));
        QTRY_VERIFY_WITH_TIMEOUT(tab.flow(), kWait);
    }

    // The database goes away: a new checkout is refused with the reason, and nothing is sent.
    void databaseDownRefusesToStartABooking() {
        const auto offer = firstOffer();
        QVERIFY(offer);
        QString error;
        QVERIFY2(m_pg.stopServer(&error), qPrintable(error));
        CheckoutTab tab(m_desk.get(), *offer, adult());
        tab.show();
        QTRY_VERIFY_WITH_TIMEOUT(stateText(tab).contains(QStringLiteral("cannot be saved")), kWait);
        QVERIFY(!tab.flow());
        QVERIFY(!tab.page()->canBook());
        tab.page()->requestBooking();
        QCOMPARE(createsIn(ledger()), 0);
        QVERIFY2(m_pg.startServer(&error), qPrintable(error));
    }
};

QTEST_MAIN(TestJournalStall)
#include "tst_journalstall.moc"
