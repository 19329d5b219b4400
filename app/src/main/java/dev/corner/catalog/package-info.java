/**
 * Catalog: products identified by GTIN, and offers (a store's price for a product). A simple
 * module: value objects ({@link dev.corner.catalog.Gtin}) guard the input, persistence is flat.
 */
@ApplicationModule(allowedDependencies = {"common", "stores"})
package dev.corner.catalog;

import org.springframework.modulith.ApplicationModule;
