#pragma once

// A client that writes one HTTP request as bytes on its own connection to 127.0.0.1 and reads
// the answer as bytes, without Qt's HTTP stack: the Host header, the declared length and the
// moment two requests are sent are exactly what a test says, a connection the server resets is
// seen as such (QNetworkAccessManager would quietly send the request again), and any number can
// be in flight at once. Event driven: a test waits with wait() or QTRY_*.

#include <QByteArray>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

namespace fd::test {

struct RawAnswer {
    int status = 0; // 0: no HTTP answer (reset, hang)
    QByteArray head;
    QByteArray body;
    QJsonObject json;

    QByteArray header(const QByteArray &name) const {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

class RawRequest final : public QObject {
public:
    RawRequest(quint16 port, QByteArray request, QObject *parent = nullptr)
        : QObject(parent)
        , m_request(std::move(request)) {
        connect(&m_socket, &QTcpSocket::connected, this, [this] { m_socket.write(m_request); });
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] { m_raw += m_socket.readAll(); });
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
            if (m_socket.isOpen())
                m_raw += m_socket.readAll();
            m_closed = true;
        });
        connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] { m_closed = true; });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

    // A whole answer arrived (head and Content-Length body), or the connection ended.
    bool done() const { return complete() || m_closed; }
    bool closedUnanswered() const { return m_closed && !complete(); }
    bool wait(int ms = 10000) const {
        return QTest::qWaitFor([this] { return done(); }, ms);
    }

    RawAnswer answer() const {
        RawAnswer a;
        const qsizetype end = m_raw.indexOf("\r\n\r\n");
        if (!complete() || !m_raw.startsWith("HTTP/1.1 "))
            return a;
        a.status = m_raw.mid(9, 3).toInt();
        a.head = m_raw.left(end);
        a.body = m_raw.mid(end + 4, contentLength(a.head));
        a.json = QJsonDocument::fromJson(a.body).object();
        return a;
    }

    // The request line and headers for `method path` with a JSON body; `extra` are more header
    // lines, each ending in \r\n.
    static QByteArray build(const QByteArray &method, const QByteArray &path, quint16 port,
                            const QByteArray &body, const QByteArray &extra = {}) {
        return method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
               "\r\nContent-Type: application/json\r\nContent-Length: " +
               QByteArray::number(body.size()) + "\r\nConnection: close\r\n" + extra + "\r\n" +
               body;
    }

private:
    static qsizetype contentLength(const QByteArray &head) {
        const QByteArray lower = head.toLower();
        const qsizetype at = lower.indexOf("content-length:");
        if (at < 0)
            return 0;
        qsizetype eol = lower.indexOf('\r', at);
        if (eol < 0)
            eol = lower.size();
        return lower.mid(at + 15, eol - at - 15).trimmed().toLongLong();
    }
    bool complete() const {
        const qsizetype end = m_raw.indexOf("\r\n\r\n");
        return end >= 0 && m_raw.size() >= end + 4 + contentLength(m_raw.left(end));
    }

    QByteArray m_request;
    QTcpSocket m_socket;
    QByteArray m_raw;
    bool m_closed = false;
};

} // namespace fd::test
