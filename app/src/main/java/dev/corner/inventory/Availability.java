package dev.corner.inventory;

import dev.corner.catalog.Catalog;
import dev.corner.catalog.ProductId;
import dev.corner.common.CornerException;
import dev.corner.common.Money;
import dev.corner.inventory.internal.StockLedger;
import dev.corner.stores.Store;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where a product can be had near a point: stores with stock available and a price, nearest first. */
@Service
public class Availability {

    private final Stores stores;
    private final Catalog catalog;
    private final StockLedger ledger;

    Availability(Stores stores, Catalog catalog, StockLedger ledger) {
        this.stores = stores;
        this.catalog = catalog;
        this.ledger = ledger;
    }

    /** One store that has the product. */
    public record Nearby(Store store, double distanceKm, long available, Money price) {}

    @Transactional(readOnly = true)
    public List<Nearby> near(ProductId productId, double latitude, double longitude, double radiusKm) {
        if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            throw CornerException.invalid("INVALID_LOCATION", "latitude must be within ±90 and longitude within ±180");
        }
        if (!(radiusKm > 0 && radiusKm <= 200)) {
            throw CornerException.invalid("INVALID_RADIUS", "radiusKm must be above 0 and at most 200");
        }
        catalog.requireProduct(productId);
        var near = stores.near(latitude, longitude, radiusKm);
        // Two queries, however many stores are near: their prices, then their stock of the offered.
        var prices = new java.util.HashMap<StoreId, Money>();
        catalog.offersOf(List.of(productId), near.stream().map(Store::id).toList())
                .forEach(offer -> prices.put(offer.storeId(), offer.price()));
        var stock = ledger.levels(prices.keySet().stream()
                .map(store -> new Inventory.Shelf(store, productId))
                .toList());
        return near.stream()
                .filter(store -> prices.containsKey(store.id()))
                .map(store -> new Nearby(
                        store,
                        store.distanceKmFrom(latitude, longitude),
                        stock.getOrDefault(new Inventory.Shelf(store.id(), productId), StockLevel.NONE)
                                .available(),
                        prices.get(store.id())))
                .filter(nearby -> nearby.available() > 0)
                .toList();
    }
}
