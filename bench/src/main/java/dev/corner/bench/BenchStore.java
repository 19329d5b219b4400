package dev.corner.bench;

import dev.corner.simulator.JsonClient;

/** A store a benchmark sets up through the REST API as its merchant: products, prices and stock. */
record BenchStore(JsonClient api, String merchant, String storeId) {

    /** Opens a store for a new merchant account, in EUR, in Berlin. */
    static BenchStore open(JsonClient api, String name) {
        var merchant = api.account("MERCHANT");
        var store = JsonClient.field(
                api.post(
                        "/api/v1/stores",
                        merchant,
                        "{\"name\":\"" + name
                                + "\",\"address\":\"Loop 1\",\"latitude\":52.5,\"longitude\":13.4,\"currency\":\"EUR\"}"),
                "storeId");
        return new BenchStore(api, merchant, store);
    }

    /** Adds a product with a fresh GTIN, offers it at {@code cents} and receives {@code stock} units. */
    String stocked(String name, long cents, long stock) {
        var product = JsonClient.field(
                api.post(
                        "/api/v1/products",
                        merchant,
                        "{\"gtin\":\"" + JsonClient.gtin() + "\",\"name\":\"" + name
                                + "\",\"brand\":\"Bench\",\"unit\":\"pc\"}"),
                "productId");
        api.put(
                "/api/v1/stores/" + storeId + "/offers/" + product,
                merchant,
                "{\"price\":{\"amount\":" + cents + ",\"currency\":\"EUR\"}}");
        api.post(
                "/api/v1/stores/" + storeId + "/stock/receipts",
                merchant,
                "{\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":" + stock + "}]}");
        return product;
    }
}
