package dev.corner.devices.model;

import dev.corner.catalog.ProductId;
import dev.corner.common.Money;
import dev.corner.stores.StoreId;

/** One product at one store that a slot could order now, at its current price and stock. */
public record Candidate(ProductId productId, StoreId storeId, Money price, long available) {}
