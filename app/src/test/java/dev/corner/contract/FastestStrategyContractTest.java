package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.DeviceClient;
import dev.corner.Neighbourhood;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code FASTEST} orders where the order is ready for pickup soonest, by each store's opening
 * hours and preparation time; merchants set their hours.
 */
@CornerTest
class FastestStrategyContractTest extends ContractTest {

    /** Monday 10:00 in Berlin. */
    private static final Instant MONDAY_TEN = LocalDateTime.parse("2026-11-23T10:00")
            .atZone(ZoneId.of("Europe/Berlin"))
            .toInstant();

    private static Map<String, Object> hours(int preparationMinutes, String opens, String closes) {
        var day = List.of(Map.of("opens", opens, "closes", closes));
        return Map.of(
                "timeZone",
                "Europe/Berlin",
                "preparationMinutes",
                preparationMinutes,
                "week",
                Map.of(
                        "MONDAY",
                        day,
                        "TUESDAY",
                        day,
                        "WEDNESDAY",
                        day,
                        "THURSDAY",
                        day,
                        "FRIDAY",
                        day,
                        "SATURDAY",
                        day,
                        "SUNDAY",
                        day));
    }

    private String storeWith(Neighbourhood.Account merchant, String productId, long price, Map<String, Object> hours) {
        var store = town.store(merchant);
        town.offer(merchant, store, productId, price);
        town.receive(merchant, store, productId, 5);
        if (hours != null) {
            var set = api.put("/api/v1/stores/" + store + "/hours", merchant.token(), hours);
            assertThat(set.status()).as(set.raw()).isEqualTo(200);
        }
        return store;
    }

    private String pressWith(String strategy, String productId, List<String> stores) {
        var household = town.account("HOUSEHOLD");
        var device = town.provisionedButton(town.account("MAKER"));
        town.claim(household, device);
        var bound = api.put(
                "/api/v1/devices/" + device.deviceId() + "/slots/main",
                household.token(),
                Map.of(
                        "productIds",
                        List.of(productId),
                        "strategy",
                        strategy,
                        "storeIds",
                        stores,
                        "maxUnitPrice",
                        Map.of("amount", 1000, "currency", "EUR")));
        assertThat(bound.status()).as(bound.raw()).isEqualTo(200);
        var press = new DeviceClient(api, device.deviceId(), device.secret(), clock).press("main", "p-" + strategy);
        assertThat(press.text("result")).as(press.raw()).isEqualTo("ORDER_PLACED");
        return api.get("/api/v1/orders/" + press.text("orderId"), household.token())
                .text("storeId");
    }

    @Test
    void fastestOrdersWhereThePickupIsReadySoonestAndCheapestWhereItCostsLeast() {
        clock.setTo(MONDAY_TEN);
        var merchant = town.account("MERCHANT");
        var product = town.product(merchant);
        var opensAtNoon = storeWith(merchant, product, 399, hours(15, "12:00", "20:00"));
        var alwaysOpenSlow = storeWith(merchant, product, 499, null); // no hours: always open, 30 min
        var openNowQuick = storeWith(merchant, product, 450, hours(10, "08:00", "22:00"));
        var stores = List.of(opensAtNoon, alwaysOpenSlow, openNowQuick);

        assertThat(pressWith("FASTEST", product, stores)).isEqualTo(openNowQuick);
        assertThat(pressWith("CHEAPEST", product, stores)).isEqualTo(opensAtNoon);
        assertThat(pressWith("PREFERRED", product, stores)).isEqualTo(opensAtNoon);

        // The quick store now takes two hours: the always-open one is ready first.
        api.put("/api/v1/stores/" + openNowQuick + "/hours", merchant.token(), hours(120, "08:00", "22:00"));
        assertThat(pressWith("FASTEST", product, stores)).isEqualTo(alwaysOpenSlow);
    }

    @Test
    void storeHoursAreTheOwnersToSetAndAnyoneSignedInMayReadThem() {
        var shop = town.shop(1);
        var defaults = api.get(
                "/api/v1/stores/" + shop.storeId() + "/hours",
                town.account("HOUSEHOLD").token());
        assertThat(defaults.status()).isEqualTo(200);
        assertThat(defaults.body().get("preparationMinutes").asInt()).isEqualTo(30);

        var set = api.put(
                "/api/v1/stores/" + shop.storeId() + "/hours", shop.merchant().token(), hours(20, "07:30", "24:00"));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        var read = api.get(
                "/api/v1/stores/" + shop.storeId() + "/hours", shop.merchant().token());
        assertThat(read.text("timeZone")).isEqualTo("Europe/Berlin");
        assertThat(read.body().get("week").get("SUNDAY").get(0).get("closes").asString())
                .isEqualTo("24:00");

        var other = api.put(
                "/api/v1/stores/" + shop.storeId() + "/hours",
                town.account("MERCHANT").token(),
                hours(5, "08:00", "09:00"));
        assertThat(other.status()).isEqualTo(404);
        var backwards = api.put(
                "/api/v1/stores/" + shop.storeId() + "/hours", shop.merchant().token(), hours(5, "20:00", "08:00"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.code()).isEqualTo("INVALID_HOURS");
        var badZone = new java.util.HashMap<>(hours(5, "08:00", "09:00"));
        badZone.put("timeZone", "Mars/Olympus");
        assertThat(api.put(
                                "/api/v1/stores/" + shop.storeId() + "/hours",
                                shop.merchant().token(),
                                badZone)
                        .code())
                .isEqualTo("INVALID_HOURS");
        assertThat(api.get(
                                "/api/v1/stores/" + shop.storeId() + "/hours",
                                shop.merchant().token())
                        .body()
                        .get("preparationMinutes")
                        .asInt())
                .as("refused changes change nothing")
                .isEqualTo(20);
    }
}
