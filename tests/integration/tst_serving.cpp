// Listening at once, serving once released (net/serving.h, issue 14): the window's start-up
// holds serving so that its first frame does not wait for Qt's TLS backend, which every
// QHttpServer loads. A whole demo desk (its webhook receiver on its own thread, both providers'
// sandboxes) over real HTTP on 127.0.0.1: while held, every address is known and a client can
// connect and send, but nothing answers; once released, every request that waited is answered,
// and so is every later one.
#include "desk/demo.h"
#include "desk/desk.h"
#include "desk/providers.h"
#include "desk/session.h"
#include "net/serving.h"
#include "sandbox/sandbox.h"

#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fd;

namespace {

constexpr int kWait = 20000;

// A request sent over a raw socket, so the test sees exactly when bytes come back.
std::unique_ptr<QTcpSocket> sendGet(const QUrl &url, const QByteArray &path) {
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, quint16(url.port()));
    if (!socket->waitForConnected(kWait))
        return nullptr;
    socket->write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(url.port()) +
                  "\r\nConnection: close\r\n\r\n");
    socket->flush();
    return socket;
}

// The status code of the answer read so far, or 0 while there is none.
int statusOf(QTcpSocket &socket, QByteArray &received) {
    received += socket.readAll();
    const qsizetype space = received.indexOf(' ');
    if (!received.startsWith("HTTP/1.1 ") || space < 0 || received.size() < space + 4)
        return 0;
    return received.mid(space + 1, 3).toInt();
}

std::unique_ptr<Session> openDemo(const QString &journal) {
    SessionOptions o;
    o.demo = true;
    o.journalPath = journal;
    o.timingScale = 0.01;
    auto session = Session::open(o);
    if (!session)
        qFatal("%s", qPrintable(session.error().message));
    return std::move(session).value();
}

} // namespace

class TestServing final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void cleanup() { net::releaseServing(); } // a failed case leaves nothing held

    void heldServersListenAndAnswerOnceReleased() {
        net::holdServing();
        QVERIFY(net::servingHeld());
        auto session = openDemo(m_dir.filePath(QStringLiteral("held.sqlite")));
        auto d = desk::makeDesk(*session);
        // Every address is known while held: the sandboxes' and the receiver's ports.
        struct Server {
            QUrl url;
            QByteArray path;
            std::unique_ptr<QTcpSocket> socket;
            QByteArray received;
        };
        QList<std::shared_ptr<Server>> servers;
        for (const QString &provider : desk::providerIds()) {
            const QUrl base = d->demo().baseUrl(provider);
            QVERIFY2(base.port() > 0, qPrintable(provider));
            servers << std::make_shared<Server>(Server{base, "/no-such-path", {}, {}});
        }
        QVERIFY(session->webhookUrl().port() > 0);
        servers << std::make_shared<Server>(Server{session->webhookUrl(), "/no-such-path", {}, {}});

        // Each accepts the connection (the kernel's backlog) and takes the request...
        for (const auto &s : servers) {
            s->socket = sendGet(s->url, s->path);
            QVERIFY2(s->socket, qPrintable(s->url.toString()));
        }
        // ...and answers nothing while serving is held, however long the event loop runs.
        for (int turn = 0; turn < 20; ++turn) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            for (const auto &s : servers) {
                s->socket->waitForReadyRead(5);
                QCOMPARE(statusOf(*s->socket, s->received), 0);
            }
        }

        net::releaseServing();
        QVERIFY(!net::servingHeld());
        // Every request that waited is answered (404: a path no server has), the receiver's on
        // its own thread too.
        for (const auto &s : servers)
            QTRY_COMPARE_WITH_TIMEOUT(
                (s->socket->waitForReadyRead(5), statusOf(*s->socket, s->received)), 404, kWait);
        // A later request is answered as usual.
        for (const auto &s : servers) {
            auto again = sendGet(s->url, s->path);
            QVERIFY(again);
            QByteArray received;
            QTRY_COMPARE_WITH_TIMEOUT((again->waitForReadyRead(5), statusOf(*again, received)), 404,
                                      kWait);
        }
    }

    void withoutAHoldServersAnswerAtOnce() {
        QVERIFY(!net::servingHeld());
        auto session = openDemo(m_dir.filePath(QStringLiteral("open.sqlite")));
        auto socket = sendGet(session->sandbox()->baseUrl(), "/no-such-path");
        QVERIFY(socket);
        QByteArray received;
        QTRY_COMPARE_WITH_TIMEOUT((socket->waitForReadyRead(5), statusOf(*socket, received)), 404,
                                  kWait);
    }

    // A desk closed before serving was released leaves nothing behind to run: the release finds
    // no server of it (a use after free here is what the sanitizer build would catch).
    void aDeskClosedWhileHeldIsForgotten() {
        net::holdServing();
        {
            auto session = openDemo(m_dir.filePath(QStringLiteral("closed.sqlite")));
            QVERIFY(session->webhookUrl().port() > 0);
        }
        net::releaseServing();
        QCoreApplication::processEvents(); // nothing is delivered to the servers that are gone
        // And the next desk serves at once.
        auto session = openDemo(m_dir.filePath(QStringLiteral("next.sqlite")));
        auto socket = sendGet(session->sandbox()->baseUrl(), "/no-such-path");
        QVERIFY(socket);
        QByteArray received;
        QTRY_COMPARE_WITH_TIMEOUT((socket->waitForReadyRead(5), statusOf(*socket, received)), 404,
                                  kWait);
    }
};

QTEST_GUILESS_MAIN(TestServing)
#include "tst_serving.moc"
