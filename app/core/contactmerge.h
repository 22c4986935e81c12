#pragma once

#include "bookinggateway.h"

#include <QList>
#include <QString>

namespace fd {

// A booking's contact details as read at one version.
struct ContactValues {
    QString email;
    QString phone;
    friend bool operator==(const ContactValues &, const ContactValues &) = default;
};

enum class ContactField { Email, Phone };
// The field's name in the contract and in the CLI's output ("email", "phone_number").
QString contactFieldName(ContactField field);

// One field both the agent and someone else changed, to different values.
struct ContactConflict {
    ContactField field = ContactField::Email;
    QString mine;
    QString theirs;
    friend bool operator==(const ContactConflict &, const ContactConflict &) = default;
};

// What to do after a stale-version conflict, decided field by field.
struct ContactMerge {
    ContactChange send; // the fields to send again; empty = nothing left to send
    QList<ContactConflict> conflicts;
    int version = 0; // the re-read order's version: the one the next change must carry
};

// The re-apply rule after a conflict. For each field the agent changes (non-empty in `mine`):
// the re-read value is still `base`'s → nobody else touched it: send mine again; it already
// equals mine → someone made the same change: nothing to send; else → a conflict on that field,
// with both values. Fields the agent leaves empty are never sent, whatever happened to them.
ContactMerge mergeContactChange(const ContactValues &base, const ContactChange &mine,
                                const ContactValues &current, int currentVersion);

} // namespace fd
