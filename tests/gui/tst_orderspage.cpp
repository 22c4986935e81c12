// The orders history over a real OrderJournal in a temporary directory, through the desk's
// Orders: the model (checked by QAbstractItemModelTester), sorting, the status filter, search,
// the timeline, copying the support facts, Resume, and that passport numbers and birth dates
// never reach the screen. And over a fake desk's Orders (tests/support/fakedesk.h): the page
// lists what the desk holds, and keeps it on screen when the journal cannot be read.
#include "checkoutstates.h"
#include "fakedesk.h"
#include "ordersmodel.h"
#include "orderspage.h"
#include "testdata.h"

#include "core/clock.h"
#include "desk/orders.h"
#include "storage/orderjournal.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using fd::CheckoutState;
using fd::ProviderStatus;
using fd::ui::OrdersModel;
using fd::ui::OrdersPage;

namespace {

const char kPassport[] = "A12345678";
const char kBirthDate[] = "1988-04-17";

QJsonArray passenger(const QString &given, const QString &family) {
    QJsonObject p{{QStringLiteral("id"), QStringLiteral("pas_1")},
                  {QStringLiteral("type"), QStringLiteral("adult")},
                  {QStringLiteral("title"), QStringLiteral("mr")},
                  {QStringLiteral("given_name"), given},
                  {QStringLiteral("family_name"), family},
                  {QStringLiteral("born_on"), QLatin1String(kBirthDate)},
                  {QStringLiteral("gender"), QStringLiteral("m")},
                  {QStringLiteral("email"), QStringLiteral("agent@example.com")},
                  {QStringLiteral("phone_number"), QStringLiteral("+2348012345678")}};
    p.insert(QStringLiteral("identity_documents"),
             QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("passport")},
                                    {QStringLiteral("unique_identifier"), QLatin1String(kPassport)},
                                    {QStringLiteral("issuing_country_code"), QStringLiteral("NG")},
                                    {QStringLiteral("expires_on"), QStringLiteral("2031-05-02")}}});
    return QJsonArray{p};
}

QJsonObject place(const char *code) {
    return {{QStringLiteral("iata_code"), QLatin1String(code)}};
}

QJsonObject offer(const QString &id, const char *amount,
                  QList<std::pair<const char *, const char *>> legs) {
    QJsonArray slices;
    for (const auto &[from, to] : legs)
        slices.append(QJsonObject{{QStringLiteral("origin"), place(from)},
                                  {QStringLiteral("destination"), place(to)}});
    return {{QStringLiteral("id"), id},
            {QStringLiteral("total_amount"), QLatin1String(amount)},
            {QStringLiteral("total_currency"), QStringLiteral("EUR")},
            {QStringLiteral("slices"), slices}};
}

QByteArray body(const QString &offerId) {
    return QJsonDocument(
               QJsonObject{{QStringLiteral("data"),
                            QJsonObject{{QStringLiteral("selected_offers"), QJsonArray{offerId}}}}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject webhook(const QString &id, const QString &type, const QString &status) {
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("type"), type},
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("object"), QJsonObject{{QStringLiteral("status"), status}}}}}};
}

QJsonObject attempt(int n, const char *method, const char *path, int status) {
    return {{QStringLiteral("attempt"), n},
            {QStringLiteral("method"), QLatin1String(method)},
            {QStringLiteral("path"), QLatin1String(path)},
            {QStringLiteral("status"), status},
            {QStringLiteral("call"), QStringLiteral("create")}};
}

// An intent as a desk's Orders hands it out, for the fake desk: sent (frozen), not final.
fd::Intent canned(qint64 id, CheckoutState state, const char *given, const QDateTime &created) {
    fd::Intent i;
    i.id = id;
    i.idempotencyKey =
        QStringLiteral("6f1c0c9e-0000-4000-8000-%1").arg(id, 12, 10, QLatin1Char('0'));
    i.offerId = QStringLiteral("off_%1").arg(id);
    i.offer = offer(i.offerId, "120.00", {{"LOS", "ACC"}});
    i.passengers = passenger(QLatin1String(given), QStringLiteral("Eke"));
    i.requestBody = body(i.offerId);
    i.state = state;
    i.createdAt = created;
    i.updatedAt = created;
    return i;
}

QStringList timelineOf(const OrdersPage &page) {
    QStringList out;
    auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("timelineTreeWidget"));
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        out << tree->topLevelItem(i)->text(1) + QStringLiteral(" | ") +
                   tree->topLevelItem(i)->text(2);
    return out;
}

