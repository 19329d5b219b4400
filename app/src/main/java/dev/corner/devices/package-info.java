/**
 * Devices: device models and their slots, provisioning, claiming, slot policies, and the signed
 * device protocol (press, heartbeat, config). A rich module: the choice of what a press orders is a
 * Spring-free policy in {@code devices.model}; application services are named as actions
 * ({@link dev.corner.devices.Pressing}, {@link dev.corner.devices.Provisioning},
 * {@link dev.corner.devices.HouseholdDevices}). Devices hold no payment data; each has its own secret,
 * kept encrypted at rest.
 */
@ApplicationModule(allowedDependencies = {"common", "orders", "catalog", "inventory", "stores", "accounts"})
package dev.corner.devices;

import org.springframework.modulith.ApplicationModule;
