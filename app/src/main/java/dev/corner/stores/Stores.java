package dev.corner.stores;

import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Ids;
import dev.corner.common.Money;
import dev.corner.common.Role;
import dev.corner.common.Text;
import dev.corner.stores.internal.StoreRecords;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening stores and answering who owns one and where they are. */
@Service
public class Stores {

    private final StoreRecords records;
    private final Clock clock;

    Stores(StoreRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Transactional
    public StoreId open(
            Caller merchant, String name, String address, Double latitude, Double longitude, String currency) {
        merchant.requireRole(Role.MERCHANT);
        var cleanName = Text.require(name, "name", 200);
        var cleanAddress = Text.require(address, "address", 500);
        if (latitude == null || longitude == null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            throw CornerException.invalid("INVALID_LOCATION", "latitude must be within ±90 and longitude within ±180");
        }
        Money.zero(currency); // validates the ISO-4217 code
        var store = new Store(
                new StoreId(Ids.next("st")),
                merchant.accountId(),
                cleanName,
                cleanAddress,
                latitude,
                longitude,
                currency);
        records.insert(store, clock.instant());
        return store.id();
    }

    @Transactional(readOnly = true)
    public Optional<Store> find(StoreId id) {
        return records.find(id);
    }

    /** The store if it exists; a missing store answers 404. */
    @Transactional(readOnly = true)
    public Store require(StoreId id) {
        return records.find(id).orElseThrow(() -> CornerException.notFound("STORE_NOT_FOUND", "no store " + id));
    }

    /**
     * The store if the caller owns it. Another merchant's store answers 404 as if it did not exist,
     * so ids cannot be probed.
     */
    @Transactional(readOnly = true)
    public Store requireOwnedBy(StoreId id, Caller caller) {
        return records.find(id)
                .filter(store -> caller.role() == Role.OPERATOR || caller.is(store.merchantId()))
                .orElseThrow(() -> CornerException.notFound("STORE_NOT_FOUND", "no store " + id));
    }

    @Transactional(readOnly = true)
    public List<Store> ownedBy(Caller caller) {
        return records.ownedBy(caller.accountId());
    }

    @Transactional(readOnly = true)
    public List<Store> all() {
        return records.all();
    }

    /** Stores within a radius of a point, nearest first. */
    @Transactional(readOnly = true)
    public List<Store> near(double latitude, double longitude, double radiusKm) {
        return records.all().stream()
                .filter(store -> store.distanceKmFrom(latitude, longitude) <= radiusKm)
                .sorted(java.util.Comparator.comparingDouble(store -> store.distanceKmFrom(latitude, longitude)))
                .toList();
    }
}
