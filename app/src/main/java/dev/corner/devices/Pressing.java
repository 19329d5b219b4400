package dev.corner.devices;

import dev.corner.catalog.Catalog;
import dev.corner.catalog.Product;
import dev.corner.common.AccountId;
import dev.corner.common.CornerException;
import dev.corner.common.GeoPoint;
import dev.corner.common.Ids;
import dev.corner.common.Money;
import dev.corner.devices.PressAnswer.ProductShown;
import dev.corner.devices.PressAnswer.Result;
import dev.corner.devices.internal.DeviceRecords;
import dev.corner.devices.internal.DeviceRecords.Device;
import dev.corner.devices.internal.DeviceRecords.Slot;
import dev.corner.devices.internal.NonceClaim;
import dev.corner.devices.internal.SettingsRecords;
import dev.corner.devices.model.Candidate;
import dev.corner.devices.model.Choice;
import dev.corner.devices.model.ConsentPolicy;
import dev.corner.devices.model.PressStormPolicy;
import dev.corner.devices.model.RepeatPresses;
import dev.corner.devices.model.SlotPolicy;
import dev.corner.devices.model.SpendingLimitPolicy;
import dev.corner.devices.model.Strategy;
import dev.corner.inventory.Inventory;
import dev.corner.inventory.Inventory.Shelf;
import dev.corner.inventory.StockLevel;
import dev.corner.orders.OrderId;
import dev.corner.orders.OrderStatus;
import dev.corner.orders.OrderView;
import dev.corner.orders.Ordering;
import dev.corner.orders.Ordering.PlaceOrder;
import dev.corner.stores.Store;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What happens when a device's button is pressed: at most one open order per slot, the same press
 * id always gets the same answer, and an order is placed only for a product, store and price that
 * the slot's policy allows, within the household's limits, and with the consent it asked for.
 */
@Service
public class Pressing {

    public static final int MAX_PRESS_QUANTITY = 10;

    /** How long a device with a display may confirm the quote it showed. */
    public static final Duration QUOTE_TTL = Duration.ofSeconds(60);

    private final DeviceRecords records;
    private final SettingsRecords settings;
    private final Ordering ordering;
    private final Catalog catalog;
    private final Inventory inventory;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Stores stores;
    private final Clock clock;

    Pressing(
            DeviceRecords records,
            SettingsRecords settings,
            Ordering ordering,
            Catalog catalog,
            Inventory inventory,
            ApplicationEventPublisher events,
            JsonMapper json,
            Stores stores,
            Clock clock) {
        this.records = records;
        this.settings = settings;
        this.ordering = ordering;
        this.catalog = catalog;
        this.inventory = inventory;
        this.events = events;
        this.json = json;
        this.stores = stores;
        this.clock = clock;
    }

    /** A press whose nonce was remembered already, or that has none (an appliance reordering). */
    @Transactional
    public PressAnswer press(DeviceId deviceId, String slotId, String pressId, Integer quantity) {
        return press(deviceId, null, slotId, pressId, quantity);
    }

    /**
     * A press that remembers its request's {@code nonce} in its own transaction, in the statement
     * that locks the device; throws {@link NonceClaim.Reused} if the nonce was used before.
     */
    @Transactional
    public PressAnswer press(NonceClaim nonce, String slotId, String pressId, Integer quantity) {
        return press(nonce.device(), nonce, slotId, pressId, quantity);
    }

