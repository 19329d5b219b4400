package dev.corner.inventory;

import dev.corner.catalog.ProductId;
import dev.corner.common.Caller;
import dev.corner.inventory.internal.ReorderRecords;
import dev.corner.inventory.internal.StockLedger;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Low stock and what to reorder, from the sales the ledger recorded. */
@Service
public class Replenishment {

    /** Sales are averaged over this many days back from now. */
    static final Duration SALES_WINDOW = Duration.ofDays(28);

    private final StockLedger ledger;
    private final ReorderRecords policies;
    private final Stores stores;
    private final Clock clock;

    Replenishment(StockLedger ledger, ReorderRecords policies, Stores stores, Clock clock) {
        this.ledger = ledger;
        this.policies = policies;
        this.stores = stores;
        this.clock = clock;
    }

    /** One product that is at or below its reorder point. */
    public record LowStock(
            ProductId productId,
            StockLevel level,
            double averageDailySales,
            long reorderPoint,
            long suggestedOrder,
            ReorderPolicy policy) {}

    @Transactional
    public void setPolicy(Caller caller, StoreId store, ProductId product, ReorderPolicy policy) {
        stores.requireOwnedBy(store, caller);
        policies.save(store, product, policy);
    }

    /** The products of the caller's store at or below their reorder point, the emptiest first. */
    @Transactional(readOnly = true)
    public List<LowStock> lowStock(Caller caller, StoreId store) {
        stores.requireOwnedBy(store, caller);
        var since = clock.instant().minus(SALES_WINDOW);
        var custom = policies.of(store);
        return ledger.levels(store).stream()
                .map(stock -> {
                    var policy = custom.getOrDefault(stock.productId(), ReorderPolicy.DEFAULT);
                    double daily = ledger.unitsSold(store, stock.productId(), since) / (double) SALES_WINDOW.toDays();
                    long available = stock.level().onHand() - stock.level().reserved();
                    return new LowStock(
                            stock.productId(),
                            stock.level(),
                            daily,
                            policy.reorderPoint(daily),
                            policy.suggestedOrder(available, daily),
                            policy);
                })
                .filter(low -> low.level().onHand() - low.level().reserved() <= low.reorderPoint())
                .sorted(Comparator.comparingLong(
                        low -> low.level().onHand() - low.level().reserved()))
                .toList();
    }
}
