#include "searchpage.h"

#include "airportmodel.h"
#include "offersmodel.h"
#include "placecompleter.h"
#include "ui_searchpage.h"

#include "core/isocodes.h"
#include "core/offerchecks.h"
#include "desk/providers.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTimer>

#include <utility>

namespace fd::ui {

using searchquery::Query;

namespace {

// Three letters: an IATA airport (or city) code, whether or not any list knows it.
bool looksLikeAirportCode(const QString &typed) {
    static const QRegularExpression code(QStringLiteral("\\A[A-Za-z]{3}\\z"));
    return code.match(typed).hasMatch();
}

} // namespace

SearchPage::SearchPage(desk::Search *search, const Clock *clock, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SearchPage>())
    , m_search(search)
    , m_deskClock(clock)
    , m_clock(clock)
    , m_airports(new AirportModel(this))
    , m_offers(new OffersModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_ticker(new QTimer(this)) {
    m_ui->setupUi(this);
    QFont bold = m_ui->searchButton->font();
    bold.setBold(true);
    m_ui->searchButton->setFont(bold);
    m_ui->chooseOfferButton->setFont(bold);
    for (QPushButton *button : {m_ui->searchButton, m_ui->chooseOfferButton})
        button->setMinimumWidth(button->sizeHint().width() * 3 / 2);
    setupInputs();
    setupTable();
    for (QLabel *label : {m_ui->originMessageLabel, m_ui->destinationMessageLabel,
                          m_ui->datesMessageLabel, m_ui->passengersMessageLabel})
        showMessage(label, nullptr, {}, Tone::Neutral);
    //: The status line before the first search.
    showStatus(tr("Enter a route and dates, then press Enter or Search."), Tone::Neutral);
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &SearchPage::tick);
    m_ticker->start();
}

SearchPage::~SearchPage() {
    // The inputs outlive this part of the page by a moment (QWidget deletes its children):
    // their last focus-out must not call back into it.
    for (QObject *child : findChildren<QObject *>())
        disconnect(child, nullptr, this, nullptr);
}

void SearchPage::setupInputs() {
    m_originPlaces = new PlaceCompleter(m_ui->originEdit, m_search, m_airports);
    m_destinationPlaces = new PlaceCompleter(m_ui->destinationEdit, m_search, m_airports);
    for (PlaceCompleter *places : {m_originPlaces, m_destinationPlaces}) {
        QLineEdit *edit = places == m_originPlaces ? m_ui->originEdit : m_ui->destinationEdit;
        // Queued: the line edit writes the completion into itself after this signal.
        connect(
            places->completer(), qOverload<const QString &>(&QCompleter::activated), this,
            [this, edit] { resolveAirport(edit); }, Qt::QueuedConnection);
        connect(edit, &QLineEdit::editingFinished, this, [this, edit] {
            if (!edit->text().trimmed().isEmpty())
                resolveAirport(edit);
        });
    }
    // Out of the Tab chain (From → To), on a shortcut instead; set after setupUi, whose setText
    // would clear it.
    m_ui->swapButton->setShortcut(QKeySequence(Qt::ALT | Qt::Key_W));
    connect(m_ui->swapButton, &QToolButton::clicked, this, &SearchPage::swapAirports);

    //: Cabin classes, as the provider names them.
    m_ui->cabinComboBox->addItem(tr("Economy"), QStringLiteral("economy"));
    m_ui->cabinComboBox->addItem(tr("Premium economy"), QStringLiteral("premium_economy"));
    m_ui->cabinComboBox->addItem(tr("Business"), QStringLiteral("business"));
    m_ui->cabinComboBox->addItem(tr("First"), QStringLiteral("first"));

    //: Date format of the departure and return date inputs.
    const QString dateFormat = tr("ddd d MMM yyyy");
    for (QDateEdit *edit : {m_ui->departureDateEdit, m_ui->returnDateEdit})
        edit->setDisplayFormat(dateFormat);
    updateToday();
    m_ui->departureDateEdit->setDate(today().addDays(7));
    m_ui->returnDateEdit->setDate(today().addDays(14));
    connect(m_ui->departureDateEdit, &QDateEdit::dateChanged, this, [this](const QDate &date) {
        // A return before the departure cannot be picked at all.
        m_ui->returnDateEdit->setMinimumDate(date);
        checkDates();
    });
    connect(m_ui->returnDateEdit, &QDateEdit::dateChanged, this, &SearchPage::checkDates);
    connect(m_ui->returnRadioButton, &QRadioButton::toggled, this, &SearchPage::tripChanged);
    tripChanged();

    for (QSpinBox *box : {m_ui->adultsSpinBox, m_ui->childrenSpinBox, m_ui->infantsSpinBox})
        connect(box, &QSpinBox::valueChanged, this, &SearchPage::checkPassengers);
    connect(m_ui->searchButton, &QPushButton::clicked, this, &SearchPage::search);
}

void SearchPage::setupTable() {
    m_proxy->setSourceModel(m_offers);
    m_proxy->setSortRole(OffersModel::RawValueRole);
    QTableView *view = m_ui->offersTableView;
    view->setModel(m_proxy);
    view->verticalHeader()->hide();
    // Two lines per row on a return trip: let the rows grow with their text.
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(OffersModel::Carrier, QHeaderView::Stretch);
    view->sortByColumn(OffersModel::Price, Qt::AscendingOrder);
    connect(view, &QTableView::doubleClicked, this, &SearchPage::chooseCurrentOffer);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SearchPage::updateSelection);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &SearchPage::updateSelection);
    connect(m_ui->chooseOfferButton, &QPushButton::clicked, this, &SearchPage::chooseCurrentOffer);
    // Offers' time left is the desk's time (a test's or a demo's clock), not the wall clock's.
    m_offers->setClock(m_clock);
    updateSelection();
}

