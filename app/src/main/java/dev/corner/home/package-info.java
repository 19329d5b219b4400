/**
 * The front page: the live state of the platform (stores, their stock, recent orders) read from the
 * database, and the web sign-in page. It only reads, through the other modules' public APIs.
 */
@ApplicationModule(allowedDependencies = {"common", "stores", "catalog", "inventory", "orders"})
package dev.corner.home;

import org.springframework.modulith.ApplicationModule;