    private PressAnswer press(DeviceId deviceId, NonceClaim nonce, String slotId, String pressId, Integer quantity) {
        Ids.requireValid(pressId, "pressId");
        int multiplier = quantity == null ? 1 : quantity;
        if (multiplier < 1 || multiplier > MAX_PRESS_QUANTITY) {
            throw CornerException.invalid("INVALID_QUANTITY", "quantity must be 1 to " + MAX_PRESS_QUANTITY);
        }
        // Presses of one device run one at a time: two cannot both find a slot free, and a press id
        // sent twice at once is answered once.
        var pressed = records.lockForPress(deviceId, Ids.requireValid(slotId, "slotId"), nonce)
                .orElseThrow(() -> CornerException.notFound("SLOT_NOT_FOUND", "this device has no slot " + slotId));
        if (!pressed.nonceNew()) {
            throw new NonceClaim.Reused();
        }
        var now = clock.instant();
        var device = pressed.device();
        var slot = pressed.slot();
        var history = records.pressHistory(deviceId, device.household(), pressId, now.minus(Duration.ofMinutes(1)));
        if (history.earlierAnswer().isPresent()) {
            return json.readValue(history.earlierAnswer().get(), PressAnswer.class);
        }
        var household = history.household().orElse(HouseholdSettings.Settings.DEFAULT);
        if (!device.paused() && new PressStormPolicy(household.pressesPerMinute()).isStorm(history.pressesSince())) {
            // Not remembered as an answer: the device is paused now, and told so by a 429.
            records.setPaused(deviceId, true, now);
            events.publishEvent(new DeviceEvents.DevicePausedForStorm(deviceId, device.household()));
            return PressAnswer.of(Result.THROTTLED, "PRESS_STORM");
        }
        var answer = decide(device, pressed.overrides(), slot, multiplier, household, pressId);
        // An order other than the slot's open one was placed by this press, and is now the open one.
        var placed = answer.orderId() == null
                        || (slot.openOrder() != null
                                && answer.orderId().equals(slot.openOrder().value()))
                ? null
                : new OrderId(answer.orderId());
        records.recordPress(deviceId, pressId, slotId, json.writeValueAsString(answer), placed, now);
        if (answer.result() == Result.LIMIT_EXCEEDED || answer.result() == Result.UNAVAILABLE) {
            events.publishEvent(new DeviceEvents.PressRefused(
                    deviceId, device.household(), slotId, answer.result().name(), answer.reason()));
        }
        return answer;
    }

    private PressAnswer decide(
            Device device,
            DeviceRecords.Overrides overrides,
            Slot slot,
            int multiplier,
            HouseholdSettings.Settings household,
            String pressId) {
        if (device.paused() || household.paused()) {
            return PressAnswer.of(Result.PAUSED, device.paused() ? "DEVICE_PAUSED" : "HOUSEHOLD_PAUSED");
        }
        if (slot.policy() == null) {
            return PressAnswer.of(Result.NOT_CONFIGURED);
        }
        var policy = slot.policy();
        var limits = new SpendingLimitPolicy(
                household.orderLimit(), overrides.dailyLimit(), overrides.monthlyLimit(), household.monthlyLimit());
        var consent = new ConsentPolicy(
                household.consent(), overrides.consent(), policy.consent(), household.priceGuardPercent());
        long quantity = (long) policy.quantity() * multiplier;
        if (slot.openOrder() != null) {
            var open = ordering.find(slot.openOrder()).filter(o -> o.status().isOpen());
            if (open.isPresent()) {
                return household.repeatPresses() == RepeatPresses.ADD_TO_ORDER
                        ? addTo(open.get(), device, slot, quantity, household, limits, consent)
                        : answer(Result.ORDER_IN_PROGRESS, open.get());
            }
        }
        var spent = limits.any() ? spent(device) : null;
        // The stock is not read: a candidate without it fails its reservation and the next is tried.
        // Only when nothing was placed is it read, to say why.
        for (var candidate : Choice.rank(policy, offered(policy, household.home(), false), quantity)) {
            if (spent != null
                    && limits.exceededBy(candidate.price().times(quantity), spent)
                            .isPresent()) {
                continue;
            }
            var reason = consent.confirmationReason(slot.boundUnitPrice(), candidate.price());
            // The order is placed at the price the choice, the limits and the consent were decided on.
            var product = catalog.requireProduct(candidate.productId());
            var placed = ordering.place(new PlaceOrder(
                    device.household(),
                    candidate.storeId(),
                    candidate.productId(),
                    quantity,
                    policy.maxUnitPrice(),
                    policy.fulfilment(),
                    source(device, slot),
                    reason != null,
                    household.cancelWindow(),
                    reason != null ? null : advanceConsent(household),
                    candidate.price(),
                    product));
            if (placed.isPresent()) {
                if (reason == null) {
                    return answer(Result.ORDER_PLACED, placed.get(), product);
                }
                var quoteId = Ids.next("q");
                var expires = clock.instant().plus(QUOTE_TTL);
                records.insertQuote(new DeviceRecords.Quote(
                        quoteId,
                        device.id(),
                        pressId,
                        slot.slotId(),
                        placed.get().orderId(),
                        expires,
                        false));
                return answer(Result.AWAITING_CONFIRMATION, placed.get(), product)
                        .withQuote(quoteId, expires, reason);
            }
        }
        return whyNothingPlaced(policy, household.home(), quantity, limits, spent);
    }

