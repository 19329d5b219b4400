package dev.corner.inventory.internal;

import dev.corner.catalog.ProductId;
import dev.corner.inventory.ReorderPolicy;
import dev.corner.stores.StoreId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The merchants' reorder policies per store and product. */
@Repository
public class ReorderRecords {

    private final JdbcClient jdbc;

    ReorderRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(StoreId store, ProductId product, ReorderPolicy policy) {
        jdbc.sql("""
                        insert into inventory_reorder_policies (store_id, product_id, lead_time_days, safety_stock, cover_days)
                        values (:store, :product, :lead, :safety, :cover)
                        on conflict (store_id, product_id) do update
                        set lead_time_days = excluded.lead_time_days, safety_stock = excluded.safety_stock,
                            cover_days = excluded.cover_days""")
                .param("store", store.value())
                .param("product", product.value())
                .param("lead", policy.leadTimeDays())
                .param("safety", policy.safetyStock())
                .param("cover", policy.coverDays())
                .update();
    }

    public Map<ProductId, ReorderPolicy> of(StoreId store) {
        var policies = new HashMap<ProductId, ReorderPolicy>();
        jdbc.sql("select * from inventory_reorder_policies where store_id = :store")
                .param("store", store.value())
                .query(rs -> {
                    policies.put(
                            new ProductId(rs.getString("product_id")),
                            new ReorderPolicy(
                                    rs.getInt("lead_time_days"), rs.getLong("safety_stock"), rs.getInt("cover_days")));
                });
        return policies;
    }
}
