package dev.corner.inventory;

import dev.corner.catalog.Catalog;
import dev.corner.catalog.ProductId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Text;
import dev.corner.inventory.Movement.AdjustmentReason;
import dev.corner.inventory.internal.StockLedger;
import dev.corner.inventory.internal.StockLedger.Entry;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The back office's stock work: adjustments with reasons, counts with their variance, transfers. */
@Service
public class StockKeeping {

    private final StockLedger ledger;
    private final Stores stores;
    private final Catalog catalog;

    StockKeeping(StockLedger ledger, Stores stores, Catalog catalog) {
        this.ledger = ledger;
        this.stores = stores;
        this.catalog = catalog;
    }

    /** A product and a signed change of what is on the shelf. */
    public record Change(ProductId productId, long delta) {}

    /** Stock found damaged, expired, stolen, or simply different: each change is booked with its reason. */
    @Transactional
    public void adjust(Caller caller, StoreId storeId, List<Change> changes, AdjustmentReason reason, String note) {
        stores.requireOwnedBy(storeId, caller);
        if (reason == null) {
            throw CornerException.invalid(
                    "INVALID_REASON", "reason must be one of " + List.of(AdjustmentReason.values()));
        }
        var reference = Text.optional(note, "note", 200);
        if (changes == null || changes.isEmpty() || changes.size() > 1000) {
            throw CornerException.invalid("INVALID_LINES", "1 to 1000 lines are required");
        }
        var merged = new TreeMap<String, Change>();
        for (var change : changes) {
            if (change == null || change.productId() == null || change.delta() == 0) {
                throw CornerException.invalid("INVALID_LINE", "each line needs a productId and a change other than 0");
            }
            merged.merge(
                    change.productId().value(), change, (a, b) -> new Change(a.productId(), a.delta() + b.delta()));
        }
        for (var change : merged.values()) {
            catalog.requireProduct(change.productId());
            if (change.delta() != 0) {
                ledger.move(storeId, change.productId(), Movement.adjusted(change.delta(), reason), reference);
            }
        }
    }

    /** What a count found for one product against what the ledger expected. */
    public record Variance(ProductId productId, long expected, long counted) {
        public long variance() {
            return counted - expected;
        }
    }

    /** A count: a cycle count covers the products listed; a full count also zeroes every product not found. */
    public enum CountKind {
        CYCLE,
        FULL
    }

    /**
     * Sets what is on the shelf to what was counted and reports the variance. Reserved stock is not
     * touched: goods put aside for orders are on the shelf and were counted with the rest.
     */
    @Transactional
    public List<Variance> count(Caller caller, StoreId storeId, CountKind kind, Map<ProductId, Long> counted) {
        stores.requireOwnedBy(storeId, caller);
        if (kind == null) {
            throw CornerException.invalid("INVALID_COUNT", "kind must be CYCLE or FULL");
        }
        if (counted == null || (counted.isEmpty() && kind == CountKind.CYCLE) || counted.size() > 10_000) {
            throw CornerException.invalid("INVALID_LINES", "a cycle count lists 1 to 10000 products");
        }
        var all = new TreeMap<String, Long>();
        counted.forEach((product, quantity) -> {
            if (quantity == null || quantity < 0 || quantity > StockLine.MAX_QUANTITY) {
                throw CornerException.invalid(
                        "INVALID_QUANTITY", "a counted quantity is 0 to " + StockLine.MAX_QUANTITY);
            }
            catalog.requireProduct(product);
            all.put(product.value(), quantity);
        });
        if (kind == CountKind.FULL) {
            ledger.levels(storeId)
                    .forEach(stock -> all.putIfAbsent(stock.productId().value(), 0L));
        }
        var variances = new ArrayList<Variance>();
        for (var entry : all.entrySet()) {
            var product = new ProductId(entry.getKey());
            var expected = ledger.lockLevel(storeId, product).onHand();
            var variance = new Variance(product, expected, entry.getValue());
            ledger.move(storeId, product, Movement.counted(expected, entry.getValue()), "count:" + kind);
            variances.add(variance);
        }
        return variances;
    }

    /** Moves stock between two stores of the same merchant in one transaction. */
    @Transactional
    public void transfer(Caller caller, StoreId from, StoreId to, List<StockLine> lines, String note) {
        stores.requireOwnedBy(from, caller);
        stores.requireOwnedBy(to, caller);
        if (from.equals(to)) {
            throw CornerException.invalid("SAME_STORE", "a transfer goes to another store");
        }
        var reference = Text.optional(note, "note", 200);
        var ordered = Inventory.inLockOrder(lines);
        // Every level row this transfer touches is locked first, in the order of (store, product) that
        // the ledger's fold uses too, so a transfer and a fold never wait for each other in a circle.
        record Row(StoreId store, ProductId product) {}
        var rows = new ArrayList<Row>();
        for (var line : ordered) {
            catalog.requireProduct(line.productId());
            rows.add(new Row(from, line.productId()));
            rows.add(new Row(to, line.productId()));
        }
        rows.sort(java.util.Comparator.comparing((Row row) -> row.store().value())
                .thenComparing(row -> row.product().value()));
        rows.forEach(row -> ledger.lockLevel(row.store(), row.product()));
        for (var line : ordered) {
            var available = ledger.level(from, line.productId()).available();
            if (available < line.quantity()) {
                throw CornerException.conflict(
                        "INSUFFICIENT_STOCK",
                        "only " + available + " of " + line.productId() + " can leave " + from
                                + " (the rest is reserved or not there)");
            }
            ledger.move(from, line.productId(), MovementKind.TRANSFERRED_OUT.of(line.quantity()), reference);
            ledger.move(to, line.productId(), MovementKind.TRANSFERRED_IN.of(line.quantity()), reference);
        }
    }

    /** The latest movements of one product at the caller's store, newest first. */
    @Transactional(readOnly = true)
    public List<Entry> movements(Caller caller, StoreId storeId, ProductId productId, int limit) {
        stores.requireOwnedBy(storeId, caller);
        return ledger.movements(storeId, productId, Math.max(1, Math.min(limit, 500)));
    }

    /** Checks the stock levels of a store against a replay of its ledger; for tests and operators. */
    @Transactional(readOnly = true)
    public Map<ProductId, StockLevel[]> ledgerMismatches(StoreId storeId) {
        var mismatches = new LinkedHashMap<ProductId, StockLevel[]>();
        for (var stock : ledger.levels(storeId)) {
            var replayed = ledger.replay(storeId, stock.productId());
            if (!replayed.equals(stock.level())) {
                mismatches.put(stock.productId(), new StockLevel[] {stock.level(), replayed});
            }
        }
        return mismatches;
    }
}