    /**
     * The limit that a candidate in stock would have gone over (the first such candidate in the
     * strategy's order), else why nothing fits the policy.
     */
    private PressAnswer whyNothingPlaced(
            SlotPolicy policy,
            GeoPoint home,
            long quantity,
            SpendingLimitPolicy limits,
            SpendingLimitPolicy.Spent spent) {
        var offered = offered(policy, home, true);
        if (spent != null) {
            for (var candidate : Choice.rank(policy, offered, quantity)) {
                var exceeded = limits.exceededBy(candidate.price().times(quantity), spent);
                if (exceeded.isPresent()) {
                    return PressAnswer.of(Result.LIMIT_EXCEEDED, exceeded.get());
                }
            }
        }
        return PressAnswer.of(Result.UNAVAILABLE, Choice.whyNothing(policy, offered));
    }

    /**
     * A device with a display confirms the quote it showed, within {@link #QUOTE_TTL}: the order is
     * placed. The same quote confirmed again answers the same.
     */
    @Transactional
    public PressAnswer confirm(DeviceId deviceId, String slotId, String pressId, String quoteId, String language) {
        Ids.requireValid(pressId, "pressId");
        records.lockDevice(deviceId);
        var quote = records.lockQuote(deviceId, Ids.requireValid(quoteId, "quoteId"))
                .filter(q -> q.slotId().equals(slotId) && q.pressId().equals(pressId))
                .orElseThrow(
                        () -> CornerException.notFound("QUOTE_NOT_FOUND", "no quote " + quoteId + " for this press"));
        var order = ordering.find(quote.orderId()).orElseThrow();
        if (quote.used()) {
            return answer(Result.ORDER_PLACED, order);
        }
        if (clock.instant().isAfter(quote.expiresAt())) {
            throw CornerException.conflict(
                    "QUOTE_EXPIRED", "the quote could be confirmed on the device until " + quote.expiresAt());
        }
        var placed = ordering.confirmOnDevice(quote.orderId(), language);
        records.markQuoteUsed(quote.quoteId());
        return answer(Result.ORDER_PLACED, placed);
    }

    /** An order placed by a press has the source {@code device:<deviceId>/<slotId>}. */
    static final String SOURCE_PREFIX = "device:";

    private static String source(Device device, Slot slot) {
        return SOURCE_PREFIX + device.id() + "/" + slot.slotId();
    }

    /** The evidence of a consent given in advance: the mode and window the household set. */
    private String advanceConsent(HouseholdSettings.Settings household) {
        var evidence = new LinkedHashMap<String, Object>();
        evidence.put("mode", "CANCEL_WINDOW");
        evidence.put("channel", "DEVICE_PRESS");
        evidence.put("at", clock.instant().toString());
        evidence.put("cancelWindowMinutes", household.cancelWindowMinutes());
        return json.writeValueAsString(evidence);
    }

