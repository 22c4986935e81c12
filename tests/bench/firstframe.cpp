// The first-frame shim: LD_PRELOAD=libflightdesk_firstframe.so PROGRAM makes a Qt Widgets
// program _exit(0) right after the first paint of its first top-level widget (the paint event,
// then one turn of the event loop so the paint and the backing-store flush complete). FlightDesk
// has no "quit after start-up" switch, and a shim times any Qt program the same way.
//
// When FIRSTFRAME_T0_NS is set (CLOCK_MONOTONIC nanoseconds, as benchrun sets it just before
// exec), the shim writes "firstframe_ms=<ms since then> window=<class WxH>" to stderr. Headless
// programs (a QCoreApplication) are left alone.
#include <QApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace {

class FirstFrame final : public QObject {
public:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (!m_armed || event->type() != QEvent::Paint || !watched->isWidgetType())
            return false;
        const auto *widget = static_cast<QWidget *>(watched);
        if (!widget->isWindow())
            return false;
        m_armed = false;
        const QByteArray what = QByteArray(widget->metaObject()->className()) + ' ' +
                                QByteArray::number(widget->width()) + 'x' +
                                QByteArray::number(widget->height());
        // Zero-delay: runs after this paint and its flush, before anything else is painted.
        QTimer::singleShot(0, this, [what] {
            const QByteArray t0 = qgetenv("FIRSTFRAME_T0_NS");
            if (!t0.isEmpty()) {
                timespec now{};
                clock_gettime(CLOCK_MONOTONIC, &now);
                const double ms =
                    (double(now.tv_sec) * 1e9 + double(now.tv_nsec) - t0.toDouble()) / 1e6;
                std::fprintf(stderr, "firstframe_ms=%.1f window=%s\n", ms, what.constData());
            }
            std::fflush(nullptr);
            _exit(0);
        });
        return false;
    }

private:
    bool m_armed = true;
};

void install() {
    if (qobject_cast<QApplication *>(QCoreApplication::instance()))
        QCoreApplication::instance()->installEventFilter(new FirstFrame);
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(install)
