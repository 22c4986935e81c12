#include "httpfront.h"

#include "net/cappedtcpserver.h"
#include "net/serving.h"

#include <QCryptographicHash>
#include <QHttpServer>

namespace fd::sandbox {

Result<quint16> listenOnLoopback(QObject *owner, std::function<QHttpServer *()> makeServer,
                                 quint16 port, qint64 maxBodyBytes,
                                 std::function<QByteArray(qint64)> refusalBody) {
    // Loopback only: a sandbox takes no money, but it still must not be reachable from the
    // network the agency's desk sits on.
    // Qt HttpServer 6.4 buffers a whole request, with no limit, before any handler runs: the
    // capped server answers 413 to a body over the cap before reading it.
    auto *tcp = new net::CappedTcpServer(
        maxBodyBytes,
        [refusalBody = std::move(refusalBody)](qint64 bytes) {
            return net::CappedTcpServer::payloadTooLarge(refusalBody(bytes));
        },
        owner);
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        delete tcp;
        return Error{QStringLiteral("listen_failed"),
                     QStringLiteral("Cannot listen on 127.0.0.1:%1").arg(port)};
    }
    tcp->pauseAccepting(); // until its QHttpServer is there to take what it accepts
    net::whenServing(tcp, [tcp, makeServer = std::move(makeServer)] {
        makeServer()->bind(tcp);
        tcp->resumeAccepting();
    });
    return tcp->serverPort();
}

bool isLoopbackHost(const Exchange &ex, quint16 port) {
    if (ex.headerCount("Host") != 1 || port == 0)
        return false;
    const QString host = QString::fromLatin1(ex.header("Host").trimmed()).toLower();
    const QString suffix = QLatin1Char(':') + QString::number(port);
    return host == QLatin1String("127.0.0.1") + suffix ||
           host == QLatin1String("localhost") + suffix || host == QLatin1String("[::1]") + suffix;
}

int recordRequest(Ledger &ledger, const Exchange &ex, const QString &endpoint,
                  const QDateTime &now) {
    Ledger::Request row;
    row.method = ex.method();
    row.path = ex.path();
    row.endpoint = endpoint;
    row.idempotencyKey = QString::fromUtf8(ex.header("Idempotency-Key"));
    row.bodySha256 = QString::fromLatin1(
        QCryptographicHash::hash(ex.body(), QCryptographicHash::Sha256).toHex());
    row.receivedAt = now;
    return ledger.recordRequest(row);
}

QString apiKeyScope(const QByteArray &apiKey) {
    return QString::fromLatin1(
        QCryptographicHash::hash(apiKey, QCryptographicHash::Sha256).toHex());
}

} // namespace fd::sandbox