// Five intents, created five minutes apart, one in each situation the page tells apart.
struct Fixture {
    QTemporaryDir dir;
    fd::ManualClock clock{QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC)};
    fd::OrderJournal journal{&clock};
    fd::Intent ticketed, failed, interrupted, draft, inProgress;
    std::unique_ptr<fd::desk::Orders> orders = fd::desk::makeOrders(journal);
    std::unique_ptr<OrdersPage> page;

    fd::Intent create(const char *given, const char *family, const char *amount,
                      QList<std::pair<const char *, const char *>> legs, bool send) {
        static int n = 0;
        const QString id = QStringLiteral("off_%1").arg(++n);
        auto i = journal.createIntent(id, offer(id, amount, legs),
                                      passenger(QLatin1String(given), QLatin1String(family)));
        if (!i)
            qFatal("createIntent: %s", qPrintable(i.error().message));
        if (send && !journal.freezeBody(i->id, body(id)))
            qFatal("freezeBody");
        clock.advance(5 * 60 * 1000);
        return *i;
    }

    Fixture() {
        if (!journal.open(dir.filePath(QStringLiteral("journal.sqlite"))))
            qFatal("cannot open the journal");
        ticketed = create("Adebayo", "Okafor", "412.30", {{"LOS", "LHR"}, {"LHR", "LOS"}}, true);
        journal.recordAttempt(ticketed.id, [] {
            QJsonObject a = attempt(1, "POST", "/v1/air/orders", 503);
            a.insert(QStringLiteral("error"), QStringLiteral("Service unavailable"));
            a.insert(QStringLiteral("decision"), QStringLiteral("retry"));
            a.insert(QStringLiteral("wait_ms"), 1500);
            return a;
        }());
        journal.recordAttempt(ticketed.id, attempt(2, "POST", "/v1/air/orders", 201));
        journal.recordCreateResponse(ticketed.id, QStringLiteral("ord_0001"),
                                     QStringLiteral("RZPVAB"));
        journal.setState(ticketed.id, CheckoutState::Ticketing);
        journal.applyWebhook(QStringLiteral("evt_0001"), QStringLiteral("ord_0001"),
                             ProviderStatus::InProgress,
                             webhook(QStringLiteral("evt_0001"), QStringLiteral("order.updated"),
                                     QStringLiteral("in_progress")));
        journal.applyWebhook(
            QStringLiteral("evt_0002"), QStringLiteral("ord_0001"), ProviderStatus::Ticketed,
            webhook(QStringLiteral("evt_0002"), QStringLiteral("order.ticketed"),
                    QStringLiteral("ticketed")),
            QJsonArray{
                QJsonObject{{QStringLiteral("type"), QStringLiteral("electronic_ticket")},
                            {QStringLiteral("unique_identifier"), QStringLiteral("1259876543210")},
                            {QStringLiteral("passenger_id"), QStringLiteral("pas_1")}}});
        journal.setOutcome(ticketed.id, CheckoutState::Ticketed, QString());

        failed = create("Chioma", "Eze", "250.00", {{"LOS", "ABV"}}, true);
        journal.recordCreateResponse(failed.id, QStringLiteral("ord_0002"),
                                     QStringLiteral("QWERTY"));
        journal.applyWebhook(QStringLiteral("evt_0003"), QStringLiteral("ord_0002"),
                             ProviderStatus::Failed,
                             webhook(QStringLiteral("evt_0003"), QStringLiteral("order.failed"),
                                     QStringLiteral("failed")));
        journal.setState(
            failed.id, CheckoutState::Failed, // the flow's by-id read agreed
            {{QStringLiteral("cause"), QStringLiteral("confirmed by reading the order")}});
        journal.setOutcome(failed.id, CheckoutState::Failed,
                           QStringLiteral("The airline rejected the booking."));

        interrupted = create("Musa", "Bello", "780.00", {{"ABV", "CDG"}, {"ORY", "ABV"}}, true);
        journal.setState(interrupted.id, CheckoutState::Creating);
        journal.setState(interrupted.id, CheckoutState::Interrupted,
                         {{QStringLiteral("step"), QStringLiteral("create")}});
        journal.setOutcome(interrupted.id, CheckoutState::Interrupted,
                           QStringLiteral("The network went away."));

        draft = create("Ngozi", "Obi", "99.00", {{"LOS", "ACC"}}, false);

        inProgress = create("Emeka", "Nwosu", "1500.00", {{"LOS", "JFK"}}, true);
        journal.recordCreateResponse(inProgress.id, QStringLiteral("ord_0005"),
                                     QStringLiteral("ZZTOP1"));
        journal.setState(inProgress.id, CheckoutState::Processing);

        page = std::make_unique<OrdersPage>(orders.get());
        page->resize(1200, 800);
        page->show();
        // The page reads the journal once it has been shown, not while it is built.
        if (!QTest::qWaitFor([this] { return page->model()->loaded(); }))
            qFatal("the orders page never read the journal");
    }

    template <typename T> T *find(const char *name) {
        auto *w = page->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no %s on the page", name);
        return w;
    }
    QTableView *table() { return find<QTableView>("ordersTableView"); }
    QList<qint64> shownIds() {
        QList<qint64> ids;
        QAbstractItemModel *m = table()->model();
        for (int r = 0; r < m->rowCount(); ++r)
            ids << m->index(r, 0).data(OrdersModel::IntentIdRole).toLongLong();
        return ids;
    }
    QStringList column(int c) {
        QStringList out;
        QAbstractItemModel *m = table()->model();
        for (int r = 0; r < m->rowCount(); ++r)
            out << m->index(r, c).data().toString();
        return out;
    }
    QStringList timeline() {
        QStringList out;
        auto *tree = find<QTreeWidget>("timelineTreeWidget");
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            out << tree->topLevelItem(i)->text(1) + QStringLiteral(" | ") +
                       tree->topLevelItem(i)->text(2);
        return out;
    }
    void setFilter(int index) { find<QComboBox>("statusFilterCombo")->setCurrentIndex(index); }
};

} // namespace

