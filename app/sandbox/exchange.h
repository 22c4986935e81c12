#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QString>

#include <memory>

class QHttpServerRequest;
class QHttpServerResponder;
class QTcpSocket;

namespace fd::sandbox {

using HeaderPairs = QList<QPair<QByteArray, QByteArray>>;

// One HTTP request on its way through the sandbox, answered now or later. It copies what it
// needs from the request because Qt reuses the request object for the connection's next one,
// and it never writes to a socket that is gone (a client may hang up while we delay).
class Exchange {
public:
    Exchange(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    ~Exchange();
    Q_DISABLE_COPY_MOVE(Exchange)

    const QString &method() const { return m_method; }
    const QString &path() const { return m_path; }
    // One query parameter, decoded ("+" as a space); empty when absent.
    QString queryItem(const QString &name) const;
    const QByteArray &body() const { return m_body; }
    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
    int headerCount(const QByteArray &name) const;   // case-insensitive

    void respond(int status, const QByteArray &body, const HeaderPairs &headers = {},
                 const QByteArray &contentType = QByteArrayLiteral("application/json"));
    void respondError(const ApiError &error);
    // Closes the connection without an answer, as a network failure would.
    void reset();

    bool answered() const { return m_answered; }
    bool connected() const;

    int seq = 0;   // ledger row; 0 when not recorded
    QString scope; // idempotency scope of the caller's API key, once authenticated

private:
    QString m_method;
    QString m_path;
    QString m_query; // the URL's query, as sent
    QByteArray m_body;
    HeaderPairs m_headers;
    std::unique_ptr<QHttpServerResponder> m_responder;
    QPointer<QTcpSocket> m_socket;
    bool m_answered = false;
};

using ExchangePtr = std::shared_ptr<Exchange>;

} // namespace fd::sandbox
