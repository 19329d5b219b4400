package dev.corner.notifications;

import java.time.Instant;

/** One notice in an account's inbox; {@code storeId} and {@code productId} say what it is about, if anything. */
public record Notification(
        String notificationId,
        String kind,
        String title,
        String text,
        String storeId,
        String productId,
        Instant createdAt,
        Instant readAt) {

    /** A product's stock fell to its reorder point. */
    public static final String LOW_STOCK = "LOW_STOCK";

    /** A device's order waits for the household's confirmation. */
    public static final String CONFIRMATION_NEEDED = "CONFIRMATION_NEEDED";

    /** A press ordered nothing: a spending limit, or nothing within the slot's policy. */
    public static final String PRESS_REFUSED = "PRESS_REFUSED";

    /** A device sent no heartbeat for 48 hours. */
    public static final String DEVICE_SILENT = "DEVICE_SILENT";

    /** A device pressed too fast and was paused. */
    public static final String DEVICE_PAUSED = "DEVICE_PAUSED";

    public boolean read() {
        return readAt != null;
    }
}
