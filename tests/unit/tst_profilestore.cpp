// The traveller profiles' file and the desk's Profiles over it: a passport is sealed (its number
// is nowhere in the file), read back only with the keychain's key, kept apart from each profile
// (a sealed passport moved to another row does not open), erasable; the file is owner-only;
// saving the same person again updates them. Through desk::Profiles: the key is made in the
// keychain on the first passport saved, a second desk object reads it back, and without a
// keychain the travellers are saved without their passports, and that is said.
#include "desk/profiles.h"
#include "desk/settings.h"
#include "fakekeychains.h"
#include "storage/profilestore.h"
#include "storage/settingsstore.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fd;

namespace {

Passenger adult(const char *given, const char *number) {
    Passenger p;
    p.type = QStringLiteral("adult");
    p.givenName = QLatin1String(given);
    p.familyName = QStringLiteral("Okafor");
    p.bornOn = QStringLiteral("1990-04-12");
    p.gender = QStringLiteral("f");
    p.email = QStringLiteral("a.okafor@example.com");
    p.phoneNumber = QStringLiteral("+2348031234567");
    p.identityDocuments = {{QStringLiteral("passport"), QLatin1String(number), QStringLiteral("NG"),
                            QStringLiteral("2031-05-02")}};
    return p;
}

// A desk::Profiles call, waited for.
template <class R, class Call> R wait(Call call) {
    std::optional<R> got;
    QObject context;
    call(&context, [&got](R r) { got.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&got] { return got.has_value(); }, 10000))
        qFatal("the profiles never answered");
    return std::move(*got);
}

} // namespace

class TestProfileStore final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString file() { return m_dir.filePath(QStringLiteral("profiles-%1.sqlite").arg(++m_n)); }

