package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.Concurrently;
import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.DeviceClient;
import dev.corner.Neighbourhood;
import dev.corner.common.CornerException;
import dev.corner.devices.DeviceId;
import dev.corner.devices.PressAnswer;
import dev.corner.devices.Pressing;
import dev.corner.devices.Pressing.Outcome;
import dev.corner.devices.Pressing.PressRequest;
import dev.corner.devices.internal.PressLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Presses answered together, in one transaction: each press gets the answer it would get alone, a
 * bad one leaves the others alone, and presses of one household see each other's orders.
 */
@CornerTest
class PressBatchesContractTest extends ContractTest {

    @Autowired
    Pressing pressing;

    @Autowired
    PressLine line;

    @Autowired
    JdbcClient jdbc;

    private static PressRequest press(Neighbourhood.Device device, String slotId, String pressId, Integer quantity) {
        return new PressRequest(new DeviceId(device.deviceId()), null, slotId, pressId, quantity);
    }

    private static PressRequest press(Neighbourhood.Household household, String pressId) {
        return press(household.device(), "main", pressId, null);
    }

    private static String code(Outcome outcome) {
        assertThat(outcome.failure()).isInstanceOf(CornerException.class);
        return ((CornerException) outcome.failure()).code();
    }

    private long ordersOf(Neighbourhood.Account household) {
        return jdbc.sql("select count(*) from orders where household_id = :household")
                .param("household", household.accountId())
                .query(Long.class)
                .single();
    }

    /** A second button of the household, claimed and bound like its first. */
    private Neighbourhood.Device secondButton(Neighbourhood.Account household, List<String> storeIds, String product) {
        var device = town.provisionedButton(town.account("MAKER"));
        town.claim(household, device);
        var bound = town.bind(household, device, List.of(product), storeIds, 600);
        assertThat(bound.status()).as(bound.raw()).isEqualTo(200);
        return device;
    }

    @Test
    void aBatchAnswersEachPressAsItWouldAloneAndABadPressLeavesTheOthersAlone() {
        var shop = town.shop(10);
        var placing = town.householdWithButton(shop);
        var unknownSlot = town.householdWithButton(shop);
        var tooMany = town.householdWithButton(shop);
        var paused = town.householdWithButton(shop);
        var pause = api.put(
                "/api/v1/devices/" + paused.device().deviceId(),
                paused.account().token(),
                Map.of("paused", true));
        assertThat(pause.status()).as(pause.raw()).isEqualTo(200);

        var outcomes = pressing.pressAll(List.of(
                press(placing, "b-1"),
                press(unknownSlot.device(), "nowhere", "b-2", null),
                press(tooMany.device(), "main", "b-3", 11),
                press(paused, "b-4")));

        assertThat(outcomes.get(0).answer().result()).isEqualTo(PressAnswer.Result.ORDER_PLACED);
        assertThat(code(outcomes.get(1))).isEqualTo("SLOT_NOT_FOUND");
        assertThat(code(outcomes.get(2))).isEqualTo("INVALID_QUANTITY");
        assertThat(outcomes.get(3).answer().result()).isEqualTo(PressAnswer.Result.PAUSED);
        assertThat(ordersOf(placing.account())).isEqualTo(1);
        assertThat(ordersOf(unknownSlot.account()) + ordersOf(tooMany.account()) + ordersOf(paused.account()))
                .isZero();
        assertThat(town.level(shop).reserved()).isEqualTo(1);

        // Sent again, in another batch: the same answers, nothing placed twice.
        var again = pressing.pressAll(List.of(press(paused, "b-4"), press(placing, "b-1")));
        assertThat(again.get(1).answer().orderId())
                .isEqualTo(outcomes.get(0).answer().orderId());
        assertThat(again.get(0).answer().result()).isEqualTo(PressAnswer.Result.PAUSED);
        assertThat(ordersOf(placing.account())).isEqualTo(1);
        assertThat(town.level(shop).reserved()).isEqualTo(1);
    }

