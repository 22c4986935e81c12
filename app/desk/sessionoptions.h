#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace fd {

// Where one provider is reached: its API base and key.
struct ProviderConnection {
    QString provider; // a registered provider id (desk/providers.h)
    QUrl apiBase;
    QString apiKey;
};

// How to open a desk (a Session): where to book, where the journal is, the webhook receiver and
// the training timing. A value type, so the window and the commands fill it without seeing
// what the desk layer wires from it.
struct SessionOptions {
    // The first provider (a command's --provider, --api-base, --api-key)...
    QString provider = QStringLiteral("travelbase");
    QUrl apiBase;
    QString apiKey;
    // ...and the other enabled ones (the window's Settings). Searches ask them all at once; a
    // checkout books with the provider of its offer, a resumed one with its intent's.
    QList<ProviderConnection> moreProviders;
    QString journalPath; // a file, or the agency's postgresql:// URL (no password in it)
    // The agency database's password from the keychain; empty = libpq's own (PGPASSWORD,
    // ~/.pgpass). Given to the journal before it opens, kept in memory only.
    QString journalPassword;
    bool demo = false;     // every provider's embedded sandbox, and book against them
    QString demoScenario;  // a built-in scenario name or file, demo only, for every provider
    QString webhookListen; // HOST:PORT; empty = no receiver (polling only), or auto in demo
    bool webhookListenPublic = false; // the agent's opt-in to a non-loopback webhookListen
    QByteArray webhookSecret;         // required with webhookListen
    double timingScale = 1.0;
    int requestTimeoutSeconds = 30;
};

} // namespace fd
