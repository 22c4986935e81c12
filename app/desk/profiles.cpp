#include "profiles.h"

#include "settings.h"

#include "core/workerqueue.h"
#include "storage/privatefiles.h"
#include "storage/profilestore.h"

#include <QFile>
#include <QJsonDocument>
#include <QObject>

#include <utility>

namespace fd::desk {

namespace {

// Where the sealing key is: not asked yet, being asked or made, none stored, at hand, or out of
// reach (no keychain, or it refused).
enum class Key { Unknown, Busy, Absent, Ready, Unavailable };

class DeskProfiles final : public Profiles {
public:
    DeskProfiles(Settings &settings, QString file)
        : m_settings(settings)
        , m_file(std::move(file))
        , m_store(std::make_shared<ProfileStore>())
        , m_queue(QStringLiteral("fd-profiles"), [store = m_store] { store->close(); }) {}

    void load(QObject *context,
              std::function<void(Result<QList<TravellerProfile>>)> done) override {
        ensureKey(false, [this, context, done = std::move(done)]() mutable {
            run<Result<QList<TravellerProfile>>>(
                context, [](ProfileStore &s) { return s.all(); }, std::move(done));
        });
    }

    void saveTravellers(const QList<Passenger> &passengers, bool withPassports, QObject *context,
                        std::function<void(Result<SavedTravellers>)> done) override {
        ensureKey(withPassports, [this, passengers, withPassports, context,
                                  done = std::move(done)]() mutable {
            SavedTravellers report;
            const bool refused = withPassports && m_key != Key::Ready;
            report.passportsRefused = refused;
            report.passportNote = refused ? m_keyProblem : QString();
            run<Result<SavedTravellers>>(
                context,
                [passengers, withPassports, report](ProfileStore &s) -> Result<SavedTravellers> {
                    SavedTravellers out = report;
                    for (const Passenger &p : passengers) {
                        auto saved = s.save(profiles::fromPassenger(p, withPassports));
                        if (!saved)
                            return saved.error();
                        out.profiles.append(*saved);
                    }
                    return out;
                },
                std::move(done));
        });
    }

    void update(const TravellerProfile &profile, bool erasePassport, QObject *context,
                std::function<void(Result<TravellerProfile>)> done) override {
        ensureKey(profile.passport.has_value(),
                  [this, profile, erasePassport, context, done = std::move(done)]() mutable {
                      run<Result<TravellerProfile>>(
                          context,
                          [profile, erasePassport](ProfileStore &s) {
                              return s.save(profile, erasePassport);
                          },
                          std::move(done));
                  });
    }

    void remove(const QString &id, QObject *context,
                std::function<void(Result<bool>)> done) override {
        run<Result<bool>>(
            context, [id](ProfileStore &s) { return s.remove(id); }, std::move(done));
    }

    void exportTo(const QString &file, bool withPassports, QObject *context,
                  std::function<void(Result<int>)> done) override {
        ensureKey(false, [this, file, withPassports, context, done = std::move(done)]() mutable {
            run<Result<int>>(
                context,
                [file, withPassports](ProfileStore &s) -> Result<int> {
                    auto all = s.all();
                    if (!all)
                        return all.error();
                    return writeExport(file, profiles::exportJson(*all, withPassports),
                                       int(all->size()));
                },
                std::move(done));
        });
    }

private:
    // A job on the store's thread, the file opened by the first one.
    template <class R>
    void run(QObject *context, std::function<R(ProfileStore &)> job, std::function<void(R)> done) {
        m_queue.run<R>(
            context,
            [store = m_store, file = m_file, job = std::move(job)]() -> R {
                if (!store->isOpen())
                    if (auto opened = store->open(file); !opened)
                        return opened.error();
                return job(*store);
            },
            std::move(done));
    }

    static Result<int> writeExport(const QString &file, const QJsonObject &json, int count) {
        QFile out(file);
        // Owner-only from the first byte: passenger data.
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate,
                      QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return Error{QStringLiteral("FD_EXPORT_OPEN"), out.errorString()};
        if (auto narrowed = privatefiles::restrictToOwner(file); !narrowed)
            return narrowed.error();
        const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
        if (out.write(bytes) != bytes.size() || !out.flush())
            return Error{QStringLiteral("FD_EXPORT_WRITE"), out.errorString()};
        return count;
    }

    // Runs `then` once the key's state is known; with `create`, a missing key is made and
    // stored in the keychain first. Requests made meanwhile wait their turn.
    void ensureKey(bool create, std::function<void()> then) {
        if (m_key == Key::Busy) {
            m_waiting.append({create, std::move(then)});
            return;
        }
        if (m_key == Key::Unknown) {
            m_key = Key::Busy;
            m_waiting.append({create, std::move(then)});
            readKey();
            return;
        }
        if (m_key == Key::Absent && create) {
            m_key = Key::Busy;
            m_waiting.append({create, std::move(then)});
            createKey();
            return;
        }
        then();
    }

    void readKey() {
        m_settings.readSecret(SecretRef::profilesKey(), &m_context,
                              [this](const Result<StoredSecret> &stored) {
                                  if (!stored)
                                      return settle(Key::Unavailable, stored.error().message);
                                  if (stored->value.isEmpty())
                                      return settle(Key::Absent, {});
                                  useKey(QByteArray::fromBase64(stored->value.toLatin1()));
                              });
    }

    void createKey() {
        QByteArray key = ProfileStore::newKey();
        if (key.isEmpty())
            return settle(Key::Unavailable, QStringLiteral("no random source for a key"));
        m_settings.storeSecret(SecretRef::profilesKey(), QString::fromLatin1(key.toBase64()),
                               AllowFileFallback::No, &m_context,
                               [this, key](const Result<SecretBackend> &stored) {
                                   if (!stored)
                                       return settle(Key::Unavailable, stored.error().message);
                                   useKey(key);
                               });
    }

    void useKey(const QByteArray &key) {
        if (key.size() != ProfileStore::kKeyBytes)
            return settle(Key::Unavailable,
                          QStringLiteral("the key in the keychain is not a profiles key"));
        m_queue.run<bool>(
            &m_context,
            [store = m_store, key] {
                store->setKey(key);
                return true;
            },
            [](bool) {});
        settle(Key::Ready, {});
    }

    void settle(Key key, const QString &problem) {
        m_key = key;
        m_keyProblem = problem;
        const auto waiting = std::exchange(m_waiting, {});
        for (const Waiting &w : waiting)
            ensureKey(w.create, w.then);
    }

    struct Waiting {
        bool create;
        std::function<void()> then;
    };

    Settings &m_settings;
    QString m_file;
    std::shared_ptr<ProfileStore> m_store; // used on the worker only
    QObject m_context;                     // the keychain's answers; gone with the profiles
    Key m_key = Key::Unknown;
    QString m_keyProblem;
    QList<Waiting> m_waiting;
    WorkerQueue m_queue; // last: stops (and closes the store) before the rest goes
};

} // namespace

std::unique_ptr<Profiles> makeProfiles(Settings &settings, const QString &file) {
    return std::make_unique<DeskProfiles>(settings, file);
}

} // namespace fd::desk
