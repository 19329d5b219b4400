/**
 * Point of sale: sales recorded at a store's till, with register-made sale ids so that a sale sent
 * twice is recorded once; registers and their shifts, with cash movements and a Z-report
 * ({@code pos.model}, free of Spring). Prices come from the catalog's offers; stock moves in
 * inventory in the same transaction. Card tenders, returns and offline sync come next.
 */
@ApplicationModule(allowedDependencies = {"common", "catalog", "inventory", "payments", "stores"})
package dev.corner.pos;

import org.springframework.modulith.ApplicationModule;
