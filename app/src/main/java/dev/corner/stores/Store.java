package dev.corner.stores;

import dev.corner.common.AccountId;

/** What other modules may know of a store. */
public record Store(
        StoreId id,
        AccountId merchantId,
        String name,
        String address,
        double latitude,
        double longitude,
        String currency) {

    /** Great-circle distance in kilometres from a point to this store. */
    public double distanceKmFrom(double lat, double lon) {
        double earthRadiusKm = 6371.0088;
        double dLat = Math.toRadians(latitude - lat);
        double dLon = Math.toRadians(longitude - lon);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(latitude)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * earthRadiusKm * Math.asin(Math.sqrt(a));
    }
}
