// Every way a gateway call can fail, answered to every call of the checkout that can receive
// it (issue 10.2), and what the agent and the journal see afterwards: the state, the outcome and
// its words, whether the intent is closed, whether its key and frozen body are kept, and what is
// sent next. The expected values follow the contract (shared/api/travelbase-v1.md) and the rules:
// never book twice, never charge twice, never leave an agent guessing, never close a call that
// may have executed as if nothing happened, and erase PII once nothing will be sent again.
#include "checkoutstates.h"
#include "core/checkoutflow.h"
#include "flowfixture.h"
#include "storage/orderjournal.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <optional>
#include <string_view>

using namespace fd;
using fd::test::order;
using fd::test::ticketedOrder;
using Kind = GatewayFailure::Kind;
using Outcome = CheckoutFlow::Outcome;

Q_DECLARE_METATYPE(fd::GatewayFailure::Kind)

namespace {

constexpr int kNoOutcome = -1;
constexpr qint64 kPollMs = 30'000;
constexpr qint64 kUnresolvedMs = 300'000;
// Long enough for any timer of a waiting flow to fire; short enough that the offer (10:15) and
// its price guarantee (10:10) still hold when a retry validates it again.
constexpr qint64 kQuietMs = 60'000;

const char *kindName(Kind kind) {
    switch (kind) {
    case Kind::OfferUnavailable:
        return "OfferUnavailable";
    case Kind::InsufficientFunds:
        return "InsufficientFunds";
    case Kind::Rejected:
        return "Rejected";
    case Kind::Unauthorized:
        return "Unauthorized";
    case Kind::NotFound:
        return "NotFound";
    case Kind::KeyReused:
        return "KeyReused";
    case Kind::Fatal:
        return "Fatal";
    case Kind::OutcomeUnknown:
        return "OutcomeUnknown";
    case Kind::Cancelled:
        return "Cancelled";
    case Kind::Conflict:
        return "Conflict";
    }
    return "?";
}

// What the provider's refusal looks like once the real gateway has classified it: the error
// code of the contract and the gateway's own wording, which names no remedy (the flow must).
GatewayFailure providerFailure(Kind kind, bool earlier) {
    GatewayFailure f;
    f.kind = kind;
    f.earlierAttemptMayHaveExecuted = earlier;
    const auto refused = [&f](int status, const char *code, const char *fault) {
        f.httpStatus = status;
        f.code = QLatin1String(code);
        f.message = QStringLiteral("HTTP %1 %2: refused (retryable: no, fault: %3)")
                        .arg(QString::number(status), f.code, QLatin1String(fault));
    };
    switch (kind) {
    case Kind::OfferUnavailable:
        refused(422, "TB_OFFER_EXPIRED", "client");
        break;
    case Kind::InsufficientFunds:
        refused(402, "TB_INSUFFICIENT_BALANCE", "client");
        break;
    case Kind::Rejected:
        refused(400, "TB_VALIDATION_FAILED", "client");
        f.fieldErrors = {{QStringLiteral("passengers[1].family_name"),
                          QStringLiteral("too long for the airline")}};
        break;
    case Kind::Unauthorized:
        refused(401, "TB_AUTH_101", "client");
        break;
    case Kind::NotFound:
        refused(404, "TB_NOT_FOUND", "client");
        break;
    case Kind::KeyReused:
        refused(409, "TB_IDEMPOTENCY_KEY_REUSED", "client");
        break;
    case Kind::Fatal:
        refused(500, "TB_INTERNAL_FATAL", "server");
        break;
    case Kind::OutcomeUnknown:
        f.httpStatus = 503;
        f.code = QStringLiteral("TB_UNAVAILABLE");
        f.message = QStringLiteral("No definitive answer after 5 attempt(s); the last was HTTP 503 "
                                   "TB_UNAVAILABLE: unavailable (retryable: yes, fault: server)");
        break;
    case Kind::Cancelled:
        f.code = QStringLiteral("FD_CANCELLED");
        f.message = QStringLiteral("FD_CANCELLED: The request was cancelled");
        break;
    case Kind::Conflict:
        f.httpStatus = 409;
        f.code = QStringLiteral("CONFLICT");
        f.message = QStringLiteral("HTTP 409 CONFLICT: Resource version mismatch.");
        break;
    }
    return f;
}

bool holdsPii(const Intent &i) {
    const QByteArray stored =
        QJsonDocument(i.passengers).toJson() + i.requestBody.value_or(QByteArray());
    return stored.contains("A12345678") || stored.contains("1988-04-17");
}

} // namespace

