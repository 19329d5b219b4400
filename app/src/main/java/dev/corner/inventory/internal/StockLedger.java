package dev.corner.inventory.internal;

import dev.corner.catalog.ProductId;
import dev.corner.common.SqlTime;
import dev.corner.inventory.Inventory.ProductStock;
import dev.corner.inventory.Inventory.Shelf;
import dev.corner.inventory.Movement;
import dev.corner.inventory.MovementKind;
import dev.corner.inventory.ReservationId;
import dev.corner.inventory.StockLevel;
import dev.corner.stores.StoreId;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * Writes a movement to the ledger. A movement that touches reservations is applied to the level
     * row at once, under its row lock, because reservations must see exact availability. A movement
     * that only changes what is on the shelf (a sale, a receipt, a count…) is appended without
     * touching the level row, so sales of the same products do not queue behind each other's
     * commits; {@link #fold} adds such movements into the level shortly after, and every read adds
     * the ones not folded yet, so readers always see the exact level.
     */
    public void move(StoreId store, ProductId product, Movement movement, String reference) {
        if (movement.reservedDelta() == 0) {
            append(store, List.of(Map.entry(product, movement)), reference);
            return;
        }
        jdbc.sql("""
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
        record(store, product, movement, reference);
    }

    /**
     * Appends shelf-only movements of one store in one statement, whatever their number: the level
     * rows are created if missing (reservations need them; an existing row is not locked), the
     * movements are written to the ledger and queued in {@code inventory_pending} until {@link #fold}
     * adds them into their levels. A sale of five products costs one round trip, not ten.
     */
    public void append(StoreId store, List<Map.Entry<ProductId, Movement>> movements, String reference) {
        if (movements.isEmpty()) {
            return;
        }
        for (var entry : movements) {
            if (entry.getValue().reservedDelta() != 0) {
                throw new IllegalArgumentException("only shelf movements are appended: " + entry.getValue());
            }
        }
        var products = movements.stream().map(e -> e.getKey().value()).toArray(String[]::new);
        var kinds = movements.stream().map(e -> e.getValue().kind().name()).toArray(String[]::new);
        var deltas = movements.stream().map(e -> e.getValue().onHandDelta()).toArray(Long[]::new);
        var reasons = movements.stream()
                .map(e -> e.getValue().reason() == null
                        ? null
                        : e.getValue().reason().name())
                .toArray(String[]::new);
        var at = SqlTime.utc(clock.instant());
        jdbc.sql("""
                        with levels as (
                            insert into inventory_levels (store_id, product_id, on_hand, reserved, updated_at)
                            select :store, p, 0, 0, :at from unnest(cast(:products as varchar[])) as p
                            order by p collate "C"
                            on conflict do nothing),
                        moved as (
                            insert into inventory_movements
                                (store_id, product_id, kind, on_hand_delta, reserved_delta, reason, reference, at)
                            select :store, p, k, d, 0, r, :reference, :at
                            from unnest(cast(:products as varchar[]), cast(:kinds as varchar[]),
                                        cast(:deltas as bigint[]), cast(:reasons as varchar[])) as m(p, k, d, r)
                            returning id, store_id, product_id, on_hand_delta)
                        insert into inventory_pending (movement_id, store_id, product_id, on_hand_delta)
                        select id, store_id, product_id, on_hand_delta from moved""")
                .param("store", store.value())
                .param("products", products)
                .param("kinds", kinds)
                .param("deltas", deltas)
                .param("reasons", reasons)
                .param("reference", reference)
                .param("at", at)
                .update();
    }

    /**
     * Adds the movements not folded yet into their levels and takes them off the pending queue, in one
     * transaction: a reader sees either the movements as pending or the level that holds them, never
     * both or neither. The ledger rows themselves are never touched again. Two nodes folding at once
     * take different movements ({@code skip locked}). Answers how many movements it folded.
     */
    public int fold(int limit) {
        return jdbc.sql("""
                        with batch as (
                            select movement_id from inventory_pending order by movement_id limit :limit
                            for update skip locked),
                        marked as (
                            delete from inventory_pending p using batch where p.movement_id = batch.movement_id
                            returning p.store_id, p.product_id, p.on_hand_delta),
                        sums as (
                            select store_id, product_id, sum(on_hand_delta) as delta, count(*) as movements
                            from marked group by store_id, product_id),
                        changed as (
                            insert into inventory_levels (store_id, product_id, on_hand, reserved, updated_at)
                            select store_id, product_id, delta, 0, :at from sums order by store_id collate "C", product_id collate "C"
                            on conflict (store_id, product_id) do update
                            set on_hand = inventory_levels.on_hand + excluded.on_hand, updated_at = excluded.updated_at
                            returning store_id, product_id, on_hand, reserved)
                        select (select coalesce(sum(movements), 0) from sums) as folded,
                               (select count(pg_notify(:channel, concat_ws('|', store_id, product_id, on_hand, reserved)))
                                from changed) as announced""")
                .param("limit", limit)
                .param("at", SqlTime.utc(clock.instant()))
                .param("channel", StockFeed.CHANNEL)
                .query((rs, n) -> rs.getInt("folded"))
                .single();
    }

    /**
     * Extends reservations taken by {@link ReservationCombiner} (held briefly) to their full time, in
     * the transaction that uses them, in one statement. Answers those extended: one that has ended
     * meanwhile holds nothing any more.
     */
    public java.util.Set<ReservationId> holdUntil(Collection<ReservationId> ids, Instant until) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("""
                        update inventory_reservations set expires_at = :until
                        where id = any(cast(:ids as varchar[])) and status = 'ACTIVE'
                        returning id""")
                .param("until", SqlTime.utc(until))
                .param("ids", ids.stream().map(ReservationId::value).toArray(String[]::new))
                .query((rs, n) -> new ReservationId(rs.getString(1)))
                .list());
    }

    /** A reservation that ended: whose, and under what reference. */
    public record Ended(ReservationId id, StoreId store, ProductId product, long quantity, String reference) {}

    /** Ends an active reservation, releasing or consuming its stock; an ended one is left alone. */
    public Optional<Ended> endReservation(ReservationId id, MovementKind kind) {
        return end(id, kind, null);
    }

    /**
     * Releases a reservation if it is still active and its time is up by {@code now}: one whose hold
     * was extended since it was found expired is left alone.
     */
    public Optional<Ended> expireReservation(ReservationId id, Instant now) {
        return end(id, MovementKind.RELEASED, now);
    }

    private Optional<Ended> end(ReservationId id, MovementKind kind, Instant expiredBy) {
        var ended = jdbc.sql("""
                        update inventory_reservations set status = :status, ended_at = :at
                        where id = :id and status = 'ACTIVE'"""
                        + (expiredBy == null ? "" : " and expires_at <= :expiredBy")
                        + " returning id, store_id, product_id, quantity, reference")
                .param("status", kind == MovementKind.RELEASED ? "RELEASED" : "CONSUMED")
                .param("at", SqlTime.utc(clock.instant()))
                .param("id", id.value())
                .param("expiredBy", SqlTime.utc(expiredBy))
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

    private static final String LEVELS = """
            select k.product_id, coalesce(l.on_hand, 0) + coalesce(p.delta, 0) as on_hand, coalesce(l.reserved, 0) as reserved
            from (select product_id from inventory_levels where store_id = :store
                  union
                  select product_id from inventory_pending where store_id = :store) k
            left join inventory_levels l on l.store_id = :store and l.product_id = k.product_id
            left join (select product_id, sum(on_hand_delta) as delta from inventory_pending
                       where store_id = :store group by product_id) p on p.product_id = k.product_id
            """;

    public StockLevel level(StoreId store, ProductId product) {
        return jdbc.sql("""
                        select coalesce((select on_hand from inventory_levels where store_id = :store and product_id = :product), 0)
                             + (select coalesce(sum(on_hand_delta), 0) from inventory_pending
                                where store_id = :store and product_id = :product),
                               coalesce((select reserved from inventory_levels
                                         where store_id = :store and product_id = :product), 0)""")
                .param("store", store.value())
                .param("product", product.value())
                .query((rs, n) -> new StockLevel(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    /** The level of one product, its row locked until the transaction ends (for counts and transfers). */
    public StockLevel lockLevel(StoreId store, ProductId product) {
        lockRow(store, product);
        return level(store, product);
    }

    /**
     * Makes sure the level row exists and locks it until the transaction ends. A row that did not
     * exist could not be locked, and a receipt committing meanwhile would go unnoticed.
     */
    private void lockRow(StoreId store, ProductId product) {
        ensureRow(store, product);
        jdbc.sql("select 1 from inventory_levels where store_id = :store and product_id = :product for update")
                .param("store", store.value())
                .param("product", product.value())
                .query(Integer.class)
                .single();
    }

    private void ensureRow(StoreId store, ProductId product) {
        jdbc.sql("""
                        insert into inventory_levels (store_id, product_id, on_hand, reserved, updated_at)
                        values (:store, :product, 0, 0, :at) on conflict do nothing""")
                .param("store", store.value())
                .param("product", product.value())
                .param("at", SqlTime.utc(clock.instant()))
                .update();
    }

    public List<ProductStock> levels(StoreId store) {
        return jdbc.sql(LEVELS + " order by k.product_id")
                .param("store", store.value())
                .query((rs, n) ->
                        new ProductStock(new ProductId(rs.getString(1)), new StockLevel(rs.getLong(2), rs.getLong(3))))
                .list();
    }

    /** The level of each product at its store, in one query; a product never stocked there has none. */
    public Map<Shelf, StockLevel> levels(Collection<Shelf> shelves) {
        if (shelves.isEmpty()) {
            return Map.of();
        }
        var levels = new HashMap<Shelf, StockLevel>();
        jdbc.sql("""
                        select k.s, k.p,
                               coalesce(l.on_hand, 0) + coalesce((select sum(q.on_hand_delta) from inventory_pending q
                                                                  where q.store_id = k.s and q.product_id = k.p), 0),
                               coalesce(l.reserved, 0)
                        from unnest(cast(:stores as varchar[]), cast(:products as varchar[])) as k(s, p)
                        left join inventory_levels l on l.store_id = k.s and l.product_id = k.p""")
                .param(
                        "stores",
                        shelves.stream().map(shelf -> shelf.storeId().value()).toArray(String[]::new))
                .param(
                        "products",
                        shelves.stream().map(shelf -> shelf.productId().value()).toArray(String[]::new))
                .query(rs -> {
                    levels.put(
                            new Shelf(new StoreId(rs.getString(1)), new ProductId(rs.getString(2))),
                            new StockLevel(rs.getLong(3), rs.getLong(4)));
                });
        return levels;
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

    /** {@link #unitsSold(StoreId, ProductId, Instant)} for several products of a store in one query. */
    public Map<ProductId, Long> unitsSold(StoreId store, java.util.Collection<ProductId> products, Instant since) {
        var sold = new java.util.HashMap<ProductId, Long>();
        if (products.isEmpty()) {
            return sold;
        }
        jdbc.sql("""
                        select product_id, -sum(on_hand_delta) from inventory_movements
                        where store_id = :store and product_id in (:products) and at >= :since
                          and kind in ('SOLD', 'RESERVATION_CONSUMED')
                        group by product_id""")
                .param("store", store.value())
                .param(
                        "products",
                        products.stream().map(ProductId::value).distinct().toList())
                .param("since", SqlTime.utc(since))
                .query(rs -> {
                    sold.put(new ProductId(rs.getString(1)), rs.getLong(2));
                });
        return sold;
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
