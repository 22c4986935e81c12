// The search page against a real in-process sandbox (a demo desk over an fd::Session): typing a
// route, Enter, sorting, choosing with the keyboard; invalid input sends nothing (the sandbox's
// ledger says so); searchAgain prefills and searches; the provider's failures, a wrong API key
// and an unreachable server read as sentences with the fix. And over a fake desk
// (tests/support/fakedesk.h), with no server at all: the page shows what the desk's Search
// answers, sends what the agent asked for, and drops an answer it cancelled.
#include "fakedesk.h"
#include "guitestdata.h"
#include "offersmodel.h"
#include "searchpage.h"
#include "searchquery.h"

#include "desk/desk.h"
#include "desk/session.h"
#include "sandbox/ledger.h"
#include "sandbox/sandbox.h"
#include "sandbox/scenario.h"
#include "sandbox/travomatrix/travomatrixsandbox.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using fd::ui::OffersModel;
using fd::ui::SearchPage;

namespace {

std::unique_ptr<fd::Session> openSession(const QTemporaryDir &dir, fd::SessionOptions o) {
    o.journalPath = dir.filePath(QStringLiteral("j.sqlite"));
    o.timingScale = 0.01;
    auto session = fd::Session::open(std::move(o));
    if (!session)
        qFatal("session did not open: %s", qPrintable(session.error().message));
    return std::move(session).value();
}

// A test offer sold by `provider`, with its own id and total.
fd::Offer offerBy(const char *provider, const char *id, const char *total) {
    fd::Offer o = guitest::offer("los-lhr-family");
    o.provider = QLatin1String(provider);
    o.id = QLatin1String(id);
    o.total = *fd::Money::parse(QLatin1String(total), o.total.currency());
    return o;
}

const QString kTravelbase = QStringLiteral("travelbase");
const QString kTravomatrix = QStringLiteral("travomatrix");

// A fake desk connected to both providers, each answering its own offers.
void twoProviders(fd::test::FakeDesk &fake) {
    fake.fakeSearch.connected = {kTravelbase, kTravomatrix};
    fake.fakeSearch.answers.insert(kTravelbase,
                                   QList<fd::Offer>{offerBy("travelbase", "tb_1", "500.00"),
                                                    offerBy("travelbase", "tb_2", "700.00")});
    fake.fakeSearch.answers.insert(kTravomatrix,
                                   QList<fd::Offer>{offerBy("travomatrix", "TMX1", "600.00")});
}

fd::SessionOptions demo() {
    fd::SessionOptions o;
    o.demo = true;
    return o;
}

struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<fd::Session> session;
    std::unique_ptr<fd::desk::Desk> desk;
    std::unique_ptr<SearchPage> page;

    explicit Fixture(fd::SessionOptions options = demo())
        : session(openSession(dir, std::move(options)))
        , desk(fd::desk::makeDesk(*session))
        , page(std::make_unique<SearchPage>(&desk->search(), &desk->clock())) {
        show();
    }
    // The page over a fake desk: no sandbox, no journal, no network.
    explicit Fixture(fd::test::FakeDesk &fake)
        : page(std::make_unique<SearchPage>(&fake.search(), &fake.clock())) {
        show();
    }
    void show() {
        page->resize(1100, 800);
        page->show();
        page->activateWindow();
        if (!QTest::qWaitForWindowActive(page.get()))
            qFatal("the page never became active");
    }
    template <typename T> T *find(const char *name) const {
        auto *w = page->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no %s on the page", name);
        return w;
    }
    QLineEdit *origin() const { return find<QLineEdit>("originEdit"); }
    QLineEdit *destination() const { return find<QLineEdit>("destinationEdit"); }
    QTableView *table() const { return find<QTableView>("offersTableView"); }
    QString status() const { return find<QLabel>("statusLabel")->text(); }
    OffersModel *model() const { return page->offersModel(); }

    // Types into an input as an agent would, then closes the completion list it opened.
    void type(QLineEdit *edit, const QString &text) {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, text);
        if (QAbstractItemView *popup = edit->completer()->popup(); popup->isVisible())
            QTest::keyClick(popup, Qt::Key_Escape);
        reactivate();
    }
    // The offscreen platform leaves a closed completion popup as the active window, where a
    // window manager would give activation back to the page.
    void reactivate() {
        page->activateWindow();
        if (!QTest::qWaitForWindowActive(page.get()))
            qFatal("the page did not get activation back");
    }
    void route(const char *from, const char *to) {
        type(origin(), QString::fromUtf8(from));
        type(destination(), QString::fromUtf8(to));
    }
    void pressEnter(QWidget *w) { QTest::keyClick(w, Qt::Key_Return); }

    // How many places questions the Travelbase sandbox received.
    int placeQuestionsSent() const {
        int n = 0;
        const QJsonArray requests =
            session->sandbox()->ledgerJson().value(QLatin1String("requests")).toArray();
        for (const QJsonValue &r : requests)
            n += r.toObject().value(QLatin1String("endpoint")).toString() ==
                 QLatin1String("place_suggestions");
        return n;
    }
    // Whether the page is still asking the providers for places (or waiting for a pause).
    bool askingForPlaces() const {
        return page->findChild<QObject *>(QStringLiteral("placeQuestion")) != nullptr;
    }
    int searchesSent() const {
        int n = 0;
        const QJsonArray requests =
            session->sandbox()->ledgerJson().value(QLatin1String("requests")).toArray();
        for (const QJsonValue &r : requests)
            n += r.toObject().value(QLatin1String("endpoint")).toString() ==
                 QLatin1String("search_offers");
        return n;
    }
    // Whether the sandbox has answered (or given up on) every search it received.
    bool everySearchAnswered() const {
        const QJsonArray requests =
            session->sandbox()->ledgerJson().value(QLatin1String("requests")).toArray();
        for (const QJsonValue &r : requests)
            if (r.toObject().value(QLatin1String("endpoint")).toString() ==
                    QLatin1String("search_offers") &&
                r.toObject().value(QLatin1String("status")).toInt() == 0)
                return false;
        return true;
    }
    // A marker: a wallet read through the page's own desk, sent after everything the page sent
    // or was answered before it. Once it is back, what came before has had its chance to arrive
    // and to be shown.
    bool roundTrip() {
        bool done = false;
        QObject context;
        desk->wallet().fetch(QStringLiteral("travelbase"), &context,
                             [&](const fd::GatewayResult<fd::Wallet> &) { done = true; });
        return QTest::qWaitFor([&] { return done; }, 10000);
    }
    // The Provider column of the table's row, as shown.
    QString providerInRow(int row) const {
        return table()->model()->index(row, OffersModel::Provider).data().toString();
    }
    // The offer of the table's current row.
    fd::Offer currentOffer() const {
        const auto *proxy = static_cast<const QSortFilterProxyModel *>(table()->model());
        return model()->offerAt(proxy->mapToSource(table()->currentIndex()).row());
    }
    // The offer shown in the table's row, after sorting.
    const fd::Offer &offerInRow(int row) const {
        const auto *proxy = table()->model();
        const QModelIndex source =
            static_cast<const QSortFilterProxyModel *>(proxy)->mapToSource(proxy->index(row, 0));
        return model()->offerAt(source.row());
    }
};

} // namespace

