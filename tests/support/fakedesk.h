#pragma once

// A desk made of canned data, for GUI tests that need no sandbox, journal or network: the
// window's pages run their real code on what the test put here, through the same desk
// interfaces (app/desk/) the real desk implements. Not a mock of results: each fake keeps what it
// was asked (FakeSearch::requests, FakeCheckouts::shown, …) and answers as the real one would —
// later, on the caller's context, never from inside the call.
#include "desk/desk.h"
#include "fakeschedulechanges.h"

#include "core/clock.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>
#include <utility>

namespace fd::test {

// Answers every search of a provider with its entry in `answers`, else with `answer` (offers,
// or a failure), once the event loop turns; with `hold` set the answers wait for release(), as
// from a slow server; a provider in `slow` waits for release(provider) alone.
class FakeSearch final : public desk::Search {
public:
    QStringList connected{QStringLiteral("travelbase")};
    GatewayResult<QList<Offer>> answer = QList<Offer>{};
    QMap<QString, GatewayResult<QList<Offer>>> answers; // per provider
    bool hold = false;
    QStringList slow; // providers whose answers wait even without `hold`
    QString serverName = QStringLiteral("https://api.fake.example");
    QList<QJsonObject> requests;    // every search asked for, in order
    QStringList requestedProviders; // the provider of each

    QStringList providers() const override { return connected; }
    void searchOffers(const QString &provider, const QJsonObject &request, QObject *context,
                      const AttemptLog &,
                      std::function<void(GatewayResult<QList<Offer>>)> done) override {
        requests.append(request);
        requestedProviders.append(provider);
        m_held.append({provider, context, std::move(done), answers.value(provider, answer)});
        if (!hold)
            releaseWhere([this](const Held &h) { return !slow.contains(h.provider); });
    }
    QString server(const QString &) const override { return serverName; }
    // Places: answered from `places` (by query), once the event loop turns — with `holdPlaces`
    // set, only at releasePlaces(), as from a slow server; every query is kept.
    QMap<QString, GatewayResult<QList<Place>>> places;
    QStringList placeQueries;
    bool holdPlaces = false;
    void suggestPlaces(const QString &, const QString &query, QObject *context,
                       std::function<void(GatewayResult<QList<Place>>)> done) override {
        placeQueries.append(query);
        m_heldPlaces.append({context, std::move(done), places.value(query, QList<Place>{})});
        if (!holdPlaces)
            releasePlaces();
    }
    // Answers every place question held so far whose context is still there.
    void releasePlaces() {
        for (HeldPlaces &h : std::exchange(m_heldPlaces, {}))
            if (h.context)
                QTimer::singleShot(
                    0, h.context.data(),
                    [done = std::move(h.done), a = std::move(h.answer)] { done(a); });
    }
    // Held place questions the page has not dropped.
    qsizetype placesHeldAlive() const {
        qsizetype n = 0;
        for (const HeldPlaces &h : m_heldPlaces)
            n += !h.context.isNull();
        return n;
    }

    // Answers every search held so far whose context is still there (a page drops a search by
    // deleting its context).
    void release() {
        releaseWhere([](const Held &) { return true; });
    }
    // The same, for one provider's searches.
    void release(const QString &provider) {
        releaseWhere([&provider](const Held &h) { return h.provider == provider; });
    }
    qsizetype held() const { return m_held.size(); }
    // Held searches whose context the page still keeps (not cancelled).
    qsizetype heldAlive() const {
        qsizetype n = 0;
        for (const Held &h : m_held)
            n += !h.context.isNull();
        return n;
    }

private:
    struct Held {
        QString provider;
        QPointer<QObject> context;
        std::function<void(GatewayResult<QList<Offer>>)> done;
        GatewayResult<QList<Offer>> answer;
    };
    template <typename Pred> void releaseWhere(Pred pred) {
        QList<Held> keep;
        for (Held &h : std::exchange(m_held, {})) {
            if (!pred(h)) {
                keep.append(std::move(h));
                continue;
            }
            if (h.context)
                QTimer::singleShot(
                    0, h.context.data(),
                    [done = std::move(h.done), a = std::move(h.answer)] { done(a); });
        }
        m_held = std::move(keep);
    }
    QList<Held> m_held;
    struct HeldPlaces {
        QPointer<QObject> context;
        std::function<void(GatewayResult<QList<Place>>)> done;
        GatewayResult<QList<Place>> answer;
    };
    QList<HeldPlaces> m_heldPlaces;
};

// A wallet with a balance; top-ups (when allowed) add to it.
class FakeWallet final : public desk::Wallet {
public:
    fd::Wallet balance{*Money::parse(QStringLiteral("1000.00"), QStringLiteral("EUR"))};
    bool topUpAllowed = false;
    QList<Money> topUps; // every top-up asked for

