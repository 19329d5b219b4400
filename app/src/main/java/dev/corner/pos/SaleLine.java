package dev.corner.pos;

import dev.corner.catalog.ProductId;
import dev.corner.common.Money;

/** One line of a recorded sale, priced at the store's offer when it was rung up. */
public record SaleLine(ProductId productId, long quantity, Money unitPrice, Money total) {}
