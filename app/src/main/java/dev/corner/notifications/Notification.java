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

    public boolean read() {
        return readAt != null;
    }
}
