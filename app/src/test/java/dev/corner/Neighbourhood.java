package dev.corner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Builds the actors of a test through the public HTTP contract, each with fresh unique names. */
public final class Neighbourhood {

    private final Api api;

    public Neighbourhood(Api api) {
        this.api = api;
    }

    public record Account(String accountId, String email, String token) {}

    public record Device(String deviceId, String serial, String secret, String claimCode, String modelId) {}

    public Account account(String role) {
        var email = role.toLowerCase() + "-" + UUID.randomUUID() + "@test.corner.dev";
        var opened = api.post(
                "/api/v1/accounts",
                null,
                Map.of("email", email, "password", "password-1234", "name", role, "role", role));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        var token = api.post("/api/v1/tokens", null, Map.of("email", email, "password", "password-1234"));
        assertThat(token.status()).as(token.raw()).isEqualTo(201);
        return new Account(opened.text("accountId"), email, token.text("token"));
    }

    public String store(Account merchant) {
        return store(merchant, 52.50 + ThreadLocalRandom.current().nextDouble(0.01), 13.41);
    }

    public String store(Account merchant, double latitude, double longitude) {
        var store = api.post(
                "/api/v1/stores",
                merchant.token(),
                Map.of(
                        "name",
                        "Test Store " + UUID.randomUUID(),
                        "address",
                        "Teststraße 1",
                        "latitude",
                        latitude,
                        "longitude",
                        longitude,
                        "currency",
                        "EUR"));
        assertThat(store.status()).as(store.raw()).isEqualTo(201);
        return store.text("storeId");
    }

    public static String randomGtin() {
        var body = new StringBuilder("2");
        for (int i = 0; i < 11; i++) {
            body.append(ThreadLocalRandom.current().nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            sum += digit * (i % 2 == 0 ? 3 : 1);
        }
        return body.append((10 - sum % 10) % 10).toString();
    }

    public String product(Account merchant) {
        var product = api.post(
                "/api/v1/products",
                merchant.token(),
                Map.of("gtin", randomGtin(), "name", "Dish tablets", "brand", "Sparkle", "unit", "pack"));
        assertThat(product.status()).as(product.raw()).isEqualTo(201);
        return product.text("productId");
    }

    public void offer(Account merchant, String storeId, String productId, long cents) {
        var offer = api.put(
                "/api/v1/stores/" + storeId + "/offers/" + productId,
                merchant.token(),
                Map.of("price", Map.of("amount", cents, "currency", "EUR")));
        assertThat(offer.status()).as(offer.raw()).isEqualTo(200);
    }

    public void receive(Account merchant, String storeId, String productId, long quantity) {
        var receipt = api.post(
                "/api/v1/stores/" + storeId + "/stock/receipts",
                merchant.token(),
                Map.of("lines", List.of(Map.of("productId", productId, "quantity", quantity))));
        assertThat(receipt.status()).as(receipt.raw()).isEqualTo(201);
    }

    public Api.Response stock(Account merchant, String storeId, String productId) {
        return api.get("/api/v1/stores/" + storeId + "/stock/" + productId, merchant.token());
    }

    /** The shop's stock of its product, as the merchant reads it. */
    public record Level(long onHand, long reserved, long available) {}

    /** What is on the shelf of one product at a merchant's store. */
    public long onHand(Account merchant, String storeId, String productId) {
        var stock = stock(merchant, storeId, productId);
        assertThat(stock.status()).as(stock.raw()).isEqualTo(200);
        return stock.body().get("onHand").asLong();
    }

    public Level level(Shop shop) {
        var stock = stock(shop.merchant(), shop.storeId(), shop.productId());
        assertThat(stock.status()).as(stock.raw()).isEqualTo(200);
        var body = stock.body();
        return new Level(
                body.get("onHand").asLong(),
                body.get("reserved").asLong(),
                body.get("available").asLong());
    }

    public Device provisionedButton(Account maker) {
        var model = api.post(
                "/api/v1/device-models",
                maker.token(),
                Map.of(
                        "name",
                        "Button",
                        "kind",
                        "BUTTON",
                        "slots",
                        List.of(Map.of("slotId", "main", "unit", "pack", "capacity", 1))));
        assertThat(model.status()).as(model.raw()).isEqualTo(201);
        var serial = "SN-" + UUID.randomUUID();
        var provisioned = api.post(
                "/api/v1/device-models/" + model.text("modelId") + "/devices",
                maker.token(),
                Map.of("serials", List.of(serial)));
        assertThat(provisioned.status()).as(provisioned.raw()).isEqualTo(201);
        var device = provisioned.body().get("devices").get(0);
        return new Device(
                device.get("deviceId").asString(),
                device.get("serial").asString(),
                device.get("secret").asString(),
                device.get("claimCode").asString(),
                model.text("modelId"));
    }

    public void claim(Account household, Device device) {
        var claimed = api.post(
                "/api/v1/devices/claims",
                household.token(),
                Map.of("serial", device.serial(), "claimCode", device.claimCode()));
        assertThat(claimed.status()).as(claimed.raw()).isEqualTo(201);
        assertThat(claimed.text("deviceId")).isEqualTo(device.deviceId());
    }

    public Api.Response bind(
            Account household, Device device, List<String> productIds, List<String> storeIds, long cap) {
        return api.put(
                "/api/v1/devices/" + device.deviceId() + "/slots/main",
                household.token(),
                Map.of(
                        "productIds",
                        productIds,
                        "strategy",
                        "PREFERRED",
                        "storeIds",
                        storeIds,
                        "maxUnitPrice",
                        Map.of("amount", cap, "currency", "EUR"),
                        "quantity",
                        1,
                        "fulfillment",
                        "PICKUP",
                        "consent",
                        "CANCEL_WINDOW"));
    }

    /** A merchant with a store that offers one product at 499 with the given stock. */
    public record Shop(Account merchant, String storeId, String productId) {}

    public Shop shop(long stock) {
        var merchant = account("MERCHANT");
        var storeId = store(merchant);
        var productId = product(merchant);
        offer(merchant, storeId, productId, 499);
        if (stock > 0) {
            receive(merchant, storeId, productId, stock);
        }
        return new Shop(merchant, storeId, productId);
    }

    /** A member of the shop's staff, signed in, with the given rights at its registers. */
    public Account staff(Shop shop, boolean canDiscount, boolean canRefund) {
        var email = "staff-" + UUID.randomUUID() + "@test.corner.dev";
        var added = api.post(
                "/api/v1/stores/" + shop.storeId() + "/staff",
                shop.merchant().token(),
                Map.of(
                        "email", email,
                        "name", "Sam Staff",
                        "password", "password-1234",
                        "canDiscount", canDiscount,
                        "canRefund", canRefund));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        var token = api.post("/api/v1/tokens", null, Map.of("email", email, "password", "password-1234"));
        assertThat(token.status()).as(token.raw()).isEqualTo(201);
        return new Account(added.text("accountId"), email, token.text("token"));
    }

    /** A household with a claimed button bound to the shop's product. */
    public record Household(Account account, Device device) {}

    public Household householdWithButton(Shop shop) {
        var household = account("HOUSEHOLD");
        var device = provisionedButton(account("MAKER"));
        claim(household, device);
        var bound = bind(household, device, List.of(shop.productId()), List.of(shop.storeId()), 600);
        assertThat(bound.status()).as(bound.raw()).isEqualTo(200);
        return new Household(household, device);
    }
}
