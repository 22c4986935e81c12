#include "workerqueue.h"

#include <QMetaObject>

namespace fd {

WorkerQueue::WorkerQueue(const QString &threadName, std::function<void()> atStop)
    : m_worker(std::make_unique<QObject>())
    , m_atStop(std::move(atStop)) {
    m_thread.setObjectName(threadName);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

WorkerQueue::~WorkerQueue() {
    post([this] {
        if (m_atStop)
            m_atStop();
        QThread::currentThread()->quit();
    });
    m_thread.wait();
    m_worker.reset();
}

void WorkerQueue::post(std::function<void()> job) {
    QMetaObject::invokeMethod(m_worker.get(), std::move(job), Qt::QueuedConnection);
}

} // namespace fd
