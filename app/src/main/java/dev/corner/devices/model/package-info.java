/**
 * The Spring-free model of what a slot may order and how a press chooses: {@link
 * dev.corner.devices.model.SlotPolicy}, {@link dev.corner.devices.model.Choice} and the signing rule
 * of the device protocol. Exposed so that other modules can describe a slot's need.
 */
@NamedInterface("model")
package dev.corner.devices.model;

import org.springframework.modulith.NamedInterface;
