package dev.corner.orders;

import dev.corner.catalog.Catalog;
import dev.corner.catalog.Product;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

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
    private final Duration confirmWithin;
    private final Duration consolidationWindow;
    private final JsonMapper json;

    Ordering(
            OrderRecords orders,
            Catalog catalog,
            Inventory inventory,
            Stores stores,
            ApplicationEventPublisher events,
            Clock clock,
            JsonMapper json,
            @Value("${corner.orders.cancel-window}") Duration cancelWindow,
            @Value("${corner.orders.confirm-within}") Duration confirmWithin,
            @Value("${corner.orders.consolidation-window}") Duration consolidationWindow) {
        this.consolidationWindow = consolidationWindow;
        this.json = json;
        this.confirmWithin = confirmWithin;
        this.orders = orders;
        this.catalog = catalog;
        this.inventory = inventory;
        this.stores = stores;
        this.events = events;
        this.clock = clock;
        this.cancelWindow = cancelWindow;
    }

    /**
     * An order for one product at one store, at no more than a unit price. With {@code
     * awaitConfirmation} it waits for the household's explicit confirmation; otherwise it is placed
     * and cancellable for {@code cancelWindow} (null: the default), with {@code consentEvidence}
     * (JSON) saying how the household agreed in advance. {@code unitPrice} and {@code productRead}, when
     * given, are the store's price and the product as the caller read them in this transaction to
     * choose the order (so the order is placed at the price the choice and its consent were made
     * on); when null, they are read here.
     */
    public record PlaceOrder(
            AccountId household,
            StoreId store,
            ProductId product,
            long quantity,
            Money maxUnitPrice,
            Fulfilment fulfilment,
            String source,
            boolean awaitConfirmation,
            Duration cancelWindow,
            String consentEvidence,
            Money unitPrice,
            Product productRead) {}

    /** Where the household confirmed an order: the web app, the API or the device's own display. */
    public enum Channel {
        WEB,
        API,
        DEVICE
    }

    /**
     * Places the order at the store's current price (or the one the caller read, see {@link
     * PlaceOrder}) with stock reserved for it, or answers empty
     * when the store has no offer, the price is above the cap, or not enough stock is available.
     */
    @Transactional
    public Optional<OrderView> place(PlaceOrder command) {
        return placeAll(List.of(command)).get(0);
    }

    /**
     * Places several orders as {@link #place} places one, each answer in the order asked: their stock
     * is reserved in one batch, their fulfilments found or begun together, and the orders written in
     * one statement. Orders of one household at one store join one fulfilment, also among these.
     */
    @Transactional
    public List<Optional<OrderView>> placeAll(List<PlaceOrder> commands) {
        for (var command : commands) {
            if (command.fulfilment() != Fulfilment.PICKUP) {
                throw CornerException.invalid("UNSUPPORTED_FULFILMENT", "only PICKUP orders can be placed so far");
            }
            if (command.productRead() != null && !command.productRead().id().equals(command.product())) {
                throw new IllegalArgumentException("the product read is not the product ordered");
            }
        }
        var prices = new ArrayList<Optional<Money>>();
        var priced = new ArrayList<Integer>();
        var ids = new ArrayList<OrderId>();
        var asks = new ArrayList<Inventory.Reserve>();
        for (int i = 0; i < commands.size(); i++) {
            var command = commands.get(i);
            var price = command.unitPrice() != null
                    ? Optional.of(command.unitPrice())
                    : catalog.priceAt(command.store(), command.product());
            prices.add(price);
            ids.add(new OrderId(Ids.next("ord")));
            if (price.isPresent()
                    && (command.maxUnitPrice() == null || !price.get().exceeds(command.maxUnitPrice()))) {
                priced.add(i);
                asks.add(new Inventory.Reserve(
                        command.store(),
                        command.product(),
                        command.quantity(),
                        ids.get(i).asReservationReference()));
            }
        }
        var reservations = inventory.reserveAll(asks);
        var now = clock.instant();
        var reserved = new ArrayList<Integer>();
        for (int k = 0; k < priced.size(); k++) {
            if (reservations.get(k).isPresent()) {
                reserved.add(priced.get(k));
            }
        }
        var fulfilments = orders.fulfilmentsFor(
                reserved.stream().map(i -> fulfilmentKey(commands.get(i))).toList(), now, consolidationWindow);
        var placed =
                new ArrayList<Optional<OrderView>>(java.util.Collections.nCopies(commands.size(), Optional.empty()));
        var written = new ArrayList<Order>();
        for (int k = 0; k < priced.size(); k++) {
            int i = priced.get(k);
            if (reservations.get(k).isEmpty()) {
                continue;
            }
            var command = commands.get(i);
            var product =
                    command.productRead() != null ? command.productRead() : catalog.requireProduct(command.product());
            var lines = List.of(new OrderLine(
                    product.id(),
                    product.name(),
                    command.quantity(),
                    prices.get(i).get(),
                    reservations.get(k).get()));
            var order = command.awaitConfirmation()
                    ? Order.awaitConfirmation(
                            ids.get(i),
                            command.household(),
                            command.store(),
                            command.fulfilment(),
                            lines,
                            now,
                            now.plus(confirmWithin),
                            command.source())
                    : Order.place(
                            ids.get(i),
                            command.household(),
                            command.store(),
                            command.fulfilment(),
                            lines,
                            now,
                            now.plus(command.cancelWindow() == null ? cancelWindow : command.cancelWindow()),
                            command.source(),
                            command.consentEvidence());
            order.joinFulfilment(fulfilments.get(fulfilmentKey(command)));
            written.add(order);
            placed.set(i, Optional.of(order.view()));
        }
        orders.insertAll(written);
        for (var order : written) {
            var view = order.view();
            events.publishEvent(
                    view.status() == OrderStatus.AWAITING_CONFIRMATION
                            ? new OrderEvents.OrderAwaitingConfirmation(
                                    view.orderId(), view.householdId(), view.storeId(), view.total(), view.confirmBy())
                            : order.placed());
        }
        return placed;
    }

    private static OrderRecords.FulfilmentKey fulfilmentKey(PlaceOrder command) {
        return new OrderRecords.FulfilmentKey(command.household(), command.store(), command.fulfilment());
    }

    /**
     * Adds {@code quantity} units of the order's product to an order that is placed and still
     * inside its cancel window, at the store's current price with stock reserved for them. Empty,
     * and nothing changed, when the window is over, the price is above the cap or the stock is not
     * there. The cancel window stays what it was.
     */
    @Transactional
    public Optional<OrderView> addUnits(OrderId id, long quantity, Money maxUnitPrice) {
        var order = orders.lock(id)
                .orElseThrow(() -> CornerException.notFound("ORDER_NOT_FOUND", "no order " + id.value()));
        var now = clock.instant();
        if (!order.acceptsMoreUnits(now)) {
            return Optional.empty();
        }
        var productId = order.lines().get(0).productId();
        var price = catalog.priceAt(order.store(), productId);
        if (price.isEmpty() || (maxUnitPrice != null && price.get().exceeds(maxUnitPrice))) {
            return Optional.empty();
        }
        var reservation = inventory.reserve(order.store(), productId, quantity, id.asReservationReference());
        if (reservation.isEmpty()) {
            return Optional.empty();
        }
        var product = catalog.requireProduct(productId);
        order.addLine(new OrderLine(productId, product.name(), quantity, price.get(), reservation.get()), now);
        orders.addLine(order);
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

    /** The orders of these ids that exist, by id, read together. */
    @Transactional(readOnly = true)
    public Map<OrderId, OrderView> findAll(Collection<OrderId> ids) {
        return orders.findAll(ids).stream()
                .map(Order::view)
                .collect(Collectors.toMap(OrderView::orderId, view -> view));
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

    /**
     * The household confirms an order that waited for it, having been shown the product, price and
     * total next to the button labelled in {@code language} (see {@link ConfirmationLabel}).
     */
    @Transactional
    public OrderView confirm(Caller caller, OrderId id, Channel channel, String language) {
        var order = orders.lock(id).filter(o -> o.belongsTo(caller.accountId())).orElseThrow(() -> notFound(id));
        return confirm(order, channel, language);
    }

    /** A confirmation from the device's own display; the devices module checked the device. */
    @Transactional
    public OrderView confirmOnDevice(OrderId id, String language) {
        var order = orders.lock(id).orElseThrow(() -> notFound(id));
        return confirm(order, Channel.DEVICE, language);
    }

    /** A confirmed order may still be cancelled within the default cancel window. */
    private OrderView confirm(Order order, Channel channel, String language) {
        var now = clock.instant();
        var view = order.view();
        var line = view.lines().get(0);
        var label = ConfirmationLabel.of(language);
        var evidence = new LinkedHashMap<String, Object>();
        evidence.put("mode", "CONFIRM_EACH");
        evidence.put("channel", channel.name());
        evidence.put("confirmedAt", now.toString());
        evidence.put("button", label.text());
        evidence.put("language", label.language());
        evidence.put(
                "shown",
                Map.of(
                        "product", line.name(),
                        "quantity", line.quantity(),
                        "unitPrice", line.unitPrice(),
                        "total", view.total()));
        var placed = order.confirm(now, now.plus(cancelWindow), json.writeValueAsString(evidence));
        orders.updateStatus(order);
        events.publishEvent(placed);
        return order.view();
    }

    /** Orders not confirmed in time expire and their stock goes back on sale. */
    @Transactional
    public int expireUnconfirmed() {
        var due = orders.awaitingPast(clock.instant(), 100);
        due.forEach(this::expire);
        return due.size();
    }

    /** How many orders a household had since {@code since}, and in how many pickups or deliveries. */
    public record Consolidation(long orders, long fulfilments) {
        public long saved() {
            return orders - fulfilments;
        }
    }

    @Transactional(readOnly = true)
    public Consolidation consolidation(Caller household, Instant since) {
        household.requireRole(dev.corner.common.Role.HOUSEHOLD);
        var counts = orders.ordersAndFulfilments(household.accountId(), since);
        return new Consolidation(counts[0], counts[1]);
    }

    /**
     * What a household's orders from {@code sourcePrefix} (e.g. one device) cost since {@code since},
     * counting orders awaiting confirmation, placed or completed, not cancelled or expired ones.
     */
    @Transactional(readOnly = true)
    public long spentSince(AccountId household, String sourcePrefix, Instant since) {
        return orders.spentSince(household, sourcePrefix, since);
    }

    /** What one household's orders from one source cost since an instant; see {@link #spentSince}. */
    public record Spending(AccountId household, String sourcePrefix, Instant since) {}

    /** {@link #spentSince} for each asked, in the order asked, in one query. */
    @Transactional(readOnly = true)
    public List<Long> spentSince(List<Spending> asked) {
        return orders.spentSince(
                asked.stream().map(Spending::household).toList(),
                asked.stream().map(Spending::sourcePrefix).toList(),
                asked.stream().map(Spending::since).toList());
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
        stores.requireWorkplace(store, merchant);
        return orders.openAt(store).stream().map(Order::view).toList();
    }

    /** The household collected its order: reserved stock leaves the shelf and the order completes. */
    @Transactional
    public OrderView handOver(Caller merchant, StoreId store, OrderId id) {
        stores.requireWorkplace(store, merchant);
        var order = orders.lock(id).filter(o -> o.store().equals(store)).orElseThrow(() -> notFound(id));
        var completed = order.handOver();
        order.lines().forEach(line -> inventory.consume(line.reservation()));
        orders.updateStatus(order);
        orders.closeFulfilmentOf(order.id(), clock.instant());
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
