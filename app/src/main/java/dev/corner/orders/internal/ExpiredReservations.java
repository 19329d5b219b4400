package dev.corner.orders.internal;

import dev.corner.inventory.InventoryEvents.ReservationExpired;
import dev.corner.orders.OrderId;
import dev.corner.orders.Ordering;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** An order whose reserved stock expired cannot be handed over any more: it expires too. */
@Component
class ExpiredReservations {

    private final Ordering ordering;

    ExpiredReservations(Ordering ordering) {
        this.ordering = ordering;
    }

    @ApplicationModuleListener
    void on(ReservationExpired expired) {
        OrderId.fromReservationReference(expired.reference()).ifPresent(ordering::expire);
    }
}
