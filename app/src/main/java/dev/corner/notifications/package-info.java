/**
 * Notifications: per-user inbox, live updates, e-mail and signed webhooks. It only listens to the
 * other modules' events; nothing depends on it.
 */
@ApplicationModule(allowedDependencies = {"common", "orders", "devices", "accounts", "stores", "pos"})
package dev.corner.notifications;

import org.springframework.modulith.ApplicationModule;
