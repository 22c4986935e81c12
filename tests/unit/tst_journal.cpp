// The order journal's contract: intents, freezing, erasure, webhooks, supersede, paging, the
// order ids of several providers. The same bodies run on SQLite and PostgreSQL
// (journalcontract.h); leases and sharing are in tst_journal_sharing.cpp.

#include "journalcontract.h"

void TestJournal::createIntentMintsKeyFirst() {
    const Intent i = newIntent();
    QVERIFY(i.id > 0);
    QVERIFY2(isUuidV4(i.idempotencyKey), qPrintable(i.idempotencyKey));
    QVERIFY(i.supersededKey.isEmpty());
    QCOMPARE(i.state, CheckoutState::Draft);
    QCOMPARE(i.offerId, QStringLiteral("off_0001"));
    QCOMPARE(i.passengers, passengers());
    QVERIFY(!i.isFrozen());
    QCOMPARE(i.createdAt, kT0);
    QCOMPARE(newIntent().idempotencyKey == i.idempotencyKey, false);
    // Durable before any network call: a second journal on the file sees it at once.
    OrderJournal other;
    QVERIFY(openOther(other).ok());
    QCOMPARE(fd::test::intentByKey(other, i.idempotencyKey)->id, i.id);
    QVERIFY(!fd::test::intentByKey(other, QStringLiteral("nope")).has_value());
}

void TestJournal::editsBeforeFreezeKeepTheKey() {
    const Intent i = newIntent();
    QJsonArray pax = passengers();
    QJsonObject p = pax.at(0).toObject();
    p.insert(QStringLiteral("given_name"), QStringLiteral("Ade"));
    pax.replace(0, p);
    m_clock.advance(1000);
    QVERIFY(j().updatePassengers(i.id, pax).ok());
    QVERIFY(
        j().updateOffer(i.id, QStringLiteral("off_0002"), offer(QStringLiteral("off_0002"))).ok());
    const Intent after = reload(i.id);
    QCOMPARE(after.idempotencyKey, i.idempotencyKey);
    QCOMPARE(after.passengers, pax);
    QCOMPARE(after.offerId, QStringLiteral("off_0002"));
    QCOMPARE(after.updatedAt, kT0.addMSecs(1000));
}

void TestJournal::freezeRules() {
    const Intent i = newIntent();
    QVERIFY(!j().freezeBody(i.id, {}).ok());
    const QByteArray sent = body();
    QVERIFY(j().freezeBody(i.id, sent).ok());
    QCOMPARE(reload(i.id).requestBody, std::optional(sent));
    QVERIFY(j().freezeBody(i.id, sent).ok()); // the same bytes again: a retry
    const auto changed = j().freezeBody(i.id, sent + " ");
    QVERIFY(!changed.ok());
    QCOMPARE(changed.error().code, QStringLiteral("FD_JOURNAL_FROZEN"));
    QCOMPARE(j().updatePassengers(i.id, {}).error().code, QStringLiteral("FD_JOURNAL_FROZEN"));
    QCOMPARE(j().updateOffer(i.id, QStringLiteral("x"), {}).error().code,
             QStringLiteral("FD_JOURNAL_FROZEN"));
    QCOMPARE(reload(i.id).requestBody, std::optional(sent));
    QCOMPARE(reload(i.id).passengers, passengers());
    QCOMPARE(j().freezeBody(424242, sent).error().code, QStringLiteral("FD_JOURNAL_NOT_FOUND"));
}

// What was sent is what is kept, byte for byte (a BLOB on SQLite, a BYTEA on PostgreSQL):
// UTF-8 names, JSON escapes and backslashes, bytes that are not text; and only those bytes
// count as the same body on a retry.
void TestJournal::frozenBodyIsByteIdentical_data() {
    QTest::addColumn<QByteArray>("sent");
    QTest::newRow("utf-8") << QByteArray(R"({"given_name":"Zoë","family_name":"Ødegård-日本"})");
    QTest::newRow("escapes") << QByteArray(R"({"note":"a \"quote\" and a \\ backslash\n"})");
    QTest::newRow("raw backslashes") << QByteArray("\\x41\\\\' OR ''='");
    QTest::newRow("not text") << QByteArray("{\x00\x01\xff\xfe}\r\n", 8);
}
void TestJournal::frozenBodyIsByteIdentical() {
    QFETCH(QByteArray, sent);
    const Intent i = newIntent();
    QVERIFY(j().freezeBody(i.id, sent).ok());
    QCOMPARE(reload(i.id).requestBody, std::optional(sent));
    QVERIFY(j().freezeBody(i.id, sent).ok()); // a retry of the same bytes
    QByteArray other = sent;
    other[other.size() - 1] = char(other.back() ^ 0x01);
    QCOMPARE(j().freezeBody(i.id, other).error().code, QStringLiteral("FD_JOURNAL_FROZEN"));
    OrderJournal fresh; // and as another connection reads it
    QVERIFY(openOther(fresh).ok());
    QCOMPARE(fresh.intent(i.id)->requestBody, std::optional(sent));
}

