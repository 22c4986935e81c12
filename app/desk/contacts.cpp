#include "contacts.h"

#include "providers.h"

#include "core/fieldrules.h"

#include <QPointer>
#include <QTimer>

namespace fd::desk {
namespace {

using Kind = ContactOutcome::Kind;

ContactValues valuesOf(const OrderSnapshot &order) {
    return {order.email, order.phone};
}

// One change from first read to outcome. Held by the gateway callbacks it is waiting on, so it
// lives exactly as long as a call is in flight.
class Run final : public std::enable_shared_from_this<Run> {
public:
    Run(BookingGateway &gateway, ContactRequest request, QObject *context,
        std::function<void(ContactOutcome)> done)
        : m_gateway(gateway)
        , m_request(std::move(request))
        , m_mine(m_request.change)
        , m_context(context)
        , m_done(std::move(done)) {
        m_outcome.orderId = m_request.orderId;
    }

    void start() {
        if (!m_gateway.updatesContact()) {
            // The gateway's own refusal, in its words: nothing is read or sent.
            return m_gateway.updateContact(
                m_request.orderId, 0, m_mine, m_context, m_request.log,
                [self = shared_from_this()](const GatewayResult<OrderSnapshot> &r) {
                    self->answered(r);
                });
        }
        if (m_request.base) {
            m_base = m_request.base->values;
            m_outcome.contact = m_base;
            if (m_request.base->version > 0) {
                m_outcome.version = m_request.base->version;
                return send(m_mine, m_request.base->version);
            }
            // What the agent saw, without the version it was at: the order is read now and
            // judged against it, as after a conflict — a field someone else changed since is
            // never overwritten unseen.
            return m_gateway.fetchOrder(
                m_request.orderId, m_context, m_request.log,
                [self = shared_from_this()](const GatewayResult<OrderSnapshot> &r) {
                    self->reread(r);
                });
        }
        m_gateway.fetchOrder(m_request.orderId, m_context, m_request.log,
                             [self = shared_from_this()](const GatewayResult<OrderSnapshot> &r) {
                                 self->firstRead(r);
                             });
    }

private:
    void firstRead(const GatewayResult<OrderSnapshot> &r) {
        if (const auto *f = std::get_if<GatewayFailure>(&r))
            return fail(*f);
        const OrderSnapshot &order = std::get<OrderSnapshot>(r);
        remember(order);
        m_base = valuesOf(order);
        // Read just now: a field that already holds the agent's value needs no request.
        ContactChange needed = m_mine;
        if (needed.email == m_base.email)
            needed.email.clear();
        if (needed.phone == m_base.phone)
            needed.phone.clear();
        m_mine = needed; // a field left as it was is not the agent's change to defend later
        if (needed.isEmpty())
            return finish(Kind::Changed,
                          QStringLiteral("The order already has these contact details; nothing "
                                         "was sent."));
        send(needed, order.version);
    }

    void send(const ContactChange &change, int version) {
        ++m_outcome.patches;
        m_gateway.updateContact(m_request.orderId, version, change, m_context, m_request.log,
                                [self = shared_from_this()](const GatewayResult<OrderSnapshot> &r) {
                                    self->answered(r);
                                });
    }

    void answered(const GatewayResult<OrderSnapshot> &r) {
        if (const auto *order = std::get_if<OrderSnapshot>(&r)) {
            remember(*order);
            return finish(Kind::Changed, QStringLiteral("The contact details of order %1 were "
                                                        "changed (version %2).")
                                             .arg(m_request.orderId)
                                             .arg(order->version));
        }
        const GatewayFailure &f = std::get<GatewayFailure>(r);
        if (f.kind != GatewayFailure::Kind::Conflict)
            return fail(f);
        if (m_outcome.patches >= Contacts::kMaxRounds) {
            m_outcome.failure = f;
            return finish(Kind::Error, QStringLiteral("Order %1 kept changing while FlightDesk "
                                                      "tried %2 times to change its contact "
                                                      "details; nothing of this change was "
                                                      "written. Try again.")
                                           .arg(m_request.orderId)
                                           .arg(m_outcome.patches));
        }
        // Strongly consistent by id (seed 002): this read sees the write that beat ours.
        m_gateway.fetchOrder(m_request.orderId, m_context, m_request.log,
                             [self = shared_from_this()](const GatewayResult<OrderSnapshot> &read) {
                                 self->reread(read);
                             });
    }

    void reread(const GatewayResult<OrderSnapshot> &r) {
        if (const auto *f = std::get_if<GatewayFailure>(&r))
            return fail(*f);
        const OrderSnapshot &order = std::get<OrderSnapshot>(r);
        remember(order);
        ContactMerge merge = mergeContactChange(m_base, m_mine, valuesOf(order), order.version);
        // The next conflict, if any, is judged against what was decided on now.
        m_base = valuesOf(order);
        if (!merge.conflicts.isEmpty()) {
            m_outcome.resolution = m_request.onConflict;
            for (const ContactConflict &c : std::as_const(merge.conflicts))
                note(c);
        }
        switch (m_request.onConflict) {
        case OnConflict::Ask:
            if (!merge.conflicts.isEmpty())
                return finish(Kind::Conflict, conflictMessage());
            break;
        case OnConflict::Mine:
            for (const ContactConflict &c : std::as_const(merge.conflicts))
                (c.field == ContactField::Email ? merge.send.email : merge.send.phone) = c.mine;
            break;
        case OnConflict::Theirs:
            // Theirs for good: a later round must not send mine for that field again.
            for (const ContactConflict &c : std::as_const(merge.conflicts))
                (c.field == ContactField::Email ? m_mine.email : m_mine.phone).clear();
            break;
        }
        if (merge.send.isEmpty()) {
            if (!m_outcome.conflicts.isEmpty() && m_request.onConflict == OnConflict::Theirs)
                return finish(Kind::Conflict,
                              QStringLiteral("Someone else changed the same contact details of "
                                             "order %1; theirs were kept as asked, and nothing "
                                             "else was left to change.")
                                  .arg(m_request.orderId));
            return finish(Kind::Changed,
                          QStringLiteral("Someone else already made the same change to order "
                                         "%1; nothing more was sent.")
                              .arg(m_request.orderId));
        }
        send(merge.send, merge.version);
    }

