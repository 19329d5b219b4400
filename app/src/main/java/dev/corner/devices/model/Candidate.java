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

    /**
     * The {@code available} of a candidate whose stock was not read: enough for any quantity, so that
     * the reservation, which checks the stock itself, decides.
     */
    public static final long STOCK_NOT_READ = Long.MAX_VALUE;

    public Candidate(ProductId productId, StoreId storeId, Money price, long available) {
        this(productId, storeId, price, available, null);
    }
}