void TestJournal::createResponseAndTicketKey() {
    const Intent i = newIntent();
    QVERIFY(j().recordCreateResponse(i.id, QStringLiteral("ord_1"), QStringLiteral("RZPVAB")).ok());
    QVERIFY(j().recordCreateResponse(i.id, QStringLiteral("ord_1"), QStringLiteral("RZPVAB")).ok());
    QCOMPARE(j().recordCreateResponse(i.id, QStringLiteral("ord_2"), {}).error().code,
             QStringLiteral("FD_JOURNAL_CONFLICT"));
    const Intent other = newIntent();
    QCOMPARE(j().recordCreateResponse(other.id, QStringLiteral("ord_1"), {}).error().code,
             QStringLiteral("FD_JOURNAL_CONFLICT"));
    QCOMPARE(fd::test::intentByOrderId(j(), QStringLiteral("ord_1"))->bookingReference,
             QStringLiteral("RZPVAB"));
    const QString key = j().recordTicketKey(i.id).value();
    QVERIFY(isUuidV4(key));
    QVERIFY(key != i.idempotencyKey);
    QCOMPARE(j().recordTicketKey(i.id).value(), key);
    QCOMPARE(reload(i.id).ticketKey, key);
}

void TestJournal::statesOutcomeAndEvents() {
    const Intent i = newIntent();
    QVERIFY(j().setState(i.id, CheckoutState::Creating).ok());
    QVERIFY(j().recordAttempt(i.id, {{QStringLiteral("status"), 503}}).ok());
    QVERIFY(j().addNote(i.id, QStringLiteral("agent called")).ok());
    QVERIFY(j().setState(i.id, CheckoutState::Failed).ok());
    QVERIFY(j().setOutcome(i.id, CheckoutState::Failed, QStringLiteral("airline_rejected")).ok());
    const auto back = j().setState(i.id, CheckoutState::Creating);
    QCOMPARE(back.error().code, QStringLiteral("FD_JOURNAL_FINAL"));
    const Intent after = reload(i.id);
    QCOMPARE(after.state, CheckoutState::Failed);
    QCOMPARE(after.outcomeMessage, QStringLiteral("airline_rejected"));
    const auto events = j().events(i.id).value();
    QCOMPARE(events.size(), 5); // draft, creating, attempt, note, failed
    QCOMPARE(events.at(2).kind, fd::JournalEvent::Kind::Attempt);
    QCOMPARE(events.at(2).detail.value(QStringLiteral("status")).toInt(), 503);
    QCOMPARE(events.at(4).detail.value(QStringLiteral("to")).toString(), QStringLiteral("failed"));
    QCOMPARE(j().unfinished().value().size(), 0);
    const Intent open = newIntent();
    QCOMPARE(j().unfinished().value().size(), 1);
    QCOMPARE(j().unfinished().value().at(0).id, open.id);
    QCOMPARE(j().all().value().size(), 2);
    QCOMPARE(j().all().value().at(0).id, open.id); // newest first
}

void TestJournal::piiErasedOnceFinal() {
    const Intent i = newIntent();
    QVERIFY(j().freezeBody(i.id, body()).ok());
    QVERIFY(j().recordCreateResponse(i.id, QStringLiteral("ord_9"), QStringLiteral("ABCDEF")).ok());
    QVERIFY(j().setState(i.id, CheckoutState::Processing).ok());
    QVERIFY(m_engine.stored(kPassport)); // the check below can see the data
    QVERIFY(m_engine.stored(kBirthDate));
    const QJsonArray tickets{
        QJsonObject{{QStringLiteral("type"), QStringLiteral("electronic_ticket")},
                    {QStringLiteral("unique_identifier"), QLatin1String(kTicketNumber)}}};
    QCOMPARE(j().applyWebhook(QStringLiteral("evt_t"), QStringLiteral("ord_9"),
                              ProviderStatus::Ticketed, {}, tickets)
                 .value(),
             WebhookResult::Applied);

    const Intent after = reload(i.id);
    const QJsonObject p = after.passengers.at(0).toObject();
    QCOMPARE(p.value(QStringLiteral("born_on")).toString(), QString());
    QCOMPARE(p.value(QStringLiteral("identity_documents"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("unique_identifier"))
                 .toString(),
             QString());
    QCOMPARE(p.value(QStringLiteral("given_name")).toString(), QStringLiteral("Adebayo"));
    QCOMPARE(p.value(QStringLiteral("identity_documents"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("expires_on"))
                 .toString(),
             QStringLiteral("2031-05-02"));
    QVERIFY(after.requestBody.has_value());
    QVERIFY(!after.requestBody->contains(kPassport));
    QVERIFY(!after.requestBody->contains(kBirthDate));
    QVERIFY(after.requestBody->contains("Okafor"));
    QCOMPARE(after.eTickets, tickets); // ticket numbers are not PII to erase
    QCOMPARE(after.idempotencyKey, i.idempotencyKey);

    // Not on disk (SQLite: the file, -wal and -shm), not in any row (PostgreSQL: raw SQL).
    QVERIFY2(!m_engine.stored(kPassport), "passport number still stored");
    QVERIFY2(!m_engine.stored(kBirthDate), "birth date still stored");
    QVERIFY(m_engine.stored("Okafor"));
    m_journal.reset(); // and after the last connection closes
    QVERIFY(!m_engine.stored(kPassport) && !m_engine.stored(kBirthDate));
}

void TestJournal::piiErasedForLargeBodies() {
    // Many passengers push the row onto overflow pages, which must be wiped too.
    QJsonArray pax;
    for (int n = 0; n < 9; ++n) {
        QJsonObject p = passengers().at(0).toObject();
        p.insert(QStringLiteral("id"), QStringLiteral("pas_%1").arg(n));
        p.insert(QStringLiteral("notes"), QString(600, QLatin1Char('n')));
        pax.append(p);
    }
    auto r = j().createIntent(QStringLiteral("off_0001"), offer(), pax);
    QVERIFY(r.ok());
    QVERIFY(j().freezeBody(r->id, body(pax)).ok());
    QVERIFY(j().setState(r->id, CheckoutState::OfferUnavailable).ok());
    QVERIFY(!m_engine.stored(kPassport));
    QVERIFY(!m_engine.stored(kBirthDate));
}

void TestJournal::webhookEventsInPayloadAreErased() {
    const Intent i = newIntent();
    QVERIFY(j().recordCreateResponse(i.id, QStringLiteral("ord_5"), {}).ok());
    const QJsonObject payload{
        {QStringLiteral("id"), QStringLiteral("evt_p")},
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("object"),
                      QJsonObject{{QStringLiteral("passengers"), passengers()}}}}}};
    QCOMPARE(j().applyWebhook(QStringLiteral("evt_p"), QStringLiteral("ord_5"),
                              ProviderStatus::InProgress, payload)
                 .value(),
             WebhookResult::Applied);
    QByteArray stored;
    const auto events = j().events(i.id).value();
    for (const auto &e : events) {
        if (e.webhookEventId == QLatin1String("evt_p"))
            stored = QJsonDocument(e.detail).toJson();
    }
    QVERIFY(stored.contains("Adebayo"));
    QVERIFY(!stored.contains(kPassport));
    QVERIFY(!stored.contains(kBirthDate));
}

