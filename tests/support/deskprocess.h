#pragma once

// A `flightdesk` process driven without blocking the test's event loop (the in-process sandbox
// answers it from that loop): its JSON lines as they arrive, a SIGKILL at a chosen moment, and
// a bound on how long it may run — a process that outlives the bound is a hang, killed and
// reported, never waited for.

#include "faultplan.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

#include <functional>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace fd::faults {

// Runs the event loop until `done()` or `timeoutMs`; returns `done()`.
inline bool spinUntil(const std::function<bool()> &done, int timeoutMs) {
    if (done())
        return true;
    QEventLoop loop;
    QTimer tick;
    tick.setInterval(2);
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    tick.start();
    loop.exec();
    return done();
}

class DeskProcess final : public QObject {
public:
    DeskProcess(QString name, const QStringList &args, const QProcessEnvironment &env,
                Kill kill = {})
        : m_kill(kill)
        , label(std::move(name)) {
        m_process.setProcessEnvironment(env);
        m_process.setProgram(QStringLiteral(FLIGHTDESK_BINARY));
        m_process.setArguments(args);
#ifdef Q_OS_LINUX
        // A desk outlives nobody: if the test itself is killed (a ctest timeout), so is the desk.
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
        connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] { readLines(); });
        connect(&m_process, &QProcess::readyReadStandardError, this,
                [this] { err += m_process.readAllStandardError(); });
        connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus st) {
            readLines();
            err += m_process.readAllStandardError();
            exitCode = st == QProcess::NormalExit ? code : -1;
            elapsedMs = m_clock.elapsed();
            if (st == QProcess::NormalExit)
                killed = false; // it had exited already: its output is complete
            m_finished = true;
        });
        // Never started (e.g. the binary was being relinked): say so instead of looking hung.
        connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
            if (e != QProcess::FailedToStart)
                return;
            err += "failed to start: " + m_process.errorString().toUtf8();
            exitCode = -1;
            m_finished = true;
        });
    }
    ~DeskProcess() override {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    void start() {
        m_clock.start();
        m_process.start();
        if (m_kill.when == Kill::When::AfterMs)
            QTimer::singleShot(m_kill.value, this, [this] { killNow(); });
    }
    bool finished() const {
        return m_finished;
    }

    // Waits for the exit; past `boundMs` the process is a hang: killed and marked.
    void wait(int boundMs) {
        const int left = int(qMax<qint64>(0, boundMs - m_clock.elapsed()));
        if (!spinUntil([this] { return m_finished; }, left)) {
            hung = true;
            m_process.kill();
            spinUntil([this] { return m_finished; }, 5000);
        }
    }

    QList<QJsonObject> ofType(const char *type) const {
        QList<QJsonObject> found;
        for (const QJsonObject &l : lines)
            if (l.value(QLatin1String("type")).toString() == QLatin1String(type))
                found << l;
        return found;
    }
    QStringList states() const {
        QStringList s;
        for (const QJsonObject &l : ofType("state"))
            s << l.value(QLatin1String("state")).toString();
        return s;
    }
    bool saidNothingToResume() const {
        for (const QJsonObject &l : ofType("notice"))
            if (l.value(QLatin1String("message")).toString() == QLatin1String("Nothing to resume."))
                return true;
        return false;
    }
    QString lastLine() const {
        return lines.isEmpty()
                   ? QStringLiteral("(no output)")
                   : QString::fromUtf8(QJsonDocument(lines.last()).toJson(QJsonDocument::Compact));
    }
    QString transcript() const {
        QString t = QStringLiteral("  %1 (%2, exit %3%4%5)\n")
                        .arg(label, m_process.arguments().join(QLatin1Char(' ')))
                        .arg(exitCode)
                        .arg(killed ? QStringLiteral(", killed by the harness") : QString(),
                             hung ? QStringLiteral(", HUNG") : QString());
        for (const QJsonObject &l : lines)
            t += QStringLiteral("    ") +
                 QString::fromUtf8(QJsonDocument(l).toJson(QJsonDocument::Compact)) +
                 QLatin1Char('\n');
        for (const QByteArray &e : err.split('\n'))
            if (!e.trimmed().isEmpty())
                t += QStringLiteral("    stderr: ") + QString::fromUtf8(e) + QLatin1Char('\n');
        return t;
    }

private:
    void readLines() {
        const QByteArray chunk = m_process.readAllStandardOutput();
        out += chunk;
        m_partial += chunk;
        qsizetype nl;
        while ((nl = m_partial.indexOf('\n')) >= 0) {
            const QByteArray line = m_partial.left(nl).trimmed();
            m_partial.remove(0, nl + 1);
            if (line.isEmpty())
                continue;
            lines << QJsonDocument::fromJson(line).object();
            if (m_kill.when == Kill::When::AfterLines && lines.size() == m_kill.value)
                killNow(); // at once, from the read: as close to that line as a supervisor gets
        }
    }

public:
    // SIGKILL now (a test that kills at a moment it observes, e.g. a request on the server).
    void killNow() {
        if (m_finished || m_process.state() == QProcess::NotRunning || killed)
            return;
        killed = true;
        m_process.kill(); // SIGKILL: no cleanup, no flush, like a power cut for this process
    }

private:
    QProcess m_process;
    QElapsedTimer m_clock;
    QByteArray m_partial;
    Kill m_kill;
    bool m_finished = false;

public:
    QString label;
    QList<QJsonObject> lines; // one per JSON line
    QByteArray out;           // stdout as it came (`orders` prints one indented document)
    QByteArray err;
    int exitCode = -1; // -1: crashed or killed
    qint64 elapsedMs = 0;
    bool killed = false;
    bool hung = false;
};

} // namespace fd::faults
