#pragma once

#include "core/cancellation.h"
#include "core/checkoutjournal.h"
#include "core/clock.h"
#include "core/intent.h"
#include "core/result.h"
#include "core/schedulechange.h"
#include "journallocation.h"
#include "journalschema.h"
#include "sqlutil.h"

#include <QList>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

class QThread;

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <variant>

namespace fd {

// The durable record of every checkout intent, through Qt Sql: a SQLite file for one desk
// (WAL) or the agency's PostgreSQL database that many desks share. Every write is one
// transaction, serialised with every other desk's (SQLite's write lock, a PostgreSQL advisory
// lock). A write is on disk when its call returns where that buys safety — the key and frozen
// body before the first byte is sent, an order id and an outcome before they are shown, a
// webhook before it is acknowledged — and grouped with the next such write otherwise (attempt
// rows, intermediate states, leases): see sql::Durability. A checkout flushes 4 times.
// The journal may be used from several threads (one named connection per thread) and several
// processes and desks (a lease per intent).
//
// It never logs: passengers, bodies and keys must not end up in log files.
class OrderJournal final : public CheckoutJournal, public CancellationJournal {
public:
    using Status = CheckoutJournal::Status;
    // clock stamps created/updated/event times; nullptr means the system clock. The clock
    // must outlive the journal.
    explicit OrderJournal(const Clock *clock = nullptr);
    ~OrderJournal() override;
    OrderJournal(const OrderJournal &) = delete;
    OrderJournal &operator=(const OrderJournal &) = delete;

    // Opens or creates the journal and migrates it. A newer schema or a damaged file is
    // refused with a clear message, and the file is not written to.
    // The journal holds names, contacts and (until final) passports, so it is for the user
    // alone: a new file is created 0600 (its -wal and -shm follow, SQLite copies the mode) and
    // a file others could read is narrowed to 0600. A missing folder is an error; the desk
    // creates its data folder 0700 with privatefiles::makeFolder.
    // `location` is a file path or a postgresql:// URL (JournalLocation). On PostgreSQL the
    // schema is created or migrated in the database; the password is the one given with
    // setPassword() or libpq's own (PGPASSWORD, ~/.pgpass).
    // Integrity::Later (the desk) leaves the whole-file check of a SQLite journal to verify(),
    // which the first write waits for: a damaged file is still never written, but the window
    // does not read every page before its first frame. An older file is checked at once (its
    // migration writes).
    Status open(const QString &location,
                journalschema::Integrity integrity = journalschema::Integrity::Now);
    // The whole-file check of a SQLite journal (PRAGMA quick_check, read-only), once per open;
    // every later call returns its verdict. Always ok on PostgreSQL.
    Status verify() const;
    void close();
    // Closes the calling thread's connection (a worker thread about to end); the next call
    // from a thread opens one again.
    void closeThreadConnection() override;
    bool isOpen() const { return !m_path.isEmpty(); }
    // The file's absolute path, or the database's URL (without a password).
    QString path() const { return m_path; }
    bool isPostgres() const { return m_location.isPostgres(); }
    // The agency database's password (from the keychain), kept in memory only; before open().
    void setPassword(const QString &password) { m_password = password; }
    // The last open() took group/other permissions off the journal or its -wal/-shm; the caller
    // tells the user once (the next open finds nothing to change).
    bool tightenedOnOpen() const { return m_tightened; }
    Result<int> schemaVersion() const;
    // journal_mode, synchronous, foreign_keys or secure_delete of this thread's connection.
    Result<QString> pragma(const QString &name) const;

    // A new intent with a fresh UUID v4 key, written before any network call.
    // `provider` sold the offer and books it (BookingGateway::providerId()).
    Result<Intent> createIntent(const QString &offerId, const QJsonObject &offer,
                                const QJsonArray &passengers,
                                const QString &provider = QStringLiteral("travelbase"));
    // Allowed until the body is frozen; the key stays the same.
    Status updatePassengers(qint64 intentId, const QJsonArray &passengers) override;
    Status updateOffer(qint64 intentId, const QString &offerId, const QJsonObject &offer) override;
    // Stores the exact create body before it is first sent. Freezing the same bytes again is
    // fine; any other bytes afterwards are refused (a retry must be byte-identical).
    Status freezeBody(qint64 intentId, const QByteArray &body) override;
    // Once an order id is recorded it never changes; webhooks that came early are matched now.
    Status recordCreateResponse(qint64 intentId, const QString &orderId,
                                const QString &bookingReference,
                                bool mintTicketKey = false) override;
    // The ticket action's Idempotency-Key: minted and stored on first call, then the same.
    Result<QString> recordTicketKey(qint64 intentId) override;
    Status recordETickets(qint64 intentId, const QJsonArray &eTickets) override;
    // Any move except from a final state back to a non-final one. Moving to a final state
    // erases passport numbers and birth dates from the passengers and the stored body.
    Status setState(qint64 intentId, CheckoutState state, const QJsonObject &detail = {}) override;
    Status recordProviderStatus(qint64 intentId, ProviderStatus status) override;
    Status setOutcome(qint64 intentId, CheckoutState outcome, const QString &message) override;
    Result<qint64> recordAttempt(qint64 intentId, const QJsonObject &detail) override;
    Result<qint64> addNote(qint64 intentId, const QString &text) override;