void TestJournal::webhookUniquenessAndOrder() {
    const Intent i = newIntent();
    QVERIFY(j().recordCreateResponse(i.id, QStringLiteral("ord_1"), {}).ok());
    QVERIFY(j().setState(i.id, CheckoutState::Creating).ok());
    const auto apply = [&](const char *evt, const char *status) {
        return j()
            .applyWebhook(QLatin1String(evt), QStringLiteral("ord_1"),
                          state::providerStatusNamed(QLatin1String(status)), {})
            .value();
    };
    QCOMPARE(apply("evt_1", "in_progress"), WebhookResult::Applied);
    QCOMPARE(apply("evt_1", "in_progress"), WebhookResult::Duplicate);
    QCOMPARE(apply("evt_0", "pending"), WebhookResult::Recorded); // late, unordered
    // The provider's word has its own field; the checkout keeps its own state.
    QCOMPARE(reload(i.id).state, CheckoutState::Creating);
    QCOMPARE(reload(i.id).providerStatus, std::optional(ProviderStatus::InProgress));
    QCOMPARE(apply("evt_2", "ticketed"), WebhookResult::Applied);
    QCOMPARE(apply("evt_3", "pending"), WebhookResult::Recorded);
    QCOMPARE(apply("evt_4", "in_progress"), WebhookResult::Recorded);
    QCOMPARE(apply("evt_5", "failed"), WebhookResult::Recorded); // same rank: no flip
    QCOMPARE(apply("evt_6", "schedule_changed"), WebhookResult::Recorded);
    QCOMPARE(apply("evt_2", "ticketed"), WebhookResult::Duplicate);
    QCOMPARE(reload(i.id).state, CheckoutState::Ticketed);
    QCOMPARE(apply("evt_7", "cancelled"), WebhookResult::Applied);
    QCOMPARE(reload(i.id).state, CheckoutState::Cancelled);
    int webhooks = 0;
    const auto events = j().events(i.id).value();
    for (const auto &e : events)
        webhooks += e.kind == fd::JournalEvent::Kind::Webhook ? 1 : 0;
    QCOMPARE(webhooks, 8);
    QVERIFY(!j().applyWebhook({}, QStringLiteral("ord_1"), ProviderStatus::Ticketed, {}).ok());
}

