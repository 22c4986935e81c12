#include "journalqueue.h"

#include <QMetaObject>
#include <QSemaphore>

namespace fd {

JournalQueue::JournalQueue(CheckoutJournal *journal)
    : m_journal(journal)
    , m_worker(std::make_unique<QObject>()) {
    m_thread.setObjectName(QStringLiteral("fd-journal"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

JournalQueue::~JournalQueue() {
    // Behind everything already queued: the worker's connection is closed in its own thread,
    // then its event loop ends.
    post([this] {
        m_journal->closeThreadConnection();
        QThread::currentThread()->quit();
    });
    m_thread.wait();
    m_worker.reset();
}

bool JournalQueue::waitUntilIdle(std::chrono::milliseconds timeout) {
    auto done = std::make_shared<QSemaphore>();
    post([done] { done->release(); });
    return done->tryAcquire(1, int(timeout.count()));
}

void JournalQueue::write(Job job) {
    post([this, job = std::move(job)] { job(*m_journal); });
}

void JournalQueue::post(std::function<void()> job) {
    ++m_pending;
    QMetaObject::invokeMethod(
        m_worker.get(),
        [this, job = std::move(job)] {
            job();
            --m_pending;
        },
        Qt::QueuedConnection);
}

} // namespace fd