    // Records the event and, in ONE transaction, raises the provider status of orderId's
    // intent and closes its checkout when the status is an outcome (ticketed, cancelled; a
    // failure only after the flow's read agrees). Never moves backwards (a late `pending` after
    // `ticketed` changes nothing). eTickets are kept when the move is to `ticketed`. A status
    // the contract does not define (nullopt) is recorded and changes nothing.
    // The event is matched to `provider`'s order (an order id is unique per provider).
    Result<WebhookResult> applyWebhook(const QString &eventId, const QString &orderId,
                                       std::optional<ProviderStatus> status,
                                       const QJsonObject &payload, const QJsonArray &eTickets = {},
                                       const QString &provider = QStringLiteral("travelbase"));

    // After a definitive (retryable:false) rejection: a new intent with a NEW key, the same
    // offer and passengers, no body, that records the key it supersedes. The old intent
    // becomes `superseded`. Refused when an order exists or the offer must not be booked.
    Result<Intent> supersede(qint64 intentId) override;

    // Cross-process exclusion on one intent, done by SQLite itself (one conditional UPDATE in
    // a BEGIN IMMEDIATE transaction). Granted when free, expired, or already ours.
    Result<LeaseResult> acquireLease(qint64 intentId, const QString &ownerId, const QDateTime &now,
                                     std::chrono::milliseconds ttl) override;
    // Granted only while the lease is still recorded as ours.
    Result<LeaseResult> renewLease(qint64 intentId, const QString &ownerId, const QDateTime &now,
                                   std::chrono::milliseconds ttl) override;
    Status releaseLease(qint64 intentId, const QString &ownerId) override;
    // "<desk>/<pid>-<random>", unique per process run. <desk> is the host name, or the
    // FLIGHTDESK_DESK_ID environment variable when set (an agency naming its desks on a shared
    // journal; '/' and control characters dropped, at most 64 characters).
    static QString makeOwnerId();
    // True when the owner is a process on this machine that no longer exists (killed or
    // crashed): its lease is void at once instead of blocking a resume until it expires. Only
    // an owner named by this machine's host name can be checked: a named desk's lease (and
    // another machine's) is honoured until it expires.
    static bool ownerIsGone(const QString &ownerId);

    Result<Intent> intent(qint64 intentId) const override;
    Result<QList<Intent>> unfinished() const; // oldest first
    // Intents that reached an outcome the agent must know (ticketed, failed, error) that no
    // window or command has shown yet: the process may have died between the two. Oldest first.
    Result<QList<Intent>> outcomesNotShown() const;
    // Once an outcome was put in front of a person (printed, or shown in a tab).
    Status markOutcomeShown(qint64 intentId);
    Result<QList<Intent>> all() const; // newest first
    // Paged and streamed reads (newest first, keyset paging by id), so a window or a command
    // never holds the whole journal. Portable SQL only: the same statements run on PostgreSQL.
    struct IntentPage {
        QList<Intent> intents;
        qint64 nextBeforeId = 0; // pass to the next page() call; 0 = no more
    };
    // Up to `limit` intents with an id below `beforeId` (0 = from the newest).
    Result<IntentPage> page(qint64 beforeId, int limit) const;
    Result<qint64> count() const;
    // Every intent, newest first, read in pages of kStreamPage: memory stays bounded by one
    // page. `visit` returning false stops early (not an error).
    static constexpr int kStreamPage = 200;
    Status forEachIntent(const std::function<bool(const Intent &)> &visit) const;
    Result<QList<JournalEvent>> events(qint64 intentId) const;

