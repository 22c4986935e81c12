// The one table of checkout states (app/core/checkoutstate.cpp): what the flow, the journal,
// the orders page and the CLI read about a state comes from it, so its shape is checked here.
#include "checkoutstates.h"
#include "core/checkoutflow.h"
#include "core/checkoutstate.h"

#include <QMetaEnum>
#include <QSet>
#include <QTest>

using namespace fd;

class TestIntentState final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyStateOnceWithWords() {
        QSet<QString> names;
        int previousRank = 0;
        for (const CheckoutState s : state::all()) {
            const QString name = state::name(s);
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.insert(name);
            QCOMPARE(state::checkoutStateNamed(name), std::optional(s)); // the journal reads back
            QVERIFY2(state::label(s) && *state::label(s), qPrintable(name));
            QVERIFY2(state::rank(s) >= previousRank, qPrintable(name)); // listed lowest first
            previousRank = state::rank(s);
        }
        QCOMPARE(names.size(), 17);
        // No pseudo-states, and the provider's words are not checkout states.
        for (const char *other : {"submitting", "resuming", "pending", "in_progress", ""})
            QVERIFY2(!state::checkoutStateNamed(QString::fromLatin1(other)), other);
    }

    void providerStatusesAreTheirOwnField() {
        QStringList names;
        for (const ProviderStatus p : state::allProviderStatuses()) {
            names << state::name(p);
            QCOMPARE(state::providerStatusNamed(QString(state::name(p))), std::optional(p));
            QVERIFY(state::label(p) && *state::label(p));
        }
        QCOMPARE(names, QString::fromLatin1("pending in_progress ticketed failed cancelled")
                            .split(QLatin1Char(' ')));
        QVERIFY(!state::providerStatusNamed(QStringLiteral("processing")));
        // A status the provider reports closes a checkout only when it is an outcome.
        QCOMPARE(state::outcomeOf(ProviderStatus::Pending), std::nullopt);
        QCOMPARE(state::outcomeOf(ProviderStatus::InProgress), std::nullopt);
        QCOMPARE(state::outcomeOf(ProviderStatus::Ticketed),
                 std::optional(CheckoutState::Ticketed));
        QCOMPARE(state::outcomeOf(ProviderStatus::Failed), std::optional(CheckoutState::Failed));
        QCOMPARE(state::outcomeOf(ProviderStatus::Cancelled),
                 std::optional(CheckoutState::Cancelled));
        QVERIFY(state::rank(ProviderStatus::Pending) < state::rank(ProviderStatus::InProgress));
        QVERIFY(state::rank(ProviderStatus::InProgress) < state::rank(ProviderStatus::Ticketed));
        QCOMPARE(state::rank(ProviderStatus::Ticketed), state::rank(ProviderStatus::Failed));
        QVERIFY(state::rank(ProviderStatus::Failed) < state::rank(ProviderStatus::Cancelled));
    }

    void flagsSayWhatTheDeskMayDo() {
        QStringList busy, finals, attention;
        const auto list = [](const char *names) {
            return QString::fromLatin1(names).split(QLatin1Char(' '));
        };
        for (const CheckoutState s : state::all()) {
            if (state::isBusy(s))
                busy << state::name(s);
            if (state::isFinal(s))
                finals << state::name(s);
            if (state::needsAttention(s))
                attention << state::name(s);
        }
        QCOMPARE(busy, list("validating creating ticketing processing"));
        QCOMPARE(finals,
                 list("ticketed failed cancelled offer_unavailable rejected superseded error"));
        QCOMPARE(attention, list("insufficient_funds interrupted unresolved error"));
        // Nothing final can be busy, and nothing a provider says outranks a local final.
        for (const CheckoutState s : state::all())
            QVERIFY(!(state::isFinal(s) && state::isBusy(s)));
        QVERIFY(state::rank(CheckoutState::Cancelled) < state::rank(CheckoutState::Error));
        QVERIFY(state::rank(CheckoutState::Ticketed) > state::rank(CheckoutState::Unresolved));
    }

    // `flightdesk checkout`'s exit code comes from the table: the README's list, one per outcome.
    void exitCodesOfEveryOutcome() {
        using O = CheckoutFlow::Outcome;
        const QList<std::pair<O, int>> expected{{O::Ticketed, 0},         {O::Error, 1},
                                                {O::InvalidInput, 2},     {O::Failed, 3},
                                                {O::OfferUnavailable, 4}, {O::InsufficientFunds, 5},
                                                {O::Unresolved, 6},       {O::Interrupted, 7}};
        const QMetaEnum outcomes = QMetaEnum::fromType<O>();
        QCOMPARE(expected.size(), outcomes.keyCount()); // every outcome is listed here
        for (const auto &[outcome, code] : expected) {
            const CheckoutState s = CheckoutFlow::outcomeState(outcome);
            QCOMPARE(state::exitCode(s), code);
            QCOMPARE(CheckoutFlow::outcomeName(outcome), QString(state::name(s)));
        }
        // Only ticketed exits 0: a script never mistakes anything else for a booking.
        for (const CheckoutState s : state::all())
            QCOMPARE(state::exitCode(s) == 0, s == CheckoutState::Ticketed);
    }
};

QTEST_GUILESS_MAIN(TestIntentState)
#include "tst_intentstate.moc"
