/**
 * Notifications: each account's inbox (low-stock alerts so far), e-mail through an outbox, and
 * signed webhooks; to come: live updates. It listens to the other modules' events; no domain module
 * depends on it, only the web apps read the inbox. A simple module: flat persistence through
 * {@code JdbcClient}.
 */
@ApplicationModule(
        allowedDependencies = {"common", "orders", "devices", "accounts", "stores", "pos", "catalog", "inventory"})
package dev.corner.notifications;

import org.springframework.modulith.ApplicationModule;
