package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.DeviceClient;
import dev.corner.inventory.internal.ReservationExpiry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Adjustments, counts, transfers, the movement ledger and reservation expiry over the HTTP contract. */
@CornerTest
class StockKeepingContractTest extends ContractTest {

    @Autowired
    ReservationExpiry expiry;

    private String stockPath(String storeId) {
        return "/api/v1/stores/" + storeId + "/stock";
    }

    @Test
    void anAdjustmentIsBookedWithItsReasonInTheLedger() {
        var shop = town.shop(10);
        var adjusted = api.post(
                stockPath(shop.storeId()) + "/adjustments",
                shop.merchant().token(),
                Map.of(
                        "reason", "DAMAGED",
                        "note", "dropped a crate",
                        "lines", List.of(Map.of("productId", shop.productId(), "change", -3))));
        assertThat(adjusted.status()).as(adjusted.raw()).isEqualTo(201);
        assertThat(town.level(shop).onHand()).isEqualTo(7);

        var movements = api.get(
                        stockPath(shop.storeId()) + "/" + shop.productId() + "/movements",
                        shop.merchant().token())
                .body()
                .get("movements");
        assertThat(movements.get(0).get("kind").asString()).isEqualTo("ADJUSTED");
        assertThat(movements.get(0).get("reason").asString()).isEqualTo("DAMAGED");
        assertThat(movements.get(0).get("onHandChange").asLong()).isEqualTo(-3);
        assertThat(movements.get(0).get("reference").asString()).isEqualTo("dropped a crate");
        assertThat(movements.get(1).get("kind").asString()).isEqualTo("RECEIVED");
    }

    @Test
    void anAdjustmentWithoutAReasonChangesNothing() {
        var shop = town.shop(10);
        var refused = api.post(
                stockPath(shop.storeId()) + "/adjustments",
                shop.merchant().token(),
                Map.of("lines", List.of(Map.of("productId", shop.productId(), "change", -3))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("INVALID_REASON");
        assertThat(town.level(shop).onHand()).isEqualTo(10);
    }

    @Test
    void aCycleCountSetsTheShelfAndReportsTheVariance() {
        var shop = town.shop(10);
        var other = town.product(shop.merchant());
        town.receive(shop.merchant(), shop.storeId(), other, 4);
        var count = api.post(
                stockPath(shop.storeId()) + "/counts",
                shop.merchant().token(),
                Map.of("kind", "CYCLE", "lines", List.of(Map.of("productId", shop.productId(), "counted", 8))));
        assertThat(count.status()).as(count.raw()).isEqualTo(201);
        var variance = count.body().get("variances").get(0);
        assertThat(variance.get("expected").asLong()).isEqualTo(10);
        assertThat(variance.get("counted").asLong()).isEqualTo(8);
        assertThat(variance.get("variance").asLong()).isEqualTo(-2);
        assertThat(town.level(shop).onHand()).isEqualTo(8);
        assertThat(town.onHand(shop.merchant(), shop.storeId(), other)).isEqualTo(4);
    }

    @Test
    void aFullCountZeroesWhatWasNotFound() {
        var shop = town.shop(10);
        var other = town.product(shop.merchant());
        town.receive(shop.merchant(), shop.storeId(), other, 4);
        var count = api.post(
                stockPath(shop.storeId()) + "/counts",
                shop.merchant().token(),
                Map.of("kind", "FULL", "lines", List.of(Map.of("productId", shop.productId(), "counted", 10))));
        assertThat(count.body().get("variances").size()).isEqualTo(2);
        assertThat(count.body().get("totalVariance").asLong()).isEqualTo(-4);
        assertThat(town.onHand(shop.merchant(), shop.storeId(), other)).isZero();
    }

    @Test
    void aTransferMovesStockBetweenTheMerchantsStores() {
        var shop = town.shop(10);
        var second = town.store(shop.merchant());
        var moved = api.post(
                stockPath(shop.storeId()) + "/transfers",
                shop.merchant().token(),
                Map.of("toStoreId", second, "lines", List.of(Map.of("productId", shop.productId(), "quantity", 4))));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(201);
        assertThat(town.level(shop).onHand()).isEqualTo(6);
        assertThat(town.onHand(shop.merchant(), second, shop.productId())).isEqualTo(4);

        var tooMuch = api.post(
                stockPath(shop.storeId()) + "/transfers",
                shop.merchant().token(),
                Map.of("toStoreId", second, "lines", List.of(Map.of("productId", shop.productId(), "quantity", 7))));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.code()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(town.level(shop).onHand()).isEqualTo(6);
    }

    @Test
    void noTransferToAnotherMerchantsStore() {
        var shop = town.shop(10);
        var rival = town.shop(0);
        var refused = api.post(
                stockPath(shop.storeId()) + "/transfers",
                shop.merchant().token(),
                Map.of(
                        "toStoreId",
                        rival.storeId(),
                        "lines",
                        List.of(Map.of("productId", shop.productId(), "quantity", 1))));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(town.level(shop).onHand()).isEqualTo(10);
    }

    @Test
    void anUncollectedOrdersReservationExpiresAndTheOrderWithIt() {
        var shop = town.shop(2);
        var household = town.householdWithButton(shop);
        var orderId = new DeviceClient(
                        api, household.device().deviceId(), household.device().secret(), clock)
                .press("main", "forgotten")
                .text("orderId");
        assertThat(town.level(shop).reserved()).isEqualTo(1);

        clock.advance(Duration.ofHours(49));
        assertThat(expiry.releaseExpired()).isGreaterThanOrEqualTo(1);

        assertThat(town.level(shop).reserved()).isZero();
        // The order reacts to the expiry event once the release has committed.
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api.get(
                                        "/api/v1/orders/" + orderId,
                                        household.account().token())
                                .text("status"))
                        .isEqualTo("EXPIRED"));
        assertThat(town.level(shop).available()).isEqualTo(2);
    }

