#pragma once

#include "core/bookinggateway.h"
#include "core/offer.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QCompleter;
class QLineEdit;
class QStandardItemModel;
class QTimer;

namespace fd::desk {
class Search;
}

namespace fd::ui {

class AirportModel;

// The completion list of one airport input. As the agent types, the bundled list's matches
// show at once (the offline fallback); once the agent pauses (250 ms), every connected
// provider's places endpoint is asked (GET /v1/places/suggestions) and what they suggest
// replaces them, named the way an agent reads them: "Lagos — Murtala Muhammed Intl (LOS),
// Nigeria". A question still unanswered when the text changes again is dropped (its context is
// deleted), so a slow answer never overwrites a newer one.
class PlaceCompleter final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceCompleter)

public:
    // `search` and `bundled` are not owned and must outlive this; the completer is set on
    // `edit`, which owns this.
    PlaceCompleter(QLineEdit *edit, fd::desk::Search *search, const AirportModel *bundled);
    ~PlaceCompleter() override;

    QCompleter *completer() const { return m_completer; }

    // A place a provider suggested to this input, by its code (any case).
    std::optional<fd::Place> suggested(const QString &code) const;
    // Every place a provider suggested to this input whose city or name is `text` (any case).
    QList<fd::Place> suggestedNamed(const QString &text) const;
    // Whether the providers were asked and none could answer (offline, the server down): the
    // list holds only the bundled airports.
    bool unreachable() const { return m_unreachable; }
    // Drops the question under way, if any, and closes the list.
    void settle();

    // "Lagos — Murtala Muhammed Intl (LOS), Nigeria"; a city: "London — any airport (LON), …".
    static QString label(const fd::Place &place);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void edited(const QString &text);
    void ask();
    void answered(const fd::GatewayResult<QList<fd::Place>> &result);
    void show(const QList<fd::Place> &places);
    QList<fd::Place> bundledMatches(const QString &text) const;

    QLineEdit *m_edit;
    fd::desk::Search *m_search;
    const AirportModel *m_bundled;
    QStandardItemModel *m_model;
    QCompleter *m_completer;
    QTimer *m_delay;
    QPointer<QObject> m_asking; // the question under way; deleting it drops its answers
    int m_waitingFor = 0;       // providers of that question still to answer
    int m_failed = 0;           // …that could not be reached
    bool m_answered = false;    // some provider's list replaced the bundled matches
    bool m_unreachable = false;
    QList<fd::Place> m_shown;
    QHash<QString, fd::Place> m_known; // every place suggested so far, by code
};

} // namespace fd::ui
