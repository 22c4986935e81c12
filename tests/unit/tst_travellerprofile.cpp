// Traveller profiles as values: who a typed name finds (case, accents, word order, both names),
// in what order; what a profile fills in a passenger card and what it leaves; who counts as the
// same person; what the agency's export holds (no passport unless asked).
#include "core/travellerprofile.h"

#include <QJsonArray>
#include <QTest>

using namespace fd;

namespace {

TravellerProfile person(const char *given, const char *family, const char *born = "1990-04-12") {
    TravellerProfile p;
    p.id = QStringLiteral("prf_") + QString::fromUtf8(given);
    p.givenName = QString::fromUtf8(given);
    p.familyName = QString::fromUtf8(family);
    p.bornOn = QLatin1String(born);
    p.gender = QStringLiteral("f");
    p.email = QStringLiteral("a@example.com");
    p.phoneNumber = QStringLiteral("+2348031234567");
    return p;
}

IdentityDocument passport(const char *number) {
    return {QStringLiteral("passport"), QLatin1String(number), QStringLiteral("NG"),
            QStringLiteral("2031-05-02")};
}

} // namespace

class TestTravellerProfile final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesWhatAnAgentTypes_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("matches");
        QTest::newRow("given name start") << QStringLiteral("ada") << true;
        QTest::newRow("upper case") << QStringLiteral("ADA") << true;
        QTest::newRow("family name start") << QStringLiteral("okaf") << true;
        QTest::newRow("both, any order") << QStringLiteral("okafor ad") << true;
        QTest::newRow("accents typed") << QStringLiteral("Adaéz") << true;
        QTest::newRow("hyphenated part") << QStringLiteral("ngozi") << true;
        QTest::newRow("middle of a word") << QStringLiteral("daeze") << false;
        QTest::newRow("one name twice") << QStringLiteral("ada adaeze") << false;
        QTest::newRow("someone else") << QStringLiteral("bola") << false;
        QTest::newRow("blank") << QStringLiteral("  ") << false;
    }
    void matchesWhatAnAgentTypes() {
        QFETCH(QString, typed);
        QFETCH(bool, matches);
        const TravellerProfile p = person("Adaeze", "Okafor-Ngozi");
        QCOMPARE(profiles::matchesName(p, typed), matches);
    }

    void accentsOnTheProfileAreFoldedToo() {
        QVERIFY(profiles::matchesName(person("Chloé", "Béranger"), QStringLiteral("chloe ber")));
        QCOMPARE(profiles::fold(QStringLiteral("Adaézé Ñ")), QStringLiteral("adaeze n"));
    }

    void givenNameStartsComeFirst() {
        const QList<TravellerProfile> all = {person("Zainab", "Adamu"), person("Adaeze", "Okafor"),
                                             person("Ade", "Bello"), person("Emeka", "Obi")};
        const QList<TravellerProfile> found = profiles::matching(all, QStringLiteral("ad"));
        QCOMPARE(found.size(), 3);
        QCOMPARE(found.at(0).givenName, QStringLiteral("Adaeze")); // given name, by name
        QCOMPARE(found.at(1).givenName, QStringLiteral("Ade"));
        QCOMPARE(found.at(2).givenName, QStringLiteral("Zainab")); // family name
        QCOMPARE(profiles::matching(all, QStringLiteral("a"), 2).size(), 2);
    }

    void fillsACardAndKeepsItsPlace() {
        Passenger card;
        card.id = QStringLiteral("pas_2");
        card.type = QStringLiteral("adult");
        card.givenName = QStringLiteral("Ada"); // what the agent typed
        TravellerProfile p = person("Adaeze", "Okafor");
        p.title = QStringLiteral("ms");
        p.passport = passport("A12345678");
        p.hasPassport = true;
        const Passenger filled = profiles::fill(card, p);
        QCOMPARE(filled.id, QStringLiteral("pas_2"));
        QCOMPARE(filled.type, QStringLiteral("adult"));
        QCOMPARE(filled.givenName, QStringLiteral("Adaeze"));
        QCOMPARE(filled.familyName, QStringLiteral("Okafor"));
        QCOMPARE(filled.title, QStringLiteral("ms"));
        QCOMPARE(filled.bornOn, QStringLiteral("1990-04-12"));
        QCOMPARE(filled.phoneNumber, QStringLiteral("+2348031234567"));
        QCOMPARE(filled.identityDocuments.size(), 1);
        QCOMPARE(filled.identityDocuments.first().uniqueIdentifier, QStringLiteral("A12345678"));

        // A profile whose passport is sealed (or was never kept) leaves the card's own.
        card.identityDocuments = {passport("B7654321")};
        p.passport.reset();
        QCOMPARE(profiles::fill(card, p).identityDocuments.first().uniqueIdentifier,
                 QStringLiteral("B7654321"));
    }

    void aPassportIsKeptOnlyWhenAsked() {
        Passenger booked;
        booked.givenName = QStringLiteral(" Adaeze ");
        booked.familyName = QStringLiteral("Okafor");
        booked.bornOn = QStringLiteral("1990-04-12");
        booked.identityDocuments = {passport("A12345678")};
        const TravellerProfile without = profiles::fromPassenger(booked, false);
        QVERIFY(!without.passport);
        QVERIFY(!without.hasPassport);
        QCOMPARE(without.givenName, QStringLiteral("Adaeze"));
        const TravellerProfile with = profiles::fromPassenger(booked, true);
        QVERIFY(with.passport);
        QCOMPARE(with.passport->uniqueIdentifier, QStringLiteral("A12345678"));
    }

    void samePersonIsNamesAndBirthDate() {
        QVERIFY(profiles::samePerson(person("Adaeze", "Okafor"), person("ADAEZE", " okafor ")));
        QVERIFY(profiles::samePerson(person("Chloé", "X"), person("Chloe", "X")));
        QVERIFY(!profiles::samePerson(person("Adaeze", "Okafor"),
                                      person("Adaeze", "Okafor", "1991-04-12")));
        QVERIFY(!profiles::samePerson(person("Adaeze", "Okafor"), person("Adaora", "Okafor")));
    }

    void exportLeavesPassportsOutUnlessAsked() {
        TravellerProfile p = person("Adaeze", "Okafor");
        p.passport = passport("A12345678");
        p.hasPassport = true;
        const QJsonObject plain = profiles::exportJson({p, person("Emeka", "Obi")}, false);
        QCOMPARE(plain.value(QLatin1String("count")).toInt(), 2);
        const QJsonArray list = plain.value(QLatin1String("traveller_profiles")).toArray();
        QCOMPARE(list.at(0).toObject().value(QLatin1String("given_name")).toString(),
                 QStringLiteral("Adaeze"));
        QCOMPARE(list.at(0).toObject().value(QLatin1String("phone_number")).toString(),
                 QStringLiteral("+2348031234567"));
        QVERIFY(!list.at(0).toObject().contains(QLatin1String("identity_documents")));
        const QJsonObject withPassports = profiles::exportJson({p}, true);
        const QJsonObject doc = withPassports.value(QLatin1String("traveller_profiles"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QLatin1String("identity_documents"))
                                    .toArray()
                                    .at(0)
                                    .toObject();
        QCOMPARE(doc.value(QLatin1String("unique_identifier")).toString(),
                 QStringLiteral("A12345678"));
        QCOMPARE(doc.value(QLatin1String("expires_on")).toString(), QStringLiteral("2031-05-02"));
    }
};

QTEST_GUILESS_MAIN(TestTravellerProfile)
#include "tst_travellerprofile.moc"
