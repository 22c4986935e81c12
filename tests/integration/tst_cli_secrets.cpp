// How secrets reach `flightdesk checkout` without showing in the process list (environment,
// owner-only files), the warnings for the ways that do, the receiver's public-listen opt-in and
// the journal's permissions: real processes against a `flightdesk-sandbox` process, with this
// test posting signed webhooks to the desk's receiver on 127.0.0.1. No secret is passed in argv
// except to check that doing so warns.
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "processrun.h"

#include <sys/stat.h>

namespace {
const QString kData = QStringLiteral(FLIGHTDESK_TEST_DATA "/cli/");
const QString kSandboxKey = QStringLiteral("tb_sandbox_demo"); // the sandbox's default key
constexpr QFile::Permissions kOwnerOnly = QFile::ReadOwner | QFile::WriteOwner;
constexpr QFile::Permissions kWorldReadable =
    QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;

QByteArray randomSecret(const char *prefix) {
    return QByteArray(prefix) +
           QByteArray::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, '0');
}

int modeOf(const QString &path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

struct Run : fd::test::ProcessRun {
    QJsonObject outcome() const {
        const QList<QByteArray> lines = out.trimmed().split('\n');
        return QJsonDocument::fromJson(lines.last()).object();
    }
    QString outcomeName() const { return outcome().value(QLatin1String("outcome")).toString(); }
    QList<QByteArray> errLines() const {
        QList<QByteArray> lines = err.split('\n');
        lines.removeAll(QByteArray());
        return lines;
    }
    // What the command itself says, without the receiver's log lines (flightdesk.webhook: ...).
    QList<QByteArray> messages() const {
        QList<QByteArray> lines = errLines();
        lines.removeIf([](const QByteArray &l) { return !l.startsWith("flightdesk "); });
        return lines;
    }
    bool mentions(const QByteArray &text) const { return out.contains(text) || err.contains(text); }
};

QProcessEnvironment environment(const QMap<QString, QString> &vars) {
    return fd::test::environmentWithoutSecrets(vars);
}

Run finish(QProcess &p, int timeoutMs = 60000) {
    return {fd::test::finishProcess(p, timeoutMs)};
}

Run flightdesk(const QStringList &args, const QMap<QString, QString> &env = {}) {
    return {fd::test::runProcess(QStringLiteral(FLIGHTDESK_BINARY), args, environment(env))};
}

// A `flightdesk-sandbox` process on 127.0.0.1 with its default key and no webhooks of its own.
struct SandboxProcess : fd::test::SandboxProcess {
    SandboxProcess()
        : fd::test::SandboxProcess(QStringLiteral(FLIGHTDESK_SANDBOX_BINARY)) {}
    QJsonArray orders() { return ledger().value(QLatin1String("orders")).toArray(); }
};

quint16 freeLoopbackPort() {
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        qFatal("no free port");
    return probe.serverPort();
}

// POSTs a signed order.ticketed for `orderId` to the desk's receiver; the HTTP status.
int postTicketed(quint16 port, const QString &orderId, const QByteArray &secret) {
    const QJsonObject ticket{
        {QStringLiteral("type"), QStringLiteral("electronic_ticket")},
        {QStringLiteral("unique_identifier"), QStringLiteral("1259876543210")}};
    const QJsonObject order{{QStringLiteral("id"), orderId},
                            {QStringLiteral("status"), QStringLiteral("ticketed")},
                            {QStringLiteral("documents"), QJsonArray{ticket}}};
    const QJsonObject event{
        {QStringLiteral("id"),
         QString(QStringLiteral("evt_") + QString::fromLatin1(secret.left(12)))},
        {QStringLiteral("type"), QStringLiteral("order.ticketed")},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("object"), order}}}};
    const QByteArray body = QJsonDocument(event).toJson(QJsonDocument::Compact);
    const QByteArray t = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1/webhooks/travelbase").arg(port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(
        "Travelbase-Signature",
        "t=" + t + ",v1=" +
            QMessageAuthenticationCode::hash(t + '.' + body, secret, QCryptographicHash::Sha256)
                .toHex());
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.post(request, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!done.wait(10000))
        return 0;
    reply->deleteLater();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

