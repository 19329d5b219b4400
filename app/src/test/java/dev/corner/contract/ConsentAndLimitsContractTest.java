package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.corner.Api;
import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.DeviceClient;
import dev.corner.Neighbourhood;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The safeguards: consent per household with a device override, a price guard, a confirmation on
 * the device's display within 60 s or in the app within 24 h, spending limits, pauses and the press
 * storm bound.
 */
@CornerTest
class ConsentAndLimitsContractTest extends ContractTest {

    @Autowired
    JdbcClient jdbc;

    private DeviceClient button(Neighbourhood.Household household) {
        return new DeviceClient(
                api, household.device().deviceId(), household.device().secret(), clock);
    }

    private Api.Response settings(Neighbourhood.Household household, Map<String, Object> changes) {
        var answer = api.put("/api/v1/household/settings", household.account().token(), changes);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer;
    }

    static Map<String, Object> eur(long cents) {
        return Map.of("amount", cents, "currency", "EUR");
    }

    /** Waits for a notice of {@code kind} in the household's inbox and answers its text. */
    private String awaitNotice(Neighbourhood.Household household, String kind) {
        await().atMost(Duration.ofSeconds(20)).until(() -> noticeText(household, kind) != null);
        return noticeText(household, kind);
    }

    private String noticeText(Neighbourhood.Household household, String kind) {
        for (var notice : api.get("/api/v1/notifications", household.account().token())
                .body()
                .get("notifications")) {
            if (kind.equals(notice.get("kind").asString())) {
                return notice.get("title").asString() + " " + notice.get("text").asString() + " "
                        + notice.get("params");
            }
        }
        return null;
    }

    private void handOver(Neighbourhood.Shop shop, String orderId) {
        var handed = api.post(
                "/api/v1/stores/" + shop.storeId() + "/orders/" + orderId + "/handover",
                shop.merchant().token(),
                Map.of());
        assertThat(handed.status()).as(handed.raw()).isEqualTo(200);
    }