void SearchPage::setClock(const Clock *clock) {
    m_clock = clock ? clock : m_deskClock;
    m_offers->setClock(m_clock);
    updateToday();
}

QDate SearchPage::today() const {
    // The provider's dates are UTC ones, and so is "in the past" on its side.
    return m_clock->now().toUTC().date();
}

void SearchPage::updateToday() {
    if (m_ui->departureDateEdit->minimumDate() != today())
        m_ui->departureDateEdit->setMinimumDate(today());
}

std::optional<Place> SearchPage::knownPlace(const QString &typed, QStringList *several) const {
    const auto byCode = [this](const QString &code) -> std::optional<Place> {
        // A provider's own words first: they name airports the bundled list does not have.
        for (const PlaceCompleter *places : {m_originPlaces, m_destinationPlaces})
            if (auto p = places->suggested(code))
                return p;
        if (const int row = m_airports->rowOfCode(code); row >= 0)
            return m_airports->place(row);
        return std::nullopt;
    };
    if (looksLikeAirportCode(typed))
        return byCode(typed);
    // "Lagos (LOS)" as this page writes an airport back, and "Lagos — Murtala Muhammed Intl
    // (LOS), Nigeria" as the completion list names it.
    static const QRegularExpression codeInBrackets(
        QStringLiteral("\\(([A-Za-z]{3})\\)(?:,[^()]*)?\\z"));
    if (const auto m = codeInBrackets.match(typed); m.hasMatch())
        if (auto p = byCode(m.captured(1)))
            return p;
    if (const int row = m_airports->resolve(typed); row >= 0)
        return m_airports->place(row);
    // A city or an airport's name: the one place it names, or the agent picks.
    QStringList codes;
    QList<Place> named;
    for (const PlaceCompleter *places : {m_originPlaces, m_destinationPlaces})
        for (const Place &p : places->suggestedNamed(typed))
            if (!codes.contains(p.iataCode)) {
                codes << p.iataCode;
                named << p;
            }
    for (int i = 0; i < m_airports->rowCount(); ++i) {
        const Airport &a = m_airports->airport(i);
        if (a.cityName.compare(typed, Qt::CaseInsensitive) == 0 && !codes.contains(a.iataCode))
            codes << a.iataCode;
    }
    if (codes.size() == 1 && named.size() == 1)
        return named.first();
    if (several)
        *several = codes;
    return std::nullopt;
}