    // Cancellations (core/cancellation.h), in orderjournal_cancellations.cpp. A cancellation
    // is matched to the booking's intent by its provider's order id, when this desk booked it.
    Result<CancellationRecord> recordCancellationQuote(const QString &provider,
                                                       const Cancellation &quote) override;
    Result<CancellationRecord> cancellation(const QString &idempotencyKey) const override;
    Result<std::optional<CancellationRecord>>
    openCancellation(const QString &provider, const QString &orderId) const override;
    Result<QList<CancellationRecord>> unfinishedCancellations() const override;
    Status setCancellationState(const QString &idempotencyKey, CancellationState state,
                                const QString &message = {}) override;
    void recordCancellationAttempt(qint64 intentId, const QJsonObject &detail) override;
    // Every cancellation of that order, newest first (the order's timeline).
    Result<QList<CancellationRecord>> cancellationsOf(const QString &provider,
                                                      const QString &orderId) const;

    // The schedule-change queue (orderjournal_schedule.cpp). `order` is the provider's Order
    // object as a webhook or a read of the order brought it; when it carries `slices` whose
    // flight times differ from what this desk last knew (the latest change recorded for the
    // order, else the booked offer), one durable row joins the queue and the call answers true.
    // No slices, the same times, an order this desk did not book, or a version already
    // recorded (a webhook is delivered at least once) answer false and write nothing.
    Result<bool> recordScheduleChange(const QString &provider, const QJsonObject &order,
                                      const QString &eventId = {});
    // Unacknowledged changes, oldest first, at most `limit`; and how many there are in all.
    Result<QList<ScheduleChange>> scheduleQueue(int limit) const;
    Result<qint64> scheduleQueueCount() const;
    Result<ScheduleChange> scheduleChange(const QString &id) const;
    // Takes a change off the queue, once: true when this call did, false when it was
    // acknowledged already (by whom and when stays the first one's). FD_JOURNAL_NOT_FOUND for
    // an unknown id.
    Result<bool> acknowledgeScheduleChange(const QString &id, const QString &by);

    // `flightdesk journal migrate`: copies every intent of `source` (a desk's file) that this
    // journal (the agency's database) does not have yet — same key, state, order id, bodies and
    // event log; never a lease — in batches of kStreamPage, each one durable transaction.
    // Idempotent: an intent whose key is already here is left alone, so a second run (or a run
    // cut short) copies only what is missing. An intent whose order id this journal already
    // records for another key is not copied and is named in `conflicts`.
    struct ImportReport {
        int copied = 0;
        int alreadyThere = 0;
        int events = 0;
        int cancellations = 0;   // of the intents copied, with their confirm's key
        int scheduleChanges = 0; // of the intents copied, acknowledged or not
        QStringList conflicts;   // "key (provider order)" of intents left out
    };
    Result<ImportReport> importFrom(const OrderJournal &source);

private:
    Result<QSqlDatabase> connection() const;
    // connection() for a write: refused (FD_JOURNAL_CORRUPT) unless verify() passed.
    Result<QSqlDatabase> writable() const;
    Result<QSqlDatabase> postgresConnection(const QString &name) const;
    QDateTime now() const;
    // After a write committed without a flush: makes it durable before the call returns. When
    // it erased PII (SQLite), the WAL is copied into the main file and truncated, so the erased
    // values do not linger in old WAL frames; that checkpoint is the flush. Otherwise (or when a
    // reader keeps the checkpoint from finishing) one small durable write flushes the log.
    Status makeDurable(bool erased) const;
    // The durability of a write that may end in makeDurable(): PostgreSQL flushes at commit.
    sql::Durability thenDurable() const;
    // Best effort: a pending scrub (a checkpoint a reader blocked) is retried on close, and by
    // the next open when this process dies first (erasePii leaves a mark in meta).
    void scrubWal() const;
    void scrubIfLeftPending() const;

    const Clock *m_clock;
    std::unique_ptr<Clock> m_ownClock;
    QString m_path;
    JournalLocation m_location;
    QString m_password;
    // Set and read by whichever thread erased last (the flows' worker, the webhook receiver's).
    mutable std::atomic<bool> m_scrubPending{false};
    bool m_tightened = false;
    quint64 m_instance;
    struct Connection {
        QString name;
        const QThread *thread; // compared, never dereferenced: the thread may be gone
    };
    mutable QMutex m_verifyMutex; // guards m_verified
    mutable std::optional<Status> m_verified;
    mutable QMutex m_mutex; // guards m_connections
    mutable QList<Connection> m_connections;
};

} // namespace fd
