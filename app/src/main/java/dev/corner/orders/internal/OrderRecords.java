package dev.corner.orders.internal;

import dev.corner.catalog.ProductId;
import dev.corner.common.AccountId;
import dev.corner.common.Money;
import dev.corner.common.SqlTime;
import dev.corner.inventory.ReservationId;
import dev.corner.orders.Fulfilment;
import dev.corner.orders.OrderId;
import dev.corner.orders.OrderStatus;
import dev.corner.orders.model.Order;
import dev.corner.orders.model.OrderLine;
import dev.corner.stores.StoreId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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

    /** The order and its lines, in one statement. */
    public void insert(Order order) {
        var view = order.view();
        var lines = order.lines();
        jdbc.sql("""
                        with placed as (
                            insert into orders (id, household_id, store_id, status, fulfilment, total_amount, currency,
                                                placed_at, cancel_until, source, updated_at, confirm_by,
                                                consent_evidence, fulfilment_id)
                            values (:id, :household, :store, :status, :fulfilment, :total, :currency,
                                    :placedAt, :cancelUntil, :source, :placedAt, :confirmBy, cast(:evidence as jsonb),
                                    :fulfilmentId))
                        insert into order_lines (order_id, line_no, product_id, product_name, quantity, unit_price,
                                                 reservation_id)
                        select :id, l.line_no, l.product, l.name, l.quantity, l.price, l.reservation
                        from unnest(cast(:products as varchar[]), cast(:names as varchar[]),
                                    cast(:quantities as bigint[]), cast(:prices as bigint[]),
                                    cast(:reservations as varchar[]))
                             with ordinality as l(product, name, quantity, price, reservation, line_no)""")
                .param("id", view.orderId().value())
                .param("household", view.householdId().value())
                .param("store", view.storeId().value())
                .param("status", view.status().name())
                .param("fulfilment", view.fulfilment().name())
                .param("total", view.total().amount())
                .param("currency", view.total().currency())
                .param("placedAt", SqlTime.utc(view.placedAt()))
                .param("cancelUntil", SqlTime.utc(view.cancelUntil()))
                .param("source", view.source())
                .param("confirmBy", SqlTime.utc(view.confirmBy()))
                .param("evidence", order.consentEvidence())
                .param("fulfilmentId", view.fulfilmentId())
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
        return jdbc.sql("""
                        select coalesce(sum(total_amount), 0) from orders
                        where household_id = :household and source like :prefix and placed_at >= :since
                          and status in ('AWAITING_CONFIRMATION', 'PLACED', 'COMPLETED')""")
                .param("household", household.value())
                .param("prefix", sourcePrefix.replace("%", "\\%").replace("_", "\\_") + "%")
                .param("since", SqlTime.utc(since))
                .query(Long.class)
                .single();
    }

    public Optional<Order> find(OrderId id) {
        return one(SELECT + " where o.id = :id order by l.line_no", id);
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

    /**
     * The fulfilment an order of the household at the store joins: the open one begun within the
     * window, or a new one. Only beginning one is serialized per household and store (so two orders
     * at once share one): an order that finds an open fulfilment joins it without waiting for the
     * household's other orders in flight.
     */
    public String fulfilmentFor(
            AccountId household, StoreId store, Fulfilment kind, java.time.Instant now, java.time.Duration window) {
        var open = openFulfilment(household, store, kind, now.minus(window));
        if (open.isPresent()) {
            return open.get();
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "fulfilment/" + household.value() + "/" + store.value())
                .query(Object.class)
                .single();
        // Read again once the lock is held, in a statement of its own (so an order that held the lock
        // and began one is seen), and begin one only if there is still none.
        return jdbc.sql(OPEN_OR_BEGUN_FULFILMENT)
                .param("id", dev.corner.common.Ids.next("ful"))
                .param("household", household.value())
                .param("store", store.value())
                .param("kind", kind.name())
                .param("since", SqlTime.utc(now.minus(window)))
                .param("at", SqlTime.utc(now))
                .query(String.class)
                .single();
    }

    private static final String OPEN_FULFILMENT = """
            select id from order_fulfilments
            where household_id = :household and store_id = :store and kind = :kind and status = 'OPEN'
              and opened_at >= :since
            order by opened_at desc limit 1""";

    private static final String OPEN_OR_BEGUN_FULFILMENT = "with found as (" + OPEN_FULFILMENT + """
            ),
            begun as (
                insert into order_fulfilments (id, household_id, store_id, kind, status, opened_at)
                select :id, :household, :store, :kind, 'OPEN', :at
                where not exists (select 1 from found)
                returning id)
            select id from found union all select id from begun""";

    private Optional<String> openFulfilment(
            AccountId household, StoreId store, Fulfilment kind, java.time.Instant since) {
        return jdbc.sql(OPEN_FULFILMENT)
                .param("household", household.value())
                .param("store", store.value())
                .param("kind", kind.name())
                .param("since", SqlTime.utc(since))
                .query(String.class)
                .optional();
    }

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
