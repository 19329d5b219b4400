/**
 * Devices: device models and their slots, provisioning, claiming, slot policies, and the signed
 * device protocol (press, slot status, heartbeat, config). A rich module: the choice of what a press
 * orders and the consumption model that foretells when a slot runs empty are Spring-free, in {@code
 * devices.model}; application services are named as actions ({@link dev.corner.devices.Pressing},
 * {@link dev.corner.devices.Provisioning}, {@link dev.corner.devices.HouseholdDevices}, {@link
 * dev.corner.devices.Replenishing}). Devices hold no payment data; each has its own secret,
 * kept encrypted at rest. The protocol travels over HTTP ({@code devices.internal}'s controllers) and
 * over MQTT ({@code devices.mqtt}: an embedded broker or an external one); both authenticate with
 * {@code DeviceAuthentication} and answer through {@code DeviceProtocol}.
 */
@ApplicationModule(allowedDependencies = {"common", "orders", "catalog", "inventory", "stores", "accounts"})
package dev.corner.devices;

import org.springframework.modulith.ApplicationModule;
