package dev.corner.stores.internal;

import dev.corner.common.Caller;
import dev.corner.stores.Store;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/stores")
class StoresController {

    private final Stores stores;

    StoresController(Stores stores) {
        this.stores = stores;
    }

    record OpenStore(String name, String address, Double latitude, Double longitude, String currency) {}

    record Opened(String storeId) {}

    record StoreView(String storeId, String name, String address, double latitude, double longitude, String currency) {
        static StoreView of(Store store) {
            return new StoreView(
                    store.id().value(),
                    store.name(),
                    store.address(),
                    store.latitude(),
                    store.longitude(),
                    store.currency());
        }
    }

    record StoreList(List<StoreView> stores) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Opened open(Caller caller, @RequestBody OpenStore request) {
        var id = stores.open(
                caller, request.name(), request.address(), request.latitude(), request.longitude(), request.currency());
        return new Opened(id.value());
    }

    @GetMapping
    StoreList mine(Caller caller) {
        return new StoreList(stores.ownedBy(caller).stream().map(StoreView::of).toList());
    }

    @GetMapping("/{storeId}")
    StoreView one(Caller caller, @PathVariable String storeId) {
        return StoreView.of(stores.requireOwnedBy(new StoreId(storeId), caller));
    }
}