private Q_SLOTS:
    void aPassportIsSealedAndOpensOnlyWithItsKey() {
        const QString path = file();
        const QByteArray key = ProfileStore::newKey();
        QCOMPARE(key.size(), ProfileStore::kKeyBytes);
        QString id;
        {
            ProfileStore store;
            QVERIFY(store.open(path));
            store.setKey(key);
            auto saved = store.save(profiles::fromPassenger(adult("Adaeze", "A12345678"), true));
            QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
            id = saved->id;
            QVERIFY(id.startsWith(QLatin1String("prf_")));
            QVERIFY(saved->hasPassport);
        }
        QFile raw(path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray bytes = raw.readAll();
        QVERIFY(bytes.contains("Adaeze")); // names are plain, for matching
        QVERIFY(!bytes.contains("A12345678"));
        QCOMPARE(raw.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                      QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());

        ProfileStore withKey;
        QVERIFY(withKey.open(path));
        withKey.setKey(key);
        auto all = withKey.all();
        QVERIFY(all);
        QCOMPARE(all->size(), 1);
        QVERIFY(all->first().passport);
        QCOMPARE(all->first().passport->uniqueIdentifier, QStringLiteral("A12345678"));
        QCOMPARE(all->first().passport->expiresOn, QStringLiteral("2031-05-02"));
        withKey.close();

        for (const QByteArray &other : {QByteArray(), ProfileStore::newKey()}) {
            ProfileStore store;
            QVERIFY(store.open(path));
            store.setKey(other);
            auto read = store.all();
            QVERIFY(read);
            QVERIFY(read->first().hasPassport); // stored, but not at hand
            QVERIFY(!read->first().passport);
            QCOMPARE(read->first().givenName, QStringLiteral("Adaeze"));
        }
    }

    void aSealedPassportDoesNotOpenInAnotherProfile() {
        const QString path = file();
        const QByteArray key = ProfileStore::newKey();
        ProfileStore store;
        QVERIFY(store.open(path));
        store.setKey(key);
        QVERIFY(store.save(profiles::fromPassenger(adult("Adaeze", "A12345678"), true)));
        QVERIFY(store.save(profiles::fromPassenger(adult("Chioma", "B7654321"), false)));
        store.close();
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "UPDATE profiles SET passport_sealed = (SELECT passport_sealed FROM profiles "
                "WHERE given_name = 'Adaeze') WHERE given_name = 'Chioma'")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        QVERIFY(store.open(path));
        store.setKey(key);
        const auto all = store.all();
        QVERIFY(all);
        for (const TravellerProfile &p : *all)
            if (p.givenName == QLatin1String("Chioma"))
                QVERIFY(!p.passport);
            else
                QVERIFY(p.passport);
    }

    void theSamePersonAgainIsUpdatedAndAPassportErased() {
        ProfileStore store;
        QVERIFY(store.open(file()));
        store.setKey(ProfileStore::newKey());
        auto first = store.save(profiles::fromPassenger(adult("Adaeze", "A12345678"), true));
        QVERIFY(first);
        Passenger again = adult("ADAEZE", "A12345678");
        again.email = QStringLiteral("new@example.com");
        auto second = store.save(profiles::fromPassenger(again, false));
        QVERIFY(second);
        QCOMPARE(second->id, first->id);
        QVERIFY(second->passport); // not asked again: the stored one stays
        auto all = store.all();
        QCOMPARE(all->size(), 1);
        QCOMPARE(all->first().email, QStringLiteral("new@example.com"));
        QVERIFY(all->first().passport);

        QCOMPARE(*store.erasePassport(first->id), true);
        all = store.all();
        QVERIFY(!all->first().hasPassport);
        QVERIFY(!all->first().passport);
        QCOMPARE(*store.remove(first->id), true);
        QCOMPARE(*store.remove(first->id), false);
        QVERIFY(store.all()->isEmpty());
        // An edit of a profile deleted meanwhile is refused, not re-created.
        auto gone = store.save(*first);
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, QStringLiteral("FD_PROFILES_GONE"));
    }

    void theDeskMakesItsKeyInTheKeychainOnce() {
        test::MemoryKeychain keychain;
        SettingsStore settingsStore({m_dir.filePath(QStringLiteral("s.ini")),
                                     QStringLiteral("FlightDesk-test"), &keychain});
        auto settings = desk::makeSettings(settingsStore);
        const QString path = file();
        {
            auto profiles = desk::makeProfiles(*settings, path);
            QVERIFY(keychain.entries.isEmpty()); // nothing made before it is needed
            auto none = wait<Result<desk::SavedTravellers>>([&](QObject *c, auto done) {
                profiles->saveTravellers({adult("Emeka", "C1111111")}, false, c, done);
            });
            QVERIFY(none);
            QVERIFY(keychain.entries.isEmpty()); // no passport: no key
            auto saved = wait<Result<desk::SavedTravellers>>([&](QObject *c, auto done) {
                profiles->saveTravellers({adult("Adaeze", "A12345678")}, true, c, done);
            });
            QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
            QVERIFY(!saved->passportsRefused);
            QCOMPARE(saved->profiles.size(), 1);
            QVERIFY(saved->profiles.first().passport);
            QCOMPARE(keychain.entries.size(), 1);
            QVERIFY(keychain.entries.contains(QStringLiteral("profiles_key")));
        }
        // Another start: the key is read back from the keychain, the passport is at hand.
        auto profiles = desk::makeProfiles(*settings, path);
        auto all = wait<Result<QList<TravellerProfile>>>(
            [&](QObject *c, auto done) { profiles->load(c, done); });
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->first().givenName, QStringLiteral("Adaeze"));
        QCOMPARE(all->first().passport->uniqueIdentifier, QStringLiteral("A12345678"));
        QVERIFY(!all->at(1).hasPassport);

        // Export: owner-only, passports only when asked.
        const QString out = m_dir.filePath(QStringLiteral("export.json"));
        for (bool withPassports : {false, true}) {
            auto n = wait<Result<int>>(
                [&](QObject *c, auto done) { profiles->exportTo(out, withPassports, c, done); });
            QVERIFY(n);
            QCOMPARE(*n, 2);
            QFile f(out);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll().contains("A12345678"), withPassports);
            QCOMPARE(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                     QFileDevice::Permissions());
        }
    }

    void withoutAKeychainTheTravellersAreSavedWithoutPassports() {
        test::UnavailableKeychain keychain;
        SettingsStore settingsStore({m_dir.filePath(QStringLiteral("u.ini")),
                                     QStringLiteral("FlightDesk-test"), &keychain});
        auto settings = desk::makeSettings(settingsStore);
        const QString path = file();
        auto profiles = desk::makeProfiles(*settings, path);
        auto saved = wait<Result<desk::SavedTravellers>>([&](QObject *c, auto done) {
            profiles->saveTravellers({adult("Adaeze", "A12345678")}, true, c, done);
        });
        QVERIFY(saved);
        QVERIFY(saved->passportsRefused);
        QVERIFY(!saved->passportNote.isEmpty());
        QCOMPARE(saved->profiles.size(), 1);
        QVERIFY(!saved->profiles.first().hasPassport);
        QFile raw(path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY(!raw.readAll().contains("A12345678"));
        QVERIFY(!QFile::exists(settingsStore.fallbackFile(SecretRef::profilesKey())));
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
