// `flightdesk validate` run as a real process: its JSON output and exit codes.
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "processrun.h"

namespace {
const QString kData = QStringLiteral(FLIGHTDESK_TEST_DATA "/");

struct Run : fd::test::ProcessRun {
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    QStringList issues(const char *list) const {
        QStringList s;
        for (const QJsonValue &v : json().value(QLatin1String(list)).toArray()) {
            const QJsonObject o = v.toObject();
            const QJsonValue p = o.value(QLatin1String("passenger"));
            s << (p.isNull() ? QStringLiteral("null") : QString::number(p.toInt())) +
                     QLatin1Char(':') + o.value(QLatin1String("field")).toString() +
                     QLatin1Char(':') + o.value(QLatin1String("code")).toString();
            if (o.value(QLatin1String("message")).toString().isEmpty())
                s << QStringLiteral("(no message)");
        }
        return s;
    }
};

Run validate(const QStringList &args) {
    return {fd::test::runProcess(QStringLiteral(FLIGHTDESK_BINARY),
                                 QStringList{QStringLiteral("validate")} + args,
                                 QProcessEnvironment::systemEnvironment(), 30000)};
}

QString data(const char *relative) {
    return kData + QLatin1String(relative);
}
} // namespace

class TestValidateCommand final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeFile(const char *name, const QByteArray &content) {
        const QString path = m_dir.filePath(QLatin1String(name));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("cannot write %s", name);
        return path;
    }

