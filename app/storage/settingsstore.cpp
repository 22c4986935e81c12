#include "settingsstore.h"

#include "core/boundedfile.h"
#include "core/limits.h"
#include "privatefiles.h"

#include <qt6keychain/keychain.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSettings>
#include <QUrl>

#include <filesystem>
#include <system_error>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace fd {
namespace {

const QString kProviders = QStringLiteral("providers");
const QString kLegacyBaseUrl = QStringLiteral("api/baseUrl"); // before several providers
const QString kLegacyProvider = QStringLiteral("travelbase"); // ...it was Travelbase's
const QString kTimeout = QStringLiteral("api/requestTimeoutSeconds");
const QString kListen = QStringLiteral("webhook/listen");
const QString kListenPublic = QStringLiteral("webhook/listenPublic");
const QString kScale = QStringLiteral("training/timingScale");
const QString kJournalKind = QStringLiteral("journal/kind"); // absent (older INI): this desk
const QString kAgencyUrl = QStringLiteral("journal/agencyUrl");
const QString kAgency = QStringLiteral("agency");
const QString kThisDesk = QStringLiteral("this_desk");
const QString kLanguage = QStringLiteral("display/language"); // absent: the system's

QString backendKey(const QString &name) {
    return QStringLiteral("secrets/") + name;
}

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                             QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                             QFileDevice::WriteOther | QFileDevice::ExeOther;

Error keychainError(const QKeychain::Job *job) {
    // errorString() describes the service ("No such interface ... on D-Bus"), never the value.
    return Error{QStringLiteral("keychain_unavailable"), job->errorString()};
}

// QtKeychain's jobs, each started at once and deleted by itself once finished. Its own
// "insecure fallback" (plaintext in QSettings) stays off: the store decides about files.
class QtKeychainStore final : public SecretKeychain {
public:
    explicit QtKeychainStore(QString service)
        : m_service(std::move(service)) {}

    void read(const QString &key, QObject *context, Done done) override {
        auto *job = new QKeychain::ReadPasswordJob(m_service);
        prepare(job, key);
        QObject::connect(job, &QKeychain::Job::finished, context,
                         [job, done = std::move(done)](QKeychain::Job *) {
                             if (job->error() == QKeychain::NoError)
                                 done(job->textData());
                             else if (job->error() == QKeychain::EntryNotFound)
                                 done(QString());
                             else
                                 done(keychainError(job));
                         });
        job->start();
    }

    void write(const QString &key, const QString &value, QObject *context, Done done) override {
        auto *job = new QKeychain::WritePasswordJob(m_service);
        prepare(job, key);
        job->setTextData(value);
        QObject::connect(job, &QKeychain::Job::finished, context,
                         [job, done = std::move(done)](QKeychain::Job *) {
                             if (job->error() == QKeychain::NoError)
                                 done(QString());
                             else
                                 done(keychainError(job));
                         });
        job->start();
    }

    void remove(const QString &key, QObject *context, Done done) override {
        auto *job = new QKeychain::DeletePasswordJob(m_service);
        prepare(job, key);
        QObject::connect(job, &QKeychain::Job::finished, context,
                         [job, done = std::move(done)](QKeychain::Job *) {
                             if (job->error() == QKeychain::NoError ||
                                 job->error() == QKeychain::EntryNotFound)
                                 done(QString());
                             else
                                 done(keychainError(job));
                         });
        job->start();
    }

private:
    static void prepare(QKeychain::Job *job, const QString &key) {
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        job->setKey(key);
    }

    QString m_service;
};

} // namespace

SettingsStore::SettingsStore(QObject *parent)
    : SettingsStore(Options{}, parent) {}

SettingsStore::SettingsStore(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options)) {
    m_settings = m_options.settingsFile.isEmpty()
                     ? std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                                   QStringLiteral("FlightDesk"),
                                                   QStringLiteral("FlightDesk"))
                     : std::make_unique<QSettings>(m_options.settingsFile, QSettings::IniFormat);
    // Made here, 0700, before QSettings makes it with the umask's 0755: the fallback secret
    // files live in it too. An existing folder is left as it is.
    privatefiles::makeFolder(QFileInfo(m_settings->fileName()).absolutePath());
    if (m_options.keychain) {
        m_keychain = m_options.keychain;
    } else {
        m_ownKeychain = std::make_unique<QtKeychainStore>(m_options.keychainService);
        m_keychain = m_ownKeychain.get();
    }
}

SettingsStore::~SettingsStore() = default;

