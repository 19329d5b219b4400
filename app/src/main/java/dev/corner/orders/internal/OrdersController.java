package dev.corner.orders.internal;

import dev.corner.common.Caller;
import dev.corner.common.Money;
import dev.corner.orders.OrderId;
import dev.corner.orders.OrderView;
import dev.corner.orders.Ordering;
import dev.corner.stores.StoreId;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class OrdersController {

    private final Ordering ordering;
    private final java.time.Clock clock;

    OrdersController(Ordering ordering, java.time.Clock clock) {
        this.clock = clock;
        this.ordering = ordering;
    }

    record LineJson(String productId, String name, long quantity, Money unitPrice, Money total) {}

    record OrderJson(
            String orderId,
            String status,
            String storeId,
            String fulfilment,
            List<LineJson> lines,
            Money total,
            Instant placedAt,
            Instant cancelUntil,
            String source,
            Instant confirmBy,
            String fulfilmentId) {

        static OrderJson of(OrderView o) {
            return new OrderJson(
                    o.orderId().value(),
                    o.status().name(),
                    o.storeId().value(),
                    o.fulfilment().name(),
                    o.lines().stream()
                            .map(l -> new LineJson(
                                    l.productId().value(), l.name(), l.quantity(), l.unitPrice(), l.total()))
                            .toList(),
                    o.total(),
                    o.placedAt(),
                    o.cancelUntil(),
                    o.source(),
                    o.confirmBy(),
                    o.fulfilmentId());
        }
    }

    record OrderList(List<OrderJson> orders) {}

    @GetMapping("/orders")
    OrderList mine(Caller caller) {
        return new OrderList(ordering.mine(caller).stream().map(OrderJson::of).toList());
    }

    @GetMapping("/orders/{orderId}")
    OrderJson one(Caller caller, @PathVariable String orderId) {
        return OrderJson.of(ordering.mine(caller, new OrderId(orderId)));
    }

    @PostMapping("/orders/{orderId}/cancel")
    OrderJson cancel(Caller caller, @PathVariable String orderId) {
        return OrderJson.of(ordering.cancel(caller, new OrderId(orderId)));
    }

    record Consolidated(long orders, long pickupsOrDeliveries, long saved, Instant since) {}

    /** This calendar month's orders and the trips to the store they needed: the trips saved. */
    @GetMapping("/orders/consolidation")
    Consolidated consolidation(Caller caller) {
        var since = clock.instant()
                .atOffset(java.time.ZoneOffset.UTC)
                .withDayOfMonth(1)
                .truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                .toInstant();
        var counts = ordering.consolidation(caller, since);
        return new Consolidated(counts.orders(), counts.fulfilments(), counts.saved(), since);
    }

    record Confirm(String language) {}

    /** The body is optional; {@code language} names the button's language the household saw. */
    @PostMapping("/orders/{orderId}/confirm")
    OrderJson confirm(Caller caller, @PathVariable String orderId, @RequestBody(required = false) Confirm request) {
        return OrderJson.of(ordering.confirm(
                caller, new OrderId(orderId), Ordering.Channel.API, request == null ? null : request.language()));
    }

    @GetMapping("/stores/{storeId}/orders")
    OrderList openAt(Caller caller, @PathVariable String storeId) {
        return new OrderList(ordering.openAt(caller, new StoreId(storeId)).stream()
                .map(OrderJson::of)
                .toList());
    }

    @PostMapping("/stores/{storeId}/orders/{orderId}/handover")
    OrderJson handOver(Caller caller, @PathVariable String storeId, @PathVariable String orderId) {
        return OrderJson.of(ordering.handOver(caller, new StoreId(storeId), new OrderId(orderId)));
    }
}
