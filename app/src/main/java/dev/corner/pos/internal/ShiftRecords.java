package dev.corner.pos.internal;

import dev.corner.common.Caller;
import dev.corner.common.Money;
import dev.corner.common.SqlTime;
import dev.corner.pos.Shifts.Register;
import dev.corner.pos.model.ZReport;
import dev.corner.stores.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registers, their shifts and the cash moved in them, as stored. */
@Repository
public class ShiftRecords {

    /** A shift as stored. */
    public record ShiftRow(String id, String registerId, StoreId storeId, boolean open) {}

    private final JdbcClient jdbc;

    ShiftRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertRegister(String id, StoreId store, String name, Instant at) {
        jdbc.sql("insert into pos_registers (id, store_id, name, created_at) values (:id, :store, :name, :at)")
                .param("id", id)
                .param("store", store.value())
                .param("name", name)
                .param("at", SqlTime.utc(at))
                .update();
    }

    public List<Register> registers(StoreId store) {
        return jdbc.sql("""
                        select r.id, r.name, s.id as shift_id from pos_registers r
                        left join pos_shifts s on s.register_id = r.id and s.status = 'OPEN'
                        where r.store_id = :store order by r.name, r.id""")
                .param("store", store.value())
                .query((rs, n) -> new Register(rs.getString("id"), rs.getString("name"), rs.getString("shift_id")))
                .list();
    }

    public boolean registerIn(StoreId store, String registerId) {
        return jdbc.sql("select count(*) from pos_registers where id = :id and store_id = :store")
                        .param("id", registerId)
                        .param("store", store.value())
                        .query(Long.class)
                        .single()
                == 1;
    }

    /** False if the register has an open shift already (one open shift per register, by a unique index). */
    public boolean openShift(String id, String registerId, StoreId store, Caller by, Money openingFloat, Instant at) {
        return jdbc.sql("""
                                insert into pos_shifts (id, register_id, store_id, status, opened_by, opened_at,
                                                        opening_float, currency)
                                values (:id, :register, :store, 'OPEN', :by, :at, :float, :currency)
                                on conflict do nothing""")
                        .param("id", id)
                        .param("register", registerId)
                        .param("store", store.value())
                        .param("by", by.accountId().value())
                        .param("at", SqlTime.utc(at))
                        .param("float", openingFloat.amount())
                        .param("currency", openingFloat.currency())
                        .update()
                == 1;
    }

    public Optional<ShiftRow> shift(String id) {
        return jdbc.sql("select id, register_id, store_id, status from pos_shifts where id = :id")
                .param("id", id)
                .query((rs, n) -> new ShiftRow(
                        rs.getString(1), rs.getString(2), new StoreId(rs.getString(3)), "OPEN".equals(rs.getString(4))))
                .optional();
    }