class TestFailureTable final : public QObject, fd::test::FlowFixture {
    Q_OBJECT

    // Taken just before the failure is answered.
    qint64 m_firstId = 0;
    QString m_firstKey;
    std::optional<QByteArray> m_firstBody; // the create as first sent, if it was
    QString m_ticketKey;

    qsizetype count(const char *kind) const {
        return m_gateway.callsOf(QLatin1String(kind)).size();
    }

    // Drives a fresh flow to `call` and leaves that call unanswered.
    void driveTo(const QString &call) {
        if (call == QLatin1String("get_offer")) {
            QVERIFY(m_flow->submit());
            QTRY_COMPARE(m_gateway.nextKind(), QStringLiteral("get_offer"));
        } else if (call == QLatin1String("get_wallet")) {
            QVERIFY(m_flow->submit());
            QTRY_COMPARE(m_gateway.nextKind(), QStringLiteral("get_offer"));
            m_gateway.answer(m_offer);
            QTRY_COMPARE(m_gateway.nextKind(), QStringLiteral("get_wallet"));
        } else if (call == QLatin1String("create")) {
            reachCreate();
        } else if (call == QLatin1String("create_resend")) {
            // The first send timed out; the agent retried safely: the same key and bytes again.
            reachCreate();
            m_gateway.answer(providerFailure(Kind::OutcomeUnknown, false));
            QTRY_COMPARE(m_flow->state(), CheckoutState::Interrupted);
            QVERIFY(m_flow->retrySafely());
            QTRY_COMPARE(m_gateway.nextKind(), QStringLiteral("create_order"));
        } else if (call == QLatin1String("ticket")) {
            reachTicket();
        } else if (call == QLatin1String("poll")) {
            reachProcessing();
            m_scheduler->advance(kPollMs);
            QTRY_COMPARE(m_gateway.nextKind(), QStringLiteral("get_order"));
        } else if (call == QLatin1String("confirm")) {
            // A webhook says "failed": the flow reads the order by id before believing it.
            reachProcessing();
            m_flow->orderUpdated(order("failed"));
            QTRY_COMPARE(m_gateway.nextKind(), QStringLiteral("get_order"));
        } else if (call == QLatin1String("resume_poll")) {
            // The process died while waiting for the airline; the next one resumes and reads.
            reachProcessing();
            const qint64 id = m_flow->intentId();
            m_flow.reset();
            m_gateway.unanswered.clear();
            m_scheduler->advance(TimingPolicy{}.leaseTtl.count() + 1);
            m_flow = makeFlow(id, QStringLiteral("next process"));
            m_flow->resume();
            QTRY_COMPARE(m_flow->state(), CheckoutState::Processing);
            m_scheduler->advance(kPollMs);
            QTRY_COMPARE(m_gateway.nextKind(), QStringLiteral("get_order"));
        } else {
            QFAIL(qPrintable(QStringLiteral("unknown call ") + call));
        }
    }

    // The words the agent gets must carry each of `says` ({code}, {key}, {order} filled in).
    void checkWords(const QStringList &says, const GatewayFailure &f) {
        const QString message = m_flow->outcomeMessage();
        QVERIFY2(!message.trimmed().isEmpty(), "the agent is told nothing");
        for (QString want : says) {
            want.replace(QLatin1String("{code}"), f.code)
                .replace(QLatin1String("{key}"), m_firstKey)
                .replace(QLatin1String("{order}"), QLatin1String("ord_0001"));
            QVERIFY2(message.contains(want, Qt::CaseInsensitive),
                     qPrintable(QStringLiteral("\"%1\" does not say \"%2\"").arg(message, want)));
        }
        QCOMPARE(intent().outcomeMessage, message);
    }

    // Runs what is already queued (the state machine's posted steps, replies, a starting
    // machine's first step): what happens next without any time passing. No real waiting.
    static void settle() {
        for (int round = 0; round < 10; ++round)
            QCoreApplication::processEvents();
    }

    // Nothing goes out while the flow waits for the agent.
    void checkQuiet() {
        const qsizetype before = m_gateway.calls.size();
        m_scheduler->advance(kQuietMs);
        settle();
        QCOMPARE(m_gateway.calls.size(), before);
    }

