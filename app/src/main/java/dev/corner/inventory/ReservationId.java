package dev.corner.inventory;

import dev.corner.common.Ids;

/** The id of a stock reservation. */
public record ReservationId(String value) {
    public ReservationId {
        Ids.requireValid(value, "reservationId");
    }
}
