package dev.corner.orders.model;

import dev.corner.catalog.ProductId;
import dev.corner.common.Money;
import dev.corner.inventory.ReservationId;

/** A product, its quantity and price, and the stock reserved for it. */
public record OrderLine(ProductId productId, String name, long quantity, Money unitPrice, ReservationId reservation) {

    public Money total() {
        return unitPrice.times(quantity);
    }
}
