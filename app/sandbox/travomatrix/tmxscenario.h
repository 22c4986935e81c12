#pragma once

#include "sandbox/faults.h"

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fd::sandbox::tmx {

// What the airline answers to a booking the sandbox created.
enum class AirlineOutcome { Ticketed, Rejected, Never };

// A Travomatrix scenario: the Travelbase format where the providers agree (name, description,
// wallet, faults per endpoint and attempt), the airline's behaviour where they differ. See
// README.md for the JSON.
struct Scenario {
    QString name = QStringLiteral("happy_path");
    QString description;
    QList<Fault> faults;
    AirlineOutcome outcome = AirlineOutcome::Ticketed;
    int airlineDelayMs = 500; // until the airline answers, before the timing scale
    // How long a create holds its answer for the airline: an answer later than this comes back
    // PENDING and settles in the background. Before the timing scale.
    int answerWithinMs = 2000;
    QString failureReason = QStringLiteral("The airline refused the booking: fare class closed");
    std::optional<qint64> walletAvailable; // minor units, applied when the scenario is set
    qint64 fareTtlSeconds = 30 * 60;

    const Fault *faultFor(const QString &endpoint, int attempt) const {
        return firstFault(faults, endpoint, attempt);
    }

    static Result<Scenario> fromJson(const QJsonObject &o);
    static Result<Scenario> fromFile(const QString &path);
    // A built-in scenario by name, or a JSON file path.
    static Result<Scenario> resolve(const QString &nameOrFile);
    static std::optional<Scenario> builtIn(const QString &name);
    static QStringList builtInNames();
    static QStringList endpointNames();
    static FaultRules faultRules();
};

} // namespace fd::sandbox::tmx
