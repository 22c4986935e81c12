// validate_bench COUNT [invalid]: the passenger validation's cost, for the desk bench
// (tests/bench/desk_bench.sh). Builds COUNT international adults as a passengers file holds
// them (JSON bytes; with `invalid`, every one with a bad phone, e-mail and passport expiry),
// then, ROUNDS times: reading them (JSON → passengers: the reference) and validating what was
// read (fd::validatePassengers, the rules the API applies), each timed. Prints
//   "read_us=<µs per passenger> validate_us=<µs per passenger> ratio=<validate/read>"
// one line a round. Peak memory is the caller's to measure (benchrun's maxrss_kb).
// validate_bench COUNT [invalid] --write FILE: only writes that passengers file (for
// `flightdesk validate`, whose peak memory the bench measures too).
#include "core/offer.h"
#include "core/passenger.h"
#include "core/passengervalidation.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace {

QJsonObject passenger(int i, bool invalid) {
    const QString n = QString::number(i);
    return QJsonObject{
        {QStringLiteral("title"), QStringLiteral("ms")},
        {QStringLiteral("given_name"), QStringLiteral("Amara")},
        {QStringLiteral("family_name"),
         QString(QStringLiteral("Nwosu") + QChar(char16_t(u'a' + i % 26)))},
        {QStringLiteral("born_on"), QStringLiteral("1985-09-30")},
        {QStringLiteral("gender"), QStringLiteral("f")},
        {QStringLiteral("email"), invalid ? QString(QStringLiteral("amara.nwosu@") + n)
                                          : QStringLiteral("amara%1@example.com").arg(n)},
        {QStringLiteral("phone_number"),
         invalid ? QStringLiteral("0803 123 4567")
                 : QStringLiteral("+234803%1").arg(1000000 + i % 9000000)},
        {QStringLiteral("identity_documents"),
         QJsonArray{
             QJsonObject{{QStringLiteral("type"), QStringLiteral("passport")},
                         {QStringLiteral("unique_identifier"),
                          QStringLiteral("A%1").arg(i, 8, 10, QChar(u'0'))},
                         {QStringLiteral("issuing_country_code"), QStringLiteral("NG")},
                         {QStringLiteral("expires_on"), invalid ? QStringLiteral("2026-12-10")
                                                                : QStringLiteral("2036-03-31")}}}}};
}

QByteArray passengersFile(int count, bool invalid) {
    QJsonArray people;
    for (int i = 0; i < count; ++i)
        people.append(passenger(i, invalid));
    return QJsonDocument(people).toJson(QJsonDocument::Compact);
}

// The same file written one passenger at a time, so a large one costs no memory here either.
bool writePassengersFile(const QString &path, int count, bool invalid) {
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return false;
    out.write("[");
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            out.write(",\n");
        out.write(QJsonDocument(passenger(i, invalid)).toJson(QJsonDocument::Compact));
    }
    return out.write("]\n") == 2 && out.flush();
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int count = args.value(1).toInt();
    const bool invalid = args.value(2) == QLatin1String("invalid");
    const int rounds =
        qEnvironmentVariableIntValue("ROUNDS") > 0 ? qEnvironmentVariableIntValue("ROUNDS") : 5;
    if (count <= 0) {
        std::fprintf(stderr, "usage: validate_bench COUNT [invalid]\n");
        return 2;
    }
    if (const qsizetype at = args.indexOf(QStringLiteral("--write")); at > 0) {
        if (writePassengersFile(args.value(at + 1), count, invalid))
            return 0;
        std::fprintf(stderr, "cannot write %s\n", qPrintable(args.value(at + 1)));
        return 1;
    }
    const QByteArray bytes = passengersFile(count, invalid);
    fd::Trip trip;
    trip.international = true;
    trip.firstDeparture = trip.lastArrival = QDate(2026, 12, 20);
    const QDate today(2026, 12, 1);
    int errors = 0;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer t;
        t.start();
        const auto list = fd::passengersFromJson(QJsonDocument::fromJson(bytes).array());
        const double readUs = double(t.nsecsElapsed()) / 1e3 / count;
        if (!list) {
            std::fprintf(stderr, "the passengers did not read back\n");
            return 1;
        }
        t.restart();
        const fd::Report report = fd::validatePassengers(*list, trip, today);
        const double validateUs = double(t.nsecsElapsed()) / 1e3 / count;
        errors = int(report.errors.size());
        std::printf("read_us=%.3f validate_us=%.3f ratio=%.3f\n", readUs, validateUs,
                    validateUs / readUs);
    }
    std::fprintf(stderr, "%d passengers, %d errors\n", count, errors);
    return 0;
}
