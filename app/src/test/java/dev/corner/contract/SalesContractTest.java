package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.Api;
import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.Neighbourhood;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Step 6: a cash sale at the till moves stock, computes change, and counts once per saleId. */
@CornerTest
class SalesContractTest extends ContractTest {

    private Api.Response sell(Neighbourhood.Shop shop, String saleId, long quantity, long cash) {
        return api.post(
                "/api/v1/stores/" + shop.storeId() + "/sales",
                shop.merchant().token(),
                Map.of(
                        "saleId", saleId,
                        "lines", List.of(Map.of("productId", shop.productId(), "quantity", quantity)),
                        "tenders",
                                List.of(Map.of("type", "CASH", "amount", Map.of("amount", cash, "currency", "EUR")))));
    }

    private long onHand(Neighbourhood.Shop shop) {
        return town.level(shop).onHand();
    }

    @Test
    void aCashSaleMovesStockAndGivesChange() {
        var shop = town.shop(10);
        var sale = sell(shop, "reg1-0001", 3, 2000);
        assertThat(sale.status()).as(sale.raw()).isEqualTo(201);
        assertThat(sale.text("saleId")).isEqualTo("reg1-0001");
        assertThat(sale.body().get("total").get("amount").asLong()).isEqualTo(1497);
        assertThat(sale.body().get("change").get("amount").asLong()).isEqualTo(503);
        assertThat(sale.body().get("change").get("currency").asString()).isEqualTo("EUR");
        assertThat(onHand(shop)).isEqualTo(7);
    }

    @Test
    void theSameSaleSentTwiceIsRecordedOnce() {
        var shop = town.shop(10);
        var saleId = "reg1-" + UUID.randomUUID();
        var first = sell(shop, saleId, 2, 1000);
        var again = sell(shop, saleId, 2, 1000);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(onHand(shop)).isEqualTo(8);
    }

    @Test
    void theSameSaleSentAgainAfterThePriceRoseIsAnsweredAsRecorded() {
        var shop = town.shop(10);
        var saleId = "reg1-" + UUID.randomUUID();
        var first = sell(shop, saleId, 2, 1000);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        town.offer(shop.merchant(), shop.storeId(), shop.productId(), 600);

        // Priced now, 1000 would no longer cover two; the sale was recorded at the old price.
        var again = sell(shop, saleId, 2, 1000);

        assertThat(again.status()).as(again.raw()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(onHand(shop)).isEqualTo(8);
        var reuse = sell(shop, saleId, 3, 1000);
        assertThat(reuse.status()).isEqualTo(409);
        assertThat(reuse.code()).isEqualTo("SALE_ID_REUSED");
    }

    @Test
    void aSaleIdReusedForOtherGoodsIsRefused() {
        var shop = town.shop(10);
        sell(shop, "reg1-0002", 1, 500);
        var reuse = sell(shop, "reg1-0002", 4, 5000);
        assertThat(reuse.status()).isEqualTo(409);
        assertThat(reuse.code()).isEqualTo("SALE_ID_REUSED");
        assertThat(onHand(shop)).isEqualTo(9);
    }

    @Test
    void tooLittleCashIsRefusedAndChangesNothing() {
        var shop = town.shop(10);
        var short_ = sell(shop, "reg1-0003", 3, 1000);
        assertThat(short_.status()).isEqualTo(400);
        assertThat(short_.code()).isEqualTo("INSUFFICIENT_TENDER");
        assertThat(onHand(shop)).isEqualTo(10);
        // The id was not used up by the refusal.
        assertThat(sell(shop, "reg1-0003", 3, 1500).status()).isEqualTo(201);
    }

    @Test
    void aSaleInAnotherMerchantsStoreIsNotFound() {
        var shop = town.shop(10);
        var rival = town.account("MERCHANT");
        var refused = api.post(
                "/api/v1/stores/" + shop.storeId() + "/sales",
                rival.token(),
                Map.of(
                        "saleId", "x-1",
                        "lines", List.of(Map.of("productId", shop.productId(), "quantity", 1)),
                        "tenders",
                                List.of(Map.of("type", "CASH", "amount", Map.of("amount", 500, "currency", "EUR")))));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(onHand(shop)).isEqualTo(10);
    }

    @Test
    void aSaleOfAProductTheStoreDoesNotPriceIsRefused() {
        var shop = town.shop(10);
        var unpriced = town.product(shop.merchant());
        var refused = api.post(
                "/api/v1/stores/" + shop.storeId() + "/sales",
                shop.merchant().token(),
                Map.of(
                        "saleId", "reg1-0004",
                        "lines", List.of(Map.of("productId", unpriced, "quantity", 1)),
                        "tenders",
                                List.of(Map.of("type", "CASH", "amount", Map.of("amount", 500, "currency", "EUR")))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("NOT_OFFERED");
    }

    @Test
    void anEmptyTenderIsRefused() {
        var shop = town.shop(10);
        var tenders = new java.util.ArrayList<Object>();
        tenders.add(null);
        var refused = api.post(
                "/api/v1/stores/" + shop.storeId() + "/sales",
                shop.merchant().token(),
                Map.of(
                        "saleId",
                        "reg1-0005",
                        "lines",
                        List.of(Map.of("productId", shop.productId(), "quantity", 1)),
                        "tenders",
                        tenders));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("INVALID_TENDER");
    }

    @Test
    void concurrentSalesOfTheSameProductsInOppositeOrderAllGoThrough() throws Exception {
        var shop = town.shop(100);
        var other = town.product(shop.merchant());
        town.offer(shop.merchant(), shop.storeId(), other, 100);
        var sales = new java.util.ArrayList<java.util.concurrent.Callable<Integer>>();
        for (int i = 0; i < 16; i++) {
            var first = i % 2 == 0 ? shop.productId() : other;
            var second = i % 2 == 0 ? other : shop.productId();
            var saleId = "crossed-" + i;
            sales.add(() -> api.post(
                            "/api/v1/stores/" + shop.storeId() + "/sales",
                            shop.merchant().token(),
                            Map.of(
                                    "saleId", saleId,
                                    "lines",
                                            List.of(
                                                    Map.of("productId", first, "quantity", 1),
                                                    Map.of("productId", second, "quantity", 1)),
                                    "tenders",
                                            List.of(Map.of(
                                                    "type",
                                                    "CASH",
                                                    "amount",
                                                    Map.of("amount", 1000, "currency", "EUR")))))
                    .status());
        }
        assertThat(dev.corner.Concurrently.run(sales)).containsOnly(201);
        assertThat(town.level(shop).onHand()).isEqualTo(84);
    }
}
