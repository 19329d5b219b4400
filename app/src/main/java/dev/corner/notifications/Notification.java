package dev.corner.notifications;

import java.time.Instant;
import java.util.Map;

/**
 * One notice in an account's inbox; {@code storeId} and {@code productId} say what it is about, if
 * anything. {@code text} is in English; {@code params} holds the values it speaks of, by name, for an
 * app to write the notice in its own language (see each kind).
 */
public record Notification(
        String notificationId,
        String kind,
        String title,
        String text,
        String storeId,
        String productId,
        Instant createdAt,
        Instant readAt,
        Map<String, String> params) {

    public Notification {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** A product's stock fell to its reorder point. */
    public static final String LOW_STOCK = "LOW_STOCK";

    /**
     * A device's order waits for the household's confirmation; params {@code orderId}, {@code
     * amount} and {@code currency} (its total, in minor units), {@code confirmBy} (ISO-8601).
     */
    public static final String CONFIRMATION_NEEDED = "CONFIRMATION_NEEDED";

    /**
     * A press ordered nothing: a spending limit, or nothing within the slot's policy; params {@code
     * deviceId}, {@code slotId}, {@code result} ({@code LIMIT_EXCEEDED}, {@code UNAVAILABLE}) and
     * {@code reason} (the press answer's).
     */
    public static final String PRESS_REFUSED = "PRESS_REFUSED";

    /**
     * A device sent no heartbeat for 48 hours; params {@code deviceId} and {@code lastSeenAt}
     * (ISO-8601, absent if it never sent one).
     */
    public static final String DEVICE_SILENT = "DEVICE_SILENT";

    /** A device pressed too fast and was paused; param {@code deviceId}. */
    public static final String DEVICE_PAUSED = "DEVICE_PAUSED";

    public boolean read() {
        return readAt != null;
    }
}
