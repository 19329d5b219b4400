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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /**
     * A press to answer. {@code nonce}: the request's nonce, remembered in the press's transaction;
     * null when it was remembered already or there is none (an appliance reordering).
     */
    public record PressRequest(DeviceId device, NonceClaim nonce, String slotId, String pressId, Integer quantity) {}

    /**
     * What became of a press: its answer, or the failure it ends in (nothing it did stays, and a
     * {@link NonceClaim.Reused} means its nonce was used before). {@code nonceRemembered}: its nonce
     * is remembered once the transaction commits.
     */
    public record Outcome(PressAnswer answer, RuntimeException failure, boolean nonceRemembered) {

        static Outcome of(PressAnswer answer) {
            return new Outcome(answer, null, true);
        }

        public PressAnswer answerOrThrow() {
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    }

    /**
     * Answers several presses in one transaction, each as if it were alone, in the order given: at
     * most one press per device. Each step reads or writes for all of them in one statement: the
     * nonces, the devices and slots (locked), the earlier answers and storm counts, the offers, what
     * was spent, the orders (placed together by {@link Ordering#placeAll}, one round per candidate
     * tried) and the answers. A press refused before it is decided (a bad request, an unknown slot, a
     * used nonce) gets its failure and leaves the others alone; anything thrown later fails them all,
     * and nothing stays.
     */
    @Transactional
    public List<Outcome> pressAll(List<PressRequest> requests) {
        if (requests.stream().map(PressRequest::device).distinct().count() < requests.size()) {
            throw new IllegalArgumentException("at most one press per device in a batch");
        }
        var outcomes = new ArrayList<Outcome>(Collections.nCopies(requests.size(), (Outcome) null));
        var valid = new ArrayList<Integer>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                validate(requests.get(i));
                valid.add(i);
            } catch (CornerException invalid) {
                outcomes.set(i, new Outcome(null, invalid, false));
            }
        }
        // Presses of one device run one at a time: two cannot both find a slot free, and a press id
        // sent twice at once is answered once.
        var locked = records.lockForPresses(valid.stream()
                .map(i -> new DeviceRecords.PressKey(
                        requests.get(i).device(),
                        requests.get(i).slotId(),
                        requests.get(i).nonce()))
                .toList());
        var pressed = new ArrayList<Press>();
        for (int k = 0; k < valid.size(); k++) {
            int i = valid.get(k);
            if (!locked.get(k).nonceNew()) {
                outcomes.set(i, new Outcome(null, new NonceClaim.Reused(), false));
            } else if (locked.get(k).pressed().isEmpty()) {
                outcomes.set(
                        i,
                        new Outcome(
                                null,
                                CornerException.notFound(
                                        "SLOT_NOT_FOUND",
                                        "this device has no slot "
                                                + requests.get(i).slotId()),
                                true));
            } else {
                pressed.add(
                        new Press(i, requests.get(i), locked.get(k).pressed().get()));
            }
        }
        var now = clock.instant();
        var histories = records.pressHistories(
                pressed.stream()
                        .map(p -> new DeviceRecords.PressRef(
                                p.device().id(),
                                p.device().household(),
                                p.request().pressId()))
                        .toList(),
                now.minus(Duration.ofMinutes(1)));
        var deciding = new ArrayList<Press>();
        for (int k = 0; k < pressed.size(); k++) {
            var press = pressed.get(k);
            var history = histories.get(k);
            if (history.earlierAnswer().isPresent()) {
                outcomes.set(
                        press.index(),
                        Outcome.of(json.readValue(history.earlierAnswer().get(), PressAnswer.class)));
                continue;
            }
            press.household = history.household().orElse(HouseholdSettings.Settings.DEFAULT);
            var device = press.device();
            if (!device.paused()
                    && new PressStormPolicy(press.household.pressesPerMinute()).isStorm(history.pressesSince())) {
                // Not remembered as an answer: the device is paused now, and told so by a 429.
                records.setPaused(device.id(), true, now);
                events.publishEvent(new DeviceEvents.DevicePausedForStorm(device.id(), device.household()));
                outcomes.set(press.index(), Outcome.of(PressAnswer.of(Result.THROTTLED, "PRESS_STORM")));
                continue;
            }
            deciding.add(press);
        }
        decide(deciding);
        var recorded = new ArrayList<DeviceRecords.PressRecord>();
        for (var press : deciding) {
            var answer = press.answer;
            var slot = press.slot();
            // An order other than the slot's open one was placed by this press, and is now the open one.
            var placed = answer.orderId() == null
                            || (slot.openOrder() != null
                                    && answer.orderId().equals(slot.openOrder().value()))
                    ? null
                    : new OrderId(answer.orderId());
            recorded.add(new DeviceRecords.PressRecord(
                    press.device().id(),
                    press.request().pressId(),
                    slot.slotId(),
                    json.writeValueAsString(answer),
                    placed));
            if (answer.result() == Result.LIMIT_EXCEEDED || answer.result() == Result.UNAVAILABLE) {
                events.publishEvent(new DeviceEvents.PressRefused(
                        press.device().id(),
                        press.device().household(),
                        slot.slotId(),
                        answer.result().name(),
                        answer.reason()));
            }
            outcomes.set(press.index(), Outcome.of(answer));
        }
        records.recordPresses(recorded, now);
        return outcomes;
    }

    private static void validate(PressRequest request) {
        Ids.requireValid(request.pressId(), "pressId");
        int multiplier = request.quantity() == null ? 1 : request.quantity();
        if (multiplier < 1 || multiplier > MAX_PRESS_QUANTITY) {
            throw CornerException.invalid("INVALID_QUANTITY", "quantity must be 1 to " + MAX_PRESS_QUANTITY);
        }
        Ids.requireValid(request.slotId(), "slotId");
    }

    /** A press being answered: what was read for it, and what has been decided so far. */
    private static final class Press {
        final int index;
        final PressRequest request;
        final DeviceRecords.Pressed pressed;
        HouseholdSettings.Settings household;
        SpendingLimitPolicy limits;
        ConsentPolicy consent;
        long quantity;
        List<Candidate> candidates;
        int tried;
        SpendingLimitPolicy.Spent spent;
        PressAnswer answer;

        Press(int index, PressRequest request, DeviceRecords.Pressed pressed) {
            this.index = index;
            this.request = request;
            this.pressed = pressed;
        }

        int index() {
            return index;
        }

        PressRequest request() {
            return request;
        }

        Device device() {
            return pressed.device();
        }

        Slot slot() {
            return pressed.slot();
        }

        /** The next candidate in the strategy's order within the limits, or null when none is left. */
        Candidate nextCandidate(long spentByOthers) {
            while (tried < candidates.size()) {
                var candidate = candidates.get(tried++);
                if (spent == null
                        || limits.exceededBy(candidate.price().times(quantity), spentWith(spentByOthers))
                                .isEmpty()) {
                    return candidate;
                }
            }
            return null;
        }

        /** What was spent, with what the household's other presses in this batch placed meanwhile. */
        SpendingLimitPolicy.Spent spentWith(long byOthers) {
            return new SpendingLimitPolicy.Spent(
                    spent.deviceToday(), spent.deviceThisMonth(), spent.householdThisMonth() + byOthers);
        }
    }

    /**
     * Decides each press's answer. Presses of a slot with an open order, or of a device or household
     * that is paused or not configured, are answered at once; the others place their order in rounds:
     * each round tries every press's next candidate together, and a press whose candidate was not
     * placed (no stock) tries its next one in the next round. A household with a monthly limit takes
     * part in a round with one press at a time, so that each sees what the others placed.
     */
    private void decide(List<Press> presses) {
        var openOrders = ordering.findAll(presses.stream()
                .map(press -> press.slot().openOrder())
                .filter(Objects::nonNull)
                .toList());
        var placing = new ArrayList<Press>();
        for (var press : presses) {
            press.answer = before(press, openOrders);
            if (press.answer == null) {
                placing.add(press);
            }
        }
        if (placing.isEmpty()) {
            return;
        }
        var offers = offered(
                placing.stream().map(p -> p.slot().policy()).toList(),
                placing.stream().map(p -> p.household.home()).toList(),
                false);
        var withLimits = placing.stream().filter(p -> p.limits.any()).toList();
        var spent = spent(withLimits.stream().map(Press::device).toList());
        for (int k = 0; k < withLimits.size(); k++) {
            withLimits.get(k).spent = spent.get(k);
        }
        for (int k = 0; k < placing.size(); k++) {
            var press = placing.get(k);
            press.candidates = Choice.rank(press.slot().policy(), offers.get(k), press.quantity);
        }
        var placedBy = new HashMap<AccountId, Long>();
        var unplaced = new ArrayList<Press>();
        var left = placing;
        while (!left.isEmpty()) {
            var round = new ArrayList<Press>();
            var chosen = new ArrayList<Candidate>();
            var next = new ArrayList<Press>();
            var limited = new java.util.HashSet<AccountId>();
            for (var press : left) {
                var household = press.device().household();
                if (press.limits.perHouseholdPerMonth() != null && !limited.add(household)) {
                    next.add(press);
                    continue;
                }
                var candidate = press.nextCandidate(placedBy.getOrDefault(household, 0L));
                if (candidate == null) {
                    unplaced.add(press);
                } else {
                    round.add(press);
                    chosen.add(candidate);
                }
            }
            var placed = place(round, chosen);
            for (int k = 0; k < round.size(); k++) {
                var press = round.get(k);
                if (placed.get(k) == null) {
                    next.add(press);
                } else {
                    press.answer = placed.get(k);
                    placedBy.merge(
                            press.device().household(), press.answer.total().amount(), Long::sum);
                }
            }
            left = next;
        }
        for (var press : unplaced) {
            press.answer = whyNothingPlaced(
                    press.slot().policy(),
                    press.household.home(),
                    press.quantity,
                    press.limits,
                    press.spent == null
                            ? null
                            : press.spentWith(
                                    placedBy.getOrDefault(press.device().household(), 0L)));
        }
    }

    /**
     * The answer of a press that places no new order (paused, not configured, an open order), or null
     * when it goes on to place one; then its limits, consent and quantity are set. {@code openOrders}:
     * the orders the batch's slots last placed.
     */
    private PressAnswer before(Press press, Map<OrderId, OrderView> openOrders) {
        var device = press.device();
        var household = press.household;
        var slot = press.slot();
        int multiplier =
                press.request().quantity() == null ? 1 : press.request().quantity();
        if (device.paused() || household.paused()) {
            return PressAnswer.of(Result.PAUSED, device.paused() ? "DEVICE_PAUSED" : "HOUSEHOLD_PAUSED");
        }
        if (slot.policy() == null) {
            return PressAnswer.of(Result.NOT_CONFIGURED);
        }
        var policy = slot.policy();
        var overrides = press.pressed.overrides();
        press.limits = new SpendingLimitPolicy(
                household.orderLimit(), overrides.dailyLimit(), overrides.monthlyLimit(), household.monthlyLimit());
        press.consent = new ConsentPolicy(
                household.consent(), overrides.consent(), policy.consent(), household.priceGuardPercent());
        press.quantity = (long) policy.quantity() * multiplier;
        if (slot.openOrder() != null) {
            var open = Optional.ofNullable(openOrders.get(slot.openOrder()))
                    .filter(o -> o.status().isOpen());
            if (open.isPresent()) {
                return household.repeatPresses() == RepeatPresses.ADD_TO_ORDER
                        ? addTo(open.get(), device, slot, press.quantity, household, press.limits, press.consent)
                        : answer(Result.ORDER_IN_PROGRESS, open.get());
            }
        }
        return null;
    }

    /**
     * Places each press's chosen candidate, all together: the order is placed at the price the choice,
     * the limits and the consent were decided on. Answers per press its answer, or null where the
     * candidate could not be placed (its stock is not read before: the reservation decides).
     */
    private List<PressAnswer> place(List<Press> presses, List<Candidate> chosen) {
        var commands = new ArrayList<PlaceOrder>();
        var reasons = new ArrayList<String>();
        var products = new ArrayList<Product>();
        for (int k = 0; k < presses.size(); k++) {
            var press = presses.get(k);
            var candidate = chosen.get(k);
            var policy = press.slot().policy();
            var reason = press.consent.confirmationReason(press.slot().boundUnitPrice(), candidate.price());
            var product = catalog.requireProduct(candidate.productId());
            reasons.add(reason);
            products.add(product);
            commands.add(new PlaceOrder(
                    press.device().household(),
                    candidate.storeId(),
                    candidate.productId(),
                    press.quantity,
                    policy.maxUnitPrice(),
                    policy.fulfilment(),
                    source(press.device(), press.slot()),
                    reason != null,
                    press.household.cancelWindow(),
                    reason != null ? null : advanceConsent(press.household),
                    candidate.price(),
                    product));
        }
        var placed = ordering.placeAll(commands);
        var answers = new ArrayList<PressAnswer>();
        var quotes = new ArrayList<DeviceRecords.Quote>();
        for (int k = 0; k < presses.size(); k++) {
            if (placed.get(k).isEmpty()) {
                answers.add(null);
                continue;
            }
            var order = placed.get(k).get();
            if (reasons.get(k) == null) {
                answers.add(answer(Result.ORDER_PLACED, order, products.get(k)));
                continue;
            }
            var press = presses.get(k);
            var quoteId = Ids.next("q");
            var expires = clock.instant().plus(QUOTE_TTL);
            quotes.add(new DeviceRecords.Quote(
                    quoteId,
                    press.device().id(),
                    press.request().pressId(),
                    press.slot().slotId(),
                    order.orderId(),
                    expires,
                    false));
            answers.add(answer(Result.AWAITING_CONFIRMATION, order, products.get(k))
                    .withQuote(quoteId, expires, reasons.get(k)));
        }
        quotes.forEach(records::insertQuote);
        return answers;
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
        return spent(List.of(device)).get(0);
    }

    /** What each device and its household spent today and this month (UTC calendar), in one query. */
    private List<SpendingLimitPolicy.Spent> spent(List<Device> devices) {
        if (devices.isEmpty()) {
            return List.of();
        }
        var now = clock.instant();
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        Instant month = now.atOffset(ZoneOffset.UTC)
                .withDayOfMonth(1)
                .truncatedTo(ChronoUnit.DAYS)
                .toInstant();
        var asked = new ArrayList<Ordering.Spending>();
        for (var device : devices) {
            var devicePrefix = SOURCE_PREFIX + device.id() + "/";
            asked.add(new Ordering.Spending(device.household(), devicePrefix, today));
            asked.add(new Ordering.Spending(device.household(), devicePrefix, month));
            asked.add(new Ordering.Spending(device.household(), SOURCE_PREFIX, month));
        }
        var sums = ordering.spentSince(asked);
        var spent = new ArrayList<SpendingLimitPolicy.Spent>();
        for (int k = 0; k < devices.size(); k++) {
            spent.add(new SpendingLimitPolicy.Spent(sums.get(3 * k), sums.get(3 * k + 1), sums.get(3 * k + 2)));
        }
        return spent;
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
     * candidate's stock is {@link Candidate#STOCK_NOT_READ}.
     */
    private List<Candidate> offered(SlotPolicy policy, GeoPoint home, boolean readStock) {
        return offered(List.of(policy), Collections.singletonList(home), readStock)
                .get(0);
    }

    /**
     * {@link #offered} for several slots (the i-th policy with the i-th home): the prices are read in
     * one query for the slots that list their stores and one for those bound by distance, and the
     * stock in one more when it is asked for, however many slots, products and stores there are.
     */
    private List<List<Candidate>> offered(List<SlotPolicy> policies, List<GeoPoint> homes, boolean readStock) {
        var offers = offersFor(policies, homes);
        var stock = readStock
                ? inventory.levels(offers.stream()
                        .flatMap(List::stream)
                        .map(Pressing::shelf)
                        .distinct()
                        .toList())
                : Map.<Shelf, StockLevel>of();
        var now = clock.instant();
        var readyAt = new HashMap<StoreId, Optional<Instant>>();
        var candidates = new ArrayList<List<Candidate>>();
        for (int i = 0; i < policies.size(); i++) {
            var policy = policies.get(i);
            candidates.add(offers.get(i).stream()
                    .map(offer -> new Candidate(
                            offer.productId(),
                            offer.storeId(),
                            offer.price(),
                            readStock
                                    ? stock.getOrDefault(shelf(offer), StockLevel.NONE)
                                            .available()
                                    : Candidate.STOCK_NOT_READ,
                            policy.strategy() == Strategy.FASTEST
                                    ? readyAt.computeIfAbsent(offer.storeId(), store -> stores.readyAt(store, now))
                                            .orElse(null)
                                    : null))
                    .toList());
        }
        return candidates;
    }

    /**
     * The offers each slot may order from: at the stores it lists, or at those within its distance of
     * the household's home, nearest first (none while the home is unknown).
     */
    private List<List<Catalog.Offer>> offersFor(List<SlotPolicy> policies, List<GeoPoint> homes) {
        var listed = new ArrayList<SlotPolicy>();
        var near = new ArrayList<SlotPolicy>();
        for (int i = 0; i < policies.size(); i++) {
            if (!policies.get(i).byDistance()) {
                listed.add(policies.get(i));
            } else if (homes.get(i) != null) {
                near.add(policies.get(i));
            }
        }
        var listedOffers = listed.isEmpty()
                ? List.<Catalog.Offer>of()
                : catalog.offersOf(
                        listed.stream()
                                .flatMap(p -> p.productIds().stream())
                                .distinct()
                                .toList(),
                        listed.stream()
                                .flatMap(p -> p.storeIds().stream())
                                .distinct()
                                .toList());
        var anywhere = near.isEmpty()
                ? List.<Catalog.Offer>of()
                : catalog.offersOf(near.stream()
                        .flatMap(p -> p.productIds().stream())
                        .distinct()
                        .toList());
        var offers = new ArrayList<List<Catalog.Offer>>();
        for (int i = 0; i < policies.size(); i++) {
            var policy = policies.get(i);
            var home = homes.get(i);
            if (!policy.byDistance()) {
                offers.add(inOrder(listedOffers, policy, policy.storeIds()));
            } else if (home == null) {
                offers.add(List.of());
            } else {
                // Only the few stores that offer a product are measured (each read once per node), not all.
                var nearest = anywhere.stream()
                        .filter(offer -> policy.productIds().contains(offer.productId()))
                        .map(Catalog.Offer::storeId)
                        .distinct()
                        .map(stores::find)
                        .flatMap(Optional::stream)
                        .filter(store -> home.distanceKmTo(store.location()) <= policy.maxDistanceKm())
                        .sorted(Comparator.comparingDouble(store -> home.distanceKmTo(store.location())))
                        .map(Store::id)
                        .toList();
                offers.add(inOrder(anywhere, policy, nearest));
            }
        }
        return offers;
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
