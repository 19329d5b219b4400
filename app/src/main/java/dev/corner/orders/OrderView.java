package dev.corner.orders;

import dev.corner.catalog.ProductId;
import dev.corner.common.AccountId;
import dev.corner.common.Money;
import dev.corner.stores.StoreId;
import java.time.Instant;
import java.util.List;

/** An order as the other modules and the API see it. */
public record OrderView(
        OrderId orderId,
        AccountId householdId,
        StoreId storeId,
        OrderStatus status,
        Fulfilment fulfilment,
        List<Line> lines,
        Money total,
        Instant placedAt,
        Instant cancelUntil,
        String source,
        Instant confirmBy,
        String fulfilmentId) {

    public record Line(ProductId productId, String name, long quantity, Money unitPrice, Money total) {}
}
