package dev.corner.stores.internal;

import dev.corner.common.AccountId;
import dev.corner.common.SqlTime;
import dev.corner.stores.Store;
import dev.corner.stores.StoreId;
import java.time.Instant;
import java.util.List;
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
}
