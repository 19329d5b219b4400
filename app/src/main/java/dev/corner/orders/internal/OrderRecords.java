package dev.corner.orders.internal;

import dev.corner.catalog.ProductId;
import dev.corner.common.AccountId;
import dev.corner.common.Money;
import dev.corner.common.SqlTime;
import dev.corner.inventory.ReservationId;
import dev.corner.orders.Fulfilment;
import dev.corner.orders.OrderId;
import dev.corner.orders.OrderStatus;
import dev.corner.orders.OrderView;
import dev.corner.orders.model.Order;
import dev.corner.orders.model.OrderLine;
import dev.corner.stores.StoreId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders as stored: a row per order, a row per line. */
@Repository
public class OrderRecords {

    private static final String SELECT = """
            select o.*, l.line_no, l.product_id, l.product_name, l.quantity, l.unit_price, l.reservation_id
            from orders o join order_lines l on l.order_id = o.id
            """;

    private final JdbcClient jdbc;

    OrderRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The orders and their lines, in one statement however many they are. */
    public void insertAll(List<Order> placed) {
        if (placed.isEmpty()) {
            return;
        }
        var views = placed.stream().map(Order::view).toList();
        var lines = new ArrayList<OrderLine>();
        var lineOrders = new ArrayList<String>();
        var lineNos = new ArrayList<Integer>();
        for (var order : placed) {
            for (int i = 0; i < order.lines().size(); i++) {
                lines.add(order.lines().get(i));
                lineOrders.add(order.id().value());
                lineNos.add(i + 1);
            }
        }
        jdbc.sql("""
                        with placed as (
                            insert into orders (id, household_id, store_id, status, fulfilment, total_amount, currency,
                                                placed_at, cancel_until, source, updated_at, confirm_by,
                                                consent_evidence, fulfilment_id)
                            select o.id, o.household, o.store, o.status, o.fulfilment, o.total, o.currency,
                                   o.placed_at, o.cancel_until, o.source, o.placed_at, o.confirm_by,
                                   cast(o.evidence as jsonb), o.fulfilment_id
                            from unnest(cast(:ids as varchar[]), cast(:households as varchar[]),
                                        cast(:stores as varchar[]), cast(:statuses as varchar[]),
                                        cast(:fulfilments as varchar[]), cast(:totals as bigint[]),
                                        cast(:currencies as varchar[]), cast(:placedAts as timestamptz[]),
                                        cast(:cancelUntils as timestamptz[]), cast(:sources as varchar[]),
                                        cast(:confirmBys as timestamptz[]), cast(:evidences as text[]),
                                        cast(:fulfilmentIds as varchar[]))
                                 as o(id, household, store, status, fulfilment, total, currency, placed_at,
                                      cancel_until, source, confirm_by, evidence, fulfilment_id))
                        insert into order_lines (order_id, line_no, product_id, product_name, quantity, unit_price,
                                                 reservation_id)
                        select l.order_id, l.line_no, l.product, l.name, l.quantity, l.price, l.reservation
                        from unnest(cast(:lineOrders as varchar[]), cast(:lineNos as int[]),
                                    cast(:products as varchar[]), cast(:names as varchar[]),
                                    cast(:quantities as bigint[]), cast(:prices as bigint[]),
                                    cast(:reservations as varchar[]))
                             as l(order_id, line_no, product, name, quantity, price, reservation)""")
                .param("ids", views.stream().map(v -> v.orderId().value()).toArray(String[]::new))
                .param(
                        "households",
                        views.stream().map(v -> v.householdId().value()).toArray(String[]::new))
                .param("stores", views.stream().map(v -> v.storeId().value()).toArray(String[]::new))
                .param("statuses", views.stream().map(v -> v.status().name()).toArray(String[]::new))
                .param(
                        "fulfilments",
                        views.stream().map(v -> v.fulfilment().name()).toArray(String[]::new))
                .param("totals", views.stream().map(v -> v.total().amount()).toArray(Long[]::new))
                .param(
                        "currencies",
                        views.stream().map(v -> v.total().currency()).toArray(String[]::new))
                .param("placedAts", views.stream().map(v -> text(v.placedAt())).toArray(String[]::new))
                .param(
                        "cancelUntils",
                        views.stream().map(v -> text(v.cancelUntil())).toArray(String[]::new))
                .param("sources", views.stream().map(OrderView::source).toArray(String[]::new))
                .param(
                        "confirmBys",
                        views.stream().map(v -> text(v.confirmBy())).toArray(String[]::new))
                .param("evidences", placed.stream().map(Order::consentEvidence).toArray(String[]::new))
                .param(
                        "fulfilmentIds",
                        views.stream().map(OrderView::fulfilmentId).toArray(String[]::new))
                .param("lineOrders", lineOrders.toArray(String[]::new))
                .param("lineNos", lineNos.toArray(Integer[]::new))
                .param(
                        "products",
                        lines.stream().map(l -> l.productId().value()).toArray(String[]::new))
                .param("names", lines.stream().map(OrderLine::name).toArray(String[]::new))
                .param("quantities", lines.stream().map(OrderLine::quantity).toArray(Long[]::new))
                .param("prices", lines.stream().map(l -> l.unitPrice().amount()).toArray(Long[]::new))
                .param(
                        "reservations",
                        lines.stream().map(l -> l.reservation().value()).toArray(String[]::new))
                .update();
    }

