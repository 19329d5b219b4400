package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.DeviceClient;
import dev.corner.Neighbourhood;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A household may choose that a press while the slot's order is still inside its cancel window adds
 * to that order, up to a maximum, within its limits; otherwise a repeated press orders nothing.
 */
@CornerTest
class RepeatPressesContractTest extends ContractTest {

    private DeviceClient button(Neighbourhood.Household household) {
        return new DeviceClient(
                api, household.device().deviceId(), household.device().secret(), clock);
    }

    private void settings(Neighbourhood.Household household, Map<String, Object> changes) {
        var answer = api.put("/api/v1/household/settings", household.account().token(), changes);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    }

    private long units(Neighbourhood.Household household, String orderId) {
        var order = api.get("/api/v1/orders/" + orderId, household.account().token());
        long units = 0;
        for (var line : order.body().get("lines")) {
            units += line.get("quantity").asLong();
        }
        return units;
    }

    @Test
    void pressesInsideTheCancelWindowAddToTheOrderUpToTheMaximum() {
        var shop = town.shop(10);
        var household = town.householdWithButton(shop);
        settings(household, Map.of("repeatPresses", "ADD_TO_ORDER", "maxOrderQuantity", 3));
        var button = button(household);

        var first = button.press("main", "add-1");
        var second = button.press("main", "add-2");
        var third = button.press("main", "add-3");
        var fourth = button.press("main", "add-4");

        assertThat(first.text("result")).isEqualTo("ORDER_PLACED");
        var orderId = first.text("orderId");
        assertThat(second.text("result")).as(second.raw()).isEqualTo("ORDER_PLACED");
        assertThat(second.text("reason")).isEqualTo("ADDED_TO_ORDER");
        assertThat(second.text("orderId")).isEqualTo(orderId);
        assertThat(second.body().get("total").get("amount").asLong()).isEqualTo(998);
        assertThat(second.text("cancelUntil")).isEqualTo(first.text("cancelUntil"));
        assertThat(third.text("reason")).isEqualTo("ADDED_TO_ORDER");
        assertThat(fourth.text("result")).isEqualTo("ORDER_IN_PROGRESS");
        assertThat(fourth.text("reason")).isEqualTo("MAX_ORDER_QUANTITY");
        assertThat(units(household, orderId)).isEqualTo(3);
        var order = api.get("/api/v1/orders/" + orderId, household.account().token());
        assertThat(order.body().get("total").get("amount").asLong()).isEqualTo(1497);
        assertThat(town.level(shop).reserved()).isEqualTo(3);
        assertThat(api.get("/api/v1/orders", household.account().token())
                        .body()
                        .get("orders")
                        .size())
                .isEqualTo(1);

        var again = button.press("main", "add-2");
        assertThat(again.raw()).as("a re-sent press is answered as before").isEqualTo(second.raw());
        assertThat(units(household, orderId)).isEqualTo(3);

        var cancelled = api.post(
                "/api/v1/orders/" + orderId + "/cancel", household.account().token(), Map.of());
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(town.level(shop).reserved())
                .as("every added unit is released")
                .isZero();
        assertThat(town.level(shop).available()).isEqualTo(10);
    }

    @Test
    void afterTheCancelWindowARepeatedPressOrdersNothing() {
        var shop = town.shop(10);
        var household = town.householdWithButton(shop);
        settings(household, Map.of("repeatPresses", "ADD_TO_ORDER", "cancelWindowMinutes", 5));
        var button = button(household);
        var first = button.press("main", "late-1");

        clock.advance(Duration.ofMinutes(6));
        var late = button.press("main", "late-2");

        assertThat(late.text("result")).isEqualTo("ORDER_IN_PROGRESS");
        assertThat(late.text("orderId")).isEqualTo(first.text("orderId"));
        assertThat(units(household, first.text("orderId"))).isEqualTo(1);
        assertThat(town.level(shop).reserved()).isEqualTo(1);
    }

    @Test
    void addingStaysWithinTheLimitsAndTheStock() {
        var shop = town.shop(2);
        var household = town.householdWithButton(shop);
        settings(
                household,
                Map.of("repeatPresses", "ADD_TO_ORDER", "orderLimit", ConsentAndLimitsContractTest.eur(1200)));
        var button = button(household);
        var first = button.press("main", "lim-1");
        var second = button.press("main", "lim-2");

        var overLimit = button.press("main", "lim-3");

        assertThat(second.text("reason")).isEqualTo("ADDED_TO_ORDER");
        assertThat(overLimit.text("result")).isEqualTo("LIMIT_EXCEEDED");
        assertThat(overLimit.text("reason")).isEqualTo("PER_ORDER");
        assertThat(units(household, first.text("orderId"))).isEqualTo(2);

        settings(household, Map.of("orderLimit", ConsentAndLimitsContractTest.eur(0)));
        var noStock = button.press("main", "lim-4");
        assertThat(noStock.text("result")).as("only 2 units in stock").isEqualTo("ORDER_IN_PROGRESS");
        assertThat(noStock.text("reason")).isEqualTo("NOT_ADDED");
        assertThat(town.level(shop).available()).isZero();
        assertThat(town.level(shop).reserved()).isEqualTo(2);
    }

    @Test
    void byDefaultARepeatedPressOrdersNothingAndTheSettingIsValidated() {
        var shop = town.shop(10);
        var household = town.householdWithButton(shop);
        var now = api.get("/api/v1/household/settings", household.account().token());
        assertThat(now.text("repeatPresses")).isEqualTo("ORDER_IN_PROGRESS");
        assertThat(now.body().get("maxOrderQuantity").asInt()).isEqualTo(5);

        var bad = api.put(
                "/api/v1/household/settings",
                household.account().token(),
                Map.of("repeatPresses", "ADD_TO_ORDER", "maxOrderQuantity", 0));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("INVALID_SETTINGS");
        assertThat(api.get("/api/v1/household/settings", household.account().token())
                        .text("repeatPresses"))
                .as("a refused change changes nothing")
                .isEqualTo("ORDER_IN_PROGRESS");

        var button = button(household);
        button.press("main", "def-1");
        var second = button.press("main", "def-2");
        assertThat(second.text("result")).isEqualTo("ORDER_IN_PROGRESS");
        assertThat(town.level(shop).reserved()).isEqualTo(1);
    }
}