    /** What the device and its household spent today and this month (UTC calendar). */
    /**
     * A repeated press while the household chose that presses add to the open order: inside the
     * cancel window, within the household's maximum, the limits and the cap, and at a price that
     * needs no confirmation, the slot's quantity joins the order ({@code ORDER_PLACED} with reason
     * {@code ADDED_TO_ORDER}); otherwise nothing changes and the answer says why.
     */
    private PressAnswer addTo(
            OrderView open,
            Device device,
            Slot slot,
            long quantity,
            HouseholdSettings.Settings household,
            SpendingLimitPolicy limits,
            ConsentPolicy consent) {
        if (open.status() != OrderStatus.PLACED
                || open.cancelUntil() == null
                || !clock.instant().isBefore(open.cancelUntil())) {
            return answer(Result.ORDER_IN_PROGRESS, open);
        }
        long units = open.lines().stream().mapToLong(OrderView.Line::quantity).sum();
        if (units + quantity > household.maxOrderQuantity()) {
            return answer(Result.ORDER_IN_PROGRESS, open).withReason("MAX_ORDER_QUANTITY");
        }
        var price = catalog.priceAt(open.storeId(), open.lines().get(0).productId());
        if (price.isEmpty() || consent.confirmationReason(slot.boundUnitPrice(), price.get()) != null) {
            return answer(Result.ORDER_IN_PROGRESS, open).withReason("PRICE_CHANGED");
        }
        if (limits.any()) {
            var exceeded =
                    limits.exceededBy(price.get().times(quantity), open.total().amount(), spent(device));
            if (exceeded.isPresent()) {
                return PressAnswer.of(Result.LIMIT_EXCEEDED, exceeded.get());
            }
        }
        return ordering.addUnits(open.orderId(), quantity, slot.policy().maxUnitPrice())
                .map(added -> answer(Result.ORDER_PLACED, added).withReason("ADDED_TO_ORDER"))
                .orElseGet(() -> answer(Result.ORDER_IN_PROGRESS, open).withReason("NOT_ADDED"));
    }

    private SpendingLimitPolicy.Spent spent(Device device) {
        var now = clock.instant();
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        Instant month = now.atOffset(ZoneOffset.UTC)
                .withDayOfMonth(1)
                .truncatedTo(ChronoUnit.DAYS)
                .toInstant();
        AccountId household = device.household();
        var devicePrefix = SOURCE_PREFIX + device.id() + "/";
        return new SpendingLimitPolicy.Spent(
                ordering.spentSince(household, devicePrefix, today),
                ordering.spentSince(household, devicePrefix, month),
                ordering.spentSince(household, SOURCE_PREFIX, month));
    }

    /**
     * What a slot would order now and at what total, or why nothing fits its policy, with the lowest
     * price offered when that is above the cap.
     */
    public record Outlook(Candidate choice, Money total, Choice.Shortfall shortfall, Candidate cheapestOffer) {
        public boolean fits() {
            return choice != null;
        }
    }

    /** The slot's {@link Outlook} now for this household, without ordering anything. */
    @Transactional(readOnly = true)
    public Outlook outlook(SlotPolicy policy, AccountId household) {
        var offered = offered(policy, homeOf(household), true);
        var choice = Choice.rank(policy, offered, policy.quantity()).stream().findFirst();
        if (choice.isPresent()) {
            return new Outlook(choice.get(), choice.get().price().times(policy.quantity()), null, null);
        }
        return new Outlook(
                null,
                null,
                Choice.shortfall(policy, offered),
                Choice.cheapestOffer(policy, offered).orElse(null));
    }

    /** What a household's slot would order now, without ordering it; for devices with a display. */
    @Transactional(readOnly = true)
    public Optional<Candidate> wouldOrder(SlotPolicy policy, AccountId household) {
        return Choice.rank(policy, offered(policy, homeOf(household), true), policy.quantity()).stream()
                .findFirst();
    }

