#pragma once

#include "core/scheduler.h"

#include <QHash>
#include <QTcpServer>

#include <chrono>
#include <functional>
#include <optional>

class QTcpSocket;

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
//
// With connection limits it also bounds how many descriptors strangers can hold (1,064
// half-sent requests once took every descriptor of the desk and a genuine webhook went
// unanswered):
//  - a connection must complete a request within headerTimeout of opening or of its last
//    answer, or it is closed (half-sent headers and idle keep-alive alike);
//  - at most maxConnections are open; a new one first closes the one idle longest.
class CappedTcpServer final : public QTcpServer {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CappedTcpServer)

public:
    static constexpr qint64 kMaxHeaderBytes = 32 * 1024;

    // `bytes`: the declared length, or what was received when the refusal was decided.
    using Refusal = std::function<QByteArray(qint64 bytes)>;

    struct ConnectionLimits {
        std::chrono::milliseconds headerTimeout{5000};
        int maxConnections = 128;
        Scheduler *scheduler = nullptr; // runs the header timeout; must outlive the server
    };

    CappedTcpServer(qint64 maxBodyBytes, Refusal refusal, QObject *parent = nullptr);
    CappedTcpServer(qint64 maxBodyBytes, Refusal refusal, ConnectionLimits limits,
                    QObject *parent = nullptr);
    ~CappedTcpServer() override;

    int openConnections() const { return int(m_open.size()); }

    // A complete "413 Payload Too Large" answer with a JSON body and Connection: close.
    static QByteArray payloadTooLarge(const QByteArray &jsonBody);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Connection {
        quint64 lastActive = 0; // m_tick when it last sent or was answered
        quint64 deadline = 0;   // which armDeadline() is current
    };
    void track(QTcpSocket *socket);
    void touch(QTcpSocket *socket);
    void armDeadline(QTcpSocket *socket);
    void closeIdlest();
    void close(QTcpSocket *socket);

    qint64 m_maxBody;
    Refusal m_refusal;
    std::optional<ConnectionLimits> m_limits;
    QHash<QTcpSocket *, Connection> m_open;
    quint64 m_tick = 0;
};

} // namespace fd::net
