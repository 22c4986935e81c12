#include "profilestore.h"

#include "privatefiles.h"
#include "sqlutil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <sodium.h>

#include <atomic>

namespace fd {

namespace {

constexpr int kSchemaVersion = 1;

Error storeError(const QString &what, const QSqlQuery &q) {
    Error e = sql::sqlError(what, q.lastError());
    e.code = QStringLiteral("FD_PROFILES_SQL");
    return e;
}

QString newConnectionName() {
    static std::atomic<int> counter{0};
    return QStringLiteral("fd-profiles-%1").arg(++counter);
}

TravellerProfile readRow(const QSqlQuery &q) {
    TravellerProfile p;
    p.id = q.value(0).toString();
    p.title = q.value(1).toString();
    p.givenName = q.value(2).toString();
    p.familyName = q.value(3).toString();
    p.bornOn = q.value(4).toString();
    p.gender = q.value(5).toString();
    p.email = q.value(6).toString();
    p.phoneNumber = q.value(7).toString();
    p.hasPassport = !q.value(8).isNull() && !q.value(8).toByteArray().isEmpty();
    p.updatedAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs).toUTC();
    return p;
}

// A text column is never NULL: an absent value is stored empty.
QString text(const QString &value) {
    return value.isNull() ? QStringLiteral("") : value;
}

const QString kColumns = QStringLiteral("id, title, given_name, family_name, born_on, gender, "
                                        "email, phone_number, passport_sealed, updated_at");

} // namespace

ProfileStore::ProfileStore()
    // Thread-safe and idempotent; without it (no entropy source) no key is taken or made.
    : m_sodiumReady(sodium_init() >= 0) {}

ProfileStore::~ProfileStore() {
    close();
    sodium_memzero(m_key.data(), size_t(m_key.size()));
}

QByteArray ProfileStore::newKey() {
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    if (sodium_init() < 0)
        return {};
    randombytes_buf(key.data(), size_t(key.size()));
    return key;
}

void ProfileStore::setKey(const QByteArray &key) {
    sodium_memzero(m_key.data(), size_t(m_key.size()));
    m_key = m_sodiumReady && key.size() == kKeyBytes ? key : QByteArray();
}

Result<std::monostate> ProfileStore::open(const QString &path) {
    close();
    if (auto created = privatefiles::createFile(path); !created)
        return created.error();
    m_connection = newConnectionName();
    auto opened = prepare(path);
    if (!opened)
        close(); // the connection's handles are gone by now: prepare() has returned
    return opened;
}

Result<std::monostate> ProfileStore::prepare(const QString &path) {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    if (!db.open()) {
        Error e = sql::sqlError(QStringLiteral("Opening the traveller profiles"), db.lastError());
        e.code = QStringLiteral("FD_PROFILES_OPEN");
        return e;
    }
    QSqlQuery q(db);
    for (const char *pragma : {"PRAGMA journal_mode=DELETE", "PRAGMA synchronous=FULL",
                               "PRAGMA secure_delete=ON", "PRAGMA busy_timeout=5000"})
        if (!q.exec(QLatin1String(pragma)))
            return storeError(QLatin1String(pragma), q);
    return migrate();
}

void ProfileStore::close() {
    if (m_connection.isEmpty())
        return;
    { QSqlDatabase::database(m_connection, false).close(); }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
}

bool ProfileStore::isOpen() const {
    return !m_connection.isEmpty();
}

