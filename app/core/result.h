#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace fd {

// An error as a value: a stable machine code and an English sentence for people.
struct Error {
    QString code;
    QString message;
};

// A small stand-in for std::expected (C++23), which this C++20 project does not use.
template <typename T> class Result {
public:
    Result(T value)
        : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error)
        : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_v); }
    T &value() & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const Error &error() const { return std::get<1>(m_v); }
    T value_or(T fallback) const { return ok() ? value() : fallback; }

private:
    std::variant<T, Error> m_v;
};

} // namespace fd
