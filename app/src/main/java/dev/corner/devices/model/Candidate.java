package dev.corner.devices.model;

import dev.corner.catalog.ProductId;
import dev.corner.common.Money;
import dev.corner.stores.StoreId;
import java.time.Instant;

/**
 * One product at one store that a slot could order now, at its current price and stock, and when an
 * order placed now would be ready there ({@code readyAt}; null when the store does not open soon or
 * the strategy does not ask).
 */
public record Candidate(ProductId productId, StoreId storeId, Money price, long available, Instant readyAt) {

    public Candidate(ProductId productId, StoreId storeId, Money price, long available) {
        this(productId, storeId, price, available, null);
    }
}
