package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.corner.Api;
import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.DeviceClient;
import dev.corner.Neighbourhood.Account;
import dev.corner.common.CornerException;
import dev.corner.devices.DeviceId;
import dev.corner.devices.Replenishing;
import dev.corner.devices.internal.SlotReadings;
import dev.corner.devices.model.ReplenishmentPolicy.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /device/v1/slots/{slotId}/status}: a dishwasher reports its tablet reservoir, signed
 * like every device request, and learns when it will run out; and {@link Replenishing#assess}, which
 * the automatic ordering is to call after each report.
 */
@CornerTest
class SlotStatusContractTest extends ContractTest {

    static final String PATH = "/device/v1/slots/tablets/status";

    @Autowired
    Replenishing replenishing;

    @Autowired
    SlotReadings readings;

    private DeviceClient dishwasher;
    private DeviceId dishwasherId;
    private Instant now;

    @BeforeEach
    void aClaimedDishwasher() {
        now = Instant.parse("2026-11-23T12:00:00Z");
        clock.setTo(now);
        var appliance = appliance(town.account("MAKER"), "tablets", "tablet", 40);
        dishwasher = appliance.client();
        dishwasherId = new DeviceId(appliance.deviceId());
    }

    record Appliance(DeviceClient client, String deviceId, Account household) {}

    private Appliance appliance(Account maker, String slotId, String unit, long capacity) {
        var model = api.post(
                "/api/v1/device-models",
                maker.token(),
                Map.of(
                        "name",
                        "Dishwasher",
                        "kind",
                        "APPLIANCE",
                        "slots",
                        List.of(Map.of("slotId", slotId, "unit", unit, "capacity", capacity))));
        assertThat(model.status()).as(model.raw()).isEqualTo(201);
        var provisioned = api.post(
                "/api/v1/device-models/" + model.text("modelId") + "/devices",
                maker.token(),
                Map.of("serials", List.of("DW-" + UUID.randomUUID())));
        assertThat(provisioned.status()).as(provisioned.raw()).isEqualTo(201);
        var device = provisioned.body().get("devices").get(0);
        var household = town.account("HOUSEHOLD");
        var claimed = api.post(
                "/api/v1/devices/claims",
                household.token(),
                Map.of(
                        "serial", device.get("serial").asString(),
                        "claimCode", device.get("claimCode").asString()));
        assertThat(claimed.status()).as(claimed.raw()).isEqualTo(201);
        var deviceId = device.get("deviceId").asString();
        return new Appliance(
                new DeviceClient(api, deviceId, device.get("secret").asString(), clock), deviceId, household);
    }

    private static String status(double remaining, double capacity, String unit, Instant measuredAt) {
        return String.format(
                Locale.ROOT,
                "{\"remaining\":%s,\"capacity\":%s,\"unit\":\"%s\",\"measuredAt\":\"%s\"}",
                remaining,
                capacity,
                unit,
                measuredAt);
    }

    private Api.Response report(double remaining, Instant measuredAt) {
        return dishwasher.post(PATH, status(remaining, 40, "tablet", measuredAt));
    }

    /** Five days of two tablets a day, read every six hours: 40 left five days ago, 30 now. */
    private Api.Response fiveDaysOfTwoADay() {
        Api.Response last = null;
        for (int hour = 0; hour <= 5 * 24; hour += 6) {
            var measured = now.minus(Duration.ofHours(5 * 24 - hour));
            last = report(40 - 2.0 * hour / 24, measured);
            assertThat(last.status()).as(last.raw()).isEqualTo(200);
        }
        return last;
    }

    @Test
    void aFirstReportIsTakenWithoutAForecast() {
        var answer = report(40, now);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.text("result")).isEqualTo("OK");
        assertThat(answer.body().has("expectedDepletion")).isTrue();
        assertThat(answer.body().get("expectedDepletion").isNull()).isTrue();
        assertThat(answer.body().get("ratePerDay").isNull()).isTrue();
    }

    @Test
    void daysOfReportsGiveTheRateAndWhenTheSlotRunsEmpty() {
        var answer = fiveDaysOfTwoADay();

        assertThat(answer.body().get("ratePerDay").asDouble()).isCloseTo(2.0, within(0.01));
        // 30 tablets at 2 a day: empty in 15 days.
        var depletion = Instant.parse(answer.text("expectedDepletion"));
        assertThat(depletion)
                .isBetween(now.plus(Duration.ofHours(15 * 24 - 1)), now.plus(Duration.ofHours(15 * 24 + 1)));
        assertThat(depletion.getNano()).isZero();
    }

    @Test
    void aRefillMovesTheDepletionOutWithoutChangingTheRate() {
        fiveDaysOfTwoADay();
        clock.setTo(now.plus(Duration.ofHours(6)));

        var refilled = report(40, now.plus(Duration.ofHours(6)));

        assertThat(refilled.body().get("ratePerDay").asDouble()).isCloseTo(2.0, within(0.05));
        var depletion = Instant.parse(refilled.text("expectedDepletion"));
        assertThat(Duration.between(now.plus(Duration.ofHours(6)), depletion).toHours())
                .isBetween(19L * 24, 21L * 24);
    }

    @Test
    void aReportSentAgainIsKeptOnce() {
        fiveDaysOfTwoADay();
        var first = report(30, now);

        var resent = report(12, now); // same instant, other value: the first one stands

        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.body()).isEqualTo(first.body());
    }

    @Test
    void theUnitIsOptionalButMustBeTheSlotsWhenGiven() {
        var withoutUnit = dishwasher.post(PATH, "{\"remaining\":12.5,\"capacity\":40,\"measuredAt\":\"" + now + "\"}");
        var otherUnit = dishwasher.post(PATH, status(12, 40, "gram", now.plusSeconds(1)));
        var otherCase = dishwasher.post(PATH, status(12, 40, "Tablet", now.plusSeconds(2)));

        assertThat(withoutUnit.status()).as(withoutUnit.raw()).isEqualTo(200);
        assertThat(otherUnit.status()).isEqualTo(400);
        assertThat(otherUnit.code()).isEqualTo("UNIT_MISMATCH");
        assertThat(otherCase.status()).as(otherCase.raw()).isEqualTo(200);
    }

    @Test
    void impossibleLevelsAreRefusedWithACode() {
        var cases = Map.of(
                status(41, 40, "tablet", now),
                "INVALID_REMAINING",
                status(-1, 40, "tablet", now),
                "INVALID_REMAINING",
                status(0, 0, "tablet", now),
                "INVALID_CAPACITY",
                status(1, -5, "tablet", now),
                "INVALID_CAPACITY",
                "{\"capacity\":40,\"unit\":\"tablet\"}",
                "INVALID_REMAINING",
                "{\"remaining\":3,\"unit\":\"tablet\"}",
                "INVALID_CAPACITY",
                "{\"remaining\":\"lots\",\"capacity\":40}",
                "MALFORMED_BODY",
                "{\"remaining\":3,\"capacity\":40,\"measuredAt\":\"yesterday\"}",
                "MALFORMED_BODY");
        cases.forEach((body, code) -> {
            var refused = dishwasher.post(PATH, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).as(body).isEqualTo(code);
        });
        // Nothing of it was stored: the next good report is still the first.
        assertThat(report(20, now).body().get("ratePerDay").isNull()).isTrue();
    }

    @Test
    void aMeasurementFromTheFutureIsRefusedBeyondTheSignatureWindow() {
        var slightlyAhead = report(30, now.plus(Duration.ofSeconds(290)));
        var tooFarAhead = report(30, now.plus(Duration.ofSeconds(310)));

        assertThat(slightlyAhead.status()).as(slightlyAhead.raw()).isEqualTo(200);
        assertThat(tooFarAhead.status()).isEqualTo(400);
        assertThat(tooFarAhead.code()).isEqualTo("MEASURED_IN_FUTURE");
    }

    @Test
    void withoutMeasuredAtTheReportIsFromNow() {
        fiveDaysOfTwoADay();
        clock.setTo(now.plus(Duration.ofHours(6)));

        var answer = dishwasher.post(PATH, "{\"remaining\":29.5,\"capacity\":40,\"unit\":\"tablet\"}");

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        var depletion = Instant.parse(answer.text("expectedDepletion"));
        assertThat(Duration.between(now.plus(Duration.ofHours(6)), depletion).toHours())
                .isBetween(14L * 24, 15L * 24);
    }

    @Test
    void aDeviceReportsOnlyItsOwnSlots() {
        var otherMaker = town.account("MAKER");
        var coffee = appliance(otherMaker, "beans", "gram", 1000).client();

        var intoTheOthersSlot = dishwasher.post("/device/v1/slots/beans/status", status(10, 1000, "gram", now));
        var unknown = dishwasher.post("/device/v1/slots/nope/status", status(10, 40, "tablet", now));

        assertThat(intoTheOthersSlot.status()).isEqualTo(404);
        assertThat(intoTheOthersSlot.code()).isEqualTo("SLOT_NOT_FOUND");
        assertThat(unknown.status()).isEqualTo(404);
        // The coffee machine's own first report finds no reading before it.
        var own = coffee.post("/device/v1/slots/beans/status", status(900, 1000, "gram", now));
        assertThat(own.status()).as(own.raw()).isEqualTo(200);
        assertThat(own.body().get("ratePerDay").isNull()).isTrue();
    }

    @Test
    void anUnsignedOrWronglySignedReportIsRefusedAndNotStored() {
        var unsigned = api.post(PATH, null, Map.of("remaining", 5, "capacity", 40));
        var wrongSecret = dishwasher.send(
                "POST",
                PATH,
                status(5, 40, "tablet", now),
                now.getEpochSecond(),
                DeviceClient.newNonce(),
                "q83vEjRWeJASNFZ4kKvN7wEjRWeJq83vASNFZ4mrze8=");

        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.code()).isEqualTo("BAD_SIGNATURE");
        assertThat(report(30, now).body().get("ratePerDay").isNull()).isTrue();
    }

    @Test
    void assessingASlotSaysWhenToOrderGivenTheOffersLeadTime() {
        assertThat(replenishing
                        .assess(dishwasherId, "tablets", Duration.ofDays(1))
                        .outcome())
                .isEqualTo(Outcome.NO_FORECAST);
        fiveDaysOfTwoADay(); // 30 left, empty in 15 days

        var soon = replenishing.assess(dishwasherId, "tablets", Duration.ofDays(1));
        var slow = replenishing.assess(dishwasherId, "tablets", Duration.ofDays(14));

        assertThat(soon.outcome()).isEqualTo(Outcome.NOT_YET);
        // 15 days left, less the lead time and the standard margin of 2 days.
        assertThat(Duration.between(now, soon.orderBy().orElseThrow()).toHours())
                .isBetween(12L * 24 - 1, 12L * 24 + 1);
        assertThat(slow.outcome()).isEqualTo(Outcome.ORDER_NOW);
        assertThatThrownBy(() -> replenishing.assess(dishwasherId, "nope", Duration.ofDays(1)))
                .isInstanceOfSatisfying(
                        CornerException.class, e -> assertThat(e.code()).isEqualTo("SLOT_NOT_FOUND"));
    }

    @Test
    void aChattyDeviceIsThinnedToOneReadingAQuarterHour() {
        for (int minute = 0; minute < 14; minute++) {
            var answer = report(30 - minute * 0.01, now.minus(Duration.ofMinutes(14 - minute)));
            assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        }

        var window = readings.latestWindow(dishwasherId, "tablets", Duration.ofDays(42));

        assertThat(window).hasSize(1); // 11:46 to 11:59 lie in one quarter hour
        assertThat(window.get(window.size() - 1).measuredAt()).isEqualTo(now.minus(Duration.ofMinutes(1)));
    }

    @Test
    void aSlotRunningLowOrdersThroughItsPolicyOnceAndTheOrderDedupesLaterReports() {
        var shop = town.shop(10);
        var appliance = appliance(town.account("MAKER"), "tablets", "tablet", 40);
        var bound = api.put(
                "/api/v1/devices/" + appliance.deviceId() + "/slots/tablets",
                appliance.household().token(),
                Map.of(
                        "productIds", List.of(shop.productId()),
                        "strategy", "PREFERRED",
                        "storeIds", List.of(shop.storeId()),
                        "maxUnitPrice", Map.of("amount", 600, "currency", "EUR"),
                        "quantity", 1));
        assertThat(bound.status()).as(bound.raw()).isEqualTo(200);
        var client = appliance.client();
        // Two a day, from 16 four days ago to 8 now: 4 days left, more than 1 day of lead time and 2 of margin.
        Api.Response last = null;
        for (int hour = 0; hour <= 4 * 24; hour += 6) {
            last = client.post(
                    PATH, status(16 - 2.0 * hour / 24, 40, "tablet", now.minus(Duration.ofHours(4 * 24 - hour))));
        }
        assertThat(last.text("result")).as(last.raw()).isEqualTo("OK");
        assertThat(town.level(shop).reserved()).isZero();

        // A day and a half later, 5 left: empty in 2.5 days, within the lead time and margin.
        var later = now.plus(Duration.ofHours(36));
        clock.setTo(later);
        var due = client.post(PATH, status(5, 40, "tablet", later));
        assertThat(due.text("result")).as(due.raw()).isEqualTo("ORDER_PLACED");
        var orderId = due.body().get("order").get("orderId").asString();
        assertThat(town.level(shop).reserved()).isEqualTo(1);
        var again = client.post(PATH, status(5, 40, "tablet", later.plusSeconds(60)));
        assertThat(again.body().get("order").get("orderId").asString()).isEqualTo(orderId);
        clock.setTo(later.plus(Duration.ofHours(1)));
        var next = client.post(PATH, status(4.9, 40, "tablet", later.plus(Duration.ofHours(1))));
        assertThat(next.text("result")).isEqualTo("ORDER_IN_PROGRESS");
        assertThat(town.level(shop).reserved()).isEqualTo(1);
        var orders = api.get("/api/v1/orders", appliance.household().token());
        assertThat(orders.body().get("orders")).hasSize(1);
    }
}