    void fetch(const QString &, QObject *context,
               std::function<void(GatewayResult<fd::Wallet>)> done) override {
        QTimer::singleShot(0, context, [done = std::move(done), b = balance] { done(b); });
    }
    bool canTopUp(const QString &) const override { return topUpAllowed; }
    void topUp(const QString &provider, const Money &amount, QObject *context,
               std::function<void(GatewayResult<fd::Wallet>)> done) override {
        topUps.append(amount);
        if (const auto sum = balance.available.plus(amount))
            balance.available = *sum;
        fetch(provider, context, std::move(done));
    }
};

// The intents a desk would find in its journal. It runs no engine: open() refuses and
// flowFor() must not be reached (checkouts are tested through the real desk, with the sandbox
// or tests/support/enginefixture.h).
class FakeCheckouts final : public desk::Checkouts {
public:
    QList<Intent> unfinishedIntents;
    QList<Intent> notShown;
    QList<qint64> shown; // every markOutcomeShown, in order

    Result<CheckoutFlow *> open(const QString &, const QString &, const QJsonObject &,
                                const QList<Passenger> &) override {
        return Error{QStringLiteral("fake"), QStringLiteral("the fake desk opens no checkouts")};
    }
    CheckoutFlow *flowFor(qint64 intentId) override {
        qFatal("FakeCheckouts::flowFor(%lld): the fake desk runs no checkout engine", intentId);
    }
    Result<Intent> intent(qint64 intentId) const override {
        for (const QList<Intent> *list : {&unfinishedIntents, &notShown})
            for (const Intent &i : *list)
                if (i.id == intentId)
                    return i;
        return Error{QStringLiteral("not_found"), QStringLiteral("no such intent")};
    }
    Result<QList<Intent>> unfinished() const override { return unfinishedIntents; }
    Result<QList<Intent>> outcomesNotShown() const override {
        QList<Intent> left;
        for (const Intent &i : notShown)
            if (!shown.contains(i.id))
                left.append(i);
        return left;
    }
    Result<std::monostate> markOutcomeShown(qint64 intentId) override {
        shown.append(intentId);
        return std::monostate{};
    }
};

// An order history: the intents (newest first, as the journal gives them, ids falling) and
// their events; `failure` makes every read fail with it, as an unreadable journal would.
class FakeOrders final : public desk::Orders {
public:
    QList<Intent> intents;
    QHash<qint64, QList<JournalEvent>> timelines;
    std::optional<Error> failure;
    bool tightened = false;
    mutable int reads = 0; // how often a page was asked: constructing a window reads none

