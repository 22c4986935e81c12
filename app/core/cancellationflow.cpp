#include "cancellationflow.h"

#include <QJsonObject>

namespace fd {
namespace {

using S = CancellationState;

bool codeSays(const GatewayFailure &f, QLatin1String what) {
    return f.code.contains(what, Qt::CaseInsensitive);
}

bool saysQuoteExpired(const GatewayFailure &f) {
    return codeSays(f, QLatin1String("QUOTE_EXPIRED"));
}

bool saysNotCancellable(const GatewayFailure &f) {
    return codeSays(f, QLatin1String("NOT_CANCELLABLE"));
}

QString failureText(const GatewayFailure &f) {
    return f.message.isEmpty() ? f.code : f.message;
}

} // namespace

CancellationFlow::CancellationFlow(Deps deps, QObject *parent)
    : QObject(parent)
    , m_d(deps) {}

CancellationFlow::~CancellationFlow() = default;

void CancellationFlow::requestQuote(const QString &orderId) {
    m_done = false;
    m_record = {};
    m_record.provider = m_d.gateway->providerId();
    m_record.quote.orderId = orderId; // named in what is said, even when no quote comes
    CancellationJournal *journal = m_d.journal;
    const QString provider = m_d.gateway->providerId();
    // A confirm that may have executed is finished with its own key: a second quote would
    // come with a second key, and a second refund could follow.
    m_d.queue->run<Result<std::optional<CancellationRecord>>>(
        this, [journal, provider, orderId] { return journal->openCancellation(provider, orderId); },
        [this, orderId](Result<std::optional<CancellationRecord>> open) {
            if (!open)
                return conclude(S::Error, open.error().message);
            if (open->has_value())
                return resume(**open);
            m_d.gateway->quoteCancellation(
                orderId, this, {}, [this](GatewayResult<Cancellation> r) {
                    if (const auto *f = std::get_if<GatewayFailure>(&r))
                        return conclude(saysNotCancellable(*f) ? S::NotCancellable : S::Error,
                                        failureText(*f));
                    CancellationJournal *store = m_d.journal;
                    const QString seller = m_d.gateway->providerId();
                    const Cancellation quote = std::get<Cancellation>(r);
                    m_d.queue->run<Result<CancellationRecord>>(
                        this,
                        [store, seller, quote] {
                            return store->recordCancellationQuote(seller, quote);
                        },
                        [this](Result<CancellationRecord> stored) {
                            // Nothing can be confirmed without its key on disk.
                            if (!stored)
                                return conclude(S::Error, stored.error().message);
                            m_record = *stored;
                            Q_EMIT stateEntered(S::Quoted);
                            Q_EMIT quoted(m_record, false);
                        });
                });
        });
}

void CancellationFlow::confirm() {
    if (m_busy || m_done || m_record.idempotencyKey.isEmpty() || m_record.state != S::Quoted)
        return;
    m_busy = true;
    const QString key = m_record.idempotencyKey;
    CancellationJournal *journal = m_d.journal;
    // Past its time the provider would refuse it anyway: say so without sending anything.
    if (m_d.clock && m_record.quote.expiresAt.isValid() &&
        m_d.clock->now() >= m_record.quote.expiresAt) {
        m_busy = false;
        const QString message = QStringLiteral("The cancellation quote expired at %1; ask for a "
                                               "new one.")
                                    .arg(m_record.quote.expiresAt.toUTC().toString(Qt::ISODate));
        m_d.queue->run<CancellationJournal::Status>(
            this,
            [journal, key, message] {
                return journal->setCancellationState(key, S::QuoteExpired, message);
            },
            [this, message](const CancellationJournal::Status &) {
                conclude(S::QuoteExpired, message);
            });
        return;
    }
    m_d.queue->run<CancellationJournal::Status>(
        this, [journal, key] { return journal->setCancellationState(key, S::Confirming); },
        [this](const CancellationJournal::Status &s) {
            if (!s) {
                m_busy = false;
                return conclude(S::Error, s.error().message); // nothing was sent
            }
            confirmStored();
        });
}

void CancellationFlow::decline() {
    if (m_busy || m_done || m_record.idempotencyKey.isEmpty() || m_record.state != S::Quoted)
        return;
    CancellationJournal *journal = m_d.journal;
    const QString key = m_record.idempotencyKey;
    m_d.queue->run<CancellationJournal::Status>(
        this, [journal, key] { return journal->setCancellationState(key, S::Abandoned); },
        [this](const CancellationJournal::Status &) {
            conclude(S::Abandoned, QStringLiteral("Not cancelled: nothing was sent."));
        });
}

void CancellationFlow::resume(const CancellationRecord &record) {
    m_done = false;
    m_record = record;
    m_busy = true;
    Q_EMIT quoted(m_record, true);
    confirmStored();
}

void CancellationFlow::confirmStored() {
    m_record.state = S::Confirming;
    Q_EMIT stateEntered(S::Confirming);
    sendConfirm();
}

void CancellationFlow::sendConfirm() {
    m_d.gateway->confirmCancellation(
        m_record.quote, m_record.idempotencyKey, this, attemptLog(),
        [this](const GatewayResult<Cancellation> &r) { onConfirmed(r); });
}

void CancellationFlow::onConfirmed(const GatewayResult<Cancellation> &r) {
    S next = S::Cancelled;
    QString message;
    if (const auto *c = std::get_if<Cancellation>(&r)) {
        if (c->refund.currency().size() == 3)
            m_record.quote.refund = c->refund;
        message = QStringLiteral("Cancelled: %1 refunded to the wallet.")
                      .arg(m_record.quote.refund.toString());
    } else {
        const GatewayFailure &f = std::get<GatewayFailure>(r);
        message = failureText(f);
        if (f.kind == GatewayFailure::Kind::Cancelled) {
            // The flow is going away: what was sent stays `confirming`, for resume.
            m_busy = false;
            return conclude(S::Confirming, message);
        }
        // With the same key, an earlier attempt that executed is replayed (200), so a refusal
        // now means the provider did not cancel it.
        if (saysQuoteExpired(f))
            next = S::QuoteExpired;
        else if (saysNotCancellable(f))
            next = S::NotCancellable;
        else if (f.kind == GatewayFailure::Kind::OutcomeUnknown || f.earlierAttemptMayHaveExecuted)
            next = S::Unresolved;
        else
            next = S::Error;
    }
    CancellationJournal *journal = m_d.journal;
    const QString key = m_record.idempotencyKey;
    m_d.queue->run<CancellationJournal::Status>(
        this,
        [journal, key, next, message] { return journal->setCancellationState(key, next, message); },
        [this, next, message](const CancellationJournal::Status &s) {
            m_busy = false;
            if (!s) // the answer is not on disk: resume asks again with the same key
                return conclude(S::Confirming, s.error().message);
            conclude(next, message);
        });
}

void CancellationFlow::conclude(CancellationState state, const QString &message) {
    if (std::exchange(m_done, true))
        return;
    m_record.state = state;
    if (!message.isEmpty())
        m_record.message = message;
    Q_EMIT stateEntered(state);
    Q_EMIT finished(state, message);
}

AttemptLog CancellationFlow::attemptLog() {
    const qint64 intentId = m_record.intentId;
    if (intentId <= 0)
        return {};
    CancellationJournal *journal = m_d.journal;
    JournalQueue *queue = m_d.queue;
    const QString key = m_record.idempotencyKey;
    return [journal, queue, intentId, key, this](const QJsonObject &attempt) {
        QJsonObject detail = attempt;
        detail.insert(QStringLiteral("call"), QStringLiteral("confirm_cancellation"));
        queue->run<bool>(
            this,
            [journal, intentId, detail] {
                journal->recordCancellationAttempt(intentId, detail);
                return true;
            },
            [](bool) {});
    };
}

} // namespace fd
