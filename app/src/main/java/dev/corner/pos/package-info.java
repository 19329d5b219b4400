/**
 * Point of sale: sales recorded at a store's till, with register-made sale ids so that a sale sent
 * twice is recorded once. Prices come from the catalog's offers; stock moves in inventory in the same
 * transaction. Registers, shifts, card tenders, returns and offline sync come next.
 */
@ApplicationModule(allowedDependencies = {"common", "catalog", "inventory", "payments", "stores"})
package dev.corner.pos;

import org.springframework.modulith.ApplicationModule;
