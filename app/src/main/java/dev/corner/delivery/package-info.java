/**
 * Delivery: couriers, delivery jobs, dispatch, quotes and tracking. It knows stores and accounts but
 * not orders: it publishes what happened to a job and the orders module listens.
 */
@ApplicationModule(allowedDependencies = {"common", "stores", "accounts"})
package dev.corner.delivery;

import org.springframework.modulith.ApplicationModule;
