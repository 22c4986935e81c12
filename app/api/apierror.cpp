#include "apierror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>
#include <QUrl>

namespace fd {
namespace {

using std::chrono::milliseconds;

constexpr int kMaxMessageChars = 500;
constexpr int kMaxCodeChars = 100;
constexpr int kMaxFieldErrors = 100;

// Provider text is shown to agents and written to logs: keep it one printable line.
QString cleanText(const QString &s, int maxChars) {
    return printableExcerpt(s.toUtf8(), maxChars);
}

bool isDroppedCategory(QChar::Category c) {
    // Controls, bidi overrides and zero-width marks could rewrite a terminal line or hide text.
    return c == QChar::Other_Control || c == QChar::Other_Format || c == QChar::Other_Surrogate ||
           c == QChar::Other_NotAssigned || c == QChar::Other_PrivateUse;
}

// IMF-fixdate only: "Sun, 06 Nov 1994 08:49:37 GMT" (the form RFC 7231 makes senders use).
// The weekday must be a day's name but need not match the date: QLocale would refuse a
// mismatch, so it reads the rest. Its reading is also lenient (one-digit fields, any case), so
// only a date that prints back as the same bytes counts.
std::optional<QDateTime> parseImfFixdate(const QByteArray &s) {
    const QLocale c = QLocale::c();
    const QString text = QString::fromLatin1(s);
    const QString weekday = text.left(3);
    bool dayName = false;
    for (int d = 1; d <= 7 && !dayName; ++d)
        dayName = weekday == c.dayName(d, QLocale::ShortFormat);
    if (!dayName || text.mid(3, 2) != QLatin1String(", "))
        return std::nullopt;
    const QString format = QStringLiteral("dd MMM yyyy HH:mm:ss 'GMT'");
    const QString rest = text.mid(5);
    const QDateTime parsed = c.toDateTime(rest, format);
    if (!parsed.isValid() || c.toString(parsed, format) != rest)
        return std::nullopt;
    return QDateTime(parsed.date(), parsed.time(), Qt::UTC);
}

} // namespace

QString kindName(ApiError::Kind kind) {
    switch (kind) {
    case ApiError::Kind::Envelope:
        return QStringLiteral("envelope");
    case ApiError::Kind::Conflict:
        return QStringLiteral("conflict");
    case ApiError::Kind::BadBody:
        return QStringLiteral("bad body");
    case ApiError::Kind::Timeout:
        return QStringLiteral("timeout");
    case ApiError::Kind::Network:
        return QStringLiteral("network");
    case ApiError::Kind::Cancelled:
        return QStringLiteral("cancelled");
    case ApiError::Kind::Tls:
        return QStringLiteral("tls");
    case ApiError::Kind::Redirect:
        return QStringLiteral("redirect");
    }
    return QStringLiteral("unknown");
}

ApiError ApiError::timeout(const QString &detail) {
    ApiError e;
    e.kind = Kind::Timeout;
    e.code = QStringLiteral("FD_TIMEOUT");
    e.message = detail;
    e.fault = Fault::Server;
    e.retryable = true;
    return e;
}

ApiError ApiError::network(const QString &detail) {
    ApiError e = timeout(detail);
    e.kind = Kind::Network;
    e.code = QStringLiteral("FD_NETWORK");
    return e;
}

ApiError ApiError::badBody(int httpStatus, const QByteArray &body, const QString &why) {
    ApiError e;
    e.kind = Kind::BadBody;
    e.httpStatus = httpStatus;
    e.code = QStringLiteral("FD_BAD_BODY");
    e.message = why;
    e.bodyExcerpt = printableExcerpt(body);
    return e;
}

ApiError ApiError::cancelled() {
    ApiError e;
    e.kind = Kind::Cancelled;
    e.code = QStringLiteral("FD_CANCELLED");
    e.message = QStringLiteral("The request was cancelled");
    return e;
}

ApiError ApiError::tls(const QString &detail) {
    ApiError e;
    e.kind = Kind::Tls;
    e.code = QStringLiteral("FD_TLS");
    e.message = detail;
    e.fault = Fault::Unknown;
    return e;
}

ApiError ApiError::redirect(int httpStatus, const QByteArray &location) {
    ApiError e;
    e.kind = Kind::Redirect;
    e.httpStatus = httpStatus;
    e.code = QStringLiteral("FD_REDIRECT");
    // Only the host: a Location may carry a path or query we have no business repeating.
    const QString host = QUrl(QString::fromLatin1(location.left(2048))).host();
    e.message =
        QStringLiteral("the provider answered with a redirect to %1; check the API base URL")
            .arg(host.isEmpty() ? QStringLiteral("an unknown address") : host);
    e.fault = Fault::Client;
    return e;
}

ApiError ApiError::insecureUrl(const QString &detail) {
    ApiError e;
    e.kind = Kind::Redirect;
    e.code = QStringLiteral("FD_INSECURE_URL");
    e.message = detail;
    e.fault = Fault::Client;
    return e;
}

QString ApiError::describe() const {
    QString s;
    if (httpStatus > 0)
        s = QStringLiteral("HTTP %1 ").arg(httpStatus);
    s += code.isEmpty() ? kindName(kind) : code;
    if (!message.isEmpty())
        s += QStringLiteral(": ") + message;
    if (kind == Kind::Envelope) {
        const QString f = fault == Fault::Client   ? QStringLiteral("client")
                          : fault == Fault::Server ? QStringLiteral("server")
                                                   : QStringLiteral("unknown");
        s += QStringLiteral(" (retryable: %1, fault: %2)")
                 .arg(retryable ? QStringLiteral("yes") : QStringLiteral("no"), f);
    }
    if (kind == Kind::BadBody)
        s += QStringLiteral(" [body: \"") + bodyExcerpt + QStringLiteral("\"]");
    return s;
}

QString printableExcerpt(const QByteArray &body, int maxChars) {
    if (maxChars <= 0)
        return {};
    // A few bytes per kept character are enough; never decode a huge body whole.
    const qsizetype window = qMin<qsizetype>(body.size(), qsizetype(maxChars) * 16 + 16);
    const QString text = QString::fromUtf8(body.constData(), window);
    QString out;
    out.reserve(maxChars);
    bool truncated = window < body.size();
    bool pendingSpace = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool pair =
            c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
        const char32_t ucs = pair ? QChar::surrogateToUcs4(c, text.at(i + 1)) : c.unicode();
        if (ucs == U'\t' || ucs == U'\n' || ucs == U'\r' || ucs == U' ') {
            pendingSpace = !out.isEmpty();
            i += pair ? 1 : 0;
            continue;
        }
        if (isDroppedCategory(QChar::category(ucs))) {
            i += pair ? 1 : 0;
            continue;
        }
        const int need = (pendingSpace ? 1 : 0) + (pair ? 2 : 1);
        if (out.size() + need > maxChars) {
            truncated = true;
            break;
        }
        if (pendingSpace)
            out += QLatin1Char(' ');
        pendingSpace = false;
        out += c;
        if (pair)
            out += text.at(++i);
    }
    if (truncated && !out.isEmpty()) {
        // Mark the cut inside the limit, never splitting a surrogate pair.
        out.chop(out.size() >= 2 && out.at(out.size() - 1).isLowSurrogate() ? 2 : 1);
        out += QChar(0x2026);
    }
    return out;
}

