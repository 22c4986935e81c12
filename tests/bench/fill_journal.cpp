// fill_journal PATH COUNT [--api-only]: writes COUNT realistic checkout intents into the order
// journal at PATH (created if missing) for the journal benchmark (tests/bench/journal_bench.sh).
//
// The mix follows a busy desk: most intents ticketed, some failed, rejected or cancelled, a few
// drafts still in progress, each with the state, attempt, webhook and provider events the
// checkout flow writes. None is sent-but-unfinished: the window would resume those at start,
// and the bench compares journal sizes, not resumes.
// Every intent goes through fd::OrderJournal, one durable transaction per call as the desk does
// it, so a real journal's shape (bodies, erased PII, events) is what the bench reads. That costs
// ~10 fsyncs per intent; to stay well under a minute the first TEMPLATES intents are written
// through the API and the rest are copies of them made with INSERT ... SELECT on a raw
// connection (new keys, order ids and event ids, same columns as journalschema.cpp). Pass
// --api-only to write every intent through the API (and see how long that takes).
// Prints one line: how many, how long, and the per-intent time through the API.
#include "core/clock.h"
#include "storage/orderjournal.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <cstdio>
#include <cstring>

namespace {

constexpr int kTemplates = 100;

QString str(const char *latin1) {
    return QString::fromLatin1(latin1);
}

struct Route {
    const char *from, *fromCountry, *to, *toCountry, *carrier;
};
constexpr Route kRoutes[] = {{"LOS", "NG", "LHR", "GB", "BA"},
                             {"LOS", "NG", "ABV", "NG", "P4"},
                             {"ABV", "NG", "DXB", "AE", "EK"},
                             {"LOS", "NG", "ACC", "GH", "KQ"},
                             {"PHC", "NG", "LOS", "NG", "W3"}};
constexpr const char *kGiven[] = {"Amara", "Chidi", "Ngozi", "Tunde", "Zainab", "Emeka", "Bisi"};
constexpr const char *kFamily[] = {"Nwosu", "Okafor", "Adeyemi", "Bello", "Eze", "Musa"};

QJsonObject offerFor(int n) {
    const Route &r = kRoutes[n % std::size(kRoutes)];
    const QString day = QStringLiteral("2026-12-%1").arg(1 + n % 28, 2, 10, QLatin1Char('0'));
    const QString departs = day + QStringLiteral("T08:00:00Z");
    const QString arrives = day + QStringLiteral("T14:30:00Z");
    const QString expires = day + QStringLiteral("T07:00:00Z");
    const QString amount = QString::number(95 + (n * 37) % 900) + QStringLiteral(".00");
    const auto place = [](const char *code, const char *country) {
        return QJsonObject{{QStringLiteral("iata_code"), str(code)},
                           {QStringLiteral("country_code"), str(country)}};
    };
    const QJsonObject segment{
        {QStringLiteral("marketing_carrier"), str(r.carrier)},
        {QStringLiteral("flight_number"), QString(str(r.carrier) + QString::number(100 + n % 900))},
        {QStringLiteral("origin"), str(r.from)},
        {QStringLiteral("destination"), str(r.to)},
        {QStringLiteral("departing_at"), departs},
        {QStringLiteral("arriving_at"), arrives}};
    return {{QStringLiteral("id"), QStringLiteral("off_%1").arg(n, 6, 10, QLatin1Char('0'))},
            {QStringLiteral("expires_at"), expires},
            {QStringLiteral("total_amount"), amount},
            {QStringLiteral("total_currency"), QStringLiteral("USD")},
            {QStringLiteral("owner"), QJsonObject{{QStringLiteral("iata_code"), str(r.carrier)}}},
            {QStringLiteral("slices"),
             QJsonArray{QJsonObject{{QStringLiteral("origin"), place(r.from, r.fromCountry)},
                                    {QStringLiteral("destination"), place(r.to, r.toCountry)},
                                    {QStringLiteral("departing_at"), departs},
                                    {QStringLiteral("arriving_at"), arrives},
                                    {QStringLiteral("segments"), QJsonArray{segment}}}}},
            {QStringLiteral("passengers"),
             QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("pas_1")},
                                    {QStringLiteral("type"), QStringLiteral("adult")}}}},
            {QStringLiteral("passenger_identity_documents_required"),
             std::strcmp(r.fromCountry, r.toCountry) != 0}};
}

