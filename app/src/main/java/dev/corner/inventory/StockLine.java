package dev.corner.inventory;

import dev.corner.catalog.ProductId;
import dev.corner.common.CornerException;

/** A product and a positive quantity of it. */
public record StockLine(ProductId productId, long quantity) {

    public static final long MAX_QUANTITY = 1_000_000;

    /** A line as it arrives in JSON: any part may be missing, and the line itself may be null. */
    public record Json(String productId, Long quantity) {}

    /** Lines from a request body, each checked; a missing list is an empty one. */
    public static java.util.List<StockLine> fromJson(java.util.List<Json> lines) {
        if (lines == null) {
            return java.util.List.of();
        }
        return lines.stream()
                .map(line -> {
                    if (line == null || line.productId() == null) {
                        throw CornerException.invalid("INVALID_LINE", "each line needs a productId and a quantity");
                    }
                    return new StockLine(
                            new ProductId(line.productId()), line.quantity() == null ? 0 : line.quantity());
                })
                .toList();
    }

    public StockLine {
        if (productId == null) {
            throw CornerException.invalid("INVALID_LINE", "each line needs a productId");
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw CornerException.invalid("INVALID_QUANTITY", "quantity must be 1 to " + MAX_QUANTITY);
        }
    }
}
