package dev.corner.notifications.internal;

import dev.corner.catalog.Catalog;
import dev.corner.catalog.Product;
import dev.corner.common.Ids;
import dev.corner.inventory.InventoryEvents.LowStockReached;
import dev.corner.notifications.Notification;
import dev.corner.stores.Stores;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A product running low at a store: its merchant finds a notice in the inbox, once per alert. */
@Component
class LowStockNotices {

    private final InboxRecords inbox;
    private final Stores stores;
    private final Catalog catalog;

    LowStockNotices(InboxRecords inbox, Stores stores, Catalog catalog) {
        this.inbox = inbox;
        this.stores = stores;
        this.catalog = catalog;
    }

    @ApplicationModuleListener
    void on(LowStockReached low) {
        var store = stores.find(low.storeId());
        if (store.isEmpty()) {
            return;
        }
        var product = catalog.product(low.productId())
                .map(Product::name)
                .orElse(low.productId().value());
        var notice = new Notification(
                null,
                Notification.LOW_STOCK,
                "Low stock: " + product,
                product + " at " + store.get().name() + ": " + low.available() + " available, reorder point "
                        + low.reorderPoint() + ".",
                low.storeId().value(),
                low.productId().value(),
                low.at(),
                null,
                Map.of("available", Long.toString(low.available()), "reorderPoint", Long.toString(low.reorderPoint())));
        inbox.insert(store.get().merchantId(), Ids.next("ntf"), notice, "low-stock:" + low.alertId());
    }
}
