package dev.corner.devices.model;

import dev.corner.common.CornerException;
import java.time.Instant;

/**
 * One status report of a slot: how much was left of how much fits, when the device measured it.
 * Quantities are in the slot's unit (tablets, grams, millilitres) and may be fractional.
 */
public record SlotReading(Instant measuredAt, double remaining, double capacity) {

    public SlotReading {
        if (measuredAt == null) {
            throw CornerException.invalid("INVALID_MEASURED_AT", "measuredAt is required");
        }
        if (!Double.isFinite(capacity) || capacity <= 0) {
            throw CornerException.invalid("INVALID_CAPACITY", "capacity must be a number above zero");
        }
        if (!Double.isFinite(remaining) || remaining < 0 || remaining > capacity) {
            throw CornerException.invalid("INVALID_REMAINING", "remaining must be a number from 0 to capacity");
        }
    }
}