    /** An instant as PostgreSQL reads it in a {@code timestamptz[]} (ISO 8601, UTC), or null. */
    private static String text(java.time.Instant at) {
        return at == null ? null : at.toString();
    }

    /** The order's last line, added after it was placed, and its new total. */
    public void addLine(Order order) {
        var lines = order.lines();
        insertLine(order.id(), lines.size(), lines.get(lines.size() - 1));
        jdbc.sql("update orders set total_amount = :total, updated_at = now() where id = :id")
                .param("total", order.total().amount())
                .param("id", order.id().value())
                .update();
    }

    private void insertLine(OrderId order, int lineNo, OrderLine line) {
        jdbc.sql("""
                        insert into order_lines (order_id, line_no, product_id, product_name, quantity, unit_price,
                                                 reservation_id)
                        values (:order, :no, :product, :name, :quantity, :price, :reservation)""")
                .param("order", order.value())
                .param("no", lineNo)
                .param("product", line.productId().value())
                .param("name", line.name())
                .param("quantity", line.quantity())
                .param("price", line.unitPrice().amount())
                .param("reservation", line.reservation().value())
                .update();
    }

    public void updateStatus(Order order) {
        jdbc.sql("""
                        update orders set status = :status, cancel_until = :cancelUntil,
                               consent_evidence = cast(:evidence as jsonb), updated_at = now() where id = :id""")
                .param("status", order.status().name())
                .param("cancelUntil", SqlTime.utc(order.view().cancelUntil()))
                .param("evidence", order.consentEvidence())
                .param("id", order.id().value())
                .update();
    }

    /** Orders still awaiting confirmation whose time to confirm has passed. */
    public List<OrderId> awaitingPast(java.time.Instant now, int limit) {
        return jdbc.sql("""
                        select id from orders where status = 'AWAITING_CONFIRMATION' and confirm_by < :now
                        order by confirm_by limit :limit""")
                .param("now", SqlTime.utc(now))
                .param("limit", limit)
                .query((rs, n) -> new OrderId(rs.getString("id")))
                .list();
    }

    /** What a household's orders from sources starting with {@code sourcePrefix} cost since {@code since}. */
    public long spentSince(AccountId household, String sourcePrefix, java.time.Instant since) {
        return spentSince(List.of(household), List.of(sourcePrefix), List.of(since))
                .get(0);
    }

    /** {@link #spentSince} for several households, prefixes and instants (the i-th of each), in one query. */
    public List<Long> spentSince(
            List<AccountId> households, List<String> sourcePrefixes, List<java.time.Instant> sinces) {
        return jdbc.sql("""
                        select coalesce((select sum(o.total_amount) from orders o
                                         where o.household_id = a.h and o.source like a.prefix and o.placed_at >= a.since
                                           and o.status in ('AWAITING_CONFIRMATION', 'PLACED', 'COMPLETED')), 0)
                        from unnest(cast(:households as varchar[]), cast(:prefixes as varchar[]),
                                    cast(:sinces as timestamptz[])) with ordinality as a(h, prefix, since, i)
                        order by a.i""")
                .param("households", households.stream().map(AccountId::value).toArray(String[]::new))
                .param(
                        "prefixes",
                        sourcePrefixes.stream()
                                .map(prefix -> prefix.replace("%", "\\%").replace("_", "\\_") + "%")
                                .toArray(String[]::new))
                .param(
                        "sinces",
                        sinces.stream().map(java.time.Instant::toString).toArray(String[]::new))
                .query(Long.class)
                .list();
    }

    public Optional<Order> find(OrderId id) {
        return one(SELECT + " where o.id = :id order by l.line_no", id);
    }

