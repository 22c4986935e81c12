// The places endpoint (GET /v1/places/suggestions, issue 14 item 2): the desk's own link to each
// provider (its real gateway) against that provider's sandbox on 127.0.0.1, judged by what the
// agent would be offered and by the sandbox's ledger.
#include "core/scheduler.h"
#include "desk/providerlink.h"
#include "sandbox/ledger.h"
#include "sandbox/sandbox.h"
#include "sandbox/travomatrix/travomatrixsandbox.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

using namespace fd;

class TestPlaces final : public QObject {
    Q_OBJECT

    SystemClock m_clock;
    QtScheduler m_scheduler;
    QObject m_context;

    std::unique_ptr<desk::ProviderLink> connect(const QString &provider) {
        desk::LinkOptions o;
        o.demo = true;
        o.timing.scale = 0.01;
        o.timing.requestTimeout = std::chrono::seconds(10);
        auto link = desk::connectProvider(provider, o, &m_clock, &m_scheduler);
        if (!link)
            qFatal("%s", qPrintable(link.error().message));
        return std::move(link).value();
    }

    GatewayResult<QList<Place>> suggest(desk::ProviderLink &link, const QString &query) {
        std::optional<GatewayResult<QList<Place>>> answer;
        link.suggestPlaces(query, &m_context, {},
                           [&answer](GatewayResult<QList<Place>> r) { answer = std::move(r); });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 15000))
            qFatal("no answer within 15 s");
        return *answer;
    }

    static QStringList codes(const GatewayResult<QList<Place>> &r) {
        QStringList out;
        if (const auto *places = std::get_if<QList<Place>>(&r))
            for (const Place &p : *places)
                out << p.iataCode;
        return out;
    }

    static int requests(desk::ProviderLink &link) {
        int n = 0;
        const auto &ledger = qobject_cast<sandbox::Sandbox *>(link.demoSandbox())->ledger();
        for (const auto &r : ledger.requests())
            n += r.endpoint == QLatin1String("place_suggestions");
        return n;
    }

private Q_SLOTS:
    // What the agent types, and what the provider offers first (the catalogue's airports).
    void suggestsByCodeCityOrName_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("first");
        QTest::newRow("a city's first letters") << QStringLiteral("lag") << QStringLiteral("LOS");
        QTest::newRow("the code, any case") << QStringLiteral("lhr") << QStringLiteral("LHR");
        QTest::newRow("a word of the name") << QStringLiteral("murtala") << QStringLiteral("LOS");
        QTest::newRow("without its accents") << QStringLiteral("Sao Tome") << QStringLiteral("TMS");
        QTest::newRow("with them") << QStringLiteral("São") << QStringLiteral("TMS");
        QTest::newRow("an airport no bundled list has")
            << QStringLiteral("ilorin") << QStringLiteral("ILR");
    }
    void suggestsByCodeCityOrName() {
        QFETCH(QString, typed);
        QFETCH(QString, first);
        auto link = connect(QStringLiteral("travelbase"));
        const auto answer = suggest(*link, typed);
        const QStringList found = codes(answer);
        QVERIFY2(!found.isEmpty(), qPrintable(typed));
        QCOMPARE(found.first(), first);
        QVERIFY(found.size() <= 20);
    }

    // Everything the completer shows: name, city, country and the airport's zone.
    void aPlaceCarriesWhatTheAgentReads() {
        auto link = connect(QStringLiteral("travelbase"));
        const auto answer = suggest(*link, QStringLiteral("LOS"));
        const auto *places = std::get_if<QList<Place>>(&answer);
        QVERIFY(places && !places->isEmpty());
        const Place &lagos = places->first();
        QCOMPARE(lagos.type, QStringLiteral("airport"));
        QCOMPARE(lagos.name, QStringLiteral("Murtala Muhammed International Airport"));
        QCOMPARE(lagos.cityName, QStringLiteral("Lagos"));
        QCOMPARE(lagos.countryCode, QStringLiteral("NG"));
        QCOMPARE(lagos.timeZone, QStringLiteral("Africa/Lagos"));
        // The exact code comes first, before airports that merely contain the letters.
        QVERIFY(codes(suggest(*link, QStringLiteral("xq"))).isEmpty());
        QCOMPARE(requests(*link), 2);
    }

    // Too long or blank: refused by the desk, nothing sent; and the sandbox refuses the same.
    void anUnusableQueryIsNotSent() {
        auto link = connect(QStringLiteral("travelbase"));
        for (const QString &q : {QStringLiteral("   "), QString(65, QLatin1Char('a'))}) {
            const auto answer = suggest(*link, q);
            const auto *f = std::get_if<GatewayFailure>(&answer);
            QVERIFY(f);
            QCOMPARE(f->code, QStringLiteral("FD_INVALID_QUERY"));
        }
        QCOMPARE(requests(*link), 0);
        // Straight to the sandbox: no query is a field error (400, naming the field).
        QNetworkAccessManager nam;
        QUrl url = link->baseUrl();
        url.setPath(QStringLiteral("/v1/places/suggestions"));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization",
                             "Bearer " + sandbox::Sandbox::defaultApiKey().toUtf8());
        QNetworkReply *reply = nam.get(request);
        QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
        QVERIFY(reply->readAll().contains("query"));
        reply->deleteLater();
    }

    // Travomatrix has no places endpoint: the desk says so and sends nothing.
    void travomatrixHasNoPlaces() {
        auto link = connect(QStringLiteral("travomatrix"));
        const auto answer = suggest(*link, QStringLiteral("lag"));
        const auto *f = std::get_if<GatewayFailure>(&answer);
        QVERIFY(f);
        QCOMPARE(f->code, QStringLiteral("FD_NOT_SUPPORTED"));
        const auto &ledger =
            qobject_cast<sandbox::TravomatrixSandbox *>(link->demoSandbox())->ledger();
        QVERIFY(ledger.requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPlaces)
#include "tst_places.moc"
