// The endpoints of the Travomatrix contract: what each validates before executing, what it
// does, and the airline's answer to a booking.
#include "tmxservice.h"

namespace fd::sandbox::tmx {

std::optional<Error> Service::precheck(const Spec &spec, const Exchange &ex) const {
    switch (spec.endpoint) {
    case Endpoint::Search:
    case Endpoint::QuoteCancellation: {
        const auto body = parseObject(ex.body());
        return body.ok() ? std::nullopt : std::optional<Error>(body.error());
    }
    case Endpoint::CreateBooking: {
        const auto body = parseObject(ex.body());
        if (!body.ok())
            return body.error();
        return m_book.checkCreate(body.value());
    }
    case Endpoint::ConfirmCancellation: {
        const auto body = parseObject(ex.body());
        if (!body.ok())
            return body.error();
        return m_book.checkConfirm(body.value());
    }
    default:
        return std::nullopt;
    }
}

void Service::execute(const Spec &spec, const QString &id, const Exchange &ex, const Done &done) {
    const auto answer = [&done](int status, const Outcome<QJsonObject> &r) {
        if (!r.ok())
            return done(r.error());
        done(Executed{status, r.value()});
    };
    // Bodies were checked by precheck(); parsing again is cheap and keeps nothing in between.
    const auto parsed = parseObject(ex.body());
    const QJsonObject body = parsed.ok() ? parsed.value() : QJsonObject();
    switch (spec.endpoint) {
    case Endpoint::Search:
        return answer(200, m_book.search(body, m_scenario.fareTtlSeconds));
    case Endpoint::GetFare:
        return answer(200, m_book.fare(id));
    case Endpoint::GetBalance:
        return answer(200, m_book.balanceJson());
    case Endpoint::CreateBooking:
        return createBooking(body, done);
    case Endpoint::GetBooking:
        return answer(200, m_book.booking(id));
    case Endpoint::QuoteCancellation:
        return answer(200, m_book.quoteCancellation(body));
    case Endpoint::ConfirmCancellation: {
        bool cancelled = false;
        const auto booking = m_book.confirmCancellation(body, &cancelled);
        if (cancelled)
            Q_EMIT bookingChanged(booking.value());
        return answer(200, booking);
    }
    case Endpoint::Ledger:
    case Endpoint::SetScenario:
        break;
    }
    done(Error::notFound(QStringLiteral("No such endpoint")));
}

// Booking is synchronous: the create commits the booking and its debit at once, then holds its
// answer for the airline. An airline that answers within the scenario's answer_within_ms gives
// TICKETED or REJECTED; a slower one (or one that never answers) gives PENDING, settled later
// for GET /booking/:pnr to show.
void Service::createBooking(const QJsonObject &body, const Done &done) {
    const auto created = m_book.createBooking(body);
    if (!created.ok())
        return done(created.error());
    const QString pnr = created.value().value(QLatin1String("pnr")).toString();
    Q_EMIT bookingChanged(created.value());
    // The airline's behaviour is the scenario's at create time, whatever happens meanwhile.
    const AirlineOutcome outcome = m_scenario.outcome;
    const QString reason = m_scenario.failureReason;
    const auto respond = [this, pnr, done] {
        done(Executed{201, m_book.booking(pnr).value()});
    };
    if (outcome != AirlineOutcome::Never && m_scenario.airlineDelayMs <= m_scenario.answerWithinMs)
        return after(scaled(m_scenario.airlineDelayMs), [this, pnr, outcome, reason, respond] {
            airlineAnswers(pnr, outcome, reason);
            respond();
        });
    after(scaled(m_scenario.answerWithinMs), respond);
    if (outcome != AirlineOutcome::Never)
        after(scaled(m_scenario.airlineDelayMs),
              [this, pnr, outcome, reason] { airlineAnswers(pnr, outcome, reason); });
}

void Service::airlineAnswers(const QString &pnr, AirlineOutcome outcome, const QString &reason) {
    if (const auto booking = m_book.resolve(pnr, outcome == AirlineOutcome::Ticketed, reason))
        Q_EMIT bookingChanged(*booking);
}

} // namespace fd::sandbox::tmx