class TestSearchPage final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void searchesAndChoosesWithTheKeyboard() {
        Fixture f;
        QSignalSpy chosen(f.page.get(), &SearchPage::offerChosen);
        f.route("Lagos", "LHR");
        QCOMPARE(f.origin()->text(), QStringLiteral("Lagos (LOS)"));
        f.pressEnter(f.destination());
        QCOMPARE(f.destination()->text(), QStringLiteral("London (LHR)"));
        QVERIFY2(f.status().startsWith(QStringLiteral("Searching LOS → LHR…")),
                 qPrintable(f.status()));
        // Both demo sandboxes sell the route: two offers from each.
        QTRY_VERIFY2(!f.page->isSearching(), qPrintable(f.status()));
        QCOMPARE(f.model()->rowCount(), 4);
        QVERIFY2(f.status().startsWith(QStringLiteral("4 offers for LOS → LHR.")),
                 qPrintable(f.status()));
        QCOMPARE(f.searchesSent(), 1);
        QStringList providers;
        for (int r = 0; r < 4; ++r)
            providers << f.providerInRow(r);
        QCOMPARE(providers.count(QStringLiteral("Travelbase")), 2);
        QCOMPARE(providers.count(QStringLiteral("Travomatrix")), 2);

        // Cheapest first by default; then the other way round by the Price header.
        QCOMPARE(f.table()->horizontalHeader()->sortIndicatorSection(), int(OffersModel::Price));
        QVERIFY(f.offerInRow(0).total.minorUnits() <= f.offerInRow(1).total.minorUnits());
        QVERIFY(f.offerInRow(2).total.minorUnits() <= f.offerInRow(3).total.minorUnits());
        const QPoint priceHeader(
            f.table()->horizontalHeader()->sectionViewportPosition(OffersModel::Price) + 5, 5);
        QTest::mouseClick(f.table()->horizontalHeader()->viewport(), Qt::LeftButton, {},
                          priceHeader);
        QCOMPARE(f.table()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
        QVERIFY(f.offerInRow(0).total.minorUnits() >= f.offerInRow(1).total.minorUnits());
        QVERIFY(f.offerInRow(0).total.minorUnits() > f.offerInRow(3).total.minorUnits());

        // The results take the keyboard: Down, then Enter chooses the second row.
        QCOMPARE(QApplication::focusWidget(), f.table());
        f.table()->setCurrentIndex(f.table()->model()->index(0, 0));
        const fd::Offer expected = f.offerInRow(1);
        QTest::keyClick(f.table(), Qt::Key_Down);
        f.pressEnter(f.table());
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.at(0).at(0).value<fd::Offer>().id, expected.id);
        QVERIFY(chosen.at(0).at(1).value<QList<fd::Passenger>>().isEmpty());
        QCOMPARE(f.searchesSent(), 1); // Enter in the table chooses; it never searches again
    }

    void choosesByButtonAndDoubleClick() {
        Fixture f;
        QSignalSpy chosen(f.page.get(), &SearchPage::offerChosen);
        f.route("ACC", "LOS");
        f.find<QPushButton>("searchButton")->click();
        QTRY_VERIFY(f.model()->rowCount() > 0);
        auto *choose = f.find<QPushButton>("chooseOfferButton");
        QVERIFY(choose->isEnabled());
        choose->click();
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.at(0).at(0).value<fd::Offer>().id, f.offerInRow(0).id);
        const QRect cell = f.table()->visualRect(f.table()->model()->index(0, 1));
        QTest::mouseClick(f.table()->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(f.table()->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(chosen.size(), 2);
    }

    void acceptsEverySpellingOfAnAirport_data() {
        QTest::addColumn<QString>("typed");
        QTest::newRow("code") << QStringLiteral("LOS");
        QTest::newRow("code, lower case") << QStringLiteral("los");
        QTest::newRow("city") << QStringLiteral("Lagos");
        QTest::newRow("city (code)") << QStringLiteral("Lagos (LOS)");
        QTest::newRow("completion")
            << QStringLiteral("Lagos — Murtala Muhammed Intl (LOS), Nigeria");
        QTest::newRow("airport name") << QStringLiteral("Murtala Muhammed International Airport");
    }
    void acceptsEverySpellingOfAnAirport() {
        QFETCH(QString, typed);
        Fixture f;
        f.origin()->setText(typed);
        f.destination()->setText(QStringLiteral("LHR"));
        const auto query = f.page->query();
        QVERIFY2(query, qPrintable(f.status()));
        QCOMPARE(query->origin, QStringLiteral("LOS"));
        QCOMPARE(f.origin()->text(), QStringLiteral("Lagos (LOS)"));
        QVERIFY(f.find<QLabel>("originMessageLabel")
                    ->text()
                    .contains(QLatin1String("Murtala Muhammed International Airport")));
    }

    void completionPicksAnAirport() {
        Fixture f;
        f.origin()->setFocus();
        QTest::keyClicks(f.origin(), QStringLiteral("Heath"));
        QAbstractItemView *popup = f.origin()->completer()->popup();
        QTRY_VERIFY(popup->isVisible());
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key_Return);
        QTRY_COMPARE(f.origin()->text(), QStringLiteral("London (LHR)"));
    }

    // Any airport the provider knows, not only the bundled list: typed in one go (the page
    // asks once the agent pauses, so once), named in full, picked with the keyboard, searched.
    void completionAsksTheProviderForAnyAirport() {
        Fixture f;
        f.destination()->setFocus();
        QTest::keyClicks(f.destination(), QStringLiteral("sao to"));
        QAbstractItemView *popup = f.destination()->completer()->popup();
        const QString tms = QStringLiteral("São Tomé — São Tomé Intl (TMS), Sao Tome and Principe");
        QTRY_VERIFY2(popup->isVisible() && popup->model()->rowCount() > 0 &&
                         popup->model()->index(0, 0).data().toString() == tms,
                     qPrintable(popup->model()->index(0, 0).data().toString()));
        QCOMPARE(f.placeQuestionsSent(), 1); // typed in one go: asked once
        // The README's screenshot (FLIGHTDESK_SCREENSHOT_DIR set, under xvfb-run -platform xcb):
        // the screen, for the list is a window of its own.
        if (const QString shots = qEnvironmentVariable("FLIGHTDESK_SCREENSHOT_DIR");
            !shots.isEmpty()) {
            const QRect page = f.page->frameGeometry();
            QVERIFY(f.page->screen()
                        ->grabWindow(0, page.x(), page.y(), page.width(), 360)
                        .save(shots + QStringLiteral("/completer.png")));
        }
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key_Return);
        QTRY_COMPARE(f.destination()->text(), QStringLiteral("São Tomé (TMS)"));
        QCOMPARE(f.find<QLabel>("destinationMessageLabel")->text(),
                 QStringLiteral("São Tomé International Airport, Sao Tome and Principe"));
        f.reactivate();
        f.type(f.origin(), QStringLiteral("LOS"));
        f.pressEnter(f.origin());
        QTRY_VERIFY2(!f.page->isSearching(), qPrintable(f.status()));
        QVERIFY2(f.model()->rowCount() > 0, qPrintable(f.status()));
        QCOMPARE(f.offerInRow(0).slices.first().destination.iataCode, QStringLiteral("TMS"));
    }

    // Travomatrix has no places endpoint: it is not asked, and the Travelbase answer is shown.
    void aProviderWithoutPlacesIsNotAsked() {
        Fixture f;
        const auto travomatrixRequests =
            f.session->travomatrixSandbox()->ledger().requests().size();
        f.destination()->setFocus();
        QTest::keyClicks(f.destination(), QStringLiteral("Ilorin"));
        QAbstractItemView *popup = f.destination()->completer()->popup();
        QTRY_VERIFY(popup->isVisible() && popup->model()->rowCount() == 1);
        QCOMPARE(popup->model()->index(0, 0).data().toString(),
                 QStringLiteral("Ilorin — Ilorin Intl (ILR), Nigeria"));
        QCOMPARE(f.placeQuestionsSent(), 1);
        QTRY_VERIFY(!f.askingForPlaces());
        QCOMPARE(f.session->travomatrixSandbox()->ledger().requests().size(), travomatrixRequests);
        // Enter without moving into the list takes the city the agent typed: one airport.
        QTest::keyClick(popup, Qt::Key_Return);
        f.reactivate();
        QTest::keyClick(f.destination(), Qt::Key_Tab);
        QTRY_COMPARE(f.destination()->text(), QStringLiteral("Ilorin (ILR)"));
    }

    // Offline, or a code no list knows: any three letters are searched as typed, with a note.
    void anyAirportCodeIsSearchedAsTyped_data() {
        QTest::addColumn<bool>("offline");
        QTest::addColumn<QString>("note");
        QTest::newRow("offline") << true
                                 << QStringLiteral("XQZ is searched as typed: the provider could "
                                                   "not be asked for its airports (offline?)");
        QTest::newRow("unknown to every list")
            << false
            << QStringLiteral("XQZ is searched as typed: no airport list this desk has names it");
    }
    void anyAirportCodeIsSearchedAsTyped() {
        QFETCH(bool, offline);
        QFETCH(QString, note);
        fd::test::FakeDesk fake(guitest::morning());
        fd::GatewayFailure unreachable;
        unreachable.kind = fd::GatewayFailure::Kind::OutcomeUnknown;
        unreachable.code = QStringLiteral("FD_NETWORK");
        unreachable.message = QStringLiteral("Connection refused");
        if (offline)
            fake.fakeSearch.places.insert(QStringLiteral("xqz"), unreachable);
        Fixture f(fake);
        f.destination()->setFocus();
        QTest::keyClicks(f.destination(), QStringLiteral("xqz"));
        QTRY_COMPARE(fake.fakeSearch.placeQueries, QStringList{QStringLiteral("xqz")});
        QTRY_VERIFY(!f.askingForPlaces());
        f.type(f.origin(), QStringLiteral("LOS"));
        f.pressEnter(f.origin());
        QCOMPARE(f.destination()->text(), QStringLiteral("XQZ"));
        const QString shown = f.find<QLabel>("destinationMessageLabel")->text();
        QVERIFY2(shown.startsWith(note), qPrintable(shown));
        QVERIFY(!shown.startsWith(QLatin1String("Error")));
        QCOMPARE(fake.fakeSearch.requests.size(), 1);
        QCOMPARE(fake.fakeSearch.requests.first()
                     .value(QLatin1String("slices"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("destination"))
                     .toString(),
                 QStringLiteral("XQZ"));
    }

    // A question still unanswered when the agent types on is dropped: its late answer never
    // replaces the list of the newer one.
    void aSupersededPlaceQuestionIsDropped() {
        fd::test::FakeDesk fake(guitest::morning());
        fake.fakeSearch.holdPlaces = true;
        fd::Place ilorin;
        ilorin.iataCode = QStringLiteral("ILR");
        ilorin.cityName = QStringLiteral("Ilorin");
        ilorin.countryCode = QStringLiteral("NG");
        ilorin.name = QStringLiteral("Ilorin International Airport");
        fd::Place old = ilorin;
        old.iataCode = QStringLiteral("OLD");
        old.cityName = QStringLiteral("Oldtown");
        fake.fakeSearch.places.insert(QStringLiteral("Ilo"), QList<fd::Place>{old});
        fake.fakeSearch.places.insert(QStringLiteral("Ilorin"), QList<fd::Place>{ilorin});
        Fixture f(fake);
        f.destination()->setFocus();
        QTest::keyClicks(f.destination(), QStringLiteral("Ilo"));
        QTRY_COMPARE(fake.fakeSearch.placeQueries, QStringList{QStringLiteral("Ilo")});
        QCOMPARE(fake.fakeSearch.placesHeldAlive(), 1);
        QTest::keyClicks(f.destination(), QStringLiteral("rin"));
        QCOMPARE(fake.fakeSearch.placesHeldAlive(), 0); // dropped as the agent typed on
        QTRY_COMPARE(fake.fakeSearch.placeQueries,
                     (QStringList{QStringLiteral("Ilo"), QStringLiteral("Ilorin")}));
        fake.fakeSearch.releasePlaces();
        QAbstractItemView *popup = f.destination()->completer()->popup();
        QTRY_VERIFY(popup->isVisible() && popup->model()->rowCount() == 1);
        QCOMPARE(popup->model()->index(0, 0).data().toString(),
                 QStringLiteral("Ilorin — Ilorin Intl (ILR), Nigeria"));
        QTRY_VERIFY(!f.askingForPlaces());
        QCOMPARE(popup->model()->rowCount(), 1);
    }

    void invalidInputSendsNothing_data() {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<int>("adults");
        QTest::addColumn<int>("children");
        QTest::addColumn<int>("infants");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const char *from, const char *to, int adults,
                            int children, int infants, const char *label, const char *message) {
            QTest::newRow(name) << QString::fromUtf8(from) << QString::fromUtf8(to) << adults
                                << children << infants << QString::fromUtf8(label)
                                << QString::fromUtf8(message);
        };
        row("same airport", "Lagos", "LOS", 1, 0, 0, "destinationMessageLabel",
            "Origin and destination are the same airport (LOS): pick another destination.");
        row("unknown airport", "Atlantis", "LHR", 1, 0, 0, "originMessageLabel",
            "No airport matches \"Atlantis\"");
        row("city with several airports", "LOS", "London", 1, 0, 0, "destinationMessageLabel",
            "London has several airports (LHR, LGW, STN, LCY");
        row("empty origin", "", "LHR", 1, 0, 0, "originMessageLabel",
            "Enter the airport to fly from");
        row("infants > adults", "LOS", "LHR", 1, 0, 2, "passengersMessageLabel",
            "Each infant travels on an adult's lap: 2 infants need at least 2 adults, not 1.");
        row("more than 9", "LOS", "LHR", 4, 4, 2, "passengersMessageLabel",
            "At most 9 passengers fit in one booking (10 chosen)");
    }
    void invalidInputSendsNothing() {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(int, adults);
        QFETCH(int, children);
        QFETCH(int, infants);
        QFETCH(QString, label);
        QFETCH(QString, message);
        Fixture f;
        f.find<QSpinBox>("adultsSpinBox")->setValue(adults);
        f.find<QSpinBox>("childrenSpinBox")->setValue(children);
        f.find<QSpinBox>("infantsSpinBox")->setValue(infants);
        f.origin()->setText(from);
        f.type(f.destination(), to);
        f.pressEnter(f.destination());
        QVERIFY2(f.status().startsWith(QLatin1String("Not searched yet.")), qPrintable(f.status()));
        QVERIFY2(f.status().contains(message), qPrintable(f.status()));
        auto *next = f.find<QLabel>(qPrintable(label));
        QVERIFY(next->isVisible());
        QVERIFY2(next->text().startsWith(QLatin1String("Error: ") + message) ||
                     next->text().contains(message),
                 qPrintable(next->text()));
        QVERIFY(!f.page->isSearching());
        QVERIFY(f.roundTrip()); // nothing in flight could arrive late either
        QCOMPARE(f.searchesSent(), 0);
        QCOMPARE(f.model()->rowCount(), 0);
    }

    void passengerRulesShowAsTheAgentCounts() {
        Fixture f;
        auto *message = f.find<QLabel>("passengersMessageLabel");
        auto *infants = f.find<QSpinBox>("infantsSpinBox");
        QVERIFY(!message->isVisible());
        infants->setFocus();
        QTest::keyClick(infants, Qt::Key_Up);
        QVERIFY(!message->isVisible()); // one infant, one adult
        QTest::keyClick(infants, Qt::Key_Up);
        QVERIFY(message->isVisible());
        QVERIFY(message->text().contains(QLatin1String("adult's lap")));
        QCOMPARE(infants->accessibleDescription(), message->text());
        QCOMPARE(f.find<QSpinBox>("adultsSpinBox")->minimum(), 1);
        QCOMPARE(f.find<QSpinBox>("adultsSpinBox")->maximum(), 9);
        f.find<QSpinBox>("adultsSpinBox")->setValue(2);
        QVERIFY(!message->isVisible());
    }

    void datesFollowTheClockAndTheTrip() {
        Fixture f;
        fd::ManualClock clock(QDateTime(QDate(2030, 3, 1), QTime(23, 30), Qt::UTC));
        f.page->setClock(&clock);
        auto *departure = f.find<QDateEdit>("departureDateEdit");
        auto *back = f.find<QDateEdit>("returnDateEdit");
        QCOMPARE(departure->minimumDate(), QDate(2030, 3, 1));
        QVERIFY(!back->isEnabled());
        f.find<QRadioButton>("returnRadioButton")->click();
        QVERIFY(back->isEnabled());
        departure->setDate(QDate(2030, 4, 10));
        QCOMPARE(back->minimumDate(), QDate(2030, 4, 10));
        back->setDate(QDate(2030, 4, 1)); // clamped: a return cannot precede the departure
        QCOMPARE(back->date(), QDate(2030, 4, 10));
        clock.advance(3600'000); // past midnight UTC: yesterday is no longer offered
        QTRY_COMPARE(departure->minimumDate(), QDate(2030, 3, 2));
    }

    void requestHasTheContractShape() {
        fd::ui::searchquery::Query q;
        q.origin = QStringLiteral("LOS");
        q.destination = QStringLiteral("LHR");
        q.departure = QDate(2027, 2, 10);
        q.returnDate = QDate(2027, 2, 20);
        q.adults = 2;
        q.children = 1;
        q.infants = 1;
        q.cabin = QStringLiteral("business");
        const auto slice = [](const char *from, const char *to, const char *date) {
            return QJsonObject{{QStringLiteral("origin"), QLatin1String(from)},
                               {QStringLiteral("destination"), QLatin1String(to)},
                               {QStringLiteral("departure_date"), QLatin1String(date)}};
        };
        const auto pax = [](const char *type) {
            return QJsonObject{{QStringLiteral("type"), QLatin1String(type)}};
        };
        const QJsonObject expected{
            {QStringLiteral("slices"),
             QJsonArray{slice("LOS", "LHR", "2027-02-10"), slice("LHR", "LOS", "2027-02-20")}},
            {QStringLiteral("passengers"),
             QJsonArray{pax("adult"), pax("adult"), pax("child"), pax("infant_without_seat")}},
            {QStringLiteral("cabin_class"), QStringLiteral("business")}};
        QCOMPARE(fd::ui::searchquery::toRequest(q), expected);
    }

    void returnSearchInBusiness() {
        Fixture f;
        f.route("LOS", "LHR");
        f.find<QRadioButton>("returnRadioButton")->click();
        auto *cabin = f.find<QComboBox>("cabinComboBox");
        cabin->setCurrentIndex(cabin->findData(QStringLiteral("business")));
        f.find<QPushButton>("searchButton")->click();
        QTRY_VERIFY(f.model()->rowCount() > 0);
        QCOMPARE(f.offerInRow(0).slices.size(), 2);
        const QString departs =
            f.table()->model()->index(0, OffersModel::Departure).data().toString();
        QVERIFY2(departs.contains(QLatin1Char('\n')), qPrintable(departs));
        // In each airport's local time, with its zone from the sandbox's places: Lagos is WAT.
        QVERIFY2(departs.section(QLatin1Char('\n'), 0, 0).endsWith(QLatin1String(" WAT")),
                 qPrintable(departs));
        QVERIFY2(!departs.contains(QLatin1String("UTC")), qPrintable(departs));
        QCOMPARE(f.table()->model()->headerData(OffersModel::Departure, Qt::Horizontal).toString(),
                 QStringLiteral("Departs"));
        // Rows grow to show both lines.
        QVERIFY(f.table()->rowHeight(0) > f.table()->fontMetrics().height() * 2);
    }

    void searchAgainPrefillsAndSearches() {
        Fixture f;
        // A family's earlier return offer, from the sandbox itself.
        f.route("LOS", "LHR");
        f.find<QRadioButton>("returnRadioButton")->click();
        f.find<QSpinBox>("childrenSpinBox")->setValue(1);
        f.find<QSpinBox>("infantsSpinBox")->setValue(1);
        f.find<QPushButton>("searchButton")->click();
        QTRY_VERIFY(f.model()->rowCount() > 0);
        const fd::Offer previous = f.offerInRow(0);
        QCOMPARE(previous.passengers.size(), 3);

        Fixture again;
        QSignalSpy chosen(again.page.get(), &SearchPage::offerChosen);
        const QList<fd::Passenger> family = guitest::passengers("family-valid");
        again.page->searchAgain(previous, family);
        QCOMPARE(again.origin()->text(), QStringLiteral("Lagos (LOS)"));
        QCOMPARE(again.destination()->text(), QStringLiteral("London (LHR)"));
        QVERIFY(again.find<QRadioButton>("returnRadioButton")->isChecked());
        QCOMPARE(again.find<QDateEdit>("departureDateEdit")->date(),
                 previous.slices.at(0).departingAt.toUTC().date());
        QCOMPARE(again.find<QDateEdit>("returnDateEdit")->date(),
                 previous.slices.at(1).departingAt.toUTC().date());
        QCOMPARE(again.find<QSpinBox>("adultsSpinBox")->value(), 1);
        QCOMPARE(again.find<QSpinBox>("childrenSpinBox")->value(), 1);
        QCOMPARE(again.find<QSpinBox>("infantsSpinBox")->value(), 1);
        QVERIFY(again.page->isSearching());
        QTRY_VERIFY(again.model()->rowCount() > 0);
        QCOMPARE(again.searchesSent(), 1);

        again.page->chooseCurrentOffer();
        QCOMPARE(chosen.size(), 1);
        const auto offer = chosen.at(0).at(0).value<fd::Offer>();
        const auto prefill = chosen.at(0).at(1).value<QList<fd::Passenger>>();
        QCOMPARE(prefill.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(prefill.at(i).id, offer.passengers.at(i).id);
            QCOMPARE(prefill.at(i).type, offer.passengers.at(i).type);
            QCOMPARE(prefill.at(i).givenName, family.at(i).givenName);
            QCOMPARE(prefill.at(i).familyName, family.at(i).familyName);
        }
        // The prefill was for that one choice.
        again.page->chooseCurrentOffer();
        QVERIFY(chosen.at(1).at(1).value<QList<fd::Passenger>>().isEmpty());
    }

    void prefillLinesUpByType() {
        fd::Offer offer;
        for (const char *t : {"adult", "adult", "infant_without_seat"})
            offer.passengers.append(
                {QStringLiteral("pas_%1").arg(offer.passengers.size() + 1), QLatin1String(t)});
        fd::Passenger infant;
        infant.type = QStringLiteral("infant_without_seat");
        infant.givenName = QStringLiteral("Emeka");
        fd::Passenger adult;
        adult.type = QStringLiteral("adult");
        adult.givenName = QStringLiteral("Adebayo");
        const auto out = fd::ui::searchquery::matchPrefill({infant, adult}, offer);
        QCOMPARE(out.size(), 3);
        QCOMPARE(out.at(0).givenName, QStringLiteral("Adebayo"));
        QCOMPARE(out.at(0).id, QStringLiteral("pas_1"));
        QCOMPARE(out.at(1).givenName, QString()); // a second adult nobody typed yet
        QCOMPARE(out.at(1).type, QStringLiteral("adult"));
        QCOMPARE(out.at(2).givenName, QStringLiteral("Emeka"));
    }

    void providerFailureIsShown() {
        Fixture f;
        const auto scenario = fd::sandbox::Scenario::fromJson(QJsonObject{
            {QStringLiteral("name"), QStringLiteral("search_breaks")},
            {QStringLiteral("faults"),
             QJsonArray{QJsonObject{{QStringLiteral("endpoint"), QStringLiteral("search_offers")},
                                    {QStringLiteral("kind"), QStringLiteral("internal_fatal")}}}}});
        QVERIFY(scenario);
        f.session->sandbox()->setScenario(*scenario);
        f.route("LOS", "LHR");
        f.pressEnter(f.origin());
        QTRY_VERIFY2(!f.page->isSearching(), qPrintable(f.status()));
        // Travelbase failed, by name and with its fix; Travomatrix's offers are still shown.
        QVERIFY2(f.status().startsWith(QStringLiteral("2 offers for LOS → LHR.")),
                 qPrintable(f.status()));
        QVERIFY2(f.status().contains(QLatin1String("\nTravelbase: The booking server failed and "
                                                   "asked not to retry (HTTP 500 "
                                                   "TB_INTERNAL_FATAL")),
                 qPrintable(f.status()));
        QVERIFY(f.status().contains(QLatin1String("contact Travelbase support")));
        QCOMPARE(f.searchesSent(), 1); // not retryable: asked once
        QCOMPARE(f.model()->rowCount(), 2);
        for (int r = 0; r < 2; ++r)
            QCOMPARE(f.providerInRow(r), QStringLiteral("Travomatrix"));
    }

    void slowSearchCountsAndCanBeCancelled() {
        Fixture f;
        const auto scenario = fd::sandbox::Scenario::fromJson(QJsonObject{
            {QStringLiteral("faults"),
             QJsonArray{QJsonObject{{QStringLiteral("endpoint"), QStringLiteral("search_offers")},
                                    {QStringLiteral("kind"), QStringLiteral("slow")},
                                    {QStringLiteral("delay_ms"), 300'000}}}}});
        f.session->sandbox()->setScenario(*scenario);
        f.route("LOS", "LHR");
        f.pressEnter(f.origin());
        QVERIFY(f.page->isSearching());
        // The wait is counted in seconds (which ones depends on how busy the machine is).
        const QRegularExpression counted(QStringLiteral("^Searching LOS → LHR… [1-9][0-9]* s "));
        QTRY_VERIFY_WITH_TIMEOUT(counted.match(f.status()).hasMatch(), 10000);
        // Travomatrix answers at once; only Travelbase is still awaited.
        QTRY_COMPARE(f.page->pendingProviders(), QStringList{kTravelbase});
        QVERIFY2(f.status().contains(QStringLiteral("Waiting for Travelbase.")),
                 qPrintable(f.status()));
        const int shown = f.model()->rowCount();
        QCOMPARE(shown, 2);
        QTest::keyClick(f.page.get(), Qt::Key_Escape);
        QVERIFY(!f.page->isSearching());
        QCOMPARE(f.status(), QStringLiteral("Search cancelled."));
        // The slow answer (3 s at this scale) is sent, arrives, and is dropped, not shown.
        QTRY_VERIFY_WITH_TIMEOUT(f.everySearchAnswered(), 10000);
        QVERIFY(f.roundTrip());
        QCOMPARE(f.model()->rowCount(), shown);
        for (int r = 0; r < shown; ++r)
            QCOMPARE(f.providerInRow(r), QStringLiteral("Travomatrix"));
        QCOMPARE(f.status(), QStringLiteral("Search cancelled."));
    }

    void wrongApiKeyNamesTheFix() {
        fd::sandbox::Sandbox sandbox;
        QVERIFY(sandbox.start(0));
        fd::SessionOptions o;
        o.apiBase = sandbox.baseUrl();
        o.apiKey = QStringLiteral("tb_wrong_key");
        Fixture f(o);
        f.route("LOS", "LHR");
        f.pressEnter(f.origin());
        QTRY_VERIFY(!f.page->isSearching());
        QVERIFY2(f.status().startsWith(QLatin1String("The booking server refused the API key")),
                 qPrintable(f.status()));
        QVERIFY(f.status().contains(QLatin1String("Check the API key in Settings")));
    }

    void unreachableServerNamesTheFix() {
        // A port that was free a moment ago: nothing listens there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        fd::SessionOptions o;
        o.apiBase = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        o.apiKey = QStringLiteral("tb_any");
        o.requestTimeoutSeconds = 2;
        Fixture f(o);
        f.route("LOS", "LHR");
        f.pressEnter(f.origin());
        QTRY_VERIFY_WITH_TIMEOUT(!f.page->isSearching(), 30000);
        QVERIFY2(f.status().startsWith(
                     QStringLiteral("Could not reach the booking server at http://127.0.0.1:%1")
                         .arg(port)),
                 qPrintable(f.status()));
        QVERIFY(f.status().contains(QLatin1String("Check the API base URL in Settings")));
    }

    void keyboardOrderAndNames() {
        Fixture f;
        const QStringList expected = {
            QStringLiteral("originEdit"),        QStringLiteral("destinationEdit"),
            QStringLiteral("oneWayRadioButton"), QStringLiteral("returnRadioButton"),
            QStringLiteral("cabinComboBox"),     QStringLiteral("departureDateEdit"),
            QStringLiteral("returnDateEdit"),    QStringLiteral("adultsSpinBox"),
            QStringLiteral("childrenSpinBox"),   QStringLiteral("infantsSpinBox"),
            QStringLiteral("searchButton"),      QStringLiteral("offersTableView"),
            QStringLiteral("chooseOfferButton")};
        QStringList chain;
        QWidget *w = f.origin();
        do {
            if (w->focusPolicy() & Qt::TabFocus &&
                !w->objectName().startsWith(QLatin1String("qt_")))
                chain << w->objectName();
            w = w->nextInFocusChain();
        } while (w != f.origin() && chain.size() < 40);
        QStringList named;
        for (const QString &n : std::as_const(chain))
            if (expected.contains(n))
                named << n;
        QCOMPARE(named, expected);
        for (const QString &name : expected) {
            auto *input = f.page->findChild<QWidget *>(name);
            QVERIFY2(!input->accessibleName().isEmpty(), qPrintable(name));
        }
    }

    void swapsTheRoute() {
        Fixture f;
        f.route("LOS", "ACC");
        f.find<QToolButton>("swapButton")->click();
        QCOMPARE(f.origin()->text(), QStringLiteral("Accra (ACC)"));
        QCOMPARE(f.destination()->text(), QStringLiteral("Lagos (LOS)"));
        // From the keyboard, without Tab stopping at the button on the way from To to From.
        QTest::keyClick(f.destination(), Qt::Key_W, Qt::AltModifier);
        QTRY_COMPARE(f.origin()->text(), QStringLiteral("Lagos (LOS)")); // an animated click
        QCOMPARE(f.destination()->text(), QStringLiteral("Accra (ACC)"));
    }

    // Over a fake desk: the page asks the desk's Search exactly what the agent entered, and
    // shows the offers it answers; no sandbox or server is behind it.
    void showsTheOffersTheDeskFinds() {
        fd::test::FakeDesk fake(guitest::morning());
        const fd::Offer offer = guitest::offer("los-lhr-family");
        fake.fakeSearch.answer = QList<fd::Offer>{offer};
        Fixture f(fake);
        f.route("Lagos", "LHR");
        f.find<QSpinBox>("adultsSpinBox")->setValue(2);
        f.find<QSpinBox>("childrenSpinBox")->setValue(1);
        f.pressEnter(f.origin());
        QTRY_COMPARE(f.model()->rowCount(), 1);
        QVERIFY2(f.status().startsWith(QStringLiteral("1 offer for LOS → LHR.")),
                 qPrintable(f.status()));
        QCOMPARE(f.offerInRow(0).id, offer.id);
        QCOMPARE(fake.fakeSearch.requests.size(), 1);
        const QJsonObject request = fake.fakeSearch.requests.first();
        const QJsonArray slices = request.value(QLatin1String("slices")).toArray();
        QCOMPARE(slices.size(), 1);
        QCOMPARE(slices.first().toObject(),
                 (QJsonObject{{QStringLiteral("origin"), QStringLiteral("LOS")},
                              {QStringLiteral("destination"), QStringLiteral("LHR")},
                              {QStringLiteral("departure_date"), QStringLiteral("2026-12-08")}}));
        QCOMPARE(request.value(QLatin1String("passengers")).toArray().size(), 3);
    }

    void showsTheDesksFailureWithItsServer() {
        fd::test::FakeDesk fake(guitest::morning());
        fake.fakeSearch.serverName = QStringLiteral("https://api.agency.example");
        fd::GatewayFailure unreachable;
        unreachable.kind = fd::GatewayFailure::Kind::OutcomeUnknown;
        unreachable.code = QStringLiteral("FD_NETWORK");
        unreachable.message = QStringLiteral("Connection refused");
        fake.fakeSearch.answer = unreachable;
        Fixture f(fake);
        f.route("LOS", "LHR");
        f.pressEnter(f.origin());
        QTRY_VERIFY(!f.page->isSearching());
        QCOMPARE(f.status(),
                 QStringLiteral("Could not reach the booking server at https://api.agency.example "
                                "(Connection refused). Check the API base URL in Settings and the "
                                "network connection, then search again."));
        QCOMPARE(f.model()->rowCount(), 0);
    }

    void dropsTheAnswerOfACancelledSearch() {
        fd::test::FakeDesk fake(guitest::morning());
        fake.fakeSearch.answer = QList<fd::Offer>{guitest::offer("los-lhr-family")};
        fake.fakeSearch.hold = true; // a slow server: the answer comes when the test says
        Fixture f(fake);
        f.route("LOS", "LHR");
        f.pressEnter(f.origin());
        QVERIFY(f.page->isSearching());
        QCOMPARE(fake.fakeSearch.held(), 1);
        QTest::keyClick(f.page.get(), Qt::Key_Escape);
        QCOMPARE(f.status(), QStringLiteral("Search cancelled."));
        fake.fakeSearch.release(); // answers only the searches whose context the page kept
        // A marker queued after the answer would have been: once it ran, the answer had its turn.
        bool marker = false;
        QTimer::singleShot(0, f.page.get(), [&marker] { marker = true; });
        QTRY_VERIFY(marker);
        QCOMPARE(f.model()->rowCount(), 0);
        QCOMPARE(f.status(), QStringLiteral("Search cancelled."));
    }

    // Over a fake desk with two providers: one search each, at once; one list with a Provider
    // column; a failure named by its provider beside the other's offers; a slow provider's
    // offers after the fast one's; a newer search, Escape or closing drop every pending answer.
    void mixedResultsShowEveryProvider() {
        fd::test::FakeDesk fake(guitest::morning());
        twoProviders(fake);
        Fixture f(fake);
        f.route("LOS", "LHR");
        f.pressEnter(f.origin());
        QCOMPARE(fake.fakeSearch.requestedProviders, (QStringList{kTravelbase, kTravomatrix}));
        QCOMPARE(fake.fakeSearch.requests.at(0), fake.fakeSearch.requests.at(1));
        QTRY_VERIFY2(!f.page->isSearching(), qPrintable(f.status()));
        QCOMPARE(f.model()->rowCount(), 3);
        QVERIFY2(f.status().startsWith(QStringLiteral("3 offers for LOS → LHR. Select one")),
                 qPrintable(f.status()));
        QVERIFY(!f.status().contains(QLatin1Char('\n')));
        // Cheapest first, whoever sells it.
        QCOMPARE(f.offerInRow(0).id, QStringLiteral("tb_1"));
        QCOMPARE(f.providerInRow(0), QStringLiteral("Travelbase"));
        QCOMPARE(f.offerInRow(1).id, QStringLiteral("TMX1"));
        QCOMPARE(f.providerInRow(1), QStringLiteral("Travomatrix"));
        QCOMPARE(f.providerInRow(2), QStringLiteral("Travelbase"));
        auto *header = f.table()->horizontalHeader();
        QVERIFY(!header->isSectionHidden(OffersModel::Provider));
        QCOMPARE(f.table()->model()->headerData(OffersModel::Provider, Qt::Horizontal).toString(),
                 QStringLiteral("Provider"));
        QCOMPARE(f.table()
                     ->model()
                     ->headerData(OffersModel::Provider, Qt::Horizontal, Qt::AccessibleTextRole)
                     .toString(),
                 QStringLiteral("Booking provider"));
        QCOMPARE(f.table()
                     ->model()
                     ->index(1, OffersModel::Provider)
                     .data(Qt::AccessibleTextRole)
                     .toString(),
                 QStringLiteral("sold by Travomatrix"));
        // Sortable by provider, from its header.
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(OffersModel::Provider) + 5, 5));
        QCOMPARE(header->sortIndicatorSection(), int(OffersModel::Provider));
        const QString firstProvider = f.providerInRow(0);
        QCOMPARE(f.providerInRow(1), firstProvider);
        QVERIFY(f.providerInRow(2) != firstProvider);
        // A Travomatrix offer is chosen with its provider.
        QSignalSpy chosen(f.page.get(), &SearchPage::offerChosen);
        for (int r = 0; r < 3; ++r)
            if (f.offerInRow(r).provider == kTravomatrix)
                f.table()->setCurrentIndex(f.table()->model()->index(r, 0));
        QVERIFY2(f.find<QLabel>("selectionLabel")
                     ->text()
                     .endsWith(QStringLiteral("600.00 EUR, sold by Travomatrix")),
                 qPrintable(f.find<QLabel>("selectionLabel")->text()));
        f.page->chooseCurrentOffer();
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.at(0).at(0).value<fd::Offer>().id, QStringLiteral("TMX1"));
        QCOMPARE(chosen.at(0).at(0).value<fd::Offer>().provider, kTravomatrix);
    }

    void oneProviderFailingKeepsTheOthersOffers() {
        fd::test::FakeDesk fake(guitest::morning());
        twoProviders(fake);
        fd::GatewayFailure unreachable;
        unreachable.kind = fd::GatewayFailure::Kind::OutcomeUnknown;
        unreachable.code = QStringLiteral("FD_NETWORK");
        unreachable.message = QStringLiteral("Connection refused");
        fake.fakeSearch.answers.insert(kTravomatrix, unreachable);
        Fixture f(fake);
        f.route("LOS", "LHR");
        f.pressEnter(f.origin());
        QTRY_VERIFY2(!f.page->isSearching(), qPrintable(f.status()));
        QCOMPARE(f.model()->rowCount(), 2);
        QCOMPARE(f.status(),
                 QStringLiteral("2 offers for LOS → LHR. Select one and press Enter, or "
                                "double-click it, to choose.\nTravomatrix: Could not reach the "
                                "booking server at https://api.fake.example (Connection refused). "
                                "Check the API base URL in Settings and the network connection, "
                                "then search again."));
        QCOMPARE(f.table()->currentIndex().row(), 0); // the offers there are ready to choose

        // Both failing: both named, no offers.
        fake.fakeSearch.answers.insert(kTravelbase, unreachable);
        f.find<QPushButton>("searchButton")->click();
        QTRY_VERIFY2(!f.page->isSearching(), qPrintable(f.status()));
        QCOMPARE(f.model()->rowCount(), 0);
        QVERIFY2(f.status().startsWith(QStringLiteral("Travelbase: Could not reach")),
                 qPrintable(f.status()));
        QVERIFY(f.status().contains(QStringLiteral("\nTravomatrix: Could not reach")));

        // Empty from both: the usual "no offers".
        fake.fakeSearch.answers.insert(kTravelbase, QList<fd::Offer>{});
        fake.fakeSearch.answers.insert(kTravomatrix, QList<fd::Offer>{});
        f.find<QPushButton>("searchButton")->click();
        QTRY_VERIFY2(!f.page->isSearching(), qPrintable(f.status()));
        QCOMPARE(f.status(), QStringLiteral("No offers for LOS → LHR on those dates: try other "
                                            "dates, another airport or fewer passengers."));
    }

    void slowProviderArrivesAfterTheFastOne() {
        fd::test::FakeDesk fake(guitest::morning());
        twoProviders(fake);
        // Travomatrix is slow and, once it answers, the cheapest.
        fake.fakeSearch.answers.insert(kTravomatrix,
                                       QList<fd::Offer>{offerBy("travomatrix", "TMX1", "400.00")});
        fake.fakeSearch.slow = {kTravomatrix};
        Fixture f(fake);
        f.route("LOS", "LHR");
        f.pressEnter(f.destination());
        QVERIFY2(f.status().startsWith(
                     QStringLiteral("Searching LOS → LHR… Waiting for Travelbase, Travomatrix.")),
                 qPrintable(f.status()));
        // Travelbase's offers are shown while Travomatrix is still awaited.
        QTRY_COMPARE(f.model()->rowCount(), 2);
        QVERIFY(f.page->isSearching());
        QCOMPARE(f.page->pendingProviders(), QStringList{kTravomatrix});
        QVERIFY2(f.status().contains(QStringLiteral("Waiting for Travomatrix. 2 offers for LOS → "
                                                    "LHR.")),
                 qPrintable(f.status()));
        QCOMPARE(f.currentOffer().id, QStringLiteral("tb_1"));
        f.table()->setFocus();
        QTest::keyClick(f.table(), Qt::Key_Down); // the agent is already looking
        QCOMPARE(f.currentOffer().id, QStringLiteral("tb_2"));

        fake.fakeSearch.release(kTravomatrix);
        QTRY_COMPARE(f.model()->rowCount(), 3);
        QVERIFY(!f.page->isSearching());
        QVERIFY2(f.status().startsWith(QStringLiteral("3 offers for LOS → LHR.")),
                 qPrintable(f.status()));
        // Sorted in among the others, and the agent's row stays the agent's.
        QCOMPARE(f.offerInRow(0).id, QStringLiteral("TMX1"));
        QCOMPARE(f.currentOffer().id, QStringLiteral("tb_2"));
    }

    void newSearchCancelsEveryPending() {
        fd::test::FakeDesk fake(guitest::morning());
        twoProviders(fake);
        fake.fakeSearch.hold = true;
        auto f = std::make_unique<Fixture>(fake);
        f->route("LOS", "LHR");
        f->pressEnter(f->origin());
        QCOMPARE(fake.fakeSearch.held(), 2);
        QCOMPARE(fake.fakeSearch.heldAlive(), 2);
        QCOMPARE(f->page->pendingProviders(), (QStringList{kTravelbase, kTravomatrix}));

        // A newer search: both older searches are dropped, two new ones sent.
        f->find<QPushButton>("searchButton")->click();
        QCOMPARE(fake.fakeSearch.held(), 4);
        QCOMPARE(fake.fakeSearch.heldAlive(), 2);
        fake.fakeSearch.release();
        QTRY_VERIFY(!f->page->isSearching());
        bool marker = false;
        QTimer::singleShot(0, f->page.get(), [&marker] { marker = true; });
        QTRY_VERIFY(marker);
        QCOMPARE(f->model()->rowCount(), 3); // one answer per provider, not two

        // Escape drops both pending answers.
        f->find<QPushButton>("searchButton")->click();
        QCOMPARE(fake.fakeSearch.heldAlive(), 2);
        QTest::keyClick(f->page.get(), Qt::Key_Escape);
        QCOMPARE(fake.fakeSearch.heldAlive(), 0);
        QCOMPARE(f->status(), QStringLiteral("Search cancelled."));
        fake.fakeSearch.release();

        // Closing the page drops them too.
        f->find<QPushButton>("searchButton")->click();
        QCOMPARE(fake.fakeSearch.heldAlive(), 2);
        f->page.reset();
        QCOMPARE(fake.fakeSearch.heldAlive(), 0);
        fake.fakeSearch.release();
        marker = false;
        QObject anchor;
        QTimer::singleShot(0, &anchor, [&marker] { marker = true; });
        QTRY_VERIFY(marker);
    }
};

QTEST_MAIN(TestSearchPage)
#include "tst_searchpage.moc"