QString SettingsStore::keyName(const SecretRef &secret) {
    if (secret.kind == SecretKind::WebhookSecret)
        return QStringLiteral("webhook_secret");
    if (secret.kind == SecretKind::JournalPassword)
        return QStringLiteral("journal_password");
    if (secret.kind == SecretKind::ProfilesKey)
        return QStringLiteral("profiles_key");
    // Also a file name and an INI key: nothing but letters, digits, '-', '.', '_' and '%'.
    return QStringLiteral("api_key.") +
           QString::fromLatin1(QUrl::toPercentEncoding(secret.provider));
}

QString SettingsStore::legacyKeyName(const SecretRef &secret) {
    return secret.kind == SecretKind::ApiKey && secret.provider == kLegacyProvider
               ? QStringLiteral("api_key")
               : QString();
}

QString SettingsStore::settingsFile() const {
    return m_settings->fileName();
}

DeskSettings SettingsStore::load() const {
    DeskSettings s;
    m_settings->beginGroup(kProviders);
    for (const QString &id : m_settings->childGroups()) {
        ProviderSettings p;
        p.provider = id;
        p.apiBase = QUrl(m_settings->value(id + QStringLiteral("/baseUrl")).toString());
        p.enabled = m_settings->value(id + QStringLiteral("/enabled"), false).toBool();
        s.providers.append(p);
    }
    m_settings->endGroup();
    const QString legacyBase = m_settings->value(kLegacyBaseUrl).toString();
    if (s.providers.isEmpty() && !legacyBase.isEmpty())
        s.providers.append(ProviderSettings{kLegacyProvider, QUrl(legacyBase), true});
    s.webhookListen = m_settings->value(kListen).toString();
    s.webhookListenPublic = m_settings->value(kListenPublic, false).toBool();
    bool ok = false;
    const double scale = m_settings->value(kScale, 1.0).toDouble(&ok);
    s.timingScale = ok && scale > 0 ? scale : 1.0;
    const int timeout = m_settings->value(kTimeout, 30).toInt(&ok);
    s.requestTimeoutSeconds = ok && timeout > 0 ? timeout : 30;
    s.journal = m_settings->value(kJournalKind).toString() == kAgency ? JournalKind::Agency
                                                                      : JournalKind::ThisDesk;
    s.agencyUrl = m_settings->value(kAgencyUrl).toString();
    // A language code, or nothing: anything else (a hand-edited INI) means the system's.
    const QString language = m_settings->value(kLanguage).toString();
    static const QRegularExpression code(QStringLiteral("\\A[a-z]{2,3}\\z"));
    s.language = code.match(language).hasMatch() ? language : QString();
    return s;
}

Result<std::monostate> SettingsStore::save(const DeskSettings &settings) {
    // The INI is no place for a password: the keychain keeps the journal's (journalPassword).
    if (!QUrl(settings.agencyUrl).password().isEmpty())
        return Error{QStringLiteral("settings_not_saved"),
                     QStringLiteral("The agency journal URL contains a password; it was not "
                                    "saved.")};
    m_settings->remove(kProviders); // a provider no longer listed goes
    for (const ProviderSettings &p : settings.providers) {
        const QString group = kProviders + QLatin1Char('/') + p.provider + QLatin1Char('/');
        m_settings->setValue(group + QStringLiteral("baseUrl"), p.apiBase.toString());
        m_settings->setValue(group + QStringLiteral("enabled"), p.enabled);
    }
    m_settings->remove(kLegacyBaseUrl); // migrated: the providers group holds it now
    m_settings->setValue(kListen, settings.webhookListen);
    m_settings->setValue(kListenPublic, settings.webhookListenPublic);
    m_settings->setValue(kScale, settings.timingScale);
    m_settings->setValue(kTimeout, settings.requestTimeoutSeconds);
    m_settings->setValue(kJournalKind,
                         settings.journal == JournalKind::Agency ? kAgency : kThisDesk);
    m_settings->setValue(kAgencyUrl, settings.agencyUrl);
    if (settings.language.isEmpty())
        m_settings->remove(kLanguage);
    else
        m_settings->setValue(kLanguage, settings.language);
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        return Error{QStringLiteral("settings_not_saved"),
                     QStringLiteral("The settings could not be written to %1.")
                         .arg(QDir::toNativeSeparators(m_settings->fileName()))};
    return std::monostate{};
}

SecretBackend SettingsStore::backendOf(const QString &name) const {
    const QString recorded = m_settings->value(backendKey(name)).toString();
    if (recorded == QLatin1String("keychain"))
        return SecretBackend::Keychain;
    if (recorded == QLatin1String("file") && QFileInfo::exists(fileOf(name)))
        return SecretBackend::File;
    return SecretBackend::None;
}

SecretBackend SettingsStore::backend(const SecretRef &secret) const {
    const SecretBackend current = backendOf(keyName(secret));
    const QString legacy = legacyKeyName(secret);
    return current == SecretBackend::None && !legacy.isEmpty() ? backendOf(legacy) : current;
}

