#pragma once

// Running the real `flightdesk` (or any) binary from a test, and `flightdesk-sandbox` as a
// process of its own.
#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QStringList>

namespace fd::test {

struct ProcessRun {
    int exitCode = -1; // -2: it crashed or was killed
    QByteArray out;
    QByteArray err;
};

// Waits for a started process; one that outlives `timeoutMs` ends the test run (qFatal).
ProcessRun finishProcess(QProcess &p, int timeoutMs = 60000);
// Starts `program` with `args` (and `env`, when given) and waits for it.
ProcessRun runProcess(const QString &program, const QStringList &args,
                      const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                      int timeoutMs = 60000);
// The system environment without the desk's secrets, plus `vars`.
QProcessEnvironment environmentWithoutSecrets(const QMap<QString, QString> &vars);

// A `flightdesk-sandbox` process on 127.0.0.1:0 (it outlives the desk processes a test kills).
class SandboxProcess {
public:
    SandboxProcess(const QString &program, const QStringList &args = {});
    ~SandboxProcess();
    SandboxProcess(const SandboxProcess &) = delete;
    SandboxProcess &operator=(const SandboxProcess &) = delete;

    // GET /__sandbox/ledger: Travelbase's "data", or Travomatrix's whole answer.
    QJsonObject ledger();

    QString url;

private:
    QProcess m_process;
    QNetworkAccessManager m_nam;
};

} // namespace fd::test
