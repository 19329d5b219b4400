package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.ContractTest;
import dev.corner.CornerTest;
import dev.corner.Neighbourhood;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Step 1: a merchant opens a store, adds a product, prices it, receives stock and reads it. */
@CornerTest
class MerchantContractTest extends ContractTest {

    @Test
    void aMerchantStocksAStoreAndReadsItsStock() {
        var merchant = town.account("MERCHANT");
        var storeId = town.store(merchant);
        var productId = town.product(merchant);
        town.offer(merchant, storeId, productId, 349);
        town.receive(merchant, storeId, productId, 12);
        town.receive(merchant, storeId, productId, 3);

        var stock = town.stock(merchant, storeId, productId);
        assertThat(stock.status()).isEqualTo(200);
        assertThat(stock.body().get("onHand").asLong()).isEqualTo(15);
        assertThat(stock.body().get("reserved").asLong()).isZero();
        assertThat(stock.body().get("available").asLong()).isEqualTo(15);
    }

    @Test
    void aKnownGtinAnswers409WithTheExistingProduct() {
        var merchant = town.account("MERCHANT");
        var gtin = Neighbourhood.randomGtin();
        var first = api.post(
                "/api/v1/products", merchant.token(), Map.of("gtin", gtin, "name", "Milk", "brand", "A", "unit", "l"));
        var second = api.post(
                "/api/v1/products", merchant.token(), Map.of("gtin", gtin, "name", "Other", "brand", "B", "unit", "l"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("PRODUCT_EXISTS");
        assertThat(second.text("productId")).isEqualTo(first.text("productId"));

        var found = api.get("/api/v1/products?gtin=" + gtin, merchant.token());
        assertThat(found.body().get("products").get(0).get("name").asString()).isEqualTo("Milk");
    }

    @Test
    void aGtinWithAWrongCheckDigitIsRefused() {
        var merchant = town.account("MERCHANT");
        var gtin = Neighbourhood.randomGtin();
        var wrong = gtin.substring(0, 12) + (char) ('0' + (gtin.charAt(12) - '0' + 1) % 10);
        var refused = api.post(
                "/api/v1/products", merchant.token(), Map.of("gtin", wrong, "name", "X", "brand", "Y", "unit", "z"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("INVALID_GTIN");
        assertThat(api.get("/api/v1/products?gtin=" + wrong, merchant.token()).code())
                .isEqualTo("INVALID_GTIN");
        assertThat(api.get("/api/v1/products?gtin=" + gtin, merchant.token())
                        .body()
                        .get("products")
                        .size())
                .isZero();
    }

    @Test
    void anotherMerchantsStoreIsNotFound() {
        var shop = town.shop(5);
        var rival = town.account("MERCHANT");
        assertThat(town.stock(rival, shop.storeId(), shop.productId()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/stores/" + shop.storeId(), rival.token()).status())
                .isEqualTo(404);
        var receipt = api.post(
                "/api/v1/stores/" + shop.storeId() + "/stock/receipts",
                rival.token(),
                Map.of("lines", List.of(Map.of("productId", shop.productId(), "quantity", 100))));
        assertThat(receipt.status()).isEqualTo(404);
        var offer = api.put(
                "/api/v1/stores/" + shop.storeId() + "/offers/" + shop.productId(),
                rival.token(),
                Map.of("price", Map.of("amount", 1, "currency", "EUR")));
        assertThat(offer.status()).isEqualTo(404);
        assertThat(town.level(shop).onHand()).isEqualTo(5);
    }

    @Test
    void aReceiptWithOneBadLineChangesNothing() {
        var shop = town.shop(5);
        var bad = api.post(
                "/api/v1/stores/" + shop.storeId() + "/stock/receipts",
                shop.merchant().token(),
                Map.of(
                        "lines",
                        List.of(
                                Map.of("productId", shop.productId(), "quantity", 10),
                                Map.of("productId", shop.productId(), "quantity", 0))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("INVALID_QUANTITY");
        var unknown = api.post(
                "/api/v1/stores/" + shop.storeId() + "/stock/receipts",
                shop.merchant().token(),
                Map.of(
                        "lines",
                        List.of(
                                Map.of("productId", shop.productId(), "quantity", 10),
                                Map.of("productId", "pr_doesnotexist", "quantity", 1))));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(town.level(shop).onHand()).isEqualTo(5);
    }

    @Test
    void anOfferInAnotherCurrencyOrAtZeroIsRefused() {
        var shop = town.shop(0);
        var path = "/api/v1/stores/" + shop.storeId() + "/offers/" + shop.productId();
        assertThat(api.put(path, shop.merchant().token(), Map.of("price", Map.of("amount", 100, "currency", "USD")))
                        .code())
                .isEqualTo("CURRENCY_MISMATCH");
        assertThat(api.put(path, shop.merchant().token(), Map.of("price", Map.of("amount", 0, "currency", "EUR")))
                        .code())
                .isEqualTo("INVALID_PRICE");
        assertThat(api.put(path, shop.merchant().token(), Map.of("price", Map.of("amount", 10, "currency", "XYZ")))
                        .code())
                .isEqualTo("INVALID_CURRENCY");
    }

    @Test
    void availabilityListsStoresWithStockNearestFirst() {
        var shop = town.shop(4);
        var empty = town.store(shop.merchant());
        town.offer(shop.merchant(), empty, shop.productId(), 200);
        var nearby = api.get(
                "/api/v1/availability?productId=" + shop.productId() + "&latitude=52.50&longitude=13.41&radiusKm=5",
                shop.merchant().token());
        assertThat(nearby.status()).isEqualTo(200);
        var stores = nearby.body().get("stores");
        assertThat(stores.size()).isEqualTo(1);
        assertThat(stores.get(0).get("storeId").asString()).isEqualTo(shop.storeId());
        assertThat(stores.get(0).get("available").asLong()).isEqualTo(4);
        assertThat(stores.get(0).get("price").get("amount").asLong()).isEqualTo(499);
    }

    @Test
    void aHouseholdCannotOpenAStore() {
        var household = town.account("HOUSEHOLD");
        var refused = api.post(
                "/api/v1/stores",
                household.token(),
                Map.of("name", "Mine", "address", "x", "latitude", 1, "longitude", 1, "currency", "EUR"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("ROLE_REQUIRED");
    }

    @Test
    void anEmptyLineOrAnOverlongReferenceIsRefused() {
        var shop = town.shop(2);
        var path = "/api/v1/stores/" + shop.storeId() + "/stock/receipts";
        var lines = new java.util.ArrayList<Object>();
        lines.add(Map.of("productId", shop.productId(), "quantity", 1));
        lines.add(null);
        var empty = api.post(path, shop.merchant().token(), Map.of("lines", lines));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("INVALID_LINE");
        var overlong = api.post(
                path,
                shop.merchant().token(),
                Map.of(
                        "lines",
                        List.of(Map.of("productId", shop.productId(), "quantity", 1)),
                        "reference",
                        "r".repeat(201)));
        assertThat(overlong.code()).isEqualTo("INVALID_REFERENCE");
        assertThat(town.level(shop).onHand()).isEqualTo(2);
    }

    @Test
    void twoLinesOfOneProductAreBookedTogether() {
        var shop = town.shop(0);
        var receipt = api.post(
                "/api/v1/stores/" + shop.storeId() + "/stock/receipts",
                shop.merchant().token(),
                Map.of(
                        "lines",
                        List.of(
                                Map.of("productId", shop.productId(), "quantity", 2),
                                Map.of("productId", shop.productId(), "quantity", 3))));
        assertThat(receipt.status()).isEqualTo(201);
        assertThat(town.level(shop).onHand()).isEqualTo(5);
    }
}
