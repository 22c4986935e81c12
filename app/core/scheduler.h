#pragma once

#include "clock.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>

namespace fd {

// Runs a function later, unless `context` is gone by then. Every wait of the checkout engine
// goes through here, so tests move a ManualScheduler instead of sleeping.
class Scheduler {
public:
    virtual ~Scheduler() = default;
    virtual void after(std::chrono::milliseconds delay, QObject *context,
                       std::function<void()> fn) = 0;
};

class QtScheduler final : public Scheduler {
public:
    void after(std::chrono::milliseconds delay, QObject *context,
               std::function<void()> fn) override {
        QTimer::singleShot(delay, context, std::move(fn));
    }
};

// Fires what is due when the paired ManualClock is advanced through it.
class ManualScheduler final : public Scheduler {
public:
    explicit ManualScheduler(ManualClock *clock)
        : m_clock(clock) {}

    void after(std::chrono::milliseconds delay, QObject *context,
               std::function<void()> fn) override {
        m_jobs.append({m_clock->now().addMSecs(delay.count()), m_seq++, context, std::move(fn)});
    }

    // Moves time forward by `ms`, running every job that falls due, in order, at its time.
    void advance(qint64 ms) {
        const QDateTime end = m_clock->now().addMSecs(ms);
        while (true) {
            qsizetype next = -1;
            for (qsizetype i = 0; i < m_jobs.size(); ++i)
                if (m_jobs[i].due <= end &&
                    (next < 0 || m_jobs[i].due < m_jobs[next].due ||
                     (m_jobs[i].due == m_jobs[next].due && m_jobs[i].seq < m_jobs[next].seq)))
                    next = i;
            if (next < 0)
                break;
            if (m_settle)
                m_settle();
            Job job = m_jobs.takeAt(next);
            if (job.due > m_clock->now())
                m_clock->set(job.due);
            if (job.context)
                job.fn();
        }
        m_clock->set(end);
    }
    qsizetype pending() const { return m_jobs.size(); }
    // Runs before each due job: what else the code under test waits for (the journal's
    // answers) comes in there, so on the manual clock it takes no time at all.
    void setSettle(std::function<void()> settle) { m_settle = std::move(settle); }

private:
    struct Job {
        QDateTime due;
        quint64 seq;
        QPointer<QObject> context;
        std::function<void()> fn;
    };
    ManualClock *m_clock;
    quint64 m_seq = 0;
    QList<Job> m_jobs;
    std::function<void()> m_settle;
};

} // namespace fd