    /** Ids of a store's shifts, the latest opened first. */
    public List<String> shiftsOf(StoreId store, int limit) {
        return jdbc.sql("select id from pos_shifts where store_id = :store order by opened_at desc, id limit :limit")
                .param("store", store.value())
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    public Optional<String> openShiftOf(String registerId) {
        return jdbc.sql("select id from pos_shifts where register_id = :register and status = 'OPEN'")
                .param("register", registerId)
                .query(String.class)
                .optional();
    }

    /** A cash movement recorded earlier under a register-made id: what it was. */
    public record RecordedMovement(String type, long amount) {}

    /**
     * Records a cash movement; with a register-made {@code movementId} only once per shift. Answers
     * false, changing nothing, when that id was recorded before.
     */
    public boolean insertCashMovement(
            String shiftId,
            String type,
            Money amount,
            String note,
            Instant at,
            String movementId,
            Instant madeOfflineAt) {
        return jdbc.sql("""
                                insert into pos_cash_movements (shift_id, type, amount, note, at, movement_id, made_offline_at)
                                values (:shift, :type, :amount, :note, :at, :movement, :offline)
                                on conflict (shift_id, movement_id) where movement_id is not null do nothing""")
                        .param("shift", shiftId)
                        .param("type", type)
                        .param("amount", amount.amount())
                        .param("note", note)
                        .param("at", SqlTime.utc(at))
                        .param("movement", movementId)
                        .param("offline", SqlTime.utc(madeOfflineAt))
                        .update()
                == 1;
    }

    public Optional<RecordedMovement> cashMovement(String shiftId, String movementId) {
        return jdbc.sql(
                        "select type, amount from pos_cash_movements where shift_id = :shift and movement_id = :movement")
                .param("shift", shiftId)
                .param("movement", movementId)
                .query((rs, n) -> new RecordedMovement(rs.getString("type"), rs.getLong("amount")))
                .optional();
    }

    public void closeShift(String id, Money counted, Instant at) {
        jdbc.sql("""
                        update pos_shifts set status = 'CLOSED', closed_at = :at, counted_cash = :counted
                        where id = :id and status = 'OPEN'""")
                .param("at", SqlTime.utc(at))
                .param("counted", counted.amount())
                .param("id", id)
                .update();
    }

    public Optional<ZReport> report(String shiftId) {
        return jdbc.sql("""
                        select s.id, s.register_id, s.opened_at, s.closed_at, s.opening_float, s.currency, s.counted_cash,
                               x.sales, x.offline_sales, x.total, x.discounts, x.change,
                               (select coalesce(sum(t.amount) filter (where t.type = 'CASH'), 0)
                                from pos_sale_tenders t join pos_sales y on y.store_id = t.store_id and y.sale_id = t.sale_id
                                where y.shift_id = s.id) as cash_tendered,
                               (select coalesce(sum(t.amount) filter (where t.type = 'CARD' and t.status = 'APPROVED'), 0)
                                from pos_sale_tenders t join pos_sales y on y.store_id = t.store_id and y.sale_id = t.sale_id
                                where y.shift_id = s.id) as card_taken,
                               (select count(*) from pos_returns r where r.shift_id = s.id) as returns,
                               (select coalesce(sum(f.amount) filter (where f.type = 'CASH'), 0)
                                from pos_return_refunds f join pos_returns r
                                     on r.store_id = f.store_id and r.return_id = f.return_id
                                where r.shift_id = s.id) as cash_refunds,
                               (select coalesce(sum(f.amount) filter (where f.type = 'CARD'), 0)
                                from pos_return_refunds f join pos_returns r
                                     on r.store_id = f.store_id and r.return_id = f.return_id
                                where r.shift_id = s.id) as card_refunds,
                               m.paid_in, m.paid_out, m.no_sales
                        from pos_shifts s,
                             lateral (select count(*) as sales,
                                             count(*) filter (where y.made_offline_at is not null) as offline_sales,
                                             coalesce(sum(y.total_amount), 0) as total,
                                             coalesce(sum(y.discount_amount), 0) as discounts,
                                             coalesce(sum(y.change_amount), 0) as change
                                      from pos_sales y where y.shift_id = s.id) x,
                             lateral (select coalesce(sum(amount) filter (where type = 'PAID_IN'), 0) as paid_in,
                                             coalesce(sum(amount) filter (where type = 'PAID_OUT'), 0) as paid_out,
                                             count(*) filter (where type = 'NO_SALE') as no_sales
                                      from pos_cash_movements c where c.shift_id = s.id) m
                        where s.id = :id""")
                .param("id", shiftId)
                .query((rs, n) -> {
                    var currency = rs.getString("currency");
                    var counted = (Long) rs.getObject("counted_cash");
                    var takings = new ZReport.Takings(
                            rs.getLong("sales"),
                            rs.getLong("offline_sales"),
                            new Money(rs.getLong("total"), currency),
                            new Money(rs.getLong("discounts"), currency),
                            new Money(rs.getLong("cash_tendered") - rs.getLong("change"), currency),
                            new Money(rs.getLong("card_taken"), currency),
                            rs.getLong("returns"),
                            new Money(rs.getLong("cash_refunds"), currency),
                            new Money(rs.getLong("card_refunds"), currency),
                            new Money(rs.getLong("paid_in"), currency),
                            new Money(rs.getLong("paid_out"), currency),
                            rs.getLong("no_sales"));
                    return ZReport.of(
                            rs.getString("id"),
                            rs.getString("register_id"),
                            SqlTime.instant(rs, "opened_at"),
                            SqlTime.instant(rs, "closed_at"),
                            new Money(rs.getLong("opening_float"), currency),
                            takings,
                            counted == null ? null : new Money(counted, currency));
                })
                .optional();
    }
}
