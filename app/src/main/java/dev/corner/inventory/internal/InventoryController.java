package dev.corner.inventory.internal;

import dev.corner.catalog.ProductId;
import dev.corner.common.Caller;
import dev.corner.common.Money;
import dev.corner.inventory.Availability;
import dev.corner.inventory.Inventory;
import dev.corner.inventory.StockLine;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1")
class InventoryController {

    private final Inventory inventory;
    private final Availability availability;
    private final StockFeed feed;
    private final Stores stores;

    InventoryController(Inventory inventory, Availability availability, StockFeed feed, Stores stores) {
        this.inventory = inventory;
        this.availability = availability;
        this.feed = feed;
        this.stores = stores;
    }

    record Receipt(List<StockLine.Json> lines, String reference) {}

    record Received(String storeId, int lines) {}

    record Level(String storeId, String productId, long onHand, long reserved, long available) {}

    record NearbyStore(String storeId, String name, double distanceKm, long available, Money price) {}

    record Nearby(List<NearbyStore> stores) {}

    @PostMapping("/stores/{storeId}/stock/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    Received receive(Caller caller, @PathVariable String storeId, @RequestBody Receipt receipt) {
        var lines = StockLine.fromJson(receipt.lines());
        inventory.receive(caller, new StoreId(storeId), lines, receipt.reference());
        return new Received(storeId, lines.size());
    }

    @GetMapping("/stores/{storeId}/stock/{productId}")
    Level level(Caller caller, @PathVariable String storeId, @PathVariable String productId) {
        var level = inventory.levelAt(caller, new StoreId(storeId), new ProductId(productId));
        return new Level(storeId, productId, level.onHand(), level.reserved(), level.available());
    }

    /** Server-sent events: {@code stock} with the product's new level after every committed change. */
    @GetMapping(path = "/stores/{storeId}/stock/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Caller caller, @PathVariable String storeId) {
        var store = stores.requireOwnedBy(new StoreId(storeId), caller);
        return feed.subscribe(store.id());
    }

    @GetMapping("/availability")
    Nearby availability(
            @RequestParam String productId,
            @RequestParam double latitude,
            @RequestParam double longitude,
            @RequestParam(defaultValue = "10") double radiusKm) {
        return new Nearby(availability.near(new ProductId(productId), latitude, longitude, radiusKm).stream()
                .map(n -> new NearbyStore(
                        n.store().id().value(),
                        n.store().name(),
                        Math.round(n.distanceKm() * 100) / 100.0,
                        n.available(),
                        n.price()))
                .toList());
    }
}