class TestCliSecrets final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    QString journal() { return m_dir.filePath(QStringLiteral("journal-%1.sqlite").arg(++m_files)); }
    QString secretFile(const QByteArray &content, QFile::Permissions permissions = kOwnerOnly) {
        const QString path = m_dir.filePath(QStringLiteral("secret-%1").arg(++m_files));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly, kOwnerOnly) || f.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        f.close();
        if (!QFile::setPermissions(path, permissions))
            qFatal("cannot chmod %s", qPrintable(path));
        return path;
    }
    QStringList checkout(const QString &apiBase, const QStringList &more = {}) {
        return QStringList{QStringLiteral("checkout"),
                           QStringLiteral("--api-base"),
                           apiBase,
                           QStringLiteral("--search"),
                           QStringLiteral("LOS-LHR"),
                           QStringLiteral("--passengers"),
                           kData + QStringLiteral("adult-international.json"),
                           QStringLiteral("--journal"),
                           journal()} +
               more;
    }

private Q_SLOTS:
    void apiKeyWaysIn_data() {
        QTest::addColumn<QString>("way");
        QTest::addColumn<QByteArray>("warning"); // expected on stderr; empty: nothing at all
        QTest::newRow("environment") << "env" << QByteArray();
        QTest::newRow("owner-only file") << "file" << QByteArray();
        QTest::newRow("file with a trailing newline") << "file-newline" << QByteArray();
        QTest::newRow("world-readable file")
            << "file-0644" << QByteArray("can be read by other users");
        QTest::newRow("command line")
            << "argv"
            << QByteArray("--api-key is visible to other users in the process list; use "
                          "FLIGHTDESK_API_KEY or --api-key-file");
    }
    void apiKeyWaysIn() {
        QFETCH(QString, way);
        QFETCH(QByteArray, warning);
        SandboxProcess sandbox;
        QStringList extra{QStringLiteral("--timing-scale"), QStringLiteral("0.05")};
        QMap<QString, QString> env;
        const QByteArray key = kSandboxKey.toLatin1();
        if (way == QLatin1String("env"))
            env.insert(QStringLiteral("FLIGHTDESK_API_KEY"), kSandboxKey);
        else if (way == QLatin1String("file"))
            extra << QStringLiteral("--api-key-file") << secretFile(key);
        else if (way == QLatin1String("file-newline"))
            extra << QStringLiteral("--api-key-file") << secretFile(key + '\n');
        else if (way == QLatin1String("file-0644"))
            extra << QStringLiteral("--api-key-file") << secretFile(key, kWorldReadable);
        else
            extra << QStringLiteral("--api-key") << kSandboxKey;
        const Run r = flightdesk(checkout(sandbox.url, extra), env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.outcomeName(), QStringLiteral("ticketed"));
        if (warning.isEmpty()) {
            QVERIFY2(r.err.isEmpty(), r.err.constData());
        } else {
            QCOMPARE(r.errLines().size(), 1); // one line
            QVERIFY2(r.err.contains(warning), r.err.constData());
        }
        QVERIFY(!r.mentions(key));
    }

    // The key really is what is read: a wrong one is refused by the server.
    void wrongKeyFromAFileIsRefused() {
        SandboxProcess sandbox;
        const QByteArray wrong = randomSecret("tb_wrong_");
        const Run r = flightdesk(
            checkout(sandbox.url, {QStringLiteral("--api-key-file"), secretFile(wrong)}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(sandbox.orders().isEmpty());
        QVERIFY(!r.mentions(wrong));
    }

    void unusableSecretFiles_data() {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QByteArray>("message");
        for (const QString &option :
             {QStringLiteral("--api-key-file"), QStringLiteral("--webhook-secret-file")}) {
            const QByteArray o = option.toLatin1();
            QTest::newRow(QByteArray(o + " missing").constData())
                << option << "missing" << QByteArray("cannot read");
            QTest::newRow(QByteArray(o + " empty").constData())
                << option << "empty" << QByteArray("is empty");
            QTest::newRow(QByteArray(o + " only a newline").constData())
                << option << "newline" << QByteArray("is empty");
            QTest::newRow(QByteArray(o + " too large").constData())
                << option << "large" << QByteArray("4 KiB");
            QTest::newRow(QByteArray(o + " a folder").constData())
                << option << "folder" << QByteArray("cannot read");
        }
    }
    void unusableSecretFiles() {
        QFETCH(QString, option);
        QFETCH(QString, problem);
        QFETCH(QByteArray, message);
        QString path;
        if (problem == QLatin1String("missing"))
            path = m_dir.filePath(QStringLiteral("no-such-secret"));
        else if (problem == QLatin1String("empty"))
            path = secretFile({});
        else if (problem == QLatin1String("newline"))
            path = secretFile("\n");
        else if (problem == QLatin1String("large"))
            path = secretFile(QByteArray(5000, 'z'));
        else
            path = m_dir.path();
        const Run r =
            flightdesk(checkout(QStringLiteral("http://127.0.0.1:9"),
                                {option, path, QStringLiteral("--webhook-listen"),
                                 QStringLiteral("127.0.0.1:0")}),
                       {{QStringLiteral("FLIGHTDESK_API_KEY"), QStringLiteral("k")},
                        {QStringLiteral("FLIGHTDESK_WEBHOOK_SECRET"), QStringLiteral("s")}});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY2(r.err.startsWith("flightdesk checkout: "), r.err.constData());
        QVERIFY2(r.err.contains(message), r.err.constData());
        QVERIFY2(r.err.contains(option.toLatin1()), r.err.constData());
        QVERIFY(!r.err.contains("zzzz"));
    }

    void oneSourcePerSecret() {
        const Run r = flightdesk(checkout(QStringLiteral("http://127.0.0.1:9"),
                                          {QStringLiteral("--api-key"), QStringLiteral("k"),
                                           QStringLiteral("--api-key-file"), secretFile("k")}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("--api-key or --api-key-file"), r.err.constData());
    }

    // The desk books with a webhook signed by this test: accepted only with the secret that
    // reached the desk by the way under test.
    void webhookSecretWaysIn_data() {
        QTest::addColumn<QString>("way");
        QTest::addColumn<QByteArray>("warning");
        QTest::newRow("environment") << "env" << QByteArray();
        QTest::newRow("owner-only file") << "file" << QByteArray();
        QTest::newRow("world-readable file")
            << "file-0644" << QByteArray("can be read by other users");
        QTest::newRow("command line")
            << "argv"
            << QByteArray("--webhook-secret is visible to other users in the process list; use "
                          "FLIGHTDESK_WEBHOOK_SECRET or --webhook-secret-file");
    }
    void webhookSecretWaysIn() {
        QFETCH(QString, way);
        QFETCH(QByteArray, warning);
        SandboxProcess sandbox;
        const QByteArray secret = randomSecret("whsec_cli_");
        const quint16 port = freeLoopbackPort();
        QStringList extra{QStringLiteral("--webhook-listen"),
                          QStringLiteral("127.0.0.1:%1").arg(port)};
        QMap<QString, QString> env{{QStringLiteral("FLIGHTDESK_API_KEY"), kSandboxKey}};
        if (way == QLatin1String("env"))
            env.insert(QStringLiteral("FLIGHTDESK_WEBHOOK_SECRET"), QString::fromLatin1(secret));
        else if (way == QLatin1String("file"))
            extra << QStringLiteral("--webhook-secret-file") << secretFile(secret + '\n');
        else if (way == QLatin1String("file-0644"))
            extra << QStringLiteral("--webhook-secret-file") << secretFile(secret, kWorldReadable);
        else // the one way that shows it to `ps`, only to see that it warns
            extra << QStringLiteral("--webhook-secret") << QString::fromLatin1(secret);

        QProcess desk;
        desk.setProcessEnvironment(environment(env));
        desk.start(QStringLiteral(FLIGHTDESK_BINARY), checkout(sandbox.url, extra));
        QByteArray out;
        // Ticketing is under way and nothing but a webhook will say how it ended for 30 s.
        QTRY_VERIFY_WITH_TIMEOUT((out += desk.readAllStandardOutput()).contains("\"processing\""),
                                 30000);
        const QJsonArray orders = sandbox.orders();
        QCOMPARE(orders.size(), 1);
        const QString orderId = orders.first().toObject().value(QLatin1String("id")).toString();
        QCOMPARE(postTicketed(port, orderId, randomSecret("whsec_forged_")), 400);
        QCOMPARE(postTicketed(port, orderId, secret), 200);

        Run r = finish(desk);
        r.out.prepend(out);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.outcomeName(), QStringLiteral("ticketed"));
        if (warning.isEmpty()) {
            QVERIFY2(r.messages().isEmpty(), r.err.constData());
        } else {
            QCOMPARE(r.messages().size(), 1);
            QVERIFY2(r.messages().first().contains(warning), r.err.constData());
        }
        QVERIFY(!r.mentions(secret));
    }

    void publicListenNeedsTheFlag() {
        const QMap<QString, QString> env{
            {QStringLiteral("FLIGHTDESK_WEBHOOK_SECRET"), QString::fromLatin1(randomSecret("s"))}};
        const QStringList demo{
            QStringLiteral("checkout"),         QStringLiteral("--demo"),
            QStringLiteral("--search"),         QStringLiteral("LOS-LHR"),
            QStringLiteral("--passengers"),     kData + QStringLiteral("adult-international.json"),
            QStringLiteral("--timing-scale"),   QStringLiteral("0.01"),
            QStringLiteral("--webhook-listen"), QStringLiteral("0.0.0.0:0")};
        const Run refused =
            flightdesk(demo + QStringList{QStringLiteral("--journal"), journal()}, env);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.out.isEmpty());
        QVERIFY2(refused.err.contains("other computers"), refused.err.constData());
        QVERIFY2(refused.err.contains("--webhook-listen-public"), refused.err.constData());

        // Only bound: the embedded sandbox delivers over loopback.
        const Run allowed =
            flightdesk(demo + QStringList{QStringLiteral("--journal"), journal(),
                                          QStringLiteral("--webhook-listen-public")},
                       env);
        QVERIFY2(allowed.exitCode == 0, allowed.err.constData());
        QCOMPARE(allowed.outcomeName(), QStringLiteral("ticketed"));
    }

    void looseJournalIsTightenedWithOneNotice() {
        const QString path = journal();
        const Run booked = flightdesk(
            {QStringLiteral("checkout"), QStringLiteral("--demo"), QStringLiteral("--search"),
             QStringLiteral("LOS-LHR"), QStringLiteral("--passengers"),
             kData + QStringLiteral("adult-international.json"), QStringLiteral("--journal"), path,
             QStringLiteral("--timing-scale"), QStringLiteral("0.01")});
        QCOMPARE(booked.exitCode, 0);
        QCOMPARE(modeOf(path), 0600);
        QVERIFY(QFile::setPermissions(path, kWorldReadable));

        const QStringList orders{QStringLiteral("orders"), QStringLiteral("--journal"), path};
        const Run first = flightdesk(orders);
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(first.errLines().size(), 1);
        QVERIFY2(first.err.contains("readable by other users"), first.err.constData());
        QVERIFY2(first.err.contains(path.toLocal8Bit()), first.err.constData());
        QCOMPARE(modeOf(path), 0600);

        const Run second = flightdesk(orders);
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.err.isEmpty(), second.err.constData()); // said once
    }
};

QTEST_GUILESS_MAIN(TestCliSecrets)
#include "tst_cli_secrets.moc"
