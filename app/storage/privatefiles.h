#pragma once

#include "core/result.h"

#include <QString>

#include <variant>

namespace fd::privatefiles {

// Files that hold passenger data or secrets are for the desk's user alone, whatever the umask.

// Creates `dir` and each missing parent owner-only (0700). Folders that exist are left as they
// are: a user-chosen folder such as /tmp is not ours to change.
Result<std::monostate> makeFolder(const QString &dir);

// Creates `path` owner-only (0600) if it does not exist yet, so the program that fills it later
// (SQLite) never has a moment with a wider mode.
Result<std::monostate> createFile(const QString &path);

// Takes every group and other permission off an existing file or folder. True when there was
// one to take (the caller says so once); false when it was private already or does not exist.
Result<bool> restrictToOwner(const QString &path);

} // namespace fd::privatefiles
