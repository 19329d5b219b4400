package dev.corner.catalog;

import dev.corner.common.Ids;

/** The id of a product. */
public record ProductId(String value) {
    public ProductId {
        Ids.requireValid(value, "productId");
    }

    @Override
    public String toString() {
        return value;
    }
}
