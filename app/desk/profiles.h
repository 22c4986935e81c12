#pragma once

#include "core/passenger.h"
#include "core/result.h"
#include "core/travellerprofile.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

class QObject;

namespace fd::desk {

class Settings;

// What saving a booking's travellers did.
struct SavedTravellers {
    QList<TravellerProfile> profiles; // as stored, one per passenger saved
    // The agent asked for passports and they could not be kept (no keychain, or it refused):
    // the rest was saved; `passportNote` says why, in English.
    bool passportsRefused = false;
    QString passportNote;
};

// The desk's traveller profiles (a file of the desk's own, apart from the journal: they are
// the agent's address book, not the agency's booking history). Every call runs on a worker
// thread and answers on `context`'s thread, unless `context` is gone. Passports are sealed
// with a key the system keychain keeps (made on the first passport saved); without the key at
// hand a profile's passport stays sealed and is not shown. Nothing here logs a name, a birth
// date or a passport.
class Profiles {
public:
    virtual ~Profiles() = default;

    // Every profile, by name.
    virtual void load(QObject *context,
                      std::function<void(Result<QList<TravellerProfile>>)> done) = 0;
    // One profile per passenger (the same person again updates theirs); passport and expiry
    // only when `withPassports`.
    virtual void saveTravellers(const QList<Passenger> &passengers, bool withPassports,
                                QObject *context,
                                std::function<void(Result<SavedTravellers>)> done) = 0;
    // An edited profile; its passport replaced when it carries one, erased when
    // `erasePassport`, else kept.
    virtual void update(const TravellerProfile &profile, bool erasePassport, QObject *context,
                        std::function<void(Result<TravellerProfile>)> done) = 0;
    virtual void remove(const QString &id, QObject *context,
                        std::function<void(Result<bool>)> done) = 0;
    // The agency's JSON (profiles::exportJson) written owner-only to `file`; how many.
    virtual void exportTo(const QString &file, bool withPassports, QObject *context,
                          std::function<void(Result<int>)> done) = 0;
};

// The profiles in `file`, their key under the desk's Settings (keychain only). `settings`
// must outlive the profiles.
std::unique_ptr<Profiles> makeProfiles(Settings &settings, const QString &file);

} // namespace fd::desk