void SettingsStore::setBackend(const QString &name, SecretBackend backend) {
    switch (backend) {
    case SecretBackend::Keychain:
        m_settings->setValue(backendKey(name), QStringLiteral("keychain"));
        break;
    case SecretBackend::File:
        m_settings->setValue(backendKey(name), QStringLiteral("file"));
        break;
    case SecretBackend::None:
        m_settings->remove(backendKey(name));
        break;
    }
    m_settings->sync();
}

QString SettingsStore::fileOf(const QString &name) const {
    return QFileInfo(m_settings->fileName()).absolutePath() + QLatin1Char('/') + name +
           QStringLiteral(".secret");
}

QString SettingsStore::fallbackFile(const SecretRef &secret) const {
    // Where it is read from: a key still in its file from before several providers is there.
    const QString legacy = legacyKeyName(secret);
    if (!legacy.isEmpty() && backendOf(keyName(secret)) == SecretBackend::None &&
        backendOf(legacy) == SecretBackend::File)
        return fileOf(legacy);
    return fileOf(keyName(secret));
}

Result<std::monostate> SettingsStore::writeFile(const QString &name, const QString &value) const {
    const QString target = fileOf(name);
    const QString dir = QFileInfo(target).absolutePath();
    if (!privatefiles::makeFolder(dir))
        return Error{
            QStringLiteral("secret_file_failed"),
            QStringLiteral("Cannot create the folder %1.").arg(QDir::toNativeSeparators(dir))};
    // A fresh file created 0600 by open(2) itself (NewOnly = O_EXCL), so no other user can
    // ever open it, not even between creation and the first byte; then renamed over the old.
    const QString temp = target + QStringLiteral(".tmp-") +
                         QString::number(QRandomGenerator::global()->generate64(), 36);
    QFile file(temp);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnly) ||
        (file.permissions() & kOthers))
        return Error{QStringLiteral("secret_file_failed"),
                     QStringLiteral("Cannot create %1: %2")
                         .arg(QDir::toNativeSeparators(temp), file.errorString())};
    const QByteArray bytes = value.toUtf8();
    bool written = file.write(bytes) == bytes.size() && file.flush();
#ifdef Q_OS_UNIX
    written = written && ::fsync(file.handle()) == 0;
#endif
    file.close();
    std::error_code ec;
    if (written)
        std::filesystem::rename(QFile::encodeName(temp).toStdString(),
                                QFile::encodeName(target).toStdString(), ec);
    if (!written || ec) {
        QFile::remove(temp);
        return Error{QStringLiteral("secret_file_failed"),
                     QStringLiteral("Cannot write %1.").arg(QDir::toNativeSeparators(target))};
    }
    return std::monostate{};
}

Result<QString> SettingsStore::readFile(const QString &name) const {
    const QString path = fileOf(name);
    const QFileInfo info(path);
    if (!info.exists())
        return QString();
    // Like ssh with a private key: a secret others can read is refused, not used.
    if (info.permissions() & kOthers)
        return Error{QStringLiteral("secret_file_exposed"),
                     QStringLiteral("%1 can be read by other users. Save the key again in "
                                    "Settings, or run: chmod 600 %1")
                         .arg(QDir::toNativeSeparators(path))};
    const auto bytes = readBoundedFile(QDir::toNativeSeparators(path), limits::kSecretFileBytes,
                                       QStringLiteral("the secret file"));
    if (!bytes)
        return Error{QStringLiteral("secret_file_failed"), bytes.error().message};
    QString value = QString::fromUtf8(*bytes);
    while (value.endsWith(QLatin1Char('\n')) || value.endsWith(QLatin1Char('\r')))
        value.chop(1); // edited by hand
    return value;
}

bool SettingsStore::removeFile(const QString &name) const {
    const QString path = fileOf(name);
    return !QFileInfo::exists(path) || QFile::remove(path);
}

void SettingsStore::dropLegacy(const SecretRef &secret, bool keychainWorks) {
    const QString legacy = legacyKeyName(secret);
    if (legacy.isEmpty())
        return;
    removeFile(legacy);
    setBackend(legacy, SecretBackend::None);
    // Best effort, and only when the keychain just answered: the key has a new home, which is
    // read first from now on.
    if (keychainWorks)
        m_keychain->remove(legacy, this, [](const Result<QString> &) {});
}

