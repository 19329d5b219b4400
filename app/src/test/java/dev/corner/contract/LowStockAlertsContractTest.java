package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.corner.Api;
import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.Neighbourhood;
import dev.corner.inventory.internal.LowStockWatch;
import dev.corner.stores.StoreId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A product falling to its reorder point alerts its merchant once, and again only after it recovered. */
@CornerTest
class LowStockAlertsContractTest extends ContractTest {

    @Autowired
    LowStockWatch watch;

    private void sell(Neighbourhood.Shop shop, long quantity) {
        var sale = api.post(
                "/api/v1/stores/" + shop.storeId() + "/sales",
                shop.merchant().token(),
                Map.of(
                        "saleId", "t-" + UUID.randomUUID(),
                        "lines", List.of(Map.of("productId", shop.productId(), "quantity", quantity)),
                        "tenders",
                                List.of(Map.of(
                                        "type", "CASH", "amount", Map.of("amount", 100_000, "currency", "EUR")))));
        assertThat(sale.status()).as(sale.raw()).isEqualTo(201);
    }

    /** Reorder point 3 whatever the sales: no lead time, a safety stock of 3. */
    private void reorderAtThree(Neighbourhood.Shop shop) {
        var policy = api.put(
                "/api/v1/stores/" + shop.storeId() + "/stock/" + shop.productId() + "/reorder-policy",
                shop.merchant().token(),
                Map.of("leadTimeDays", 0, "safetyStock", 3, "coverDays", 7));
        assertThat(policy.status()).as(policy.raw()).isEqualTo(200);
    }

    private List<JsonNode> alerts(Neighbourhood.Account account) {
        var inbox = api.get("/api/v1/notifications", account.token());
        assertThat(inbox.status()).as(inbox.raw()).isEqualTo(200);
        var list = new java.util.ArrayList<JsonNode>();
        inbox.body().get("notifications").forEach(list::add);
        return list;
    }

    private void awaitAlerts(Neighbourhood.Account account, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts(account).size() == count);
    }

    /** Nothing new arrives for a while, though every change was checked. */
    private void staysAt(Neighbourhood.Shop shop, int count) {
        watch.checkStore(new StoreId(shop.storeId()));
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> alerts(shop.merchant()).size() == count);
    }

    @Test
    void sellingDownToTheReorderPointAlertsOnceAndFallingAgainAfterARecoveryAlertsAgain() {
        var shop = town.shop(10);
        reorderAtThree(shop);
        staysAt(shop, 0);

        sell(shop, 7); // 3 available: at the point

        awaitAlerts(shop.merchant(), 1);
        var alert = alerts(shop.merchant()).get(0);
        assertThat(alert.get("kind").asString()).isEqualTo("LOW_STOCK");
        assertThat(alert.get("storeId").asString()).isEqualTo(shop.storeId());
        assertThat(alert.get("productId").asString()).isEqualTo(shop.productId());
        assertThat(alert.get("text").asString()).contains("Dish tablets").contains("3 available, reorder point 3");
        assertThat(alert.get("readAt").isNull()).isTrue();

        sell(shop, 1); // still low: no second alert
        staysAt(shop, 1);

        town.receive(shop.merchant(), shop.storeId(), shop.productId(), 5); // 7: recovered
        staysAt(shop, 1);

        var adjusted = api.post(
                "/api/v1/stores/" + shop.storeId() + "/stock/adjustments",
                shop.merchant().token(),
                Map.of(
                        "reason",
                        "DAMAGED",
                        "lines",
                        List.of(Map.of("productId", shop.productId(), "change", -5)))); // 2: low again
        assertThat(adjusted.status()).as(adjusted.raw()).isEqualTo(201);

        awaitAlerts(shop.merchant(), 2);
        assertThat(alerts(shop.merchant()).get(0).get("text").asString()).contains("2 available");
        staysAt(shop, 2);
    }

    @Test
    void aMerchantMarksAnAlertReadAndNoOneElseCan() {
        var shop = town.shop(5);
        reorderAtThree(shop);
        sell(shop, 4);
        awaitAlerts(shop.merchant(), 1);
        var id = alerts(shop.merchant()).get(0).get("notificationId").asString();
        assertThat(api.get("/api/v1/notifications?unread=true", shop.merchant().token())
                        .body()
                        .get("unread")
                        .asLong())
                .isEqualTo(1);

        var stranger = town.account("MERCHANT");
        assertThat(alerts(stranger)).isEmpty();
        Api.Response foreign = api.post("/api/v1/notifications/" + id + "/read", stranger.token(), null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("NOTIFICATION_NOT_FOUND");

        var read = api.post(
                "/api/v1/notifications/" + id + "/read", shop.merchant().token(), null);
        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        assertThat(read.body().get("readAt").isNull()).isFalse();
        var unread =
                api.get("/api/v1/notifications?unread=true", shop.merchant().token());
        assertThat(unread.body().get("unread").asLong()).isZero();
        assertThat(unread.body().get("notifications").size()).isZero();
    }

    @Test
    void theInboxNeedsASignedInCaller() {
        var anonymous = api.get("/api/v1/notifications", null);
        assertThat(anonymous.status()).isEqualTo(401);
    }
}
