#pragma once

// One checkout flow against a ScriptedGateway, the real journal (SQLite in a temporary
// directory, or PostgreSQL under FLIGHTDESK_TEST_JOURNAL=postgres: testjournal.h), a manual clock
// and a manual scheduler: no network and no real waiting. Shared by the flow's unit tests (a QTest
// class derives from QObject and this). Header-only: the tests that include it link
// flightdesk_storage themselves.

#include "api/travelbasejson.h"
#include "checkoutstates.h"
#include "core/checkoutflow.h"
#include "scriptedgateway.h"
#include "storage/orderjournal.h"
#include "testdata.h"
#include "testjournal.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace fd::test {

// The order the scripted provider answers with: ord_0001, booking reference RZPVAB.
inline OrderSnapshot order(const char *status, QJsonArray documents = {}) {
    return *fd::travelbase::parseOrder(
        QJsonObject{{QStringLiteral("id"), QStringLiteral("ord_0001")},
                    {QStringLiteral("status"), QLatin1String(status)},
                    {QStringLiteral("booking_reference"), QStringLiteral("RZPVAB")},
                    {QStringLiteral("documents"), documents}});
}

inline OrderSnapshot ticketedOrder() {
    QJsonArray docs;
    for (int i = 1; i <= 3; ++i)
        docs.append(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("electronic_ticket")},
            {QStringLiteral("unique_identifier"), QStringLiteral("125987654321%1").arg(i)},
            {QStringLiteral("passenger_id"), QStringLiteral("pas_%1").arg(i)}});
    return order("ticketed", docs);
}

inline GatewayFailure failure(GatewayFailure::Kind kind, const char *code = "X", int status = 0) {
    GatewayFailure f;
    f.kind = kind;
    f.code = QLatin1String(code);
    f.httpStatus = status;
    f.message = QStringLiteral("provider says ") + QLatin1String(code);
    return f;
}

inline Wallet wallet(const char *amount) {
    return *fd::travelbase::parseWallet(
        QJsonObject{{QStringLiteral("available_balance"), QLatin1String(amount)},
                    {QStringLiteral("currency"), QStringLiteral("EUR")}});
}

class FlowFixture {
protected:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ManualScheduler> m_scheduler;
    std::unique_ptr<OrderJournal> m_journal;
    std::unique_ptr<JournalQueue> m_queue; // the flow's way to the journal: its own thread
    ScriptedGateway m_gateway;
    Offer m_offer;
    std::unique_ptr<CheckoutFlow> m_flow;

    // A fresh journal and gateway, and a started flow in `editing` on a new intent for the
    // family of three (passports and all) and the LOS-LHR offer.
    void setUpFlow() {
        m_dir = std::make_unique<QTemporaryDir>();
        m_clock = std::make_unique<ManualClock>(sandboxStart());
        m_scheduler = std::make_unique<ManualScheduler>(m_clock.get());
        m_journal = std::make_unique<OrderJournal>(m_clock.get());
        FD_SKIP_UNLESS_TEST_JOURNAL_RUNS();
        m_journal->setPassword(journalPassword());
        QVERIFY(
            m_journal->open(freshJournalLocation(*m_dir, QStringLiteral("journal.sqlite"))).ok());
        m_queue = std::make_unique<JournalQueue>(m_journal.get());
        m_scheduler->setSettle([this] { settleJournal(); });
        m_gateway = ScriptedGateway();
        m_offer = *fd::travelbase::parseOffer(readTestJson("offers/los-lhr-family.json").object());
        m_flow = makeFlow(newIntent(readTestJson("passengers/family-valid.json").array()));
        m_flow->start();
        QTRY_COMPARE(m_flow->state(), CheckoutState::Editing);
    }
    void tearDownFlow() {
        m_flow.reset();
        m_queue.reset();
        m_journal.reset();
    }

    std::unique_ptr<CheckoutFlow> makeFlow(qint64 intentId,
                                           const QString &owner = QStringLiteral("me")) {
        CheckoutFlow::Deps d{&m_gateway, m_queue.get(), m_clock.get(), m_scheduler.get(),
                             {},         owner};
        return std::make_unique<CheckoutFlow>(d, intentId);
    }

    qint64 newIntent(const QJsonArray &passengers) {
        return m_journal->createIntent(m_offer.id, m_offer.raw, passengers)->id;
    }

    Intent intent() const { return *m_journal->intent(m_flow->intentId()); }

    // Lets the journal answer everything asked so far, and the flow act on the answers (which
    // may ask again): on the manual clock the journal takes no time.
    void settleJournal() {
        for (int round = 0; round < 50; ++round) {
            QVERIFY(m_queue->waitUntilIdle(std::chrono::seconds(30)));
            QCoreApplication::processEvents();
            if (m_queue->pending() == 0 && round > 0)
                return;
        }
    }

    // Answers the validating step: the offer as it is now, and the wallet.
    void passValidation(const char *balance = "1500.00") {
        QTRY_COMPARE(m_gateway.nextKind(), QStringLiteral("get_offer"));
        m_gateway.answer(m_offer);
        QTRY_COMPARE(m_gateway.nextKind(), QStringLiteral("get_wallet"));
        m_gateway.answer(wallet(balance));
    }

    // Submitted, validated, the create sent and not answered yet.
    void reachCreate() {
        QVERIFY(m_flow->submit());
        passValidation();
        QTRY_COMPARE(m_gateway.nextKind(), QStringLiteral("create_order"));
    }

    // The order created (pending), the ticket action sent and not answered yet.
    void reachTicket() {
        reachCreate();
        m_gateway.answer(order("pending"));
        QTRY_COMPARE(m_gateway.nextKind(), QStringLiteral("ticket"));
    }

    // Ticketing accepted (in_progress): waiting for a webhook or the first poll.
    void reachProcessing() {
        reachTicket();
        m_gateway.answer(order("in_progress"));
        QTRY_COMPARE(m_flow->state(), CheckoutState::Processing);
    }
};

} // namespace fd::test
