#include "exchange.h"

#include <QUrlQuery>

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpSocket>

#include <algorithm>

namespace fd::sandbox {

namespace {

QString methodName(QHttpServerRequest::Method m) {
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QStringLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QStringLiteral("TRACE");
    default:
        break;
    }
    return QStringLiteral("UNKNOWN");
}

} // namespace

Exchange::Exchange(const QHttpServerRequest &request, QHttpServerResponder &&responder)
    : m_method(methodName(request.method()))
    , m_path(request.url().path())
    , m_query(request.url().query(QUrl::FullyEncoded))
    , m_body(request.body())
    , m_headers(request.headers())
    , m_responder(std::make_unique<QHttpServerResponder>(std::move(responder)))
    , m_socket(m_responder->socket()) {}

Exchange::~Exchange() = default;

QString Exchange::queryItem(const QString &name) const {
    QString query = m_query;
    query.replace(QLatin1Char('+'), QLatin1Char(' '));
    return QUrlQuery(query).queryItemValue(name, QUrl::FullyDecoded);
}

QByteArray Exchange::header(const QByteArray &name) const {
    for (const auto &h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

int Exchange::headerCount(const QByteArray &name) const {
    return int(std::count_if(m_headers.cbegin(), m_headers.cend(), [&name](const auto &h) {
        return h.first.compare(name, Qt::CaseInsensitive) == 0;
    }));
}

bool Exchange::connected() const {
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void Exchange::respond(int status, const QByteArray &body, const HeaderPairs &headers,
                       const QByteArray &contentType) {
    if (m_answered)
        return;
    m_answered = true;
    if (!connected())
        return;
    using Status = QHttpServerResponder::StatusCode;
    m_responder->writeStatusLine(static_cast<Status>(status));
    m_responder->writeHeader(QByteArrayLiteral("Content-Type"), contentType);
    m_responder->writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(body.size()));
    for (const auto &h : headers)
        m_responder->writeHeader(h.first, h.second);
    m_responder->writeBody(body);
}

void Exchange::respondError(const ApiError &error) {
    HeaderPairs headers;
    if (error.retryAfterSeconds)
        headers.append(
            {QByteArrayLiteral("Retry-After"), QByteArray::number(*error.retryAfterSeconds)});
    respond(error.status, error.body(), headers);
}

void Exchange::reset() {
    m_answered = true;
    if (connected())
        m_socket->abort();
}

} // namespace fd::sandbox