    // Answers every read of the order with `answer` while `ms` pass, a poll interval at a time.
    template <typename T> void answerReads(const T &answer, qint64 ms) {
        for (qint64 t = 0; t < ms; t += kPollMs) {
            m_scheduler->advance(kPollMs);
            settle();
            while (m_gateway.nextKind() == QLatin1String("get_order"))
                m_gateway.answer(answer);
        }
    }

    // The booking is not closed: a late answer that the order is ticketed still counts.
    void checkLateTicketCounts() {
        m_flow->orderUpdated(ticketedOrder());
        QTRY_COMPARE(m_flow->state(), CheckoutState::Ticketed);
        QCOMPARE(count("create_order"), 1);
    }

    void thenNothing(CheckoutState state) {
        checkQuiet();
        QVERIFY(!m_flow->submit());
        QVERIFY(!m_flow->retrySafely());
        QVERIFY(!m_flow->retryAfterTopUp());
        // Nor does another process that resumes the intent send anything.
        const qsizetype before = m_gateway.calls.size();
        const qint64 id = m_flow->intentId();
        m_flow = makeFlow(id, QStringLiteral("next process"));
        m_flow->resume();
        settle();
        QCOMPARE(m_gateway.calls.size(), before);
        QCOMPARE(intent().state, state);
    }

    // retrySafely sends the step that was cut short again, with the same key (and bytes).
    void thenRetry(const QString &call) {
        checkQuiet();
        QVERIFY(!m_flow->submit());
        const qsizetype offers = count("get_offer");
        QVERIFY(m_flow->retrySafely());
        if (call.startsWith(QLatin1String("get_"))) {
            passValidation();
            QTRY_COMPARE(m_gateway.nextKind(), QStringLiteral("create_order"));
            QCOMPARE(m_gateway.next()->key, m_firstKey);
        } else if (call.startsWith(QLatin1String("create"))) {
            QTRY_COMPARE(m_gateway.nextKind(), QStringLiteral("create_order"));
            QCOMPARE(m_gateway.next()->key, m_firstKey);
            QCOMPARE(m_gateway.next()->body, *m_firstBody);
            QCOMPARE(count("get_offer"), offers); // the frozen bytes are not re-validated
        } else {
            QTRY_COMPARE(m_gateway.nextKind(), QStringLiteral("ticket"));
            QCOMPARE(m_gateway.next()->key, m_ticketKey);
            QCOMPARE(m_gateway.next()->id, QStringLiteral("ord_0001"));
            QCOMPARE(count("create_order"), 1);
        }
    }

    // A top-up, then the offer and wallet are checked again and the same bytes go with the
    // same key.
    void thenTopUp() {
        checkQuiet();
        QVERIFY(!m_flow->submit());
        QVERIFY(m_flow->retryAfterTopUp());
        passValidation();
        QTRY_COMPARE(m_gateway.nextKind(), QStringLiteral("create_order"));
        QCOMPARE(m_gateway.next()->key, m_firstKey);
        QCOMPARE(m_gateway.next()->body, *m_firstBody);
    }

    // Refused before executing: the old intent is closed, a new one (new key) takes the fix.
    void thenFix() {
        checkQuiet();
        const Intent old = *m_journal->intent(m_firstId);
        QCOMPARE(old.state, CheckoutState::Superseded);
        QVERIFY(old.isFinal());
        QVERIFY(!holdsPii(old));
        const Intent next = intent();
        QVERIFY(next.id != m_firstId);
        QVERIFY(next.idempotencyKey != m_firstKey);
        QCOMPARE(next.supersededKey, m_firstKey);
        QVERIFY(!next.isFrozen());
        QVERIFY(!m_flow->validationReport().errors.isEmpty());
        QCOMPARE(m_flow->validationReport().errors.first().message,
                 QStringLiteral("too long for the airline"));
        QVERIFY(m_flow->submit());
        passValidation();
        QTRY_COMPARE(m_gateway.nextKind(), QStringLiteral("create_order"));
        QCOMPARE(m_gateway.next()->key, next.idempotencyKey);
    }

