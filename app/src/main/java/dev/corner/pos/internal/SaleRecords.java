package dev.corner.pos.internal;

import dev.corner.catalog.ProductId;
import dev.corner.common.AccountId;
import dev.corner.common.Digests;
import dev.corner.common.Money;
import dev.corner.common.SqlTime;
import dev.corner.pos.Sale;
import dev.corner.pos.SaleFlag;
import dev.corner.pos.SaleLine;
import dev.corner.pos.SalesHistory.Search;
import dev.corner.pos.SalesHistory.Summary;
import dev.corner.pos.Selling.SaleRequest;
import dev.corner.pos.Tender;
import dev.corner.stores.StoreId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Recorded sales; the primary key (store, sale id) is what makes a re-sent sale count once. */
@Repository
public class SaleRecords {

    /** A sale as stored, with the fingerprint of the request that created it and who and when. */
    public record Recorded(Sale sale, String fingerprint, String recordedBy, Instant recordedAt, String shiftId) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    SaleRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A digest of everything the till asked, in order, to tell a re-send from a reuse of the id. */
    public static String fingerprint(SaleRequest request) {
        var text = new StringBuilder();
        request.lines()
                .forEach(l -> text.append(l.productId().value())
                        .append('*')
                        .append(l.quantity())
                        .append('%')
                        .append(l.discountPercent())
                        .append('@')
                        .append(
                                l.unitPrice() == null
                                        ? "-"
                                        : l.unitPrice().amount() + l.unitPrice().currency())
                        .append(';'));
        text.append('|').append(money(request.basketDiscount())).append('|');
        if (request.tenders() != null) {
            request.tenders()
                    .forEach(t -> text.append(t.type())
                            .append(':')
                            .append(money(t.amount()))
                            .append(':')
                            .append(t.terminalId())
                            .append(';'));
        }
        text.append('|').append(request.registerId()).append('|').append(request.madeOfflineAt());
        if (request.soldBy() != null) {
            text.append("|by:").append(request.soldBy());
        }
        return Digests.sha256Hex(text.toString());
    }

    private static String money(Money money) {
        return money == null ? "-" : money.amount() + money.currency();
    }