    private GeoPoint homeOf(AccountId household) {
        return household == null
                ? null
                : settings.find(household).map(HouseholdSettings.Settings::home).orElse(null);
    }

    /**
     * What a slot could order now: each of its products at each store it may order from that offers
     * it, by the policy's order of products and then of stores. With {@code readStock} false, each
     * candidate's stock is {@link Candidate#STOCK_NOT_READ}. The prices are read in one query, and so
     * is the stock when asked for, however many products and stores the policy names.
     */
    private List<Candidate> offered(SlotPolicy policy, GeoPoint home, boolean readStock) {
        var offers = offersFor(policy, home);
        var stock = readStock
                ? inventory.levels(offers.stream().map(Pressing::shelf).toList())
                : Map.<Shelf, StockLevel>of();
        var now = clock.instant();
        var readyAt = new HashMap<StoreId, Instant>();
        return offers.stream()
                .map(offer -> new Candidate(
                        offer.productId(),
                        offer.storeId(),
                        offer.price(),
                        readStock
                                ? stock.getOrDefault(shelf(offer), StockLevel.NONE)
                                        .available()
                                : Candidate.STOCK_NOT_READ,
                        policy.strategy() == Strategy.FASTEST
                                ? readyAt.computeIfAbsent(
                                        offer.storeId(),
                                        store -> stores.readyAt(store, now).orElse(null))
                                : null))
                .toList();
    }

    /**
     * The offers a slot may order from: at the stores it lists, or at those within its distance of the
     * household's home, nearest first (none while the home is unknown).
     */
    private List<Catalog.Offer> offersFor(SlotPolicy policy, GeoPoint home) {
        if (!policy.byDistance()) {
            return inOrder(catalog.offersOf(policy.productIds(), policy.storeIds()), policy, policy.storeIds());
        }
        if (home == null) {
            return List.of();
        }
        var offers = catalog.offersOf(policy.productIds());
        // Only the few stores that offer a product are measured (each read once per node), not all.
        var near = offers.stream()
                .map(Catalog.Offer::storeId)
                .distinct()
                .map(stores::find)
                .flatMap(Optional::stream)
                .filter(store -> home.distanceKmTo(store.location()) <= policy.maxDistanceKm())
                .sorted(Comparator.comparingDouble(store -> home.distanceKmTo(store.location())))
                .map(Store::id)
                .toList();
        return inOrder(offers, policy, near);
    }

    /** The offers of the policy's products in its order, each at the stores in the order given; others left out. */
    private static List<Catalog.Offer> inOrder(List<Catalog.Offer> offers, SlotPolicy policy, List<StoreId> stores) {
        var byShelf = new HashMap<Shelf, Catalog.Offer>();
        offers.forEach(offer -> byShelf.put(shelf(offer), offer));
        var ordered = new ArrayList<Catalog.Offer>();
        for (var product : policy.productIds()) {
            for (var store : stores) {
                var offer = byShelf.get(new Shelf(store, product));
                if (offer != null) {
                    ordered.add(offer);
                }
            }
        }
        return ordered;
    }

    private static Shelf shelf(Catalog.Offer offer) {
        return new Shelf(offer.storeId(), offer.productId());
    }

    private PressAnswer answer(Result result, OrderView order) {
        return answer(result, order, catalog.requireProduct(order.lines().get(0).productId()));
    }

    /** {@code product} is the order's, as read in this transaction. */
    private PressAnswer answer(Result result, OrderView order, Product product) {
        var line = order.lines().get(0);
        return new PressAnswer(
                result,
                order.orderId().value(),
                order.cancelUntil(),
                new ProductShown(product.id().value(), product.name(), product.brand()),
                line.unitPrice(),
                order.total(),
                null,
                null,
                null);
    }
}