void TestJournal::webhookForUnknownOrderIsKeptAndMatchedLater() {
    QCOMPARE(j().applyWebhook(QStringLiteral("evt_x"), QStringLiteral("ord_elsewhere"),
                              ProviderStatus::Ticketed, {})
                 .value(),
             WebhookResult::UnknownOrder);
    QCOMPARE(j().applyWebhook(QStringLiteral("evt_x"), QStringLiteral("ord_elsewhere"),
                              ProviderStatus::Ticketed, {})
                 .value(),
             WebhookResult::Duplicate);
    const Intent i = newIntent();
    QCOMPARE(reload(i.id).state, CheckoutState::Draft); // nothing touched
    // The event arrived before our create response: matched when the order id is known.
    QCOMPARE(j().applyWebhook(QStringLiteral("evt_early"), QStringLiteral("ord_mine"),
                              ProviderStatus::InProgress, {})
                 .value(),
             WebhookResult::UnknownOrder);
    QCOMPARE(j().applyWebhook(QStringLiteral("evt_early2"), QStringLiteral("ord_mine"),
                              ProviderStatus::Pending, {})
                 .value(),
             WebhookResult::UnknownOrder);
    QVERIFY(j().freezeBody(i.id, body()).ok());
    QVERIFY(
        j().recordCreateResponse(i.id, QStringLiteral("ord_mine"), QStringLiteral("QWERTY")).ok());
    QCOMPARE(reload(i.id).state, CheckoutState::Draft);
    QCOMPARE(reload(i.id).providerStatus, std::optional(ProviderStatus::InProgress));
    QCOMPARE(j().applyWebhook(QStringLiteral("evt_late"), QStringLiteral("ord_mine"),
                              ProviderStatus::Ticketed, {})
                 .value(),
             WebhookResult::Applied);
    QVERIFY(!m_engine.stored(kPassport));
}

void TestJournal::earlyTicketedWebhookBringsItsETickets() {
    const QJsonObject ticket{{QStringLiteral("type"), QStringLiteral("electronic_ticket")},
                             {QStringLiteral("unique_identifier"), QStringLiteral("1259876543210")},
                             {QStringLiteral("passenger_id"), QStringLiteral("pas_1")}};
    const QJsonObject event{
        {QStringLiteral("id"), QStringLiteral("evt_t")},
        {QStringLiteral("type"), QStringLiteral("order.ticketed")},
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("object"),
                      QJsonObject{{QStringLiteral("id"), QStringLiteral("ord_fast")},
                                  {QStringLiteral("status"), QStringLiteral("ticketed")},
                                  {QStringLiteral("documents"), QJsonArray{ticket}}}}}}};
    QCOMPARE(j().applyWebhook(QStringLiteral("evt_t"), QStringLiteral("ord_fast"),
                              ProviderStatus::Ticketed, event)
                 .value(),
             WebhookResult::UnknownOrder);
    const Intent i = newIntent();
    QVERIFY(j().freezeBody(i.id, body()).ok());
    QVERIFY(
        j().recordCreateResponse(i.id, QStringLiteral("ord_fast"), QStringLiteral("ABCDEF")).ok());
    const Intent after = reload(i.id);
    QCOMPARE(after.state, CheckoutState::Ticketed);
    QCOMPARE(after.eTickets.size(), 1);
    QCOMPARE(
        after.eTickets.first().toObject().value(QStringLiteral("unique_identifier")).toString(),
        QStringLiteral("1259876543210"));
}

void TestJournal::supersedeMintsANewKey() {
    const Intent old = newIntent();
    QVERIFY(j().freezeBody(old.id, body()).ok());
    QVERIFY(
        j().setOutcome(old.id, CheckoutState::Rejected, QStringLiteral("TB_IDEMPOTENCY_KEY_REUSED"))
            .ok());
    const auto r = j().supersede(old.id);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    const Intent &next = r.value();
    QVERIFY(next.id != old.id);
    QVERIFY(isUuidV4(next.idempotencyKey));
    QVERIFY(next.idempotencyKey != old.idempotencyKey);
    QCOMPARE(next.supersededKey, old.idempotencyKey);
    QCOMPARE(next.passengers, passengers()); // copied before the old row was erased
    QCOMPARE(next.offerId, old.offerId);
    QVERIFY(!next.isFrozen());
    QCOMPARE(next.state, CheckoutState::Draft);
    const Intent oldAfter = reload(old.id);
    QCOMPARE(oldAfter.state, CheckoutState::Superseded);
    QCOMPARE(oldAfter.idempotencyKey, old.idempotencyKey);
    QVERIFY(!oldAfter.requestBody->contains(kPassport));
    QCOMPARE(j().supersede(old.id).error().code, QStringLiteral("FD_JOURNAL_FINAL"));
    // An intent with an order must never be booked again.
    QVERIFY(j().recordCreateResponse(next.id, QStringLiteral("ord_s"), {}).ok());
    QCOMPARE(j().supersede(next.id).error().code, QStringLiteral("FD_JOURNAL_HAS_ORDER"));
    const Intent gone = newIntent();
    QVERIFY(j().setState(gone.id, CheckoutState::OfferUnavailable).ok());
    QVERIFY(!j().supersede(gone.id).ok());
}

void TestJournal::erasePiiIsPrecise_data() {
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("out");
    QTest::newRow("nested") << QByteArray(R"({"a":{"born_on":"1990-01-01","x":1}})")
                            << QByteArray(R"({"a":{"born_on":"","x":1}})");
    QTest::newRow("identity documents")
        << QByteArray(R"([{"identity_documents":[{"unique_identifier":"P1","type":"passport"}]}])")
        << QByteArray(R"([{"identity_documents":[{"type":"passport","unique_identifier":""}]}])");
    QTest::newRow("ticket documents untouched")
        << QByteArray(R"({"documents":[{"unique_identifier":"125"}]})")
        << QByteArray(R"({"documents":[{"unique_identifier":"125"}]})");
    QTest::newRow("non-string born_on")
        << QByteArray(R"({"born_on":19900101})") << QByteArray(R"({"born_on":""})");
}

