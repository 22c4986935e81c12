#pragma once

#include <QList>
#include <QString>

namespace fd {

// One finding about the data an agent entered: which passenger (-1 for the booking as a whole),
// which field (the API's name, nested as "identity_documents[0].expires_on"), a stable code and
// an English sentence that says what is wrong and how to fix it.
struct Issue {
    enum class Severity { Error, Warning };

    int passenger = -1;
    QString field;
    QString code;
    QString message;
    Severity severity = Severity::Error;

    bool isError() const { return severity == Severity::Error; }
    friend bool operator==(const Issue &, const Issue &) = default;
};

// Every finding at once, so the agent can fix them all in one pass.
struct Report {
    QList<Issue> errors;
    QList<Issue> warnings;

    bool valid() const { return errors.isEmpty(); }
    void add(Issue issue) { (issue.isError() ? errors : warnings).append(std::move(issue)); }
    void merge(const Report &other) {
        errors += other.errors;
        warnings += other.warnings;
    }
    // Findings for one field, e.g. to show next to an input.
    QList<Issue> forField(int passenger, const QString &field) const {
        QList<Issue> out;
        for (const QList<Issue> *list : {&errors, &warnings})
            for (const Issue &i : *list)
                if (i.passenger == passenger && i.field == field)
                    out.append(i);
        return out;
    }
};

} // namespace fd
