package dev.corner.inventory;

import dev.corner.common.CornerException;

/**
 * One entry of the stock ledger: what kind of movement, and by how much it changed what is on the
 * shelf and what is promised to orders. A stock level is the sum of its movements, always.
 */
public record Movement(MovementKind kind, long onHandDelta, long reservedDelta, AdjustmentReason reason) {

    /** Why stock was adjusted by hand. */
    public enum AdjustmentReason {
        DAMAGED,
        EXPIRED,
        THEFT,
        FOUND,
        CORRECTION,
        OTHER
    }

    public Movement {
        if (onHandDelta == 0 && reservedDelta == 0 && kind != MovementKind.COUNTED) {
            throw CornerException.invalid("INVALID_QUANTITY", "a movement changes stock by at least one unit");
        }
        if (kind == MovementKind.ADJUSTED && reason == null) {
            throw CornerException.invalid("INVALID_REASON", "an adjustment needs a reason");
        }
    }

    public static Movement adjusted(long delta, AdjustmentReason reason) {
        return new Movement(MovementKind.ADJUSTED, delta, 0, reason);
    }

    /** A count sets what is on the shelf; the movement is the difference from what the ledger expected. */
    public static Movement counted(long expected, long counted) {
        return new Movement(MovementKind.COUNTED, counted - expected, 0, null);
    }

    public StockLevel applyTo(StockLevel level) {
        return new StockLevel(level.onHand() + onHandDelta, level.reserved() + reservedDelta);
    }
}
