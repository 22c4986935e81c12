#include "profilebook.h"

#include <algorithm>

namespace fd::ui {

ProfileBook::ProfileBook(desk::Profiles *profiles, QObject *parent)
    : QObject(parent)
    , m_profiles(profiles) {}

ProfileBook::~ProfileBook() = default;

void ProfileBook::ensureLoaded() {
    if (!m_loaded && !m_loading)
        reload();
}

void ProfileBook::reload() {
    if (!m_profiles)
        return;
    m_loading = true;
    m_profiles->load(this, [this](Result<QList<TravellerProfile>> all) {
        m_loading = false;
        m_loaded = true;
        if (all) {
            m_all = std::move(*all);
            m_problem.clear();
        } else {
            m_problem = all.error().message;
        }
        Q_EMIT changed();
    });
}

QList<TravellerProfile> ProfileBook::matching(const QString &typed, int limit) const {
    return profiles::matching(m_all, typed, limit);
}

std::optional<TravellerProfile> ProfileBook::byId(const QString &id) const {
    for (const TravellerProfile &p : m_all)
        if (p.id == id)
            return p;
    return std::nullopt;
}

void ProfileBook::replace(const TravellerProfile &profile) {
    const auto at = std::find_if(m_all.begin(), m_all.end(),
                                 [&](const TravellerProfile &p) { return p.id == profile.id; });
    if (at != m_all.end())
        *at = profile;
    else
        m_all.append(profile);
}

void ProfileBook::saveTravellers(const QList<Passenger> &passengers, bool withPassports,
                                 std::function<void(Result<desk::SavedTravellers>)> done) {
    if (!m_profiles)
        return;
    m_profiles->saveTravellers(passengers, withPassports, this,
                               [this, done = std::move(done)](Result<desk::SavedTravellers> r) {
                                   if (r)
                                       for (const TravellerProfile &p : std::as_const(r->profiles))
                                           replace(p);
                                   Q_EMIT changed();
                                   done(std::move(r));
                               });
}

void ProfileBook::update(const TravellerProfile &profile, bool erasePassport,
                         std::function<void(Result<TravellerProfile>)> done) {
    if (!m_profiles)
        return;
    m_profiles->update(profile, erasePassport, this,
                       [this, done = std::move(done)](Result<TravellerProfile> r) {
                           if (r)
                               replace(*r);
                           Q_EMIT changed();
                           done(std::move(r));
                       });
}

void ProfileBook::remove(const QString &id, std::function<void(Result<bool>)> done) {
    if (!m_profiles)
        return;
    m_profiles->remove(id, this, [this, id, done = std::move(done)](Result<bool> r) {
        if (r)
            m_all.erase(std::remove_if(m_all.begin(), m_all.end(),
                                       [&](const TravellerProfile &p) { return p.id == id; }),
                        m_all.end());
        Q_EMIT changed();
        done(std::move(r));
    });
}

void ProfileBook::exportTo(const QString &file, bool withPassports,
                           std::function<void(Result<int>)> done) {
    if (!m_profiles)
        return;
    m_profiles->exportTo(file, withPassports, this, std::move(done));
}

} // namespace fd::ui
