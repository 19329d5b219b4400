package dev.corner.inventory;

import dev.corner.catalog.ProductId;
import dev.corner.common.Caller;
import dev.corner.inventory.internal.ReorderPoints;
import dev.corner.inventory.internal.ReorderPoints.Outlook;
import dev.corner.inventory.internal.ReorderRecords;
import dev.corner.inventory.internal.StockLedger;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Low stock and what to reorder, from the sales the ledger recorded. */
@Service
public class Replenishment {

    private final StockLedger ledger;
    private final ReorderRecords policies;
    private final ReorderPoints reorderPoints;
    private final Stores stores;

    Replenishment(StockLedger ledger, ReorderRecords policies, ReorderPoints reorderPoints, Stores stores) {
        this.ledger = ledger;
        this.policies = policies;
        this.reorderPoints = reorderPoints;
        this.stores = stores;
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
        return reorderPoints.of(store, ledger.levels(store)).stream()
                .filter(Outlook::low)
                .sorted(Comparator.comparingLong(Outlook::available))
                .map(o -> new LowStock(
                        o.productId(),
                        o.level(),
                        o.averageDailySales(),
                        o.reorderPoint(),
                        o.suggestedOrder(),
                        o.policy()))
                .toList();
    }

    /** The reorder point of every product the caller's store has a stock record for. */
    @Transactional(readOnly = true)
    public Map<ProductId, Long> reorderPoints(Caller caller, StoreId store) {
        stores.requireOwnedBy(store, caller);
        var points = new LinkedHashMap<ProductId, Long>();
        reorderPoints.of(store, ledger.levels(store)).forEach(o -> points.put(o.productId(), o.reorderPoint()));
        return points;
    }
}
