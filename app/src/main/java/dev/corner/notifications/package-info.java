/**
 * Notifications: each account's inbox (low-stock alerts so far), to come: live updates, e-mail and
 * signed webhooks. It listens to the other modules' events; no domain module depends on it, only
 * the web apps read the inbox. A simple module: flat persistence through {@code JdbcClient}.
 */
@ApplicationModule(allowedDependencies = {"common", "orders", "devices", "accounts", "stores", "catalog", "inventory"})
package dev.corner.notifications;

import org.springframework.modulith.ApplicationModule;