std::optional<QString> SearchPage::resolveAirport(QLineEdit *edit, QString *why) {
    const bool isOrigin = edit == m_ui->originEdit;
    // Once the field is settled, no completion list may linger over the page (or other tabs),
    // and no late suggestion may open one.
    PlaceCompleter *places = isOrigin ? m_originPlaces : m_destinationPlaces;
    places->settle();
    QLabel *label = isOrigin ? m_ui->originMessageLabel : m_ui->destinationMessageLabel;
    const QString typed = edit->text().trimmed();
    QStringList several;
    if (const auto place = knownPlace(typed, &several)) {
        edit->setText(tr("%1 (%2)").arg(place->cityName, place->iataCode));
        const QString country = iso::countryName(place->countryCode);
        //: Confirms the airport picked: %1 its name, %2 its country.
        showMessage(label, edit,
                    tr("%1, %2").arg(place->name, country.isEmpty() ? place->countryCode : country),
                    Tone::Neutral);
        return place->iataCode;
    }
    // Any airport code is accepted as typed, even when no list knows it: the provider knows
    // every airport it sells, and says so if it does not fly there.
    if (looksLikeAirportCode(typed)) {
        const QString iata = typed.toUpper();
        edit->setText(iata);
        showMessage(label, edit,
                    places->unreachable()
                        //: %1 an airport code no list knows, while offline.
                        ? tr("%1 is searched as typed: the provider could not be asked for its "
                             "airports (offline?), and this desk's own list does not have it.")
                              .arg(iata)
                        //: %1 an airport code no list knows.
                        : tr("%1 is searched as typed: no airport list this desk has names it; "
                             "the provider says if it does not fly there.")
                              .arg(iata),
                    Tone::Neutral);
        return iata;
    }
    QString problem;
    if (typed.isEmpty()) {
        problem = isOrigin ? tr("Enter the airport to fly from: its code (LOS), city or name.")
                           : tr("Enter the airport to fly to: its code (LHR), city or name.");
    } else {
        problem = several.size() > 1
                      //: %1 a city, %2 its airport codes.
                      ? tr("%1 has several airports (%2): pick one from the list or type its code.")
                            .arg(typed, several.join(QStringLiteral(", ")))
                      : tr("No airport matches \"%1\": type a three-letter code, a city or an "
                           "airport name and pick it from the list.")
                            .arg(typed);
    }
    showMessage(label, edit, tr("Error: %1").arg(problem), Tone::Error);
    if (why)
        *why = problem;
    return std::nullopt;
}

QString SearchPage::checkDates() {
    std::optional<QDate> back;
    if (m_ui->returnRadioButton->isChecked())
        back = m_ui->returnDateEdit->date();
    QString problem = searchquery::dateProblem(m_ui->departureDateEdit->date(), back, today());
    showMessage(m_ui->datesMessageLabel, m_ui->departureDateEdit,
                problem.isEmpty() ? QString() : tr("Error: %1").arg(problem), Tone::Error);
    return problem;
}

QString SearchPage::checkPassengers() {
    QString problem =
        searchquery::passengerProblem(m_ui->adultsSpinBox->value(), m_ui->childrenSpinBox->value(),
                                      m_ui->infantsSpinBox->value());
    const QString text = problem.isEmpty() ? QString() : tr("Error: %1").arg(problem);
    showMessage(m_ui->passengersMessageLabel, nullptr, text, Tone::Error);
    for (QSpinBox *box : {m_ui->adultsSpinBox, m_ui->childrenSpinBox, m_ui->infantsSpinBox})
        box->setAccessibleDescription(text);
    return problem;
}

void SearchPage::tripChanged() {
    const bool back = m_ui->returnRadioButton->isChecked();
    m_ui->returnDateEdit->setEnabled(back);
    m_ui->returnDateLabel->setEnabled(back);
    checkDates();
}

void SearchPage::swapAirports() {
    const QString origin = m_ui->originEdit->text();
    m_ui->originEdit->setText(m_ui->destinationEdit->text());
    m_ui->destinationEdit->setText(origin);
    for (QLineEdit *edit : {m_ui->originEdit, m_ui->destinationEdit})
        if (!edit->text().trimmed().isEmpty())
            resolveAirport(edit);
}

