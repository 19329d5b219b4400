/**
 * The Spring-free model of what a slot may order and how a press chooses: {@link
 * dev.corner.devices.model.SlotPolicy}, {@link dev.corner.devices.model.Choice} and the signing rule
 * of the device protocol; and how fast a slot is used up and when to reorder it ({@link
 * dev.corner.devices.model.ConsumptionModel}, {@link dev.corner.devices.model.ReplenishmentPolicy}).
 * Exposed so that other modules can describe a slot's need.
 */
@NamedInterface("model")
package dev.corner.devices.model;

import org.springframework.modulith.NamedInterface;
