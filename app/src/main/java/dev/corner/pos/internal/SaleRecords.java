package dev.corner.pos.internal;

import dev.corner.catalog.ProductId;
import dev.corner.common.Caller;
import dev.corner.common.Digests;
import dev.corner.common.Money;
import dev.corner.common.SqlTime;
import dev.corner.pos.Sale;
import dev.corner.pos.SaleLine;
import dev.corner.pos.Selling.SaleRequest;
import dev.corner.pos.Tender;
import dev.corner.stores.StoreId;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Recorded sales; the primary key (store, sale id) is what makes a re-sent sale count once. */
@Repository
public class SaleRecords {

    /** A sale as stored, with the fingerprint of the request that created it. */
    public record Recorded(Sale sale, String fingerprint) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    SaleRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A digest of what was asked (lines and tenders, in order) to tell a re-send from a reuse. */
    public static String fingerprint(SaleRequest request) {
        var text = new StringBuilder();
        request.lines()
                .forEach(l -> text.append(l.productId().value())
                        .append('*')
                        .append(l.quantity())
                        .append(';'));
        text.append('|');
        if (request.tenders() != null) {
            request.tenders()
                    .forEach(t -> text.append(t.type())
                            .append(':')
                            .append(t.amount().amount())
                            .append(t.amount().currency())
                            .append(';'));
        }
        return Digests.sha256Hex(text.toString());
    }

    /** False if a sale with this id was recorded already. */
    public boolean insert(Sale sale, Caller by, String fingerprint, String shiftId) {
        int inserted = jdbc.sql("""
                        insert into pos_sales (store_id, sale_id, total_amount, change_amount, currency, fingerprint,
                                               recorded_by, recorded_at, shift_id)
                        values (:store, :sale, :total, :change, :currency, :fingerprint, :by, :at, :shift)
                        on conflict (store_id, sale_id) do nothing""")
                .param("store", sale.storeId().value())
                .param("sale", sale.saleId())
                .param("total", sale.total().amount())
                .param("change", sale.change().amount())
                .param("currency", sale.total().currency())
                .param("fingerprint", fingerprint)
                .param("by", by.accountId().value())
                .param("shift", shiftId)
                .param("at", SqlTime.utc(clock.instant()))
                .update();
        if (inserted == 0) {
            return false;
        }
        // All lines in one statement and all tenders in another: two round trips whatever the basket.
        jdbc.sql("""
                        insert into pos_sale_lines (store_id, sale_id, line_no, product_id, quantity, unit_price, line_total)
                        select :store, :sale, n, p, q, u, t
                        from unnest(cast(:products as varchar[]), cast(:quantities as bigint[]),
                                    cast(:units as bigint[]), cast(:totals as bigint[])) with ordinality as l(p, q, u, t, n)""")
                .param("store", sale.storeId().value())
                .param("sale", sale.saleId())
                .param(
                        "products",
                        sale.lines().stream().map(l -> l.productId().value()).toArray(String[]::new))
                .param(
                        "quantities",
                        sale.lines().stream().map(SaleLine::quantity).toArray(Long[]::new))
                .param(
                        "units",
                        sale.lines().stream().map(l -> l.unitPrice().amount()).toArray(Long[]::new))
                .param(
                        "totals",
                        sale.lines().stream().map(l -> l.total().amount()).toArray(Long[]::new))
                .update();
        jdbc.sql("""
                        insert into pos_sale_tenders (store_id, sale_id, tender_no, type, amount)
                        select :store, :sale, n, k, a
                        from unnest(cast(:types as varchar[]), cast(:amounts as bigint[])) with ordinality as t(k, a, n)""")
                .param("store", sale.storeId().value())
                .param("sale", sale.saleId())
                .param(
                        "types",
                        sale.tenders().stream().map(t -> t.type().name()).toArray(String[]::new))
                .param(
                        "amounts",
                        sale.tenders().stream().map(t -> t.amount().amount()).toArray(Long[]::new))
                .update();
        return true;
    }

    private record Head(String currency, long total, long change, String fingerprint) {}

    public Optional<Recorded> find(StoreId store, String saleId) {
        return jdbc.sql("select * from pos_sales where store_id = :store and sale_id = :sale")
                .param("store", store.value())
                .param("sale", saleId)
                .query((rs, n) -> new Head(
                        rs.getString("currency"),
                        rs.getLong("total_amount"),
                        rs.getLong("change_amount"),
                        rs.getString("fingerprint")))
                .optional()
                .map(head -> {
                    var lines = jdbc.sql(
                                    "select * from pos_sale_lines where store_id = :store and sale_id = :sale order by line_no")
                            .param("store", store.value())
                            .param("sale", saleId)
                            .query((rs, n) -> new SaleLine(
                                    new ProductId(rs.getString("product_id")),
                                    rs.getLong("quantity"),
                                    new Money(rs.getLong("unit_price"), head.currency()),
                                    new Money(rs.getLong("line_total"), head.currency())))
                            .list();
                    var tenders = jdbc.sql(
                                    "select * from pos_sale_tenders where store_id = :store and sale_id = :sale order by tender_no")
                            .param("store", store.value())
                            .param("sale", saleId)
                            .query((rs, n) -> new Tender(
                                    Tender.Type.valueOf(rs.getString("type")),
                                    new Money(rs.getLong("amount"), head.currency())))
                            .list();
                    var sale = new Sale(
                            saleId,
                            store,
                            lines,
                            tenders,
                            new Money(head.total(), head.currency()),
                            new Money(head.change(), head.currency()));
                    return new Recorded(sale, head.fingerprint());
                });
    }
}