void TestJournal::erasePiiIsPrecise() {
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, out);
    QCOMPARE(QJsonDocument::fromJson(fd::erasePiiJson(in).value()), QJsonDocument::fromJson(out));
    QVERIFY(!fd::erasePiiJson("{not json").has_value());
}

// Schema v7: an order id is the provider's, so two providers may both say `ord_0001`;
// one provider saying it twice is a conflict, and a webhook moves only its provider's order.
void TestJournal::orderIdUniquePerProvider() {
    const QString order = QStringLiteral("ord_0001");
    const QString tmx = QStringLiteral("travomatrix");
    const Intent tb = newIntent(QStringLiteral("travelbase"));
    const Intent tm = newIntent(tmx);
    QCOMPARE(tm.provider, tmx);
    QVERIFY(j().freezeBody(tb.id, body()).ok());
    QVERIFY(j().freezeBody(tm.id, body()).ok());
    QVERIFY(j().recordCreateResponse(tb.id, order, QStringLiteral("TBREF1")).ok());
    QVERIFY(j().recordCreateResponse(tm.id, order, QStringLiteral("TMREF1")).ok());
    QVERIFY(j().setState(tb.id, CheckoutState::Processing).ok());
    QVERIFY(j().setState(tm.id, CheckoutState::Processing).ok());

    const Intent again = newIntent(QStringLiteral("travelbase"));
    const auto dup = j().recordCreateResponse(again.id, order, QStringLiteral("TBREF2"));
    QVERIFY(!dup.ok());
    QCOMPARE(dup.error().code, QStringLiteral("FD_JOURNAL_CONFLICT"));
    QVERIFY(reload(again.id).orderId.isEmpty());
    QVERIFY(reload(again.id).bookingReference.isEmpty());
    QCOMPARE(reload(tb.id).bookingReference, QStringLiteral("TBREF1")); // not overwritten

    const QJsonArray tickets{
        QJsonObject{{QStringLiteral("type"), QStringLiteral("electronic_ticket")},
                    {QStringLiteral("unique_identifier"), QLatin1String(kTicketNumber)}}};
    QCOMPARE(j().applyWebhook(QStringLiteral("evt_tmx_1"), order, ProviderStatus::Ticketed, {},
                              tickets, tmx)
                 .value(),
             WebhookResult::Applied);
    const Intent tmAfter = reload(tm.id);
    QCOMPARE(tmAfter.state, CheckoutState::Ticketed);
    QCOMPARE(tmAfter.eTickets, tickets);
    const Intent tbAfter = reload(tb.id);
    QCOMPARE(tbAfter.state, CheckoutState::Processing); // travelbase's ord_0001: untouched
    QCOMPARE(tbAfter.providerStatus, std::nullopt);
    QVERIFY(tbAfter.eTickets.isEmpty());
    QCOMPARE(reload(again.id).state, CheckoutState::Draft);
    // And the other way round: travelbase's event reaches travelbase's intent only.
    QCOMPARE(j().applyWebhook(QStringLiteral("evt_tb_1"), order, ProviderStatus::InProgress, {}, {},
                              QStringLiteral("travelbase"))
                 .value(),
             WebhookResult::Applied);
    QCOMPARE(reload(tb.id).providerStatus, std::optional(ProviderStatus::InProgress));
    QCOMPARE(reload(tm.id).state, CheckoutState::Ticketed);
    // A provider nobody booked with has no such order.
    QCOMPARE(j().applyWebhook(QStringLiteral("evt_x_1"), order, ProviderStatus::Ticketed, {}, {},
                              QStringLiteral("elsewhere"))
                 .value(),
             WebhookResult::UnknownOrder);
    QCOMPARE(reload(tb.id).state, CheckoutState::Processing);
}

void TestJournal::notOpenIsAnError() {
    OrderJournal closed;
    QCOMPARE(closed.createIntent(QStringLiteral("o"), {}, {}).error().code,
             QStringLiteral("FD_JOURNAL_NOT_OPEN"));
    QVERIFY(!closed.all().ok());
}

