#include "privatefiles.h"

#include <QDir>
#include <QFile>

#include <filesystem>
#include <system_error>

namespace fd::privatefiles {
namespace {

namespace fs = std::filesystem;

constexpr fs::perms kOthers = fs::perms::group_all | fs::perms::others_all;

fs::path native(const QString &path) {
    return fs::path(QFile::encodeName(QDir::cleanPath(path)).toStdString());
}

Error failed(const QString &what, const QString &path, const std::error_code &ec) {
    return Error{QStringLiteral("private_file_failed"),
                 QStringLiteral("Cannot %1 %2: %3")
                     .arg(what, QDir::toNativeSeparators(path),
                          QString::fromLocal8Bit(ec.message().c_str()))};
}

} // namespace

Result<std::monostate> makeFolder(const QString &dir) {
    const fs::path target = native(QDir(dir).absolutePath());
    std::error_code ec;
    if (fs::is_directory(target, ec))
        return std::monostate{};
    // Top down from the first missing level; each is made 0700 before anything goes into it.
    fs::path existing = target;
    while (!existing.empty() && !fs::exists(existing, ec) && existing != existing.root_path())
        existing = existing.parent_path();
    const fs::path rest = target.lexically_relative(existing);
    fs::path current = existing;
    for (const fs::path &part : rest) {
        current /= part;
        if (!fs::create_directory(current, ec) && ec)
            return failed(QStringLiteral("create the folder"), dir, ec);
        fs::permissions(current, fs::perms::owner_all, fs::perm_options::replace, ec);
        if (ec)
            return failed(QStringLiteral("restrict the folder"), dir, ec);
    }
    return std::monostate{};
}

Result<std::monostate> createFile(const QString &path) {
    QFile file(path);
    if (file.exists())
        return std::monostate{};
    // NewOnly is O_EXCL: created here, with this mode, or not at all.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        if (file.exists()) // another process was quicker; restrictToOwner deals with its mode
            return std::monostate{};
        return Error{QStringLiteral("private_file_failed"),
                     QStringLiteral("Cannot create %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString())};
    }
    file.close();
    std::error_code ec; // a umask such as 0277 would have taken the owner's write bit
    fs::permissions(native(path), fs::perms::owner_read | fs::perms::owner_write,
                    fs::perm_options::replace, ec);
    if (ec)
        return failed(QStringLiteral("restrict"), path, ec);
    return std::monostate{};
}

Result<bool> restrictToOwner(const QString &path) {
    std::error_code ec;
    const fs::file_status status = fs::status(native(path), ec);
    if (ec || !fs::exists(status))
        return false;
    if ((status.permissions() & kOthers) == fs::perms::none)
        return false;
    fs::permissions(native(path), kOthers, fs::perm_options::remove, ec);
    if (ec)
        return failed(QStringLiteral("restrict"), path, ec);
    return true;
}

} // namespace fd::privatefiles
