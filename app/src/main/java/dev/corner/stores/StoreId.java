package dev.corner.stores;

import dev.corner.common.Ids;

/** The id of a store. */
public record StoreId(String value) {
    public StoreId {
        Ids.requireValid(value, "storeId");
    }

    @Override
    public String toString() {
        return value;
    }
}