    @Test
    void lowStockListsWhatToReorderFromRecentSales() {
        var shop = town.shop(30);
        var plenty = town.product(shop.merchant());
        town.offer(shop.merchant(), shop.storeId(), plenty, 100);
        town.receive(shop.merchant(), shop.storeId(), plenty, 100);
        var sale = api.post(
                "/api/v1/stores/" + shop.storeId() + "/sales",
                shop.merchant().token(),
                Map.of(
                        "saleId", "low-1",
                        "lines", List.of(Map.of("productId", shop.productId(), "quantity", 28)),
                        "tenders",
                                List.of(Map.of("type", "CASH", "amount", Map.of("amount", 20000, "currency", "EUR")))));
        assertThat(sale.status()).isEqualTo(201);
        var policy = api.put(
                stockPath(shop.storeId()) + "/" + shop.productId() + "/reorder-policy",
                shop.merchant().token(),
                Map.of("leadTimeDays", 3, "safetyStock", 2, "coverDays", 7));
        assertThat(policy.status()).isEqualTo(200);

        var low = api.get(stockPath(shop.storeId()) + "/low", shop.merchant().token())
                .body()
                .get("products");

        assertThat(low.size()).isEqualTo(1);
        assertThat(low.get(0).get("productId").asString()).isEqualTo(shop.productId());
        assertThat(low.get(0).get("averageDailySales").asDouble()).isEqualTo(1.0);
        assertThat(low.get(0).get("reorderPoint").asLong()).isEqualTo(5);
        assertThat(low.get(0).get("suggestedOrder").asLong()).isEqualTo(10);
        assertThat(api.get(
                                stockPath(shop.storeId()) + "/low",
                                town.account("MERCHANT").token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theStoresStockStreamPushesEveryCommittedChange() throws Exception {
        var shop = town.shop(5);
        var lines = new java.util.concurrent.LinkedBlockingQueue<String>();
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(api.base() + stockPath(shop.storeId()) + "/stream"))
                .header("Authorization", "Bearer " + shop.merchant().token())
                .header("Accept", "text/event-stream")
                .build();
        var client = java.net.http.HttpClient.newHttpClient();
        var stream = client.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
        try {
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> lines.stream().anyMatch(line -> line.startsWith("event:ready")));
            town.receive(shop.merchant(), shop.storeId(), shop.productId(), 3);

            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> lines.stream()
                            .anyMatch(line -> line.contains(shop.productId()) && line.contains("\"onHand\":8")));
        } finally {
            stream.cancel(true);
        }
        var rival = town.account("MERCHANT");
        assertThat(api.get(stockPath(shop.storeId()) + "/stream", rival.token()).status())
                .isEqualTo(404);
    }
}
