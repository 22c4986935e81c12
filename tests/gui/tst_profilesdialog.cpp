// The traveller profiles dialog over a real profile store (desk::Profiles on a temporary SQLite
// file, its key in an in-memory keychain), driven by the keyboard: the list with each passport's
// state, finding by name, deleting, erasing a passport, editing on a passenger card, exporting
// the agency's JSON; and what the agent sees when the keychain is out of reach. Every change is
// checked again through a fresh book over the same file.
#include "fakekeychains.h"
#include "messagebox.h"
#include "profilebook.h"
#include "profileeditdialog.h"
#include "profilesdialog.h"
#include "profilesmodel.h"

#include "desk/profiles.h"
#include "desk/settings.h"
#include "storage/settingsstore.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace fd;
using namespace fd::ui;

namespace {

constexpr int kWait = 10000; // the store answers from its worker thread

Passenger traveller(const QString &given, const QString &family, const QString &email,
                    const QString &passport) {
    Passenger p;
    p.type = QStringLiteral("adult");
    p.givenName = given;
    p.familyName = family;
    p.bornOn = QStringLiteral("1990-04-12");
    p.gender = QStringLiteral("f");
    p.email = email;
    p.phoneNumber = QStringLiteral("+2348031234567");
    if (!passport.isEmpty())
        p.identityDocuments = {{QStringLiteral("passport"), passport, QStringLiteral("NG"),
                                QDate::currentDate().addYears(8).toString(Qt::ISODate)}};
    return p;
}

const QString kAdaezePassport = QStringLiteral("A12345678");
const QString kChineduPassport = QStringLiteral("B98765432");

QList<Passenger> travellers() {
    return {traveller(QStringLiteral("Adaeze"), QStringLiteral("Okafor"),
                      QStringLiteral("adaeze@example.com"), kAdaezePassport),
            traveller(QStringLiteral("Chinedu"), QStringLiteral("Eze"),
                      QStringLiteral("chinedu@example.com"), kChineduPassport),
            traveller(QStringLiteral("Amara"), QStringLiteral("Nwosu"),
                      QStringLiteral("amara@example.com"), QString())};
}

// The desk's profiles as the window has them: settings over a temporary INI and a keychain,
// the profiles file, and the book the dialog works through. Declared in the order they must
// outlive each other.
struct Desk {
    std::unique_ptr<SettingsStore> store;
    std::unique_ptr<desk::Settings> settings;
    std::unique_ptr<desk::Profiles> profiles;
    std::unique_ptr<ProfileBook> book;
};

Desk openDesk(const QString &dir, SecretKeychain *keychain) {
    Desk d;
    d.store = std::make_unique<SettingsStore>(SettingsStore::Options{
        dir + QStringLiteral("/s.ini"), QStringLiteral("FlightDesk-test"), keychain});
    d.settings = desk::makeSettings(*d.store);
    d.profiles = desk::makeProfiles(*d.settings, dir + QStringLiteral("/profiles.sqlite"));
    d.book = std::make_unique<ProfileBook>(d.profiles.get());
    return d;
}

std::optional<desk::SavedTravellers> seed(ProfileBook &book, bool withPassports = true) {
    std::optional<Result<desk::SavedTravellers>> answer;
    book.saveTravellers(travellers(), withPassports,
                        [&answer](Result<desk::SavedTravellers> r) { answer = std::move(r); });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, kWait) || !*answer)
        return std::nullopt;
    return answer->value();
}

// What a fresh book over the same file reads (nothing cached from the dialog's book).
QList<TravellerProfile> reread(const QString &dir, SecretKeychain *keychain) {
    Desk again = openDesk(dir, keychain);
    QSignalSpy loaded(again.book.get(), &ProfileBook::changed);
    again.book->ensureLoaded();
    if (!loaded.wait(kWait) || !again.book->problem().isEmpty())
        return {};
    return again.book->all();
}

std::optional<TravellerProfile> byEmail(const QList<TravellerProfile> &all, const QString &email) {
    for (const TravellerProfile &p : all)
        if (p.email == email)
            return p;
    return std::nullopt;
}

