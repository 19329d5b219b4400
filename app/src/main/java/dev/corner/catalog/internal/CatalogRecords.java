package dev.corner.catalog.internal;

import dev.corner.catalog.Gtin;
import dev.corner.catalog.Product;
import dev.corner.catalog.ProductId;
import dev.corner.common.Money;
import dev.corner.common.SqlTime;
import dev.corner.stores.StoreId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CatalogRecords {

    private static final RowMapper<Product> PRODUCT = (rs, n) -> new Product(
            new ProductId(rs.getString("id")),
            new Gtin(rs.getString("gtin")),
            rs.getString("name"),
            rs.getString("brand"),
            rs.getString("unit"));

    private final JdbcClient jdbc;

    CatalogRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the GTIN is taken. */
    public boolean insert(Product product, Instant at) {
        return jdbc.sql("""
                        insert into catalog_products (id, gtin, name, brand, unit, created_at)
                        values (:id, :gtin, :name, :brand, :unit, :at)
                        on conflict (gtin) do nothing""")
                        .param("id", product.id().value())
                        .param("gtin", product.gtin().value())
                        .param("name", product.name())
                        .param("brand", product.brand())
                        .param("unit", product.unit())
                        .param("at", SqlTime.utc(at))
                        .update()
                == 1;
    }

    public Optional<Product> find(ProductId id) {
        return jdbc.sql("select * from catalog_products where id = :id")
                .param("id", id.value())
                .query(PRODUCT)
                .optional();
    }

    public Optional<Product> findByGtin(Gtin gtin) {
        return jdbc.sql("select * from catalog_products where gtin = :gtin")
                .param("gtin", gtin.value())
                .query(PRODUCT)
                .optional();
    }

    public void upsertOffer(StoreId store, ProductId product, Money price, Instant at) {
        jdbc.sql("""
                        insert into catalog_offers (store_id, product_id, price_amount, currency, updated_at)
                        values (:store, :product, :amount, :currency, :at)
                        on conflict (store_id, product_id)
                        do update set price_amount = excluded.price_amount, currency = excluded.currency,
                                      updated_at = excluded.updated_at""")
                .param("store", store.value())
                .param("product", product.value())
                .param("amount", price.amount())
                .param("currency", price.currency())
                .param("at", SqlTime.utc(at))
                .update();
    }

    public java.util.Map<ProductId, Money> offersAt(StoreId store) {
        var prices = new java.util.LinkedHashMap<ProductId, Money>();
        jdbc.sql("select product_id, price_amount, currency from catalog_offers where store_id = :store")
                .param("store", store.value())
                .query(rs -> {
                    prices.put(new ProductId(rs.getString(1)), new Money(rs.getLong(2), rs.getString(3)));
                });
        return prices;
    }

    public java.util.Map<ProductId, Money> offersAt(StoreId store, java.util.Collection<ProductId> products) {
        var prices = new java.util.HashMap<ProductId, Money>();
        if (products.isEmpty()) {
            return prices;
        }
        jdbc.sql("""
                        select product_id, price_amount, currency from catalog_offers
                        where store_id = :store and product_id in (:products)""")
                .param("store", store.value())
                .param(
                        "products",
                        products.stream().map(ProductId::value).distinct().toList())
                .query(rs -> {
                    prices.put(new ProductId(rs.getString(1)), new Money(rs.getLong(2), rs.getString(3)));
                });
        return prices;
    }

    public Optional<Money> offer(StoreId store, ProductId product) {
        return jdbc.sql(
                        "select price_amount, currency from catalog_offers where store_id = :store and product_id = :product")
                .param("store", store.value())
                .param("product", product.value())
                .query((rs, n) -> new Money(rs.getLong("price_amount"), rs.getString("currency")))
                .optional();
    }

    /** The products a store offers with their prices, by name. */
    public java.util.List<dev.corner.catalog.Catalog.Offered> offered(StoreId store) {
        return jdbc.sql("""
                        select p.*, o.price_amount, o.currency from catalog_offers o
                        join catalog_products p on p.id = o.product_id
                        where o.store_id = :store order by p.name, p.id""")
                .param("store", store.value())
                .query((rs, n) -> new dev.corner.catalog.Catalog.Offered(
                        PRODUCT.mapRow(rs, n), new Money(rs.getLong("price_amount"), rs.getString("currency"))))
                .list();
    }

    /** Products by id, in one query. */
    public java.util.Map<ProductId, Product> findAll(java.util.Collection<ProductId> ids) {
        var found = new java.util.HashMap<ProductId, Product>();
        jdbc.sql("select * from catalog_products where id = any(cast(:ids as varchar[]))")
                .param("ids", ids.stream().map(ProductId::value).distinct().toArray(String[]::new))
                .query(PRODUCT)
                .list()
                .forEach(p -> found.put(p.id(), p));
        return found;
    }

    /**
     * Products whose name or brand contains {@code text}, or whose GTIN starts with it, offered ones
     * first, then by name.
     */
    public java.util.List<Product> search(String text, int limit) {
        var pattern = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return jdbc.sql("""
                        select p.* from catalog_products p
                        where p.name ilike :contains or p.brand ilike :contains or p.gtin like :starts
                        order by exists (select 1 from catalog_offers o where o.product_id = p.id) desc,
                                 p.name, p.brand, p.id
                        limit :limit""")
                .param("contains", "%" + pattern + "%")
                .param("starts", pattern + "%")
                .param("limit", limit)
                .query(PRODUCT)
                .list();
    }

    private static final String OFFERS_OF = """
            select store_id, product_id, price_amount, currency from catalog_offers
            where product_id = any(cast(:products as varchar[]))""";
    private static final String OFFERS_OF_EVERYWHERE = OFFERS_OF + " order by store_id, product_id";
    private static final String OFFERS_OF_AT =
            OFFERS_OF + " and store_id = any(cast(:stores as varchar[])) order by store_id, product_id";

    /** The prices of any of the products at any of the stores, or at every store if {@code stores} is null. */
    public java.util.List<dev.corner.catalog.Catalog.Offer> offersOf(
            java.util.Collection<ProductId> products, java.util.Collection<StoreId> stores) {
        if (products.isEmpty() || (stores != null && stores.isEmpty())) {
            return java.util.List.of();
        }
        var query = jdbc.sql(stores == null ? OFFERS_OF_EVERYWHERE : OFFERS_OF_AT)
                .param(
                        "products",
                        products.stream().map(ProductId::value).distinct().toArray(String[]::new));
        if (stores != null) {
            query = query.param(
                    "stores", stores.stream().map(StoreId::value).distinct().toArray(String[]::new));
        }
        return query.query((rs, n) -> new dev.corner.catalog.Catalog.Offer(
                        new StoreId(rs.getString("store_id")),
                        new ProductId(rs.getString("product_id")),
                        new Money(rs.getLong("price_amount"), rs.getString("currency"))))
                .list();
    }
}
