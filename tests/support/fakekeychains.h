#pragma once

// Secret services for the settings tests, answering asynchronously like QtKeychain does.
#include "storage/settingsstore.h"

#include <QHash>
#include <QTimer>

#include <functional>

namespace fd::test {

inline void later(QObject *context, std::function<void()> fn) {
    QTimer::singleShot(0, context, std::move(fn));
}

// What QtKeychain reports without a D-Bus session: every call fails.
class UnavailableKeychain final : public SecretKeychain {
public:
    int calls = 0;
    int writes = 0;
    int removes = 0;
    void read(const QString &, QObject *context, Done done) override { fail(context, done); }
    void write(const QString &, const QString &, QObject *context, Done done) override {
        ++writes;
        fail(context, done);
    }
    void remove(const QString &, QObject *context, Done done) override {
        ++removes;
        fail(context, done);
    }

private:
    void fail(QObject *context, Done done) {
        ++calls;
        later(context, [done] {
            done(Error{QStringLiteral("keychain_unavailable"),
                       QStringLiteral("No D-Bus session (test)")});
        });
    }
};

// A working secret service that keeps everything in memory.
class MemoryKeychain final : public SecretKeychain {
public:
    QHash<QString, QString> entries;
    void read(const QString &key, QObject *context, Done done) override {
        const QString v = entries.value(key);
        later(context, [done, v] { done(v); });
    }
    void write(const QString &key, const QString &value, QObject *context, Done done) override {
        entries.insert(key, value);
        later(context, [done] { done(QString()); });
    }
    void remove(const QString &key, QObject *context, Done done) override {
        entries.remove(key);
        later(context, [done] { done(QString()); });
    }
};

} // namespace fd::test
