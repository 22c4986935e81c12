#pragma once

#include "core/result.h"
#include "core/travellerprofile.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <variant>

namespace fd {

// The desk's traveller profiles: one SQLite file, owner-only (0600), used from one thread (the
// desk runs it on a worker: desk/profiles). Names, birth date, gender, title and contact are
// plain columns; a passport (number, issuing country, expiry) is sealed with the key the caller
// sets (libsodium's secretbox: XSalsa20-Poly1305, a random nonce per seal, the profile's id
// inside the sealed text so a sealed passport cannot be moved to another profile). Without the
// key a stored passport stays stored but is not read (`hasPassport`, no `passport`), and no new
// passport is stored. Deleting overwrites the freed pages (secure_delete).
class ProfileStore final {
public:
    static constexpr int kKeyBytes = 32;
    static constexpr int kMaxProfiles = 10000; // a desk's travellers; more is refused, and said

    ProfileStore();
    ~ProfileStore();
    Q_DISABLE_COPY_MOVE(ProfileStore)

    // Opens (creating it owner-only if needed) the file at `path`.
    Result<std::monostate> open(const QString &path);
    void close();
    bool isOpen() const;

    // The sealing key (kKeyBytes); empty: passports are neither read nor stored.
    void setKey(const QByteArray &key);
    bool hasKey() const { return !m_key.isEmpty(); }
    // A fresh random key (for the keychain).
    static QByteArray newKey();

    // Every profile, by name.
    Result<QList<TravellerProfile>> all() const;
    // Stores `profile`: a new one (empty id) gets an id, unless it is the same person as a
    // stored one (profiles::samePerson), which it then updates. Its passport is stored sealed
    // when it has one and the key is set; with none, a stored passport is kept as it is unless
    // `dropPassport`. Returns the profile as stored.
    Result<TravellerProfile> save(TravellerProfile profile, bool dropPassport = false);
    // False when there was no such profile.
    Result<bool> remove(const QString &id);
    Result<bool> erasePassport(const QString &id);

private:
    Result<std::monostate> prepare(const QString &path);
    Result<std::monostate> migrate();
    QByteArray seal(const QString &id, const IdentityDocument &passport) const;
    std::optional<IdentityDocument> unseal(const QString &id, const QByteArray &sealed) const;

    bool m_sodiumReady = false;
    QString m_connection;
    QByteArray m_key;
};

} // namespace fd
