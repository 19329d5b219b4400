package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.Api;
import dev.corner.ContractTest;
import dev.corner.CornerTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A POST re-sent with the same Idempotency-Key is done once and answered the same way. */
@CornerTest
class IdempotencyKeyTest extends ContractTest {

    private Api.Response post(String path, String token, Object body, String key) {
        return api.send("POST", path, token, body, Map.of("Idempotency-Key", key));
    }

    @Test
    void aReceiptSentTwiceWithOneKeyIsBookedOnce() {
        var shop = town.shop(0);
        var key = UUID.randomUUID().toString();
        var receipt = Map.of("lines", List.of(Map.of("productId", shop.productId(), "quantity", 4)));
        var path = "/api/v1/stores/" + shop.storeId() + "/stock/receipts";

        var first = post(path, shop.merchant().token(), receipt, key);
        var again = post(path, shop.merchant().token(), receipt, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(town.level(shop).onHand()).isEqualTo(4);
    }

    @Test
    void aStoreCreatedTwiceWithOneKeyExistsOnce() {
        var merchant = town.account("MERCHANT");
        var key = UUID.randomUUID().toString();
        var store = Map.of("name", "Once", "address", "Here 1", "latitude", 52.5, "longitude", 13.4, "currency", "EUR");
        var first = post("/api/v1/stores", merchant.token(), store, key);
        var again = post("/api/v1/stores", merchant.token(), store, key);
        assertThat(again.text("storeId")).isEqualTo(first.text("storeId"));
        assertThat(api.get("/api/v1/stores", merchant.token())
                        .body()
                        .get("stores")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        var shop = town.shop(0);
        var key = UUID.randomUUID().toString();
        var path = "/api/v1/stores/" + shop.storeId() + "/stock/receipts";
        post(
                path,
                shop.merchant().token(),
                Map.of("lines", List.of(Map.of("productId", shop.productId(), "quantity", 1))),
                key);
        var other = post(
                path,
                shop.merchant().token(),
                Map.of("lines", List.of(Map.of("productId", shop.productId(), "quantity", 9))),
                key);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(town.level(shop).onHand()).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirAccount() {
        var key = UUID.randomUUID().toString();
        var store = Map.of("name", "Mine", "address", "Here 1", "latitude", 52.5, "longitude", 13.4, "currency", "EUR");
        var a = post("/api/v1/stores", town.account("MERCHANT").token(), store, key);
        var b = post("/api/v1/stores", town.account("MERCHANT").token(), store, key);
        assertThat(a.status()).isEqualTo(201);
        assertThat(b.status()).isEqualTo(201);
        assertThat(b.text("storeId")).isNotEqualTo(a.text("storeId"));
    }
}
