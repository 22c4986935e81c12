#include "validatecommand.h"

#include "core/boundedfile.h"
#include "core/fieldrules.h"
#include "core/jsonarraystream.h"
#include "core/limits.h"
#include "core/offer.h"
#include "core/passengervalidation.h"
#include "core/result.h"
#include "desk/providers.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>

namespace fd::cli {
namespace {

Result<QJsonDocument> readJsonFile(const QString &path, const char *what, qint64 cap) {
    const auto bytes =
        readBoundedFile(path, cap, QStringLiteral("the %1 file").arg(QLatin1String(what)));
    if (!bytes)
        return bytes.error();
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{QStringLiteral("broken_json"),
                     QStringLiteral("the %1 file %2 is not valid JSON (%3 at byte %4)")
                         .arg(QLatin1String(what), path, parseError.errorString())
                         .arg(parseError.offset)};
    return doc;
}

QJsonArray toJson(const QList<Issue> &issues) {
    QJsonArray out;
    for (const Issue &i : issues)
        out.append(QJsonObject{
            {QStringLiteral("passenger"), i.passenger < 0 ? QJsonValue() : QJsonValue(i.passenger)},
            {QStringLiteral("field"), i.field},
            {QStringLiteral("code"), i.code},
            {QStringLiteral("message"), i.message}});
    return out;
}

int unusable(QTextStream &err, const QString &message) {
    err << "flightdesk validate: " << message << '\n';
    return 1;
}

// Issues as compact JSON, comma-separated, into a temporary file (owner-only, removed on
// close): the output is written once everything is read, so an unusable file prints nothing on
// stdout, and memory holds no more than one passenger's issues however many there are.
struct IssueSpool {
    QTemporaryFile file;
    qint64 count = 0;

    bool open() { return file.open(); }
    void add(const QList<Issue> &issues) {
        const QJsonArray json = toJson(issues);
        for (const QJsonValue &v : json) {
            if (count++ > 0)
                file.write(",");
            file.write(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        }
    }
    void copyTo(QTextStream &out) {
        out.flush();
        file.seek(0);
        while (!file.atEnd())
            out << file.read(64 * 1024);
    }
};

// The passengers file, one passenger at a time (JsonArrayStream): a file of any length up to
// the cap is checked in the memory of one passenger.
int validateStream(const QString &path, const Trip &trip, QTextStream &out, QTextStream &err) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return unusable(
            err,
            QStringLiteral("cannot read the passengers file %1: %2").arg(path, file.errorString()));
    if (!file.isSequential() && file.size() > limits::kValidateFileBytes)
        return unusable(err, QStringLiteral("the passengers file %1 is larger than %2; refusing "
                                            "to read it")
                                 .arg(path, sizeText(limits::kValidateFileBytes)));
    IssueSpool errors;
    IssueSpool warnings;
    if (!errors.open() || !warnings.open())
        return unusable(
            err,
            QStringLiteral("cannot write a temporary file: %1").arg(errors.file.errorString()));
    const QDate today = QDate::currentDate();
    JsonArrayStream stream(&file, limits::kPassengerJsonBytes);
    for (;;) {
        const auto element = stream.next();
        if (!element)
            return unusable(err, element.error().code == QLatin1String("too_large")
                                     ? QStringLiteral("the passengers file %1: %2; refusing to "
                                                      "read it")
                                           .arg(path, element.error().message)
                                     : QStringLiteral("the passengers file %1 is not a JSON "
                                                      "array of passenger objects: %2")
                                           .arg(path, element.error().message));
        if (!*element)
            break;
        const int index = stream.count() - 1;
        const auto read = passengersFromJson(QJsonArray{**element});
        if (!read)
            return unusable(err, QStringLiteral("passenger %1 of %2: %3")
                                     .arg(index)
                                     .arg(path, read.error().message));
        Report typeIssues;
        for (Issue issue : read->typeIssues.errors) {
            issue.passenger = index;
            typeIssues.add(issue);
        }
        Report report = validatePassenger(read->passengers.first(), index, trip, today);
        foldTypeIssues(report, typeIssues);
        errors.add(report.errors);
        warnings.add(report.warnings);
    }
    const Report list = validatePassengerCount(stream.count(), trip);
    const bool valid = list.errors.isEmpty() && errors.count == 0;
    out << "{\"valid\":" << (valid ? "true" : "false") << ",\"errors\":[";
    const QJsonArray listErrors = toJson(list.errors);
    for (qsizetype i = 0; i < listErrors.size(); ++i)
        out << (i > 0 ? "," : "")
            << QJsonDocument(listErrors.at(i).toObject()).toJson(QJsonDocument::Compact);
    if (!listErrors.isEmpty() && errors.count > 0)
        out << ",";
    errors.copyTo(out);
    out << "],\"warnings\":[";
    warnings.copyTo(out);
    out << "]}\n";
    return valid ? 0 : 2;
}

} // namespace

int runValidate(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    QCommandLineParser parser;
    const QCommandLineOption passengersOpt(QStringLiteral("passengers"),
                                           QStringLiteral("JSON array of passengers"),
                                           QStringLiteral("FILE"));
    const QCommandLineOption offerOpt(
        QStringLiteral("offer-file"),
        QStringLiteral("the offer, as GET /v1/air/offers/:id returns it"),
        QStringLiteral("OFFER.json"));
    const QCommandLineOption intlOpt(
        QStringLiteral("international"),
        QStringLiteral("the trip crosses a border (passports needed)"));
    const QCommandLineOption dateOpt(
        QStringLiteral("departure-date"),
        QStringLiteral("first departure, for ages and passport expiry"),
        QStringLiteral("YYYY-MM-DD"));
    parser.addOptions({passengersOpt, offerOpt, intlOpt, dateOpt});
    if (!parser.parse(arguments)) // arguments[0] is "validate", in the program name's place
        return unusable(err, parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return unusable(err, QStringLiteral("unexpected argument ") +
                                 parser.positionalArguments().first());
    if (!parser.isSet(passengersOpt))
        return unusable(err, QStringLiteral("--passengers FILE is required"));
    if (parser.isSet(offerOpt) && (parser.isSet(intlOpt) || parser.isSet(dateOpt)))
        return unusable(err, QStringLiteral("--offer-file already says whether the trip is "
                                            "international and when it departs; drop "
                                            "--international and --departure-date"));

    Trip trip;
    if (parser.isSet(offerOpt)) {
        const auto doc = readJsonFile(parser.value(offerOpt), "offer", limits::kOfferFileBytes);
        if (!doc)
            return unusable(err, doc.error().message);
        // An offer file is in Travelbase's shape (every command's default provider).
        const auto offer = desk::offerFromJson(QStringLiteral("travelbase"), doc->object());
        if (!doc->isObject() || !offer)
            return unusable(err, offer ? QStringLiteral("the offer file is not a JSON object")
                                       : offer.error().message);
        trip = offer->trip();
    } else {
        trip.international = parser.isSet(intlOpt);
        if (parser.isSet(dateOpt)) {
            const auto date = rules::isoDate(parser.value(dateOpt));
            if (!date)
                return unusable(err, QStringLiteral("--departure-date must be a real date as "
                                                    "YYYY-MM-DD, not ") +
                                         parser.value(dateOpt));
            trip.firstDeparture = trip.lastArrival = *date;
        }
    }

    return validateStream(parser.value(passengersOpt), trip, out, err);
}

} // namespace fd::cli