    // The order exists: the flow keeps reading it, never books or tickets again, and stops
    // at "unresolved, contact support" when the provider keeps refusing the reads.
    void thenPoll(const GatewayFailure &f, const QStringList &says) {
        answerReads(f, kUnresolvedMs);
        QTRY_COMPARE(m_flow->state(), CheckoutState::Unresolved);
        QCOMPARE(m_flow->outcome(), Outcome::Unresolved);
        QCOMPARE(intent().state, CheckoutState::Unresolved);
        QVERIFY(!intent().isFinal());
        checkWords(says, f);
        QCOMPARE(count("create_order"), 1);
        QCOMPARE(count("ticket"), 1);
        checkLateTicketCounts();
    }

    // Ticketing refused: support's case. The order is still read, and its answer still counts.
    void thenSupport() {
        const qsizetype reads = count("get_order");
        answerReads(order("pending"), 4 * kPollMs);
        QVERIFY(count("get_order") > reads);
        QCOMPARE(m_flow->state(), CheckoutState::Unresolved);
        QCOMPARE(count("create_order"), 1);
        QCOMPARE(count("ticket"), 1);
        checkLateTicketCounts();
    }

    static void row(const char *call, Kind kind, bool earlier, const char *state, int outcome,
                    bool final, const char *then, const QStringList &says) {
        QTest::addRow("%s %s%s", call, kindName(kind), earlier ? " (earlier attempt unsure)" : "")
            << QString::fromLatin1(call) << kind << earlier
            << *state::checkoutStateNamed(QLatin1String(state)) << outcome << final
            << QString::fromLatin1(then) << says;
    }

private Q_SLOTS:
    void init() { setUpFlow(); }
    void cleanup() { tearDownFlow(); }

