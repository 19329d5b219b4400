package dev.corner.notifications.internal;

import dev.corner.common.AccountId;
import dev.corner.devices.DeviceEvents;
import dev.corner.devices.DeviceEvents.DeviceDeregistered;
import dev.corner.devices.DeviceEvents.DeviceRegistered;
import dev.corner.devices.DeviceEvents.SlotChanged;
import dev.corner.devices.HouseholdDevices;
import dev.corner.orders.OrderEvents.OrderCancelled;
import dev.corner.orders.OrderEvents.OrderCompleted;
import dev.corner.orders.OrderEvents.OrderPlaced;
import dev.corner.orders.OrderId;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns the other modules' events into webhook events: device events go to the device's maker;
 * order events go to the merchant whose store has the order, and to the maker of the device that
 * placed it.
 *
 * <p>They run just before the change that raised the event commits, in its transaction: the
 * deliveries are written to the outbox together with the order or the device (a transactional
 * outbox), so a webhook is queued exactly when the change happened, at no extra commit. {@link
 * WebhookSender} delivers them afterwards.
 */
@Component
class WebhookEvents {

    private final Webhooks webhooks;
    private final HouseholdDevices devices;
    private final Stores stores;

    WebhookEvents(Webhooks webhooks, HouseholdDevices devices, Stores stores) {
        this.webhooks = webhooks;
        this.devices = devices;
        this.stores = stores;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(DeviceRegistered event) {
        webhooks.publish(
                event.makerId(),
                "device.registered",
                "device.registered:" + event.deviceId().value(),
                Map.of("deviceId", event.deviceId().value(), "modelId", event.modelId(), "serial", event.serial()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(DeviceDeregistered event) {
        webhooks.publish(
                event.makerId(),
                "device.deregistered",
                "device.deregistered:" + event.deviceId().value(),
                Map.of("deviceId", event.deviceId().value(), "by", event.by()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(SlotChanged event) {
        webhooks.publish(
                event.makerId(),
                "slot.changed",
                "slot.changed:" + dev.corner.common.Ids.next("ev"),
                Map.of("deviceId", event.deviceId().value(), "slotId", event.slotId()));
    }

    /**
     * Orders placed in one transaction (a batch of presses places many) are queued together just
     * before it commits: their devices' makers and their owners' webhooks are read once for all. Taken
     * as they are published, so the batch is known before the commit begins.
     */
    @EventListener
    void on(OrderPlaced event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            placed(List.of(event));
            return;
        }
        var pending = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(PlacedInTransaction.class::isInstance)
                .map(PlacedInTransaction.class::cast)
                .filter(p -> p.of == this)
                .findFirst();
        if (pending.isEmpty()) {
            var begun = new PlacedInTransaction(this);
            begun.events.add(event);
            TransactionSynchronizationManager.registerSynchronization(begun);
        } else if (pending.get().sent) {
            // Published while the transaction commits, after the batch went: sent on its own.
            placed(List.of(event));
        } else {
            pending.get().events.add(event);
        }
    }

    /** The orders placed in one transaction, sent just before it commits. */
    private static final class PlacedInTransaction implements TransactionSynchronization {
        private final WebhookEvents of;
        private final List<OrderPlaced> events = new ArrayList<>();
        private boolean sent;

        PlacedInTransaction(WebhookEvents of) {
            this.of = of;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            sent = true;
            of.placed(events);
        }
    }

    private void placed(List<OrderPlaced> events) {
        var origins = devices.originsOf(events.stream().map(OrderPlaced::source).toList());
        var publications = new ArrayList<Webhooks.Publication>();
        for (var event : events) {
            var data = new LinkedHashMap<String, Object>();
            data.put("total", event.total());
            data.put(
                    "cancelUntil",
                    event.cancelUntil() == null ? null : event.cancelUntil().toString());
            order(
                            "order.placed",
                            event.orderId(),
                            event.storeId(),
                            data,
                            Optional.ofNullable(origins.get(event.source())))
                    .ifPresent(publications::add);
        }
        webhooks.publishAll(publications);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(OrderCancelled event) {
        ended("order.cancelled", event.orderId(), event.storeId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(OrderCompleted event) {
        ended("order.completed", event.orderId(), event.storeId());
    }

    /** An order that was cancelled or completed: its device, if any, is found from the order. */
    private void ended(String type, OrderId orderId, StoreId storeId) {
        order(type, orderId, storeId, new LinkedHashMap<>(), devices.originOf(orderId))
                .ifPresent(publication -> webhooks.publishAll(List.of(publication)));
    }

    /** The order event for the store's merchant and for the maker of the device that placed it, if any. */
    private Optional<Webhooks.Publication> order(
            String type,
            OrderId orderId,
            StoreId storeId,
            LinkedHashMap<String, Object> data,
            Optional<DeviceEvents.DeviceOrigin> origin) {
        data.put("orderId", orderId.value());
        data.put("storeId", storeId.value());
        var dataByOwner = new LinkedHashMap<AccountId, Map<String, Object>>();
        stores.find(storeId).ifPresent(store -> dataByOwner.put(store.merchantId(), data));
        origin.ifPresent(device -> {
            // The maker learns what its device did, not where the household shops.
            var withDevice = new LinkedHashMap<>(data);
            withDevice.remove("storeId");
            withDevice.put("deviceId", device.deviceId().value());
            withDevice.put("slotId", device.slotId());
            dataByOwner.put(device.makerId(), withDevice);
        });
        return dataByOwner.isEmpty()
                ? Optional.empty()
                : Optional.of(new Webhooks.Publication(type, type + ":" + orderId.value(), dataByOwner));
    }
}