Result<std::monostate> ProfileStore::migrate() {
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return storeError(QStringLiteral("Reading the profiles' version"), q);
    const int version = q.value(0).toInt();
    if (version > kSchemaVersion)
        return Error{QStringLiteral("FD_PROFILES_NEWER"),
                     QStringLiteral("The traveller profiles were written by a newer FlightDesk "
                                    "(version %1); this one reads version %2")
                         .arg(version)
                         .arg(kSchemaVersion)};
    if (version == kSchemaVersion)
        return std::monostate{};
    if (!db.transaction())
        return Error{QStringLiteral("FD_PROFILES_SQL"), db.lastError().text()};
    const bool created =
        q.exec(QStringLiteral("CREATE TABLE profiles (id TEXT PRIMARY KEY, title TEXT NOT NULL, "
                              "given_name TEXT NOT NULL, family_name TEXT NOT NULL, born_on TEXT "
                              "NOT NULL, gender TEXT NOT NULL, email TEXT NOT NULL, phone_number "
                              "TEXT NOT NULL, passport_sealed BLOB, updated_at TEXT NOT NULL)")) &&
        q.exec(QStringLiteral("PRAGMA user_version=%1").arg(kSchemaVersion));
    if (!created) {
        Error e = storeError(QStringLiteral("Creating the profiles' table"), q);
        db.rollback();
        return e;
    }
    if (!db.commit())
        return Error{QStringLiteral("FD_PROFILES_SQL"), db.lastError().text()};
    return std::monostate{};
}

QByteArray ProfileStore::seal(const QString &id, const IdentityDocument &passport) const {
    const QByteArray plain =
        QJsonDocument(QJsonObject{{QStringLiteral("profile"), id},
                                  {QStringLiteral("number"), passport.uniqueIdentifier},
                                  {QStringLiteral("country"), passport.issuingCountryCode},
                                  {QStringLiteral("expires_on"), passport.expiresOn}})
            .toJson(QJsonDocument::Compact);
    QByteArray out(int(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) + plain.size(),
                   Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char *>(plain.constData()),
                          size_t(plain.size()), nonce,
                          reinterpret_cast<const unsigned char *>(m_key.constData()));
    return out;
}

std::optional<IdentityDocument> ProfileStore::unseal(const QString &id,
                                                     const QByteArray &sealed) const {
    const auto overhead = qsizetype(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES);
    if (m_key.isEmpty() || sealed.size() <= overhead || sealed.size() > 4096)
        return std::nullopt;
    QByteArray plain(sealed.size() - overhead, Qt::Uninitialized);
    const auto *nonce = reinterpret_cast<const unsigned char *>(sealed.constData());
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(plain.data()),
                                   nonce + crypto_secretbox_NONCEBYTES,
                                   size_t(sealed.size()) - crypto_secretbox_NONCEBYTES, nonce,
                                   reinterpret_cast<const unsigned char *>(m_key.constData())) != 0)
        return std::nullopt; // another key, or tampered with
    const QJsonObject o = QJsonDocument::fromJson(plain).object();
    sodium_memzero(plain.data(), size_t(plain.size()));
    if (o.value(QLatin1String("profile")).toString() != id)
        return std::nullopt;
    IdentityDocument d;
    d.type = QStringLiteral("passport");
    d.uniqueIdentifier = o.value(QLatin1String("number")).toString();
    d.issuingCountryCode = o.value(QLatin1String("country")).toString();
    d.expiresOn = o.value(QLatin1String("expires_on")).toString();
    return d;
}

Result<QList<TravellerProfile>> ProfileStore::all() const {
    if (!isOpen())
        return Error{QStringLiteral("FD_PROFILES_CLOSED"),
                     QStringLiteral("The traveller profiles are not open")};
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM profiles ORDER BY given_name, family_name, born_on")
                    .arg(kColumns)))
        return storeError(QStringLiteral("Reading the traveller profiles"), q);
    QList<TravellerProfile> out;
    while (q.next()) {
        TravellerProfile p = readRow(q);
        if (p.hasPassport)
            p.passport = unseal(p.id, q.value(8).toByteArray());
        out.append(std::move(p));
    }
    return out;
}