// Issue 12: the window and `orders` read the journal a page at a time, newest first.
void TestJournal::pagesCountAndStream() {
    // Empty: no rows, no next page, nothing visited.
    QCOMPARE(j().count().value(), 0);
    const auto empty = j().page(0, 3).value();
    QVERIFY(empty.intents.isEmpty());
    QCOMPARE(empty.nextBeforeId, 0);
    int visits = 0;
    QVERIFY(j().forEachIntent([&](const Intent &) { return ++visits, true; }));
    QCOMPARE(visits, 0);
    QVERIFY(!j().page(0, 0).ok()); // a page has a size

    // 7 intents; pages of 3 are 3, 3, 1, each continuing exactly below the last.
    QList<qint64> ids; // newest first
    for (int n = 0; n < 7; ++n)
        ids.prepend(newIntent().id);
    QCOMPARE(j().count().value(), 7);
    QList<qint64> paged;
    QList<qsizetype> sizes;
    qint64 before = 0;
    do {
        const auto p = j().page(before, 3);
        QVERIFY(p);
        sizes << p->intents.size();
        for (const Intent &i : p->intents)
            paged << i.id;
        before = p->nextBeforeId;
    } while (before > 0);
    QCOMPARE(paged, ids);
    QCOMPARE(sizes, (QList<qsizetype>{3, 3, 1}));
    // A page that ends exactly at the oldest says there is no more.
    const auto last = j().page(ids.at(5), 2).value();
    QCOMPARE(last.intents.size(), 1);
    QCOMPARE(last.intents.first().id, ids.at(6));
    QCOMPARE(last.nextBeforeId, 0);
    const auto exact = j().page(0, 7).value();
    QCOMPARE(exact.intents.size(), 7);
    QCOMPARE(exact.nextBeforeId, 0);
    // Rows are whole intents, as intent() reads them.
    QCOMPARE(exact.intents.first().idempotencyKey, j().intent(ids.first())->idempotencyKey);

    // An intent added between pages does not shift the pages still to read.
    const auto first = j().page(0, 3).value();
    const Intent added = newIntent();
    const auto second = j().page(first.nextBeforeId, 3).value();
    QCOMPARE(second.intents.first().id, ids.at(3));
    QCOMPARE(j().page(0, 1)->intents.first().id, added.id);
    ids.prepend(added.id);

    // Streaming visits every intent newest first, across more than one stream page.
    QList<qint64> streamed;
    QVERIFY(j().forEachIntent([&](const Intent &i) { return streamed << i.id, true; }));
    QCOMPARE(streamed, ids);
    streamed.clear();
    QVERIFY(j().forEachIntent([&](const Intent &i) {
        streamed << i.id;
        return streamed.size() < 2; // stop early: not an error
    }));
    QCOMPARE(streamed, ids.mid(0, 2));

    OrderJournal closed;
    QVERIFY(!closed.page(0, 10).ok());
    QVERIFY(!closed.count().ok());
    QVERIFY(!closed.forEachIntent([](const Intent &) { return true; }).ok());
}

void TestJournal::streamsAcrossPageBoundaries() {
    // kStreamPage + 1 intents: the stream reads two pages and misses none.
    const int n = OrderJournal::kStreamPage + 1;
    for (int k = 0; k < n; ++k)
        newIntent();
    qint64 previous = std::numeric_limits<qint64>::max();
    int visits = 0;
    QVERIFY(j().forEachIntent([&](const Intent &i) {
        if (i.id >= previous)
            return false;
        previous = i.id;
        return ++visits, true;
    }));
    QCOMPARE(visits, n);
    QCOMPARE(j().count().value(), n);
}

// Issue 9.6: a signed `pending` once moved an intent from `processing` back to `pending`.
// Every checkout state against every status a webhook can carry: the checkout never moves
// to a lower rank and closes only on an outcome that ranks higher (a failure waits for a
// read); the provider status, its own field, only ever rises.
void TestJournal::noWebhookMovesAnIntentBackwards_data() {
    QTest::addColumn<CheckoutState>("from");
    QTest::addColumn<ProviderStatus>("status");
    for (const CheckoutState from : state::all())
        for (const ProviderStatus status : state::allProviderStatuses())
            QTest::addRow("%s <- %s", state::name(from).data(), state::name(status).data())
                << from << status;
}

void TestJournal::noWebhookMovesAnIntentBackwards() {
    QFETCH(CheckoutState, from);
    QFETCH(ProviderStatus, status);
    const QString order = QStringLiteral("ord_%1_%2").arg(state::name(from), state::name(status));
    const QString earlyOrder = order + QStringLiteral("_early");
    const Intent i = newIntent();
    QVERIFY(j().freezeBody(i.id, body()).ok());
    QVERIFY(j().recordCreateResponse(i.id, order, {}).ok());
    if (from != CheckoutState::Draft)
        QVERIFY(j().setState(i.id, from).ok());
    QVERIFY(j().recordProviderStatus(i.id, ProviderStatus::InProgress).ok());
    QCOMPARE(reload(i.id).state, from);
    const auto r = j().applyWebhook(QStringLiteral("evt_") + order, order, status, {});
    QVERIFY(r.ok());
    const Intent after = reload(i.id);
    QVERIFY2(
        state::rank(after.state) >= state::rank(from),
        qPrintable(QStringLiteral("%1 -> %2").arg(state::name(from), state::name(after.state))));
    const auto outcome = state::outcomeOf(status);
    if (outcome && status != ProviderStatus::Failed && state::rank(*outcome) > state::rank(from))
        QCOMPARE(after.state, *outcome);
    else
        QCOMPARE(after.state, from);
    // The provider status never falls below what was recorded (in_progress); a failure is
    // not recorded until a read confirms it.
    const ProviderStatus expected =
        status == ProviderStatus::Failed ||
                state::rank(status) <= state::rank(ProviderStatus::InProgress)
            ? ProviderStatus::InProgress
            : status;
    QCOMPARE(after.providerStatus, std::optional(expected));
    // The same ordering holds for an event that came before the create response.
    const Intent early = newIntent();
    QVERIFY(j().applyWebhook(QStringLiteral("evt_") + earlyOrder, earlyOrder, status, {}).ok());
    QVERIFY(j().freezeBody(early.id, body()).ok());
    if (from != CheckoutState::Draft && !state::isFinal(from))
        QVERIFY(j().setState(early.id, from).ok());
    const CheckoutState before = reload(early.id).state;
    QVERIFY(j().recordCreateResponse(early.id, earlyOrder, {}).ok());
    QVERIFY(state::rank(reload(early.id).state) >= state::rank(before));
}