bool activate(QWidget *window) {
    return QTest::qWaitFor([window] {
        if (QApplication::activeWindow() == window)
            return true;
        window->activateWindow();
        return false;
    });
}

template <typename T> T *child(QWidget *w, const char *name) {
    return w->findChild<T *>(QLatin1String(name));
}

} // namespace

class TestProfilesDialog final : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    int m_n = 0;
    test::MemoryKeychain m_keychain;

    QString freshDir() {
        const QString dir = m_tmp.filePath(QStringLiteral("d%1").arg(++m_n));
        QDir().mkpath(dir);
        return dir;
    }

    // The dialog over a seeded desk, shown and active, its first read done.
    struct Open {
        QString dir;
        Desk desk;
        std::unique_ptr<ProfilesDialog> dialog;
        QTableView *table = nullptr;
        QAbstractItemModel *rows = nullptr; // what the table shows (filtered, sorted)
        // The dialog's own models, checked through every change the test makes.
        std::unique_ptr<QAbstractItemModelTester> rowsTester, modelTester;

        void look() {
            table = child<QTableView>(dialog.get(), "profilesTableView");
            rows = table->model();
            const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
            rowsTester = std::make_unique<QAbstractItemModelTester>(rows, mode);
            modelTester = std::make_unique<QAbstractItemModelTester>(
                qobject_cast<QSortFilterProxyModel *>(rows)->sourceModel(), mode);
        }
    };
    bool open(Open &o, SecretKeychain *keychain, bool seeded = true) {
        o.dir = freshDir();
        o.desk = openDesk(o.dir, keychain);
        if (seeded && !seed(*o.desk.book))
            return false;
        o.dialog = std::make_unique<ProfilesDialog>(o.desk.book.get());
        o.look();
        QSignalSpy loaded(o.desk.book.get(), &ProfileBook::changed);
        o.dialog->show();
        if (!QTest::qWaitForWindowExposed(o.dialog.get()) || !activate(o.dialog.get()))
            return false;
        // Seeding leaves the book unread (saving does not read the rest): showing reads it.
        if (!o.desk.book->isLoaded() && !loaded.wait(kWait))
            return false;
        return o.rows->rowCount() == o.desk.book->all().size();
    }

    // Types into the Find field and takes the single match into the table with Enter.
    static bool pick(Open &o, const QString &typed) {
        auto *filter = child<QLineEdit>(o.dialog.get(), "filterEdit");
        QTest::keyClick(o.dialog.get(), Qt::Key_F, Qt::AltModifier);
        if (QApplication::focusWidget() != filter)
            return false;
        QTest::keyClick(filter, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(filter, Qt::Key_Delete);
        QTest::keyClicks(filter, typed);
        QTest::keyClick(filter, Qt::Key_Return);
        return o.rows->rowCount() == 1 && QApplication::focusWidget() == o.table &&
               o.table->selectionModel()->selectedRows().size() == 1;
    }

    static QString cell(Open &o, int row, ProfilesModel::Column column,
                        int role = Qt::DisplayRole) {
        return o.rows->index(row, column).data(role).toString();
    }
    static int rowOfName(Open &o, const QString &name) {
        for (int r = 0; r < o.rows->rowCount(); ++r)
            if (cell(o, r, ProfilesModel::Name) == name)
                return r;
        return -1;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void theModelIsAWellBehavedTable() {
        const QString dir = freshDir();
        Desk d = openDesk(dir, &m_keychain);
        ProfilesModel model(d.book.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ProfilesFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester filterTester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(ProfilesModel::ColumnCount));
        const auto saved = seed(*d.book);
        QVERIFY(saved);
        QCOMPARE(model.rowCount(), 3);
        for (int r = 0; r < model.rowCount(); ++r) {
            const TravellerProfile *p = model.profileAt(r);
            QVERIFY(p);
            for (int c = 0; c < model.columnCount(); ++c)
                QCOMPARE(model.index(r, c).data(ProfilesModel::ProfileIdRole).toString(), p->id);
            QCOMPARE(model.rowOf(p->id), r);
            const QVariant updated =
                model.index(r, ProfilesModel::Updated).data(ProfilesModel::RawValueRole);
            QCOMPARE(updated.metaType(), QMetaType::fromType<QDateTime>());
            QVERIFY(updated.toDateTime().isValid());
            QCOMPARE(
                model.index(r, ProfilesModel::Passport).data(ProfilesModel::RawValueRole).toInt(),
                int(p->passport ? ProfilesModel::PassportState::Saved
                                : ProfilesModel::PassportState::None));
        }
        QCOMPARE(model.headerData(ProfilesModel::Passport, Qt::Horizontal).toString(),
                 QStringLiteral("Passport"));
        QCOMPARE(model.rowOf(QStringLiteral("prf_none")), -1);
        QVERIFY(!model.profileAt(3));

        // Sorting by the raw values, filtering by name.
        filter.sort(ProfilesModel::Name);
        QCOMPARE(filter.index(0, ProfilesModel::Name).data().toString(),
                 QStringLiteral("Adaeze Okafor"));
        filter.sort(ProfilesModel::Passport, Qt::DescendingOrder);
        QCOMPARE(filter.index(2, ProfilesModel::Passport).data().toString(), QStringLiteral("—"));
        filter.setNameFilter(QStringLiteral("okaf ad"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setNameFilter(QStringLiteral("  "));
        QCOMPARE(filter.rowCount(), 3);

        // A change through the book rebuilds the rows (the tester checks the reset).
        QSignalSpy changed(d.book.get(), &ProfileBook::changed);
        d.book->remove(model.profileAt(0)->id, [](Result<bool>) {});
        QVERIFY(changed.wait(kWait));
        QCOMPARE(model.rowCount(), 2);
    }

    void theListShowsEachPassportsState() {
        Open o;
        QVERIFY(open(o, &m_keychain));
        QCOMPARE(o.rows->rowCount(), 3);
        const int adaeze = rowOfName(o, QStringLiteral("Adaeze Okafor"));
        const int amara = rowOfName(o, QStringLiteral("Amara Nwosu"));
        QVERIFY(adaeze >= 0 && amara >= 0);
        QCOMPARE(cell(o, adaeze, ProfilesModel::Passport), QStringLiteral("Saved"));
        QCOMPARE(cell(o, amara, ProfilesModel::Passport), QStringLiteral("—"));
        QCOMPARE(cell(o, amara, ProfilesModel::Passport, Qt::AccessibleTextRole),
                 QStringLiteral("No passport kept"));
        QCOMPARE(cell(o, adaeze, ProfilesModel::Born), QStringLiteral("1990-04-12"));
        QCOMPARE(cell(o, adaeze, ProfilesModel::Email), QStringLiteral("adaeze@example.com"));
        QCOMPARE(cell(o, adaeze, ProfilesModel::Phone), QStringLiteral("+2348031234567"));
        QVERIFY(!cell(o, adaeze, ProfilesModel::Updated).isEmpty());
        // Sorted by name; nothing selected yet, so nothing to act on.
        QCOMPARE(adaeze, 0);
        for (const char *name : {"editButton", "deleteButton", "erasePassportButton"})
            QVERIFY2(!child<QPushButton>(o.dialog.get(), name)->isEnabled(), name);
        QVERIFY(child<QPushButton>(o.dialog.get(), "exportButton")->isEnabled());
        QVERIFY(!child<QCheckBox>(o.dialog.get(), "exportPassportsCheckBox")->isChecked());

        // A row without a passport: nothing to erase.
        QVERIFY(pick(o, QStringLiteral("amara")));
        QVERIFY(child<QPushButton>(o.dialog.get(), "editButton")->isEnabled());
        QVERIFY(child<QPushButton>(o.dialog.get(), "deleteButton")->isEnabled());
        QVERIFY(!child<QPushButton>(o.dialog.get(), "erasePassportButton")->isEnabled());
    }

    void typingANameFilters() {
        Open o;
        QVERIFY(open(o, &m_keychain));
        auto *filter = child<QLineEdit>(o.dialog.get(), "filterEdit");
        auto *status = child<QLabel>(o.dialog.get(), "statusLabel");
        QTest::keyClick(o.dialog.get(), Qt::Key_F, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), filter);
        QTest::keyClicks(filter, QStringLiteral("a"));
        QCOMPARE(o.rows->rowCount(), 2); // Adaeze, Amara
        QTest::keyClicks(filter, QStringLiteral("da"));
        QCOMPARE(o.rows->rowCount(), 1);
        QCOMPARE(cell(o, 0, ProfilesModel::Name), QStringLiteral("Adaeze Okafor"));
        QTest::keyClick(filter, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(filter, QStringLiteral("okaf ad")); // family name first, word starts
        QCOMPARE(o.rows->rowCount(), 1);
        QTest::keyClick(filter, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(filter, QStringLiteral("zz"));
        QCOMPARE(o.rows->rowCount(), 0);
        QVERIFY(status->isVisible());
        QVERIFY(status->text().contains(QStringLiteral("No traveller profile matches")));
        QTest::keyClick(filter, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(filter, Qt::Key_Delete);
        QCOMPARE(o.rows->rowCount(), 3); // empty: everyone
        QVERIFY(status->text().isEmpty());
    }

    void deleteAsksThenRemoves() {
        Open o;
        QVERIFY(open(o, &m_keychain));
        QSignalSpy changed(o.desk.book.get(), &ProfileBook::changed);
        QVERIFY(pick(o, QStringLiteral("chin")));

        MessageBox::setNextAnswer(false); // the agent thinks better of it
        QTest::keyClick(o.table, Qt::Key_Delete);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(o.desk.book->all().size(), 3);

        MessageBox::setNextAnswer(true);
        QTest::keyClick(o.table, Qt::Key_Delete);
        QVERIFY(changed.wait(kWait));
        auto *status = child<QLabel>(o.dialog.get(), "statusLabel");
        QTRY_VERIFY(status->text().contains(QStringLiteral("was deleted")));
        QCOMPARE(o.desk.book->all().size(), 2);
        QCOMPARE(o.rows->rowCount(), 0); // the filter still asks for "chin"

        const auto again = reread(o.dir, &m_keychain);
        QCOMPARE(again.size(), 2);
        QVERIFY(!byEmail(again, QStringLiteral("chinedu@example.com")));
    }

    void erasingAPassportKeepsTheRest() {
        Open o;
        QVERIFY(open(o, &m_keychain));
        QSignalSpy changed(o.desk.book.get(), &ProfileBook::changed);
        QVERIFY(pick(o, QStringLiteral("adaeze")));
        auto *erase = child<QPushButton>(o.dialog.get(), "erasePassportButton");
        QVERIFY(erase->isEnabled());
        MessageBox::setNextAnswer(true);
        QTest::keyClick(o.dialog.get(), Qt::Key_P, Qt::AltModifier);
        QVERIFY(changed.wait(kWait));
        auto *status = child<QLabel>(o.dialog.get(), "statusLabel");
        QTRY_VERIFY(status->text().contains(QStringLiteral("passport")) &&
                    status->text().contains(QStringLiteral("erased")));
        QCOMPARE(o.rows->rowCount(), 1);
        QCOMPARE(cell(o, 0, ProfilesModel::Passport), QStringLiteral("—"));
        // Still selected (the model was rebuilt), nothing left to erase.
        QCOMPARE(o.table->selectionModel()->selectedRows().size(), 1);
        QVERIFY(!erase->isEnabled());
        QVERIFY(child<QPushButton>(o.dialog.get(), "editButton")->isEnabled());

        const auto again = reread(o.dir, &m_keychain);
        const auto adaeze = byEmail(again, QStringLiteral("adaeze@example.com"));
        QVERIFY(adaeze);
        QVERIFY(!adaeze->hasPassport);
        QVERIFY(!adaeze->passport);
        QCOMPARE(adaeze->familyName, QStringLiteral("Okafor"));
        const auto chinedu = byEmail(again, QStringLiteral("chinedu@example.com"));
        QVERIFY(chinedu && chinedu->passport); // only hers went
    }

    void editingChecksThenSaves() {
        Open o;
        QVERIFY(open(o, &m_keychain));
        QSignalSpy changed(o.desk.book.get(), &ProfileBook::changed);
        QVERIFY(pick(o, QStringLiteral("adaeze")));
        QTest::keyClick(o.table, Qt::Key_Return);
        QPointer<ProfileEditDialog> edit =
            o.dialog->findChild<ProfileEditDialog *>(QStringLiteral("profileEditDialog"));
        QVERIFY(edit);
        QTRY_VERIFY(edit->isVisible());
        QVERIFY(activate(edit));
        // The passport is at hand: its fields are on the card, filled.
        QVERIFY(child<QGroupBox>(edit, "passportGroupBox")->isVisible());
        QCOMPARE(child<QLineEdit>(edit, "passportNumberEdit")->text(), kAdaezePassport);

        auto *email = child<QLineEdit>(edit, "emailEdit");
        QCOMPARE(email->text(), QStringLiteral("adaeze@example.com"));
        const auto retype = [&](const QString &text) {
            email->setFocus(Qt::TabFocusReason);
            QTest::keyClick(email, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClick(email, Qt::Key_Delete);
            QTest::keyClicks(email, text);
        };

        retype(QStringLiteral("adaeze@@example"));
        QTest::keyClick(edit, Qt::Key_S, Qt::AltModifier);
        auto *emailMessage = child<QLabel>(edit, "emailMessageLabel");
        QTRY_VERIFY(emailMessage->isVisible() && !emailMessage->text().isEmpty());
        QTRY_VERIFY(child<QLabel>(edit, "messageLabel")
                        ->text()
                        .contains(QStringLiteral("Nothing was saved")));
        QCOMPARE(QApplication::focusWidget(), email); // back where the problem is
        QVERIFY(edit->isVisible());
        // Nothing went to the store: a read queued behind any change it had been sent is the
        // only answer, and it still has the old address.
        o.desk.book->reload();
        QVERIFY(changed.wait(kWait));
        QCOMPARE(changed.count(), 1);
        QVERIFY(byEmail(o.desk.book->all(), QStringLiteral("adaeze@example.com")));
        changed.clear();
        QVERIFY(activate(edit));

        retype(QStringLiteral("adaeze.okafor@example.net"));
        QTest::keyClick(edit, Qt::Key_S, Qt::AltModifier);
        QVERIFY(changed.wait(kWait));
        QTRY_VERIFY(edit.isNull()); // closed and gone
        QCOMPARE(cell(o, 0, ProfilesModel::Email), QStringLiteral("adaeze.okafor@example.net"));
        QVERIFY(child<QLabel>(o.dialog.get(), "statusLabel")
                    ->text()
                    .contains(QStringLiteral("was saved")));

        const auto again = reread(o.dir, &m_keychain);
        QCOMPARE(again.size(), 3);
        QVERIFY(!byEmail(again, QStringLiteral("adaeze@example.com")));
        const auto adaeze = byEmail(again, QStringLiteral("adaeze.okafor@example.net"));
        QVERIFY(adaeze);
        QVERIFY(adaeze->passport); // the passport went along unchanged
        QCOMPARE(adaeze->passport->uniqueIdentifier, kAdaezePassport);
    }

    void exportWritesTheAgencysJson() {
        Open o;
        QVERIFY(open(o, &m_keychain));
        auto *status = child<QLabel>(o.dialog.get(), "statusLabel");
        auto *passports = child<QCheckBox>(o.dialog.get(), "exportPassportsCheckBox");
        QVERIFY(!passports->isChecked());

        const QString plain = o.dir + QStringLiteral("/plain.json");
        ProfilesDialog::setNextExportFile(plain);
        QTest::keyClick(o.dialog.get(), Qt::Key_X, Qt::AltModifier);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("exported")), kWait);
        QCOMPARE(status->text(), QStringLiteral("3 profiles exported to %1.").arg(plain));
        QFile file(plain);
        QCOMPARE(file.permissions() & ~(QFile::ReadUser | QFile::WriteUser),
                 QFile::ReadOwner | QFile::WriteOwner); // 0600
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const QJsonObject json = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(json.value(QStringLiteral("count")).toInt(), 3);
        QCOMPARE(json.value(QStringLiteral("traveller_profiles")).toArray().size(), 3);
        QVERIFY(!bytes.contains(kAdaezePassport.toLatin1()));
        QVERIFY(!bytes.contains(kChineduPassport.toLatin1()));

        QTest::keyClick(o.dialog.get(), Qt::Key_N, Qt::AltModifier);
        QTRY_VERIFY(passports->isChecked());
        const QString full = o.dir + QStringLiteral("/with-passports.json");
        ProfilesDialog::setNextExportFile(full);
        QTest::keyClick(o.dialog.get(), Qt::Key_X, Qt::AltModifier);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(full), kWait);
        QVERIFY(status->text().contains(QStringLiteral("Passport numbers are in the file")));
        QFile withPassports(full);
        QCOMPARE(withPassports.permissions() & ~(QFile::ReadUser | QFile::WriteUser),
                 QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(withPassports.open(QIODevice::ReadOnly));
        const QByteArray all = withPassports.readAll();
        QVERIFY(all.contains(kAdaezePassport.toLatin1()));
        QVERIFY(all.contains(kChineduPassport.toLatin1()));

        // The store's error, said as a sentence.
        ProfilesDialog::setNextExportFile(o.dir + QStringLiteral("/no-such-folder/x.json"));
        QTest::keyClick(o.dialog.get(), Qt::Key_X, Qt::AltModifier);
        QTRY_VERIFY_WITH_TIMEOUT(
            status->text().startsWith(QStringLiteral("Nothing was exported: ")), kWait);
        QVERIFY(status->text().endsWith(QLatin1Char('.')));

        // A cancelled file choice exports nothing.
        status->clear();
        ProfilesDialog::setNextExportFile(QString());
        QTest::keyClick(o.dialog.get(), Qt::Key_X, Qt::AltModifier);
        QTRY_VERIFY(child<QPushButton>(o.dialog.get(), "exportButton")->isEnabled());
        QVERIFY(status->text().isEmpty());
    }

    void withoutTheKeychainNoPassportIsKept() {
        test::UnavailableKeychain keychain;
        Open o;
        QVERIFY(open(o, &keychain, /*seeded*/ false));
        const auto saved = seed(*o.desk.book, /*withPassports*/ true);
        QVERIFY(saved);
        QVERIFY(saved->passportsRefused);
        QVERIFY(!saved->passportNote.isEmpty());
        QCOMPARE(saved->profiles.size(), 3);
        QTRY_COMPARE(o.rows->rowCount(), 3);
        for (int r = 0; r < 3; ++r) {
            QCOMPARE(cell(o, r, ProfilesModel::Passport), QStringLiteral("—"));
            QCOMPARE(cell(o, r, ProfilesModel::Passport, Qt::AccessibleTextRole),
                     QStringLiteral("No passport kept"));
        }
        QVERIFY(pick(o, QStringLiteral("adaeze")));
        QVERIFY(!child<QPushButton>(o.dialog.get(), "erasePassportButton")->isEnabled());
        const auto again = reread(o.dir, &keychain);
        QCOMPARE(again.size(), 3);
        for (const TravellerProfile &p : again)
            QVERIFY(!p.hasPassport);
    }

    void aSealedPassportWithoutItsKey() {
        // Saved where the keychain worked; opened where it does not.
        const QString dir = freshDir();
        {
            Desk d = openDesk(dir, &m_keychain);
            QVERIFY(seed(*d.book));
        }
        test::UnavailableKeychain keychain;
        Open o;
        o.dir = dir;
        o.desk = openDesk(dir, &keychain);
        o.dialog = std::make_unique<ProfilesDialog>(o.desk.book.get());
        o.look();
        QSignalSpy changed(o.desk.book.get(), &ProfileBook::changed);
        o.dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(o.dialog.get()));
        QVERIFY(activate(o.dialog.get()));
        QVERIFY(changed.wait(kWait));
        QCOMPARE(o.rows->rowCount(), 3);
        const int adaeze = rowOfName(o, QStringLiteral("Adaeze Okafor"));
        QCOMPARE(cell(o, adaeze, ProfilesModel::Passport),
                 QStringLiteral("Sealed (key not available)"));
        QCOMPARE(cell(o, rowOfName(o, QStringLiteral("Amara Nwosu")), ProfilesModel::Passport),
                 QStringLiteral("—"));

        // Its card has no passport fields; the sealed passport is left as it is.
        QVERIFY(pick(o, QStringLiteral("adaeze")));
        QTest::keyClick(o.table, Qt::Key_Return);
        QPointer<ProfileEditDialog> edit =
            o.dialog->findChild<ProfileEditDialog *>(QStringLiteral("profileEditDialog"));
        QVERIFY(edit);
        QTRY_VERIFY(edit->isVisible());
        QVERIFY(!child<QGroupBox>(edit, "passportGroupBox")->isVisible());
        QVERIFY(child<QLabel>(edit, "messageLabel")->text().contains(QStringLiteral("sealed")));
        QVERIFY(activate(edit));
        QTest::keyClick(edit, Qt::Key_S, Qt::AltModifier);
        QVERIFY(changed.wait(kWait));
        QTRY_VERIFY(edit.isNull());
        QCOMPARE(cell(o, 0, ProfilesModel::Passport), QStringLiteral("Sealed (key not available)"));

        // Erasing needs no key.
        QVERIFY(activate(o.dialog.get()));
        MessageBox::setNextAnswer(true);
        QTest::keyClick(o.dialog.get(), Qt::Key_P, Qt::AltModifier);
        QVERIFY(changed.wait(kWait));
        QTRY_COMPARE(cell(o, 0, ProfilesModel::Passport), QStringLiteral("—"));
        const auto again = reread(dir, &m_keychain); // with the key: really gone
        const auto stored = byEmail(again, QStringLiteral("adaeze@example.com"));
        QVERIFY(stored);
        QVERIFY(!stored->hasPassport);
        const auto chinedu = byEmail(again, QStringLiteral("chinedu@example.com"));
        QVERIFY(chinedu && chinedu->passport);
    }

    void withoutProfilesTheDialogSaysSo() {
        ProfileBook none(nullptr);
        ProfilesDialog dialog(&none);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(child<QLabel>(&dialog, "statusLabel")->text(),
                 QStringLiteral("Traveller profiles are not kept on this desk."));
        for (const char *name :
             {"editButton", "deleteButton", "erasePassportButton", "exportButton"})
            QVERIFY2(!child<QPushButton>(&dialog, name)->isEnabled(), name);
        QTest::keyClick(child<QTableView>(&dialog, "profilesTableView"), Qt::Key_Delete);
        QTest::keyClick(child<QTableView>(&dialog, "profilesTableView"), Qt::Key_Return);
        QVERIFY(!dialog.findChild<ProfileEditDialog *>());
    }

    void mnemonicsDoNotClash() {
        Open o;
        QVERIFY(open(o, &m_keychain));
        QSet<QChar> seen;
        const auto mnemonicOf = [](const QString &text) {
            const qsizetype at = text.indexOf(QLatin1Char('&'));
            return at >= 0 && at + 1 < text.size() ? text.at(at + 1).toLower() : QChar();
        };
        QStringList texts;
        for (QPushButton *b : o.dialog->findChildren<QPushButton *>())
            texts << b->text();
        for (QCheckBox *b : o.dialog->findChildren<QCheckBox *>())
            texts << b->text();
        for (QLabel *l : o.dialog->findChildren<QLabel *>())
            if (l->buddy())
                texts << l->text();
        for (const QString &t : std::as_const(texts)) {
            const QChar m = mnemonicOf(t);
            QVERIFY2(!m.isNull(), qPrintable(t));
            QVERIFY2(!seen.contains(m), qPrintable(t));
            seen.insert(m);
        }
    }
};

QTEST_MAIN(TestProfilesDialog)
#include "tst_profilesdialog.moc"