std::optional<Query> SearchPage::query() {
    QList<std::pair<QWidget *, QString>> problems;
    QString why;
    const auto origin = resolveAirport(m_ui->originEdit, &why);
    if (!origin)
        problems.append({m_ui->originEdit, why});
    const auto destination = resolveAirport(m_ui->destinationEdit, &why);
    if (!destination)
        problems.append({m_ui->destinationEdit, why});
    if (origin && destination) {
        if (const QString p = searchquery::routeProblem(*origin, *destination); !p.isEmpty()) {
            showMessage(m_ui->destinationMessageLabel, m_ui->destinationEdit,
                        tr("Error: %1").arg(p), Tone::Error);
            problems.append({m_ui->destinationEdit, p});
        }
    }
    if (const QString p = checkDates(); !p.isEmpty())
        problems.append({m_ui->departureDateEdit, p});
    if (const QString p = checkPassengers(); !p.isEmpty())
        problems.append({m_ui->adultsSpinBox, p});
    if (!problems.isEmpty()) {
        QStringList lines;
        for (const auto &[input, text] : problems)
            lines << text;
        //: %1 lists what is wrong, one sentence per problem.
        showStatus(tr("Not searched yet. %1").arg(lines.join(QLatin1Char(' '))), Tone::Error);
        problems.first().first->setFocus(Qt::OtherFocusReason);
        return std::nullopt;
    }
    Query q;
    q.origin = *origin;
    q.destination = *destination;
    q.departure = m_ui->departureDateEdit->date();
    if (m_ui->returnRadioButton->isChecked())
        q.returnDate = m_ui->returnDateEdit->date();
    q.adults = m_ui->adultsSpinBox->value();
    q.children = m_ui->childrenSpinBox->value();
    q.infants = m_ui->infantsSpinBox->value();
    q.cabin = m_ui->cabinComboBox->currentData().toString();
    return q;
}

void SearchPage::applyQuery(const Query &q) {
    m_ui->originEdit->setText(q.origin);
    m_ui->destinationEdit->setText(q.destination);
    for (QLineEdit *edit : {m_ui->originEdit, m_ui->destinationEdit})
        resolveAirport(edit);
    m_ui->returnRadioButton->setChecked(q.returnDate.has_value());
    m_ui->oneWayRadioButton->setChecked(!q.returnDate.has_value());
    m_ui->departureDateEdit->setDate(q.departure);
    if (q.returnDate)
        m_ui->returnDateEdit->setDate(*q.returnDate);
    m_ui->adultsSpinBox->setValue(q.adults);
    m_ui->childrenSpinBox->setValue(q.children);
    m_ui->infantsSpinBox->setValue(q.infants);
    if (const int i = m_ui->cabinComboBox->findData(q.cabin); i >= 0)
        m_ui->cabinComboBox->setCurrentIndex(i);
}

bool SearchPage::isSearching() const {
    for (const QPointer<QObject> &context : m_pending)
        if (context)
            return true;
    return false;
}

QStringList SearchPage::pendingProviders() const {
    QStringList out;
    for (const QString &provider : m_asked)
        if (m_pending.value(provider))
            out << provider;
    return out;
}

void SearchPage::cancelPending() {
    // Deleting a context drops its answer: nothing from an older search is ever shown.
    for (const QPointer<QObject> &context : std::exchange(m_pending, {}))
        delete context.data();
}

void SearchPage::search() {
    const auto q = query();
    if (!q)
        return;
    cancelPending(); // a newer search wins; the older answers are never delivered
    m_offers->clear();
    m_failures.clear();
    m_asked = m_search->providers();
    m_attempts = 0;
    m_searchTime.start();
    m_ticker->start(); // the count's seconds from this press, not from the page's opening
    //: A route in the status line: origin code → destination code.
    m_searchedRoute = tr("%1 → %2").arg(q->origin, q->destination);
    const QJsonObject request = searchquery::toRequest(*q);
    // Every provider at once, each with its own context: they answer in their own time.
    for (const QString &provider : std::as_const(m_asked))
        m_pending.insert(provider, new QObject(this));
    updateStatus();
    const AttemptLog log = [this](const QJsonObject &) {
        ++m_attempts;
    };
    for (const QString &provider : std::as_const(m_asked)) {
        QObject *context = m_pending.value(provider);
        m_search->searchOffers(
            provider, request, context, log,
            [this, provider, context](const GatewayResult<QList<Offer>> &result) {
                context->deleteLater();
                m_pending.remove(provider);
                providerAnswered(provider, result);
            });
    }
}

void SearchPage::searchAgain(const Offer &previous, const QList<Passenger> &passengers) {
    Query base;
    base.cabin = m_ui->cabinComboBox->currentData().toString();
    applyQuery(searchquery::fromOffer(previous, passengers, base));
    m_prefill = passengers;
    // Passengers read back from a journal may have lost their type: the old offer has it.
    for (qsizetype i = 0; i < m_prefill.size(); ++i) {
        if (!m_prefill.at(i).type.isEmpty())
            continue;
        for (const OfferPassenger &seat : previous.passengers)
            if (seat.id == m_prefill.at(i).id)
                m_prefill[i].type = seat.type;
        if (m_prefill.at(i).type.isEmpty() && i < previous.passengers.size())
            m_prefill[i].type = previous.passengers.at(i).type;
    }
    search();
}