std::optional<milliseconds> parseRetryAfter(const QByteArray &header, const QDateTime &now) {
    const QByteArray v = header.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool allDigits = true;
    for (char c : v)
        allDigits = allDigits && c >= '0' && c <= '9';
    if (allDigits) {
        // Absurd values stay absurd (the policy gives up on them) but never overflow.
        constexpr qint64 kMaxSeconds = 999'999'999;
        qint64 seconds = 0;
        for (char c : v) {
            seconds = seconds * 10 + (c - '0');
            if (seconds > kMaxSeconds) {
                seconds = kMaxSeconds;
                break;
            }
        }
        return milliseconds(seconds * 1000);
    }
    const auto date = parseImfFixdate(v);
    if (!date || !now.isValid())
        return std::nullopt;
    return milliseconds(qMax<qint64>(0, now.msecsTo(*date)));
}

ApiError parseError(int httpStatus, const QByteArray &body, const QByteArray &retryAfterHeader,
                    const QDateTime &now) {
    ApiError e = [&] {
        if (body.size() > kMaxErrorBodyBytes)
            return ApiError::badBody(
                httpStatus, body,
                QStringLiteral("the error body is too large (%1 bytes)").arg(body.size()));
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
        if (pe.error != QJsonParseError::NoError)
            return ApiError::badBody(httpStatus, body,
                                     QStringLiteral("the error body is not JSON (%1 at offset %2)")
                                         .arg(pe.errorString())
                                         .arg(pe.offset));
        if (!doc.isObject())
            return ApiError::badBody(httpStatus, body,
                                     QStringLiteral("the error body is not a JSON object"));
        const QJsonObject o = doc.object();
        const QJsonValue success = o.value(QLatin1String("success"));
        if (!success.isUndefined() && success != QJsonValue(false))
            return ApiError::badBody(
                httpStatus, body, QStringLiteral("the error body does not say \"success\": false"));

        const QJsonValue older = o.value(QLatin1String("error"));
        if (!o.contains(QLatin1String("errorCode")) && older.isObject()) {
            const QJsonObject err = older.toObject();
            if (err.value(QLatin1String("code")).toString() != QLatin1String("CONFLICT"))
                return ApiError::badBody(
                    httpStatus, body, QStringLiteral("the error body uses an unknown older shape"));
            ApiError c;
            c.kind = ApiError::Kind::Conflict;
            c.httpStatus = httpStatus;
            c.code = QStringLiteral("CONFLICT");
            c.message = cleanText(err.value(QLatin1String("detail")).toString(), kMaxMessageChars);
            c.fault = ApiError::Fault::Client;
            return c;
        }

        const QJsonValue code = o.value(QLatin1String("errorCode"));
        const QJsonValue retryable = o.value(QLatin1String("retryable"));
        if (!code.isString() || code.toString().trimmed().isEmpty())
            return ApiError::badBody(httpStatus, body,
                                     QStringLiteral("the error body has no errorCode"));
        if (!retryable.isBool())
            return ApiError::badBody(httpStatus, body,
                                     QStringLiteral("the error body has no boolean \"retryable\""));
        ApiError env;
        env.kind = ApiError::Kind::Envelope;
        env.httpStatus = httpStatus;
        env.code = cleanText(code.toString(), kMaxCodeChars);
        env.retryable = retryable.toBool();
        const QString fault = o.value(QLatin1String("fault")).toString();
        env.fault = fault == QLatin1String("server")   ? ApiError::Fault::Server
                    : fault == QLatin1String("client") ? ApiError::Fault::Client
                                                       : ApiError::Fault::Unknown;
        QString message = o.value(QLatin1String("message")).toString();
        if (message.isEmpty())
            message = o.value(QLatin1String("reason")).toString();
        env.message = cleanText(message, kMaxMessageChars);
        env.suggestedAction =
            cleanText(o.value(QLatin1String("suggestedAction")).toString(), kMaxMessageChars);
        const QJsonArray errors = o.value(QLatin1String("errors")).toArray();
        for (const QJsonValue &item : errors) {
            if (env.fieldErrors.size() >= kMaxFieldErrors)
                break;
            const QJsonObject fe = item.toObject();
            const QJsonValue field = fe.value(QLatin1String("field"));
            const QJsonValue msg = fe.value(QLatin1String("message"));
            if (field.isString() || msg.isString())
                env.fieldErrors.append({cleanText(field.toString(), kMaxCodeChars),
                                        cleanText(msg.toString(), kMaxMessageChars)});
        }
        return env;
    }();
    e.retryAfter = parseRetryAfter(retryAfterHeader, now);
    return e;
}

} // namespace fd