    void walk_data() {
        QTest::addColumn<QString>("call");        // where the failure is answered
        QTest::addColumn<Kind>("kind");           // GatewayFailure::kind
        QTest::addColumn<bool>("earlier");        // GatewayFailure::earlierAttemptMayHaveExecuted
        QTest::addColumn<CheckoutState>("state"); // flow.state() and the journal's, at once
        QTest::addColumn<int>("outcome");  // CheckoutFlow::Outcome, or kNoOutcome (still waiting)
        QTest::addColumn<bool>("final");   // closed for good: PII erased, nothing sent again
        QTest::addColumn<QString>("then"); // what is sent next (the then* functions)
        QTest::addColumn<QStringList>("says"); // what the agent's message must contain

        const int offerGone = int(Outcome::OfferUnavailable);
        const int funds = int(Outcome::InsufficientFunds);
        const int invalid = int(Outcome::InvalidInput);
        const int interrupted = int(Outcome::Interrupted);
        const int unresolved = int(Outcome::Unresolved);
        const int error = int(Outcome::Error);
        const QStringList reason{QStringLiteral("{code}")};
        // Nothing was sent to book yet: the agent may book again once the cause is fixed.
        const QStringList badKey{QStringLiteral("{code}"), QStringLiteral("API key"),
                                 QStringLiteral("Settings"), QStringLiteral("Nothing was booked")};
        const QStringList cannotCheck{QStringLiteral("{code}"), QStringLiteral("support"),
                                      QStringLiteral("Nothing was booked")};
        // The create was refused for good: support, with the key, before any new booking.
        const QStringList stopped{QStringLiteral("{code}"), QStringLiteral("support"),
                                  QStringLiteral("{key}")};
        const QStringList keyReused{QStringLiteral("{code}"), QStringLiteral("may have booked"),
                                    QStringLiteral("do not book again"), QStringLiteral("support"),
                                    QStringLiteral("{key}")};
        // A refused resend after a send that may have booked: resume with the same key.
        const QStringList mayHaveBooked{QStringLiteral("{code}"), QStringLiteral("may have booked"),
                                        QStringLiteral("same key"), QStringLiteral("support"),
                                        QStringLiteral("{key}")};
        const QStringList fixIt{QStringLiteral("need fixing")};
        // The order exists: support, with the order id, and never a second booking.
        const QStringList ticketRefused{QStringLiteral("{order}"), QStringLiteral("{code}"),
                                        QStringLiteral("support"),
                                        QStringLiteral("do not book again")};
        const QStringList noAnswer{QStringLiteral("{order}"), QStringLiteral("support"),
                                   QStringLiteral("do not book again")};

        // Validating: GET offer and GET wallet execute nothing, so an earlier attempt changes
        // nothing either.
        row("get_offer", Kind::OfferUnavailable, false, "offer_unavailable", offerGone, true,
            "nothing", reason);
        row("get_offer", Kind::NotFound, false, "offer_unavailable", offerGone, true, "nothing",
            reason);
        row("get_offer", Kind::Unauthorized, false, "error", error, true, "nothing", badKey);
        row("get_offer", Kind::Rejected, false, "error", error, true, "nothing", cannotCheck);
        row("get_offer", Kind::Fatal, false, "error", error, true, "nothing", cannotCheck);
        row("get_offer", Kind::Fatal, true, "error", error, true, "nothing", cannotCheck);
        row("get_offer", Kind::OutcomeUnknown, false, "interrupted", interrupted, false, "retry",
            reason);
        row("get_offer", Kind::Cancelled, false, "interrupted", interrupted, false, "retry",
            reason);
        row("get_wallet", Kind::Unauthorized, false, "error", error, true, "nothing", badKey);
        row("get_wallet", Kind::Rejected, false, "error", error, true, "nothing", cannotCheck);
        row("get_wallet", Kind::Fatal, false, "error", error, true, "nothing", cannotCheck);
        row("get_wallet", Kind::OutcomeUnknown, false, "interrupted", interrupted, false, "retry",
            reason);
        row("get_wallet", Kind::Cancelled, false, "interrupted", interrupted, false, "retry",
            reason);

        // Creating, first send: a definitive refusal executed nothing (contract: "a request
        // rejected before it executed stores nothing under its key")...
        row("create", Kind::OfferUnavailable, false, "offer_unavailable", offerGone, true,
            "nothing", reason);
        row("create", Kind::InsufficientFunds, false, "insufficient_funds", funds, false, "top_up",
            reason);
        row("create", Kind::Rejected, false, "invalid_input", invalid, false, "fix", fixIt);
        row("create", Kind::Unauthorized, false, "error", error, true, "nothing", badKey);
        row("create", Kind::NotFound, false, "error", error, true, "nothing", stopped);
        // ...except a reused key: something was stored under it, so something executed.
        row("create", Kind::KeyReused, false, "error", error, true, "nothing", keyReused);
        row("create", Kind::Fatal, false, "error", error, true, "nothing", stopped);
        row("create", Kind::OutcomeUnknown, false, "interrupted", interrupted, false, "retry",
            reason);
        row("create", Kind::Cancelled, false, "interrupted", interrupted, false, "retry", reason);

        // Creating, when an earlier attempt of the same call may have booked (it timed out, or
        // got a 5xx), or the create was sent before (a resend after an interruption): a refusal
        // of this attempt says nothing about that one. Auth (401) and body size (413) are
        // checked before the key is looked up, and a proxy's 4xx never reaches the provider.
        // Never closed, never a new key: resume sends the same bytes with the same key.
        for (const char *call : {"create", "create_resend"}) {
            const bool earlier = call == std::string_view("create");
            row(call, Kind::OfferUnavailable, earlier, "interrupted", interrupted, false, "retry",
                mayHaveBooked);
            row(call, Kind::InsufficientFunds, earlier, "insufficient_funds", funds, false,
                "top_up", reason);
            row(call, Kind::Rejected, earlier, "interrupted", interrupted, false, "retry",
                mayHaveBooked);
            row(call, Kind::Unauthorized, earlier, "interrupted", interrupted, false, "retry",
                mayHaveBooked);
            row(call, Kind::NotFound, earlier, "interrupted", interrupted, false, "retry",
                mayHaveBooked);
            row(call, Kind::KeyReused, earlier, "error", error, true, "nothing", keyReused);
            row(call, Kind::Fatal, earlier, "interrupted", interrupted, false, "retry",
                mayHaveBooked);
            row(call, Kind::OutcomeUnknown, earlier, "interrupted", interrupted, false, "retry",
                reason);
            row(call, Kind::Cancelled, earlier, "interrupted", interrupted, false, "retry", reason);
        }

        // Ticketing: the order exists and was paid for. A cut-off call is resent with the same
        // ticket key; a definitive refusal is for support, never a new order, and the order is
        // still read (the airline may ticket it after all).
        for (Kind kind : {Kind::OfferUnavailable, Kind::InsufficientFunds, Kind::Rejected,
                          Kind::Unauthorized, Kind::NotFound, Kind::KeyReused, Kind::Fatal})
            row("ticket", kind, false, "unresolved", unresolved, false, "support", ticketRefused);
        row("ticket", Kind::Fatal, true, "unresolved", unresolved, false, "support", ticketRefused);
        row("ticket", Kind::Rejected, true, "unresolved", unresolved, false, "support",
            ticketRefused);
        row("ticket", Kind::OutcomeUnknown, false, "interrupted", interrupted, false, "retry",
            reason);
        row("ticket", Kind::Cancelled, false, "interrupted", interrupted, false, "retry", reason);

        // Reading the order (the processing poll, the read that checks a webhook's "failed",
        // the read after a resume): a failed read says nothing about the order. The flow keeps
        // waiting and reading; never "failed, no charge"; "contact support" after 5 minutes.
        for (const char *call : {"poll", "confirm", "resume_poll"})
            for (Kind kind : {Kind::OfferUnavailable, Kind::InsufficientFunds, Kind::Rejected,
                              Kind::Unauthorized, Kind::NotFound, Kind::KeyReused, Kind::Fatal,
                              Kind::OutcomeUnknown, Kind::Cancelled})
                row(call, kind, false, "processing", kNoOutcome, false, "poll", noAnswer);
    }

