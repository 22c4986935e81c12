#include "cappedtcpserver.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace fd::net {
namespace {

Q_LOGGING_CATEGORY(lcNet, "fd.net", QtInfoMsg)

constexpr qint64 kMaxDrainBytes = 16 * 1024 * 1024;
constexpr int kDrainMs = 2000;

// The request in progress on one connection, as far as the cap cares.
struct Progress {
    qint64 received = 0; // bytes of this request seen so far
    QByteArray head;     // its header block, until complete
    bool headDone = false;
};

// Content-Length of a complete header block; -1 when absent or not a number.
qint64 declaredLength(const QByteArray &head) {
    for (const QByteArray &line : head.split('\n')) {
        const QByteArray l = line.trimmed();
        if (l.size() > 15 && l.left(15).compare("content-length:", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const qint64 n = l.mid(15).trimmed().toLongLong(&ok);
            return ok && n >= 0 ? n : -1;
        }
    }
    return -1;
}

void refuse(QTcpSocket *socket, const QByteArray &answer) {
    QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    socket->readAll(); // dropped: QHttpServer never sees this request
    if (socket->isTransactionStarted())
        socket->commitTransaction();
    socket->write(answer);
    // Closing with unread input makes the kernel send a reset, which destroys the answer on the
    // client's side. So read and drop what is still coming for a short while (never keeping
    // it), then close: the sender sees the answer instead of a broken connection.
    QObject::connect(socket, &QTcpSocket::readyRead, socket,
                     [socket, drained = qint64(0)]() mutable {
                         drained += socket->skip(socket->bytesAvailable());
                         if (drained > kMaxDrainBytes)
                             socket->disconnectFromHost();
                     });
    QTimer::singleShot(kDrainMs, socket, [socket] { socket->disconnectFromHost(); });
}

} // namespace

CappedTcpServer::CappedTcpServer(qint64 maxBodyBytes, Refusal refusal, QObject *parent)
    : QTcpServer(parent)
    , m_maxBody(maxBodyBytes)
    , m_refusal(std::move(refusal)) {}

CappedTcpServer::CappedTcpServer(qint64 maxBodyBytes, Refusal refusal, ConnectionLimits limits,
                                 QObject *parent)
    : CappedTcpServer(maxBodyBytes, std::move(refusal), parent) {
    m_limits = limits;
}

CappedTcpServer::~CappedTcpServer() = default;

void CappedTcpServer::track(QTcpSocket *socket) {
    if (!m_limits)
        return;
    while (m_limits->maxConnections > 0 && m_open.size() >= m_limits->maxConnections)
        closeIdlest();
    m_open.insert(socket, Connection{++m_tick, 0});
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { m_open.remove(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { m_open.remove(socket); });
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { touch(socket); });
    // Bytes going out are an answer: the request was complete, a new deadline starts.
    connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] {
        touch(socket);
        armDeadline(socket);
    });
    armDeadline(socket);
}

void CappedTcpServer::touch(QTcpSocket *socket) {
    if (auto it = m_open.find(socket); it != m_open.end())
        it->lastActive = ++m_tick;
}

void CappedTcpServer::armDeadline(QTcpSocket *socket) {
    auto it = m_open.find(socket);
    if (it == m_open.end() || !m_limits->scheduler)
        return;
    const quint64 deadline = ++it->deadline;
    m_limits->scheduler->after(m_limits->headerTimeout, socket, [this, socket, deadline] {
        const auto current = m_open.constFind(socket);
        if (current == m_open.cend() || current->deadline != deadline)
            return; // answered since, or already closed
        qCInfo(lcNet, "closed a connection without a complete request in time");
        close(socket);
    });
}

void CappedTcpServer::closeIdlest() {
    auto idlest = m_open.begin();
    for (auto it = m_open.begin(); it != m_open.end(); ++it)
        if (it->lastActive < idlest->lastActive)
            idlest = it;
    qCInfo(lcNet, "connection cap reached: closed the connection idle longest");
    close(idlest.key());
}

void CappedTcpServer::close(QTcpSocket *socket) {
    m_open.remove(socket);
    socket->abort(); // nothing to answer: it never finished a request, or was answered
}

QByteArray CappedTcpServer::payloadTooLarge(const QByteArray &jsonBody) {
    return "HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\n"
           "Cache-Control: no-store\r\nConnection: close\r\nContent-Length: " +
           QByteArray::number(jsonBody.size()) + "\r\n\r\n" + jsonBody;
}

void CappedTcpServer::incomingConnection(qintptr descriptor) {
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // Connected before QHttpServer's own readyRead handler, so it sees each chunk first and
    // can peek at it unread. QHttpServer reads in a transaction that it commits when a request
    // is complete: no transaction means this chunk starts a new request.
    auto progress = std::make_shared<Progress>();
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, progress] {
        if (!socket->isTransactionStarted())
            *progress = Progress{};
        const qint64 available = socket->bytesAvailable();
        progress->received += available;
        if (!progress->headDone) {
            progress->head += socket->peek(qMin(available, kMaxHeaderBytes + 4));
            const qsizetype end = progress->head.indexOf("\r\n\r\n");
            if (end >= 0) {
                progress->head.truncate(end);
                progress->headDone = true;
                const qint64 declared = declaredLength(progress->head);
                progress->head.clear();
                if (declared > m_maxBody)
                    return refuse(socket, m_refusal(declared));
            } else if (progress->head.size() > kMaxHeaderBytes) {
                return refuse(socket, m_refusal(progress->received));
            }
        }
        if (progress->received > m_maxBody + kMaxHeaderBytes)
            refuse(socket, m_refusal(progress->received));
    });
    track(socket);
    addPendingConnection(socket);
}

} // namespace fd::net
