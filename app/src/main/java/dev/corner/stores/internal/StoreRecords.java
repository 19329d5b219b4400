package dev.corner.stores.internal;

import dev.corner.common.AccountId;
import dev.corner.common.SqlTime;
import dev.corner.stores.OpeningHours;
import dev.corner.stores.Store;
import dev.corner.stores.StoreId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class StoreRecords {

    private static final RowMapper<Store> ROW = (rs, n) -> new Store(
            new StoreId(rs.getString("id")),
            new AccountId(rs.getString("merchant_id")),
            rs.getString("name"),
            rs.getString("address"),
            rs.getDouble("latitude"),
            rs.getDouble("longitude"),
            rs.getString("currency"));

    private final JdbcClient jdbc;

    StoreRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Store store, Instant at) {
        jdbc.sql("""
                        insert into stores (id, merchant_id, name, address, latitude, longitude, currency, created_at)
                        values (:id, :merchant, :name, :address, :lat, :lon, :currency, :at)""")
                .param("id", store.id().value())
                .param("merchant", store.merchantId().value())
                .param("name", store.name())
                .param("address", store.address())
                .param("lat", store.latitude())
                .param("lon", store.longitude())
                .param("currency", store.currency())
                .param("at", SqlTime.utc(at))
                .update();
    }

    public Optional<OpeningHours> hours(StoreId id) {
        return jdbc.sql("select time_zone, preparation_minutes, week from store_hours where store_id = :id")
                .param("id", id.value())
                .query((rs, n) -> new OpeningHours(
                        ZoneId.of(rs.getString("time_zone")),
                        Duration.ofMinutes(rs.getInt("preparation_minutes")),
                        decode(rs.getString("week"))))
                .optional();
    }

    public void saveHours(StoreId id, OpeningHours hours, Instant at) {
        jdbc.sql("""
                        insert into store_hours (store_id, time_zone, preparation_minutes, week, updated_at)
                        values (:id, :zone, :preparation, :week, :at)
                        on conflict (store_id) do update set time_zone = excluded.time_zone,
                               preparation_minutes = excluded.preparation_minutes, week = excluded.week,
                               updated_at = excluded.updated_at""")
                .param("id", id.value())
                .param("zone", hours.zone().getId())
                .param("preparation", (int) hours.preparation().toMinutes())
                .param("week", encode(hours.week()))
                .param("at", SqlTime.utc(at))
                .update();
    }

    private static String encode(Map<DayOfWeek, List<OpeningHours.Interval>> week) {
        var text = new StringBuilder();
        for (var day : DayOfWeek.values()) {
            var intervals = week.getOrDefault(day, List.of());
            if (!intervals.isEmpty()) {
                text.append(day)
                        .append('=')
                        .append(String.join(
                                ",",
                                intervals.stream()
                                        .map(i -> i.opensText() + "-" + i.closesText())
                                        .toList()))
                        .append('\n');
            }
        }
        return text.toString();
    }

    private static Map<DayOfWeek, List<OpeningHours.Interval>> decode(String text) {
        var week = new EnumMap<DayOfWeek, List<OpeningHours.Interval>>(DayOfWeek.class);
        for (var line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            var parts = line.split("=", 2);
            week.put(
                    DayOfWeek.valueOf(parts[0]),
                    Arrays.stream(parts[1].split(","))
                            .map(range -> range.split("-"))
                            .map(range -> OpeningHours.Interval.of(range[0], range[1]))
                            .toList());
        }
        return week;
    }

    public Optional<Store> find(StoreId id) {
        return jdbc.sql("select * from stores where id = :id")
                .param("id", id.value())
                .query(ROW)
                .optional();
    }

    public List<Store> ownedBy(AccountId merchant) {
        return jdbc.sql("select * from stores where merchant_id = :merchant order by name")
                .param("merchant", merchant.value())
                .query(ROW)
                .list();
    }

    public List<Store> all() {
        return jdbc.sql("select * from stores order by name").query(ROW).list();
    }

    public void insertStaff(StoreId store, AccountId account, boolean canDiscount, boolean canRefund, Instant at) {
        jdbc.sql("""
                        insert into store_staff (store_id, account_id, can_discount, can_refund, added_at)
                        values (:store, :account, :discount, :refund, :at)""")
                .param("store", store.value())
                .param("account", account.value())
                .param("discount", canDiscount)
                .param("refund", canRefund)
                .param("at", SqlTime.utc(at))
                .update();
    }

    public boolean deleteStaff(StoreId store, AccountId account) {
        return jdbc.sql("delete from store_staff where store_id = :store and account_id = :account")
                        .param("store", store.value())
                        .param("account", account.value())
                        .update()
                > 0;
    }

    /** A staff member's rights at a store: [canDiscount, canRefund], or empty if they do not work there. */
    public Optional<boolean[]> staffRights(StoreId store, AccountId account) {
        return jdbc.sql(
                        "select can_discount, can_refund from store_staff where store_id = :store and account_id = :account")
                .param("store", store.value())
                .param("account", account.value())
                .query((rs, n) -> new boolean[] {rs.getBoolean("can_discount"), rs.getBoolean("can_refund")})
                .optional();
    }

    public List<Store> workplacesOf(AccountId staff) {
        return jdbc.sql("""
                        select s.* from stores s join store_staff m on m.store_id = s.id
                        where m.account_id = :account order by s.name""").param("account", staff.value()).query(ROW).list();
    }

    /** The store's staff as (account, canDiscount, canRefund). */
    public record StaffRow(AccountId account, boolean canDiscount, boolean canRefund) {}

    public List<StaffRow> staff(StoreId store) {
        return jdbc.sql("select * from store_staff where store_id = :store order by added_at, account_id")
                .param("store", store.value())
                .query((rs, n) -> new StaffRow(
                        new AccountId(rs.getString("account_id")),
                        rs.getBoolean("can_discount"),
                        rs.getBoolean("can_refund")))
                .list();
    }
}
