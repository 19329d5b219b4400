package dev.corner.devices;

import dev.corner.catalog.Catalog;
import dev.corner.common.CornerException;
import dev.corner.common.Ids;
import dev.corner.devices.PressAnswer.ProductShown;
import dev.corner.devices.PressAnswer.Result;
import dev.corner.devices.internal.DeviceRecords;
import dev.corner.devices.internal.DeviceRecords.Device;
import dev.corner.devices.internal.DeviceRecords.Slot;
import dev.corner.devices.model.Candidate;
import dev.corner.devices.model.Choice;
import dev.corner.devices.model.SlotPolicy;
import dev.corner.inventory.Inventory;
import dev.corner.orders.OrderView;
import dev.corner.orders.Ordering;
import dev.corner.orders.Ordering.PlaceOrder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What happens when a device's button is pressed: at most one open order per slot, the same press
 * id always gets the same answer, and an order is placed only for a product, store and price that
 * the slot's policy allows.
 */
@Service
public class Pressing {

    public static final int MAX_PRESS_QUANTITY = 10;

    private final DeviceRecords records;
    private final Ordering ordering;
    private final Catalog catalog;
    private final Inventory inventory;
    private final JsonMapper json;
    private final Clock clock;

    Pressing(
            DeviceRecords records,
            Ordering ordering,
            Catalog catalog,
            Inventory inventory,
            JsonMapper json,
            Clock clock) {
        this.records = records;
        this.ordering = ordering;
        this.catalog = catalog;
        this.inventory = inventory;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public PressAnswer press(DeviceId deviceId, String slotId, String pressId, Integer quantity) {
        Ids.requireValid(pressId, "pressId");
        int multiplier = quantity == null ? 1 : quantity;
        if (multiplier < 1 || multiplier > MAX_PRESS_QUANTITY) {
            throw CornerException.invalid("INVALID_QUANTITY", "quantity must be 1 to " + MAX_PRESS_QUANTITY);
        }
        // Presses of one device run one at a time: two cannot both find a slot free, and a press id
        // sent twice at once is answered once.
        records.lockDevice(deviceId);
        var slot = records.lockSlot(deviceId, Ids.requireValid(slotId, "slotId"))
                .orElseThrow(() -> CornerException.notFound("SLOT_NOT_FOUND", "this device has no slot " + slotId));
        var earlier = records.pressAnswer(deviceId, pressId);
        if (earlier.isPresent()) {
            return json.readValue(earlier.get(), PressAnswer.class);
        }
        var device = records.device(deviceId).orElseThrow();
        var answer = decide(device, slot, multiplier);
        records.recordPress(deviceId, pressId, slotId, json.writeValueAsString(answer), clock.instant());
        return answer;
    }

    private PressAnswer decide(Device device, Slot slot, int multiplier) {
        if (device.paused()) {
            return PressAnswer.of(Result.PAUSED);
        }
        if (slot.policy() == null) {
            return PressAnswer.of(Result.NOT_CONFIGURED);
        }
        if (slot.openOrder() != null) {
            var open = ordering.find(slot.openOrder()).filter(o -> o.status().isOpen());
            if (open.isPresent()) {
                return answer(Result.ORDER_IN_PROGRESS, open.get());
            }
        }
        var policy = slot.policy();
        long quantity = (long) policy.quantity() * multiplier;
        for (var candidate : Choice.rank(policy, offered(policy), quantity)) {
            var placed = ordering.place(new PlaceOrder(
                    device.household(),
                    candidate.storeId(),
                    candidate.productId(),
                    quantity,
                    policy.maxUnitPrice(),
                    policy.fulfilment(),
                    "device:" + device.id() + "/" + slot.slotId()));
            if (placed.isPresent()) {
                records.setOpenOrder(device.id(), slot.slotId(), placed.get().orderId());
                return answer(Result.ORDER_PLACED, placed.get());
            }
        }
        return PressAnswer.of(Result.UNAVAILABLE);
    }

    /** What a slot would order now, without ordering it; for devices with a display. */
    @Transactional(readOnly = true)
    public Optional<Candidate> wouldOrder(SlotPolicy policy) {
        return Choice.rank(policy, offered(policy), policy.quantity()).stream().findFirst();
    }

    private List<Candidate> offered(SlotPolicy policy) {
        var offered = new ArrayList<Candidate>();
        for (var product : policy.productIds()) {
            for (var store : policy.storeIds()) {
                catalog.priceAt(store, product)
                        .ifPresent(price -> offered.add(new Candidate(
                                product,
                                store,
                                price,
                                inventory.level(store, product).available())));
            }
        }
        return offered;
    }

    private PressAnswer answer(Result result, OrderView order) {
        var line = order.lines().get(0);
        var product = catalog.requireProduct(line.productId());
        return new PressAnswer(
                result,
                order.orderId().value(),
                order.cancelUntil(),
                new ProductShown(product.id().value(), product.name(), product.brand()),
                line.unitPrice(),
                order.total());
    }
}
