#pragma once

// A real demo desk with a ticketed Travelbase booking to act on, for the GUI tests of the
// booking actions (cancel, change contact details), and the keyboard moves they share. The
// session stays reachable for what the tests check behind the desk: the sandbox's ledger.
#include "checkoutpage.h"
#include "checkouttab.h"
#include "deskoffers.h"
#include "testjournal.h"

#include "desk/desk.h"
#include "desk/session.h"
#include "sandbox/ledger.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace fd::test {

constexpr int kBookingWait = 15000;

struct BookingDesk {
    std::unique_ptr<Session> session;
    std::unique_ptr<desk::Desk> desk;

    const sandbox::Ledger &ledger() { return session->sandbox()->ledger(); }
    int requests(const QString &endpoint) {
        int n = 0;
        for (const auto &r : ledger().requests())
            n += r.endpoint == endpoint ? 1 : 0;
        return n;
    }
    QList<sandbox::Ledger::Movement> movements(const QString &type) {
        QList<sandbox::Ledger::Movement> out;
        for (const auto &m : ledger().movements())
            if (m.type == type)
                out << m;
        return out;
    }
};

inline BookingDesk openBookingDesk(const QTemporaryDir &dir, const QString &journal) {
    SessionOptions o;
    o.demo = true;
    o.journalPath = freshJournalLocation(dir, journal);
    o.journalPassword = journalPassword();
    o.timingScale = 0.01;
    auto s = Session::open(o);
    if (!s)
        qFatal("session: %s", qPrintable(s.error().message));
    BookingDesk d{std::move(s).value(), nullptr};
    d.desk = desk::makeDesk(*d.session);
    return d;
}

inline QList<Passenger> bookingAdult() {
    Passenger p;
    p.title = QStringLiteral("ms");
    p.givenName = QStringLiteral("Amara");
    p.familyName = QStringLiteral("Nwosu");
    p.bornOn = QStringLiteral("1985-09-30");
    p.gender = QStringLiteral("f");
    p.email = QStringLiteral("amara.nwosu@example.com");
    p.phoneNumber = QStringLiteral("+2348031234567");
    p.identityDocuments = {{QStringLiteral("passport"), QStringLiteral("A87654321"),
                            QStringLiteral("NG"), QStringLiteral("2036-03-31")}};
    return {p};
}

// Books `tab` with Ctrl+Return and waits for "Booked"; false when it was not ticketed.
inline bool bookWithTheKeyboard(ui::CheckoutTab &tab) {
    if (!QTest::qWaitFor([&tab] { return tab.page()->canBook(); }, kBookingWait))
        return false;
    // Ctrl+Return books from within the form, as the agent who just filled it in.
    QWidget *window = tab.window();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window))
        return false;
    QWidget *field = tab.page()->findChild<QLineEdit *>(QStringLiteral("givenNameEdit"));
    field->setFocus(Qt::TabFocusReason);
    QTest::keyClick(field, Qt::Key_Return, Qt::ControlModifier);
    auto *state = tab.findChild<QLabel *>(QStringLiteral("stateLabel"));
    return QTest::qWaitFor([state] { return state->text().contains(QStringLiteral("Booked")); },
                           kBookingWait);
}

// Selects the current row of `table` with the keyboard alone: arrows move, Space selects.
inline void selectRowWithTheKeyboard(QTableView *table) {
    table->setFocus(Qt::TabFocusReason);
    QTest::keyClick(table, Qt::Key_Down);
    QTest::keyClick(table, Qt::Key_Space);
}

// Makes `window` the active window and waits until it is (the offscreen platform may hand the
// activation back to the window a dialog was opened from a moment after it opened).
inline bool activate(QWidget *window) {
    return QTest::qWaitFor([window] {
        if (QApplication::activeWindow() == window)
            return true;
        window->activateWindow();
        return false;
    });
}

// The top-level widget of type T named `name` (a dialog opened with open()), or nullptr.
template <typename T> T *openDialog(const QString &name) {
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *d = qobject_cast<T *>(w); d && d->objectName() == name && d->isVisible())
            return d;
    return nullptr;
}

} // namespace fd::test