Result<TravellerProfile> ProfileStore::save(TravellerProfile profile, bool dropPassport) {
    auto stored = all();
    if (!stored)
        return stored.error();
    const TravellerProfile *existing = nullptr;
    for (const TravellerProfile &p : std::as_const(*stored))
        if ((!profile.id.isEmpty() && p.id == profile.id) ||
            (profile.id.isEmpty() && profiles::samePerson(p, profile)))
            existing = &p;
    if (!profile.id.isEmpty() && !existing)
        return Error{QStringLiteral("FD_PROFILES_GONE"),
                     QStringLiteral("That traveller profile was deleted meanwhile")};
    if (!existing && stored->size() >= kMaxProfiles)
        return Error{QStringLiteral("FD_PROFILES_FULL"),
                     QStringLiteral("This desk keeps at most %1 traveller profiles: delete some "
                                    "first")
                         .arg(kMaxProfiles)};
    profile.id = existing
                     ? existing->id
                     : QStringLiteral("prf_") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    profile.updatedAt = QDateTime::currentDateTimeUtc();

    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    // The sealed passport: a new one when given and the key is at hand; else the stored one
    // (unless dropped).
    QVariant sealed = QVariant(QMetaType(QMetaType::QByteArray)); // a null BLOB
    bool keepStored = false;
    if (profile.passport && hasKey())
        sealed = seal(profile.id, *profile.passport);
    else if (existing && existing->hasPassport && !dropPassport)
        keepStored = true;
    q.prepare(
        keepStored
            ? QStringLiteral("INSERT INTO profiles (%1) VALUES (:id, :title, :given, "
                             ":family, :born, :gender, :email, :phone, NULL, :updated) "
                             "ON CONFLICT(id) DO UPDATE SET title=excluded.title, "
                             "given_name=excluded.given_name, family_name=excluded.family_name, "
                             "born_on=excluded.born_on, gender=excluded.gender, "
                             "email=excluded.email, phone_number=excluded.phone_number, "
                             "updated_at=excluded.updated_at")
                  .arg(kColumns)
            : QStringLiteral("INSERT OR REPLACE INTO profiles (%1) VALUES (:id, :title, "
                             ":given, :family, :born, :gender, :email, :phone, :sealed, "
                             ":updated)")
                  .arg(kColumns));
    q.bindValue(QStringLiteral(":id"), profile.id);
    q.bindValue(QStringLiteral(":title"), text(profile.title));
    q.bindValue(QStringLiteral(":given"), text(profile.givenName));
    q.bindValue(QStringLiteral(":family"), text(profile.familyName));
    q.bindValue(QStringLiteral(":born"), text(profile.bornOn));
    q.bindValue(QStringLiteral(":gender"), text(profile.gender));
    q.bindValue(QStringLiteral(":email"), text(profile.email));
    q.bindValue(QStringLiteral(":phone"), text(profile.phoneNumber));
    if (!keepStored)
        q.bindValue(QStringLiteral(":sealed"), sealed);
    q.bindValue(QStringLiteral(":updated"), profile.updatedAt.toString(Qt::ISODateWithMs));
    if (!q.exec())
        return storeError(QStringLiteral("Saving a traveller profile"), q);
    profile.hasPassport = !sealed.isNull() || keepStored;
    if (keepStored) {
        profile.passport = existing->passport;
    } else if (sealed.isNull()) {
        profile.passport.reset();
    }
    return profile;
}

Result<bool> ProfileStore::remove(const QString &id) {
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM profiles WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec())
        return storeError(QStringLiteral("Deleting a traveller profile"), q);
    return q.numRowsAffected() > 0;
}

Result<bool> ProfileStore::erasePassport(const QString &id) {
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE profiles SET passport_sealed = NULL, updated_at = :updated "
                             "WHERE id = :id AND passport_sealed IS NOT NULL"));
    q.bindValue(QStringLiteral(":id"), id);
    q.bindValue(QStringLiteral(":updated"),
                QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!q.exec())
        return storeError(QStringLiteral("Erasing a passport"), q);
    return q.numRowsAffected() > 0;
}

} // namespace fd
