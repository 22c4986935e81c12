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
#include <QSettings>

#include <filesystem>
#include <system_error>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace fd {
namespace {

const QString kBaseUrl = QStringLiteral("api/baseUrl");
const QString kTimeout = QStringLiteral("api/requestTimeoutSeconds");
const QString kListen = QStringLiteral("webhook/listen");
const QString kListenPublic = QStringLiteral("webhook/listenPublic");
const QString kScale = QStringLiteral("training/timingScale");

QString backendKey(SecretKind kind) {
    return QStringLiteral("secrets/") + SettingsStore::keyName(kind);
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

QString SettingsStore::keyName(SecretKind kind) {
    return kind == SecretKind::ApiKey ? QStringLiteral("api_key")
                                      : QStringLiteral("webhook_secret");
}

QString SettingsStore::settingsFile() const {
    return m_settings->fileName();
}

DeskSettings SettingsStore::load() const {
    DeskSettings s;
    s.apiBase = QUrl(m_settings->value(kBaseUrl).toString());
    s.webhookListen = m_settings->value(kListen).toString();
    s.webhookListenPublic = m_settings->value(kListenPublic, false).toBool();
    bool ok = false;
    const double scale = m_settings->value(kScale, 1.0).toDouble(&ok);
    s.timingScale = ok && scale > 0 ? scale : 1.0;
    const int timeout = m_settings->value(kTimeout, 30).toInt(&ok);
    s.requestTimeoutSeconds = ok && timeout > 0 ? timeout : 30;
    return s;
}

Result<std::monostate> SettingsStore::save(const DeskSettings &settings) {
    m_settings->setValue(kBaseUrl, settings.apiBase.toString());
    m_settings->setValue(kListen, settings.webhookListen);
    m_settings->setValue(kListenPublic, settings.webhookListenPublic);
    m_settings->setValue(kScale, settings.timingScale);
    m_settings->setValue(kTimeout, settings.requestTimeoutSeconds);
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        return Error{QStringLiteral("settings_not_saved"),
                     QStringLiteral("The settings could not be written to %1.")
                         .arg(QDir::toNativeSeparators(m_settings->fileName()))};
    return std::monostate{};
}

SecretBackend SettingsStore::backend(SecretKind kind) const {
    const QString recorded = m_settings->value(backendKey(kind)).toString();
    if (recorded == QLatin1String("keychain"))
        return SecretBackend::Keychain;
    if (recorded == QLatin1String("file") && QFileInfo::exists(fallbackFile(kind)))
        return SecretBackend::File;
    return SecretBackend::None;
}

void SettingsStore::setBackend(SecretKind kind, SecretBackend backend) {
    switch (backend) {
    case SecretBackend::Keychain:
        m_settings->setValue(backendKey(kind), QStringLiteral("keychain"));
        break;
    case SecretBackend::File:
        m_settings->setValue(backendKey(kind), QStringLiteral("file"));
        break;
    case SecretBackend::None:
        m_settings->remove(backendKey(kind));
        break;
    }
    m_settings->sync();
}

QString SettingsStore::fallbackFile(SecretKind kind) const {
    return QFileInfo(m_settings->fileName()).absolutePath() + QLatin1Char('/') + keyName(kind) +
           QStringLiteral(".secret");
}

Result<std::monostate> SettingsStore::writeFile(SecretKind kind, const QString &value) const {
    const QString target = fallbackFile(kind);
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

Result<QString> SettingsStore::readFile(SecretKind kind) const {
    const QString path = fallbackFile(kind);
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

bool SettingsStore::removeFile(SecretKind kind) const {
    const QString path = fallbackFile(kind);
    return !QFileInfo::exists(path) || QFile::remove(path);
}

void SettingsStore::storeSecret(SecretKind kind, const QString &value, AllowFileFallback fallback,
                                QObject *context, std::function<void(Result<SecretBackend>)> done) {
    QPointer<QObject> caller(context);
    if (value.isEmpty()) {
        eraseSecret(kind, context, [done = std::move(done)](const Result<std::monostate> &r) {
            done(r ? Result<SecretBackend>(SecretBackend::None) : Result<SecretBackend>(r.error()));
        });
        return;
    }
    m_keychain->write(
        keyName(kind), value, this,
        [this, kind, value, fallback, caller,
         done = std::move(done)](const Result<QString> &written) {
            Result<SecretBackend> result = SecretBackend::Keychain;
            if (written) {
                removeFile(kind); // no plaintext copy outlives the move to the keychain
                setBackend(kind, SecretBackend::Keychain);
            } else if (fallback == AllowFileFallback::Yes) {
                const auto file = writeFile(kind, value);
                if (file)
                    setBackend(kind, SecretBackend::File);
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

void SettingsStore::readSecret(SecretKind kind, QObject *context,
                               std::function<void(Result<StoredSecret>)> done) {
    QPointer<QObject> caller(context);
    const auto fromFile = [this, kind]() -> Result<StoredSecret> {
        const auto value = readFile(kind);
        if (!value)
            return value.error();
        StoredSecret s;
        s.value = *value;
        s.backend = value->isEmpty() ? SecretBackend::None : SecretBackend::File;
        return s;
    };
    if (m_settings->value(backendKey(kind)).toString() == QLatin1String("file")) {
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
        m_settings->value(backendKey(kind)).toString() == QLatin1String("keychain");
    m_keychain->read(
        keyName(kind), this,
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

void SettingsStore::eraseSecret(SecretKind kind, QObject *context,
                                std::function<void(Result<std::monostate>)> done) {
    QPointer<QObject> caller(context);
    const bool inKeychain = backend(kind) == SecretBackend::Keychain;
    m_keychain->remove(
        keyName(kind), this,
        [this, kind, inKeychain, caller, done = std::move(done)](const Result<QString> &removed) {
            Result<std::monostate> result = std::monostate{};
            if (!removeFile(kind))
                result = Error{QStringLiteral("secret_file_failed"),
                               QStringLiteral("Cannot delete %1.")
                                   .arg(QDir::toNativeSeparators(fallbackFile(kind)))};
            else if (!removed && inKeychain)
                result = removed.error(); // still in the keychain
            else
                setBackend(kind, SecretBackend::None);
            if (caller)
                done(result);
        });
}

} // namespace fd
