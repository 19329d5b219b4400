package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.Concurrently;
import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.DeviceClient;
import dev.corner.Neighbourhood;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Orders of one household from one store within two hours go out together: fewer trips. */
@CornerTest
class ConsolidationContractTest extends ContractTest {

    private DeviceClient secondButton(Neighbourhood.Household household, Neighbourhood.Shop shop) {
        var device = town.provisionedButton(town.account("MAKER"));
        town.claim(household.account(), device);
        assertThat(town.bind(household.account(), device, List.of(shop.productId()), List.of(shop.storeId()), 600)
                        .status())
                .isEqualTo(200);
        return new DeviceClient(api, device.deviceId(), device.secret(), clock);
    }

    private String fulfilmentOf(Neighbourhood.Household household, String orderId) {
        return api.get("/api/v1/orders/" + orderId, household.account().token()).text("fulfilmentId");
    }

    @Test
    void ordersWithinTheWindowShareOnePickupAndTheHouseholdSeesTheTripsSaved() {
        clock.setTo(java.time.Instant.parse("2027-05-12T08:00:00Z"));
        var shop = town.shop(10);
        var household = town.householdWithButton(shop);
        var first = new DeviceClient(
                api, household.device().deviceId(), household.device().secret(), clock);
        var second = secondButton(household, shop);

        var a = first.press("main", "c-1").text("orderId");
        clock.advance(Duration.ofMinutes(90));
        var b = second.press("main", "c-2").text("orderId");
        assertThat(fulfilmentOf(household, a)).isNotNull().isEqualTo(fulfilmentOf(household, b));
        var saved = api.get("/api/v1/orders/consolidation", household.account().token());
        assertThat(saved.body().get("orders").asLong()).isEqualTo(2);
        assertThat(saved.body().get("pickupsOrDeliveries").asLong()).isEqualTo(1);
        assertThat(saved.body().get("saved").asLong()).isEqualTo(1);

        // Past the window from the first order, a new pickup begins.
        clock.advance(Duration.ofMinutes(31));
        var c = secondButton(household, shop).press("main", "c-3").text("orderId");
        assertThat(fulfilmentOf(household, c)).isNotEqualTo(fulfilmentOf(household, b));
    }

    @Test
    void ordersPlacedAtTheSameMomentStillShareOnePickup() throws InterruptedException {
        var shop = town.shop(20);
        var household = town.householdWithButton(shop);
        var buttons = new java.util.ArrayList<DeviceClient>();
        buttons.add(new DeviceClient(
                api, household.device().deviceId(), household.device().secret(), clock));
        for (int i = 0; i < 5; i++) {
            buttons.add(secondButton(household, shop));
        }
        var presses = new java.util.ArrayList<java.util.concurrent.Callable<String>>();
        for (int i = 0; i < buttons.size(); i++) {
            var button = buttons.get(i);
            var pressId = "same-moment-" + i;
            presses.add(() -> button.press("main", pressId).text("orderId"));
        }
        var orders = Concurrently.run(presses);

        assertThat(orders).doesNotContainNull().doesNotHaveDuplicates().hasSize(6);
        var pickups = orders.stream()
                .map(order -> fulfilmentOf(household, order))
                .distinct()
                .toList();
        assertThat(pickups).hasSize(1).doesNotContainNull();
        var saved = api.get("/api/v1/orders/consolidation", household.account().token());
        assertThat(saved.body().get("pickupsOrDeliveries").asLong()).isEqualTo(1);
        assertThat(saved.body().get("saved").asLong()).isEqualTo(5);
    }

    @Test
    void aPickupThatHappenedIsNotJoinedAgain() {
        var shop = town.shop(10);
        var household = town.householdWithButton(shop);
        var first = new DeviceClient(
                api, household.device().deviceId(), household.device().secret(), clock);
        var a = first.press("main", "h-1").text("orderId");
        var handed = api.post(
                "/api/v1/stores/" + shop.storeId() + "/orders/" + a + "/handover",
                shop.merchant().token(),
                Map.of());
        assertThat(handed.status()).isEqualTo(200);
        var b = first.press("main", "h-2").text("orderId");
        assertThat(fulfilmentOf(household, b)).isNotEqualTo(fulfilmentOf(household, a));
    }

    @Test
    void anotherHouseholdsOrdersAreNeverJoined() {
        var shop = town.shop(10);
        var one = town.householdWithButton(shop);
        var two = town.householdWithButton(shop);
        var a = new DeviceClient(api, one.device().deviceId(), one.device().secret(), clock)
                .press("main", "x-1")
                .text("orderId");
        var b = new DeviceClient(api, two.device().deviceId(), two.device().secret(), clock)
                .press("main", "x-2")
                .text("orderId");
        assertThat(fulfilmentOf(one, a)).isNotEqualTo(fulfilmentOf(two, b));
    }
}