// Issue 9.10: killed after the journal wrote the outcome but before anyone saw it.
void TestJournal::outcomesNotShownUntilMarked() {
    const Intent booked = newIntent();
    QVERIFY(j().freezeBody(booked.id, body()).ok());
    QVERIFY(j().recordCreateResponse(booked.id, QStringLiteral("ord_b"), {}).ok());
    QVERIFY(j().setState(booked.id, CheckoutState::Interrupted).ok());
    QVERIFY(j().markOutcomeShown(booked.id).ok()); // "interrupted" was shown; not final
    QVERIFY(j().outcomesNotShown()->isEmpty());
    QVERIFY(j().setState(booked.id, CheckoutState::Ticketed).ok());
    QCOMPARE(j().outcomesNotShown()->size(), 1);
    QCOMPARE(j().outcomesNotShown()->first().id, booked.id);
    QVERIFY(j().markOutcomeShown(booked.id).ok());
    QVERIFY(j().outcomesNotShown()->isEmpty());
    const Intent draft = newIntent();
    QVERIFY(j().setState(draft.id, CheckoutState::OfferUnavailable).ok());
    QVERIFY(j().outcomesNotShown()->isEmpty()); // nothing booked: nothing to announce
}

// `-engine postgres` (taken out before QTest sees the arguments) runs the suite on PostgreSQL.
int main(int argc, char **argv) {
    if (argc > 1 && qstrcmp(argv[1], "--lease-child") == 0)
        return leaseChild(argc, argv);
    auto kind = fd::test::JournalEngine::Kind::Sqlite;
    std::vector<char *> args;
    for (int n = 0; n < argc; ++n) {
        if (qstrcmp(argv[n], "-engine") == 0 && n + 1 < argc) {
            const QByteArray engine = argv[++n];
            if (engine == "postgres")
                kind = fd::test::JournalEngine::Kind::Postgres;
            else if (engine != "sqlite")
                return std::fprintf(stderr, "-engine sqlite|postgres\n"), 2;
            continue;
        }
        args.push_back(argv[n]);
    }
    int count = int(args.size());
    args.push_back(nullptr);
    QCoreApplication app(count, args.data());
    TestJournal test(kind);
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, count, args.data());
}

using fd::Cancellation;
using fd::CancellationState;
using fd::JournalEvent;
using fd::Money;

namespace {

// A ticketed booking of `orderId`, as the checkout leaves it.
Intent ticketedBooking(OrderJournal &j, qint64 intentId, const QString &orderId) {
    j.freezeBody(intentId, QByteArrayLiteral("{}"));
    j.recordCreateResponse(intentId, orderId, QStringLiteral("RZPVAB"));
    j.recordProviderStatus(intentId, ProviderStatus::Ticketed);
    j.setState(intentId, CheckoutState::Ticketed);
    return j.intent(intentId).value();
}

Cancellation quoteFor(const QString &orderId, const QString &quoteId) {
    Cancellation c;
    c.orderId = orderId;
    c.quoteId = quoteId;
    c.refund = Money::parse(QStringLiteral("380.00"), QStringLiteral("EUR")).value();
    c.expiresAt = kT0.addSecs(900);
    return c;
}

} // namespace

// The confirm's key is minted with the quote and on disk before anything can be confirmed;
// a quote nobody confirmed is simply replaced by a fresh one (a new key).
void TestJournal::cancellationKeyIsStoredWithTheQuote() {
    const Intent booked = ticketedBooking(j(), newIntent().id, QStringLiteral("ord_0001"));
    QCOMPARE(booked.state, CheckoutState::Ticketed);
    const auto first =
        j().recordCancellationQuote(QStringLiteral("travelbase"),
                                    quoteFor(QStringLiteral("ord_0001"), QStringLiteral("ore_1")));
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
    QVERIFY2(isUuidV4(first->idempotencyKey), qPrintable(first->idempotencyKey));
    QCOMPARE(first->intentId, booked.id);
    QCOMPARE(first->state, CancellationState::Quoted);
    OrderJournal other; // durable: another connection reads the key at once
    QVERIFY(openOther(other).ok());
    const auto read = other.cancellation(first->idempotencyKey);
    QVERIFY(read.ok());
    QCOMPARE(read->quote.quoteId, QStringLiteral("ore_1"));
    QCOMPARE(read->quote.refund.amount(), QStringLiteral("380.00"));
    QCOMPARE(read->quote.expiresAt, kT0.addSecs(900));
    QVERIFY(other.unfinishedCancellations()->isEmpty()); // nothing confirmed: nothing to finish

    const auto fresh =
        j().recordCancellationQuote(QStringLiteral("travelbase"),
                                    quoteFor(QStringLiteral("ord_0001"), QStringLiteral("ore_2")));
    QVERIFY(fresh.ok());
    QVERIFY(fresh->idempotencyKey != first->idempotencyKey);
    QCOMPARE(j().cancellation(first->idempotencyKey)->state, CancellationState::Abandoned);
    // Not confirmed, not booked here: an order of another desk still gets a record of its own.
    const auto elsewhere =
        j().recordCancellationQuote(QStringLiteral("travelbase"),
                                    quoteFor(QStringLiteral("ord_0777"), QStringLiteral("ore_3")));
    QVERIFY(elsewhere.ok());
    QCOMPARE(elsewhere->intentId, 0);
    QCOMPARE(
        j().setCancellationState(first->idempotencyKey, CancellationState::Confirming).error().code,
        QStringLiteral("FD_JOURNAL_FINAL"));
}