void SettingsStore::storeSecret(const SecretRef &secret, const QString &value,
                                AllowFileFallback fallback, QObject *context,
                                std::function<void(Result<SecretBackend>)> done) {
    QPointer<QObject> caller(context);
    if (value.isEmpty()) {
        eraseSecret(secret, context, [done = std::move(done)](const Result<std::monostate> &r) {
            done(r ? Result<SecretBackend>(SecretBackend::None) : Result<SecretBackend>(r.error()));
        });
        return;
    }
    const QString name = keyName(secret);
    m_keychain->write(
        name, value, this,
        [this, secret, name, value, fallback, caller,
         done = std::move(done)](const Result<QString> &written) {
            Result<SecretBackend> result = SecretBackend::Keychain;
            if (written) {
                removeFile(name); // no plaintext copy outlives the move to the keychain
                setBackend(name, SecretBackend::Keychain);
                dropLegacy(secret, true);
            } else if (fallback == AllowFileFallback::Yes) {
                const auto file = writeFile(name, value);
                if (file) {
                    setBackend(name, SecretBackend::File);
                    dropLegacy(secret, false);
                }
                result = file ? Result<SecretBackend>(SecretBackend::File)
                              : Result<SecretBackend>(file.error());
            } else {
                result = Error{QStringLiteral("keychain_unavailable"),
                               QStringLiteral("The system keychain is not available (%1). "
                                              "Nothing was saved.")
                                   .arg(written.error().message)};
            }
            if (caller)
                done(result);
        });
}

void SettingsStore::readSecret(const SecretRef &secret, QObject *context,
                               std::function<void(Result<StoredSecret>)> done) {
    const QString legacy = legacyKeyName(secret);
    if (legacy.isEmpty())
        return readNamed(keyName(secret), context, std::move(done));
    QPointer<QObject> caller(context);
    readNamed(keyName(secret), this,
              [this, legacy, caller, done = std::move(done)](Result<StoredSecret> r) {
                  if (!caller)
                      return;
                  if (r && r->backend == SecretBackend::None)
                      return readNamed(legacy, caller, done); // from before several providers
                  done(r);
              });
}

void SettingsStore::readNamed(const QString &name, QObject *context,
                              std::function<void(Result<StoredSecret>)> done) {
    QPointer<QObject> caller(context);
    const auto fromFile = [this, name]() -> Result<StoredSecret> {
        const auto value = readFile(name);
        if (!value)
            return value.error();
        StoredSecret s;
        s.value = *value;
        s.backend = value->isEmpty() ? SecretBackend::None : SecretBackend::File;
        return s;
    };
    if (m_settings->value(backendKey(name)).toString() == QLatin1String("file")) {
        const auto r = fromFile();
        QMetaObject::invokeMethod(
            this,
            [caller, done = std::move(done), r] {
                if (caller)
                    done(r);
            },
            Qt::QueuedConnection); // asynchronous like the keychain path
        return;
    }
    const bool savedInKeychain =
        m_settings->value(backendKey(name)).toString() == QLatin1String("keychain");
    m_keychain->read(
        name, this,
        [caller, done = std::move(done), fromFile, savedInKeychain](Result<QString> read) {
            Result<StoredSecret> result = StoredSecret{};
            if (read && !read->isEmpty()) {
                StoredSecret s;
                s.value = *read;
                s.backend = SecretBackend::Keychain;
                result = s;
            } else {
                const auto file = fromFile();
                if (!read && savedInKeychain && file && file->backend == SecretBackend::None)
                    result = read.error(); // it is in there, and the keychain cannot be asked
                else
                    result = file;
            }
            if (caller)
                done(result);
        });
}

void SettingsStore::eraseSecret(const SecretRef &secret, QObject *context,
                                std::function<void(Result<std::monostate>)> done) {
    const QString legacy = legacyKeyName(secret);
    if (legacy.isEmpty())
        return eraseNamed(keyName(secret), context, std::move(done));
    QPointer<QObject> caller(context);
    eraseNamed(keyName(secret), this,
               [this, legacy, caller, done = std::move(done)](const Result<std::monostate> &r) {
                   if (!caller)
                       return;
                   if (!r)
                       return done(r);
                   eraseNamed(legacy, caller, done); // the copy from before several providers
               });
}

void SettingsStore::eraseNamed(const QString &name, QObject *context,
                               std::function<void(Result<std::monostate>)> done) {
    QPointer<QObject> caller(context);
    const bool inKeychain = backendOf(name) == SecretBackend::Keychain;
    m_keychain->remove(
        name, this,
        [this, name, inKeychain, caller, done = std::move(done)](const Result<QString> &removed) {
            Result<std::monostate> result = std::monostate{};
            if (!removeFile(name))
                result = Error{QStringLiteral("secret_file_failed"),
                               QStringLiteral("Cannot delete %1.")
                                   .arg(QDir::toNativeSeparators(fileOf(name)))};
            else if (!removed && inKeychain)
                result = removed.error(); // still in the keychain
            else
                setBackend(name, SecretBackend::None);
            if (caller)
                done(result);
        });
}

} // namespace fd