    @Test
    void confirmEachHoldsTheOrderUntilTheHouseholdSaysYesWithTheEvidenceKept() {
        var shop = town.shop(3);
        var household = town.householdWithButton(shop);
        settings(household, Map.of("consent", "CONFIRM_EACH"));

        var press = button(household).press("main", "c-1");
        assertThat(press.text("result")).as(press.raw()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(press.text("reason")).isEqualTo("CONFIRM_EACH");
        assertThat(press.body().get("total").get("amount").asLong()).isEqualTo(499);
        assertThat(press.body().get("product").get("name").asString()).isNotBlank();
        assertThat(press.text("quoteId")).isNotBlank();
        assertThat(town.level(shop).reserved()).isEqualTo(1);
        var orderId = press.text("orderId");
        var order = api.get("/api/v1/orders/" + orderId, household.account().token());
        assertThat(order.text("status")).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(order.text("confirmBy")).isNotBlank();
        assertThat(awaitNotice(household, "CONFIRMATION_NEEDED"))
                .contains(orderId, "4.99 EUR", " UTC.", "\"amount\":\"499\"", "\"currency\":\"EUR\"", "\"confirmBy\"");

        var confirmed = api.post(
                "/api/v1/orders/" + orderId + "/confirm", household.account().token(), Map.of("language", "de"));
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("PLACED");
        var evidence = jdbc.sql("select consent_evidence::text from orders where id = :id")
                .param("id", orderId)
                .query(String.class)
                .single();
        assertThat(evidence)
                .contains("Zahlungspflichtig bestellen", "\"channel\": \"API\"", "\"total\"", "CONFIRM_EACH");
    }

    @Test
    void aDeviceWithADisplayConfirmsItsQuoteWithinSixtySecondsOnly() {
        var shop = town.shop(3);
        var household = town.householdWithButton(shop);
        settings(household, Map.of("consent", "CONFIRM_EACH"));
        var device = button(household);

        var first = device.press("main", "q-1");
        var confirm = device.post(
                "/device/v1/slots/main/confirm",
                "{\"pressId\":\"q-1\",\"quoteId\":\"" + first.text("quoteId") + "\",\"language\":\"fr\"}");
        assertThat(confirm.status()).as(confirm.raw()).isEqualTo(200);
        assertThat(confirm.text("result")).isEqualTo("ORDER_PLACED");
        assertThat(confirm.text("orderId")).isEqualTo(first.text("orderId"));
        var evidence = jdbc.sql("select consent_evidence::text from orders where id = :id")
                .param("id", first.text("orderId"))
                .query(String.class)
                .single();
        assertThat(evidence).contains("Commander avec obligation de paiement", "DEVICE");

        api.post(
                "/api/v1/orders/" + first.text("orderId") + "/cancel",
                household.account().token(),
                Map.of());
        var second = device.press("main", "q-2");
        assertThat(second.text("result")).isEqualTo("AWAITING_CONFIRMATION");
        clock.advance(Duration.ofSeconds(61));
        var late = device.post(
                "/device/v1/slots/main/confirm",
                "{\"pressId\":\"q-2\",\"quoteId\":\"" + second.text("quoteId") + "\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("QUOTE_EXPIRED");
        // The app may still confirm it.
        assertThat(api.post(
                                "/api/v1/orders/" + second.text("orderId") + "/confirm",
                                household.account().token(),
                                Map.of())
                        .text("status"))
                .isEqualTo("PLACED");
    }

    @Test
    void anOrderNotConfirmedWithin24HoursExpiresAndReleasesItsStock() {
        var shop = town.shop(3);
        var household = town.householdWithButton(shop);
        settings(household, Map.of("consent", "CONFIRM_EACH"));
        var press = button(household).press("main", "e-1");
        assertThat(town.level(shop).reserved()).isEqualTo(1);

        clock.advance(Duration.ofHours(24).plusMinutes(2));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "EXPIRED"
                        .equals(api.get(
                                        "/api/v1/orders/" + press.text("orderId"),
                                        household.account().token())
                                .text("status")));
        assertThat(town.level(shop).reserved()).isZero();
        var late = api.post(
                "/api/v1/orders/" + press.text("orderId") + "/confirm",
                household.account().token(),
                Map.of());
        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    void aPriceRiseAboveTheGuardAsksForConfirmationEvenInTheCancelWindowMode() {
        var shop = town.shop(5);
        var household = town.householdWithButton(shop); // bound at 4.99, cap 6.00
        town.offer(shop.merchant(), shop.storeId(), shop.productId(), 548); // +9.8 %: within the default 10 %
        var within = button(household).press("main", "g-1");
        assertThat(within.text("result")).isEqualTo("ORDER_PLACED");
        api.post(
                "/api/v1/orders/" + within.text("orderId") + "/cancel",
                household.account().token(),
                Map.of());

        town.offer(shop.merchant(), shop.storeId(), shop.productId(), 550); // +10.2 %
        var guarded = button(household).press("main", "g-2");
        assertThat(guarded.text("result")).as(guarded.raw()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(guarded.text("reason")).isEqualTo("PRICE_GUARD");
    }

    @Test
    void spendingLimitsPerOrderPerDevicePerDayAndPerHouseholdPerMonthRefuseWithLimitExceeded() {
        // Mid-month, so that the days below stay in one calendar month (UTC).
        clock.setTo(java.time.Instant.parse("2027-03-10T09:00:00Z"));
        var shop = town.shop(20);
        var household = town.householdWithButton(shop);
        var device = button(household);

        settings(household, Map.of("orderLimit", eur(400)));
        var perOrder = device.press("main", "l-1");
        assertThat(perOrder.text("result")).isEqualTo("LIMIT_EXCEEDED");
        assertThat(perOrder.text("reason")).isEqualTo("PER_ORDER");
        assertThat(town.level(shop).reserved()).isZero();
        assertThat(awaitNotice(household, "PRESS_REFUSED"))
                .contains(
                        "Limit reached",
                        "limit per order",
                        "\"reason\":\"PER_ORDER\"",
                        "\"result\":\"LIMIT_EXCEEDED\"");

        settings(household, Map.of("orderLimit", eur(0), "monthlyLimit", eur(1000)));
        var devicePath = "/api/v1/devices/" + household.device().deviceId();
        var limited = api.put(devicePath, household.account().token(), Map.of("dailyLimit", eur(500)));
        assertThat(limited.status()).as(limited.raw()).isEqualTo(200);
        assertThat(limited.body().get("dailyLimit").get("amount").asLong()).isEqualTo(500);

        var first = device.press("main", "l-2");
        assertThat(first.text("result")).isEqualTo("ORDER_PLACED");
        handOver(shop, first.text("orderId"));
        var sameDay = device.press("main", "l-3");
        assertThat(sameDay.text("result")).isEqualTo("LIMIT_EXCEEDED");
        assertThat(sameDay.text("reason")).isEqualTo("PER_DEVICE_PER_DAY");

        clock.advance(Duration.ofDays(1));
        var nextDay = device.press("main", "l-4");
        assertThat(nextDay.text("result")).isEqualTo("ORDER_PLACED");
        handOver(shop, nextDay.text("orderId"));

        // 9.98 spent this month; another 4.99 would pass the household's 10.00.
        clock.advance(Duration.ofDays(1));
        var third = device.press("main", "l-5");
        assertThat(third.text("result")).isEqualTo("LIMIT_EXCEEDED");
        assertThat(third.text("reason")).isEqualTo("PER_HOUSEHOLD_PER_MONTH");

        // A new month starts afresh.
        clock.setTo(java.time.Instant.parse("2027-04-01T09:00:00Z"));
        assertThat(device.press("main", "l-6").text("result")).isEqualTo("ORDER_PLACED");
    }

    @Test
    void aLimitAboveTheLimitItSitsInIsRefusedAndChangesNothing() {
        var household = town.householdWithButton(town.shop(5));
        var token = household.account().token();
        var devicePath = "/api/v1/devices/" + household.device().deviceId();
        var device = api.put(devicePath, token, Map.of("dailyLimit", eur(500), "monthlyLimit", eur(2000)));
        assertThat(device.status()).as(device.raw()).isEqualTo(200);

        // Asked alone, each limit is compared with the other one as it is kept.
        var dailyAbove = api.put(devicePath, token, Map.of("dailyLimit", eur(2500)));
        assertThat(dailyAbove.status()).as(dailyAbove.raw()).isEqualTo(400);
        assertThat(dailyAbove.contentType()).startsWith("application/problem+json");
        assertThat(dailyAbove.code()).isEqualTo("LIMIT_ABOVE_MONTHLY");
        assertThat(dailyAbove.text("detail")).startsWith("dailyLimit must not be above monthlyLimit");
        var monthlyBelow = api.put(devicePath, token, Map.of("monthlyLimit", eur(400), "consent", "CONFIRM_EACH"));
        assertThat(monthlyBelow.code()).as(monthlyBelow.raw()).isEqualTo("LIMIT_ABOVE_MONTHLY");
        var kept = api.get(devicePath, token);
        assertThat(kept.body().get("dailyLimit").get("amount").asLong())
                .as(kept.raw())
                .isEqualTo(500);
        assertThat(kept.body().get("monthlyLimit").get("amount").asLong()).isEqualTo(2000);
        assertThat(kept.text("consent")).isNull();

        // Equal is fine, and without a monthly limit (0 removes it) any daily limit is.
        assertThat(api.put(devicePath, token, Map.of("dailyLimit", eur(2000))).status())
                .isEqualTo(200);
        assertThat(api.put(devicePath, token, Map.of("dailyLimit", eur(9000), "monthlyLimit", eur(0)))
                        .status())
                .isEqualTo(200);

        settings(household, Map.of("orderLimit", eur(800), "monthlyLimit", eur(3000)));
        var orderAbove = api.put("/api/v1/household/settings", token, Map.of("orderLimit", eur(3001)));
        assertThat(orderAbove.status()).as(orderAbove.raw()).isEqualTo(400);
        assertThat(orderAbove.contentType()).startsWith("application/problem+json");
        assertThat(orderAbove.code()).isEqualTo("LIMIT_ABOVE_MONTHLY");
        assertThat(orderAbove.text("detail")).startsWith("orderLimit must not be above monthlyLimit");
        var monthlyTooLow = api.put(
                "/api/v1/household/settings", token, Map.of("monthlyLimit", eur(700), "cancelWindowMinutes", 5));
        assertThat(monthlyTooLow.code()).as(monthlyTooLow.raw()).isEqualTo("LIMIT_ABOVE_MONTHLY");
        var saved = api.get("/api/v1/household/settings", token).body();
        assertThat(saved.get("orderLimit").get("amount").asLong()).isEqualTo(800);
        assertThat(saved.get("monthlyLimit").get("amount").asLong()).isEqualTo(3000);
        assertThat(saved.get("cancelWindowMinutes").asInt()).isEqualTo(30);
    }

    @Test
    void aPausedHouseholdOrDeviceOrdersNothing() {
        var shop = town.shop(5);
        var household = town.householdWithButton(shop);
        settings(household, Map.of("paused", true));
        var paused = button(household).press("main", "p-1");
        assertThat(paused.text("result")).isEqualTo("PAUSED");
        assertThat(paused.text("reason")).isEqualTo("HOUSEHOLD_PAUSED");
        settings(household, Map.of("paused", false));
        assertThat(button(household).press("main", "p-2").text("result")).isEqualTo("ORDER_PLACED");
        assertThat(town.level(shop).reserved()).isEqualTo(1);
    }

    @Test
    void aPressStormIsThrottledAndPausesTheDevice() {
        var shop = town.shop(5);
        var household = town.householdWithButton(shop);
        settings(household, Map.of("pressesPerMinute", 3));
        var device = button(household);
        assertThat(device.press("main", "s-1").text("result")).isEqualTo("ORDER_PLACED");
        assertThat(device.press("main", "s-2").text("result")).isEqualTo("ORDER_IN_PROGRESS");
        assertThat(device.press("main", "s-3").text("result")).isEqualTo("ORDER_IN_PROGRESS");
        var storm = device.press("main", "s-4");
        assertThat(storm.status()).isEqualTo(429);
        assertThat(storm.code()).isEqualTo("TOO_MANY_PRESSES");
        var after = api.get(
                "/api/v1/devices/" + household.device().deviceId(),
                household.account().token());
        assertThat(after.body().get("paused").asBoolean()).isTrue();
        assertThat(awaitNotice(household, "DEVICE_PAUSED"))
                .contains(household.device().deviceId());
        assertThat(device.press("main", "s-5").text("result")).isEqualTo("PAUSED");

        // Resumed within the minute, the device counts its presses afresh: the next is no storm.
        var resumed = api.put(
                "/api/v1/devices/" + household.device().deviceId(),
                household.account().token(),
                Map.of("paused", false));
        assertThat(resumed.status()).as(resumed.raw()).isEqualTo(200);
        assertThat(device.press("main", "s-6").text("result")).isEqualTo("ORDER_IN_PROGRESS");
        assertThat(notices(household, "DEVICE_PAUSED")).isEqualTo(1);
    }

    @Test
    void pressesWhileTheHouseholdIsPausedAreNoStorm() {
        var shop = town.shop(5);
        var household = town.householdWithButton(shop);
        settings(household, Map.of("pressesPerMinute", 3, "paused", true));
        var device = button(household);
        for (int i = 1; i <= 3; i++) {
            assertThat(device.press("main", "h-" + i).text("result")).isEqualTo("PAUSED");
        }
        settings(household, Map.of("paused", false));
        var first = device.press("main", "h-4");
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.text("result")).isEqualTo("ORDER_PLACED");
    }

    @Test
    void settingsAreValidatedAndChangeNothingWhenWrong() {
        var shop = town.shop(1);
        var household = town.householdWithButton(shop);
        var bad =
                api.put("/api/v1/household/settings", household.account().token(), Map.of("cancelWindowMinutes", 5000));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("INVALID_SETTINGS");
        var now = api.get("/api/v1/household/settings", household.account().token());
        assertThat(now.body().get("cancelWindowMinutes").asInt()).isEqualTo(30);
        assertThat(now.text("consent")).isEqualTo("CANCEL_WINDOW");
        assertThat(api.get("/api/v1/household/settings", shop.merchant().token())
                        .status())
                .isEqualTo(403);
    }

    private long notices(Neighbourhood.Household household, String kind) {
        long n = 0;
        for (var notice : api.get("/api/v1/notifications", household.account().token())
                .body()
                .get("notifications")) {
            if (kind.equals(notice.get("kind").asString())) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aDeviceSilentFor48HoursIsReportedToItsHouseholdAndAgainAfterItsNextSilence() {
        var shop = town.shop(1);
        var household = town.householdWithButton(shop);
        var device = button(household);
        assertThat(device.post("/device/v1/heartbeat", "{\"firmware\":\"1.0\",\"battery\":80}")
                        .status())
                .isEqualTo(200);

        clock.advance(Duration.ofHours(49));
        assertThat(awaitNotice(household, "DEVICE_SILENT"))
                .contains(household.device().deviceId(), "heartbeat");

        assertThat(device.post("/device/v1/heartbeat", "{\"firmware\":\"1.0\",\"battery\":79}")
                        .status())
                .isEqualTo(200);
        clock.advance(Duration.ofHours(49));
        await().atMost(Duration.ofSeconds(20)).until(() -> notices(household, "DEVICE_SILENT") == 2);
    }
}
