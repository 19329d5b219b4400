package dev.corner.pos;

import dev.corner.catalog.ProductId;
import dev.corner.common.Money;

/**
 * One line of a recorded sale: the unit price it was rung up at, its discount (the line's own
 * percentage and its share of a basket discount) and what the customer paid for it.
 */
public record SaleLine(
        int lineNo,
        ProductId productId,
        long quantity,
        Money unitPrice,
        int discountPercent,
        Money discount,
        Money total) {}