void SearchPage::providerAnswered(const QString &provider,
                                  const GatewayResult<QList<Offer>> &result) {
    if (const auto *failure = std::get_if<GatewayFailure>(&result)) {
        QString text = failureText(provider, *failure);
        if (m_asked.size() > 1)
            //: A provider's failure among several: %1 its name, %2 what went wrong and the fix.
            text = tr("%1: %2").arg(desk::providerName(provider), text);
        m_failures.append({provider, text});
        updateStatus();
        return;
    }
    const auto &offers = std::get<QList<Offer>>(result);
    const bool first = m_offers->rowCount() == 0;
    m_offers->addOffers(offers);
    updateStatus();
    if (!first || offers.isEmpty())
        return; // the agent may already be looking at the first answer's offers: keep the row
    QTableView *view = m_ui->offersTableView;
    view->setCurrentIndex(m_proxy->index(0, 0));
    // The agent searched from the form: the next keys belong to the results.
    if (QWidget *focus = focusWidget(); !focus || m_ui->searchGroupBox->isAncestorOf(focus))
        view->setFocus(Qt::OtherFocusReason);
}

void SearchPage::updateStatus() {
    QStringList failures;
    for (const ProviderFailure &f : std::as_const(m_failures))
        failures << f.text;
    const int count = m_offers->rowCount();
    const QString found = count == 1 ? tr("1 offer for %1.").arg(m_searchedRoute)
                                     //: %1 the number of offers, %2 the route.
                                     : tr("%1 offers for %2.").arg(count).arg(m_searchedRoute);
    if (isSearching()) {
        QString text;
        // Rounded: a coarse timer may tick a little before the second is up.
        const qint64 seconds = (m_searchTime.elapsed() + 500) / 1000;
        if (seconds == 0) {
            //: Shown from the moment Search is pressed until the providers answer.
            text = tr("Searching %1…").arg(m_searchedRoute);
        } else {
            const QString attempt =
                m_attempts > 0
                    ? tr(" (attempt %1, the server is slow to answer)").arg(m_attempts + 1)
                    : QString();
            //: %1 the route, %2 seconds since Search was pressed, %3 empty or the retry attempt.
            text = tr("Searching %1… %2 s%3").arg(m_searchedRoute).arg(seconds).arg(attempt);
        }
        if (m_asked.size() > 1) {
            QStringList waiting;
            for (const QString &provider : pendingProviders())
                waiting << desk::providerName(provider);
            //: %1 the providers that have not answered yet, e.g. "Travelbase, Travomatrix".
            text +=
                QLatin1Char(' ') + tr("Waiting for %1.").arg(waiting.join(QStringLiteral(", ")));
            if (count > 0)
                text += QLatin1Char(' ') + found;
        }
        for (const QString &f : std::as_const(failures))
            text += QLatin1Char('\n') + f;
        showStatus(text, Tone::Neutral);
        return;
    }
    if (count == 0) {
        if (!failures.isEmpty() && failures.size() == m_asked.size()) {
            showStatus(failures.join(QLatin1Char('\n')), Tone::Error);
            return;
        }
        //: %1 the route, e.g. LOS → LHR.
        QString text = tr("No offers for %1 on those dates: try other dates, another airport or "
                          "fewer passengers.")
                           .arg(m_searchedRoute);
        for (const QString &f : std::as_const(failures))
            text += QLatin1Char('\n') + f;
        showStatus(text, failures.isEmpty() ? Tone::Warning : Tone::Error);
        return;
    }
    QString text =
        found + QLatin1Char(' ') + tr("Select one and press Enter, or double-click it, to choose.");
    for (const QString &f : std::as_const(failures))
        text += QLatin1Char('\n') + f;
    showStatus(text, failures.isEmpty() ? Tone::Neutral : Tone::Warning);
}