// Once confirming, the same key finishes it: no second quote, no way back to "not confirmed";
// `cancelled` moves the booking once.
void TestJournal::cancellationConfirmedIsFinishedNeverRequoted() {
    const Intent booked = ticketedBooking(j(), newIntent().id, QStringLiteral("ord_0002"));
    const auto q =
        j().recordCancellationQuote(QStringLiteral("travelbase"),
                                    quoteFor(QStringLiteral("ord_0002"), QStringLiteral("ore_1")));
    QVERIFY(q.ok());
    QVERIFY(j().setCancellationState(q->idempotencyKey, CancellationState::Confirming).ok());
    const auto again =
        j().recordCancellationQuote(QStringLiteral("travelbase"),
                                    quoteFor(QStringLiteral("ord_0002"), QStringLiteral("ore_2")));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, QStringLiteral("FD_CANCELLATION_IN_PROGRESS"));
    QVERIFY(again.error().message.contains(q->idempotencyKey));
    QCOMPARE(j().setCancellationState(q->idempotencyKey, CancellationState::Abandoned).error().code,
             QStringLiteral("FD_JOURNAL_FINAL"));
    // The same order at another provider is another order.
    QVERIFY(
        j().recordCancellationQuote(QStringLiteral("travomatrix"),
                                    quoteFor(QStringLiteral("ord_0002"), QStringLiteral("CQ-1")))
            .ok());

    QVERIFY(j().setCancellationState(q->idempotencyKey, CancellationState::Unresolved).ok());
    const auto open =
        j().openCancellation(QStringLiteral("travelbase"), QStringLiteral("ord_0002"));
    QVERIFY(open.ok() && open->has_value());
    QCOMPARE((*open)->idempotencyKey, q->idempotencyKey);
    QCOMPARE(j().unfinishedCancellations()->size(), 1);

    m_clock.advance(1000);
    QVERIFY(j().setCancellationState(q->idempotencyKey, CancellationState::Cancelled).ok());
    QVERIFY(j().setCancellationState(q->idempotencyKey, CancellationState::Cancelled).ok());
    const Intent after = reload(booked.id);
    QCOMPARE(after.state, CheckoutState::Cancelled);
    QCOMPARE(after.providerStatus, std::optional(ProviderStatus::Cancelled));
    int moves = 0;
    const QList<JournalEvent> events = j().events(booked.id).value();
    for (const JournalEvent &e : events)
        moves += e.detail.value(QLatin1String("to")).toString() == QLatin1String("cancelled");
    QCOMPARE(moves, 1);
    QVERIFY(j().unfinishedCancellations()->isEmpty());
    QVERIFY(!j().openCancellation(QStringLiteral("travelbase"), QStringLiteral("ord_0002"))
                 ->has_value());
    QCOMPARE(j().setCancellationState(q->idempotencyKey, CancellationState::Error).error().code,
             QStringLiteral("FD_JOURNAL_FINAL"));
}

// The order.cancelled event may come before the confirm's answer: it ends the cancellation and
// moves the booking; the answer then changes nothing.
void TestJournal::cancellationEventFirstClosesItOnce() {
    const Intent booked = ticketedBooking(j(), newIntent().id, QStringLiteral("ord_0003"));
    const auto q =
        j().recordCancellationQuote(QStringLiteral("travelbase"),
                                    quoteFor(QStringLiteral("ord_0003"), QStringLiteral("ore_1")));
    QVERIFY(q.ok());
    QVERIFY(j().setCancellationState(q->idempotencyKey, CancellationState::Confirming).ok());
    const auto applied =
        j().applyWebhook(QStringLiteral("evt_9"), QStringLiteral("ord_0003"),
                         ProviderStatus::Cancelled, QJsonObject{{QStringLiteral("id"), 9}});
    QCOMPARE(applied.value(), WebhookResult::Applied);
    QCOMPARE(j().cancellation(q->idempotencyKey)->state, CancellationState::Cancelled);
    QCOMPARE(reload(booked.id).state, CheckoutState::Cancelled);
    QVERIFY(j().unfinishedCancellations()->isEmpty());
    QVERIFY(j().setCancellationState(q->idempotencyKey, CancellationState::Cancelled).ok());
    int moves = 0;
    const QList<JournalEvent> events = j().events(booked.id).value();
    for (const JournalEvent &e : events)
        moves += e.detail.value(QLatin1String("to")).toString() == QLatin1String("cancelled");
    QCOMPARE(moves, 1);
}
