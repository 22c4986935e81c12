#pragma once

#include "exchange.h"
#include "ledger.h"

#include "core/result.h"

#include <QDateTime>

#include <functional>

class QHttpServer;

namespace fd::sandbox {

// The HTTP front both sandboxes share: what happens to a request before any provider's rule.

// Listens on 127.0.0.1:port (0 picks a free one) through a net::CappedTcpServer owned by
// `owner`: a body over maxBodyBytes is answered 413 with refusalBody(bytes) before it is read.
// The QHttpServer that serves it comes from `makeServer`, now or, while the window's start-up
// holds serving, once it is released (net/serving.h); connections wait until then.
Result<quint16> listenOnLoopback(QObject *owner, std::function<QHttpServer *()> makeServer,
                                 quint16 port, qint64 maxBodyBytes,
                                 std::function<QByteArray(qint64)> refusalBody);

// DNS rebinding: a web page whose name now resolves to 127.0.0.1 still sends its own Host, so
// only the loopback names with this port are served (as the desk's webhook receiver does).
bool isLoopbackHost(const Exchange &ex, quint16 port);

// The ledger row of a request as it arrived; returns its seq.
int recordRequest(Ledger &ledger, const Exchange &ex, const QString &endpoint,
                  const QDateTime &now);

// Idempotency keys are scoped per API key; a hash, so no API key lingers in a store.
QString apiKeyScope(const QByteArray &apiKey);

} // namespace fd::sandbox
