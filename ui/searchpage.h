#pragma once

#include "fieldmessage.h"
#include "searchquery.h"

#include "core/bookinggateway.h"
#include "core/clock.h"
#include "core/offer.h"
#include "core/passenger.h"
#include "desk/search.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTimer;

namespace Ui {
class SearchPage;
}

namespace fd::ui {

class AirportModel;
class OffersModel;
class PlaceCompleter;

// Where a booking starts: the route, dates, passengers and cabin, a search through the desk's
// Search (never blocking the GUI thread), and the offers in a sortable table.
// Choosing an offer emits offerChosen(); the page does nothing else with it.
class SearchPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchPage)

public:
    // `search` and `clock` are not owned and must outlive the page.
    SearchPage(fd::desk::Search *search, const fd::Clock *clock, QWidget *parent = nullptr);
    ~SearchPage() override;

    // `clock` is not owned and must outlive the page; nullptr: the one given at construction.
    void setClock(const fd::Clock *clock);

    // The query as the inputs stand, or nullopt with every problem shown next to its input.
    std::optional<searchquery::Query> query();
    bool isSearching() const; // until every provider asked has answered
    // The providers the running search still waits for, by id.
    QStringList pendingProviders() const;
    OffersModel *offersModel() const { return m_offers; }

public Q_SLOTS:
    // What Search and Enter in the form do: checks everything, then sends one request to
    // every connected provider at once (a newer search replaces one still running; its late
    // answers are dropped). Offers are shown as each provider answers.
    void search();
    // The same route, dates and passenger counts as `previous`, searched at once; the next
    // offerChosen() carries `passengers` (lined up with the new offer) so the agent types
    // nothing twice.
    void searchAgain(const fd::Offer &previous, const QList<fd::Passenger> &passengers);
    // Chooses the offer of the table's current row, when it can still be booked.
    void chooseCurrentOffer();

Q_SIGNALS:
    void offerChosen(const fd::Offer &offer, const QList<fd::Passenger> &prefill);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setupInputs();
    void setupTable();
    void applyQuery(const searchquery::Query &query);
    QDate today() const;
    void updateToday();
    // The IATA code typed or picked in `edit`, its text tidied to "Lagos (LOS)"; the reason
    // next to the input otherwise.
    std::optional<QString> resolveAirport(QLineEdit *edit, QString *why = nullptr);
    // The place `typed` names, from the bundled list or what a provider suggested.
    std::optional<fd::Place> knownPlace(const QString &typed, QStringList *several) const;
    QString checkPassengers(); // the problem shown, empty when none
    QString checkDates();
    void tripChanged();
    void swapAirports();
    void providerAnswered(const QString &provider,
                          const fd::GatewayResult<QList<fd::Offer>> &result);
    void cancelPending();
    void updateStatus();
    void tick();
    void updateSelection();
    void showStatus(const QString &text, Tone tone);
    void showMessage(QLabel *label, QWidget *input, const QString &text, Tone tone);
    QString failureText(const QString &provider, const fd::GatewayFailure &failure) const;

    std::unique_ptr<Ui::SearchPage> m_ui;
    fd::desk::Search *m_search;
    const fd::Clock *m_deskClock;
    const fd::Clock *m_clock;
    AirportModel *m_airports;
    PlaceCompleter *m_originPlaces = nullptr;
    PlaceCompleter *m_destinationPlaces = nullptr;
    OffersModel *m_offers;
    QSortFilterProxyModel *m_proxy;
    QTimer *m_ticker;
    // The running search's context per provider still to answer: deleting one drops its answer.
    QHash<QString, QPointer<QObject>> m_pending;
    QStringList m_asked; // the providers the running (or last) search asked, in order
    struct ProviderFailure {
        QString provider;
        QString text;
    };
    QList<ProviderFailure> m_failures; // of the running (or last) search, as they came
    QElapsedTimer m_searchTime;
    int m_attempts = 0;
    QString m_searchedRoute; // "LOS → LHR", for the status line
    QList<fd::Passenger> m_prefill;
    struct Message {
        QString text;
        Tone tone = Tone::Neutral;
    };
    QHash<QLabel *, Message> m_messages; // re-toned when the palette changes
};

} // namespace fd::ui
