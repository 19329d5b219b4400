package dev.corner.inventory;

import dev.corner.catalog.Catalog;
import dev.corner.catalog.ProductId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Ids;
import dev.corner.common.Text;
import dev.corner.inventory.internal.ReservationCombiner;
import dev.corner.inventory.internal.StockLedger;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Receiving, selling and reserving stock; every change is a movement in the ledger. */
@Service
public class Inventory {

    private final StockLedger ledger;
    private final Stores stores;
    private final Catalog catalog;
    private final ReservationCombiner combiner;
    private final Clock clock;
    private final Duration reservationTtl;

    Inventory(
            StockLedger ledger,
            Stores stores,
            Catalog catalog,
            ReservationCombiner combiner,
            Clock clock,
            @Value("${corner.inventory.reservation-ttl}") Duration reservationTtl) {
        this.ledger = ledger;
        this.stores = stores;
        this.catalog = catalog;
        this.combiner = combiner;
        this.clock = clock;
        this.reservationTtl = reservationTtl;
    }

    /** Goods arrived at the caller's store. */
    @Transactional
    public void receive(Caller caller, StoreId storeId, List<StockLine> lines, String reference) {
        stores.requireOwnedBy(storeId, caller);
        var note = Text.optional(reference, "reference", 200);
        for (var line : inLockOrder(lines)) {
            catalog.requireProduct(line.productId());
            ledger.move(storeId, line.productId(), MovementKind.RECEIVED.of(line.quantity()), note);
        }
    }

    /**
     * Goods left the shop through the till. A sale at the till is never refused for lack of stock:
     * the goods were in the customer's hand, so the ledger follows, below zero if it must.
     */
    @Transactional
    public void recordSale(StoreId storeId, List<StockLine> lines, String reference) {
        appendShelfMovements(storeId, lines, MovementKind.SOLD, reference);
    }

    /** Goods came back through the till and go back on the shelf. */
    @Transactional
    public void recordReturn(StoreId storeId, List<StockLine> lines, String reference) {
        appendShelfMovements(storeId, lines, MovementKind.RETURNED, reference);
    }

    /** Movements of goods on the shelf only, appended and folded into the levels shortly after. */
    private void appendShelfMovements(StoreId storeId, List<StockLine> lines, MovementKind kind, String reference) {
        ledger.append(
                storeId,
                inLockOrder(lines).stream()
                        .map(line -> java.util.Map.entry(line.productId(), kind.of(line.quantity())))
                        .toList(),
                reference);
    }

    /**
     * Holds stock for an order; empty when not enough is available. Never oversells. A reservation
     * not consumed or released within its time ({@code corner.inventory.reservation-ttl}) expires.
     * It is taken in the caller's transaction, the level row locked until that ends; with {@code
     * corner.inventory.combine-reservations} on, concurrent reservations are taken together by {@link
     * ReservationCombiner} instead, holding for their full time once the caller's transaction commits
     * and only briefly if it does not.
     */
    @Transactional
    public Optional<ReservationId> reserve(StoreId storeId, ProductId productId, long quantity, String reference) {
        return reserveAll(List.of(new Reserve(storeId, productId, quantity, reference)))
                .get(0);
    }

    /** One reservation asked for by {@link #reserveAll}. */
    public record Reserve(StoreId storeId, ProductId productId, long quantity, String reference) {
        public Reserve {
            new StockLine(productId, quantity);
        }
    }

    /**
     * Several reservations at once, as {@link #reserve} takes one, in one batch: each answer, in the
     * order asked, is the reservation or empty when its stock was not available; first come, first
     * served within the batch.
     */
    @Transactional
    public List<Optional<ReservationId>> reserveAll(List<Reserve> asked) {
        var ids = asked.stream().map(r -> new ReservationId(Ids.next("rsv"))).toList();
        var requests = new java.util.ArrayList<ReservationCombiner.Request>();
        for (int i = 0; i < asked.size(); i++) {
            var r = asked.get(i);
            requests.add(new ReservationCombiner.Request(
                    ids.get(i), r.storeId(), r.productId(), r.quantity(), r.reference()));
        }
        var granted = combiner.combines() ? combiner.reserve(requests) : combiner.reserveHere(requests);
        var taken = ids.stream().filter(granted::get).toList();
        // Taken by the combiner, they hold briefly until extended here; one that ended meanwhile holds nothing.
        var held = combiner.combines()
                ? ledger.holdUntil(taken, clock.instant().plus(reservationTtl))
                : java.util.Set.copyOf(taken);
        return ids.stream()
                .map(id -> held.contains(id) ? Optional.of(id) : Optional.<ReservationId>empty())
                .toList();
    }

    /** Gives reserved stock back; releasing twice changes nothing. */
    @Transactional
    public void release(ReservationId reservation) {
        ledger.endReservation(reservation, MovementKind.RELEASED);
    }

    /** The reserved goods were handed over: they leave the shelf and the reservation ends. */
    @Transactional
    public void consume(ReservationId reservation) {
        ledger.endReservation(reservation, MovementKind.RESERVATION_CONSUMED);
    }

    @Transactional(readOnly = true)
    public StockLevel level(StoreId storeId, ProductId productId) {
        return ledger.level(storeId, productId);
    }

    /** The stock level of a product at the caller's own store. */
    @Transactional(readOnly = true)
    public StockLevel levelAt(Caller caller, StoreId storeId, ProductId productId) {
        stores.requireOwnedBy(storeId, caller);
        return ledger.level(storeId, productId);
    }

    /** A product's stock at a store. */
    public record ProductStock(ProductId productId, StockLevel level) {}

    /** A product at a store: where a stock level is kept. */
    public record Shelf(StoreId storeId, ProductId productId) {}

    /** The stock of each product at its store, in one query; a product never stocked there has none. */
    @Transactional(readOnly = true)
    public java.util.Map<Shelf, StockLevel> levels(java.util.Collection<Shelf> shelves) {
        return ledger.levels(shelves);
    }

    /** Every product a store has a stock record for. */
    @Transactional(readOnly = true)
    public List<ProductStock> levels(StoreId storeId) {
        return ledger.levels(storeId);
    }

    /**
     * One line per product, in product order: every transaction locks stock rows in the same order,
     * so two sales of the same products in another order cannot deadlock.
     */
    static List<StockLine> inLockOrder(List<StockLine> lines) {
        if (lines == null || lines.isEmpty() || lines.size() > 1000) {
            throw CornerException.invalid("INVALID_LINES", "1 to 1000 lines are required");
        }
        var merged = new java.util.TreeMap<String, StockLine>();
        for (var line : lines) {
            if (line == null) {
                throw CornerException.invalid("INVALID_LINE", "a line is empty");
            }
            merged.merge(
                    line.productId().value(),
                    line,
                    (a, b) -> new StockLine(a.productId(), Math.addExact(a.quantity(), b.quantity())));
        }
        return List.copyOf(merged.values());
    }
}
