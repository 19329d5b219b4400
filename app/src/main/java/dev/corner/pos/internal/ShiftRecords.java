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

    public void insertCashMovement(String shiftId, String type, Money amount, String note, Instant at) {
        jdbc.sql("""
                        insert into pos_cash_movements (shift_id, type, amount, note, at)
                        values (:shift, :type, :amount, :note, :at)""")
                .param("shift", shiftId)
                .param("type", type)
                .param("amount", amount.amount())
                .param("note", note)
                .param("at", SqlTime.utc(at))
                .update();
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
                               (select count(*) from pos_sales x where x.shift_id = s.id) as sales,
                               (select coalesce(sum(total_amount), 0) from pos_sales x where x.shift_id = s.id) as total,
                               (select coalesce(sum(t.amount), 0) from pos_sale_tenders t
                                join pos_sales x on x.store_id = t.store_id and x.sale_id = t.sale_id
                                where x.shift_id = s.id and t.type = 'CASH')
                             - (select coalesce(sum(change_amount), 0) from pos_sales x where x.shift_id = s.id)
                                   as cash_taken,
                               (select coalesce(sum(amount), 0) from pos_cash_movements m
                                where m.shift_id = s.id and m.type = 'PAID_IN') as paid_in,
                               (select coalesce(sum(amount), 0) from pos_cash_movements m
                                where m.shift_id = s.id and m.type = 'PAID_OUT') as paid_out,
                               (select count(*) from pos_cash_movements m
                                where m.shift_id = s.id and m.type = 'NO_SALE') as no_sales
                        from pos_shifts s where s.id = :id""")
                .param("id", shiftId)
                .query((rs, n) -> {
                    var currency = rs.getString("currency");
                    var counted = (Long) rs.getObject("counted_cash");
                    return ZReport.of(
                            rs.getString("id"),
                            rs.getString("register_id"),
                            SqlTime.instant(rs, "opened_at"),
                            SqlTime.instant(rs, "closed_at"),
                            new Money(rs.getLong("opening_float"), currency),
                            rs.getLong("sales"),
                            new Money(rs.getLong("total"), currency),
                            new Money(rs.getLong("cash_taken"), currency),
                            new Money(rs.getLong("paid_in"), currency),
                            new Money(rs.getLong("paid_out"), currency),
                            rs.getLong("no_sales"),
                            counted == null ? null : new Money(counted, currency));
                })
                .optional();
    }
}
