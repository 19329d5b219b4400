package dev.corner.orders;

import dev.corner.common.Ids;

/** The id of an order. */
public record OrderId(String value) {
    public OrderId {
        Ids.requireValid(value, "orderId");
    }

    @Override
    public String toString() {
        return value;
    }
}