    /** Holds other requests for the same sale id until this transaction ends. */
    public void lockSaleId(StoreId store, String saleId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "pos-sale/" + store.value() + "/" + saleId)
                .query(Object.class)
                .single();
    }

    /**
     * False if a sale with this id was recorded already. The head, its lines and its tenders go in
     * one statement: lines and tenders are inserted only when the head was, so a sale id recorded
     * earlier gets nothing added, and one round trip does it whatever the basket.
     */
    public boolean insert(Sale sale, AccountId by, String fingerprint, String shiftId) {
        var lines = sale.lines();
        var tenders = sale.tenders();
        return jdbc.sql("""
                        with head as (
                            insert into pos_sales (store_id, sale_id, subtotal_amount, discount_amount, total_amount,
                                                   change_amount, currency, fingerprint, recorded_by, recorded_at,
                                                   shift_id, register_id, made_offline_at, flags)
                            values (:store, :sale, :subtotal, :discount, :total, :change, :currency, :fingerprint, :by,
                                    :at, :shift, :register, :offline, :flags)
                            on conflict (store_id, sale_id) do nothing
                            returning store_id, sale_id),
                        lines as (
                            insert into pos_sale_lines (store_id, sale_id, line_no, product_id, quantity, unit_price,
                                                        discount_percent, discount_amount, line_total)
                            select h.store_id, h.sale_id, n, p, q, u, dp, d, t
                            from head h,
                                 unnest(cast(:products as varchar[]), cast(:quantities as bigint[]),
                                        cast(:units as bigint[]), cast(:percents as int[]), cast(:discounts as bigint[]),
                                        cast(:totals as bigint[])) with ordinality as l(p, q, u, dp, d, t, n)),
                        tenders as (
                            insert into pos_sale_tenders (store_id, sale_id, tender_no, type, amount, terminal_id,
                                                          status, auth_code, decline_code)
                            select h.store_id, h.sale_id, n, k, a, tm, st, ac, dc
                            from head h,
                                 unnest(cast(:types as varchar[]), cast(:amounts as bigint[]),
                                        cast(:terminals as varchar[]), cast(:statuses as varchar[]),
                                        cast(:auths as varchar[]), cast(:declines as varchar[]))
                                 with ordinality as t(k, a, tm, st, ac, dc, n))
                        select count(*) from head""")
                        .param("store", sale.storeId().value())
                        .param("sale", sale.saleId())
                        .param("subtotal", sale.subtotal().amount())
                        .param("discount", sale.discount().amount())
                        .param("total", sale.total().amount())
                        .param("change", sale.change().amount())
                        .param("currency", sale.total().currency())
                        .param("fingerprint", fingerprint)
                        .param("by", by.value())
                        .param("at", SqlTime.utc(clock.instant()))
                        .param("shift", shiftId)
                        .param("register", sale.registerId())
                        .param("offline", sale.madeOfflineAt() == null ? null : SqlTime.utc(sale.madeOfflineAt()))
                        .param(
                                "flags",
                                sale.flags().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                        .param(
                                "products",
                                lines.stream().map(l -> l.productId().value()).toArray(String[]::new))
                        .param(
                                "quantities",
                                lines.stream().map(SaleLine::quantity).toArray(Long[]::new))
                        .param(
                                "units",
                                lines.stream().map(l -> l.unitPrice().amount()).toArray(Long[]::new))
                        .param(
                                "percents",
                                lines.stream().map(SaleLine::discountPercent).toArray(Integer[]::new))
                        .param(
                                "discounts",
                                lines.stream().map(l -> l.discount().amount()).toArray(Long[]::new))
                        .param(
                                "totals",
                                lines.stream().map(l -> l.total().amount()).toArray(Long[]::new))
                        .param(
                                "types",
                                tenders.stream().map(t -> t.type().name()).toArray(String[]::new))
                        .param(
                                "amounts",
                                tenders.stream().map(t -> t.amount().amount()).toArray(Long[]::new))
                        .param(
                                "terminals",
                                tenders.stream().map(Tender::terminalId).toArray(String[]::new))
                        .param(
                                "statuses",
                                tenders.stream().map(t -> t.status().name()).toArray(String[]::new))
                        .param("auths", tenders.stream().map(Tender::authCode).toArray(String[]::new))
                        .param(
                                "declines",
                                tenders.stream().map(Tender::declineCode).toArray(String[]::new))
                        .query(Long.class)
                        .single()
                > 0;
    }

    private record Head(
            String currency,
            long subtotal,
            long discount,
            long total,
            long change,
            String fingerprint,
            String registerId,
            Instant madeOfflineAt,
            Set<SaleFlag> flags,
            String recordedBy,
            Instant recordedAt,
            String shiftId) {}

    private static Head head(ResultSet rs) throws SQLException {
        return new Head(
                rs.getString("currency"),
                rs.getLong("subtotal_amount"),
                rs.getLong("discount_amount"),
                rs.getLong("total_amount"),
                rs.getLong("change_amount"),
                rs.getString("fingerprint"),
                rs.getString("register_id"),
                SqlTime.instant(rs, "made_offline_at"),
                flags(rs.getString("flags")),
                rs.getString("recorded_by"),
                SqlTime.instant(rs, "recorded_at"),
                rs.getString("shift_id"));
    }

    static Set<SaleFlag> flags(String text) {
        if (text == null || text.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(text.split(","))
                .map(SaleFlag::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SaleFlag.class)));
    }

    public Optional<Recorded> find(StoreId store, String saleId) {
        return jdbc.sql("select * from pos_sales where store_id = :store and sale_id = :sale")
                .param("store", store.value())
                .param("sale", saleId)
                .query((rs, n) -> head(rs))
                .optional()
                .map(head -> {
                    var lines = jdbc.sql(
                                    "select * from pos_sale_lines where store_id = :store and sale_id = :sale order by line_no")
                            .param("store", store.value())
                            .param("sale", saleId)
                            .query((rs, n) -> new SaleLine(
                                    rs.getInt("line_no"),
                                    new ProductId(rs.getString("product_id")),
                                    rs.getLong("quantity"),
                                    new Money(rs.getLong("unit_price"), head.currency()),
                                    rs.getInt("discount_percent"),
                                    new Money(rs.getLong("discount_amount"), head.currency()),
                                    new Money(rs.getLong("line_total"), head.currency())))
                            .list();
                    var tenders = jdbc.sql(
                                    "select * from pos_sale_tenders where store_id = :store and sale_id = :sale order by tender_no")
                            .param("store", store.value())
                            .param("sale", saleId)
                            .query((rs, n) -> new Tender(
                                    Tender.Type.valueOf(rs.getString("type")),
                                    new Money(rs.getLong("amount"), head.currency()),
                                    rs.getString("terminal_id"),
                                    Tender.Status.valueOf(rs.getString("status")),
                                    rs.getString("auth_code"),
                                    rs.getString("decline_code")))
                            .list();
                    var sale = new Sale(
                            saleId,
                            store,
                            head.registerId(),
                            lines,
                            tenders,
                            new Money(head.subtotal(), head.currency()),
                            new Money(head.discount(), head.currency()),
                            new Money(head.total(), head.currency()),
                            new Money(head.change(), head.currency()),
                            head.madeOfflineAt(),
                            head.flags());
                    return new Recorded(sale, head.fingerprint(), head.recordedBy(), head.recordedAt(), head.shiftId());
                });
    }

    /** The store's sales matching {@code search}, newest first. */
    public List<Summary> search(StoreId store, Search search) {
        var sql = new StringBuilder("select * from pos_sales s where s.store_id = :store");
        if (search.from() != null) {
            sql.append(" and s.recorded_at >= :from");
        }
        if (search.to() != null) {
            sql.append(" and s.recorded_at < :to");
        }
        if (search.registerId() != null) {
            sql.append(" and s.register_id = :register");
        }
        if (search.productId() != null) {
            sql.append(" and exists (select 1 from pos_sale_lines l where l.store_id = s.store_id"
                    + " and l.sale_id = s.sale_id and l.product_id = :product)");
        }
        if (search.flaggedOnly()) {
            sql.append(" and s.flags <> ''");
        }
        if (search.saleIdPrefix() != null) {
            sql.append(" and s.sale_id like :prefix escape '\\'");
        }
        sql.append(" order by s.recorded_at desc, s.sale_id desc limit :limit");
        var query = jdbc.sql(sql.toString()).param("store", store.value()).param("limit", search.limit());
        if (search.from() != null) {
            query = query.param("from", SqlTime.utc(search.from()));
        }
        if (search.to() != null) {
            query = query.param("to", SqlTime.utc(search.to()));
        }
        if (search.registerId() != null) {
            query = query.param("register", search.registerId());
        }
        if (search.productId() != null) {
            query = query.param("product", search.productId().value());
        }
        if (search.saleIdPrefix() != null) {
            query = query.param(
                    "prefix",
                    search.saleIdPrefix()
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        return query.query((rs, n) -> {
                    var head = head(rs);
                    return new Summary(
                            rs.getString("sale_id"),
                            head.recordedAt(),
                            new Money(head.total(), head.currency()),
                            head.registerId(),
                            head.madeOfflineAt() != null,
                            head.flags(),
                            head.recordedBy());
                })
                .list();
    }
}
