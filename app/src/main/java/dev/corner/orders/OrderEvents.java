package dev.corner.orders;

import dev.corner.common.AccountId;
import dev.corner.common.Money;
import dev.corner.stores.StoreId;
import java.time.Instant;

/** What happens to orders, for the modules that react to it. */
public final class OrderEvents {

    private OrderEvents() {}

    /**
     * Placed, and cancellable until {@code cancelUntil}. {@code source} says where the order came
     * from (a device's slot, for example), as {@link OrderView#source()} does.
     */
    public record OrderPlaced(
            OrderId orderId, AccountId householdId, StoreId storeId, Money total, Instant cancelUntil, String source) {}

    /** Placed but waiting for the household's explicit confirmation until {@code confirmBy}. */
    public record OrderAwaitingConfirmation(
            OrderId orderId, AccountId householdId, StoreId storeId, Money total, Instant confirmBy) {}

    public record OrderCancelled(OrderId orderId, AccountId householdId, StoreId storeId) {}

    public record OrderCompleted(OrderId orderId, AccountId householdId, StoreId storeId) {}

    public record OrderExpired(OrderId orderId, AccountId householdId, StoreId storeId) {}
}
