package dev.corner.inventory.internal;

import dev.corner.inventory.InventoryEvents.ReservationExpired;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releases reservations whose time is up and says so, so that the order holding one can react.
 * Each release is its own transaction; ending a reservation is conditional, so two nodes running
 * this at once release each reservation once.
 */
@Component
public class ReservationExpiry {

    private final StockLedger ledger;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReservationExpiry(
            StockLedger ledger, ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.ledger = ledger;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Releases what has expired by now; answers how many. */
    public int releaseExpired() {
        int released = 0;
        for (var id : ledger.expiredReservations(clock.instant(), 500)) {
            var ended = transaction.execute(status -> {
                var row = ledger.expireReservation(id, clock.instant());
                row.ifPresent(r ->
                        events.publishEvent(new ReservationExpired(r.id(), r.store(), r.product(), r.reference())));
                return row.isPresent();
            });
            if (Boolean.TRUE.equals(ended)) {
                released++;
            }
        }
        return released;
    }

    @Scheduled(fixedDelayString = "${corner.inventory.expiry-check:PT1M}", initialDelayString = "PT1M")
    void onSchedule() {
        releaseExpired();
    }
}
