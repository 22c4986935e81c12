#pragma once

#include "checkoutjournal.h"

#include <QObject>
#include <QSemaphore>
#include <QThread>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace fd {

namespace detail {
// Carries one answer back to the asking thread: a queued connection to the asker, which Qt
// drops safely when the asker is destroyed before the answer arrives.
class JournalRelay final : public QObject {
    Q_OBJECT
Q_SIGNALS:
    void done();
};
} // namespace detail

// The checkout flow's journal calls, off the GUI thread. One worker thread owns its own
// connection to the journal (a SQLite file or the agency's PostgreSQL) and runs the calls in
// the order they were queued, so a read sees every write queued before it, and an answer comes
// back to the asking object's thread as a queued call. The window never waits on a disk or a
// database server: a slow or hung journal only delays the booking step that needs its answer
// (a create is never sent before its key and body are stored).
//
// Destroying the queue lets everything already queued finish first (a write is never dropped),
// then stops the thread. The journal must outlive the queue.
class JournalQueue final {
public:
    using Job = std::function<void(CheckoutJournal &)>;

    explicit JournalQueue(CheckoutJournal *journal);
    ~JournalQueue();
    Q_DISABLE_COPY_MOVE(JournalQueue)

    // A write whose answer nobody waits for (an attempt row, an intermediate state). In order.
    void write(Job job);

    // Runs `job` on the worker, then `then(result)` on `context`'s thread, unless `context`
    // was destroyed first (the job itself still runs: what it writes is kept).
    template <class R>
    void ask(QObject *context, std::function<R(CheckoutJournal &)> job,
             std::function<void(R)> then) {
        CheckoutJournal *journal = m_journal;
        run<R>(
            context, [journal, job = std::move(job)] { return job(*journal); }, std::move(then));
    }

    // The same for any work on the journal's thread (the desk's reads of the history, which
    // use the concrete journal the job captures): in order with everything else queued.
    template <class R>
    void run(QObject *context, std::function<R()> job, std::function<void(R)> then) {
        auto *relay = new detail::JournalRelay; // lives in the asking thread
        auto result = std::make_shared<std::optional<R>>();
        QObject::connect(
            relay, &detail::JournalRelay::done, context,
            [result, then = std::move(then)] { then(std::move(**result)); }, Qt::QueuedConnection);
        post([relay, result, job = std::move(job)] {
            result->emplace(job());
            Q_EMIT relay->done();
            relay->deleteLater();
        });
    }

    // Runs `job` on the worker in order with everything queued, and blocks the CALLING thread
    // (never the worker's) until it has run: for a thread whose own work must wait for the
    // journal anyway (the webhook receiver answers only once an event is recorded), so that
    // every write of the desk goes through one connection.
    template <class R> R call(std::function<R()> job) {
        Q_ASSERT(QThread::currentThread() != &m_thread);
        std::optional<R> result;
        QSemaphore done;
        post([&result, &done, &job] {
            result.emplace(job());
            done.release();
        });
        done.acquire();
        return std::move(*result);
    }

    // Blocks until everything queued so far has run (not its answers: those are delivered
    // by the asking thread's event loop). For shutdown and tests; false after `timeout`.
    bool waitUntilIdle(std::chrono::milliseconds timeout);

    // Calls queued or running now (0 when the journal has caught up).
    int pending() const { return m_pending.load(); }

private:
    void post(std::function<void()> job);

    CheckoutJournal *m_journal;
    QThread m_thread;
    std::unique_ptr<QObject> m_worker; // lives on m_thread
    std::atomic<int> m_pending{0};
};

} // namespace fd