    void walk() {
        QFETCH(QString, call);
        QFETCH(Kind, kind);
        QFETCH(bool, earlier);
        QFETCH(CheckoutState, state);
        QFETCH(int, outcome);
        QFETCH(bool, final);
        QFETCH(QString, then);
        QFETCH(QStringList, says);

        driveTo(call);
        if (QTest::currentTestFailed())
            return;
        m_firstId = m_flow->intentId();
        m_firstKey = intent().idempotencyKey;
        const auto creates = m_gateway.callsOf(QStringLiteral("create_order"));
        m_firstBody = creates.isEmpty() ? std::nullopt : std::optional(creates.first().body);
        const auto tickets = m_gateway.callsOf(QStringLiteral("ticket"));
        m_ticketKey = tickets.isEmpty() ? QString() : tickets.first().key;
        const qsizetype createsBefore = creates.size();
        const qsizetype ticketsBefore = tickets.size();

        QSignalSpy entered(m_flow.get(), &CheckoutFlow::stateEntered);
        const GatewayFailure f = providerFailure(kind, earlier);
        m_gateway.answer(f);

        // The state entered, by the flow and in the journal.
        if (state == m_flow->state()) {
            settle();
            QVERIFY2(entered.isEmpty(), "a failed read moved the flow");
        } else {
            QTRY_COMPARE(m_flow->state(), state);
        }
        QCOMPARE(intent().state, state);
        // The outcome the agent is given, and its words.
        if (outcome == kNoOutcome) {
            QVERIFY(!m_flow->outcome().has_value());
            QVERIFY(intent().outcome.isEmpty());
        } else {
            QCOMPARE(m_flow->outcome(), Outcome(outcome));
            QCOMPARE(intent().outcome, CheckoutFlow::outcomeName(Outcome(outcome)));
            checkWords(says, f);
        }
        // Closed for good or not; PII is kept exactly as long as something may be sent.
        QCOMPARE(intent().isFinal(), final);
        QCOMPARE(state::isFinal(m_flow->state()), final);
        QCOMPARE(holdsPii(intent()), !final);
        QCOMPARE(intent().isResumable(), !final && state != CheckoutState::InvalidInput);
        // The key and the frozen bytes.
        if (then != QLatin1String("fix")) {
            QCOMPARE(m_flow->intentId(), m_firstId);
            QCOMPARE(intent().idempotencyKey, m_firstKey);
            if (!m_firstBody)
                QVERIFY(!intent().isFrozen());
            else if (!final)
                QCOMPARE(intent().requestBody, m_firstBody);
        }
        // Nothing was sent again by the failure itself.
        QCOMPARE(count("create_order"), createsBefore);
        QCOMPARE(count("ticket"), ticketsBefore);

        // What is sent afterwards.
        if (then == QLatin1String("nothing"))
            thenNothing(state);
        else if (then == QLatin1String("retry"))
            thenRetry(call);
        else if (then == QLatin1String("top_up"))
            thenTopUp();
        else if (then == QLatin1String("fix"))
            thenFix();
        else if (then == QLatin1String("poll"))
            thenPoll(f, says);
        else if (then == QLatin1String("support"))
            thenSupport();
        else
            QFAIL(qPrintable(QStringLiteral("unknown next step ") + then));
    }
};

QTEST_GUILESS_MAIN(TestFailureTable)
#include "tst_failure_table.moc"
