package dev.corner.catalog;

import dev.corner.catalog.internal.CatalogRecords;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Ids;
import dev.corner.common.Money;
import dev.corner.common.Role;
import dev.corner.common.Text;
import dev.corner.common.WriteOnceRows;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Products and the prices stores offer them at. */
@Service
public class Catalog {

    private final CatalogRecords records;
    /** A product's row is written once and never changed or deleted; its offers are not kept here. */
    private final WriteOnceRows<ProductId, Product> products;

    private final Stores stores;
    private final Clock clock;

    Catalog(CatalogRecords records, Stores stores, Clock clock) {
        this.records = records;
        this.products = new WriteOnceRows<>(10_000, records::find);
        this.stores = stores;
        this.clock = clock;
    }

    /** Thrown when the GTIN is known already; carries the existing product. */
    public static final class ProductExists extends CornerException {
        private final ProductId existing;

        ProductExists(ProductId existing) {
            super(Kind.CONFLICT, "PRODUCT_EXISTS", "a product with this GTIN exists");
            this.existing = existing;
        }

        public ProductId existing() {
            return existing;
        }
    }

    @Transactional
    public ProductId addProduct(Caller caller, String gtin, String name, String brand, String unit) {
        if (caller.role() != Role.MERCHANT && caller.role() != Role.OPERATOR) {
            throw CornerException.forbidden("ROLE_REQUIRED", "products are added by merchants");
        }
        var code = new Gtin(gtin);
        var product = new Product(
                new ProductId(Ids.next("pr")),
                code,
                Text.require(name, "name", 200),
                Text.require(brand, "brand", 200),
                Text.require(unit, "unit", 40));
        if (!records.insert(product, clock.instant())) {
            throw new ProductExists(records.findByGtin(code).orElseThrow().id());
        }
        return product.id();
    }

    @Transactional(readOnly = true)
    public Optional<Product> product(ProductId id) {
        return products.find(id);
    }

    @Transactional(readOnly = true)
    public Product requireProduct(ProductId id) {
        return products.find(id).orElseThrow(() -> CornerException.notFound("PRODUCT_NOT_FOUND", "no product " + id));
    }

    @Transactional(readOnly = true)
    public Optional<Product> productByGtin(String gtin) {
        return records.findByGtin(new Gtin(gtin));
    }

    /** Sets the price at which the caller's store sells a product; the store's currency only. */
    @Transactional
    public void setOffer(Caller caller, StoreId storeId, ProductId productId, Money price) {
        var store = stores.requireOwnedBy(storeId, caller);
        requireProduct(productId);
        if (price == null) {
            throw CornerException.invalid("INVALID_PRICE", "price is required");
        }
        if (!price.currency().equals(store.currency())) {
            throw CornerException.invalid("CURRENCY_MISMATCH", "this store sells in " + store.currency());
        }
        if (price.amount() <= 0) {
            throw CornerException.invalid("INVALID_PRICE", "price must be above zero");
        }
        records.upsertOffer(storeId, productId, price, clock.instant());
    }

    /** Every price a store has set, by product. */
    @Transactional(readOnly = true)
    public java.util.Map<ProductId, Money> pricesAt(StoreId storeId) {
        return records.offersAt(storeId);
    }

    /** The store's current prices of the given products, in one query; products it does not offer are absent. */
    @Transactional(readOnly = true)
    public java.util.Map<ProductId, Money> pricesAt(StoreId storeId, java.util.Collection<ProductId> products) {
        return records.offersAt(storeId, products);
    }

    /** The store's current price for a product, if it offers it. */
    @Transactional(readOnly = true)
    public Optional<Money> priceAt(StoreId storeId, ProductId productId) {
        return records.offer(storeId, productId);
    }

    /** A product a store offers, at its price there. */
    public record Offered(Product product, Money price) {}

    /** Everything a store offers with its prices, by product name: what a register keeps for offline selling. */
    @Transactional(readOnly = true)
    public java.util.List<Offered> offeredAt(StoreId storeId) {
        return records.offered(storeId);
    }

    /** Products by id, in one query; unknown ids are absent. */
    @Transactional(readOnly = true)
    public java.util.Map<ProductId, Product> products(java.util.Collection<ProductId> ids) {
        return records.findAll(ids);
    }

    /** At most this many products answer a search. */
    public static final int SEARCH_LIMIT = 50;

    /**
     * Products to choose from by a word of their name or brand, or the start of their GTIN; products
     * some store offers come first. Anyone signed in may search: products are not secret.
     */
    @Transactional(readOnly = true)
    public java.util.List<Product> search(String query, int limit) {
        var text = Text.optional(query, "q", 100);
        if (text == null || text.isEmpty()) {
            return java.util.List.of();
        }
        return records.search(text, Math.max(1, Math.min(limit, SEARCH_LIMIT)));
    }

    /** A store's price of a product. */
    public record Offer(StoreId storeId, ProductId productId, Money price) {}

    /** Where the products are offered and at what price, in one query: the stores a need can use. */
    @Transactional(readOnly = true)
    public java.util.List<Offer> offersOf(java.util.Collection<ProductId> products) {
        return records.offersOf(products, null);
    }

    /** The prices of the products at the stores, in one query; a product a store does not offer is absent. */
    @Transactional(readOnly = true)
    public java.util.List<Offer> offersOf(
            java.util.Collection<ProductId> products, java.util.Collection<StoreId> stores) {
        return records.offersOf(products, stores);
    }
}
