package dev.corner.orders;

import dev.corner.catalog.Catalog;
import dev.corner.catalog.ProductId;
import dev.corner.common.AccountId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Ids;
import dev.corner.common.Money;
import dev.corner.common.Role;
import dev.corner.inventory.Inventory;
import dev.corner.orders.internal.OrderRecords;
import dev.corner.orders.model.Order;
import dev.corner.orders.model.OrderLine;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Placing, cancelling, confirming and handing over orders. */
@Service
public class Ordering {

    private final OrderRecords orders;
    private final Catalog catalog;
    private final Inventory inventory;
    private final Stores stores;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration cancelWindow;

    Ordering(
            OrderRecords orders,
            Catalog catalog,
            Inventory inventory,
            Stores stores,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${corner.orders.cancel-window}") Duration cancelWindow) {
        this.orders = orders;
        this.catalog = catalog;
        this.inventory = inventory;
        this.stores = stores;
        this.events = events;
        this.clock = clock;
        this.cancelWindow = cancelWindow;
    }

    /** An order for one product at one store, at no more than a unit price. */
    public record PlaceOrder(
            AccountId household,
            StoreId store,
            ProductId product,
            long quantity,
            Money maxUnitPrice,
            Fulfilment fulfilment,
            String source) {}

    /**
     * Places the order at the store's current price with stock reserved for it, or answers empty
     * when the store has no offer, the price is above the cap, or not enough stock is available.
     */
    @Transactional
    public Optional<OrderView> place(PlaceOrder command) {
        if (command.fulfilment() != Fulfilment.PICKUP) {
            throw CornerException.invalid("UNSUPPORTED_FULFILMENT", "only PICKUP orders can be placed so far");
        }
        var price = catalog.priceAt(command.store(), command.product());
        if (price.isEmpty() || (command.maxUnitPrice() != null && price.get().exceeds(command.maxUnitPrice()))) {
            return Optional.empty();
        }
        var id = new OrderId(Ids.next("ord"));
        var reservation =
                inventory.reserve(command.store(), command.product(), command.quantity(), id.asReservationReference());
        if (reservation.isEmpty()) {
            return Optional.empty();
        }
        var product = catalog.requireProduct(command.product());
        var now = clock.instant();
        var order = Order.place(
                id,
                command.household(),
                command.store(),
                command.fulfilment(),
                List.of(new OrderLine(
                        product.id(), product.name(), command.quantity(), price.get(), reservation.get())),
                now,
                now.plus(cancelWindow),
                command.source());
        orders.insert(order);
        events.publishEvent(order.placed());
        return Optional.of(order.view());
    }

    @Transactional(readOnly = true)
    public boolean isOpen(OrderId id) {
        return orders.find(id).map(order -> order.status().isOpen()).orElse(false);
    }

    @Transactional(readOnly = true)
    public Optional<OrderView> find(OrderId id) {
        return orders.find(id).map(Order::view);
    }

    /** The caller's own order; another household's answers 404. */
    @Transactional(readOnly = true)
    public OrderView mine(Caller caller, OrderId id) {
        return requireOwn(caller, id).view();
    }

    @Transactional(readOnly = true)
    public List<OrderView> mine(Caller caller) {
        return orders.ofHousehold(caller.accountId(), 200).stream()
                .map(Order::view)
                .toList();
    }

    @Transactional
    public OrderView cancel(Caller caller, OrderId id) {
        var order = orders.lock(id).filter(o -> o.belongsTo(caller.accountId())).orElseThrow(() -> notFound(id));
        var cancelled = order.cancel(clock.instant());
        order.lines().forEach(line -> inventory.release(line.reservation()));
        orders.updateStatus(order);
        events.publishEvent(cancelled);
        return order.view();
    }

    @Transactional
    public OrderView confirm(Caller caller, OrderId id) {
        var order = orders.lock(id).filter(o -> o.belongsTo(caller.accountId())).orElseThrow(() -> notFound(id));
        order.confirm();
        orders.updateStatus(order);
        return order.view();
    }

    /** The order's stock was released for lack of hand-over in time: the order expires. */
    @Transactional
    public void expire(OrderId id) {
        orders.lock(id)
                .flatMap(order -> order.expire().map(expired -> {
                    order.lines().forEach(line -> inventory.release(line.reservation()));
                    orders.updateStatus(order);
                    events.publishEvent(expired);
                    return expired;
                }));
    }

    /** The merchant's open orders at one of its stores, to prepare and hand over. */
    @Transactional(readOnly = true)
    public List<OrderView> openAt(Caller merchant, StoreId store) {
        stores.requireOwnedBy(store, merchant);
        return orders.openAt(store).stream().map(Order::view).toList();
    }

    /** The household collected its order: reserved stock leaves the shelf and the order completes. */
    @Transactional
    public OrderView handOver(Caller merchant, StoreId store, OrderId id) {
        stores.requireOwnedBy(store, merchant);
        var order = orders.lock(id).filter(o -> o.store().equals(store)).orElseThrow(() -> notFound(id));
        var completed = order.handOver();
        order.lines().forEach(line -> inventory.consume(line.reservation()));
        orders.updateStatus(order);
        events.publishEvent(completed);
        return order.view();
    }

    /**
     * The latest orders the caller may see: a household its own, a merchant those at its stores, an
     * operator all of them; nobody else any.
     */
    @Transactional(readOnly = true)
    public List<OrderView> recentFor(Caller caller, int limit) {
        var visible = switch (caller.role()) {
            case HOUSEHOLD -> orders.ofHousehold(caller.accountId(), limit);
            case MERCHANT, STAFF ->
                orders.recentAt(
                        stores.ownedBy(caller).stream().map(store -> store.id()).toList(), limit);
            case OPERATOR -> orders.recent(limit);
            case COURIER, MAKER -> List.<Order>of();
        };
        return visible.stream().map(Order::view).toList();
    }

    private Order requireOwn(Caller caller, OrderId id) {
        if (caller.role() != Role.HOUSEHOLD && caller.role() != Role.OPERATOR) {
            throw notFound(id);
        }
        return orders.find(id)
                .filter(o -> caller.role() == Role.OPERATOR || o.belongsTo(caller.accountId()))
                .orElseThrow(() -> notFound(id));
    }

    private static CornerException notFound(OrderId id) {
        return CornerException.notFound("ORDER_NOT_FOUND", "no order " + id);
    }
}
