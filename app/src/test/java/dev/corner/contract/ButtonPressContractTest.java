package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.corner.Concurrently;
import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.DeviceClient;
import dev.corner.Neighbourhood;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Steps 2 to 5: a maker provisions a button, a household claims and binds it, a signed press
 * places one order with one unit reserved, repeats are acknowledged, and cancelling releases it.
 */
@CornerTest
class ButtonPressContractTest extends ContractTest {

    private DeviceClient button(Neighbourhood.Household household) {
        return new DeviceClient(
                api, household.device().deviceId(), household.device().secret(), clock);
    }

    @Test
    void provisioningShowsTheSecretAndClaimCodeOnceAndStoresNeitherInClear() {
        var device = town.provisionedButton(town.account("MAKER"));
        assertThat(java.util.Base64.getDecoder().decode(device.secret())).hasSize(32);
        assertThat(device.claimCode()).hasSize(10);
    }

    @Test
    void aPressPlacesAnOrderAndReservesOneUnit() {
        var shop = town.shop(3);
        var household = town.householdWithButton(shop);

        var press = button(household).press("main", "press-1");

        assertThat(press.status()).as(press.raw()).isEqualTo(200);
        assertThat(press.text("result")).isEqualTo("ORDER_PLACED");
        assertThat(press.text("orderId")).isNotBlank();
        assertThat(press.text("cancelUntil")).isNotBlank();
        assertThat(press.body().get("price").get("amount").asLong()).isEqualTo(499);
        var stock =
                town.stock(shop.merchant(), shop.storeId(), shop.productId()).body();
        assertThat(stock.get("onHand").asLong()).isEqualTo(3);
        assertThat(stock.get("reserved").asLong()).isEqualTo(1);
        assertThat(stock.get("available").asLong()).isEqualTo(2);

        var order = api.get(
                "/api/v1/orders/" + press.text("orderId"), household.account().token());
        assertThat(order.text("status")).isEqualTo("PLACED");
        assertThat(order.text("storeId")).isEqualTo(shop.storeId());
        assertThat(order.body().get("total").get("amount").asLong()).isEqualTo(499);
        assertThat(order.body().get("lines").get(0).get("productId").asString()).isEqualTo(shop.productId());
        assertThat(order.text("cancelUntil")).isEqualTo(press.text("cancelUntil"));
    }

    @Test
    void aSecondPressWhileTheOrderIsOpenOrdersNothing() {
        var shop = town.shop(3);
        var household = town.householdWithButton(shop);
        var first = button(household).press("main", "press-1");

        var second = button(household).press("main", "press-2");

        assertThat(second.text("result")).isEqualTo("ORDER_IN_PROGRESS");
        assertThat(second.text("orderId")).isEqualTo(first.text("orderId"));
        assertThat(api.get("/api/v1/orders", household.account().token())
                        .body()
                        .get("orders")
                        .size())
                .isEqualTo(1);
        assertThat(town.level(shop).reserved()).isEqualTo(1);
    }

