package dev.corner.stores;

import dev.corner.common.AccountId;
import dev.corner.common.GeoPoint;

/** What other modules may know of a store. */
public record Store(
        StoreId id,
        AccountId merchantId,
        String name,
        String address,
        double latitude,
        double longitude,
        String currency) {

    public GeoPoint location() {
        return new GeoPoint(latitude, longitude);
    }

    /** Great-circle distance in kilometres from a point to this store. */
    public double distanceKmFrom(double lat, double lon) {
        return new GeoPoint(lat, lon).distanceKmTo(location());
    }
}
