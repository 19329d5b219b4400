/**
 * Stores: merchants' shops with their location and currency, and the staff who work there. A simple module: flat persistence,
 * no separate domain model. Other modules ask it who owns a store and where stores are.
 */
@ApplicationModule(allowedDependencies = {"common", "accounts"})
package dev.corner.stores;

import org.springframework.modulith.ApplicationModule;
