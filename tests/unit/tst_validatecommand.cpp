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
    // or a huge file is refused at once with one line, never read into memory. The passengers
    // file is read one passenger at a time: the file's cap is 1 GiB, each passenger's 64 KiB.
    void oversizedInputIsRefused_data() {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>(
            "file"); // "huge": a sparse file past 1 GiB; "fat": a passenger of 70 kB
        QTest::addColumn<QByteArray>("stderrSays");
        QTest::newRow("passengers past 1 GiB")
            << QStringLiteral("--passengers") << QStringLiteral("huge")
            << QByteArray("is larger than 1024 MiB; refusing to read it");
        QTest::newRow("one passenger of 70 kB")
            << QStringLiteral("--passengers") << QStringLiteral("fat")
            << QByteArray("fat.json: element 1 (at byte 5) is larger than 64 KiB; refusing");
        QTest::newRow("passengers /dev/zero")
            << QStringLiteral("--passengers") << QStringLiteral("/dev/zero")
            << QByteArray("the passengers file /dev/zero is not a JSON array of passenger "
                          "objects: it does not hold a JSON array");
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
        } else if (file == QLatin1String("huge")) {
            file = writeFile("huge.json", "[");
            QFile f(file);
            QVERIFY(f.resize(1024LL * 1024 * 1024 + 1)); // sparse: nothing is written
        } else if (file == QLatin1String("fat")) {
            file =
                writeFile("fat.json", "[{}, {\"given_name\": \"" + QByteArray(70000, 'a') + "\"}]");
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

    // A long file is checked passenger by passenger (the memory of one: tests/bench measures
    // it), every finding named by its passenger's place in the file; a file that breaks after
    // thousands of good passengers still prints nothing on stdout.
    void aLongFileIsCheckedToTheEnd() {
        const QByteArray one = R"({"title": "ms", "given_name": "Amara", "family_name": "Nwosu",
            "born_on": "1985-09-30", "gender": "f", "email": "amara@example.com",
            "phone_number": "+2348031234567", "identity_documents": [{"type": "passport",
            "unique_identifier": "A12345678", "issuing_country_code": "NG",
            "expires_on": "2036-03-31"}]})";
        QByteArray many = "[";
        for (int i = 0; i < 5000; ++i)
            many += one + ",\n";
        QByteArray last = one;
        last.replace("+2348031234567", "0803 123 4567");
        const QString path = writeFile("many.json", many + last + "]");
        const QStringList args{QStringLiteral("--international"),
                               QStringLiteral("--departure-date"), QStringLiteral("2026-12-20")};
        Run r = validate(QStringList{QStringLiteral("--passengers"), path} + args);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.issues("errors"), QStringList{QStringLiteral("5000:phone_number:not_e164")});
        QCOMPARE(r.json().value(QLatin1String("valid")).toBool(true), false);

        const QString broken = writeFile("broken-late.json", many + "{\"given_name\": ");
        r = validate(QStringList{QStringLiteral("--passengers"), broken} + args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("the file ends inside element 5000"), r.err.constData());
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
