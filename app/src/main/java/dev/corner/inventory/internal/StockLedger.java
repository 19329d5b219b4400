package dev.corner.inventory.internal;

import dev.corner.catalog.ProductId;
import dev.corner.common.SqlTime;
import dev.corner.inventory.MovementKind;
import dev.corner.inventory.ReservationId;
import dev.corner.inventory.StockLevel;
import dev.corner.stores.StoreId;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stock levels and the movements that explain them, always written together. */
@Repository
public class StockLedger {

    private final JdbcClient jdbc;
    private final Clock clock;

    StockLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void move(StoreId store, ProductId product, MovementKind kind, long quantity, String reference) {
        var delta = kind.applyTo(StockLevel.NONE, quantity);
        int updated = jdbc.sql("""
                        update inventory_levels
                        set on_hand = on_hand + :onHand, reserved = reserved + :reserved, updated_at = :at
                        where store_id = :store and product_id = :product""")
                .param("onHand", delta.onHand())
                .param("reserved", delta.reserved())
                .param("at", SqlTime.utc(clock.instant()))
                .param("store", store.value())
                .param("product", product.value())
                .update();
        if (updated == 0) {
            // The first movement of this product at this store; only receipts and sales start a level.
            jdbc.sql("""
                            insert into inventory_levels (store_id, product_id, on_hand, reserved, updated_at)
                            values (:store, :product, :onHand, 0, :at)
                            on conflict (store_id, product_id) do update
                            set on_hand = inventory_levels.on_hand + excluded.on_hand, updated_at = excluded.updated_at""")
                    .param("store", store.value())
                    .param("product", product.value())
                    .param("onHand", delta.onHand())
                    .param("at", SqlTime.utc(clock.instant()))
                    .update();
        }
        record(store, product, kind, quantity, reference);
    }

    /** One conditional update: it takes the stock only if enough is available at that instant. */
    public boolean reserve(ReservationId id, StoreId store, ProductId product, long quantity, String reference) {
        int updated = jdbc.sql("""
                        update inventory_levels set reserved = reserved + :quantity, updated_at = :at
                        where store_id = :store and product_id = :product and on_hand - reserved >= :quantity""")
                .param("quantity", quantity)
                .param("at", SqlTime.utc(clock.instant()))
                .param("store", store.value())
                .param("product", product.value())
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("""
                        insert into inventory_reservations (id, store_id, product_id, quantity, status, reference, created_at)
                        values (:id, :store, :product, :quantity, 'ACTIVE', :reference, :at)""")
                .param("id", id.value())
                .param("store", store.value())
                .param("product", product.value())
                .param("quantity", quantity)
                .param("reference", reference)
                .param("at", SqlTime.utc(clock.instant()))
                .update();
        record(store, product, MovementKind.RESERVED, quantity, reference);
        return true;
    }

    /** Ends an active reservation, releasing or consuming its stock; an ended one is left alone. */
    public void endReservation(ReservationId id, MovementKind kind) {
        var ended = jdbc.sql("""
                        update inventory_reservations set status = :status, ended_at = :at
                        where id = :id and status = 'ACTIVE'
                        returning store_id, product_id, quantity, reference""")
                .param("status", kind == MovementKind.RELEASED ? "RELEASED" : "CONSUMED")
                .param("at", SqlTime.utc(clock.instant()))
                .param("id", id.value())
                .query((rs, n) -> new Ended(
                        new StoreId(rs.getString(1)), new ProductId(rs.getString(2)), rs.getLong(3), rs.getString(4)))
                .optional();
        ended.ifPresent(row -> move(row.store(), row.product(), kind, row.quantity(), row.reference()));
    }

    private record Ended(StoreId store, ProductId product, long quantity, String reference) {}

    public StockLevel level(StoreId store, ProductId product) {
        return jdbc.sql(
                        "select on_hand, reserved from inventory_levels where store_id = :store and product_id = :product")
                .param("store", store.value())
                .param("product", product.value())
                .query((rs, n) -> new StockLevel(rs.getLong(1), rs.getLong(2)))
                .optional()
                .orElse(StockLevel.NONE);
    }

    public java.util.List<dev.corner.inventory.Inventory.ProductStock> levels(StoreId store) {
        return jdbc.sql(
                        "select product_id, on_hand, reserved from inventory_levels where store_id = :store order by product_id")
                .param("store", store.value())
                .query((rs, n) -> new dev.corner.inventory.Inventory.ProductStock(
                        new ProductId(rs.getString(1)), new StockLevel(rs.getLong(2), rs.getLong(3))))
                .list();
    }

    private void record(StoreId store, ProductId product, MovementKind kind, long quantity, String reference) {
        jdbc.sql("""
                        insert into inventory_movements (store_id, product_id, kind, quantity, reference, at)
                        values (:store, :product, :kind, :quantity, :reference, :at)""")
                .param("store", store.value())
                .param("product", product.value())
                .param("kind", kind.name())
                .param("quantity", quantity)
                .param("reference", reference)
                .param("at", SqlTime.utc(clock.instant()))
                .update();
    }
}
