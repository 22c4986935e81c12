#pragma once

// A purpose-built HTTP server on 127.0.0.1 (the way Qt's own tst_qnetworkreply fakes servers):
// it records every request exactly as received and answers each with canned bytes, so a test
// can see what a client sends somewhere it should not, and answer what no real provider would.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

namespace fd::test {

class RawHttpServer final : public QObject {
public:
    explicit RawHttpServer(QByteArray answer = {}, QObject *parent = nullptr)
        : QObject(parent)
        , m_answer(std::move(answer)) {
        if (!m_server.listen(QHostAddress::LocalHost, 0))
            qFatal("RawHttpServer: cannot listen on 127.0.0.1");
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { read(s); });
            }
        });
    }

    quint16 port() const { return m_server.serverPort(); }
    QString origin() const { return QStringLiteral("http://127.0.0.1:%1").arg(port()); }
    void setAnswer(const QByteArray &answer) { m_answer = answer; }
    // Every complete request (head and body) received so far, in order.
    const QList<QByteArray> &requests() const { return m_requests; }

private:
    void read(QTcpSocket *s) {
        QByteArray &buffer = m_buffers[s];
        buffer += s->readAll();
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(headEnd).split('\n'))
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        if (buffer.size() < headEnd + 4 + length)
            return;
        m_requests.append(buffer.left(headEnd + 4 + length));
        buffer.remove(0, headEnd + 4 + length);
        s->write(m_answer);
        s->disconnectFromHost();
    }

    QTcpServer m_server;
    QByteArray m_answer;
    QList<QByteArray> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace fd::test
