/**
 * Orders: households' orders and their lifecycle (placed, cancelled within the window, confirmed,
 * handed over). A rich module: {@link dev.corner.orders.model.Order} guards its own transitions and
 * knows nothing of Spring or SQL; {@link dev.corner.orders.Ordering} is the application service.
 */
@ApplicationModule(
        allowedDependencies = {"common", "catalog", "inventory", "payments", "stores", "accounts", "delivery"})
package dev.corner.orders;

import org.springframework.modulith.ApplicationModule;
