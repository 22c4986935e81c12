#include "placecompleter.h"

#include "airportmodel.h"

#include "core/isocodes.h"
#include "desk/search.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QTimer>

#include <algorithm>
#include <utility>
#include <variant>

namespace fd::ui {
namespace {

constexpr int kMaxShown = 12;
constexpr qsizetype kMinQuery = 2;  // one letter matches half the world
constexpr qsizetype kMaxQuery = 64; // the contract's cap

// "Murtala Muhammed International Airport" → "Murtala Muhammed Intl", as agents write it.
QString shortName(QString name) {
    name.replace(QStringLiteral("International"), QStringLiteral("Intl"));
    if (name.endsWith(QLatin1String(" Airport")))
        name.chop(8);
    return name;
}

} // namespace

PlaceCompleter::PlaceCompleter(QLineEdit *edit, desk::Search *search, const AirportModel *bundled)
    : QObject(edit)
    , m_edit(edit)
    , m_search(search)
    , m_bundled(bundled)
    , m_model(new QStandardItemModel(this))
    , m_completer(new QCompleter(m_model, this))
    , m_delay(new QTimer(this)) {
    // The list is what this class put in the model, in its order: the completer filters
    // nothing (a provider matches accents and names the completer cannot).
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(kMaxShown);
    edit->setCompleter(m_completer);
    m_delay->setSingleShot(true);
    m_delay->setInterval(250); // the agent's pause before the providers are asked
    connect(m_delay, &QTimer::timeout, this, &PlaceCompleter::ask);
    connect(edit, &QLineEdit::textEdited, this, &PlaceCompleter::edited);
    // Escape closes the list for good: no late suggestion opens it again until the agent types.
    m_completer->popup()->installEventFilter(this);
}

bool PlaceCompleter::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_completer->popup() && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        m_delay->stop();
        delete m_asking.data();
    }
    return QObject::eventFilter(watched, event);
}

PlaceCompleter::~PlaceCompleter() {
    delete m_asking.data();
}

std::optional<fd::Place> PlaceCompleter::suggested(const QString &code) const {
    const auto it = m_known.constFind(code.trimmed().toUpper());
    if (it == m_known.cend())
        return std::nullopt;
    return *it;
}

QList<fd::Place> PlaceCompleter::suggestedNamed(const QString &text) const {
    QList<fd::Place> out;
    for (const fd::Place &p : m_known)
        if (p.cityName.compare(text, Qt::CaseInsensitive) == 0 ||
            p.name.compare(text, Qt::CaseInsensitive) == 0)
            out.append(p);
    return out;
}

void PlaceCompleter::settle() {
    m_delay->stop();
    delete m_asking.data();
    if (m_completer->popup())
        m_completer->popup()->hide();
}

QString PlaceCompleter::label(const fd::Place &place) {
    const QString country = iso::countryName(place.countryCode);
    const QString where = country.isEmpty() ? place.countryCode : country;
    if (place.type == QLatin1String("city"))
        //: A city's completion: %1 the city, %2 its code, %3 its country.
        return tr("%1 — any airport (%2), %3").arg(place.cityName, place.iataCode, where);
    //: An airport's completion: %1 its city, %2 its short name, %3 its code, %4 its country.
    return tr("%1 — %2 (%3), %4").arg(place.cityName, shortName(place.name), place.iataCode, where);
}

void PlaceCompleter::edited(const QString &text) {
    // Whatever was asked for an older text is of no use now.
    delete m_asking.data();
    m_answered = false;
    const QString typed = text.trimmed();
    show(bundledMatches(typed));
    if (typed.size() < kMinQuery || typed.size() > kMaxQuery || !m_search) {
        m_delay->stop();
        return;
    }
    m_delay->start();
}

void PlaceCompleter::ask() {
    const QString typed = m_edit->text().trimmed();
    const QStringList providers = m_search->providers();
    if (providers.isEmpty())
        return;
    auto *context = new QObject(this);
    context->setObjectName(QStringLiteral("placeQuestion"));
    m_asking = context;
    m_waitingFor = int(providers.size());
    m_failed = 0;
    for (const QString &provider : providers)
        m_search->suggestPlaces(provider, typed, context,
                                [this, context](const GatewayResult<QList<fd::Place>> &r) {
                                    if (context == m_asking)
                                        answered(r);
                                });
}

void PlaceCompleter::answered(const GatewayResult<QList<fd::Place>> &result) {
    --m_waitingFor;
    if (const auto *places = std::get_if<QList<fd::Place>>(&result)) {
        QList<fd::Place> merged = m_answered ? m_shown : QList<fd::Place>{};
        for (const fd::Place &p : *places) {
            if (p.iataCode.isEmpty())
                continue;
            m_known.insert(p.iataCode.toUpper(), p);
            const bool seen = std::any_of(merged.cbegin(), merged.cend(), [&p](const Place &s) {
                return s.iataCode == p.iataCode;
            });
            if (!seen && merged.size() < kMaxShown)
                merged.append(p);
        }
        m_answered = true;
        m_unreachable = false;
        show(merged);
    } else if (std::get<GatewayFailure>(result).code != QLatin1String("FD_NOT_SUPPORTED")) {
        ++m_failed; // a provider without places is not a failure: it has none to give
    }
    if (m_waitingFor > 0)
        return;
    // Every provider answered: a question with no answer at all leaves the bundled matches.
    m_unreachable = !m_answered && m_failed > 0;
    // Not deleted here: this runs in one of its answers.
    std::exchange(m_asking, nullptr)->deleteLater();
}

void PlaceCompleter::show(const QList<fd::Place> &places) {
    m_shown = places;
    m_model->clear();
    for (const fd::Place &p : places) {
        auto *item = new QStandardItem(label(p));
        item->setEditable(false);
        m_model->appendRow(item);
    }
    QAbstractItemView *popup = m_completer->popup();
    if (places.isEmpty() || !m_edit->hasFocus()) {
        popup->hide();
        return;
    }
    m_completer->setCompletionPrefix(m_edit->text());
    m_completer->complete();
    // Nothing is picked until the agent moves into the list: Enter keeps what was typed.
    popup->setCurrentIndex({});
}

QList<fd::Place> PlaceCompleter::bundledMatches(const QString &text) const {
    if (text.isEmpty())
        return {};
    struct Match {
        int rank;
        int row;
    };
    QList<Match> matches;
    for (int row = 0; row < m_bundled->rowCount(); ++row) {
        const Airport &a = m_bundled->airport(row);
        int rank = -1;
        if (a.iataCode.compare(text, Qt::CaseInsensitive) == 0)
            rank = 0;
        else if (a.cityName.startsWith(text, Qt::CaseInsensitive))
            rank = 1;
        else if (a.name.contains(text, Qt::CaseInsensitive) ||
                 a.cityName.contains(text, Qt::CaseInsensitive))
            rank = 2;
        else if (text.size() >= 3 &&
                 iso::countryName(a.countryCode).startsWith(text, Qt::CaseInsensitive))
            rank = 3;
        if (rank >= 0)
            matches.append({rank, row});
    }
    std::stable_sort(matches.begin(), matches.end(),
                     [](const Match &x, const Match &y) { return x.rank < y.rank; });
    QList<fd::Place> out;
    for (const Match &m : matches.mid(0, kMaxShown))
        out.append(m_bundled->place(m.row));
    return out;
}

} // namespace fd::ui
