package dev.corner.orders.internal;

import dev.corner.inventory.InventoryEvents.ReservationExpired;
import dev.corner.orders.OrderId;
import dev.corner.orders.Ordering;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An order whose reserved stock expired cannot be handed over any more: it expires too. So does an
 * order that waited for a confirmation that did not come in time.
 */
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

    @Scheduled(fixedDelayString = "${corner.orders.expiry-check}")
    void expireUnconfirmed() {
        while (ordering.expireUnconfirmed() > 0) {
            // Another batch may be due.
        }
    }
}
