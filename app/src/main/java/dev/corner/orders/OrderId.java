package dev.corner.orders;

import dev.corner.common.Ids;

/** The id of an order. */
public record OrderId(String value) {
    public OrderId {
        Ids.requireValid(value, "orderId");
    }

    private static final String RESERVATION_PREFIX = "order:";

    /** How an order's stock reservations name it, so that what happens to them finds the order again. */
    public String asReservationReference() {
        return RESERVATION_PREFIX + value;
    }

    public static java.util.Optional<OrderId> fromReservationReference(String reference) {
        return reference != null && reference.startsWith(RESERVATION_PREFIX)
                ? java.util.Optional.of(new OrderId(reference.substring(RESERVATION_PREFIX.length())))
                : java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
