// Whole-passenger and whole-booking validation: ages against the offer's types, passports on
// international trips, counts, and every failure reported at once.
#include "api/travelbasejson.h"
#include "core/offer.h"
#include "core/passengervalidation.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "testdata.h"

using namespace fd;

namespace {
const QDate kToday(2026, 11, 23);

Passenger adult() {
    return {{},
            {},
            QStringLiteral("mr"),
            QStringLiteral("Adebayo"),
            QStringLiteral("Okafor"),
            QStringLiteral("1988-04-17"),
            QStringLiteral("m"),
            QStringLiteral("a@example.com"),
            QStringLiteral("+2348031234567"),
            {{QStringLiteral("passport"), QStringLiteral("A12345678"), QStringLiteral("NG"),
              QStringLiteral("2031-05-02")}}};
}

Trip international() {
    Trip t;
    t.international = true;
    t.firstDeparture = QDate(2026, 12, 10);
    t.lastArrival = QDate(2026, 12, 25);
    return t;
}

QStringList codes(const QList<Issue> &issues) {
    QStringList out;
    for (const Issue &i : issues)
        out << QStringLiteral("%1:%2:%3").arg(i.passenger).arg(i.field, i.code);
    return out;
}
} // namespace

class TestPassengerValidation final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void ageAgainstType_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("bornOn");
        QTest::addColumn<bool>("ok");
        // First departure 2026-12-10.
        QTest::newRow("adult turns 12 on departure") << "adult"
                                                     << "2014-12-10" << true;
        QTest::newRow("adult 12 the day after") << "adult"
                                                << "2014-12-11" << false;
        QTest::newRow("child 11") << "child"
                                  << "2014-12-11" << true;
        QTest::newRow("child turns 12 on departure") << "child"
                                                     << "2014-12-10" << false;
        QTest::newRow("child turns 2 on departure") << "child"
                                                    << "2024-12-10" << true;
        QTest::newRow("child still 1") << "child"
                                       << "2024-12-11" << false;
        QTest::newRow("infant 1") << "infant_without_seat"
                                  << "2024-12-11" << true;
        QTest::newRow("infant turns 2 on departure") << "infant_without_seat"
                                                     << "2024-12-10" << false;
        QTest::newRow("infant born last week") << "infant_without_seat"
                                               << "2026-11-16" << true;
        QTest::newRow("adult born leap day") << "adult"
                                             << "2012-02-29" << true;
    }
    void ageAgainstType() {
        QFETCH(QString, type);
        QFETCH(QString, bornOn);
        QFETCH(bool, ok);
        Trip trip = international();
        trip.passengerTypes = {type};
        Passenger p = adult();
        p.bornOn = bornOn;
        const Report r = validatePassengers({p}, trip, kToday);
        QCOMPARE(r.valid(), ok);
        if (!ok) {
            QCOMPARE(codes(r.errors), QStringList{QStringLiteral("0:born_on:age_mismatch")});
            QVERIFY(r.errors.first().message.contains(QStringLiteral("Book")));
        }
    }

    void typeFromPassengerWhenNoOffer() {
        Passenger p = adult();
        p.type = QStringLiteral("child");
        QCOMPARE(codes(validatePassengers({p}, international(), kToday).errors),
                 QStringList{QStringLiteral("0:born_on:age_mismatch")});
        p.type.clear(); // no type and no offer: the age check is skipped
        QVERIFY(validatePassengers({p}, international(), kToday).valid());
        p.type = QStringLiteral("senior");
        QCOMPARE(codes(validatePassengers({p}, international(), kToday).errors),
                 QStringList{QStringLiteral("0:type:invalid_value")});
    }

    void typeMustMatchTheOffer() {
        Trip trip = international();
        trip.passengerTypes = {QStringLiteral("adult")};
        Passenger p = adult();
        p.type = QStringLiteral("child");
        QCOMPARE(codes(validatePassengers({p}, trip, kToday).errors),
                 QStringList{QStringLiteral("0:type:type_mismatch")});
    }

    void countMustMatchTheOffer() {
        Trip trip = international();
        trip.passengerTypes = {QStringLiteral("adult"), QStringLiteral("adult")};
        QCOMPARE(codes(validatePassengers({adult()}, trip, kToday).errors),
                 QStringList{QStringLiteral("-1:passengers:count_mismatch")});
        QCOMPARE(codes(validatePassengers(QList<Passenger>{}, Trip{}, kToday).errors),
                 QStringList{QStringLiteral("-1:passengers:required")});
    }

    void passportRules() {
        Passenger p = adult();
        p.identityDocuments.clear();
        QCOMPARE(codes(validatePassengers({p}, international(), kToday).errors),
                 QStringList{QStringLiteral("0:identity_documents:passport_required")});
        QVERIFY(validatePassengers({p}, Trip{}, kToday).valid()); // domestic: none needed

        p = adult();
        p.identityDocuments.append(p.identityDocuments.first());
        QCOMPARE(codes(validatePassengers({p}, international(), kToday).errors),
                 QStringList{QStringLiteral("0:identity_documents:too_many_documents")});

        p = adult();
        p.identityDocuments.first().type = QStringLiteral("tax_id");
        QCOMPARE(
            codes(validatePassengers({p}, international(), kToday).errors),
            QStringList{QStringLiteral("0:identity_documents[0].type:unsupported_document_type")});
        // Another document type is refused on a domestic trip too.
        QCOMPARE(validatePassengers({p}, Trip{}, kToday).errors.size(), 1);
    }

    void expiryAgainstTripOrToday() {
        Passenger p = adult();
        p.identityDocuments.first().expiresOn = QStringLiteral("2026-12-25");
        QCOMPARE(codes(validatePassengers({p}, international(), kToday).errors),
                 QStringList{
                     QStringLiteral("0:identity_documents[0].expires_on:expires_before_trip_end")});
        // Without trip dates, the passport must outlive today.
        Trip noDates;
        noDates.international = true;
        QVERIFY(validatePassengers({p}, noDates, kToday).valid());
        QCOMPARE(codes(validatePassengers({p}, noDates, kToday).warnings),
                 QStringList{QStringLiteral(
                     "0:identity_documents[0].expires_on:expires_within_six_months")});
    }

    void everyFailureAtOnce() {
        auto list = passengersFromJson(
            fd::test::readTestJson(QStringLiteral("passengers/one-adult-problems.json")).array());
        QVERIFY(list.ok());
        const Report r = validatePassengers(*list, international(), kToday);
        QCOMPARE(
            codes(r.errors),
            (QStringList{
                QStringLiteral("0:title:invalid_value"),
                QStringLiteral("0:family_name:invalid_characters"),
                QStringLiteral("0:born_on:invalid_date"), QStringLiteral("0:gender:invalid_value"),
                QStringLiteral("0:email:invalid_format"), QStringLiteral("0:phone_number:not_e164"),
                QStringLiteral("0:identity_documents[0].unique_identifier:invalid_format"),
                QStringLiteral("0:identity_documents[0].issuing_country_code:unknown_country"),
                QStringLiteral("0:identity_documents[0].expires_on:expires_before_trip_end")}));
        QCOMPARE(codes(r.warnings), QStringList{QStringLiteral("0:given_name:not_mrz_spelling")});
    }

    void familyOnTheOffer() {
        const auto offer = fd::travelbase::parseOffer(
            fd::test::readTestJson(QStringLiteral("offers/los-lhr-family.json")).object());
        QVERIFY2(offer.ok(), offer.ok() ? "" : qPrintable(offer.error().message));
        QVERIFY(offer->isInternational());
        auto list = passengersFromJson(
            fd::test::readTestJson(QStringLiteral("passengers/family-valid.json")).array());
        QVERIFY(list.ok());
        const Report r = validatePassengers(*list, offer->trip(), kToday);
        QVERIFY2(r.valid(), qPrintable(codes(r.errors).join(QLatin1Char(' '))));
        QVERIFY(r.warnings.isEmpty());

        // Swap the child and the adult: both ages now contradict the offer.
        std::swap(list->passengers[0], list->passengers[1]);
        QCOMPARE(codes(validatePassengers(*list, offer->trip(), kToday).errors),
                 (QStringList{QStringLiteral("0:born_on:age_mismatch"),
                              QStringLiteral("1:born_on:age_mismatch")}));
    }

    void providerExampleIsBookable() {
        auto list = passengersFromJson(
            fd::test::readTestJson(QStringLiteral("passengers/provider-example.json")).array());
        const Report r = validatePassengers(*list, international(), kToday);
        QVERIFY(r.valid());
        QCOMPARE(codes(r.warnings),
                 QStringList{QStringLiteral("0:phone_number:not_valid_for_region")});
    }

    void wrongJsonTypesAreFieldErrors() {
        const auto json = QJsonDocument::fromJson(
            R"([{"given_name": 7, "family_name": "Okafor", "born_on": 19880417, "gender": "m",
                 "email": "a@example.com", "phone_number": "+2348031234567",
                 "identity_documents": "A12345678"}])");
        auto list = passengersFromJson(json.array());
        QVERIFY(list.ok());
        QCOMPARE(codes(validatePassengers(*list, Trip{}, kToday).errors),
                 (QStringList{QStringLiteral("0:given_name:wrong_type"),
                              QStringLiteral("0:born_on:wrong_type"),
                              QStringLiteral("0:identity_documents:wrong_type")}));
    }

    void unusableShapes() {
        QVERIFY(!passengersFromJson(QJsonValue(QStringLiteral("x"))).ok());
        QVERIFY(!passengersFromJson(QJsonDocument::fromJson("{}").object()).ok());
        QVERIFY(!passengersFromJson(QJsonDocument::fromJson("[1]").array()).ok());
    }

    void requestShapeHasNoTypeAndTrimmedNames() {
        Passenger p = adult();
        p.id = QStringLiteral("pas_1");
        p.type = QStringLiteral("adult");
        p.givenName = QStringLiteral("  Adebayo ");
        const QJsonObject o = p.toJson();
        QVERIFY(!o.contains(QStringLiteral("type")));
        QCOMPARE(o.value(QStringLiteral("given_name")).toString(), QStringLiteral("Adebayo"));
        QCOMPARE(o.value(QStringLiteral("id")).toString(), QStringLiteral("pas_1"));
        QCOMPARE(o.value(QStringLiteral("identity_documents")).toArray().size(), 1);
        // A line break read from a file is never sent with a name or an email.
        p.familyName = QStringLiteral("Okafor\r\n");
        p.email = QStringLiteral("a.okafor@example.com\n");
        QVERIFY(validatePassengers({p}, international(), kToday).valid());
        QCOMPARE(p.toJson().value(QStringLiteral("family_name")).toString(),
                 QStringLiteral("Okafor"));
        QCOMPARE(p.toJson().value(QStringLiteral("email")).toString(),
                 QStringLiteral("a.okafor@example.com"));
    }
};

QTEST_GUILESS_MAIN(TestPassengerValidation)
#include "tst_passengervalidation.moc"
