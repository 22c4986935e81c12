// The re-apply rule after a stale-version conflict (core/contactmerge.h), field by field.
#include "core/contactmerge.h"

#include <QTest>

using namespace fd;

Q_DECLARE_METATYPE(fd::ContactValues)
Q_DECLARE_METATYPE(fd::ContactChange)
Q_DECLARE_METATYPE(fd::ContactConflict)

namespace {
const QString kOldEmail = QStringLiteral("a.okafor@example.com");
const QString kOldPhone = QStringLiteral("+2348012345678");
const QString kMyEmail = QStringLiteral("ade@example.org");
const QString kMyPhone = QStringLiteral("+447700900123");
const QString kTheirEmail = QStringLiteral("okafor.family@example.net");
const QString kTheirPhone = QStringLiteral("+2348098765432");
} // namespace

class TestContactMerge final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void merge_data() {
        QTest::addColumn<ContactValues>("base");
        QTest::addColumn<ContactChange>("mine");
        QTest::addColumn<ContactValues>("current");
        QTest::addColumn<ContactChange>("send");
        QTest::addColumn<QList<ContactConflict>>("conflicts");

        const ContactValues base{kOldEmail, kOldPhone};
        const QList<ContactConflict> none;
        // Someone else changed the other field: mine is re-applied, theirs is left alone.
        QTest::newRow("email, they changed phone")
            << base << ContactChange{kMyEmail, {}} << ContactValues{kOldEmail, kTheirPhone}
            << ContactChange{kMyEmail, {}} << none;
        QTest::newRow("phone, they changed email")
            << base << ContactChange{{}, kMyPhone} << ContactValues{kTheirEmail, kOldPhone}
            << ContactChange{{}, kMyPhone} << none;
        // The version moved for another reason (e.g. ticketing): everything is re-applied.
        QTest::newRow("both, nothing of ours touched")
            << base << ContactChange{kMyEmail, kMyPhone} << base
            << ContactChange{kMyEmail, kMyPhone} << none;
        // The same field to another value: a conflict with both values, nothing sent for it.
        QTest::newRow("email against email")
            << base << ContactChange{kMyEmail, {}} << ContactValues{kTheirEmail, kOldPhone}
            << ContactChange{}
            << QList<ContactConflict>{{ContactField::Email, kMyEmail, kTheirEmail}};
        QTest::newRow("phone against phone")
            << base << ContactChange{{}, kMyPhone} << ContactValues{kOldEmail, kTheirPhone}
            << ContactChange{}
            << QList<ContactConflict>{{ContactField::Phone, kMyPhone, kTheirPhone}};
        // One field conflicts, the other is still free: the free one stays to send.
        QTest::newRow("both, they changed email")
            << base << ContactChange{kMyEmail, kMyPhone} << ContactValues{kTheirEmail, kOldPhone}
            << ContactChange{{}, kMyPhone}
            << QList<ContactConflict>{{ContactField::Email, kMyEmail, kTheirEmail}};
        QTest::newRow("both, they changed both")
            << base << ContactChange{kMyEmail, kMyPhone} << ContactValues{kTheirEmail, kTheirPhone}
            << ContactChange{}
            << QList<ContactConflict>{{ContactField::Email, kMyEmail, kTheirEmail},
                                      {ContactField::Phone, kMyPhone, kTheirPhone}};
        // They set the very value I want: nothing to do for that field, and no conflict.
        QTest::newRow("same value as mine")
            << base << ContactChange{kMyEmail, {}} << ContactValues{kMyEmail, kOldPhone}
            << ContactChange{} << none;
        QTest::newRow("same email, free phone")
            << base << ContactChange{kMyEmail, kMyPhone} << ContactValues{kMyEmail, kOldPhone}
            << ContactChange{{}, kMyPhone} << none;
        // A field I leave empty is never sent, whatever happened to it.
        QTest::newRow("they changed both, I change phone only")
            << base << ContactChange{{}, kMyPhone} << ContactValues{kTheirEmail, kTheirPhone}
            << ContactChange{}
            << QList<ContactConflict>{{ContactField::Phone, kMyPhone, kTheirPhone}};
        // The agent read an order with no phone; someone added one meanwhile.
        QTest::newRow("empty base phone, they added one")
            << ContactValues{kOldEmail, {}} << ContactChange{{}, kMyPhone}
            << ContactValues{kOldEmail, kTheirPhone} << ContactChange{}
            << QList<ContactConflict>{{ContactField::Phone, kMyPhone, kTheirPhone}};
        // They changed it and changed it back: equal to the base again, so mine goes.
        QTest::newRow("changed back to base")
            << base << ContactChange{kMyEmail, {}} << base << ContactChange{kMyEmail, {}} << none;
    }
    void merge() {
        QFETCH(ContactValues, base);
        QFETCH(ContactChange, mine);
        QFETCH(ContactValues, current);
        QFETCH(ContactChange, send);
        QFETCH(QList<ContactConflict>, conflicts);
        const ContactMerge m = mergeContactChange(base, mine, current, 7);
        QCOMPARE(m.send.email, send.email);
        QCOMPARE(m.send.phone, send.phone);
        QCOMPARE(m.conflicts.size(), conflicts.size());
        for (qsizetype i = 0; i < conflicts.size(); ++i) {
            QCOMPARE(contactFieldName(m.conflicts.at(i).field),
                     contactFieldName(conflicts.at(i).field));
            QCOMPARE(m.conflicts.at(i).mine, conflicts.at(i).mine);
            QCOMPARE(m.conflicts.at(i).theirs, conflicts.at(i).theirs);
        }
        // The next request must carry the version the re-read showed, never the stale one.
        QCOMPARE(m.version, 7);
    }

    void fieldNames() {
        QCOMPARE(contactFieldName(ContactField::Email), QStringLiteral("email"));
        QCOMPARE(contactFieldName(ContactField::Phone), QStringLiteral("phone_number"));
    }
};

QTEST_GUILESS_MAIN(TestContactMerge)
#include "tst_contactmerge.moc"
