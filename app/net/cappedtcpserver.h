#pragma once

#include <QTcpServer>

#include <functional>

namespace fd::net {

// A QTcpServer to hand to QHttpServer::bind() that bounds what one request can make the server
// buffer. Qt HttpServer 6.4 reads a whole request (and keeps a second copy in the socket's
// transaction) before any handler runs, with no limit of its own. This server sees each chunk
// before QHttpServer does and refuses a request, without reading it, as soon as
//  - its header block exceeds kMaxHeaderBytes,
//  - its Content-Length declares more than maxBodyBytes, or
//  - it has sent more than maxBodyBytes + kMaxHeaderBytes (a chunked or undeclared body).
// A refused connection gets `refusal(bytes)` (a complete HTTP answer), then what the client
// still sends is read and dropped for a moment so it sees the answer rather than a reset.
// What a request may make the server hold is thus about maxBodyBytes + kMaxHeaderBytes, twice.
class CappedTcpServer final : public QTcpServer {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CappedTcpServer)

public:
    static constexpr qint64 kMaxHeaderBytes = 32 * 1024;

    // `bytes`: the declared length, or what was received when the refusal was decided.
    using Refusal = std::function<QByteArray(qint64 bytes)>;

    CappedTcpServer(qint64 maxBodyBytes, Refusal refusal, QObject *parent = nullptr);
    ~CappedTcpServer() override;

    // A complete "413 Payload Too Large" answer with a JSON body and Connection: close.
    static QByteArray payloadTooLarge(const QByteArray &jsonBody);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    qint64 m_maxBody;
    Refusal m_refusal;
};

} // namespace fd::net
