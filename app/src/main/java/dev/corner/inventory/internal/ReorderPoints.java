package dev.corner.inventory.internal;

import dev.corner.catalog.ProductId;
import dev.corner.inventory.Inventory.ProductStock;
import dev.corner.inventory.ReorderPolicy;
import dev.corner.inventory.StockLevel;
import dev.corner.stores.StoreId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Where each product of a store stands against its reorder point: its level, its average daily
 * sales from the ledger, and the policy that applies (the merchant's or {@link ReorderPolicy#DEFAULT}).
 */
@Component
public class ReorderPoints {

    /** Sales are averaged over this many days back from now. */
    public static final Duration SALES_WINDOW = Duration.ofDays(28);

    /** One product's stock against its reorder point. */
    public record Outlook(ProductId productId, StockLevel level, double averageDailySales, ReorderPolicy policy) {

        /** On hand less reserved, below zero if the shelf is: a shortfall counts against the point too. */
        public long available() {
            return level.onHand() - level.reserved();
        }

        public long reorderPoint() {
            return policy.reorderPoint(averageDailySales);
        }

        public boolean low() {
            return policy.isLow(available(), averageDailySales);
        }

        public long suggestedOrder() {
            return policy.suggestedOrder(available(), averageDailySales);
        }
    }

    private final StockLedger ledger;
    private final ReorderRecords policies;
    private final Clock clock;

    ReorderPoints(StockLedger ledger, ReorderRecords policies, Clock clock) {
        this.ledger = ledger;
        this.policies = policies;
        this.clock = clock;
    }

    /** The outlook of each product given, in the order given; sales are read in one query. */
    public List<Outlook> of(StoreId store, List<ProductStock> stock) {
        if (stock.isEmpty()) {
            return List.of();
        }
        var custom = policies.of(store);
        var sold = ledger.unitsSold(
                store,
                stock.stream().map(ProductStock::productId).toList(),
                clock.instant().minus(SALES_WINDOW));
        return stock.stream()
                .map(s -> new Outlook(
                        s.productId(),
                        s.level(),
                        sold.getOrDefault(s.productId(), 0L) / (double) SALES_WINDOW.toDays(),
                        custom.getOrDefault(s.productId(), ReorderPolicy.DEFAULT)))
                .toList();
    }
}
