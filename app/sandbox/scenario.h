#pragma once

#include "catalogue.h"
#include "faults.h"

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fd::sandbox {

enum class TicketingOutcome { Ticketed, Failed, Never };
enum class WebhookMode {
    Normal,
    Dropped,
    Duplicated,
    Early,
    BadSignatureFirst,
    StaleAfter, // each outcome event is followed by an older snapshot of the order
};

struct Scenario {
    QString name = QStringLiteral("happy_path");
    QString description;
    QList<Fault> faults;
    TicketingOutcome outcome = TicketingOutcome::Ticketed;
    int ticketingDelayMs = 3000; // before the timing scale
    WebhookMode webhooks = WebhookMode::Normal;
    int webhookDelayMs = 0; // before each event's first delivery, before the timing scale
    std::optional<QString> walletBalance; // applied when the scenario is set
    OfferTerms offers;

    const Fault *faultFor(const QString &endpoint, int attempt) const;

    static Result<Scenario> fromJson(const QJsonObject &o);
    static constexpr qint64 kMaxFileBytes = kMaxScenarioFileBytes;
    static Result<Scenario> fromFile(const QString &path);
    // A built-in scenario by name (happy_path, airline_rejects, ...), or a JSON file path.
    static Result<Scenario> resolve(const QString &nameOrFile);
    static std::optional<Scenario> builtIn(const QString &name);
    static QStringList builtInNames();
    static QStringList endpointNames();
    // The endpoints and fault kinds a Travelbase scenario may name.
    static FaultRules faultRules();
};

} // namespace fd::sandbox
