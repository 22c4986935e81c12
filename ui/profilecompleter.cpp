#include "profilecompleter.h"

#include "profilebook.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QDate>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLocale>
#include <QStandardItemModel>

namespace fd::ui {

ProfileCompleter::ProfileCompleter(QLineEdit *edit, ProfileBook *book)
    : QObject(edit)
    , m_edit(edit)
    , m_book(book)
    , m_model(new QStandardItemModel(this))
    , m_completer(new QCompleter(m_model, this)) {
    setObjectName(QStringLiteral("profileCompleter"));
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setMaxVisibleItems(8);
    // Not the edit's own completer: choosing fills the whole card, not this field's text.
    m_completer->setWidget(edit);
    m_completer->popup()->setObjectName(QStringLiteral("profilePopup"));
    m_completer->popup()->setAccessibleName(tr("Saved travellers"));
    m_completer->popup()->installEventFilter(this); // after the completer's: runs first
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) { activated(index.row()); });
    connect(edit, &QLineEdit::textEdited, this, &ProfileCompleter::edited);
    // Typed before the profiles were read (or changed meanwhile): offer them once they are.
    connect(book, &ProfileBook::changed, this, [this] {
        if (m_edit->hasFocus() && !m_edit->text().trimmed().isEmpty())
            edited(m_edit->text());
    });
}

ProfileCompleter::~ProfileCompleter() = default;

QString ProfileCompleter::label(const TravellerProfile &p) {
    const QDate born = QDate::fromString(p.bornOn, Qt::ISODate);
    const QString bornText =
        born.isValid() ? QLocale().toString(born, QLocale::ShortFormat) : p.bornOn;
    const QString passport = p.passport      ? tr("passport saved")
                             : p.hasPassport ? tr("passport sealed")
                                             : tr("no passport");
    //: A saved traveller offered in a passenger card: %1 the name, %2 the date of birth, %3
    //: "passport saved", "passport sealed" or "no passport".
    return tr("%1 — born %2, %3").arg(p.displayName(), bornText, passport);
}

void ProfileCompleter::edited(const QString &text) {
    if (!m_book || !m_edit->isEnabled() || m_edit->isReadOnly())
        return;
    m_book->ensureLoaded();
    m_shown = text.trimmed().isEmpty() ? QList<TravellerProfile>() : m_book->matching(text);
    m_model->clear();
    for (const TravellerProfile &p : std::as_const(m_shown))
        m_model->appendRow(new QStandardItem(label(p)));
    if (m_shown.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->complete();
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

void ProfileCompleter::activated(int row) {
    if (row < 0 || row >= m_shown.size())
        return;
    const TravellerProfile chosenProfile = m_shown.at(row);
    m_shown.clear();
    Q_EMIT chosen(chosenProfile);
}

bool ProfileCompleter::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_completer->popup() && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab) {
            // The completer would take the highlighted traveller: Tab only moves on.
            m_completer->popup()->hide();
            QKeyEvent again(QEvent::KeyPress, key->key(), key->modifiers(), key->text());
            QApplication::sendEvent(m_edit, &again);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace fd::ui