    void note(const ContactConflict &c) {
        for (ContactConflict &known : m_outcome.conflicts)
            if (known.field == c.field) {
                known = c;
                return;
            }
        m_outcome.conflicts.append(c);
    }

    QString conflictMessage() const {
        QStringList fields;
        for (const ContactConflict &c : m_outcome.conflicts)
            fields << contactFieldName(c.field);
        return QStringLiteral("Someone else changed %1 of order %2 to another value while you "
                              "were editing; nothing was changed. Choose whose value to keep "
                              "(--on-conflict mine or theirs).")
            .arg(fields.join(QStringLiteral(" and ")), m_request.orderId);
    }

    void remember(const OrderSnapshot &order) {
        m_outcome.version = order.version;
        m_outcome.contact = valuesOf(order);
    }

    void fail(const GatewayFailure &f) {
        m_outcome.failure = f;
        if (f.kind == GatewayFailure::Kind::Rejected && !f.fieldErrors.isEmpty()) {
            for (const auto &[field, message] : f.fieldErrors)
                m_outcome.report.add({-1, field, QStringLiteral("provider"), message});
            return finish(Kind::InvalidInput,
                          QStringLiteral("The provider refused the new contact details; nothing "
                                         "was changed."));
        }
        finish(Kind::Error, f.message);
    }

    void finish(Kind kind, const QString &message) {
        m_outcome.kind = kind;
        m_outcome.message = message;
        if (m_context)
            m_done(m_outcome);
    }

    BookingGateway &m_gateway;
    ContactRequest m_request;
    ContactChange m_mine; // what is still the agent's to send
    ContactValues m_base; // the details the last decision was made on
    QPointer<QObject> m_context;
    std::function<void(ContactOutcome)> m_done;
    ContactOutcome m_outcome;
};

class GatewayContacts final : public Contacts {
public:
    explicit GatewayContacts(GatewayFor gatewayFor)
        : m_gatewayFor(std::move(gatewayFor)) {}

    void change(const ContactRequest &request, QObject *context,
                std::function<void(ContactOutcome)> done) override {
        ContactRequest r = request;
        r.change.email = r.change.email.trimmed(); // the email rule reads it trimmed too
        ContactOutcome early;
        early.orderId = r.orderId;
        early.report = validateContactChange(r.change);
        const QString provider = r.provider.isEmpty() ? defaultProvider() : r.provider;
        BookingGateway *gateway = early.report.valid() ? m_gatewayFor(provider) : nullptr;
        if (!early.report.valid()) {
            early.kind = Kind::InvalidInput;
            early.message = QStringLiteral("Some contact details are not valid; nothing was sent.");
        } else if (r.orderId.isEmpty()) {
            early.kind = Kind::InvalidInput;
            early.report.add({-1, QStringLiteral("order_id"), QStringLiteral("required"),
                              QStringLiteral("Give the order's id.")});
            early.message = QStringLiteral("No order id; nothing was sent.");
        } else if (!gateway) {
            early.kind = Kind::Error;
            early.message = QStringLiteral("This desk is not connected to %1: enable it in "
                                           "Settings.")
                                .arg(providerName(provider));
        } else {
            return std::make_shared<Run>(*gateway, std::move(r), context, std::move(done))->start();
        }
        // Asynchronous like every other answer, so callers have one code path.
        QTimer::singleShot(0, context, [early, done = std::move(done)] { done(early); });
    }

private:
    GatewayFor m_gatewayFor;
};

} // namespace

QString outcomeName(ContactOutcome::Kind kind) {
    switch (kind) {
    case Kind::Changed:
        return QStringLiteral("changed");
    case Kind::Conflict:
        return QStringLiteral("conflict");
    case Kind::InvalidInput:
        return QStringLiteral("invalid_input");
    case Kind::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("error");
}

Report validateContactChange(const ContactChange &change) {
    Report r;
    const auto check = [&r](const QString &field, const QList<Issue> &issues) {
        for (Issue i : issues)
            if (i.isError()) {
                i.field = field;
                r.add(i);
            }
    };
    if (change.isEmpty())
        r.add({-1, QString(), QStringLiteral("nothing_to_change"),
               QStringLiteral("Give a new email address, a new phone number, or both.")});
    if (!change.email.isEmpty())
        check(QStringLiteral("email"), rules::email(change.email));
    if (!change.phone.isEmpty())
        check(QStringLiteral("phone_number"), rules::phoneNumber(change.phone));
    return r;
}

std::unique_ptr<Contacts> makeContacts(GatewayFor gatewayFor) {
    return std::make_unique<GatewayContacts>(std::move(gatewayFor));
}

} // namespace fd::desk