    @Test
    void theSamePressIdAgainReturnsTheFirstAnswer() {
        var shop = town.shop(3);
        var household = town.householdWithButton(shop);
        var first = button(household).press("main", "press-1");
        var again = button(household).press("main", "press-1");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.text("result")).isEqualTo("ORDER_PLACED");
    }

    @Test
    void concurrentPressesOfOneSlotPlaceExactlyOneOrder() throws Exception {
        var shop = town.shop(10);
        var household = town.householdWithButton(shop);
        var device = button(household);
        var presses = new ArrayList<Callable<String>>();
        for (int i = 0; i < 8; i++) {
            var pressId = "storm-" + i;
            presses.add(() -> device.press("main", pressId).text("result"));
        }
        var results = Concurrently.run(presses);
        assertThat(results).filteredOn("ORDER_PLACED"::equals).hasSize(1);
        assertThat(results).filteredOn("ORDER_IN_PROGRESS"::equals).hasSize(7);
        assertThat(town.level(shop).reserved()).isEqualTo(1);
    }

    @Test
    void theHouseholdCancelsWithinTheWindowAndTheReservationIsReleased() {
        var shop = town.shop(1);
        var household = town.householdWithButton(shop);
        var orderId = button(household).press("main", "press-1").text("orderId");
        assertThat(town.level(shop).available()).isZero();
        assertThat(openOrderOfSlot(household)).isEqualTo(orderId);

        var cancelled = api.post(
                "/api/v1/orders/" + orderId + "/cancel", household.account().token(), null);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        var stock =
                town.stock(shop.merchant(), shop.storeId(), shop.productId()).body();
        assertThat(stock.get("reserved").asLong()).isZero();
        assertThat(stock.get("available").asLong()).isEqualTo(1);
        var listed =
                api.get("/api/v1/orders", household.account().token()).body().get("orders");
        assertThat(listed.get(0).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(openOrderOfSlot(household)).isNull();

        // The slot is free again: the next press orders anew.
        var next = button(household).press("main", "press-2");
        assertThat(next.text("result")).isEqualTo("ORDER_PLACED");
        assertThat(next.text("orderId")).isNotEqualTo(orderId);
        // ...and that new order is the slot's open one now.
        var again = button(household).press("main", "press-3");
        assertThat(again.text("result")).isEqualTo("ORDER_IN_PROGRESS");
        assertThat(again.text("orderId")).isEqualTo(next.text("orderId"));
        assertThat(openOrderOfSlot(household)).isEqualTo(next.text("orderId"));
    }

    /** The slot's open order as the household's device list shows it, null when none is open. */
    private String openOrderOfSlot(Neighbourhood.Household household) {
        for (var device :
                api.get("/api/v1/devices", household.account().token()).body().get("devices")) {
            if (device.get("deviceId").asString().equals(household.device().deviceId())) {
                var open = device.get("slots").get(0).get("openOrderId");
                return open == null || open.isNull() ? null : open.asString();
            }
        }
        throw new AssertionError("the device is not listed");
    }

    @Test
    void cancellingTwiceOrAfterTheWindowIsRefused() {
        var shop = town.shop(2);
        var household = town.householdWithButton(shop);
        var orderId = button(household).press("main", "press-1").text("orderId");

        clock.advance(Duration.ofMinutes(31));
        var late = api.post(
                "/api/v1/orders/" + orderId + "/cancel", household.account().token(), null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("CANCEL_WINDOW_CLOSED");
        assertThat(api.get("/api/v1/orders/" + orderId, household.account().token())
                        .text("status"))
                .isEqualTo("PLACED");
        assertThat(town.level(shop).reserved()).isEqualTo(1);
    }

    @Test
    void anotherHouseholdNeitherSeesNorCancelsTheOrder() {
        var shop = town.shop(2);
        var household = town.householdWithButton(shop);
        var orderId = button(household).press("main", "press-1").text("orderId");
        var neighbour = town.account("HOUSEHOLD");

        assertThat(api.get("/api/v1/orders/" + orderId, neighbour.token()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/orders/" + orderId + "/cancel", neighbour.token(), null)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/orders", neighbour.token())
                        .body()
                        .get("orders")
                        .size())
                .isZero();
        assertThat(api.get("/api/v1/orders/" + orderId, shop.merchant().token()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/orders/" + orderId, household.account().token())
                        .text("status"))
                .isEqualTo("PLACED");
    }

    @Test
    void aPressFindsNothingWithinThePolicyWhenStockOrPriceDoNotFit() {
        var shop = town.shop(0);
        var household = town.householdWithButton(shop);
        var emptyShelf = button(household).press("main", "empty-shelf");
        assertThat(emptyShelf.text("result")).isEqualTo("UNAVAILABLE");
        assertThat(emptyShelf.text("reason")).isEqualTo("OUT_OF_STOCK");

        town.receive(shop.merchant(), shop.storeId(), shop.productId(), 5);
        town.offer(shop.merchant(), shop.storeId(), shop.productId(), 601); // the cap is 600
        var tooDear = button(household).press("main", "too-dear");
        assertThat(tooDear.text("result")).isEqualTo("UNAVAILABLE");
        assertThat(tooDear.text("reason")).isEqualTo("ABOVE_PRICE_CAP");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.get(
                                        "/api/v1/notifications",
                                        household.account().token())
                                .raw())
                        .contains("PRESS_REFUSED", "every offer is above your price cap", "out of stock"));

        town.offer(shop.merchant(), shop.storeId(), shop.productId(), 600);
        assertThat(button(household).press("main", "fits").text("result")).isEqualTo("ORDER_PLACED");
    }

    @Test
    void thePreferredProductIsOrderedFirstAndTheNextOneWhenItRunsOut() {
        var shop = town.shop(0);
        var second = town.product(shop.merchant());
        town.offer(shop.merchant(), shop.storeId(), second, 450);
        town.receive(shop.merchant(), shop.storeId(), second, 3);
        var household = town.account("HOUSEHOLD");
        var device = town.provisionedButton(town.account("MAKER"));
        town.claim(household, device);
        town.bind(household, device, List.of(shop.productId(), second), List.of(shop.storeId()), 600);

        var press = new DeviceClient(api, device.deviceId(), device.secret(), clock).press("main", "p");

        assertThat(press.text("result")).isEqualTo("ORDER_PLACED");
        assertThat(press.body().get("product").get("productId").asString()).isEqualTo(second);
    }

    @Test
    void anUnboundSlotIsNotConfiguredAndAPausedDeviceIsPaused() {
        var household = town.account("HOUSEHOLD");
        var device = town.provisionedButton(town.account("MAKER"));
        town.claim(household, device);
        var client = new DeviceClient(api, device.deviceId(), device.secret(), clock);
        assertThat(client.press("main", "p1").text("result")).isEqualTo("NOT_CONFIGURED");

        var paused = api.put("/api/v1/devices/" + device.deviceId(), household.token(), Map.of("paused", true));
        assertThat(paused.status()).isEqualTo(200);
        assertThat(client.press("main", "p2").text("result")).isEqualTo("PAUSED");
        assertThat(client.press("nope", "p3").status()).isEqualTo(404);
    }

    @Test
    void aClaimNeedsTheRightCodeAndADeviceIsClaimedOnce() {
        var device = town.provisionedButton(town.account("MAKER"));
        var household = town.account("HOUSEHOLD");
        var wrong = api.post(
                "/api/v1/devices/claims",
                household.token(),
                Map.of("serial", device.serial(), "claimCode", "WRONGCODE2"));
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(wrong.code()).isEqualTo("DEVICE_NOT_FOUND");

        town.claim(household, device);
        var other = town.account("HOUSEHOLD");
        var stolen = api.post(
                "/api/v1/devices/claims",
                other.token(),
                Map.of("serial", device.serial(), "claimCode", device.claimCode()));
        assertThat(stolen.status()).isEqualTo(409);
        assertThat(api.put("/api/v1/devices/" + device.deviceId(), other.token(), Map.of("paused", true))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aClaimCodeMayBeTypedInLowerCaseAndInGroupsAsOnTheLabel() {
        var device = town.provisionedButton(town.account("MAKER"));
        var household = town.account("HOUSEHOLD");
        var code = device.claimCode().toLowerCase(java.util.Locale.ROOT);
        var grouped = " " + code.substring(0, 4) + " " + code.substring(4, 8) + "-" + code.substring(8) + " ";

        var claimed = api.post(
                "/api/v1/devices/claims", household.token(), Map.of("serial", device.serial(), "claimCode", grouped));

        assertThat(claimed.status()).as(claimed.raw()).isEqualTo(201);
        assertThat(claimed.text("deviceId")).isEqualTo(device.deviceId());
    }

    @Test
    void aSlotPolicyOutsideWhatIsAvailableIsRefusedWithACode() {
        var shop = town.shop(1);
        var household = town.account("HOUSEHOLD");
        var device = town.provisionedButton(town.account("MAKER"));
        town.claim(household, device);
        var noProducts = town.bind(household, device, List.of(), List.of(shop.storeId()), 600);
        assertThat(noProducts.code()).isEqualTo("INVALID_POLICY");
        var unknownStore = town.bind(household, device, List.of(shop.productId()), List.of("st_unknown"), 600);
        assertThat(unknownStore.status()).isEqualTo(404);
        var delivery = api.put(
                "/api/v1/devices/" + device.deviceId() + "/slots/main",
                household.token(),
                Map.of(
                        "productIds", List.of(shop.productId()),
                        "strategy", "FASTEST",
                        "storeIds", List.of(shop.storeId()),
                        "maxUnitPrice", Map.of("amount", 600, "currency", "EUR"),
                        "fulfillment", "DELIVERY"));
        assertThat(delivery.code()).isEqualTo("UNSUPPORTED_FULFILMENT");
        var client = new DeviceClient(api, device.deviceId(), device.secret(), clock);
        assertThat(client.press("main", "p").text("result")).isEqualTo("NOT_CONFIGURED");
    }

    @Test
    void aFractionalQuantityIsRefusedNotRoundedDown() {
        var household = town.householdWithButton(town.shop(5));
        var refused = button(household).post("/device/v1/slots/main/press", "{\"pressId\":\"half\",\"quantity\":1.5}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("MALFORMED_BODY");
    }

    @Test
    void twoMakersMayUseTheSameSerial() {
        var first = town.provisionedButton(town.account("MAKER"));
        var maker = town.account("MAKER");
        var theirModel = api.post(
                "/api/v1/device-models",
                maker.token(),
                Map.of(
                        "name",
                        "B",
                        "kind",
                        "BUTTON",
                        "slots",
                        List.of(Map.of("slotId", "main", "unit", "pack", "capacity", 1))));
        var second = api.post(
                "/api/v1/device-models/" + theirModel.text("modelId") + "/devices",
                maker.token(),
                Map.of("serials", List.of(first.serial())));
        assertThat(second.status()).isEqualTo(201);
        var household = town.account("HOUSEHOLD");
        town.claim(household, first);
        var again = api.post(
                "/api/v1/device-models/" + theirModel.text("modelId") + "/devices",
                maker.token(),
                Map.of("serials", List.of(first.serial())));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("SERIAL_TAKEN");
    }
}
