package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.Api;
import dev.corner.Concurrently;
import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.Neighbourhood.Account;
import dev.corner.common.CornerException;
import dev.corner.payments.SimulatedTerminal;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Card payments: saved cards as tokens, intents through their states, the test cards, the terminal. */
@CornerTest
class PaymentsContractTest extends ContractTest {

    static final String SUCCESS = "4242424242424242";
    static final String DECLINE = "4000000000000002";
    static final String INSUFFICIENT_FUNDS = "4000000000009995";
    static final String EXPIRED_CARD = "4000000000000069";
    static final String PROCESSING_ERROR = "4000000000000119";
    static final String SLOW = "4000000000007775";
    static final String AMEX = "378282246310005";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SimulatedTerminal terminal;

    // ---- helpers ---------------------------------------------------------------------------------

    private YearMonth inTwoYears() {
        return YearMonth.now(clock).plusYears(2);
    }

    private Api.Response saveCard(Account household, String number, int month, int year, String cvc) {
        var card = new HashMap<String, Object>();
        card.put("number", number);
        card.put("expMonth", month);
        card.put("expYear", year);
        card.put("cvc", cvc);
        card.put("holder", "Erika Mustermann");
        return api.post("/api/v1/payment-methods", household.token(), card);
    }

    private String card(Account household, String number) {
        var expiry = inTwoYears();
        var saved = saveCard(
                household, number, expiry.getMonthValue(), expiry.getYear(), number.startsWith("37") ? "7319" : "737");
        assertThat(saved.status()).as(saved.raw()).isEqualTo(201);
        return saved.text("paymentMethodId");
    }

    private static Map<String, Object> eur(long cents) {
        return Map.of("amount", cents, "currency", "EUR");
    }

    private Api.Response pay(Account household, String paymentMethodId, long cents) {
        return api.post(
                "/api/v1/payment-intents",
                household.token(),
                Map.of("paymentMethodId", paymentMethodId, "amount", eur(cents), "reference", "basket-" + cents));
    }

    private String authorized(Account household, long cents) {
        var intent = pay(household, card(household, SUCCESS), cents);
        assertThat(intent.status()).as(intent.raw()).isEqualTo(201);
        assertThat(intent.text("status")).isEqualTo("AUTHORIZED");
        return intent.text("paymentIntentId");
    }

    private Api.Response capture(Account household, String intentId, Long cents) {
        return api.post(
                "/api/v1/payment-intents/" + intentId + "/capture",
                household.token(),
                cents == null ? Map.of() : Map.of("amount", eur(cents)));
    }

    private Api.Response refund(Account household, String intentId, String refundId, long cents) {
        return api.post(
                "/api/v1/payment-intents/" + intentId + "/refund",
                household.token(),
                Map.of("refundId", refundId, "amount", eur(cents)));
    }

    private static long money(Api.Response response, String field) {
        return response.body().get(field).get("amount").asLong();
    }

    private long history(String intentId, String kind) {
        return jdbc.sql("select count(*) from payment_intent_events where intent_id = :id and kind = :kind")
                .param("id", intentId)
                .param("kind", kind)
                .query(Long.class)
                .single();
    }

    // ---- payment methods -------------------------------------------------------------------------