QJsonArray passengersFor(int n) {
    const QString given = str(kGiven[n % std::size(kGiven)]);
    const QString family = str(kFamily[(n / 7) % std::size(kFamily)]);
    return {QJsonObject{
        {QStringLiteral("id"), QStringLiteral("pas_1")},
        {QStringLiteral("title"), QStringLiteral("ms")},
        {QStringLiteral("given_name"), given},
        {QStringLiteral("family_name"), family},
        {QStringLiteral("born_on"), QStringLiteral("1985-09-30")},
        {QStringLiteral("gender"), QStringLiteral("f")},
        {QStringLiteral("email"), QString(given.toLower() + QLatin1Char('.') + family.toLower() +
                                          QStringLiteral("@example.com"))},
        {QStringLiteral("phone_number"), QStringLiteral("+2348031234567")},
        {QStringLiteral("identity_documents"),
         QJsonArray{QJsonObject{
             {QStringLiteral("type"), QStringLiteral("passport")},
             {QStringLiteral("unique_identifier"), QStringLiteral("A%1").arg(10000000 + n)},
             {QStringLiteral("issuing_country_code"), QStringLiteral("NG")},
             {QStringLiteral("expires_on"), QStringLiteral("2036-03-31")}}}}}};
}

bool check(const fd::Result<std::monostate> &r, const char *what) {
    if (!r)
        std::fprintf(stderr, "fill_journal: %s: %s\n", what, qPrintable(r.error().message));
    return r.ok();
}

// One intent the way the checkout flow writes it; n picks its fate.
bool writeIntent(fd::OrderJournal &j, fd::ManualClock &clock, int n) {
    using S = fd::CheckoutState;
    clock.advance(17 * 60 * 1000 + (n % 13) * 1000); // a checkout every ~17 minutes
    const QJsonObject offer = offerFor(n);
    const QString provider =
        n % 4 == 3 ? QStringLiteral("travomatrix") : QStringLiteral("travelbase");
    auto intent =
        j.createIntent(offer.value(str("id")).toString(), offer, passengersFor(n), provider);
    if (!intent) {
        std::fprintf(stderr, "fill_journal: createIntent: %s\n",
                     qPrintable(intent.error().message));
        return false;
    }
    const qint64 id = intent->id;
    // 0-13 ticketed, 14-16 failed, 17 rejected, 18 cancelled, 19 a draft still being edited.
    const int fate = n % 20;
    if (!check(j.setState(id, S::Editing), "editing"))
        return false;
    if (fate == 19)
        return true; // in progress with the agent: nothing sent, so the desk never resumes it
    if (!check(j.setState(id, S::Validating), "validating") ||
        !check(j.setState(id, S::Creating), "creating"))
        return false;
    const QByteArray body = QByteArrayLiteral("{\"data\":{\"selected_offers\":[\"") +
                            offer.value(str("id")).toString().toUtf8() +
                            QByteArrayLiteral("\"],\"type\":\"instant\"}}");
    if (!check(j.freezeBody(id, body), "freezeBody"))
        return false;
    clock.advance(900);
    j.recordAttempt(id, {{QStringLiteral("call"), QStringLiteral("create")},
                         {QStringLiteral("attempt"), 1},
                         {QStringLiteral("status"), fate == 17 ? 422 : 201},
                         {QStringLiteral("ms"), 300 + n % 500}});
    if (fate == 17) {
        j.setState(id, S::Rejected,
                   {{QStringLiteral("code"), QStringLiteral("offer_no_longer_available")}});
        return check(
            j.setOutcome(id, S::Rejected, QStringLiteral("The offer is no longer available.")),
            "outcome");
    }
    const QString order = QStringLiteral("ord_%1").arg(n, 8, 10, QLatin1Char('0'));
    if (!check(j.recordCreateResponse(
                   id, order, QStringLiteral("R%1").arg(n, 5, 36, QLatin1Char('0')).toUpper()),
               "recordCreateResponse"))
        return false;
    j.recordProviderStatus(id, fd::ProviderStatus::Pending);
    j.setState(id, S::Ticketing);
    j.recordTicketKey(id);
    clock.advance(1200);
    j.setState(id, S::Processing);
    j.recordProviderStatus(id, fd::ProviderStatus::InProgress);
    clock.advance(30000);
    if (fate <= 13) {
        const QJsonArray tickets{
            QJsonObject{{QStringLiteral("passenger_id"), QStringLiteral("pas_1")},
                        {QStringLiteral("number"), QStringLiteral("125%1").arg(1000000000 + n)}}};
        j.applyWebhook(QStringLiteral("evt_%1").arg(n), order, fd::ProviderStatus::Ticketed,
                       {{QStringLiteral("type"), QStringLiteral("order.ticketed")}}, tickets);
        j.recordETickets(id, tickets);
        j.setState(id, S::Ticketed);
        check(j.setOutcome(id, S::Ticketed, QStringLiteral("Ticketed.")), "outcome");
    } else {
        const bool cancelled = fate == 18;
        j.recordProviderStatus(id, cancelled ? fd::ProviderStatus::Cancelled
                                             : fd::ProviderStatus::Failed);
        j.setState(id, cancelled ? S::Cancelled : S::Failed,
                   {{QStringLiteral("reason"), cancelled ? QStringLiteral("airline_cancelled")
                                                         : QStringLiteral("ticketing_failed")}});
        check(j.setOutcome(id, cancelled ? S::Cancelled : S::Failed,
                           cancelled ? QStringLiteral("The airline cancelled the order.")
                                     : QStringLiteral("Ticketing failed; nothing was charged.")),
              "outcome");
    }
    return check(j.markOutcomeShown(id), "markOutcomeShown");
}