QString SearchPage::failureText(const QString &provider, const GatewayFailure &f) const {
    using K = GatewayFailure::Kind;
    const QString server = m_search->server(provider);
    switch (f.kind) {
    case K::Unauthorized:
        //: %1 the provider's answer.
        return tr("The booking server refused the API key (%1). Check the API key in Settings, "
                  "then search again.")
            .arg(f.message);
    case K::OutcomeUnknown:
        if (f.httpStatus == 0)
            //: %1 the server address, %2 what went wrong.
            return tr("Could not reach the booking server at %1 (%2). Check the API base URL in "
                      "Settings and the network connection, then search again.")
                .arg(server, f.message);
        return tr("The booking server is having trouble and did not answer the search (%1). "
                  "Search again in a minute.")
            .arg(f.message);
    case K::Rejected: {
        QStringList fields;
        for (const auto &[field, message] : f.fieldErrors)
            fields << field + QLatin1Char(' ') + message;
        return tr("The booking server did not accept the search: %1.")
            .arg(fields.isEmpty() ? f.message : fields.join(QStringLiteral("; ")));
    }
    case K::Fatal:
        //: %1 what went wrong, %2 the provider's name.
        return tr("The booking server failed and asked not to retry (%1). Search again later; if "
                  "it keeps failing, contact %2 support.")
            .arg(f.message, desk::providerName(provider));
    case K::Cancelled:
        return tr("The search was cancelled.");
    default:
        return tr("The search failed: %1").arg(f.message);
    }
}

void SearchPage::chooseCurrentOffer() {
    const QModelIndex current = m_ui->offersTableView->currentIndex();
    if (!current.isValid()) {
        showStatus(tr("Select an offer in the list first."), Tone::Warning);
        return;
    }
    const int row = m_proxy->mapToSource(current).row();
    if (m_offers->secondsLeft(row) <= kOfferSafetyMarginSeconds) {
        showStatus(tr("That offer expires in less than a minute, too soon to book: search again "
                      "for fresh offers."),
                   Tone::Error);
        return;
    }
    const Offer offer = m_offers->offerAt(row);
    const QList<Passenger> prefill =
        m_prefill.isEmpty() ? QList<Passenger>() : searchquery::matchPrefill(m_prefill, offer);
    m_prefill.clear();
    Q_EMIT offerChosen(offer, prefill);
}

void SearchPage::updateSelection() {
    const QModelIndex current = m_ui->offersTableView->currentIndex();
    m_ui->chooseOfferButton->setEnabled(current.isValid());
    if (!current.isValid()) {
        m_ui->selectionLabel->clear();
        return;
    }
    const int row = m_proxy->mapToSource(current).row();
    const Offer &offer = m_offers->offerAt(row);
    const QString carrier = m_offers->data(m_offers->index(row, OffersModel::Carrier)).toString();
    if (offer.provider.isEmpty()) {
        //: The offer about to be chosen: %1 carrier and flights, %2 total price.
        m_ui->selectionLabel->setText(tr("Selected: %1 — %2").arg(carrier, offer.total.toString()));
        return;
    }
    //: The offer about to be chosen: %1 carrier and flights, %2 total price, %3 the provider
    //: selling it (the same trip may be sold by several).
    m_ui->selectionLabel->setText(
        tr("Selected: %1 — %2, sold by %3")
            .arg(carrier, offer.total.toString(), desk::providerName(offer.provider)));
}

void SearchPage::tick() {
    updateToday();
    m_offers->refresh();
    if (isSearching())
        updateStatus();
}

void SearchPage::keyPressEvent(QKeyEvent *event) {
    QWidget *focus = focusWidget();
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && (focus == m_ui->offersTableView || focus == m_ui->chooseOfferButton)) {
        chooseCurrentOffer();
        return;
    }
    if (enter && focus && m_ui->searchGroupBox->isAncestorOf(focus)) {
        search();
        return;
    }
    if (event->key() == Qt::Key_Escape && isSearching()) {
        cancelPending();
        showStatus(tr("Search cancelled."), Tone::Neutral);
        return;
    }
    QWidget::keyPressEvent(event);
}

void SearchPage::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() != QEvent::PaletteChange)
        return;
    // The message colours are picked for the palette: pick them again (light ↔ dark).
    for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it)
        showToned(it.key(), it.value().text, it.value().tone);
}

void SearchPage::showStatus(const QString &text, Tone tone) {
    showMessage(m_ui->statusLabel, nullptr, text, tone);
}

void SearchPage::showMessage(QLabel *label, QWidget *input, const QString &text, Tone tone) {
    m_messages.insert(label, {text, tone});
    showToned(label, text, tone);
    if (input)
        input->setAccessibleDescription(text);
}

} // namespace fd::ui