private Q_SLOTS:
    void validFamilyOnItsOffer() {
        const Run r =
            validate({QStringLiteral("--passengers"), data("passengers/family-valid.json"),
                      QStringLiteral("--offer-file"), data("offers/los-lhr-family.json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("valid")).toBool(), true);
        QVERIFY(r.issues("errors").isEmpty());
        QVERIFY(r.err.isEmpty());
        QVERIFY(r.out.endsWith('\n'));
        QCOMPARE(r.out.count('\n'), 1); // one JSON object, one line
    }

    void everyProblemWithNestedFieldNames() {
        const Run r =
            validate({QStringLiteral("--passengers"), data("passengers/one-adult-problems.json"),
                      QStringLiteral("--international"), QStringLiteral("--departure-date"),
                      QStringLiteral("2026-12-10")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.json().value(QStringLiteral("valid")).toBool(), false);
        QCOMPARE(
            r.issues("errors"),
            (QStringList{
                QStringLiteral("0:title:invalid_value"),
                QStringLiteral("0:family_name:invalid_characters"),
                QStringLiteral("0:born_on:invalid_date"), QStringLiteral("0:gender:invalid_value"),
                QStringLiteral("0:email:invalid_format"), QStringLiteral("0:phone_number:not_e164"),
                QStringLiteral("0:identity_documents[0].unique_identifier:invalid_format"),
                QStringLiteral("0:identity_documents[0].issuing_country_code:unknown_country"),
                QStringLiteral("0:identity_documents[0].expires_on:expires_before_trip_end")}));
        QCOMPARE(r.issues("warnings"),
                 QStringList{QStringLiteral("0:given_name:not_mrz_spelling")});
        // The passport number is never echoed back.
        QVERIFY(!r.out.contains("a123"));
    }

    void providerExamplePassesWithAWarning() {
        const Run r =
            validate({QStringLiteral("--passengers"), data("passengers/provider-example.json"),
                      QStringLiteral("--international")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.issues("warnings"),
                 QStringList{QStringLiteral("0:phone_number:not_valid_for_region")});
    }

    void passportsOnlyWhenInternational() {
        const QString noPassport =
            writeFile("domestic.json", R"([{"given_name": "Ada", "family_name": "Eze",
            "born_on": "1990-01-01", "gender": "f", "email": "ada@example.com",
            "phone_number": "+2348031234567"}])");
        QCOMPARE(validate({QStringLiteral("--passengers"), noPassport,
                           QStringLiteral("--offer-file"), data("offers/los-abv-domestic.json")})
                     .exitCode,
                 0);
        const Run r = validate(
            {QStringLiteral("--passengers"), noPassport, QStringLiteral("--international")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.issues("errors"),
                 QStringList{QStringLiteral("0:identity_documents:passport_required")});
    }

    void countMismatchIsABookingLevelError() {
        const Run r =
            validate({QStringLiteral("--passengers"), data("passengers/provider-example.json"),
                      QStringLiteral("--offer-file"), data("offers/los-lhr-family.json")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.issues("errors").first(), QStringLiteral("null:passengers:count_mismatch"));
    }

    void unusableInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("stderrSays");
        QTest::newRow("no passengers option") << QStringList{} << QByteArray("--passengers");
        QTest::newRow("missing file")
            << QStringList{QStringLiteral("--passengers"), QStringLiteral("/nonexistent/p.json")}
            << QByteArray("cannot read");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--passengers"), data("passengers/family-valid.json"),
                           QStringLiteral("--frobnicate")}
            << QByteArray("frobnicate");
        QTest::newRow("offer and international")
            << QStringList{QStringLiteral("--passengers"), data("passengers/family-valid.json"),
                           QStringLiteral("--offer-file"), data("offers/los-lhr-family.json"),
                           QStringLiteral("--international")}
            << QByteArray("--international");
        QTest::newRow("bad departure date")
            << QStringList{QStringLiteral("--passengers"), data("passengers/family-valid.json"),
                           QStringLiteral("--departure-date"), QStringLiteral("2026-02-30")}
            << QByteArray("--departure-date");
        QTest::newRow("offer is a passenger list")
            << QStringList{QStringLiteral("--passengers"), data("passengers/family-valid.json"),
                           QStringLiteral("--offer-file"), data("passengers/family-valid.json")}
            << QByteArray("offer");
    }
    void unusableInput() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, stderrSays);
        const Run r = validate(args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1); // one clear line
        QVERIFY2(r.err.contains(stderrSays), r.err.constData());
    }

    void brokenOrWrongShapedFiles_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("broken json") << QByteArray("[{\"given_name\": ");
        QTest::newRow("object not array") << QByteArray("{\"given_name\": \"Ada\"}");
        QTest::newRow("array of numbers") << QByteArray("[1, 2, 3]");
        QTest::newRow("empty file") << QByteArray();
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe garbage", 12);
    }
    void brokenOrWrongShapedFiles() {
        QFETCH(QByteArray, content);
        const Run r = validate({QStringLiteral("--passengers"), writeFile("broken.json", content)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.err.startsWith("flightdesk validate: "));
    }

    // A line break at the end of a value is invisible in a terminal and in most editors; it is
    // a field error, never a valid passenger (and so never sent).
    void trailingLineBreaksAreFieldErrors() {
        const QString path = writeFile("newline.json", R"([{"title": "mr\n", "given_name": "Ada",
            "family_name": "Okafor", "born_on": "1988-04-17\n", "gender": "f",
            "email": "a@example.com", "phone_number": "+2348031234567\n",
            "identity_documents": [{"type": "passport", "unique_identifier": "A12345678\n",
            "issuing_country_code": "NG", "expires_on": "2031-05-02\r\n"}]}])");
        const Run r =
            validate({QStringLiteral("--passengers"), path, QStringLiteral("--international"),
                      QStringLiteral("--departure-date"), QStringLiteral("2026-12-10")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.issues("errors"),
                 (QStringList{
                     QStringLiteral("0:title:stray_whitespace"),
                     QStringLiteral("0:born_on:stray_whitespace"),
                     QStringLiteral("0:phone_number:stray_whitespace"),
                     QStringLiteral("0:identity_documents[0].unique_identifier:stray_whitespace"),
                     QStringLiteral("0:identity_documents[0].expires_on:stray_whitespace")}));
    }

    // Every file the desk reads has a cap (README: "Input sizes FlightDesk refuses"); a device
    // or a huge file is refused at once with one line, never read into memory.
    void oversizedInputIsRefused_data() {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("file"); // "big" = a 2 MiB passengers array
        QTest::addColumn<QByteArray>("stderrSays");
        QTest::newRow("passengers 2 MiB")
            << QStringLiteral("--passengers") << QStringLiteral("big")
            << QByteArray("is larger than 1 MiB; refusing to read it");
        QTest::newRow("passengers /dev/zero")
            << QStringLiteral("--passengers") << QStringLiteral("/dev/zero")
            << QByteArray("the passengers file /dev/zero is larger than 1 MiB");
        QTest::newRow("offer /dev/zero")
            << QStringLiteral("--offer-file") << QStringLiteral("/dev/zero")
            << QByteArray("the offer file /dev/zero is larger than 1 MiB");
        QTest::newRow("offer 2 MiB") << QStringLiteral("--offer-file") << QStringLiteral("big")
                                     << QByteArray("is larger than 1 MiB");
    }
    void oversizedInputIsRefused() {
        QFETCH(QString, option);
        QFETCH(QString, file);
        QFETCH(QByteArray, stderrSays);
        if (file == QLatin1String("big")) {
            // Valid JSON, so only its size can make it unusable.
            const QByteArray pad(2 * 1024 * 1024, ' ');
            file = writeFile("big.json", "[" + pad + "]");
        }
        QStringList args{QStringLiteral("--passengers"), data("passengers/family-valid.json")};
        if (option == QLatin1String("--passengers"))
            args = QStringList{};
        args << option << file;
        QElapsedTimer timer;
        timer.start();
        const Run r = validate(args);
        QVERIFY2(timer.elapsed() < 10000, "took too long");
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains(stderrSays), r.err.constData());
    }

    void wrongFieldTypesAreFieldErrorsNotCrashes() {
        const QString path =
            writeFile("types.json", R"([{"given_name": ["Ada"], "family_name": null,
            "born_on": 1990, "gender": true, "email": {}, "phone_number": 2348031234567,
            "identity_documents": [42]}])");
        const Run r =
            validate({QStringLiteral("--passengers"), path, QStringLiteral("--international")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(
            r.issues("errors"),
            (QStringList{
                QStringLiteral("0:family_name:required"), QStringLiteral("0:given_name:wrong_type"),
                QStringLiteral("0:born_on:wrong_type"), QStringLiteral("0:gender:wrong_type"),
                QStringLiteral("0:email:wrong_type"), QStringLiteral("0:phone_number:wrong_type"),
                QStringLiteral("0:identity_documents[0]:wrong_type")}));
    }
};

QTEST_GUILESS_MAIN(TestValidateCommand)
#include "tst_validatecommand.moc"