bool exec(QSqlQuery &q, const QString &sql) {
    if (q.exec(sql))
        return true;
    std::fprintf(stderr, "fill_journal: %s\n  %s\n", qPrintable(q.lastError().text()),
                 qPrintable(sql));
    return false;
}

// Copies intents 1..templates (and their events) until the journal holds `count` intents.
bool copyTemplates(const QString &path, int templates, int count) {
    bool ok = true;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fill"));
        db.setDatabaseName(path);
        if (!db.open()) {
            std::fprintf(stderr, "fill_journal: %s\n", qPrintable(db.lastError().text()));
            return false;
        }
        QSqlQuery q(db);
        ok = exec(q, QStringLiteral("BEGIN IMMEDIATE"));
        for (int have = templates, round = 1; ok && have < count; ++round) {
            const int take = qMin(templates, count - have);
            const QString off = QString::number(have);
            const QString sfx = QStringLiteral("'_c%1'").arg(round);
            // A UUID v4-shaped key, unique per row.
            const QString uuid = QStringLiteral(
                "lower(substr(hex(randomblob(4)),1,8)||'-'||substr(hex(randomblob(2)),1,4)||'-4'||"
                "substr(hex(randomblob(2)),2,3)||'-a'||substr(hex(randomblob(2)),2,3)||'-'||"
                "substr(hex(randomblob(6)),1,12))");
            ok = exec(q,
                      QStringLiteral(
                          "INSERT INTO intents (id, idempotency_key, superseded_key, offer_id, "
                          "offer_json, passengers_json, request_body, state, order_id, "
                          "booking_reference, ticket_key, e_tickets_json, outcome, "
                          "outcome_message, created_at, updated_at, lease_owner, "
                          "lease_expires_ms, outcome_shown_at, provider_status, provider) "
                          "SELECT id + %1, %2, superseded_key, offer_id, offer_json, "
                          "passengers_json, request_body, state, order_id || %3, "
                          "booking_reference, CASE WHEN ticket_key IS NULL THEN NULL ELSE %2 END, "
                          "e_tickets_json, outcome, outcome_message, created_at, updated_at, "
                          "NULL, 0, outcome_shown_at, provider_status, provider "
                          "FROM intents WHERE id <= %4 ORDER BY id")
                          .arg(off, uuid, sfx, QString::number(take))) &&
                 exec(q, QStringLiteral(
                             "INSERT INTO events (intent_id, order_id, kind, at, detail_json, "
                             "webhook_event_id, webhook_state) "
                             "SELECT intent_id + %1, order_id || %2, kind, at, detail_json, "
                             "webhook_event_id || %2, webhook_state FROM events "
                             "WHERE intent_id <= %3 ORDER BY id")
                             .arg(off, sfx, QString::number(take)));
            have += take;
        }
        ok = ok && exec(q, QStringLiteral("COMMIT"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fill"));
    return ok;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    bool countOk = false;
    const int count = args.size() >= 3 ? args.at(2).toInt(&countOk) : 0;
    if (!countOk || count < 1) {
        std::fprintf(stderr, "usage: fill_journal PATH COUNT [--api-only]\n");
        return 2;
    }
    const bool apiOnly = args.contains(QStringLiteral("--api-only"));
    const int viaApi = apiOnly ? count : qMin(count, kTemplates);

    QElapsedTimer timer;
    timer.start();
    fd::ManualClock clock(QDateTime(QDate(2025, 6, 1), QTime(8, 0), Qt::UTC));
    {
        fd::OrderJournal journal(&clock);
        if (auto opened = journal.open(args.at(1)); !opened) {
            std::fprintf(stderr, "fill_journal: %s\n", qPrintable(opened.error().message));
            return 1;
        }
        if (journal.all().value_or({}).size() != 0) {
            std::fprintf(stderr, "fill_journal: %s is not empty\n", qPrintable(args.at(1)));
            return 1;
        }
        for (int n = 0; n < viaApi; ++n)
            if (!writeIntent(journal, clock, n))
                return 1;
        journal.close();
    }
    const double apiMs = double(timer.elapsed());
    if (viaApi < count && !copyTemplates(args.at(1), viaApi, count))
        return 1;
    std::printf("fill_journal: %d intents in %.1f s (%d through OrderJournal at %.1f ms each, "
                "%d copied with SQL)\n",
                count, double(timer.elapsed()) / 1000.0, viaApi, apiMs / viaApi, count - viaApi);
    return 0;
}
