#pragma once

#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace fd {

namespace detail {
// Carries one answer back to the asking thread (a queued connection Qt drops when the asker
// is gone first).
class WorkerRelay final : public QObject {
    Q_OBJECT
Q_SIGNALS:
    void done();
};
} // namespace detail

// One worker thread that runs jobs in the order they were queued, each answer delivered to the
// asking object's thread: for a store whose connection lives on its own thread (the traveller
// profiles' SQLite file), so the window never waits on the disk. Destroying the queue lets
// what is queued finish, then runs `atStop` on the worker (closing its connection) and stops.
class WorkerQueue final {
public:
    explicit WorkerQueue(const QString &threadName, std::function<void()> atStop = {});
    ~WorkerQueue();
    Q_DISABLE_COPY_MOVE(WorkerQueue)

    // Runs `job` on the worker, then `then(result)` on `context`'s thread unless `context` is
    // gone by then (the job still runs).
    template <class R>
    void run(QObject *context, std::function<R()> job, std::function<void(R)> then) {
        auto *relay = new detail::WorkerRelay; // lives in the asking thread
        auto result = std::make_shared<std::optional<R>>();
        QObject::connect(
            relay, &detail::WorkerRelay::done, context,
            [result, then = std::move(then)] { then(std::move(**result)); }, Qt::QueuedConnection);
        post([relay, result, job = std::move(job)] {
            result->emplace(job());
            Q_EMIT relay->done();
            relay->deleteLater();
        });
    }

private:
    void post(std::function<void()> job);

    QThread m_thread;
    std::unique_ptr<QObject> m_worker; // lives on m_thread
    std::function<void()> m_atStop;
};

} // namespace fd
