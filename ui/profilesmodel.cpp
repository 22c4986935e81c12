#include "profilesmodel.h"

#include "profilebook.h"

#include <QLocale>

namespace fd::ui {

ProfilesModel::ProfilesModel(ProfileBook *book, QObject *parent)
    : QAbstractTableModel(parent)
    , m_book(book) {
    if (m_book) {
        connect(m_book, &ProfileBook::changed, this, &ProfilesModel::refresh);
        m_rows = m_book->all();
    }
}

ProfilesModel::~ProfilesModel() = default;

void ProfilesModel::refresh() {
    beginResetModel();
    m_rows = m_book ? m_book->all() : QList<TravellerProfile>{};
    endResetModel();
}

ProfilesModel::PassportState ProfilesModel::passportState(const TravellerProfile &p) {
    if (p.passport)
        return PassportState::Saved;
    return p.hasPassport ? PassportState::Sealed : PassportState::None;
}

const TravellerProfile *ProfilesModel::profileAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int ProfilesModel::rowOf(const QString &profileId) const {
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == profileId)
            return int(i);
    return -1;
}

int ProfilesModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProfilesModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProfilesModel::rawValue(const TravellerProfile &p, Column column) const {
    switch (column) {
    case Name:
        return profiles::fold(p.displayName());
    case Born:
        return p.bornOn; // YYYY-MM-DD sorts as text
    case Email:
        return p.email.toLower();
    case Phone:
        return p.phoneNumber;
    case Passport:
        return int(passportState(p));
    case Updated:
        return p.updatedAt;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ProfilesModel::display(const TravellerProfile &p, Column column) const {
    switch (column) {
    case Name:
        return p.displayName();
    case Born:
        return p.bornOn;
    case Email:
        return p.email;
    case Phone:
        return p.phoneNumber;
    case Passport:
        switch (passportState(p)) {
        case PassportState::Saved:
            //: Passport column: a passport is stored and can be read on this desk.
            return tr("Saved");
        case PassportState::Sealed:
            //: Passport column: one is stored, sealed, but the key (system keychain) is not
            //: at hand, so it cannot be read or used.
            return tr("Sealed (key not available)");
        case PassportState::None:
            break;
        }
        //: Passport column: no passport is kept for this traveller.
        return tr("—");
    case Updated:
        return QLocale().toString(p.updatedAt.toLocalTime(), QLocale::ShortFormat);
    case ColumnCount:
        break;
    }
    return {};
}

// What a screen reader says, where the cell's text alone would be unclear.
QVariant ProfilesModel::accessible(const TravellerProfile &p, Column column) const {
    switch (column) {
    case Passport:
        switch (passportState(p)) {
        case PassportState::Saved:
            return tr("Passport saved");
        case PassportState::Sealed:
            return tr("Passport stored sealed; the key to read it is not available on this desk");
        case PassportState::None:
            break;
        }
        return tr("No passport kept");
    case Updated:
        //: %1 a date and time in the desk's time zone.
        return tr("Updated %1")
            .arg(QLocale().toString(p.updatedAt.toLocalTime(), QLocale::LongFormat));
    default:
        return display(p, column);
    }
}

QVariant ProfilesModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TravellerProfile &p = m_rows.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case ProfileIdRole:
        return p.id;
    case RawValueRole:
        return rawValue(p, column);
    case Qt::DisplayRole:
        return display(p, column);
    case Qt::AccessibleTextRole:
        return accessible(p, column);
    case Qt::ToolTipRole:
        return column == Passport || column == Updated ? accessible(p, column) : QVariant();
    default:
        return {};
    }
}

QVariant ProfilesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Name:
        //: Column: the traveller's given and family names.
        return tr("Name");
    case Born:
        //: Column: the date of birth, YYYY-MM-DD.
        return tr("Born");
    case Email:
        //: Column: the traveller's e-mail address.
        return tr("Email");
    case Phone:
        //: Column: the phone number, international format.
        return tr("Phone");
    case Passport:
        //: Column: whether a passport is kept (saved, sealed or none).
        return tr("Passport");
    case Updated:
        //: Column: when the profile last changed, in the desk's time zone.
        return tr("Updated");
    case ColumnCount:
        break;
    }
    return {};
}

ProfilesFilterModel::ProfilesFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(ProfilesModel::RawValueRole);
    setDynamicSortFilter(true);
}

ProfilesFilterModel::~ProfilesFilterModel() = default;

void ProfilesFilterModel::setNameFilter(const QString &typed) {
    if (typed == m_typed)
        return;
    m_typed = typed;
    invalidateFilter();
}

bool ProfilesFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    if (sourceParent.isValid())
        return false;
    if (m_typed.trimmed().isEmpty())
        return true;
    const auto *model = qobject_cast<const ProfilesModel *>(sourceModel());
    const TravellerProfile *p = model ? model->profileAt(sourceRow) : nullptr;
    return p && profiles::matchesName(*p, m_typed);
}

} // namespace fd::ui