    @Test
    void aSlotWithAnOpenOrderIsInProgressAndOneWhoseOrderEndedPlacesAnother() {
        var shop = town.shop(10);
        var open = town.householdWithButton(shop);
        var cancelled = town.householdWithButton(shop);
        var fresh = town.householdWithButton(shop);
        var first = pressing.pressAll(List.of(press(open, "o-1"), press(cancelled, "c-1")));
        var openOrder = first.get(0).answer().orderId();
        var cancelledOrder = first.get(1).answer().orderId();
        var cancel = api.post(
                "/api/v1/orders/" + cancelledOrder + "/cancel",
                cancelled.account().token(),
                null);
        assertThat(cancel.status()).as(cancel.raw()).isEqualTo(200);

        var outcomes = pressing.pressAll(List.of(press(open, "o-2"), press(cancelled, "c-2"), press(fresh, "f-1")));

        assertThat(outcomes.get(0).answer().result()).isEqualTo(PressAnswer.Result.ORDER_IN_PROGRESS);
        assertThat(outcomes.get(0).answer().orderId()).isEqualTo(openOrder);
        assertThat(outcomes.get(1).answer().result()).isEqualTo(PressAnswer.Result.ORDER_PLACED);
        assertThat(outcomes.get(1).answer().orderId()).isNotEqualTo(cancelledOrder);
        assertThat(outcomes.get(2).answer().result()).isEqualTo(PressAnswer.Result.ORDER_PLACED);
        assertThat(ordersOf(open.account())).isEqualTo(1);
        assertThat(ordersOf(cancelled.account())).isEqualTo(2);
        assertThat(town.level(shop).reserved()).isEqualTo(3);
    }

    @Test
    void pressesOfOneHouseholdInABatchShareAPickupAndKeepToItsMonthlyLimit() {
        var shop = town.shop(10);
        var together = town.householdWithButton(shop);
        var second = secondButton(together.account(), List.of(shop.storeId()), shop.productId());

        var both = pressing.pressAll(List.of(press(together, "t-1"), press(second, "main", "t-2", null)));

        assertThat(both)
                .allSatisfy(
                        outcome -> assertThat(outcome.answer().result()).isEqualTo(PressAnswer.Result.ORDER_PLACED));
        assertThat(jdbc.sql("select count(distinct fulfilment_id) from orders where household_id = :household")
                        .param("household", together.account().accountId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        var limited = town.householdWithButton(shop);
        var limitedSecond = secondButton(limited.account(), List.of(shop.storeId()), shop.productId());
        var set = api.put(
                "/api/v1/household/settings",
                limited.account().token(),
                Map.of("monthlyLimit", Map.of("amount", 600, "currency", "EUR")));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);

        var one = pressing.pressAll(List.of(press(limited, "l-1"), press(limitedSecond, "main", "l-2", null)));

        assertThat(one.get(0).answer().result()).isEqualTo(PressAnswer.Result.ORDER_PLACED);
        assertThat(one.get(1).answer().result()).isEqualTo(PressAnswer.Result.LIMIT_EXCEEDED);
        assertThat(one.get(1).answer().reason()).isEqualTo("PER_HOUSEHOLD_PER_MONTH");
        assertThat(ordersOf(limited.account())).isEqualTo(1);
    }

    @Test
    void aCandidateWhoseStockRanOutInTheBatchGivesWayToTheNext() {
        var shop = town.shop(1);
        var otherStore = town.store(shop.merchant());
        town.offer(shop.merchant(), otherStore, shop.productId(), 499);
        town.receive(shop.merchant(), otherStore, shop.productId(), 5);
        var stores = List.of(shop.storeId(), otherStore);
        var first = town.account("HOUSEHOLD");
        var second = town.account("HOUSEHOLD");
        var firstButton = secondButton(first, stores, shop.productId());
        var secondButton = secondButton(second, stores, shop.productId());

        var outcomes = pressing.pressAll(
                List.of(press(firstButton, "main", "s-1", null), press(secondButton, "main", "s-2", null)));

        assertThat(outcomes)
                .allSatisfy(
                        outcome -> assertThat(outcome.answer().result()).isEqualTo(PressAnswer.Result.ORDER_PLACED));
        var storesOrderedFrom = jdbc.sql("select store_id from orders where household_id in (:first, :second)")
                .param("first", first.accountId())
                .param("second", second.accountId())
                .query(String.class)
                .list();
        // The preferred store had one unit: one order there, the other at the next store.
        assertThat(storesOrderedFrom).containsExactlyInAnyOrder(shop.storeId(), otherStore);
    }

    private List<String> queuedPayloads(Neighbourhood.Account owner) {
        return jdbc.sql("""
                        select d.payload from notification_webhook_deliveries d
                        join notification_webhooks w on w.id = d.webhook_id
                        where w.owner_id = :owner and d.event_type = 'order.placed'""")
                .param("owner", owner.accountId())
                .query(String.class)
                .list();
    }

    @Test
    void eachOrderOfABatchIsQueuedForTheMakerAndTheMerchantWithItsOwnDevice() {
        var shop = town.shop(10);
        var maker = town.account("MAKER");
        var devices = new ArrayList<Neighbourhood.Device>();
        for (int i = 0; i < 2; i++) {
            var device = town.provisionedButton(maker);
            var household = town.account("HOUSEHOLD");
            town.claim(household, device);
            assertThat(town.bind(household, device, List.of(shop.productId()), List.of(shop.storeId()), 600)
                            .status())
                    .isEqualTo(200);
            devices.add(device);
        }
        for (var owner : List.of(maker, shop.merchant())) {
            var subscribed = api.post(
                    "/api/v1/webhooks",
                    owner.token(),
                    Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("order.placed")));
            assertThat(subscribed.status()).as(subscribed.raw()).isEqualTo(201);
        }

        var outcomes = pressing.pressAll(
                List.of(press(devices.get(0), "main", "w-1", null), press(devices.get(1), "main", "w-2", null)));

        var toMaker = queuedPayloads(maker);
        var toMerchant = queuedPayloads(shop.merchant());
        assertThat(toMaker).hasSize(2);
        assertThat(toMerchant).hasSize(2);
        for (int i = 0; i < 2; i++) {
            var orderId = outcomes.get(i).answer().orderId();
            var deviceId = devices.get(i).deviceId();
            assertThat(toMaker)
                    .filteredOn(payload -> payload.contains(orderId))
                    .singleElement()
                    .satisfies(payload -> assertThat(payload).contains(deviceId).doesNotContain(shop.storeId()));
            assertThat(toMerchant)
                    .filteredOn(payload -> payload.contains(orderId))
                    .singleElement()
                    .satisfies(payload -> assertThat(payload).contains(shop.storeId()));
        }
    }

