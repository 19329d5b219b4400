package dev.corner.home;

import dev.corner.catalog.Catalog;
import dev.corner.catalog.Product;
import dev.corner.common.Caller;
import dev.corner.common.Money;
import dev.corner.inventory.Inventory;
import dev.corner.orders.Ordering;
import dev.corner.stores.Stores;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /}: what is on the shelves, refreshed live in the browser, and, once signed in, the orders
 * the caller may see (its own, its stores', or all of them for an operator).
 */
@Controller
class HomeController {

    private final Stores stores;
    private final Catalog catalog;
    private final Inventory inventory;
    private final Ordering ordering;
    private final Clock clock;

    HomeController(Stores stores, Catalog catalog, Inventory inventory, Ordering ordering, Clock clock) {
        this.stores = stores;
        this.catalog = catalog;
        this.inventory = inventory;
        this.ordering = ordering;
        this.clock = clock;
    }

    record StockRow(String product, String brand, long onHand, long reserved, long available, Money price) {}

    record StoreRow(String storeId, String name, String address, String currency, List<StockRow> stock) {}

    record OrderRow(String orderId, String store, String status, String items, Money total, Instant placedAt) {}

    @GetMapping("/")
    String home(Optional<Caller> caller, Model model) {
        fill(caller, model);
        return "home";
    }

    @GetMapping("/home/live")
    String live(Optional<Caller> caller, Model model) {
        fill(caller, model);
        return "home :: live";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    private void fill(Optional<Caller> caller, Model model) {
        var storeRows = stores.all().stream()
                .map(store -> {
                    var prices = catalog.pricesAt(store.id());
                    return new StoreRow(
                            store.id().value(),
                            store.name(),
                            store.address(),
                            store.currency(),
                            inventory.levels(store.id()).stream()
                                    .map(stock -> {
                                        var product = catalog.product(stock.productId());
                                        return new StockRow(
                                                product.map(Product::name)
                                                        .orElse(stock.productId()
                                                                .value()),
                                                product.map(Product::brand).orElse(""),
                                                stock.level().onHand(),
                                                stock.level().reserved(),
                                                stock.level().available(),
                                                prices.get(stock.productId()));
                                    })
                                    .sorted(java.util.Comparator.comparing(StockRow::product))
                                    .toList());
                })
                .toList();
        var storeNames = new java.util.HashMap<String, String>();
        storeRows.forEach(s -> storeNames.put(s.storeId(), s.name()));
        var visibleOrders = caller.map(c -> ordering.recentFor(c, 20)).orElse(List.of());
        var orderRows = visibleOrders.stream()
                .map(o -> new OrderRow(
                        o.orderId().value(),
                        storeNames.getOrDefault(o.storeId().value(), o.storeId().value()),
                        o.status().name(),
                        o.lines().stream()
                                .map(l -> l.quantity() + " × " + l.name())
                                .reduce((a, b) -> a + ", " + b)
                                .orElse(""),
                        o.total(),
                        o.placedAt()))
                .toList();
        model.addAttribute("stores", storeRows);
        model.addAttribute("orders", orderRows);
        model.addAttribute("signedIn", caller.isPresent());
        model.addAttribute("now", clock.instant());
    }
}
