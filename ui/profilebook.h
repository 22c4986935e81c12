#pragma once

#include "core/passenger.h"
#include "core/result.h"
#include "core/travellerprofile.h"
#include "desk/profiles.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace fd::ui {

// The window's copy of the traveller profiles: read once, on first need (never before the
// first frame), kept current by every change made through it, so a passenger card can offer
// matches as the agent types without a round trip. Every change goes to the desk's Profiles
// (off the GUI thread) and the copy follows its answer.
class ProfileBook final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileBook)

public:
    // `profiles` must outlive the book; nullptr: no profiles (every call is a no-op).
    explicit ProfileBook(desk::Profiles *profiles, QObject *parent = nullptr);
    ~ProfileBook() override;

    bool isAvailable() const { return m_profiles != nullptr; }
    // Reads the profiles unless they are read or being read; changed() follows.
    void ensureLoaded();
    bool isLoaded() const { return m_loaded; }
    // Reads them again (after another window changed them).
    void reload();

    const QList<TravellerProfile> &all() const { return m_all; }
    // Those whose names `typed` starts (profiles::matching).
    QList<TravellerProfile> matching(const QString &typed, int limit = 8) const;
    std::optional<TravellerProfile> byId(const QString &id) const;
    // The error of the last read or change, empty when it went well.
    QString problem() const { return m_problem; }

    // Each `done` runs on this thread with the store's answer (errors in English).
    void saveTravellers(const QList<Passenger> &passengers, bool withPassports,
                        std::function<void(Result<desk::SavedTravellers>)> done);
    void update(const TravellerProfile &profile, bool erasePassport,
                std::function<void(Result<TravellerProfile>)> done);
    void remove(const QString &id, std::function<void(Result<bool>)> done);
    void exportTo(const QString &file, bool withPassports, std::function<void(Result<int>)> done);

Q_SIGNALS:
    void changed();

private:
    void replace(const TravellerProfile &profile);

    desk::Profiles *m_profiles;
    QList<TravellerProfile> m_all;
    bool m_loaded = false;
    bool m_loading = false;
    QString m_problem;
};

} // namespace fd::ui
