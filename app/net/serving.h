#pragma once

#include <QObject>

#include <functional>

namespace fd::net {

// Listening at once, serving a moment later (issue 14: the window's first frame).
//
// The first QHttpServer a process makes costs 10–20 ms of a core: Qt loads its TLS backend
// (OpenSSL and its configuration) for it, whether or not it serves TLS. The desk's servers
// (its webhook receiver and, in demo mode, the two sandboxes) are needed once the agent acts,
// not for the first frame. So while serving is held they bind their ports at once, so every
// address is known and handed out, pause accepting, and make their QHttpServer when serving is
// released. A client that connects meanwhile waits in the listen backlog and is answered then.
//
// Nothing holds serving but the window's start-up (ui::Desktop), which releases it after its
// first frame; commands, tests and the sandbox program serve at once.

// From now until releaseServing(), whenServing() keeps what it is given. Any thread.
void holdServing();
// Runs everything whenServing() kept, each on its context's thread; then serving stays open.
// Any thread; a second call does nothing.
void releaseServing();
bool servingHeld();

// Runs `serve` now (on this thread) unless serving is held; then once it is released, on
// `context`'s thread, unless `context` is gone by then.
void whenServing(QObject *context, std::function<void()> serve);

} // namespace fd::net
