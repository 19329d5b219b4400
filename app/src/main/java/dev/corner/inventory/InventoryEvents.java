package dev.corner.inventory;

import dev.corner.catalog.ProductId;
import dev.corner.stores.StoreId;

/** What happens to stock, for the modules that react to it. */
public final class InventoryEvents {

    private InventoryEvents() {}

    /** A reservation ran out of time and its stock went back on sale; {@code reference} says whose it was. */
    public record ReservationExpired(
            ReservationId reservationId, StoreId storeId, ProductId productId, String reference) {}
}
