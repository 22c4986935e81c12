// A JSON array read one element at a time: what it returns for well-formed arrays (strings
// holding brackets, commas and escaped quotes, nested values, elements across read blocks), and
// the error it names for each way a file can be wrong, with the byte where it went wrong.
#include "core/jsonarraystream.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace fd;

namespace {

struct Read {
    QList<QJsonValue> elements;
    std::optional<Error> error;
};

Read readAll(const QByteArray &bytes, qint64 cap = 64 * 1024) {
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    JsonArrayStream stream(&buffer, cap);
    Read out;
    for (int guard = 0; guard < 100000; ++guard) {
        auto next = stream.next();
        if (!next) {
            out.error = next.error();
            return out;
        }
        if (!*next)
            return out;
        out.elements.append(**next);
    }
    qFatal("the stream never ended");
}

} // namespace

class TestJsonArrayStream final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsWhatQJsonDocumentReads_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray(" [ ] \n");
        QTest::newRow("objects") << QByteArray("[{\"a\": 1}, {\"b\": [1, 2, {\"c\": \"]\"}]}]");
        QTest::newRow("strings with brackets and commas") << QByteArray(
            "[\"a,b\", \"]\", \"[{\", \"say \\\"hi\\\", ok\", \"\\\\\", \"\\\\\\\"\"]");
        QTest::newRow("scalars and nesting")
            << QByteArray("[1, -2.5e3, true, false, null, [], {}, [[[]]], \"\"]");
        QTest::newRow("whitespace everywhere") << QByteArray("\n\t[\r\n 1 \n,\n 2\t]\n");
        QTest::newRow("unicode") << QByteArray("[\"Adaézé\", \"\\u00e9\"]");
    }
    void readsWhatQJsonDocumentReads() {
        QFETCH(QByteArray, json);
        const Read r = readAll(json);
        QVERIFY2(!r.error, r.error ? qPrintable(r.error->message) : "");
        const QJsonArray expected = QJsonDocument::fromJson(json).array();
        QCOMPARE(r.elements.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(r.elements.at(i), expected.at(i));
    }

    // Elements of 40 kB across the 64 KiB read blocks, and many small ones.
    void elementsAcrossReadBlocks() {
        QByteArray json = "[";
        QJsonArray expected;
        for (int i = 0; i < 12; ++i) {
            const QString s = QString(40000 + i, QLatin1Char('a' + i));
            expected.append(QJsonObject{{QStringLiteral("n"), i}, {QStringLiteral("s"), s}});
            json += (i ? "," : "") + QJsonDocument(QJsonArray{expected.last()})
                                         .toJson(QJsonDocument::Compact)
                                         .chopped(1)
                                         .mid(1);
        }
        for (int i = 0; i < 20000; ++i) {
            expected.append(i);
            json += ',' + QByteArray::number(i);
        }
        json += ']';
        const Read r = readAll(json);
        QVERIFY(!r.error);
        QCOMPARE(r.elements.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(r.elements.at(i), expected.at(i));
    }

    void namesWhatIsWrong_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("readFirst"); // elements returned before the error
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty file") << QByteArray() << 0 << "not_array"
                                    << "does not hold";
        QTest::newRow("an object") << QByteArray("{\"a\": 1}") << 0 << "not_array"
                                   << "array";
        QTest::newRow("binary") << QByteArray("\x00\xff", 2) << 0 << "not_array"
                                << "array";
        QTest::newRow("trailing comma") << QByteArray("[1, 2,]") << 2 << "broken_json"
                                        << "a comma before the closing bracket at byte 6";
        QTest::newRow("missing comma") << QByteArray("[{} {}]") << 0 << "broken_json"
                                       << "in element 0, at byte";
        QTest::newRow("ends inside") << QByteArray("[{\"a\": 1}, {\"b\": ") << 1 << "broken_json"
                                     << "the file ends inside element 1";
        QTest::newRow("ends after a comma") << QByteArray("[1,") << 1 << "broken_json"
                                            << "ends inside the array";
        QTest::newRow("garbage after") << QByteArray("[1] x") << 1 << "broken_json"
                                       << "something after the array";
        QTest::newRow("bad element") << QByteArray("[1, {\"a\" 1}]") << 1 << "broken_json"
                                     << "in element 1, at byte";
        // Found by fuzzing against QJsonDocument: a form feed is not JSON whitespace.
        QTest::newRow("form feed") << QByteArray("[1, {\"a\": \"]\"}\f]") << 1 << "broken_json"
                                   << "in element 1, at byte";
        QTest::newRow("empty element") << QByteArray("[,1]") << 0 << "broken_json"
                                       << "an empty element";
        QTest::newRow("too large")
            << QByteArray("[1, \"" + QByteArray(200, 'x') + "\"]") << 1 << "too_large"
            << "element 1 (at byte 4) is larger than 100";
    }
    void namesWhatIsWrong() {
        QFETCH(QByteArray, json);
        QFETCH(int, readFirst);
        QFETCH(QString, code);
        QFETCH(QString, says);
        const Read r = readAll(json, 100);
        QVERIFY(r.error);
        QCOMPARE(r.elements.size(), readFirst);
        QCOMPARE(r.error->code, code);
        QVERIFY2(r.error->message.contains(says), qPrintable(r.error->message));
    }
};

QTEST_GUILESS_MAIN(TestJsonArrayStream)
#include "tst_jsonarraystream.moc"