    /** The orders of these ids that exist, read in one statement. */
    public List<Order> findAll(Collection<OrderId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where o.id in (:ids) order by o.id, l.line_no")
                .param("ids", ids.stream().map(OrderId::value).distinct().toList())
                .query(this::collect);
    }

    /** Reads the order and locks its row until the transaction ends, so transitions do not race. */
    public Optional<Order> lock(OrderId id) {
        jdbc.sql("select id from orders where id = :id for update")
                .param("id", id.value())
                .query(String.class)
                .optional();
        return find(id);
    }

    public List<Order> ofHousehold(AccountId household, int limit) {
        return many(
                SELECT
                        + " where o.id in (select id from orders where household_id = :p order by placed_at desc, id limit "
                        + limit + ") order by o.placed_at desc, o.id, l.line_no",
                household.value());
    }

    public List<Order> openAt(StoreId store) {
        return many(
                SELECT + " where o.store_id = :p and o.status in ('PLACED', 'AWAITING_CONFIRMATION')"
                        + " order by o.placed_at, o.id, l.line_no",
                store.value());
    }

    public List<Order> recent(int limit) {
        return many(
                SELECT + " where o.id in (select id from orders order by placed_at desc, id limit :p)"
                        + " order by o.placed_at desc, o.id, l.line_no",
                limit);
    }

