package dev.corner.inventory.internal;

import dev.corner.catalog.ProductId;
import dev.corner.common.SqlTime;
import dev.corner.inventory.Inventory.ProductStock;
import dev.corner.inventory.Movement;
import dev.corner.inventory.MovementKind;
import dev.corner.inventory.ReservationId;
import dev.corner.inventory.StockLevel;
import dev.corner.stores.StoreId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stock levels and the movements that explain them, always written together. */
@Repository
public class StockLedger {

    /** A ledger entry as stored. */
    public record Entry(
            long id,
            MovementKind kind,
            long onHandDelta,
            long reservedDelta,
            String reason,
            String reference,
            Instant at) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    StockLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Applies a movement to the level and writes it to the ledger. The new level is announced on the
     * {@value StockFeed#CHANNEL} channel, which PostgreSQL delivers to every node when (and only if)
     * the transaction commits.
     */
    public void move(StoreId store, ProductId product, Movement movement, String reference) {
        int updated = jdbc.sql("""
                        with changed as (
                            update inventory_levels
                            set on_hand = on_hand + :onHand, reserved = reserved + :reserved, updated_at = :at
                            where store_id = :store and product_id = :product
                            returning store_id, product_id, on_hand, reserved)
                        select count(pg_notify(:channel, concat_ws('|', store_id, product_id, on_hand, reserved)))
                        from changed""")
                .param("onHand", movement.onHandDelta())
                .param("reserved", movement.reservedDelta())
                .param("at", SqlTime.utc(clock.instant()))
                .param("store", store.value())
                .param("product", product.value())
                .param("channel", StockFeed.CHANNEL)
                .query(Integer.class)
                .single();
        if (updated == 0) {
            // The first movement of this product at this store; reservations never start a level.
            jdbc.sql("""
                            with changed as (
                                insert into inventory_levels (store_id, product_id, on_hand, reserved, updated_at)
                                values (:store, :product, :onHand, 0, :at)
                                on conflict (store_id, product_id) do update
                                set on_hand = inventory_levels.on_hand + excluded.on_hand, updated_at = excluded.updated_at
                                returning store_id, product_id, on_hand, reserved)
                            select count(pg_notify(:channel, concat_ws('|', store_id, product_id, on_hand, reserved)))
                            from changed""")
                    .param("store", store.value())
                    .param("product", product.value())
                    .param("onHand", movement.onHandDelta())
                    .param("at", SqlTime.utc(clock.instant()))
                    .param("channel", StockFeed.CHANNEL)
                    .query(Integer.class)
                    .single();
        }
        record(store, product, movement, reference);
    }

    /** One conditional update: it takes the stock only if enough is available at that instant. */
    public boolean reserve(
            ReservationId id, StoreId store, ProductId product, long quantity, String reference, Duration ttl) {
        int updated = jdbc.sql("""
                        with changed as (
                            update inventory_levels set reserved = reserved + :quantity, updated_at = :at
                            where store_id = :store and product_id = :product and on_hand - reserved >= :quantity
                            returning store_id, product_id, on_hand, reserved)
                        select count(pg_notify(:channel, concat_ws('|', store_id, product_id, on_hand, reserved)))
                        from changed""")
                .param("quantity", quantity)
                .param("at", SqlTime.utc(clock.instant()))
                .param("store", store.value())
                .param("product", product.value())
                .param("channel", StockFeed.CHANNEL)
                .query(Integer.class)
                .single();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("""
                        insert into inventory_reservations
                            (id, store_id, product_id, quantity, status, reference, created_at, expires_at)
                        values (:id, :store, :product, :quantity, 'ACTIVE', :reference, :at, :expires)""")
                .param("id", id.value())
                .param("store", store.value())
                .param("product", product.value())
                .param("quantity", quantity)
                .param("reference", reference)
                .param("at", SqlTime.utc(clock.instant()))
                .param("expires", SqlTime.utc(clock.instant().plus(ttl)))
                .update();
        record(store, product, MovementKind.RESERVED.of(quantity), reference);
        return true;
    }

    /** A reservation that ended: whose, and under what reference. */
    public record Ended(ReservationId id, StoreId store, ProductId product, long quantity, String reference) {}

    /** Ends an active reservation, releasing or consuming its stock; an ended one is left alone. */
    public Optional<Ended> endReservation(ReservationId id, MovementKind kind) {
        var ended = jdbc.sql("""
                        update inventory_reservations set status = :status, ended_at = :at
                        where id = :id and status = 'ACTIVE'
                        returning id, store_id, product_id, quantity, reference""")
                .param("status", kind == MovementKind.RELEASED ? "RELEASED" : "CONSUMED")
                .param("at", SqlTime.utc(clock.instant()))
                .param("id", id.value())
                .query((rs, n) -> new Ended(
                        new ReservationId(rs.getString(1)),
                        new StoreId(rs.getString(2)),
                        new ProductId(rs.getString(3)),
                        rs.getLong(4),
                        rs.getString(5)))
                .optional();
        ended.ifPresent(row -> move(row.store(), row.product(), kind.of(row.quantity()), row.reference()));
        return ended;
    }

    /** Active reservations whose time is up, oldest first; they are released one by one. */
    public List<ReservationId> expiredReservations(Instant now, int limit) {
        return jdbc.sql("""
                        select id from inventory_reservations where status = 'ACTIVE' and expires_at <= :now
                        order by expires_at limit :limit""")
                .param("now", SqlTime.utc(now))
                .param("limit", limit)
                .query((rs, n) -> new ReservationId(rs.getString(1)))
                .list();
    }

    public StockLevel level(StoreId store, ProductId product) {
        return jdbc.sql(
                        "select on_hand, reserved from inventory_levels where store_id = :store and product_id = :product")
                .param("store", store.value())
                .param("product", product.value())
                .query((rs, n) -> new StockLevel(rs.getLong(1), rs.getLong(2)))
                .optional()
                .orElse(StockLevel.NONE);
    }

    /** The level of one product locked until the transaction ends, for counts that set it. */
    public StockLevel lockLevel(StoreId store, ProductId product) {
        return jdbc.sql("""
                        select on_hand, reserved from inventory_levels
                        where store_id = :store and product_id = :product for update""")
                .param("store", store.value())
                .param("product", product.value())
                .query((rs, n) -> new StockLevel(rs.getLong(1), rs.getLong(2)))
                .optional()
                .orElse(StockLevel.NONE);
    }

    public List<ProductStock> levels(StoreId store) {
        return jdbc.sql(
                        "select product_id, on_hand, reserved from inventory_levels where store_id = :store order by product_id")
                .param("store", store.value())
                .query((rs, n) ->
                        new ProductStock(new ProductId(rs.getString(1)), new StockLevel(rs.getLong(2), rs.getLong(3))))
                .list();
    }

    /** What the ledger alone says the level is: the sum of every movement. */
    public StockLevel replay(StoreId store, ProductId product) {
        return jdbc.sql("""
                        select coalesce(sum(on_hand_delta), 0), coalesce(sum(reserved_delta), 0)
                        from inventory_movements where store_id = :store and product_id = :product""")
                .param("store", store.value())
                .param("product", product.value())
                .query((rs, n) -> new StockLevel(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    public List<Entry> movements(StoreId store, ProductId product, int limit) {
        return jdbc.sql("""
                        select id, kind, on_hand_delta, reserved_delta, reason, reference, at from inventory_movements
                        where store_id = :store and product_id = :product order by id desc limit :limit""")
                .param("store", store.value())
                .param("product", product.value())
                .param("limit", limit)
                .query((rs, n) -> new Entry(
                        rs.getLong(1),
                        MovementKind.valueOf(rs.getString(2)),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        SqlTime.instant(rs, "at")))
                .list();
    }

    /** Units that left the shelf to customers (till sales and handed-over orders) since an instant. */
    public long unitsSold(StoreId store, ProductId product, Instant since) {
        return jdbc.sql("""
                        select coalesce(-sum(on_hand_delta), 0) from inventory_movements
                        where store_id = :store and product_id = :product and at >= :since
                          and kind in ('SOLD', 'RESERVATION_CONSUMED')""")
                .param("store", store.value())
                .param("product", product.value())
                .param("since", SqlTime.utc(since))
                .query(Long.class)
                .single();
    }

    private void record(StoreId store, ProductId product, Movement movement, String reference) {
        jdbc.sql("""
                        insert into inventory_movements
                            (store_id, product_id, kind, on_hand_delta, reserved_delta, reason, reference, at)
                        values (:store, :product, :kind, :onHand, :reserved, :reason, :reference, :at)""")
                .param("store", store.value())
                .param("product", product.value())
                .param("kind", movement.kind().name())
                .param("onHand", movement.onHandDelta())
                .param("reserved", movement.reservedDelta())
                .param(
                        "reason",
                        movement.reason() == null ? null : movement.reason().name())
                .param("reference", reference)
                .param("at", SqlTime.utc(clock.instant()))
                .update();
    }
}
