package dev.corner.orders.model;

import dev.corner.common.AccountId;
import dev.corner.common.CornerException;
import dev.corner.common.Money;
import dev.corner.orders.Fulfilment;
import dev.corner.orders.OrderEvents.OrderCancelled;
import dev.corner.orders.OrderEvents.OrderCompleted;
import dev.corner.orders.OrderEvents.OrderExpired;
import dev.corner.orders.OrderEvents.OrderPlaced;
import dev.corner.orders.OrderId;
import dev.corner.orders.OrderStatus;
import dev.corner.orders.OrderView;
import dev.corner.stores.StoreId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A household's order at one store. It guards its own transitions: a placed order can be cancelled
 * only within its cancel window, a cancelled or completed order changes no more.
 */
public final class Order {

    private final OrderId id;
    private final AccountId household;
    private final StoreId store;
    private final Fulfilment fulfilment;
    private final List<OrderLine> lines;
    private final Instant placedAt;
    private final String source;
    private final Instant confirmBy;
    private Instant cancelUntil;
    private String consentEvidence;
    private String fulfilmentId;
    private OrderStatus status;

    public Order(
            OrderId id,
            AccountId household,
            StoreId store,
            OrderStatus status,
            Fulfilment fulfilment,
            List<OrderLine> lines,
            Instant placedAt,
            Instant cancelUntil,
            String source,
            Instant confirmBy,
            String consentEvidence) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        this.id = id;
        this.household = household;
        this.store = store;
        this.status = status;
        this.fulfilment = fulfilment;
        this.lines = new ArrayList<>(lines);
        this.placedAt = placedAt;
        this.cancelUntil = cancelUntil;
        this.source = source;
        this.confirmBy = confirmBy;
        this.consentEvidence = consentEvidence;
    }

    /**
     * Places an order that the household may cancel until {@code cancelUntil}; {@code
     * consentEvidence} is what the household was shown and how it agreed (JSON).
     */
    public static Order place(
            OrderId id,
            AccountId household,
            StoreId store,
            Fulfilment fulfilment,
            List<OrderLine> lines,
            Instant now,
            Instant cancelUntil,
            String source,
            String consentEvidence) {
        return new Order(
                id,
                household,
                store,
                OrderStatus.PLACED,
                fulfilment,
                lines,
                now,
                cancelUntil,
                source,
                null,
                consentEvidence);
    }

    /**
     * An order held for the household's explicit confirmation until {@code confirmBy}; its stock is
     * reserved meanwhile. Nothing is committed to the store before the confirmation.
     */
    public static Order awaitConfirmation(
            OrderId id,
            AccountId household,
            StoreId store,
            Fulfilment fulfilment,
            List<OrderLine> lines,
            Instant now,
            Instant confirmBy,
            String source) {
        return new Order(
                id,
                household,
                store,
                OrderStatus.AWAITING_CONFIRMATION,
                fulfilment,
                lines,
                now,
                null,
                source,
                confirmBy,
                null);
    }

    public OrderPlaced placed() {
        return new OrderPlaced(id, household, store, total(), cancelUntil, source);
    }

    public OrderCancelled cancel(Instant now) {
        if (!status.isOpen()) {
            throw CornerException.conflict(
                    "ORDER_CLOSED", "order " + id + " is " + status + " and cannot be cancelled");
        }
        if (status == OrderStatus.PLACED && cancelUntil != null && now.isAfter(cancelUntil)) {
            throw CornerException.conflict(
                    "CANCEL_WINDOW_CLOSED", "order " + id + " could be cancelled until " + cancelUntil);
        }
        status = OrderStatus.CANCELLED;
        return new OrderCancelled(id, household, store);
    }

    /**
     * The household agreed, as {@code evidence} records: the order is placed and may still be
     * cancelled until {@code cancelUntil}. Too late, it is refused; the order will expire.
     */
    public OrderPlaced confirm(Instant now, Instant cancelUntil, String evidence) {
        if (status != OrderStatus.AWAITING_CONFIRMATION) {
            throw CornerException.conflict(
                    "NOT_AWAITING_CONFIRMATION", "order " + id + " is " + status + ", not awaiting confirmation");
        }
        if (confirmBy != null && now.isAfter(confirmBy)) {
            throw CornerException.conflict(
                    "CONFIRMATION_EXPIRED", "order " + id + " could be confirmed until " + confirmBy);
        }
        status = OrderStatus.PLACED;
        this.cancelUntil = cancelUntil;
        this.consentEvidence = evidence;
        return placed();
    }

    /**
     * More units on a placed order, while the household may still cancel it (a repeated press when
     * the household chose that presses add to the order). Answers the new line.
     */
    public OrderLine addLine(OrderLine line, Instant now) {
        if (!acceptsMoreUnits(now)) {
            throw CornerException.conflict(
                    "ORDER_NOT_OPEN_FOR_CHANGES",
                    "order " + id + " takes no more units once its cancel window is over");
        }
        lines.add(line);
        return line;
    }

    /** Placed, and still inside its cancel window. */
    public boolean acceptsMoreUnits(Instant now) {
        return status == OrderStatus.PLACED && cancelUntil != null && now.isBefore(cancelUntil);
    }

    public long units() {
        return lines.stream().mapToLong(OrderLine::quantity).sum();
    }

    public String consentEvidence() {
        return consentEvidence;
    }

    /** The pickup or delivery this order goes out with, shared with the household's other orders. */
    public void joinFulfilment(String fulfilmentId) {
        this.fulfilmentId = fulfilmentId;
    }

    /** Its stock is no longer held: the order ends unfulfilled. Expiring a closed order changes nothing. */
    public java.util.Optional<OrderExpired> expire() {
        if (!status.isOpen()) {
            return java.util.Optional.empty();
        }
        status = OrderStatus.EXPIRED;
        return java.util.Optional.of(new OrderExpired(id, household, store));
    }

    /** The household collected the goods at the store. */
    public OrderCompleted handOver() {
        if (status != OrderStatus.PLACED) {
            throw CornerException.conflict(
                    "ORDER_NOT_READY", "order " + id + " is " + status + " and cannot be handed over");
        }
        status = OrderStatus.COMPLETED;
        return new OrderCompleted(id, household, store);
    }

    public boolean belongsTo(AccountId account) {
        return household.equals(account);
    }

    public Money total() {
        return lines.stream().map(OrderLine::total).reduce(Money::plus).orElseThrow();
    }

    public OrderId id() {
        return id;
    }

    public StoreId store() {
        return store;
    }

    public OrderStatus status() {
        return status;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public OrderView view() {
        return new OrderView(
                id,
                household,
                store,
                status,
                fulfilment,
                lines.stream()
                        .map(l -> new OrderView.Line(l.productId(), l.name(), l.quantity(), l.unitPrice(), l.total()))
                        .toList(),
                total(),
                placedAt,
                cancelUntil,
                source,
                confirmBy,
                fulfilmentId);
    }
}
