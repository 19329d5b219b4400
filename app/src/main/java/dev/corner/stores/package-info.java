/**
 * Stores: merchants' shops with their location and currency. A simple module: flat persistence,
 * no separate domain model. Other modules ask it who owns a store and where stores are.
 */
@ApplicationModule(allowedDependencies = "common")
package dev.corner.stores;

import org.springframework.modulith.ApplicationModule;
