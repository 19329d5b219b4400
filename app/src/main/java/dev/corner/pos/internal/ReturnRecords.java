package dev.corner.pos.internal;

import dev.corner.common.Caller;
import dev.corner.common.Money;
import dev.corner.common.SqlTime;
import dev.corner.pos.SaleReturn;
import dev.corner.stores.StoreId;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Returns against recorded sales; the primary key (store, return id) makes a re-sent return count once. */
@Repository
public class ReturnRecords {

    /** A return as stored, with the fingerprint of the request that made it. */
    public record Recorded(SaleReturn saleReturn, String fingerprint) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    ReturnRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void insert(SaleReturn saleReturn, String fingerprint, String reason, String shiftId, Caller by) {
        var store = saleReturn.storeId().value();
        jdbc.sql("""
                        insert into pos_returns (store_id, return_id, sale_id, fingerprint, refund_amount, currency,
                                                 reason, shift_id, recorded_by, recorded_at)
                        values (:store, :id, :sale, :fingerprint, :refund, :currency, :reason, :shift, :by, :at)""")
                .param("store", store)
                .param("id", saleReturn.returnId())
                .param("sale", saleReturn.saleId())
                .param("fingerprint", fingerprint)
                .param("refund", saleReturn.refund().amount())
                .param("currency", saleReturn.refund().currency())
                .param("reason", reason)
                .param("shift", shiftId)
                .param("by", by.accountId().value())
                .param("at", SqlTime.utc(clock.instant()))
                .update();
        for (var line : saleReturn.lines()) {
            jdbc.sql("""
                            insert into pos_return_lines (store_id, return_id, line_no, quantity, restock, refund)
                            values (:store, :id, :line, :quantity, :restock, :refund)""")
                    .param("store", store)
                    .param("id", saleReturn.returnId())
                    .param("line", line.lineNo())
                    .param("quantity", line.quantity())
                    .param("restock", line.restock())
                    .param("refund", line.refund().amount())
                    .update();
        }
        for (var refund : saleReturn.refunds()) {
            jdbc.sql("""
                            insert into pos_return_refunds (store_id, return_id, refund_no, type, amount)
                            values (:store, :id, :no, :type, :amount)""")
                    .param("store", store)
                    .param("id", saleReturn.returnId())
                    .param("no", refund.tenderNo())
                    .param("type", refund.type().name())
                    .param("amount", refund.amount().amount())
                    .update();
        }
    }

    private record Head(String saleId, String fingerprint, String currency, long refund) {}

    public Optional<Recorded> find(StoreId store, String returnId) {
        return jdbc.sql("select * from pos_returns where store_id = :store and return_id = :id")
                .param("store", store.value())
                .param("id", returnId)
                .query((rs, n) -> new Head(
                        rs.getString("sale_id"),
                        rs.getString("fingerprint"),
                        rs.getString("currency"),
                        rs.getLong("refund_amount")))
                .optional()
                .map(head -> new Recorded(
                        new SaleReturn(
                                returnId,
                                store,
                                head.saleId(),
                                lines(store, returnId, head.currency()),
                                new Money(head.refund(), head.currency()),
                                refunds(store, returnId, head.currency())),
                        head.fingerprint()));
    }

    /** The returns made against a sale, oldest first. */
    public List<SaleReturn> ofSale(StoreId store, String saleId) {
        return jdbc
                .sql(
                        "select return_id from pos_returns where store_id = :store and sale_id = :sale order by recorded_at, return_id")
                .param("store", store.value())
                .param("sale", saleId)
                .query(String.class)
                .list()
                .stream()
                .map(id -> find(store, id).orElseThrow().saleReturn())
                .toList();
    }

    private List<SaleReturn.Line> lines(StoreId store, String returnId, String currency) {
        return jdbc.sql("select * from pos_return_lines where store_id = :store and return_id = :id order by line_no")
                .param("store", store.value())
                .param("id", returnId)
                .query((rs, n) -> new SaleReturn.Line(
                        rs.getInt("line_no"),
                        rs.getLong("quantity"),
                        rs.getBoolean("restock"),
                        new Money(rs.getLong("refund"), currency)))
                .list();
    }

    private List<SaleReturn.Refund> refunds(StoreId store, String returnId, String currency) {
        return jdbc.sql(
                        "select * from pos_return_refunds where store_id = :store and return_id = :id order by refund_no = 0, refund_no")
                .param("store", store.value())
                .param("id", returnId)
                .query((rs, n) -> new SaleReturn.Refund(
                        SaleReturn.RefundType.valueOf(rs.getString("type")),
                        rs.getInt("refund_no"),
                        new Money(rs.getLong("amount"), currency)))
                .list();
    }

    /** Units of each line of the sale that came back already. */
    public Map<Integer, Long> returnedPerLine(StoreId store, String saleId) {
        var returned = new HashMap<Integer, Long>();
        jdbc.sql("""
                        select l.line_no, sum(l.quantity) as quantity from pos_return_lines l
                        join pos_returns r on r.store_id = l.store_id and r.return_id = l.return_id
                        where r.store_id = :store and r.sale_id = :sale group by l.line_no""").param("store", store.value()).param("sale", saleId).query(rs -> {
            returned.put(rs.getInt("line_no"), rs.getLong("quantity"));
        });
        return returned;
    }

    /** What was refunded to each card tender of the sale already. */
    public Map<Integer, Long> refundedPerCard(StoreId store, String saleId) {
        var refunded = new HashMap<Integer, Long>();
        jdbc.sql("""
                        select f.refund_no, sum(f.amount) as amount from pos_return_refunds f
                        join pos_returns r on r.store_id = f.store_id and r.return_id = f.return_id
                        where r.store_id = :store and r.sale_id = :sale and f.type = 'CARD' group by f.refund_no""").param("store", store.value()).param("sale", saleId).query(rs -> {
            refunded.put(rs.getInt("refund_no"), rs.getLong("amount"));
        });
        return refunded;
    }
}
