// The one table of intent states (app/core/intent.cpp): what the flow, the journal, the orders
// page and the CLI read about a state comes from it, so its shape is checked here.
#include "core/intent.h"

#include <QSet>
#include <QTest>

using namespace fd;

class TestIntentState final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyStateOnceWithWords() {
        QSet<QString> names;
        int previousRank = 0;
        for (const QLatin1String s : IntentState::all()) {
            QVERIFY2(!names.contains(s), s.data());
            names.insert(s);
            QVERIFY2(IntentState::label(s) && *IntentState::label(s), s.data());
            QVERIFY2(IntentState::rank(s) >= previousRank, s.data()); // listed lowest first
            previousRank = IntentState::rank(s);
        }
        QCOMPARE(names.size(), 19);
        QVERIFY(!IntentState::label(QStringLiteral("submitting"))); // no pseudo-states
        QCOMPARE(IntentState::rank(QStringLiteral("from a newer desk")), 0);
    }

    void flagsSayWhatTheDeskMayDo() {
        QStringList busy, finals, attention, provider;
        const auto list = [](const char *names) {
            return QString::fromLatin1(names).split(QLatin1Char(' '));
        };
        for (const QLatin1String s : IntentState::all()) {
            if (IntentState::isBusy(s))
                busy << s;
            if (IntentState::isFinal(s))
                finals << s;
            if (IntentState::needsAttention(s))
                attention << s;
            if (IntentState::isProviderStatus(s))
                provider << s;
        }
        QCOMPARE(busy, list("validating creating ticketing processing"));
        QCOMPARE(finals,
                 list("ticketed failed cancelled offer_unavailable rejected superseded error"));
        QCOMPARE(attention, list("insufficient_funds interrupted unresolved error"));
        QCOMPARE(provider, list("pending in_progress ticketed failed cancelled"));
        // Nothing final can be busy, and nothing a provider says outranks a local final.
        for (const QLatin1String s : IntentState::all())
            QVERIFY(!(IntentState::isFinal(s) && IntentState::isBusy(s)));
        QVERIFY(IntentState::rank(IntentState::Cancelled) < IntentState::rank(IntentState::Error));
    }
};

QTEST_GUILESS_MAIN(TestIntentState)
#include "tst_intentstate.moc"