class TestOrdersPage final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void modelPassesTheTester() {
        Fixture f;
        OrdersModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        fd::ui::OrdersFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIntents(*f.journal.all());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), int(OrdersModel::ColumnCount));
        model.setIntents(*f.journal.all()); // same ids: updated in place
        proxy.setStatus(fd::ui::OrderStatus::Failed);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setSearchText(QStringLiteral("nobody"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setStatus(std::nullopt);
        proxy.setSearchText({});
        proxy.sort(OrdersModel::Total);
        model.setIntents(f.journal.all()->mid(1)); // one fewer: reset
        QCOMPARE(proxy.rowCount(), 4);
        model.setIntents({});
        QCOMPARE(proxy.rowCount(), 0);

        // Over the desk's Orders: nothing until reload(), then the rows, newest first.
        OrdersModel paged;
        QAbstractItemModelTester pagedTester(
            &paged, QAbstractItemModelTester::FailureReportingMode::QtTest);
        paged.setSource(f.orders.get());
        QCOMPARE(paged.rowCount(), 0);
        QVERIFY(!paged.canFetchMore({}));
        bool read = false;
        const auto readOk = [&read](const fd::Result<std::monostate> &r) {
            read = r.ok();
        };
        paged.reload(readOk); // the fake answers at once
        QVERIFY(read);
        QCOMPARE(paged.rowCount(), 5);
        QCOMPARE(paged.row(0)->id, f.inProgress.id);
        QVERIFY(!paged.canFetchMore({})); // five rows: one page holds them all
        read = false;
        paged.reload(readOk); // same ids: updated in place
        QVERIFY(read);
        QCOMPARE(paged.rowCount(), 5);
    }

    void departsInTheAirportsLocalTime() {
        fd::Intent intent;
        intent.id = 42;
        intent.provider = QStringLiteral("travelbase");
        intent.offer = fd::test::readTestJson("offers/los-lhr-family.json").object();
        OrdersModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIntents({intent});
        const QModelIndex departs = model.index(0, OrdersModel::Departs);
        // 08:00 UTC is 09:00 in Lagos; sorting compares the instant itself.
        QCOMPARE(departs.data().toString(), QStringLiteral("Thu 10 Dec 09:00 WAT"));
        QCOMPARE(departs.data(OrdersModel::RawValueRole).toDateTime(),
                 QDateTime(QDate(2026, 12, 10), QTime(8, 0), Qt::UTC));
        QCOMPARE(departs.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("LOS → LHR · Thu 10 Dec 2026 · 09:00 WAT → 14:30 GMT · 6 h 30 min "
                                "· direct\n"
                                "LHR → LOS · Thu 24 Dec 2026 · 21:00 GMT → 06:15 WAT +1 · 8 h 15 "
                                "min · direct"));
        QCOMPARE(model.index(0, OrdersModel::Route).data(Qt::ToolTipRole),
                 departs.data(Qt::ToolTipRole));
        QCOMPARE(model.headerData(OrdersModel::Departs, Qt::Horizontal).toString(),
                 QStringLiteral("Departs"));
        // An offer the desk cannot read shows no departure rather than a wrong one.
        intent.offer = QJsonObject{{QStringLiteral("id"), QStringLiteral("off_x")}};
        model.setIntents({intent});
        QCOMPARE(model.index(0, OrdersModel::Departs).data().toString(), QString());
    }

    void showsTheColumns() {
        Fixture f;
        QCOMPARE(f.shownIds(), (QList<qint64>{f.inProgress.id, f.draft.id, f.interrupted.id,
                                              f.failed.id, f.ticketed.id})); // newest first
        const int last = 4;
        QAbstractItemModel *m = f.table()->model();
        QCOMPARE(m->index(last, OrdersModel::Status).data().toString(), QStringLiteral("Ticketed"));
        QCOMPARE(m->index(last, OrdersModel::BookingReference).data().toString(),
                 QStringLiteral("RZPVAB"));
        QCOMPARE(m->index(last, OrdersModel::OrderId).data().toString(),
                 QStringLiteral("ord_0001"));
        QCOMPARE(m->index(last, OrdersModel::Passengers).data().toString(),
                 QStringLiteral("Adebayo Okafor"));
        QCOMPARE(m->index(last, OrdersModel::Route).data().toString(),
                 QStringLiteral("LOS → LHR → LOS"));
        QCOMPARE(m->index(last, OrdersModel::Total).data().toString(),
                 QStringLiteral("412.30 EUR"));
        QCOMPARE(m->index(0, OrdersModel::Total).data().toString(), QStringLiteral("1,500.00 EUR"));
        QCOMPARE(m->index(2, OrdersModel::Route).data().toString(),
                 QStringLiteral("ABV → CDG, ORY → ABV")); // open jaw
        QCOMPARE(m->index(2, OrdersModel::Status).data().toString(),
                 QStringLiteral("Interrupted: resume"));
        QCOMPARE(m->index(3, OrdersModel::Status).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("The airline rejected the booking."));
        QCOMPARE(m->headerData(OrdersModel::BookingReference, Qt::Horizontal).toString(),
                 QStringLiteral("Reference"));
    }

    void sortsByRawValues() {
        Fixture f;
        QHeaderView *header = f.table()->horizontalHeader();
        f.table()->sortByColumn(OrdersModel::Total, Qt::AscendingOrder);
        QCOMPARE(f.column(OrdersModel::Total),
                 (QStringList{QStringLiteral("99.00 EUR"), QStringLiteral("250.00 EUR"),
                              QStringLiteral("412.30 EUR"), QStringLiteral("780.00 EUR"),
                              QStringLiteral("1,500.00 EUR")})); // numbers, not text
        QTest::mouseClick(
            header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(OrdersModel::Total) + 5, header->height() / 2));
        QCOMPARE(f.column(OrdersModel::Total).first(), QStringLiteral("1,500.00 EUR"));
        f.table()->sortByColumn(OrdersModel::Created, Qt::AscendingOrder);
        QCOMPARE(f.shownIds().first(), f.ticketed.id);
        f.table()->sortByColumn(OrdersModel::Passengers, Qt::AscendingOrder);
        QCOMPARE(f.column(OrdersModel::Passengers).first(), QStringLiteral("Adebayo Okafor"));
        QCOMPARE(f.column(OrdersModel::Passengers).last(), QStringLiteral("Ngozi Obi"));
    }

    void filtersByStatus() {
        Fixture f;
        auto *combo = f.find<QComboBox>("statusFilterCombo");
        QCOMPARE(combo->count(), 5);
        QCOMPARE(combo->itemText(4), QStringLiteral("Needs attention"));
        f.setFilter(1); // in progress
        QCOMPARE(f.shownIds(), (QList<qint64>{f.inProgress.id, f.draft.id}));
        f.setFilter(2);
        QCOMPARE(f.shownIds(), (QList<qint64>{f.ticketed.id}));
        f.setFilter(3);
        QCOMPARE(f.shownIds(), (QList<qint64>{f.failed.id}));
        f.setFilter(4);
        QCOMPARE(f.shownIds(), (QList<qint64>{f.interrupted.id}));
        for (const CheckoutState state :
             {CheckoutState::Unresolved, CheckoutState::InsufficientFunds,
              CheckoutState::Error}) { // error is final
            f.journal.setState(f.draft.id, state);
            f.page->refresh();
            QCOMPARE(f.shownIds(), (QList<qint64>{f.draft.id, f.interrupted.id}));
        }
        f.setFilter(0);
        QCOMPARE(f.shownIds().size(), 5);
    }

    void searchesReferenceOrderIdAndPassenger() {
        Fixture f;
        auto *search = f.find<QLineEdit>("searchEdit");
        QTest::keyClicks(search, QStringLiteral("rzpv"));
        QCOMPARE(f.shownIds(), (QList<qint64>{f.ticketed.id}));
        search->clear();
        QTest::keyClicks(search, QStringLiteral("ord_0002"));
        QCOMPARE(f.shownIds(), (QList<qint64>{f.failed.id}));
        search->clear();
        QTest::keyClicks(search, QStringLiteral("MUSA"));
        QCOMPARE(f.shownIds(), (QList<qint64>{f.interrupted.id}));
        search->clear();
        QTest::keyClicks(search, QStringLiteral("bello"));
        QCOMPARE(f.shownIds(), (QList<qint64>{f.interrupted.id}));

        // Search and filter combine; nothing left says so and how to get back.
        f.setFilter(2);
        QCOMPARE(f.shownIds(), QList<qint64>());
        auto *message = f.find<QLabel>("messageLabel");
        QVERIFY(message->isVisible());
        QVERIFY(message->text().contains(QLatin1String("All orders")));
        search->clear();
        f.setFilter(0);
        QVERIFY(!message->isVisible());
        // Ctrl+F reaches the search box from anywhere on the page.
        QVERIFY(QTest::qWaitForWindowActive(f.page.get()));
        f.table()->setFocus();
        QTest::keySequence(f.page.get(), QKeySequence::Find);
        QVERIFY(search->hasFocus());
    }

    void timelineTellsWhatHappened() {
        Fixture f;
        f.page->selectIntent(f.ticketed.id);
        QCOMPARE(f.page->selectedIntentId(), f.ticketed.id);
        const QStringList lines = f.timeline();
        const QString all = lines.join(QLatin1Char('\n'));
        QVERIFY2(lines.first().startsWith(QStringLiteral("State | Entered “Draft”")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("Attempt | create: #1 POST /v1/air/orders → 503 · "
                                             "Service unavailable · retry in 1.5 s")),
                 qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("Attempt | create: #2 POST /v1/air/orders → 201")));
        QVERIFY(all.contains(QLatin1String("Webhook | Event evt_0001: order.updated")));
        QVERIFY(all.contains(QLatin1String("Webhook | Event evt_0002: order.ticketed (order "
                                           "ticketed)")));
        QVERIFY(all.contains(
            QStringLiteral("State | Entered “Ticketed” (was “Asking the airline to ticket”), by "
                           "webhook evt_0002")));
        auto *tree = f.find<QTreeWidget>("timelineTreeWidget");
        QVERIFY(!tree->topLevelItem(0)->text(0).isEmpty()); // a time on every line

        QCOMPARE(f.find<QLabel>("bookingReferenceLabel")->text(), QStringLiteral("RZPVAB"));
        QCOMPARE(f.find<QLabel>("orderIdLabel")->text(), QStringLiteral("ord_0001"));
        QCOMPARE(f.find<QLabel>("idempotencyKeyLabel")->text(), f.ticketed.idempotencyKey);
        QCOMPARE(f.find<QLabel>("eTicketsLabel")->text(),
                 QStringLiteral("1259876543210 (Adebayo Okafor)"));

        f.page->selectIntent(f.interrupted.id);
        QVERIFY(f.timeline()
                    .join(QLatin1Char('\n'))
                    .contains(
                        QStringLiteral("Entered “Interrupted: resume” (was “Sending the booking”), "
                                       "during create")));
        QCOMPARE(f.find<QLabel>("statusLabel")->text(), QStringLiteral("Interrupted: resume"));
        QVERIFY(f.find<QLabel>("outcomeMessageLabel")->isVisible());
        QCOMPARE(f.find<QLabel>("outcomeMessageLabel")->text(),
                 QStringLiteral("The network went away."));
    }

    void copiesOrderIdAndKey() {
        Fixture f;
        f.page->selectIntent(f.ticketed.id);
        QGuiApplication::clipboard()->clear();
        QTest::mouseClick(f.find<QPushButton>("copyOrderIdButton"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("ord_0001"));
        QTest::mouseClick(f.find<QPushButton>("copyKeyButton"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), f.ticketed.idempotencyKey);
        QCOMPARE(f.find<QPushButton>("copyKeyButton")->text(), QStringLiteral("Copied"));
        QTRY_COMPARE_WITH_TIMEOUT(f.find<QPushButton>("copyKeyButton")->text(),
                                  QStringLiteral("Cop&y"), 3000);

        f.page->selectIntent(f.draft.id); // no order yet: nothing to copy
        QVERIFY(!f.find<QPushButton>("copyOrderIdButton")->isEnabled());
        QVERIFY(f.find<QPushButton>("copyKeyButton")->isEnabled());
    }

    void resumeOnlyForUnfinishedSentIntents() {
        Fixture f;
        auto *resume = f.find<QPushButton>("resumeButton");
        QSignalSpy spy(f.page.get(), &OrdersPage::resumeRequested);
        QVERIFY(!resume->isEnabled()); // nothing selected

        for (const fd::Intent *i : {&f.ticketed, &f.failed, &f.draft}) {
            f.page->selectIntent(i->id);
            QVERIFY2(!resume->isEnabled(), qPrintable(QString::number(i->id)));
            QTest::mouseClick(resume, Qt::LeftButton);
        }
        QVERIFY(
            f.find<QLabel>("resumeHintLabel")->text().contains(QLatin1String("Nothing was sent")));
        QCOMPARE(spy.size(), 0);

        f.page->selectIntent(f.interrupted.id);
        QVERIFY(resume->isEnabled());
        QTest::mouseClick(resume, Qt::LeftButton);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.takeFirst().first().toLongLong(), f.interrupted.id);

        f.page->selectIntent(f.inProgress.id);
        QVERIFY(resume->isEnabled());
    }

    void refreshKeepsTheSelectionAndShowsChanges() {
        Fixture f;
        f.page->selectIntent(f.interrupted.id);
        const int before = f.timeline().size();
        f.journal.setState(f.interrupted.id, CheckoutState::Creating); // resumed
        f.journal.recordAttempt(f.interrupted.id, attempt(2, "POST", "/v1/air/orders", 201));
        f.page->refresh();
        QCOMPARE(f.page->selectedIntentId(), f.interrupted.id);
        QCOMPARE(f.timeline().size(), before + 2);
        QCOMPARE(f.find<QLabel>("statusLabel")->text(), QStringLiteral("Sending the booking"));

        // A new checkout appears at the top; the selection stays on its intent.
        auto added = f.journal.createIntent(
            QStringLiteral("off_new"), offer(QStringLiteral("off_new"), "10.00", {{"LOS", "KAN"}}),
            passenger(QStringLiteral("Ada"), QStringLiteral("Eke")));
        QVERIFY(added);
        f.page->refresh();
        QCOMPARE(f.shownIds().first(), added->id);
        QCOMPARE(f.page->selectedIntentId(), f.interrupted.id);
    }

    void neverShowsPassportNumbersOrBirthDates() {
        Fixture f;
        // Not final, so the journal still holds them: the page must keep them off the screen.
        const auto stored = f.journal.intent(f.interrupted.id);
        QVERIFY(QJsonDocument(stored->passengers).toJson().contains(kPassport));
        QVERIFY(QJsonDocument(stored->passengers).toJson().contains(kBirthDate));

        const auto check = [&](const QString &text, const QString &where) {
            QVERIFY2(!text.contains(QLatin1String(kPassport)) &&
                         !text.contains(QLatin1String(kBirthDate)),
                     qPrintable(where + QStringLiteral(": ") + text));
        };
        for (const fd::Intent *i :
             {&f.ticketed, &f.failed, &f.interrupted, &f.draft, &f.inProgress}) {
            f.page->selectIntent(i->id);
            for (QLabel *l : f.page->findChildren<QLabel *>())
                check(l->text(), l->objectName());
            for (const QString &line : f.timeline())
                check(line, QStringLiteral("timeline"));
        }
        QAbstractItemModel *m = f.page->model();
        for (int r = 0; r < m->rowCount(); ++r)
            for (int c = 0; c < m->columnCount(); ++c)
                for (int role :
                     {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::AccessibleTextRole),
                      int(OrdersModel::RawValueRole), int(OrdersModel::SearchTextRole)})
                    check(m->index(r, c).data(role).toString(), QStringLiteral("model"));
        // Searching for them finds nothing.
        QTest::keyClicks(f.find<QLineEdit>("searchEdit"), QLatin1String(kPassport));
        QCOMPARE(f.shownIds(), QList<qint64>());
    }

    void emptyJournalSaysSo() {
        QTemporaryDir dir;
        fd::OrderJournal journal;
        QVERIFY(journal.open(dir.filePath(QStringLiteral("j.sqlite"))));
        const auto orders = fd::desk::makeOrders(journal);
        OrdersPage page(orders.get());
        page.show();
        QTRY_VERIFY(page.model()->loaded());
        auto *message = page.findChild<QLabel *>(QStringLiteral("messageLabel"));
        QVERIFY(message->isVisible());
        QVERIFY(message->text().startsWith(QLatin1String("No orders yet")));
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("resumeButton"))->isEnabled());
    }

    // The seam: the page shows whatever the desk's Orders hold, with no journal behind it.
    void listsWhatTheDeskHolds() {
        const QDateTime nine(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
        fd::test::FakeOrders orders;
        orders.intents = {canned(2, CheckoutState::Ticketing, "Ada", nine.addSecs(300)),
                          canned(1, CheckoutState::Interrupted, "Obi", nine)}; // newest first
        fd::JournalEvent entered;
        entered.intentId = 1;
        entered.kind = fd::JournalEvent::Kind::State;
        entered.at = nine;
        entered.detail = {{QStringLiteral("to"), QStringLiteral("creating")}};
        fd::JournalEvent note = entered;
        note.kind = fd::JournalEvent::Kind::Note;
        note.detail = {{QStringLiteral("text"), QStringLiteral("The network went away.")}};
        orders.timelines.insert(1, {entered, note});

        OrdersPage page(&orders);
        QCOMPARE(orders.reads, 0); // nothing is read while the page is built
        page.show();
        QTRY_COMPARE(orders.reads, 1);
        QCOMPARE(page.model()->rowCount(), 2);
        QCOMPARE(page.model()->index(0, OrdersModel::Passengers).data().toString(),
                 QStringLiteral("Ada Eke"));
        page.selectIntent(1);
        QCOMPARE(timelineOf(page),
                 (QStringList{QStringLiteral("State | Entered “Sending the booking”"),
                              QStringLiteral("Note | The network went away.")}));
        auto *resume = page.findChild<QPushButton *>(QStringLiteral("resumeButton"));
        QVERIFY(resume->isEnabled()); // sent and not final
        QSignalSpy spy(&page, &OrdersPage::resumeRequested);
        QTest::mouseClick(resume, Qt::LeftButton);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().first().toLongLong(), 1);
    }

    void showsTheProviderOfEachOrder() {
        const QDateTime nine(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
        fd::test::FakeOrders orders;
        fd::Intent tmx = canned(2, CheckoutState::Ticketed, "Ada", nine.addSecs(300));
        tmx.provider = QStringLiteral("travomatrix");
        tmx.orderId = QStringLiteral("TMXPNR");
        tmx.bookingReference = QStringLiteral("TMXPNR");
        fd::Intent tb = canned(1, CheckoutState::Ticketed, "Obi", nine);
        tb.provider = QStringLiteral("travelbase");
        tb.orderId = QStringLiteral("ord_0001");
        tb.bookingReference = QStringLiteral("RZPVAB");
        orders.intents = {tmx, tb};

        OrdersPage page(&orders);
        page.show();
        QTRY_VERIFY(page.model()->loaded());
        OrdersModel *m = page.model();
        QCOMPARE(m->index(0, OrdersModel::Provider).data().toString(),
                 QStringLiteral("Travomatrix"));
        QCOMPARE(m->index(1, OrdersModel::Provider).data().toString(),
                 QStringLiteral("Travelbase"));
        QCOMPARE(m->headerData(OrdersModel::Provider, Qt::Horizontal).toString(),
                 QStringLiteral("Provider"));
        QCOMPARE(
            m->headerData(OrdersModel::Provider, Qt::Horizontal, Qt::AccessibleTextRole).toString(),
            QStringLiteral("Booking provider"));
        QCOMPARE(m->index(0, OrdersModel::Provider).data(Qt::AccessibleTextRole).toString(),
                 QStringLiteral("booked with Travomatrix"));
        // Sortable, and found by the search box.
        page.filterModel()->sort(OrdersModel::Provider, Qt::AscendingOrder);
        QCOMPARE(page.filterModel()->index(0, OrdersModel::Provider).data().toString(),
                 QStringLiteral("Travelbase"));
        page.filterModel()->setSearchText(QStringLiteral("travomatrix"));
        QCOMPARE(page.filterModel()->rowCount(), 1);
        page.filterModel()->setSearchText({});
        // The details name it too.
        page.selectIntent(2);
        auto *provider = page.findChild<QLabel *>(QStringLiteral("providerLabel"));
        QCOMPARE(provider->text(), QStringLiteral("Travomatrix"));
        QVERIFY(!provider->accessibleName().isEmpty());
        page.selectIntent(1);
        QCOMPARE(provider->text(), QStringLiteral("Travelbase"));
    }

    void keepsWhatItShowedWhenTheJournalCannotBeRead() {
        const QDateTime nine(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
        fd::test::FakeOrders orders;
        orders.intents = {canned(1, CheckoutState::Interrupted, "Obi", nine)};
        OrdersPage page(&orders);
        page.show();
        QTRY_VERIFY(page.model()->loaded());
        page.selectIntent(1);
        auto *message = page.findChild<QLabel *>(QStringLiteral("messageLabel"));
        QVERIFY(message->text().isEmpty());

        orders.failure = fd::Error{QStringLiteral("sql"), QStringLiteral("disk I/O error")};
        page.refresh();
        QCOMPARE(message->text(),
                 QStringLiteral("The order journal cannot be read: disk I/O error"));
        QCOMPARE(page.model()->rowCount(), 1); // what was read before stays on screen
        QCOMPARE(page.selectedIntentId(), 1);
        QCOMPARE(timelineOf(page),
                 QStringList{QStringLiteral(" | The timeline cannot be read: disk I/O error")});

        orders.failure.reset();
        orders.intents.prepend(canned(2, CheckoutState::Ticketing, "Ada", nine.addSecs(60)));
        page.refresh();
        QVERIFY(message->text().isEmpty());
        QCOMPARE(page.model()->rowCount(), 2);
        QCOMPARE(page.selectedIntentId(), 1);
    }

    // Issue 12: a long history costs the page nothing until it is shown, then one page at a
    // time as the table is scrolled; a new booking still appears at the top.
    void readsTheHistoryAPageAtATime() {
        QTemporaryDir dir;
        fd::ManualClock clock{QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC)};
        fd::OrderJournal journal{&clock};
        QVERIFY(journal.open(dir.filePath(QStringLiteral("long.sqlite"))));
        const int total = 2 * OrdersModel::kPageSize + 100;
        qint64 newest = 0;
        for (int n = 0; n < total; ++n) {
            const QString id = QStringLiteral("off_%1").arg(n);
            const auto i =
                journal.createIntent(id, offer(id, "10.00", {{"LOS", "ABV"}}),
                                     passenger(QStringLiteral("Ada"), QStringLiteral("Eke")));
            QVERIFY(i);
            newest = i->id;
            clock.advance(1000);
        }
        const auto orders = fd::desk::makeOrders(journal);
        OrdersPage page(orders.get());
        page.resize(1000, 600);
        QCOMPARE(page.model()->rowCount(), 0); // built without reading
        QVERIFY(!page.model()->loaded());
        QVERIFY(!page.model()->canFetchMore({}));

        page.show();
        QCOMPARE(page.model()->rowCount(), 0); // not even while it is shown: after that frame
        QTRY_VERIFY(page.model()->loaded());
        QCOMPARE(page.model()->rowCount(), OrdersModel::kPageSize);
        auto *table = page.findChild<QTableView *>(QStringLiteral("ordersTableView"));
        QCOMPARE(table->model()->index(0, 0).data(OrdersModel::IntentIdRole).toLongLong(), newest);
        QVERIFY(table->model()->canFetchMore({}));

        // Scrolling to the end reads the next older page, until the history ends.
        table->scrollToBottom();
        QTRY_COMPARE(page.model()->rowCount(), 2 * OrdersModel::kPageSize);
        table->scrollToBottom();
        QTRY_COMPARE(page.model()->rowCount(), total);
        QVERIFY(!page.model()->canFetchMore({}));
        QList<qint64> ids;
        for (int r = 0; r < page.model()->rowCount(); ++r)
            ids << page.model()->row(r)->id;
        QCOMPARE(ids.size(), total);
        QCOMPARE(QSet<qint64>(ids.cbegin(), ids.cend()).size(), total); // no row twice
        QCOMPARE(ids.last(), newest - total + 1);

        // A new booking appears at the top after a refresh.
        table->scrollToTop();
        const auto added = journal.createIntent(
            QStringLiteral("off_new"), offer(QStringLiteral("off_new"), "10.00", {{"LOS", "KAN"}}),
            passenger(QStringLiteral("Obi"), QStringLiteral("Eke")));
        QVERIFY(added);
        page.refresh();
        QCOMPARE(table->model()->index(0, 0).data(OrdersModel::IntentIdRole).toLongLong(),
                 added->id);
        QVERIFY(page.model()->rowCount() >= total);

        // A filter that leaves the table short reads older pages until it is full or done:
        // the search still finds the oldest order.
        page.refresh();
        auto *search = page.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        search->setText(journal.intent(newest - total + 1)->idempotencyKey);
        QTRY_COMPARE(table->model()->rowCount(), 1);
    }

    void saysSoWhenAnOlderPageCannotBeRead() {
        const QDateTime nine(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
        fd::test::FakeOrders orders;
        for (qint64 id = OrdersModel::kPageSize + 20; id > 0; --id)
            orders.intents.append(canned(id, CheckoutState::Ticketed, "Ada", nine.addSecs(id)));
        OrdersPage page(&orders);
        page.resize(1000, 600);
        page.show();
        QTRY_VERIFY(page.model()->loaded());
        QCOMPARE(page.model()->rowCount(), OrdersModel::kPageSize);
        orders.failure = fd::Error{QStringLiteral("sql"), QStringLiteral("disk I/O error")};
        page.findChild<QTableView *>(QStringLiteral("ordersTableView"))->scrollToBottom();
        auto *message = page.findChild<QLabel *>(QStringLiteral("messageLabel"));
        QTRY_COMPARE(message->text(),
                     QStringLiteral("The order journal cannot be read: disk I/O error"));
        QCOMPARE(page.model()->rowCount(), OrdersModel::kPageSize);
        QVERIFY(!page.model()->canFetchMore({})); // no retry loop until the next refresh
        orders.failure.reset();
        page.refresh();
        QVERIFY(message->text().isEmpty());
        QVERIFY(page.model()->canFetchMore({}));
    }
};

QTEST_MAIN(TestOrdersPage)
#include "tst_orderspage.moc"
