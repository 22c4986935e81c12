#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace fd {

// How to open a desk (a Session): where to book, where the journal is, the webhook receiver and
// the training timing. A value type, so the window and the commands fill it without seeing
// what the desk layer wires from it.
struct SessionOptions {
    QUrl apiBase;
    QString apiKey;
    QString journalPath;
    bool demo = false;     // start the embedded sandbox and book against it
    QString demoScenario;  // a built-in scenario name or file, demo only
    QString webhookListen; // HOST:PORT; empty = no receiver (polling only), or auto in demo
    bool webhookListenPublic = false; // the agent's opt-in to a non-loopback webhookListen
    QByteArray webhookSecret;         // required with webhookListen
    double timingScale = 1.0;
    int requestTimeoutSeconds = 30;
};

} // namespace fd
