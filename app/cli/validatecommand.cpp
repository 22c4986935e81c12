#include "validatecommand.h"

#include "core/boundedfile.h"
#include "core/fieldrules.h"
#include "core/limits.h"
#include "core/offer.h"
#include "core/passengervalidation.h"
#include "core/result.h"
#include "desk/providers.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

    const auto doc =
        readJsonFile(parser.value(passengersOpt), "passengers", limits::kPassengersFileBytes);
    if (!doc)
        return unusable(err, doc.error().message);
    if (!doc->isArray())
        return unusable(err, QStringLiteral("the passengers file must hold a JSON array of "
                                            "passenger objects"));
    const auto list = passengersFromJson(doc->array());
    if (!list)
        return unusable(err, list.error().message);

    const Report report = validatePassengers(*list, trip, QDate::currentDate());
    const QJsonObject result{{QStringLiteral("valid"), report.valid()},
                             {QStringLiteral("errors"), toJson(report.errors)},
                             {QStringLiteral("warnings"), toJson(report.warnings)}};
    out << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return report.valid() ? 0 : 2;
}

} // namespace fd::cli
