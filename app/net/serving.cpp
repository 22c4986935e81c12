#include "serving.h"

#include <QMutex>

namespace fd::net {

namespace {

// Emits released() once per hold; each waiting server is connected to it (single shot, with its
// own context), so Qt delivers it on that server's thread and forgets a server that is gone.
class Gate final : public QObject {
    Q_OBJECT

public:
    QMutex mutex;
    bool held = false;

Q_SIGNALS:
    void released();
};

Gate &gate() {
    static auto *g = new Gate; // never destroyed: a server may ask at any point of exit
    return *g;
}

} // namespace

void holdServing() {
    Gate &g = gate();
    const QMutexLocker lock(&g.mutex);
    g.held = true;
}

void releaseServing() {
    Gate &g = gate();
    {
        const QMutexLocker lock(&g.mutex);
        if (!g.held)
            return;
        g.held = false;
    }
    Q_EMIT g.released();
}

bool servingHeld() {
    Gate &g = gate();
    const QMutexLocker lock(&g.mutex);
    return g.held;
}

void whenServing(QObject *context, std::function<void()> serve) {
    Gate &g = gate();
    {
        // Connected under the lock: a release either finds this connection or came before it.
        const QMutexLocker lock(&g.mutex);
        if (g.held) {
            QObject::connect(
                &g, &Gate::released, context, std::move(serve),
                static_cast<Qt::ConnectionType>(Qt::QueuedConnection | Qt::SingleShotConnection));
            return;
        }
    }
    serve();
}

} // namespace fd::net

#include "serving.moc"