    public List<Order> recentAt(List<StoreId> stores, int limit) {
        if (stores.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where o.id in (select id from orders where store_id in (:stores)"
                        + " order by placed_at desc, id limit :limit) order by o.placed_at desc, o.id, l.line_no")
                .param("stores", stores.stream().map(StoreId::value).toList())
                .param("limit", limit)
                .query(this::collect);
    }

    private Optional<Order> one(String sql, OrderId id) {
        return jdbc.sql(sql).param("id", id.value()).query(this::collect).stream()
                .findFirst();
    }

    private List<Order> many(String sql, Object parameter) {
        return jdbc.sql(sql).param("p", parameter).query(this::collect);
    }

    private List<Order> collect(ResultSet rs) throws SQLException {
        Map<String, List<OrderLine>> lines = new LinkedHashMap<>();
        Map<String, Row> heads = new LinkedHashMap<>();
        while (rs.next()) {
            var id = rs.getString("id");
            heads.computeIfAbsent(id, k -> Row.of(rs));
            var currency = rs.getString("currency");
            lines.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(new OrderLine(
                            new ProductId(rs.getString("product_id")),
                            rs.getString("product_name"),
                            rs.getLong("quantity"),
                            new Money(rs.getLong("unit_price"), currency),
                            new ReservationId(rs.getString("reservation_id"))));
        }
        return heads.values().stream().map(h -> h.toOrder(lines.get(h.id()))).toList();
    }

    private record Row(
            String id,
            String household,
            String store,
            String status,
            String fulfilment,
            java.time.Instant placedAt,
            java.time.Instant cancelUntil,
            String source,
            java.time.Instant confirmBy,
            String consentEvidence,
            String fulfilmentId) {

        static Row of(ResultSet rs) {
            try {
                return new Row(
                        rs.getString("id"),
                        rs.getString("household_id"),
                        rs.getString("store_id"),
                        rs.getString("status"),
                        rs.getString("fulfilment"),
                        SqlTime.instant(rs, "placed_at"),
                        SqlTime.instant(rs, "cancel_until"),
                        rs.getString("source"),
                        SqlTime.instant(rs, "confirm_by"),
                        rs.getString("consent_evidence"),
                        rs.getString("fulfilment_id"));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        Order toOrder(List<OrderLine> lines) {
            var order = new Order(
                    new OrderId(id),
                    new AccountId(household),
                    new StoreId(store),
                    OrderStatus.valueOf(status),
                    Fulfilment.valueOf(fulfilment),
                    lines,
                    placedAt,
                    cancelUntil,
                    source,
                    confirmBy,
                    consentEvidence);
            order.joinFulfilment(fulfilmentId);
            return order;
        }
    }

    /** The household, store and kind whose orders within the consolidation window share a fulfilment. */
    public record FulfilmentKey(AccountId household, StoreId store, Fulfilment kind) {
        /** The advisory lock's key: one household at one store, whatever the kind. */
        String text() {
            return "fulfilment/" + household.value() + "/" + store.value();
        }
    }

    /**
     * The fulfilment orders of each key join: the open one begun within the window, or a new one.
     * Only beginning one is serialized per key (so two orders at once share one): orders that find an
     * open fulfilment join it without waiting for the household's other orders in flight. One
     * statement when every key has an open one, three when some must be begun, however many keys.
     */
    public Map<FulfilmentKey, String> fulfilmentsFor(
            Collection<FulfilmentKey> wanted, java.time.Instant now, java.time.Duration window) {
        var keys = wanted.stream()
                .distinct()
                .sorted(Comparator.comparing(FulfilmentKey::text))
                .toList();
        var found = new HashMap<FulfilmentKey, String>();
        if (keys.isEmpty()) {
            return found;
        }
        var since = SqlTime.utc(now.minus(window));
        jdbc.sql("select k.h, k.s, k.kind, f.id from " + KEYS + " cross join lateral (" + OPEN_FULFILMENT + ") f")
                .params(keyParams(keys))
                .param("since", since)
                .query((rs, n) -> found.put(key(rs), rs.getString(4)))
                .list();
        var missing = keys.stream().filter(k -> !found.containsKey(k)).toList();
        if (missing.isEmpty()) {
            return found;
        }
        // Locked in one order (the keys sorted) in every transaction, so two cannot deadlock.
        jdbc.sql("""
                        select count(*) from (
                            select pg_advisory_xact_lock(hashtextextended(t, 0)) from unnest(cast(:texts as text[])) t) l""")
                .param("texts", missing.stream().map(FulfilmentKey::text).toArray(String[]::new))
                .query(Long.class)
                .single();
        // Read again once the locks are held, in a statement of their own (so an order that held a
        // lock and began one is seen), and begin one only where there is still none.
        jdbc.sql("with k as (select * from " + KEYS + """
                        ),
                        found as (
                            select k.h, k.s, k.kind, f.id from k cross join lateral (""" + OPEN_FULFILMENT + """
                        ) f),
                        begun as (
                            insert into order_fulfilments (id, household_id, store_id, kind, status, opened_at)
                            select k.id, k.h, k.s, k.kind, 'OPEN', :at from k
                            where not exists (select 1 from found where found.h = k.h and found.s = k.s and found.kind = k.kind)
                            returning household_id, store_id, kind, id)
                        select * from found union all select * from begun""")
                .params(keyParams(missing))
                .param("since", since)
                .param("at", SqlTime.utc(now))
                .query((rs, n) -> found.put(key(rs), rs.getString(4)))
                .list();
        return found;
    }

    private static final String KEYS = """
            unnest(cast(:ids as varchar[]), cast(:households as varchar[]), cast(:stores as varchar[]),
                   cast(:kinds as varchar[])) as k(id, h, s, kind)""";

    private static Map<String, Object> keyParams(List<FulfilmentKey> keys) {
        return Map.of(
                "ids", keys.stream().map(k -> dev.corner.common.Ids.next("ful")).toArray(String[]::new),
                "households", keys.stream().map(k -> k.household().value()).toArray(String[]::new),
                "stores", keys.stream().map(k -> k.store().value()).toArray(String[]::new),
                "kinds", keys.stream().map(k -> k.kind().name()).toArray(String[]::new));
    }

    private static FulfilmentKey key(ResultSet rs) throws SQLException {
        return new FulfilmentKey(
                new AccountId(rs.getString(1)), new StoreId(rs.getString(2)), Fulfilment.valueOf(rs.getString(3)));
    }

    private static final String OPEN_FULFILMENT = """
            select id from order_fulfilments
            where household_id = k.h and store_id = k.s and kind = k.kind and status = 'OPEN'
              and opened_at >= :since
            order by opened_at desc limit 1""";

    /** The goods left the store (picked up or handed to a courier): later orders start a new one. */
    public void closeFulfilmentOf(OrderId order, java.time.Instant at) {
        jdbc.sql("""
                        update order_fulfilments set status = 'CLOSED', closed_at = :at
                        where status = 'OPEN' and id = (select fulfilment_id from orders where id = :id)""").param("at", SqlTime.utc(at)).param("id", order.value()).update();
    }

    /** Orders and the fulfilments they were gathered into, for a household since {@code since}. */
    public long[] ordersAndFulfilments(AccountId household, java.time.Instant since) {
        return jdbc.sql("""
                        select count(*) as orders, count(distinct fulfilment_id) as fulfilments from orders
                        where household_id = :household and placed_at >= :since and fulfilment_id is not null
                          and status in ('PLACED', 'COMPLETED', 'AWAITING_CONFIRMATION')""")
                .param("household", household.value())
                .param("since", SqlTime.utc(since))
                .query((rs, n) -> new long[] {rs.getLong("orders"), rs.getLong("fulfilments")})
                .single();
    }
}