    Result<desk::IntentPage> page(qint64 beforeId, int limit) const override {
        ++reads;
        if (failure)
            return *failure;
        desk::IntentPage p;
        for (const Intent &i : intents) {
            if (beforeId > 0 && i.id >= beforeId)
                continue;
            if (p.intents.size() == limit) {
                p.nextBeforeId = p.intents.constLast().id;
                break;
            }
            p.intents.append(i);
        }
        return p;
    }
    Result<qint64> count() const override {
        if (failure)
            return *failure;
        return qint64(intents.size());
    }
    Result<std::monostate>
    forEach(const std::function<bool(const Intent &)> &visit) const override {
        if (failure)
            return *failure;
        for (const Intent &i : intents)
            if (!visit(i))
                break;
        return std::monostate{};
    }
    Result<QList<JournalEvent>> events(qint64 intentId) const override {
        if (failure)
            return *failure;
        return timelines.value(intentId);
    }
    QList<CancellationRecord> cancellationRecords; // every booking's, as the journal keeps them
    Result<QList<CancellationRecord>> cancellations(const Intent &intent) const override {
        if (failure)
            return *failure;
        QList<CancellationRecord> out;
        for (const CancellationRecord &c : cancellationRecords)
            if (c.provider == intent.provider && c.quote.orderId == intent.orderId)
                out.append(c);
        return out;
    }
    Result<QList<CancellationRecord>> unfinishedCancellations() const override {
        if (failure)
            return *failure;
        QList<CancellationRecord> out;
        for (const CancellationRecord &c : cancellationRecords)
            if (cancellation::mayHaveExecuted(c.state))
                out.append(c);
        return out;
    }
    QSet<qint64> scheduleChanged; // intents with a change waiting in the queue
    Result<QSet<qint64>> scheduleChangesWaiting() const override {
        if (failure)
            return *failure;
        return scheduleChanged;
    }
    bool tightenedOnOpen() const override { return tightened; }
    QString journalPath() const override { return QStringLiteral("/fake/journal.sqlite"); }
};

// The demo switch: a list of scenario names and the one picked.
class FakeDemo final : public desk::Demo {
public:
    bool on = false;
    QUrl url = QUrl(QStringLiteral("http://127.0.0.1:9"));
    QString current;
    QStringList names;

    bool available() const override { return on; }
    QUrl baseUrl(const QString &) const override { return on ? url : QUrl(); }
    QString scenario() const override { return current; }
    QStringList scenarioNames() const override { return on ? names : QStringList(); }
    Result<std::monostate> setScenario(const QString &name) override {
        if (!names.contains(name))
            return Error{QStringLiteral("unknown_scenario"), QStringLiteral("no such scenario")};
        current = name;
        return std::monostate{};
    }
};

// Keeps every change asked for and answers each with `answer` (its order id filled in) once
// the event loop turns; by default an Error that says no provider is behind this fake.
class FakeContacts final : public desk::Contacts {
public:
    QList<desk::ContactRequest> requests;
    desk::ContactOutcome answer = [] {
        desk::ContactOutcome o;
        o.message = QStringLiteral("This test desk changes no contact details.");
        return o;
    }();

    void change(const desk::ContactRequest &request, QObject *context,
                std::function<void(desk::ContactOutcome)> done) override {
        requests.append(request);
        desk::ContactOutcome o = answer;
        o.orderId = request.orderId;
        QTimer::singleShot(0, context, [o, done = std::move(done)] { done(o); });
    }
};

// Cancelling needs a provider and a journal: the GUI tests of it run over a real desk (a
// sandbox on loopback, as tst_desk does). Here nothing is connected, and nothing is unfinished.
class FakeCancellations final : public desk::Cancellations {
public:
    Result<CancellationFlow *> open(const QString &provider) override {
        return Error{QStringLiteral("FD_PROVIDER_NOT_CONNECTED"),
                     QStringLiteral("%1 is not connected in this test").arg(provider)};
    }
    Result<QList<CancellationRecord>> unfinished() const override {
        return QList<CancellationRecord>{};
    }
};

// All of the above, with a clock the test moves.
class FakeDesk final : public desk::Desk {
public:
    explicit FakeDesk(const QDateTime &now = QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC))
        : manualClock(now) {}

    FakeSearch fakeSearch;
    FakeWallet fakeWallet;
    FakeCheckouts fakeCheckouts;
    FakeCancellations fakeCancellations;
    FakeOrders fakeOrders;
    FakeDemo fakeDemo;
    FakeContacts fakeContacts;
    FakeScheduleChanges fakeScheduleChanges;
    ManualClock manualClock;

    desk::Search &search() override { return fakeSearch; }
    desk::Wallet &wallet() override { return fakeWallet; }
    desk::Checkouts &checkouts() override { return fakeCheckouts; }
    desk::Cancellations &cancellations() override { return fakeCancellations; }
    desk::Orders &orders() override { return fakeOrders; }
    desk::Demo &demo() override { return fakeDemo; }
    desk::Contacts &contacts() override { return fakeContacts; }
    desk::ScheduleChanges &scheduleChanges() override { return fakeScheduleChanges; }
    const Clock &clock() const override { return manualClock; }
};

} // namespace fd::test
