package dev.corner.devices.model;

import dev.corner.catalog.ProductId;
import dev.corner.common.CornerException;
import dev.corner.common.Money;
import dev.corner.orders.Fulfilment;
import dev.corner.stores.StoreId;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a slot may order: a need (acceptable products of any brand), where (listed stores, or any
 * store within a distance of the household's home), how to choose, at most what unit price, how
 * many, and how it is fulfilled and consented to.
 *
 * @param storeIds the stores allowed, in the household's order; empty when {@code maxDistanceKm}
 *     says where instead
 * @param maxDistanceKm any store at most this far from the household's home; null when {@code
 *     storeIds} lists the stores
 */
public record SlotPolicy(
        List<ProductId> productIds,
        Strategy strategy,
        List<StoreId> storeIds,
        Double maxDistanceKm,
        Money maxUnitPrice,
        int quantity,
        Fulfilment fulfilment,
        Consent consent) {

    public static final int MAX_CHOICES = 20;
    public static final int MAX_QUANTITY = 99;
    public static final double MAX_DISTANCE_KM = 100;

    public SlotPolicy {
        if (productIds == null || productIds.isEmpty() || productIds.size() > MAX_CHOICES) {
            throw CornerException.invalid("INVALID_POLICY", "productIds must list 1 to " + MAX_CHOICES + " products");
        }
        storeIds = storeIds == null ? List.of() : storeIds;
        if (maxDistanceKm != null && !storeIds.isEmpty()) {
            throw CornerException.invalid("INVALID_POLICY", "give storeIds or maxDistanceKm, not both");
        }
        if (maxDistanceKm == null && (storeIds.isEmpty() || storeIds.size() > MAX_CHOICES)) {
            throw CornerException.invalid(
                    "INVALID_POLICY", "storeIds must list 1 to " + MAX_CHOICES + " stores, or give maxDistanceKm");
        }
        if (maxDistanceKm != null && !(maxDistanceKm > 0 && maxDistanceKm <= MAX_DISTANCE_KM)) {
            throw CornerException.invalid(
                    "INVALID_POLICY", "maxDistanceKm must be above 0 and at most " + (int) MAX_DISTANCE_KM);
        }
        if (new LinkedHashSet<>(productIds).size() != productIds.size()
                || new LinkedHashSet<>(storeIds).size() != storeIds.size()) {
            throw CornerException.invalid("INVALID_POLICY", "productIds and storeIds must not repeat");
        }
        if (maxUnitPrice == null || maxUnitPrice.amount() <= 0) {
            throw CornerException.invalid("INVALID_POLICY", "maxUnitPrice above zero is required");
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw CornerException.invalid("INVALID_POLICY", "quantity must be 1 to " + MAX_QUANTITY);
        }
        if (strategy == null) {
            throw CornerException.invalid("INVALID_POLICY", "strategy must be PREFERRED, CHEAPEST or FASTEST");
        }
        if (fulfilment == null) {
            throw CornerException.invalid("INVALID_POLICY", "fulfillment must be PICKUP or DELIVERY");
        }
        if (fulfilment != Fulfilment.PICKUP) {
            throw CornerException.invalid("UNSUPPORTED_FULFILMENT", "only PICKUP is available so far");
        }
        if (consent == null) {
            throw CornerException.invalid("INVALID_POLICY", "consent must be CANCEL_WINDOW or CONFIRM_EACH");
        }
        productIds = List.copyOf(productIds);
        storeIds = List.copyOf(storeIds);
    }

    /** Whether the stores are found by distance from the household's home rather than listed. */
    public boolean byDistance() {
        return maxDistanceKm != null;
    }
}