    @Test
    void pressesSentAtOnceOverHttpAreCombinedAndEachPlacedOnce() throws InterruptedException {
        var shop = town.shop(100);
        var households = new ArrayList<Neighbourhood.Household>();
        for (int i = 0; i < 12; i++) {
            households.add(town.householdWithButton(shop));
        }
        var before = line.counts();
        var presses = new ArrayList<Callable<String>>();
        for (var household : households) {
            var device = new DeviceClient(
                    api, household.device().deviceId(), household.device().secret(), clock);
            presses.add(() -> device.press("main", "at-once").text("result"));
        }

        var results = Concurrently.run(presses);

        var after = line.counts();
        assertThat(results).containsOnly("ORDER_PLACED");
        assertThat(after[1] - before[1]).isEqualTo(12);
        assertThat(after[0] - before[0]).as("batches for 12 presses at once").isLessThan(12);
        assertThat(town.level(shop).reserved()).isEqualTo(12);
        for (var household : households) {
            assertThat(ordersOf(household.account())).isEqualTo(1);
        }
    }

    @Test
    void wronglySignedPressesAmongOthersAreRefusedAndLeaveNoTrace() throws InterruptedException {
        var shop = town.shop(100);
        var households = new ArrayList<Neighbourhood.Household>();
        for (int i = 0; i < 12; i++) {
            households.add(town.householdWithButton(shop));
        }
        var otherSecret = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        var presses = new ArrayList<Callable<String>>();
        for (int i = 0; i < households.size(); i++) {
            var household = households.get(i);
            var secret = i % 3 == 0 ? otherSecret : household.device().secret();
            var device = new DeviceClient(api, household.device().deviceId(), secret, clock);
            presses.add(() -> {
                var answer = device.press("main", "mixed");
                return answer.status() == 200 ? answer.text("result") : answer.status() + " " + answer.code();
            });
        }

        var results = Concurrently.run(presses);

        for (int i = 0; i < households.size(); i++) {
            var household = households.get(i);
            var nonces = jdbc.sql("select count(*) from device_nonces where device_id = :device")
                    .param("device", household.device().deviceId())
                    .query(Long.class)
                    .single();
            if (i % 3 == 0) {
                assertThat(results.get(i)).isEqualTo("401 BAD_SIGNATURE");
                assertThat(ordersOf(household.account()) + nonces).isZero();
            } else {
                assertThat(results.get(i)).isEqualTo("ORDER_PLACED");
                assertThat(ordersOf(household.account())).isEqualTo(1);
                assertThat(nonces).isEqualTo(1);
            }
        }
        assertThat(town.level(shop).reserved()).isEqualTo(8);
    }
}
