package dev.corner.merchant;

import dev.corner.catalog.Catalog;
import dev.corner.catalog.Product;
import dev.corner.catalog.ProductId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Money;
import dev.corner.common.Role;
import dev.corner.inventory.Inventory;
import dev.corner.inventory.Replenishment;
import dev.corner.notifications.Inbox;
import dev.corner.stores.Store;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every back-office page needs: the merchant, its store, the store's products, and the header. */
@Component
class BackOffice {

    private final Stores stores;
    private final Catalog catalog;
    private final Inventory inventory;
    private final Replenishment replenishment;
    private final Inbox inbox;

    BackOffice(Stores stores, Catalog catalog, Inventory inventory, Replenishment replenishment, Inbox inbox) {
        this.stores = stores;
        this.catalog = catalog;
        this.inventory = inventory;
        this.replenishment = replenishment;
        this.inbox = inbox;
    }

    /** A product of the store with its stock, price and where it stands against its reorder point. */
    record StockRow(
            String productId,
            String gtin,
            String name,
            String brand,
            String unit,
            String price,
            long onHand,
            long reserved,
            long available,
            Long reorderPoint) {

        public boolean out() {
            return onHand - reserved <= 0;
        }

        public boolean low() {
            return reorderPoint != null && onHand - reserved <= reorderPoint;
        }

        public String state() {
            return out() ? "Out of stock" : low() ? "Low" : "";
        }

        boolean matches(String query) {
            if (query == null || query.isBlank()) {
                return true;
            }
            var q = query.strip().toLowerCase(Locale.ROOT);
            return gtin.contains(q)
                    || name.toLowerCase(Locale.ROOT).contains(q)
                    || brand.toLowerCase(Locale.ROOT).contains(q);
        }
    }

    Caller merchant(Caller caller) {
        return caller.requireRole(Role.MERCHANT);
    }

    List<Store> stores(Caller caller) {
        return stores.ownedBy(merchant(caller));
    }

    /** The caller's store, and the header of the page about it. */
    Store store(Caller caller, String storeId, Model model, String page) {
        var store = stores.requireOwnedBy(new StoreId(storeId), merchant(caller));
        model.addAttribute("store", store);
        model.addAttribute("page", page);
        header(caller, model);
        return store;
    }

    void header(Caller caller, Model model) {
        model.addAttribute("unread", inbox.unread(caller));
    }

    /** Every product the store prices or stocks, by name. */
    List<StockRow> stock(Caller caller, Store store) {
        var levels = inventory.levels(store.id());
        var prices = catalog.pricesAt(store.id());
        var points = replenishment.reorderPoints(caller, store.id());
        var ids = new LinkedHashSet<ProductId>();
        levels.forEach(level -> ids.add(level.productId()));
        ids.addAll(prices.keySet());
        var products = catalog.products(ids);
        var byProduct = new java.util.HashMap<ProductId, dev.corner.inventory.StockLevel>();
        levels.forEach(level -> byProduct.put(level.productId(), level.level()));
        var rows = new ArrayList<StockRow>();
        for (var id : ids) {
            var product = products.get(id);
            if (product == null) {
                continue;
            }
            var level = byProduct.getOrDefault(id, dev.corner.inventory.StockLevel.NONE);
            var price = prices.get(id);
            rows.add(new StockRow(
                    id.value(),
                    product.gtin().value(),
                    product.name(),
                    product.brand(),
                    product.unit(),
                    price == null ? "—" : money(price),
                    level.onHand(),
                    level.reserved(),
                    level.available(),
                    points.get(id)));
        }
        rows.sort(Comparator.comparing(StockRow::name).thenComparing(StockRow::gtin));
        return rows;
    }

    /** The product a GTIN names; a bad GTIN or one of no product is refused with its code. */
    Product product(String gtin, int line) {
        if (gtin == null || gtin.isBlank()) {
            throw CornerException.invalid("INVALID_LINE", "line " + line + ": a GTIN is required");
        }
        try {
            return catalog.productByGtin(gtin.strip())
                    .orElseThrow(() -> CornerException.notFound(
                            "PRODUCT_NOT_FOUND", "line " + line + ": no product has the GTIN " + gtin.strip()));
        } catch (CornerException e) {
            if ("PRODUCT_NOT_FOUND".equals(e.code())) {
                throw e;
            }
            throw new CornerException(e.kind(), e.code(), "line " + line + ": " + e.getMessage());
        }
    }

    String productName(ProductId id) {
        return catalog.product(id).map(Product::name).orElse(id.value());
    }

    static long wholeNumber(String text, String what, int line) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw CornerException.invalid(
                    "INVALID_QUANTITY", "line " + line + ": " + what + " must be a whole number, not '" + text + "'");
        }
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm 'UTC'")
            .withZone(java.time.ZoneOffset.UTC);

    /** An instant as the pages show it (templates call it as {@code @backOffice.time(…)}). */
    public String time(java.time.Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    static String money(Money money) {
        if (money == null) {
            return "—";
        }
        var digits = Currency.getInstance(money.currency()).getDefaultFractionDigits();
        return BigDecimal.valueOf(money.amount(), digits).toPlainString() + " " + money.currency();
    }
}
