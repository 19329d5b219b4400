/**
 * Inventory: stock per store and product, the append-only movement ledger, and reservations.
 * Every change to a stock level writes its movement in the same transaction, so levels always equal
 * the ledger. Reservations are one conditional update: available stock never goes below zero.
 */
@ApplicationModule(allowedDependencies = {"common", "catalog", "stores"})
package dev.corner.inventory;

import org.springframework.modulith.ApplicationModule;
