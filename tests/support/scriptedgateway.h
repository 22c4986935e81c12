#pragma once

// A BookingGateway whose calls wait until the test answers them, so a test sees exactly what
// the flow sent (body bytes, keys) and decides every reply. Not a mock of results: the flow's
// real code runs on whatever the test answers.
#include "api/travelbasejson.h"
#include "core/bookinggateway.h"

#include <QJsonDocument>
#include <QList>
#include <QPointer>

#include <functional>
#include <variant>

namespace fd::test {

struct GatewayCall {
    QString kind; // get_offer, get_wallet, create_order, ticket, get_order, quote_cancellation,
                  // confirm_cancellation, update_contact
    QString id;   // offer id or order id
    QByteArray body;
    QString key;
    QPointer<QObject> context;
    std::function<void(
        const std::variant<Offer, Wallet, OrderSnapshot, Cancellation, GatewayFailure> &)>
        reply;
};

class ScriptedGateway final : public BookingGateway {
public:
    QList<GatewayCall> calls;    // every call ever made, in order
    QList<qsizetype> unanswered; // indexes into calls
    // The provider it plays: Travelbase's JSON and create body; with ticketsSeparately false it
    // books like a provider whose create answers with the booking's outcome (Travomatrix).
    QString provider = QStringLiteral("travelbase");
    bool separateTicketAction = true;

    QString providerId() const override { return provider; }
    Result<Offer> offerFromJson(const QJsonObject &json) const override {
        return travelbase::parseOffer(json);
    }
    QByteArray createBody(const Offer &offer, const QList<Passenger> &passengers) const override {
        return travelbase::createBody(offer, passengers);
    }
    bool ticketsSeparately() const override { return separateTicketAction; }

    void fetchOffer(const QString &offerId, QObject *context, const AttemptLog &,
                    std::function<void(GatewayResult<Offer>)> done) override {
        add({QStringLiteral("get_offer"), offerId, {}, {}, context, [done](const auto &v) {
                 done(convert<Offer>(v));
             }});
    }
    void fetchWallet(QObject *context, const AttemptLog &,
                     std::function<void(GatewayResult<Wallet>)> done) override {
        add({QStringLiteral("get_wallet"), {}, {}, {}, context, [done](const auto &v) {
                 done(convert<Wallet>(v));
             }});
    }
    void createOrder(const QByteArray &body, const QString &key, QObject *context,
                     const AttemptLog &log,
                     std::function<void(GatewayResult<OrderSnapshot>)> done) override {
        log(QJsonObject{{QStringLiteral("attempt"), 1}});
        add({QStringLiteral("create_order"), {}, body, key, context, [done](const auto &v) {
                 done(convert<OrderSnapshot>(v));
             }});
    }
    void ticketOrder(const QString &orderId, const QString &key, QObject *context,
                     const AttemptLog &,
                     std::function<void(GatewayResult<OrderSnapshot>)> done) override {
        add({QStringLiteral("ticket"), orderId, {}, key, context, [done](const auto &v) {
                 done(convert<OrderSnapshot>(v));
             }});
    }
    void fetchOrder(const QString &orderId, QObject *context, const AttemptLog &,
                    std::function<void(GatewayResult<OrderSnapshot>)> done) override {
        add({QStringLiteral("get_order"), orderId, {}, {}, context, [done](const auto &v) {
                 done(convert<OrderSnapshot>(v));
             }});
    }

    void quoteCancellation(const QString &orderId, QObject *context, const AttemptLog &,
                           std::function<void(GatewayResult<Cancellation>)> done) override {
        add({QStringLiteral("quote_cancellation"), orderId, {}, {}, context, [done](const auto &v) {
                 done(convert<Cancellation>(v));
             }});
    }
    void confirmCancellation(const Cancellation &quote, const QString &idempotencyKey,
                             QObject *context, const AttemptLog &,
                             std::function<void(GatewayResult<Cancellation>)> done) override {
        add({QStringLiteral("confirm_cancellation"),
             quote.quoteId,
             {},
             idempotencyKey,
             context,
             [done](const auto &v) {
                 done(convert<Cancellation>(v));
             }});
    }

    // Recorded like any call (id: the order id; body: version, email and phone as JSON): the
    // test answers it with an OrderSnapshot or a GatewayFailure.
    void updateContact(const QString &orderId, int version, const ContactChange &change,
                       QObject *context, const AttemptLog &,
                       std::function<void(GatewayResult<OrderSnapshot>)> done) override {
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("version"), version},
                                                          {QStringLiteral("email"), change.email},
                                                          {QStringLiteral("phone"), change.phone}})
                                    .toJson(QJsonDocument::Compact);
        add({QStringLiteral("update_contact"), orderId, body, {}, context, [done](const auto &v) {
                 done(convert<OrderSnapshot>(v));
             }});
    }

    // The oldest unanswered call, or nullptr.
    const GatewayCall *next() const {
        return unanswered.isEmpty() ? nullptr : &calls.at(unanswered.first());
    }
    QString nextKind() const { return next() ? next()->kind : QString(); }
    QStringList kinds() const {
        QStringList out;
        for (const GatewayCall &c : calls)
            out << c.kind;
        return out;
    }
    QList<GatewayCall> callsOf(const QString &kind) const {
        QList<GatewayCall> out;
        for (const GatewayCall &c : calls)
            if (c.kind == kind)
                out << c;
        return out;
    }

    // Answers the oldest unanswered call.
    template <typename T> void answer(const T &value) {
        Q_ASSERT(!unanswered.isEmpty());
        const GatewayCall call = calls.at(unanswered.takeFirst());
        if (call.context)
            call.reply(value);
    }

private:
    void add(GatewayCall c) {
        calls.append(std::move(c));
        unanswered.append(calls.size() - 1);
    }
    template <typename T>
    static GatewayResult<T>
    convert(const std::variant<Offer, Wallet, OrderSnapshot, Cancellation, GatewayFailure> &v) {
        if (const auto *f = std::get_if<GatewayFailure>(&v))
            return *f;
        return std::get<T>(v);
    }
};

} // namespace fd::test