    @Test
    void aSavedCardShowsOnlyItsBrandLastFourDigitsAndExpiry() {
        var household = town.account("HOUSEHOLD");
        var expiry = inTwoYears();
        var saved = saveCard(household, SUCCESS, expiry.getMonthValue(), expiry.getYear(), "737");
        assertThat(saved.status()).as(saved.raw()).isEqualTo(201);
        assertThat(saved.text("paymentMethodId")).startsWith("pm_");
        assertThat(saved.text("brand")).isEqualTo("VISA");
        assertThat(saved.text("last4")).isEqualTo("4242");
        assertThat(saved.body().get("expMonth").asInt()).isEqualTo(expiry.getMonthValue());
        assertThat(saved.body().get("expYear").asInt()).isEqualTo(expiry.getYear());
        assertThat(saved.raw()).doesNotContain(SUCCESS).doesNotContain("737").doesNotContain("Erika");

        var list = api.get("/api/v1/payment-methods", household.token());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("paymentMethods")).hasSize(1);
        assertThat(list.body()
                        .get("paymentMethods")
                        .get(0)
                        .get("paymentMethodId")
                        .asString())
                .isEqualTo(saved.text("paymentMethodId"));
        assertThat(list.raw()).doesNotContain(SUCCESS);
    }

    @Test
    void anAmexKeepsItsBrandAndNeedsAFourDigitCode() {
        var household = town.account("HOUSEHOLD");
        var expiry = inTwoYears();
        var refused = saveCard(household, AMEX, expiry.getMonthValue(), expiry.getYear(), "737");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("INVALID_CVC");
        var saved = saveCard(household, AMEX, expiry.getMonthValue(), expiry.getYear(), "7319");
        assertThat(saved.status()).as(saved.raw()).isEqualTo(201);
        assertThat(saved.text("brand")).isEqualTo("AMEX");
        assertThat(saved.text("last4")).isEqualTo("0005");
    }

    @Test
    void badCardInputIsRefusedAndSavesNothing() {
        var household = town.account("HOUSEHOLD");
        var ok = inTwoYears();
        var lastMonth = YearMonth.now(clock).minusMonths(1);
        record Case(String number, int month, int year, String cvc, String code) {}
        var cases = new Case[] {
            new Case("4242424242424241", ok.getMonthValue(), ok.getYear(), "737", "INVALID_CARD_NUMBER"),
            new Case("4242 4242 4242 4242", ok.getMonthValue(), ok.getYear(), "737", "INVALID_CARD_NUMBER"),
            new Case("42424242426", ok.getMonthValue(), ok.getYear(), "737", "INVALID_CARD_NUMBER"),
            new Case("4242abcd42424242", ok.getMonthValue(), ok.getYear(), "737", "INVALID_CARD_NUMBER"),
            new Case(SUCCESS, lastMonth.getMonthValue(), lastMonth.getYear(), "737", "CARD_EXPIRED"),
            new Case(SUCCESS, 13, ok.getYear(), "737", "INVALID_EXPIRY"),
            new Case(SUCCESS, ok.getMonthValue(), ok.getYear(), "73", "INVALID_CVC"),
            new Case(SUCCESS, ok.getMonthValue(), ok.getYear(), "7a7", "INVALID_CVC"),
        };
        for (var c : cases) {
            var refused = saveCard(household, c.number(), c.month(), c.year(), c.cvc());
            assertThat(refused.status()).as(c.toString()).isEqualTo(400);
            assertThat(refused.code()).as(c.toString()).isEqualTo(c.code());
            assertThat(refused.raw()).doesNotContain(c.number());
        }
        var missing = api.post("/api/v1/payment-methods", household.token(), Map.of("cvc", "737"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("INVALID_CARD_NUMBER");
        assertThat(api.get("/api/v1/payment-methods", household.token()).body().get("paymentMethods"))
                .isEmpty();
    }

    @Test
    void aCardIsGoodThroughItsExpiryMonthByTheApplicationClock() {
        var month = YearMonth.now(clock);
        clock.setTo(month.atEndOfMonth().atTime(23, 58).toInstant(ZoneOffset.UTC));
        var household = town.account("HOUSEHOLD");
        var previous = month.minusMonths(1);
        var lastMonths = saveCard(household, SUCCESS, previous.getMonthValue(), previous.getYear(), "737");
        assertThat(lastMonths.status()).isEqualTo(400);
        assertThat(lastMonths.code()).isEqualTo("CARD_EXPIRED");
        var thisMonths = saveCard(household, SUCCESS, month.getMonthValue(), month.getYear(), "737");
        assertThat(thisMonths.status()).as(thisMonths.raw()).isEqualTo(201);

        // The saved card runs out while it is on file: paying with it afterwards is refused.
        clock.advance(Duration.ofMinutes(5));
        var late = pay(household, thisMonths.text("paymentMethodId"), 500);
        assertThat(late.status()).as(late.raw()).isEqualTo(400);
        assertThat(late.code()).isEqualTo("CARD_EXPIRED");
    }

    @Test
    void onlyHouseholdsSaveCards() {
        var merchant = town.account("MERCHANT");
        var expiry = inTwoYears();
        var refused = saveCard(merchant, SUCCESS, expiry.getMonthValue(), expiry.getYear(), "737");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("ROLE_REQUIRED");
    }

    @Test
    void anotherHouseholdsCardIsNotFound() {
        var owner = town.account("HOUSEHOLD");
        var stranger = town.account("HOUSEHOLD");
        var method = card(owner, SUCCESS);
        assertThat(api.get("/api/v1/payment-methods/" + method, owner.token()).status())
                .isEqualTo(200);
        var read = api.get("/api/v1/payment-methods/" + method, stranger.token());
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.code()).isEqualTo("PAYMENT_METHOD_NOT_FOUND");
        assertThat(api.get("/api/v1/payment-methods", stranger.token()).body().get("paymentMethods"))
                .isEmpty();
        var pay = pay(stranger, method, 500);
        assertThat(pay.status()).isEqualTo(404);
        assertThat(pay.code()).isEqualTo("PAYMENT_METHOD_NOT_FOUND");
    }

    // ---- intents ---------------------------------------------------------------------------------

    @Test
    void authorizeCapturePartlyAndRefundInPartsUpToTheCapturedAmount() {
        var household = town.account("HOUSEHOLD");
        var intent = pay(household, card(household, SUCCESS), 1000);
        assertThat(intent.status()).as(intent.raw()).isEqualTo(201);
        assertThat(intent.text("paymentIntentId")).startsWith("pi_");
        assertThat(intent.text("status")).isEqualTo("AUTHORIZED");
        assertThat(money(intent, "amount")).isEqualTo(1000);
        assertThat(intent.body().get("amount").get("currency").asString()).isEqualTo("EUR");
        assertThat(money(intent, "captured")).isZero();
        assertThat(intent.text("declineCode")).isNull();
        var id = intent.text("paymentIntentId");

        var captured = capture(household, id, 600L);
        assertThat(captured.status()).as(captured.raw()).isEqualTo(200);
        assertThat(captured.text("status")).isEqualTo("CAPTURED");
        assertThat(money(captured, "captured")).isEqualTo(600);

        var tooMuch = refund(household, id, "r-0", 601);
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.code()).isEqualTo("REFUND_EXCEEDS_CAPTURED");

        var first = refund(household, id, "r-1", 200);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(money(first, "refunded")).isEqualTo(200);

        var second = refund(household, id, "r-2", 400);
        assertThat(second.text("status")).isEqualTo("REFUNDED");
        assertThat(money(second, "refunded")).isEqualTo(600);

        var over = refund(household, id, "r-3", 1);
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.code()).isEqualTo("REFUND_EXCEEDS_CAPTURED");

        var read = api.get("/api/v1/payment-intents/" + id, household.token());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("status")).isEqualTo("REFUNDED");
        assertThat(money(read, "captured")).isEqualTo(600);
        assertThat(money(read, "refunded")).isEqualTo(600);
        assertThat(history(id, "REFUNDED")).isEqualTo(2);
    }

    @Test
    void aCaptureWithoutAnAmountTakesTheWholeAuthorization() {
        var household = town.account("HOUSEHOLD");
        var id = authorized(household, 750);
        var captured = api.post("/api/v1/payment-intents/" + id + "/capture", household.token(), null);
        assertThat(captured.status()).as(captured.raw()).isEqualTo(200);
        assertThat(money(captured, "captured")).isEqualTo(750);
    }

    @Test
    void aCaptureAboveTheAuthorizationIsRefused() {
        var household = town.account("HOUSEHOLD");
        var id = authorized(household, 1000);
        var refused = capture(household, id, 1001L);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("CAPTURE_EXCEEDS_AUTHORIZED");
        assertThat(capture(household, id, 0L).code()).isEqualTo("INVALID_AMOUNT");
        assertThat(api.get("/api/v1/payment-intents/" + id, household.token()).text("status"))
                .isEqualTo("AUTHORIZED");
    }

    @Test
    void theSameCaptureTwiceCapturesOnce() {
        var household = town.account("HOUSEHOLD");
        var id = authorized(household, 1000);
        var first = capture(household, id, 600L);
        var again = capture(household, id, 600L);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(history(id, "CAPTURED")).isEqualTo(1);

        var other = capture(household, id, 400L);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("ALREADY_CAPTURED");
        assertThat(money(api.get("/api/v1/payment-intents/" + id, household.token()), "captured"))
                .isEqualTo(600);
    }

    @Test
    void theSameRefundIdTwiceRefundsOnce() {
        var household = town.account("HOUSEHOLD");
        var id = authorized(household, 1000);
        capture(household, id, null);
        var first = refund(household, id, "refund-1", 300);
        var again = refund(household, id, "refund-1", 300);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(money(again, "refunded")).isEqualTo(300);
        assertThat(history(id, "REFUNDED")).isEqualTo(1);

        // A later refund does not change what the first refund id answers.
        refund(household, id, "refund-2", 100);
        var replay = refund(household, id, "refund-1", 300);
        assertThat(replay.body()).isEqualTo(first.body());

        var reused = refund(household, id, "refund-1", 50);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("REFUND_ID_REUSED");
        assertThat(money(api.get("/api/v1/payment-intents/" + id, household.token()), "refunded"))
                .isEqualTo(400);
    }

    @Test
    void concurrentRepeatsOfOneCaptureAndOneRefundHappenOnce() throws Exception {
        var household = town.account("HOUSEHOLD");
        var id = authorized(household, 1000);
        var captures = new java.util.ArrayList<java.util.concurrent.Callable<Integer>>();
        for (int i = 0; i < 8; i++) {
            captures.add(() -> capture(household, id, 700L).status());
        }
        assertThat(Concurrently.run(captures)).containsOnly(200);
        assertThat(history(id, "CAPTURED")).isEqualTo(1);

        var refunds = new java.util.ArrayList<java.util.concurrent.Callable<Integer>>();
        for (int i = 0; i < 8; i++) {
            refunds.add(() -> refund(household, id, "same-refund", 250).status());
        }
        assertThat(Concurrently.run(refunds)).containsOnly(200);
        assertThat(history(id, "REFUNDED")).isEqualTo(1);
        assertThat(money(api.get("/api/v1/payment-intents/" + id, household.token()), "refunded"))
                .isEqualTo(250);
    }

    @Test
    void aRefundBeforeCaptureIsRefused() {
        var household = town.account("HOUSEHOLD");
        var id = authorized(household, 1000);
        var refused = refund(household, id, "early", 100);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("NOT_CAPTURED");
    }

    @Test
    void aVoidedIntentStaysVoided() {
        var household = town.account("HOUSEHOLD");
        var id = authorized(household, 1000);
        var voided = api.post("/api/v1/payment-intents/" + id + "/void", household.token(), null);
        assertThat(voided.status()).as(voided.raw()).isEqualTo(200);
        assertThat(voided.text("status")).isEqualTo("VOIDED");
        var again = api.post("/api/v1/payment-intents/" + id + "/void", household.token(), null);
        assertThat(again.body()).isEqualTo(voided.body());
        assertThat(history(id, "VOIDED")).isEqualTo(1);

        var capture = capture(household, id, null);
        assertThat(capture.status()).isEqualTo(409);
        assertThat(capture.code()).isEqualTo("NOT_AUTHORIZED");
    }

    @Test
    void aCapturedIntentCannotBeVoided() {
        var household = town.account("HOUSEHOLD");
        var id = authorized(household, 1000);
        capture(household, id, null);
        var refused = api.post("/api/v1/payment-intents/" + id + "/void", household.token(), null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("NOT_AUTHORIZED");
    }

    @Test
    void anotherAccountsIntentIsNotFound() {
        var owner = town.account("HOUSEHOLD");
        var id = authorized(owner, 1000);
        for (var other : new Account[] {town.account("HOUSEHOLD"), town.account("MERCHANT")}) {
            var read = api.get("/api/v1/payment-intents/" + id, other.token());
            assertThat(read.status()).isEqualTo(404);
            assertThat(read.code()).isEqualTo("PAYMENT_INTENT_NOT_FOUND");
            assertThat(capture(other, id, null).status()).isEqualTo(404);
            assertThat(api.post("/api/v1/payment-intents/" + id + "/void", other.token(), null)
                            .status())
                    .isEqualTo(404);
            assertThat(refund(other, id, "r-x", 1).status()).isEqualTo(404);
        }
        assertThat(api.get("/api/v1/payment-intents/" + id, owner.token()).text("status"))
                .isEqualTo("AUTHORIZED");
    }

    @Test
    void badAmountsAndReferencesAreRefused() {
        var household = town.account("HOUSEHOLD");
        var method = card(household, SUCCESS);
        assertThat(pay(household, method, 0).code()).isEqualTo("INVALID_AMOUNT");
        var noAmount = api.post("/api/v1/payment-intents", household.token(), Map.of("paymentMethodId", method));
        assertThat(noAmount.status()).isEqualTo(400);
        assertThat(noAmount.code()).isEqualTo("INVALID_AMOUNT");
        var smuggled = api.post(
                "/api/v1/payment-intents",
                household.token(),
                Map.of("paymentMethodId", method, "amount", eur(100), "reference", "card 4000 0000 0000 0002"));
        assertThat(smuggled.status()).isEqualTo(400);
        assertThat(smuggled.code()).isEqualTo("INVALID_REFERENCE");
        var fraction = api.post(
                "/api/v1/payment-intents",
                household.token(),
                "{\"paymentMethodId\":\"" + method + "\",\"amount\":{\"amount\":9.99,\"currency\":\"EUR\"}}");
        assertThat(fraction.status()).isEqualTo(400);
    }

    // ---- the test cards --------------------------------------------------------------------------

    @Test
    void eachDecliningTestCardDeclinesWithItsCode() {
        var household = town.account("HOUSEHOLD");
        var cards = Map.of(
                DECLINE, "card_declined", INSUFFICIENT_FUNDS, "insufficient_funds", EXPIRED_CARD, "expired_card");
        cards.forEach((number, code) -> {
            var intent = pay(household, card(household, number), 1000);
            assertThat(intent.status()).as(intent.raw()).isEqualTo(201);
            assertThat(intent.text("status")).as(number).isEqualTo("DECLINED");
            assertThat(intent.text("declineCode")).as(number).isEqualTo(code);
            var capture = capture(household, intent.text("paymentIntentId"), null);
            assertThat(capture.status()).isEqualTo(409);
            assertThat(capture.code()).isEqualTo("NOT_AUTHORIZED");
        });
    }

    @Test
    void aProcessingErrorAnswers502AndLeavesTheIntentRetryable() {
        var household = town.account("HOUSEHOLD");
        var failed = pay(household, card(household, PROCESSING_ERROR), 1000);
        assertThat(failed.status()).as(failed.raw()).isEqualTo(502);
        assertThat(failed.code()).isEqualTo("GATEWAY_ERROR");
        var id = failed.text("paymentIntentId");
        assertThat(id).startsWith("pi_");

        var read = api.get("/api/v1/payment-intents/" + id, household.token());
        assertThat(read.text("status")).isEqualTo("REQUIRES_AUTHORIZATION");

        var retry = api.post("/api/v1/payment-intents/" + id + "/authorize", household.token(), null);
        assertThat(retry.status()).isEqualTo(502);
        assertThat(retry.code()).isEqualTo("GATEWAY_ERROR");
        assertThat(api.get("/api/v1/payment-intents/" + id, household.token()).text("status"))
                .isEqualTo("REQUIRES_AUTHORIZATION");
        assertThat(history(id, "GATEWAY_FAILED")).isEqualTo(2);
    }

    @Test
    void authorizingAnAuthorizedIntentAgainAnswersItAsItIs() {
        var household = town.account("HOUSEHOLD");
        var id = authorized(household, 1000);
        var again = api.post("/api/v1/payment-intents/" + id + "/authorize", household.token(), null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("AUTHORIZED");
        assertThat(history(id, "AUTHORIZED")).isEqualTo(1);
    }

    @Test
    void theSlowCardAnswersAfterTheConfiguredDelay() {
        var household = town.account("HOUSEHOLD");
        var method = card(household, SLOW);
        long started = System.nanoTime();
        var intent = pay(household, method, 1000);
        var took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(intent.status()).as(intent.raw()).isEqualTo(201);
        assertThat(intent.text("status")).isEqualTo("AUTHORIZED");
        // CornerTest sets corner.payments.simulated.slow-delay to 400 ms.
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    // ---- the terminal ----------------------------------------------------------------------------

    private Api.Response charge(Account merchant, String terminalId, long cents) {
        return api.post(
                "/api/v1/terminals/" + terminalId + "/charges",
                merchant.token(),
                Map.of("amount", eur(cents), "reference", "sale-" + cents));
    }

    @Test
    void theTerminalApprovesTheDefaultCardAndDeclinesAPresentedOne() {
        var merchant = town.account("MERCHANT");
        var terminalId = "term-" + UUID.randomUUID();
        var approved = charge(merchant, terminalId, 1299);
        assertThat(approved.status()).as(approved.raw()).isEqualTo(201);
        assertThat(approved.text("result")).isEqualTo("APPROVED");
        assertThat(approved.text("authCode")).matches("[A-Z0-9]{6}");
        assertThat(approved.text("declineCode")).isNull();
        assertThat(money(approved, "amount")).isEqualTo(1299);

        terminal.present(terminalId, INSUFFICIENT_FUNDS);
        var declined = charge(merchant, terminalId, 1299);
        assertThat(declined.status()).isEqualTo(201);
        assertThat(declined.text("result")).isEqualTo("DECLINED");
        assertThat(declined.text("declineCode")).isEqualTo("insufficient_funds");
        assertThat(declined.text("authCode")).isNull();

        // A presented card is read once; the next customer's charge reads the default card again.
        assertThat(charge(merchant, terminalId, 500).text("result")).isEqualTo("APPROVED");

        assertThat(jdbc.sql("select count(*) from payment_terminal_charges where terminal_id = :t")
                        .param("t", terminalId)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void theTerminalAnswers502WhenTheGatewayFails() {
        var merchant = town.account("MERCHANT");
        var terminalId = "term-" + UUID.randomUUID();
        terminal.present(terminalId, PROCESSING_ERROR);
        var failed = charge(merchant, terminalId, 100);
        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.code()).isEqualTo("GATEWAY_ERROR");
    }

    @Test
    void onlyMerchantsChargeAtATerminal() {
        var household = town.account("HOUSEHOLD");
        var refused = charge(household, "term-1", 100);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("ROLE_REQUIRED");
        var merchant = town.account("MERCHANT");
        assertThat(charge(merchant, "term-1", 0).code()).isEqualTo("INVALID_AMOUNT");
    }

    @Test
    void theTerminalReadsTestCardsOnly() {
        try {
            terminal.present("term-x", "4111111111111111");
        } catch (CornerException e) {
            assertThat(e.code()).isEqualTo("NOT_A_TEST_CARD");
            return;
        }
        throw new AssertionError("a card that is not a test card was accepted");
    }
}
