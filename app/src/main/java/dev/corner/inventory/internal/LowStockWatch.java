package dev.corner.inventory.internal;

import dev.corner.catalog.ProductId;
import dev.corner.common.Ids;
import dev.corner.common.SqlTime;
import dev.corner.inventory.Inventory.ProductStock;
import dev.corner.inventory.InventoryEvents.LowStockReached;
import dev.corner.stores.Store;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells when a product's available stock falls to or below its reorder point, once per fall.
 *
 * <p>Every committed change of a stock level reaches the {@link StockFeed} of every node; this
 * watch notes the product and, a moment later ({@code corner.inventory.low-stock-check}), compares
 * the exact level with the reorder point. A fall is marked in {@code inventory_low_stock} with an
 * insert that only one checker can win, in the transaction that publishes {@link LowStockReached};
 * a recovery above the point removes the mark. So several nodes seeing the same change alert once,
 * and a product that recovers and falls again alerts again. Changes made while no node listened
 * are caught by a sweep of every store ({@code corner.inventory.low-stock-sweep}).
 */
@Component
public class LowStockWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LowStockWatch.class);

    private record Key(StoreId store, ProductId product) {}

    private final Set<Key> pending = ConcurrentHashMap.newKeySet();
    private final StockLedger ledger;
    private final ReorderPoints reorderPoints;
    private final Stores stores;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration checkEvery;
    private final Duration sweepEvery;
    private final Duration firstSweepAfter;
    private volatile ScheduledExecutorService timer;

    LowStockWatch(
            StockFeed feed,
            StockLedger ledger,
            ReorderPoints reorderPoints,
            Stores stores,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            Clock clock,
            @Value("${corner.inventory.low-stock-check:PT1S}") Duration checkEvery,
            @Value("${corner.inventory.low-stock-sweep:PT15M}") Duration sweepEvery,
            @Value("${corner.inventory.low-stock-first-sweep:PT1M}") Duration firstSweepAfter) {
        this.ledger = ledger;
        this.reorderPoints = reorderPoints;
        this.stores = stores;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.checkEvery = checkEvery;
        this.sweepEvery = sweepEvery;
        this.firstSweepAfter = firstSweepAfter;
        feed.watch(change -> pending.add(new Key(change.storeId(), change.productId())));
    }

    /** Checks the products whose stock changed since the last check. */
    public void checkChanged() {
        var byStore = new HashMap<StoreId, List<ProductId>>();
        for (var key : List.copyOf(pending)) {
            pending.remove(key);
            byStore.computeIfAbsent(key.store(), s -> new ArrayList<>()).add(key.product());
        }
        byStore.forEach((store, products) -> {
            try {
                check(store, products);
            } catch (RuntimeException e) {
                products.forEach(product -> pending.add(new Key(store, product)));
                log.warn("Low-stock check of store {} failed; trying again", store, e);
            }
        });
    }

    /** Checks every product of a store now. */
    public void checkStore(StoreId store) {
        check(store, null);
    }

    /** Checks every product of every store. */
    public void sweep() {
        for (Store store : stores.all()) {
            try {
                checkStore(store.id());
            } catch (RuntimeException e) {
                log.warn("Low-stock sweep of store {} failed", store.id(), e);
            }
        }
    }

    /** On a thread of its own, so that a long sweep never holds up the scheduler that folds the ledger. */
    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "low-stock-watch");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(
                guarded(this::checkChanged), checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(
                guarded(this::sweep), firstSweepAfter.toMillis(), sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        var running = timer;
        timer = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    /** A failed round must not end the schedule: the next one tries again. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Low-stock watch failed; trying again on schedule", e);
            }
        };
    }

    private void check(StoreId store, List<ProductId> products) {
        transaction.executeWithoutResult(status -> {
            // One checker per store at a time, across nodes: what it reads and marks stays consistent.
            jdbc.sql("select pg_advisory_xact_lock(hashtext('corner_low_stock:' || :store))")
                    .param("store", store.value())
                    .query((rs, n) -> 1)
                    .list();
            var stock = products == null
                    ? ledger.levels(store)
                    : products.stream()
                            .distinct()
                            .map(product -> new ProductStock(product, ledger.level(store, product)))
                            .toList();
            for (var outlook : reorderPoints.of(store, stock)) {
                if (outlook.low()) {
                    var alertId = Ids.next("low");
                    var at = clock.instant();
                    int marked = jdbc.sql("""
                                    insert into inventory_low_stock
                                        (store_id, product_id, alert_id, available, reorder_point, since)
                                    values (:store, :product, :alert, :available, :point, :at)
                                    on conflict (store_id, product_id) do nothing""")
                            .param("store", store.value())
                            .param("product", outlook.productId().value())
                            .param("alert", alertId)
                            .param("available", outlook.available())
                            .param("point", outlook.reorderPoint())
                            .param("at", SqlTime.utc(at))
                            .update();
                    if (marked == 1) {
                        events.publishEvent(new LowStockReached(
                                alertId, store, outlook.productId(), outlook.available(), outlook.reorderPoint(), at));
                    }
                } else {
                    jdbc.sql("delete from inventory_low_stock where store_id = :store and product_id = :product")
                            .param("store", store.value())
                            .param("product", outlook.productId().value())
                            .update();
                }
            }
        });
    }
}
