package dev.corner.inventory;

import dev.corner.catalog.ProductId;
import dev.corner.stores.StoreId;
import java.time.Instant;

/** What happens to stock, for the modules that react to it. */
public final class InventoryEvents {

    private InventoryEvents() {}

    /** A reservation ran out of time and its stock went back on sale; {@code reference} says whose it was. */
    public record ReservationExpired(
            ReservationId reservationId, StoreId storeId, ProductId productId, String reference) {}

    /**
     * A product's available stock at a store fell to or below its reorder point. Said once per fall:
     * not again until the stock has recovered above the point. {@code alertId} is unique per fall.
     */
    public record LowStockReached(
            String alertId, StoreId storeId, ProductId productId, long available, long reorderPoint, Instant at) {}
}
