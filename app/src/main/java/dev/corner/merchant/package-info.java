/**
 * The merchant's back office, {@code /merchant}: pages rendered on the server (Thymeleaf, htmx for
 * the live parts) over the other modules' public APIs, for a signed-in merchant's own stores: stock
 * with search and filters, receiving, adjusting, counting, transfers, low stock with reorder
 * suggestions, shifts and Z-reports, CSV import with progress and export, and low-stock alerts.
 * It holds no data of its own.
 */
@ApplicationModule(
        allowedDependencies = {"common", "stores", "catalog", "inventory", "pos", "pos :: model", "notifications"})
package dev.corner.merchant;

import org.springframework.modulith.ApplicationModule;
