#pragma once

#include "core/travellerprofile.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QCompleter;
class QLineEdit;
class QStandardItemModel;

namespace fd::ui {

class ProfileBook;

// Offers the saved travellers whose names an input's text starts, as the agent types a name in
// a passenger card: "Adaeze Okafor — born 12 Apr 1990, passport saved". The first match is
// highlighted, so Enter takes it; Tab and Escape close the list and keep what was typed (a new
// traveller whose name starts like a saved one is never replaced by it unasked).
class ProfileCompleter final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileCompleter)

public:
    // `book` is not owned and must outlive this; `edit` owns this.
    ProfileCompleter(QLineEdit *edit, ProfileBook *book);
    ~ProfileCompleter() override;

    QCompleter *completer() const { return m_completer; }
    // The label of one match.
    static QString label(const TravellerProfile &profile);

Q_SIGNALS:
    void chosen(const fd::TravellerProfile &profile);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void edited(const QString &text);
    void activated(int row);

    QLineEdit *m_edit;
    QPointer<ProfileBook> m_book;
    QStandardItemModel *m_model;
    QCompleter *m_completer;
    QList<TravellerProfile> m_shown;
};

} // namespace fd::ui
