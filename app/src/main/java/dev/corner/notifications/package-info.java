/**
 * Notifications: each account's inbox (low-stock alerts, households' device and order notices),
 * live streams of new notices ({@link dev.corner.notifications.LiveNotices}), e-mail through an
 * outbox, and signed webhooks. It listens to the other modules' events; no domain module
 * depends on it, only the web apps read the inbox. A simple module: flat persistence through
 * {@code JdbcClient}.
 */
@ApplicationModule(
        allowedDependencies = {"common", "orders", "devices", "accounts", "stores", "pos", "catalog", "inventory"})
package dev.corner.notifications;

import org.springframework.modulith.ApplicationModule;
