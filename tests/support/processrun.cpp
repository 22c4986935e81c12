#include "processrun.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>

namespace fd::test {

ProcessRun finishProcess(QProcess &p, int timeoutMs) {
    if (!p.waitForFinished(timeoutMs))
        qFatal("%s %s did not finish", qPrintable(p.program()),
               qPrintable(p.arguments().join(QLatin1Char(' '))));
    ProcessRun r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

ProcessRun runProcess(const QString &program, const QStringList &args,
                      const QProcessEnvironment &env, int timeoutMs) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    return finishProcess(p, timeoutMs);
}

QProcessEnvironment environmentWithoutSecrets(const QMap<QString, QString> &vars) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("FLIGHTDESK_API_KEY"));
    env.remove(QStringLiteral("FLIGHTDESK_WEBHOOK_SECRET"));
    for (auto it = vars.begin(); it != vars.end(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

SandboxProcess::SandboxProcess(const QString &program, const QStringList &args) {
    m_process.start(program, QStringList{QStringLiteral("--port"), QStringLiteral("0")} + args);
    if (!m_process.waitForReadyRead(10000))
        qFatal("sandbox did not start");
    url = QString::fromUtf8(m_process.readLine()).trimmed();
}

SandboxProcess::~SandboxProcess() {
    m_process.kill();
    m_process.waitForFinished();
}

QJsonObject SandboxProcess::ledger() {
    QNetworkRequest request(QUrl(url + QStringLiteral("/__sandbox/ledger")));
    // The sandboxes' default keys: Travelbase's bearer token, Travomatrix's X-Api-Key.
    request.setRawHeader("Authorization", "Bearer tb_sandbox_demo");
    request.setRawHeader("X-Api-Key", "tmx_sandbox_demo");
    QNetworkReply *reply = m_nam.get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(5000);
    reply->deleteLater();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    // Travelbase wraps its answers in {"data": …}; Travomatrix does not.
    return answer.contains(QLatin1String("data")) ? answer.value(QLatin1String("data")).toObject()
                                                  : answer;
}

} // namespace fd::test
