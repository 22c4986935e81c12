#include "contactmerge.h"

namespace fd {

QString contactFieldName(ContactField field) {
    switch (field) {
    case ContactField::Email:
        return QStringLiteral("email");
    case ContactField::Phone:
        return QStringLiteral("phone_number");
    }
    return {};
}

ContactMerge mergeContactChange(const ContactValues &base, const ContactChange &mine,
                                const ContactValues &current, int currentVersion) {
    ContactMerge merge;
    merge.version = currentVersion;
    const auto decide = [&merge](ContactField field, const QString &was, const QString &wanted,
                                 const QString &now, QString &send) {
        if (wanted.isEmpty() || now == wanted)
            return;
        if (now == was)
            send = wanted;
        else
            merge.conflicts.append({field, wanted, now});
    };
    decide(ContactField::Email, base.email, mine.email, current.email, merge.send.email);
    decide(ContactField::Phone, base.phone, mine.phone, current.phone, merge.send.phone);
    return merge;
}

} // namespace fd
