package dev.corner.inventory;

import dev.corner.catalog.ProductId;
import dev.corner.common.CornerException;

/** A product and a positive quantity of it. */
public record StockLine(ProductId productId, long quantity) {

    public static final long MAX_QUANTITY = 1_000_000;

    public StockLine {
        if (productId == null) {
            throw CornerException.invalid("INVALID_LINE", "each line needs a productId");
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw CornerException.invalid("INVALID_QUANTITY", "quantity must be 1 to " + MAX_QUANTITY);
        }
    }
}
